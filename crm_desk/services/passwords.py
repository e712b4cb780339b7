"""argon2id password hashing (argon2-cffi), with cheaper parameters available for tests."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher as _Argon2
from argon2 import Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class PasswordHasher:
    def __init__(
        self, *, time_cost: int = 3, memory_cost: int = 65536, parallelism: int = 4
    ) -> None:
        self._argon2 = _Argon2(
            time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism, type=Type.ID
        )

    @functools.cached_property
    def dummy_hash(self) -> str:
        """Verified against when the user name is unknown, so both cases take the same time.

        Made on first use: hashing costs tens of milliseconds that start-up need not pay."""
        return self._argon2.hash("not a password of anyone")

    def hash(self, password: str) -> str:
        return self._argon2.hash(password)

    def verify(self, stored_hash: str, password: str) -> bool:
        try:
            return self._argon2.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        return self._argon2.check_needs_rehash(stored_hash)


def fast_hasher_for_tests() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
