"""Sign-in lockout: after too many failures an account is locked for a while."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class LoginState:
    failed_attempts: int
    locked_until: datetime | None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime, max_failures: int, lock_minutes: int) -> LoginState:
        if self.is_locked(now):
            return self  # a failure during the lock neither lifts nor extends it
        failures = (
            0
            if self.locked_until is not None and now >= self.locked_until
            else self.failed_attempts
        )
        failures += 1
        if failures >= max_failures:
            return LoginState(failed_attempts=0, locked_until=now + timedelta(minutes=lock_minutes))
        return LoginState(failed_attempts=failures, locked_until=None)

    @staticmethod
    def after_success() -> LoginState:
        return LoginState(failed_attempts=0, locked_until=None)
