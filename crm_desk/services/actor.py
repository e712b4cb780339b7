"""Who is acting: the signed-in user as the services see them."""

from __future__ import annotations

from dataclasses import dataclass

from crm_desk.domain.roles import Role


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int | None  # None for the command line and first-run set-up
    username: str
    full_name: str
    role: Role
    branch_id: int | None
    branch_name: str = ""
    must_change_password: bool = False

    @property
    def is_system(self) -> bool:
        return self.user_id is None

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @staticmethod
    def system(name: str) -> Actor:
        """An administrator acting from the command line, with the machine's own access rights."""
        return Actor(None, name, name, Role.ADMINISTRATOR, None)
