"""Unit of work: one transaction, rolled back unless the service commits it."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from crm_desk.db.errors import known_error_for
from crm_desk.domain.clock import Clock, utc_now


class UnitOfWork:
    session: Session

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = utc_now) -> None:
        self._session_factory = session_factory
        self.clock = clock
        self._committed = False

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    def __enter__(self) -> Self:
        self.session = self._session_factory()
        self._committed = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()
        if isinstance(exc, SQLAlchemyError):
            known = known_error_for(exc)
            if known is not None:
                raise known from exc

    def commit(self) -> None:
        self.session.commit()
        self._committed = True


UnitOfWorkFactory = Callable[[], UnitOfWork]


def uow_factory(engine: Engine, clock: Clock = utc_now) -> UnitOfWorkFactory:
    sessions = sessionmaker(bind=engine, expire_on_commit=False)

    def make() -> UnitOfWork:
        return UnitOfWork(sessions, clock)

    return make
