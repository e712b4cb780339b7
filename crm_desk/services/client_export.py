"""The client list as the user sees it (one ClientQuery) to a CSV or XLSX file.

Identity numbers and phones are masked as in the list. Full values only when the user asks for
them and may reveal personal data; every export is audited ('clients.exported') with its count and
whether it was unmasked. The rows come page by page through ClientService.client_page (keyset),
never all at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crm_desk.db.models import Client
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.audit import mask_text
from crm_desk.domain.errors import KnownError, PermissionDenied
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.client_dto import ClientQuery, ClientRow, SortKey
from crm_desk.services.clients import ClientService, visible_to
from crm_desk.services.permissions import Permission, allowed, operation
from crm_desk.services.tabular import ExportFormat as ExportFormat  # re-exported
from crm_desk.services.tabular import WriteRow, xlsx_sheet
from crm_desk.services.tabular import csv_sheet as _csv_sheet
from crm_desk.services.tabular import format_for as format_for  # re-exported

PAGE_SIZE = 500
EXPORT_COLUMNS = (
    "id",
    "name",
    "id_type",
    "id_number",
    "phone",
    "birth_date",
    "age",
    "gender",
    "adviser",
    "investor_type",
    "vulnerable",
)

ExportProgress = Callable[[int, int], None]  # rows written, rows in the list
ValueLabel = Callable[[StrEnum], str]


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    file_format: ExportFormat
    rows: int
    unmasked: bool


class ExportCancelled(KnownError):
    code = "export_cancelled"
    template = "The export was cancelled; no file was written."


def _xlsx_sheet(path: Path) -> AbstractContextManager[WriteRow]:
    return xlsx_sheet(path, "Clients")


class ClientExportService(Service):
    def __init__(self, clients: ClientService) -> None:
        super().__init__(clients.uow_factory, clients.policy, clients.hasher)
        self.clients = clients

    @operation(Permission.CLIENTS_EXPORT)
    def export_clients(
        self,
        uow: UnitOfWork,
        actor: Actor,
        query: ClientQuery,
        path: Path | str,
        *,
        file_format: ExportFormat | None = None,
        unmasked: bool = False,
        titles: Mapping[str, str] | None = None,
        value_label: ValueLabel | None = None,
        on_progress: ExportProgress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ExportResult:
        """Write the list ``query`` selects, in its order, to ``path`` (CSV unless the name ends
        in .xlsx or ``file_format`` says otherwise).

        ``titles`` gives the heading of each of EXPORT_COLUMNS (default: the column keys) and
        the words for "yes" and "no"; ``value_label`` the text of a choice (default: its code).
        ``unmasked`` needs Permission.PERSONAL_DATA_REVEAL. The file appears only once complete;
        a cancelled export leaves nothing behind and records nothing.
        """
        path = Path(path)
        fmt = file_format or format_for(path)
        if (
            unmasked
            and not actor.is_system
            and not allowed(actor.role, Permission.PERSONAL_DATA_REVEAL)
        ):
            raise PermissionDenied("export unmasked personal data", actor.role.value)
        # The pages are read in their own units of work; this one only writes the audit event.
        uow.session.rollback()
        words = dict(titles or {})
        label: ValueLabel = value_label or (lambda value: value.value)
        partial = path.with_name(path.name + ".part")
        written = 0
        try:
            total = self.clients.count_clients(actor, query)
            sheet_of = _xlsx_sheet if fmt is ExportFormat.XLSX else _csv_sheet
            with sheet_of(partial) as write:
                write([words.get(column, column) for column in EXPORT_COLUMNS])
                for page in self._pages(actor, query, cancelled):
                    full = self._full_values(uow, actor, page) if unmasked else {}
                    for row in page:
                        write(self._values(row, full.get(row.id), label, words))
                    written += len(page)
                    if on_progress is not None:
                        on_progress(written, max(total, written))
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            audit.record(
                uow,
                actor,
                "clients.exported",
                "client_export",
                path.name,
                {
                    "file": (None, path.name),
                    "format": (None, fmt.value),
                    "rows": (None, written),
                    "unmasked": (None, unmasked),
                    "search": (None, mask_text(query.text.strip()) if query.text.strip() else ""),
                    "adviser_id": (None, query.adviser_id),
                    "vulnerable_only": (None, query.vulnerable_only),
                },
            )
            uow.commit()
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return ExportResult(path=path, file_format=fmt, rows=written, unmasked=unmasked)

    def _pages(
        self, actor: Actor, query: ClientQuery, cancelled: Callable[[], bool] | None
    ) -> Iterator[list[ClientRow]]:
        after: SortKey | None = None
        while True:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            page = self.clients.client_page(actor, query, after=after, limit=PAGE_SIZE)
            if page:
                yield page
            if len(page) < PAGE_SIZE:
                return
            after = page[-1].key

    def _full_values(
        self, uow: UnitOfWork, actor: Actor, page: Sequence[ClientRow]
    ) -> dict[int, tuple[str, str]]:
        """Identity numbers and phones of one page, decrypted (the list shows them masked)."""
        cipher = self.clients._cipher()
        rows = uow.session.execute(
            select(Client.id, Client.id_number_enc, Client.phone_enc).where(
                Client.id.in_([r.id for r in page]), visible_to(actor)
            )
        ).all()
        uow.session.rollback()  # a read: let the next page's unit of work have the database
        return {
            r.id: (
                cipher.decrypt("id_number", r.id_number_enc),
                cipher.decrypt("phone", r.phone_enc).removeprefix("+86"),
            )
            for r in rows
        }

    @staticmethod
    def _values(
        row: ClientRow,
        full: tuple[str, str] | None,
        label: ValueLabel,
        words: Mapping[str, str],
    ) -> list[Any]:
        id_number, phone = full or (row.id_number_masked, row.phone_masked)
        return [
            row.id,
            row.name,
            label(row.id_type),
            id_number,
            phone,
            row.birth_date,
            row.age,
            label(row.gender) if row.gender else "",
            row.adviser_name,
            label(row.investor_type),
            words.get("yes", "yes") if row.vulnerable else words.get("no", "no"),
        ]
