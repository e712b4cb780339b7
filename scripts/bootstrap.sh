#!/usr/bin/env bash
# Build .venv from a lock file if it is missing or the lock changed since the last install.
#   scripts/bootstrap.sh requirements.lock        (run the app)
#   scripts/bootstrap.sh requirements-test.lock   (run the tests)
# Interpreter: CPython 3.12+ when the machine has one (pyenv installs included), else 3.11;
# the lock pins PySide6 6.11.3 on 3.11 because 6.12.0 crashes there (none_dealloc).
set -euo pipefail
cd "$(dirname "$0")/.."
LOCK="${1:-requirements.lock}"
VENV="${CRM_DESK_VENV:-.venv}"

pick_python() {
    local candidates=()
    [[ -n "${CRM_DESK_PYTHON:-}" ]] && candidates+=("$CRM_DESK_PYTHON")
    candidates+=(python3.13 python3.12)
    local root="${PYENV_ROOT:-$HOME/.pyenv}"
    for dir in "$root"/versions/3.13* "$root"/versions/3.12*; do
        [[ -x "$dir/bin/python3" ]] && candidates+=("$dir/bin/python3")
    done
    candidates+=(python3.11 python3)
    for py in "${candidates[@]}"; do
        # pyenv shims exist for versions that are not active; actually run each candidate.
        if "$py" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
            "$py" -c 'import sys; print(sys.executable)'
            return 0
        fi
    done
    echo "CRM Desk needs CPython 3.11 or newer (3.12+ preferred); none was found." >&2
    return 1
}

if [[ ! -x "$VENV/bin/python" ]]; then
    PY="$(pick_python)"
    echo "Creating $VENV with $PY" >&2
    "$PY" -m venv "$VENV"
fi

STAMP="$VENV/.installed-$(basename "$LOCK")"
WANT="$(sha256sum "$LOCK" | cut -d' ' -f1)"
if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "$WANT" ]]; then
    echo "Installing $LOCK into $VENV" >&2
    # Some machines list local mirrors in pip's configuration that do not exist; that noise is dropped.
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$LOCK" \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    echo "$WANT" > "$STAMP"
fi
