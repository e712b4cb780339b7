"""`--demo`: a throwaway database filled with realistic records of everything that exists so far.

Each later capability adds its records here. Passwords are generated afresh for every demo and
printed in the terminal; nothing here is a real credential.
"""

from __future__ import annotations

import secrets
import string

from crm_desk.domain.errors import AuthenticationFailed
from crm_desk.domain.roles import Role
from crm_desk.services.container import Services

# username -> (full name, role, branch code)
DEMO_USERS: dict[str, tuple[str, Role, str]] = {
    "li.na": ("李娜", Role.ADVISER, "SH-001"),
    "chen.jie": ("陈杰", Role.ADVISER, "SH-001"),
    "wang.fang": ("王芳", Role.SUPERVISOR, "SH-001"),
    "zhao.lei": ("赵磊", Role.COMPLIANCE, "SH-001"),
    "james.wong": ("James Wong", Role.ADVISER, "SH-002"),
    "sun.yue": ("孙悦", Role.SUPERVISOR, "SH-002"),
}
DISABLED_USER = ("liu.yang", "刘洋", Role.ADVISER, "SH-001")


def _password() -> str:
    alphabet = "".join(c for c in string.ascii_lowercase + string.digits if c not in "0o1l")
    return "demo-" + "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


def seed_demo(services: Services) -> dict[str, tuple[str, str]]:
    """Fill an empty database; returns {username: (role, password)} for the terminal."""
    credentials: dict[str, tuple[str, str]] = {}
    admin_password = _password()
    admin = services.auth.first_run(
        branch_code="SH-001",
        branch_name="上海陆家嘴支行",
        username="admin",
        full_name="周明",
        password=admin_password,
    )
    credentials["admin"] = (Role.ADMINISTRATOR.value, admin_password)
    branches = {"SH-001": admin.branch_id}
    second = services.users.create_branch(admin, code="SH-002", name="上海静安寺支行")
    branches[second.code] = second.id

    for username, (full_name, role, branch) in DEMO_USERS.items():
        temporary, permanent = _password(), _password()
        services.users.create_user(
            admin,
            username=username,
            full_name=full_name,
            role=role,
            branch_id=branches[branch],
            temporary_password=temporary,
        )
        first = services.auth.sign_in(username, temporary)
        actor = services.auth.change_password(first, temporary, permanent)
        services.auth.sign_out(actor)
        credentials[username] = (role.value, permanent)

    username, full_name, role, branch = DISABLED_USER
    gone = services.users.create_user(
        admin,
        username=username,
        full_name=full_name,
        role=role,
        branch_id=branches[branch],
        temporary_password=_password(),
    )
    services.users.set_active(admin, gone.id, False)
    try:  # a mistyped password, so the trail and the account list show one
        services.auth.sign_in("chen.jie", "not the password")
    except AuthenticationFailed:
        pass
    return credentials


def print_credentials(credentials: dict[str, tuple[str, str]]) -> None:
    print("CRM Desk demo: a throwaway database, deleted when the window closes.")
    print(f"{'user name':<12} {'role':<14} password")
    for username, (role, password) in credentials.items():
        print(f"{username:<12} {role:<14} {password}")
    print("Sign out (Ctrl+Shift+Q) to sign in as another user.", flush=True)
