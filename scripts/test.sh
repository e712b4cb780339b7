#!/usr/bin/env bash
# The test command: installs what the suite needs, then runs it on SQLite and on a throwaway
# PostgreSQL cluster that it starts on a loopback port and always removes afterwards.
set -uo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(fonts-wqy-microhei libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
                 libegl1 libgl1 libfontconfig1 libdbus-1-3 xvfb xauth poppler-utils postgresql)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        echo "Installing system packages: ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
            || { echo "apt-get could not install: ${missing[*]}" >&2; exit 1; }
    else
        echo "Missing system packages (install them as root): ${missing[*]}" >&2
        exit 1
    fi
fi

scripts/bootstrap.sh requirements-test.lock || exit 1
PY=.venv/bin/python
export QT_QPA_PLATFORM=offscreen

echo "== lint: ruff and mypy --strict =="
$PY -m ruff check . || exit 1
$PY -m mypy || exit 1

# --- throwaway PostgreSQL -------------------------------------------------------------------
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -x "$PG_BIN/initdb" ]] || { echo "PostgreSQL server binaries not found" >&2; exit 1; }
PG_DIR="$(mktemp -d /tmp/crm-desk-pg.XXXXXX)"
PG_PORT="$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_pg() {  # PostgreSQL refuses to run as root: use the postgres account when we are root
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
}
trap cleanup EXIT INT TERM
[[ $(id -u) -eq 0 ]] && chown postgres "$PG_DIR"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null \
    || { echo "initdb failed" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; exit 1; }
PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"

status=0
echo "== the whole suite on SQLite =="
$PY -m pytest "$@" || status=1
echo "== database and service tests on PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') =="
CRM_DESK_TEST_DATABASE_URL="$PG_URL" $PY -m pytest tests/unit tests/db "$@" || status=1
exit $status
