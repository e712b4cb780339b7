"""Personal data at rest: AES-256-GCM per field, and keyed blind indexes for exact look-up.

One 32-byte master key (kept outside the database, see keystore.py) yields, through HKDF, a key
for encryption, a key for blind indexes and a key-check value stored in the database so that a
workstation holding another key is refused instead of writing data nobody else can read.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crm_desk.domain.errors import KnownError

KEY_BYTES = 32
_VERSION = b"\x01"
_NONCE = 12


class KeyMismatch(KnownError):
    code = "key_mismatch"
    template = (
        "This workstation's data key does not match the database's. Import the key exported "
        "from a workstation that works with this database."
    )


class KeyMissing(KnownError):
    code = "key_missing"
    template = (
        "This database already holds encrypted data, and this workstation has no data key. "
        "Import the key exported from a workstation that works with this database."
    )


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(master)


class FieldCipher:
    def __init__(self, master: bytes) -> None:
        if len(master) != KEY_BYTES:
            raise ValueError("the master key must be 32 bytes")
        self._aead = AESGCM(_derive(master, b"crm-desk field encryption v1"))
        self._index_key = _derive(master, b"crm-desk blind index v1")
        self.check_value = _derive(master, b"crm-desk key check v1").hex()

    def encrypt(self, field: str, plaintext: str) -> bytes:
        """The field name is bound in as associated data: a value moved to another field fails."""
        nonce = os.urandom(_NONCE)
        sealed = self._aead.encrypt(nonce, plaintext.encode("utf-8"), field.encode("ascii"))
        return _VERSION + nonce + sealed

    def decrypt(self, field: str, blob: bytes) -> str:
        if not blob or blob[:1] != _VERSION:
            raise KeyMismatch()
        nonce, sealed = blob[1 : 1 + _NONCE], blob[1 + _NONCE :]
        try:
            return self._aead.decrypt(nonce, sealed, field.encode("ascii")).decode("utf-8")
        except InvalidTag as exc:
            raise KeyMismatch() from exc

    def blind_index(self, kind: str, value: str) -> str:
        """HMAC-SHA256 of a normalised value: equal values, equal indexes; nothing else leaks."""
        message = kind.encode("ascii") + b"\x00" + value.encode("utf-8")
        return hmac.new(self._index_key, message, hashlib.sha256).hexdigest()


def new_master_key() -> bytes:
    return os.urandom(KEY_BYTES)
