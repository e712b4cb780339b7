"""Opening the database side of the app: settings -> policy -> engine -> migrate -> services.

Shared by the window (app.py) and the administration commands (commands.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from crm_desk.config import Paths, Settings, default_paths, load_settings
from crm_desk.db.engine import describe, make_engine
from crm_desk.db.errors import translated_errors
from crm_desk.db.uow import uow_factory
from crm_desk.domain.policy import Policy, load_policy
from crm_desk.services.container import Services


@dataclass(frozen=True, slots=True)
class Backend:
    settings: Settings
    policy: Policy
    engine: Engine
    services: Services

    @property
    def paths(self) -> Paths:
        return self.settings.paths

    @property
    def description(self) -> str:
        return describe(self.engine)


def open_backend(database: str | None = None, *, migrate: bool = True) -> Backend:
    """Raises KnownError (configuration, server unreachable, ...) for anything the user can fix."""
    settings = load_settings(default_paths(), database)
    policy = load_policy(settings.policy_file)
    engine = make_engine(settings.database_url)
    if migrate:
        from crm_desk.db.schema_version import is_current

        try:
            with translated_errors():
                if not is_current(engine):
                    from crm_desk.db.migrate import upgrade  # Alembic only when there is work

                    upgrade(engine, settings.paths.backup_dir)
        except BaseException:
            engine.dispose()
            raise
    services = Services.build(uow_factory(engine), policy, key_dir=settings.paths.config_dir)
    with translated_errors():
        services.keys.open()
    return Backend(settings, policy, engine, services)
