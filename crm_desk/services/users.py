"""Accounts and branches: administrators create, disable (never delete) and reset."""

from __future__ import annotations

from sqlalchemy import func, select

from crm_desk.db.models import Branch, Client, User
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.errors import Conflict, NotFound, Problem
from crm_desk.domain.roles import Role
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.dto import BranchDTO, UserDTO
from crm_desk.services.permissions import Permission, operation
from crm_desk.services.validation import (
    check_password,
    clean_branch_code,
    clean_name,
    clean_role,
    clean_username,
    raise_if,
)


def user_dto(user: User) -> UserDTO:
    return UserDTO(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        branch_id=user.branch_id,
        branch_name=user.branch.name,
        is_active=user.is_active,
        must_change_password=user.must_change_password,
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
        created_at=user.created_at,
    )


class UserService(Service):
    @operation(Permission.USERS_VIEW)
    def list_users(self, uow: UnitOfWork, actor: Actor) -> list[UserDTO]:
        """Supervisors see their own branch; administrators and compliance see every branch."""
        query = select(User).order_by(User.is_active.desc(), User.full_name, User.username)
        if actor.role is Role.SUPERVISOR:
            query = query.where(User.branch_id == actor.branch_id)
        return [user_dto(user) for user in uow.session.execute(query).scalars()]

    @operation(Permission.USERS_VIEW)
    def list_branches(self, uow: UnitOfWork, actor: Actor) -> list[BranchDTO]:
        counts = (
            select(User.branch_id, func.count(User.id).label("n"))
            .where(User.is_active.is_(True))
            .group_by(User.branch_id)
            .subquery()
        )
        query = (
            select(Branch, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.branch_id == Branch.id)
            .order_by(Branch.code)
        )
        if actor.role is Role.SUPERVISOR:
            query = query.where(Branch.id == actor.branch_id)
        return [
            BranchDTO(branch.id, branch.code, branch.name, int(count))
            for branch, count in uow.session.execute(query)
        ]

    @operation(Permission.USERS_MANAGE)
    def create_user(
        self,
        uow: UnitOfWork,
        actor: Actor,
        *,
        username: str,
        full_name: str,
        role: Role | str,
        branch_id: int,
        temporary_password: str,
    ) -> UserDTO:
        """The new user must change the temporary password at first sign-in."""
        problems: dict[str, Problem] = {}
        uname = clean_username(username, problems)
        fname = clean_name(full_name, "full_name", problems)
        chosen_role = clean_role(role, problems)
        check_password(
            temporary_password, uname, self.policy.security.min_password_length, problems
        )
        if (
            "username" not in problems
            and uow.session.execute(select(User.id).where(User.username == uname)).first()
        ):
            problems["username"] = Problem(
                "username.taken",
                f"The user name '{uname}' is taken; choose another.",
                {"name": uname},
            )
        if uow.session.get(Branch, branch_id) is None:
            problems["branch_id"] = Problem("branch.unknown", "Choose an existing branch.")
        raise_if(problems)
        user = User(
            username=uname,
            full_name=fname,
            role=chosen_role.value,
            branch_id=branch_id,
            password_hash=self.hasher.hash(temporary_password),
            must_change_password=True,
            is_active=True,
            failed_attempts=0,
            created_at=uow.clock(),
        )
        uow.session.add(user)
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "user.created",
            "user",
            user.id,
            {
                "username": (None, uname),
                "full_name": (None, fname),
                "role": (None, chosen_role.value),
                "branch_id": (None, branch_id),
            },
        )
        created = user_dto(user)
        uow.commit()
        return created

    @operation(Permission.USERS_MANAGE)
    def set_active(self, uow: UnitOfWork, actor: Actor, user_id: int, active: bool) -> UserDTO:
        user = self._user(uow, user_id)
        if user.is_active == active:
            return user_dto(user)
        if not active:
            if user.id == actor.user_id:
                raise Conflict("You cannot disable your own account.", reason="self_disable")
            if user.role == Role.ADMINISTRATOR.value and self._active_admins(uow) <= 1:
                raise Conflict(
                    "This is the last active administrator; enable another first.",
                    reason="last_admin",
                )
        user.is_active = active
        audit.record(
            uow,
            actor,
            "user.enabled" if active else "user.disabled",
            "user",
            user.id,
            {"is_active": (not active, active)},
        )
        result = user_dto(user)
        uow.commit()
        return result

    @operation(Permission.USERS_MANAGE)
    def change_role(self, uow: UnitOfWork, actor: Actor, user_id: int, role: Role | str) -> UserDTO:
        problems: dict[str, Problem] = {}
        new_role = clean_role(role, problems)
        raise_if(problems)
        user = self._user(uow, user_id)
        if user.role == new_role.value:
            return user_dto(user)
        if (
            user.role == Role.ADMINISTRATOR.value
            and user.is_active
            and self._active_admins(uow) <= 1
        ):
            raise Conflict(
                "This is the last active administrator; make another one first.",
                reason="last_admin",
            )
        if (
            user.role == Role.ADVISER.value
            and uow.session.execute(
                select(Client.id).where(Client.adviser_id == user.id).limit(1)
            ).first()
        ):
            raise Conflict(
                "this adviser still serves clients; a supervisor reassigns them first",
                reason="has_clients",
            )
        old = user.role
        user.role = new_role.value
        audit.record(uow, actor, "user.role_changed", "user", user.id, {"role": (old, user.role)})
        result = user_dto(user)
        uow.commit()
        return result

    @operation(Permission.USERS_MANAGE)
    def reset_password(
        self, uow: UnitOfWork, actor: Actor, user_id: int, temporary_password: str
    ) -> UserDTO:
        """Sets a temporary password, lifts any lockout and forces a change at next sign-in."""
        user = self._user(uow, user_id)
        problems: dict[str, Problem] = {}
        check_password(
            temporary_password, user.username, self.policy.security.min_password_length, problems
        )
        raise_if(problems)
        user.password_hash = self.hasher.hash(temporary_password)
        before = (user.must_change_password, user.failed_attempts, user.locked_until)
        user.must_change_password, user.failed_attempts, user.locked_until = True, 0, None
        audit.record(
            uow,
            actor,
            "user.password_reset",
            "user",
            user.id,
            {
                "password": ("", ""),
                "must_change_password": (before[0], True),
                "failed_attempts": (before[1], 0),
                "locked_until": (before[2], None),
            },
        )
        result = user_dto(user)
        uow.commit()
        return result

    @operation(Permission.BRANCHES_MANAGE)
    def create_branch(self, uow: UnitOfWork, actor: Actor, *, code: str, name: str) -> BranchDTO:
        problems: dict[str, Problem] = {}
        clean_code = clean_branch_code(code, problems)
        clean = clean_name(name, "branch_name", problems)
        if (
            "branch_code" not in problems
            and uow.session.execute(select(Branch.id).where(Branch.code == clean_code)).first()
        ):
            problems["branch_code"] = Problem(
                "branch_code.taken",
                f"The branch code {clean_code} is taken; choose another.",
                {"code": clean_code},
            )
        raise_if(problems)
        branch = Branch(code=clean_code, name=clean, created_at=uow.clock())
        uow.session.add(branch)
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "branch.created",
            "branch",
            branch.id,
            {"code": (None, clean_code), "name": (None, clean)},
        )
        uow.commit()
        return BranchDTO(branch.id, branch.code, branch.name, 0)

    @operation(Permission.BRANCHES_MANAGE)
    def rename_branch(self, uow: UnitOfWork, actor: Actor, branch_id: int, name: str) -> BranchDTO:
        problems: dict[str, Problem] = {}
        clean = clean_name(name, "branch_name", problems)
        raise_if(problems)
        branch = uow.session.get(Branch, branch_id)
        if branch is None:
            raise NotFound("branch", branch_id)
        old = branch.name
        branch.name = clean
        audit.record(uow, actor, "branch.renamed", "branch", branch.id, {"name": (old, clean)})
        count = uow.session.execute(
            select(func.count(User.id)).where(User.branch_id == branch.id, User.is_active.is_(True))
        ).scalar_one()
        uow.commit()
        return BranchDTO(branch.id, branch.code, branch.name, int(count))

    @staticmethod
    def _user(uow: UnitOfWork, user_id: int) -> User:
        user = uow.session.get(User, user_id)
        if user is None:
            raise NotFound("user", user_id)
        return user

    @staticmethod
    def _active_admins(uow: UnitOfWork) -> int:
        """Count with the rows locked, so two administrators disabling each other at the same
        moment on PostgreSQL cannot both pass (SQLite's BEGIN IMMEDIATE serialises them anyway)."""
        ids = uow.session.execute(
            select(User.id)
            .where(User.role == Role.ADMINISTRATOR.value, User.is_active.is_(True))
            .with_for_update()
        ).scalars()
        return len(list(ids))
