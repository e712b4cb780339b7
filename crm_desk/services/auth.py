"""Signing in and out, first-run set-up, lockout, unlocking an idle session, own password."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from crm_desk.db.models import Branch, User
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    Problem,
)
from crm_desk.domain.lockout import LoginState
from crm_desk.domain.roles import Role
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.keys import KeyService
from crm_desk.services.permissions import Permission, operation
from crm_desk.services.validation import (
    check_password,
    clean_branch_code,
    clean_name,
    clean_username,
    raise_if,
)


def actor_for(user: User) -> Actor:
    return Actor(
        user.id,
        user.username,
        user.full_name,
        Role(user.role),
        user.branch_id,
        user.branch.name,
        user.must_change_password,
    )


class AuthService(Service):
    # Not guarded by a permission: these run before anyone is signed in.
    keys: KeyService | None = None

    def needs_first_run(self) -> bool:
        with self.uow_factory() as uow:
            return uow.session.execute(select(func.count(User.id))).scalar_one() == 0

    def first_run(
        self, *, branch_code: str, branch_name: str, username: str, full_name: str, password: str
    ) -> Actor:
        """Create the first branch and its administrator; refused once any user exists."""
        problems: dict[str, Problem] = {}
        code = clean_branch_code(branch_code, problems)
        bname = clean_name(branch_name, "branch_name", problems)
        uname = clean_username(username, problems)
        fname = clean_name(full_name, "full_name", problems)
        check_password(password, uname, self.policy.security.min_password_length, problems)
        raise_if(problems)
        with self.uow_factory() as uow:
            if uow.session.execute(select(func.count(User.id))).scalar_one():
                raise Conflict("CRM Desk is already set up; sign in instead.", reason="set_up")
            now = uow.clock()
            system = Actor.system("first-run set-up")
            branch = Branch(code=code, name=bname, created_at=now)
            uow.session.add(branch)
            uow.session.flush()
            audit.record(
                uow,
                system,
                "branch.created",
                "branch",
                branch.id,
                {"code": (None, code), "name": (None, bname)},
            )
            user = User(
                username=uname,
                full_name=fname,
                role=Role.ADMINISTRATOR.value,
                branch_id=branch.id,
                password_hash=self.hasher.hash(password),
                must_change_password=False,
                is_active=True,
                failed_attempts=0,
                created_at=now,
            )
            uow.session.add(user)
            uow.session.flush()
            audit.record(
                uow,
                system,
                "user.created",
                "user",
                user.id,
                {
                    "username": (None, uname),
                    "role": (None, user.role),
                    "branch_id": (None, branch.id),
                },
            )
            user.branch = branch
            admin = actor_for(user)
            uow.commit()
            return admin

    def sign_in(self, username: str, password: str) -> Actor:
        """Refused while this workstation's data key does not fit the database (with how to fix
        it): a user signed in there could not read personal data, nor write any safely."""
        if self.keys is not None and self.keys.problem is not None:
            raise self.keys.problem
        uname = username.strip().casefold()
        with self.uow_factory() as uow:
            user = uow.session.execute(
                select(User).where(User.username == uname)
            ).scalar_one_or_none()
            if user is None:
                self.hasher.verify(self.hasher.dummy_hash, password)
                audit.record(
                    uow,
                    Actor.system(uname),
                    "auth.sign_in_failed",
                    "user",
                    "",
                    {"reason": (None, "unknown user name")},
                    actor_name=uname or "?",
                )
                uow.commit()
                raise AuthenticationFailed()
            self._check_password(uow, user, password, "auth.sign_in_failed")
            if self.hasher.needs_rehash(user.password_hash):
                user.password_hash = self.hasher.hash(password)
            user.last_login_at = uow.clock()
            audit.record(uow, actor_for(user), "auth.signed_in", "user", user.id)
            uow.commit()
            return actor_for(user)

    def _check_password(self, uow: UnitOfWork, user: User, password: str, failure: str) -> None:
        """Raise, after recording the failure, unless the account is usable and password right."""
        now: datetime = uow.clock()
        state = LoginState(user.failed_attempts, user.locked_until)
        actor = actor_for(user)
        if state.is_locked(now):
            audit.record(uow, actor, failure, "user", user.id, {"reason": (None, "locked")})
            uow.commit()
            raise AccountLocked(state.locked_until)
        if self.hasher.verify(user.password_hash, password):
            # Only the right password learns that the account is disabled: a stranger cannot
            # find out which accounts exist and are switched off.
            if not user.is_active:
                audit.record(uow, actor, failure, "user", user.id, {"reason": (None, "disabled")})
                uow.commit()
                raise AccountDisabled()
            if state != LoginState.after_success():
                user.failed_attempts, user.locked_until = 0, None
            return
        security = self.policy.security
        new = state.after_failure(now, security.max_failed_logins, security.lockout_minutes)
        user.failed_attempts, user.locked_until = new.failed_attempts, new.locked_until
        audit.record(
            uow,
            actor,
            failure,
            "user",
            user.id,
            {
                "reason": (None, "wrong password"),
                "failed_attempts": (state.failed_attempts, new.failed_attempts),
            }
            | (
                {"locked_until": (state.locked_until, new.locked_until)} if new.locked_until else {}
            ),
        )
        uow.commit()
        if new.locked_until is not None:
            raise AccountLocked(new.locked_until)
        raise AuthenticationFailed()

    @operation(Permission.OWN_ACCOUNT)
    def unlock_session(self, uow: UnitOfWork, actor: Actor, password: str) -> Actor:
        """The idle lock: the same user proves it is them; failures count toward the lockout."""
        user = uow.session.get_one(User, actor.user_id)
        self._check_password(uow, user, password, "auth.unlock_failed")
        audit.record(uow, actor, "auth.session_unlocked", "user", user.id)
        uow.commit()
        return actor_for(user)

    @operation(Permission.OWN_ACCOUNT)
    def record_idle_lock(self, uow: UnitOfWork, actor: Actor) -> None:
        audit.record(uow, actor, "auth.session_locked", "user", actor.user_id)
        uow.commit()

    @operation(Permission.OWN_ACCOUNT)
    def sign_out(self, uow: UnitOfWork, actor: Actor) -> None:
        audit.record(uow, actor, "auth.signed_out", "user", actor.user_id)
        uow.commit()

    @operation(Permission.OWN_ACCOUNT)
    def change_password(self, uow: UnitOfWork, actor: Actor, current: str, new: str) -> Actor:
        user = uow.session.get_one(User, actor.user_id)
        self._check_password(uow, user, current, "auth.password_change_failed")
        problems: dict[str, Problem] = {}
        check_password(
            new,
            user.username,
            self.policy.security.min_password_length,
            problems,
            field="new_password",
        )
        if new == current:
            problems["new_password"] = Problem(
                "password.unchanged", "Choose a password different from the current one."
            )
        raise_if(problems)
        user.password_hash = self.hasher.hash(new)
        was_forced = user.must_change_password
        user.must_change_password = False
        audit.record(
            uow,
            actor,
            "user.password_changed",
            "user",
            user.id,
            {"password": ("", ""), "must_change_password": (was_forced, False)},
        )
        uow.commit()
        return actor_for(user)
