"""The workstation's data key: a file with 0600 permissions in the user's configuration folder.

Created at first start when the database holds no encrypted data yet; exported by an
administrator for safekeeping or for the other workstations of a shared database, and imported
there. The key never enters the database; only its check value does.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

from crm_desk.domain.errors import ConfigurationError
from crm_desk.services.crypto import KEY_BYTES, new_master_key

HEADER = "CRM-DESK-DATA-KEY v1"
KEY_FILE_NAME = "data.key"


def key_path(config_dir: Path) -> Path:
    return config_dir / KEY_FILE_NAME


def _write_private(path: Path, key: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f"{HEADER}\n{base64.b64encode(key).decode('ascii')}\n"
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(text)
    os.chmod(partial, 0o600)
    partial.replace(path)


def read_key(path: Path) -> bytes:
    try:
        lines = path.read_text(encoding="ascii").split()
    except FileNotFoundError as exc:
        raise ConfigurationError(f"There is no key file at {path}.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"The key file {path} cannot be read: {exc}") from exc
    try:
        if " ".join(lines[:-1]) != HEADER:
            raise ValueError
        key = base64.b64decode(lines[-1], validate=True)
    except ValueError as exc:
        raise ConfigurationError(f"{path} is not a CRM Desk key file.") from exc
    if len(key) != KEY_BYTES:
        raise ConfigurationError(f"{path} is not a CRM Desk key file (wrong length).")
    return key


def load_key(config_dir: Path) -> bytes | None:
    path = key_path(config_dir)
    return read_key(path) if path.exists() else None


def create_key(config_dir: Path) -> bytes:
    path = key_path(config_dir)
    if path.exists():
        raise ConfigurationError(f"A key file already exists at {path}; it was not replaced.")
    key = new_master_key()
    _write_private(path, key)
    return key


def export_key(config_dir: Path, target: Path) -> Path:
    key = load_key(config_dir)
    if key is None:
        raise ConfigurationError("This workstation has no data key to export.")
    if target.exists():
        raise ConfigurationError(f"{target} already exists; choose a new file name.")
    _write_private(target, key)
    return target


def import_key(config_dir: Path, source: Path) -> bytes:
    """Install a key exported elsewhere; the key it replaces is kept beside it, never lost."""
    key = read_key(source)
    path = key_path(config_dir)
    if path.exists():
        current = read_key(path)
        if current == key:
            return key
        kept = len(list(path.parent.glob(f"{KEY_FILE_NAME}.replaced-*")))
        _write_private(path.with_name(f"{KEY_FILE_NAME}.replaced-{kept + 1}"), current)
    _write_private(path, key)
    return key
