"""The workstation's data key against the database: created on first use, checked at every start,
exported by an administrator, imported on the other workstations of a shared database."""

from __future__ import annotations

import socket
from pathlib import Path

from sqlalchemy import select

from crm_desk.db.models import AppSetting, Client
from crm_desk.db.uow import UnitOfWork, UnitOfWorkFactory
from crm_desk.domain.errors import KnownError
from crm_desk.services import audit, keystore
from crm_desk.services.actor import Actor
from crm_desk.services.crypto import FieldCipher, KeyMismatch, KeyMissing
from crm_desk.services.permissions import Permission, operation

CHECK_SETTING = "data_key_check"


class KeyService:
    """Holds the cipher the client services use; ``problem`` says why there is none."""

    def __init__(self, uow_factory: UnitOfWorkFactory, key_dir: Path) -> None:
        self.uow_factory = uow_factory
        self.key_dir = key_dir
        self.cipher: FieldCipher | None = None
        self.problem: KnownError | None = None

    def require(self) -> FieldCipher:
        if self.cipher is None:
            raise self.problem or KeyMissing()
        return self.cipher

    def open(self) -> None:
        """Load the key (creating one for a database without encrypted data) and check it.

        Reads only: the check value is registered with the first personal data written
        (``for_writing``), so two workstations that start on an empty shared database with
        different keys cannot both write.
        """
        with self.uow_factory() as uow:
            stored = self._stored_check(uow)
            key = keystore.load_key(self.key_dir)
            if key is None:
                has_data = uow.session.execute(select(Client.id).limit(1)).first() is not None
                if stored is not None or has_data:
                    self.cipher, self.problem = None, KeyMissing()
                    return
                key = keystore.create_key(self.key_dir)
        cipher = FieldCipher(key)
        if stored is not None and stored != cipher.check_value:
            self.cipher, self.problem = None, KeyMismatch()
            return
        self.cipher, self.problem = cipher, None

    def for_writing(self, uow: UnitOfWork) -> FieldCipher:
        """The cipher, with its check value registered in this transaction if it is the first."""
        cipher = self.require()
        stored = self._stored_check(uow)
        if stored is None:
            self._register(uow, cipher, "key.registered")
        elif stored != cipher.check_value:
            self.cipher, self.problem = None, KeyMismatch()
            raise self.problem
        return cipher

    def import_key(self, source: Path) -> None:
        """Install a key exported from another workstation, after checking it fits this database."""
        candidate = FieldCipher(keystore.read_key(source))
        with self.uow_factory() as uow:
            stored = self._stored_check(uow)
            if stored is not None and stored != candidate.check_value:
                raise KeyMismatch()
            keystore.import_key(self.key_dir, source)
            workstation = Actor.system(f"workstation {socket.gethostname()}")
            audit.record(
                uow,
                workstation,
                "key.imported",
                "database",
                "data_key",
                {"check": (stored, candidate.check_value[:12])},
            )
            if stored is None:
                self._register(uow, candidate, "key.registered")
            uow.commit()
        self.open()

    @operation(Permission.KEY_EXPORT)
    def export_key(self, uow: UnitOfWork, actor: Actor, target: Path) -> Path:
        self.require()
        written = keystore.export_key(self.key_dir, target)
        audit.record(
            uow, actor, "key.exported", "database", "data_key", {"exported_to": (None, str(target))}
        )
        uow.commit()
        return written

    @staticmethod
    def _stored_check(uow: UnitOfWork) -> str | None:
        return uow.session.execute(
            select(AppSetting.value).where(AppSetting.key == CHECK_SETTING)
        ).scalar_one_or_none()

    @staticmethod
    def _register(uow: UnitOfWork, cipher: FieldCipher, action: str) -> None:
        uow.session.add(AppSetting(key=CHECK_SETTING, value=cipher.check_value))
        audit.record(
            uow,
            Actor.system(f"workstation {socket.gethostname()}"),
            action,
            "database",
            "data_key",
            {"check": (None, cipher.check_value[:12])},
        )
