"""The audit trail for compliance and administrators: newest first, paged, and verifiable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.audit import ChainReport
from crm_desk.domain.errors import KnownError
from crm_desk.services.dto import AuditEventDTO
from crm_desk.ui.errors import error_text
from crm_desk.ui.pages import audit_columns as col
from crm_desk.ui.table_model import RowsModel
from crm_desk.ui.tasks import TaskRunner
from crm_desk.ui.widgets import configure_table, stretch_column

PAGE_SIZE = 200
Fetch = Callable[[int | None, int], list[AuditEventDTO]]  # (before_seq, limit) -> events


class AuditTrailModel(RowsModel[AuditEventDTO]):
    """Keyset pages by sequence number, fetched as the view scrolls."""

    columns = (col.SEQ, col.TIME, col.ACTOR, col.ACTION, col.ENTITY, col.CHANGES, col.HASH)

    def __init__(self, fetch: Fetch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._exhausted = False

    def reload(self) -> None:
        page = self._fetch(None, PAGE_SIZE)
        self._exhausted = len(page) < PAGE_SIZE
        self.set_rows(page)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted and self.rowCount() > 0

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        page = self._fetch(self.row_at(self.rowCount() - 1).seq, PAGE_SIZE)
        self._exhausted = len(page) < PAGE_SIZE
        self.append_rows(page)


class AuditPage(QWidget):
    def __init__(
        self,
        fetch: Fetch,
        verify: Callable[[], tuple[ChainReport, str]],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._verify = verify
        self._runner = runner
        self.model = AuditTrailModel(fetch, self)
        self.table = configure_table(QTableView(), "audit_trail")
        self.table.setModel(self.model)
        stretch_column(self.table, 5)
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.verify_button.setToolTip(
            self.tr(
                "Recompute every event's SHA-256 fingerprint and check that each links "
                "to the one before"
            )
        )
        self.verify_button.clicked.connect(self.start_verify)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.result = QLabel()
        self.result.setObjectName("verify_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(
            QLabel(self.tr("<b>Audit trail</b> (newest first; the list loads more as you scroll)"))
        )
        top.addStretch()
        top.addWidget(self.refresh_button)
        top.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.result)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.model.reload()
        except KnownError as exc:
            self.result.setText(error_text(exc))

    def start_verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Verifying…"))
        self._runner.run(self._verify, self._verified, self._failed)

    def _verified(self, outcome: tuple[ChainReport, str]) -> None:
        report, head = outcome
        self.verify_button.setEnabled(True)
        if report.intact:
            self.result.setStyleSheet("color: #1b5e20;")
            self.result.setText(
                self.tr(
                    "The chain is intact: {n} events checked. Latest fingerprint: {head}"
                ).format(n=report.events_checked, head=head)
            )
        else:
            self.result.setStyleSheet("color: #b3261e; font-weight: bold;")
            reasons = {
                "gap": self.tr("events before it are missing"),
                "link": self.tr("it does not link to the event before it"),
                "content": self.tr("its content was altered after it was recorded"),
            }
            self.result.setText(
                self.tr(
                    "The chain is BROKEN at event {seq}: {reason}. Report this to compliance."
                ).format(
                    seq=report.first_broken_seq,
                    reason=reasons.get(report.kind or "", report.reason or ""),
                )
            )

    def _failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        if isinstance(exc, KnownError):
            self.result.setText(error_text(exc))
        else:
            raise exc
