"""The client list as a table model that never holds the whole list.

It knows the true row count (so the scroll bar tells the truth) and loads the pages the view
asks for, keeping a few in a small LRU cache. A page is found by keyset from a neighbouring
cached page, backwards from the end for the last pages, or from the nearest anchor (the key of
every ANCHOR_EVERY-th row, computed once per query off the UI thread) plus a short skip.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from crm_desk.domain.clients import InvestorType
from crm_desk.domain.errors import KnownError
from crm_desk.services.client_dto import (
    ANCHOR_EVERY,
    ClientQuery,
    ClientRow,
    ClientSearch,
    ClientSort,
    SortKey,
)
from crm_desk.ui.table_model import ROW_ROLE, SORT_ROLE
from crm_desk.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ClientSource:
    """The service calls the model needs, already bound to the signed-in user."""

    search: Callable[..., ClientSearch]  # (query, *, limit): the count and the first page
    page: Callable[..., list[ClientRow]]  # (query, *, after, skip, limit, from_end)
    anchors: Callable[[ClientQuery], list[SortKey]]


(
    COL_NAME,
    COL_ID,
    COL_PHONE,
    COL_BIRTH,
    COL_AGE,
    COL_ADVISER,
    COL_TYPE,
    COL_RISK,
    COL_VALID,
    COL_FLAGS,
) = range(10)
COLUMNS = 10
SORTABLE = {COL_NAME: ClientSort.NAME, COL_BIRTH: ClientSort.BIRTH_DATE}


class ClientListModel(QAbstractTableModel):
    PAGE = 100
    CACHE_PAGES = 12

    failed = Signal(object)  # a KnownError while loading

    def __init__(
        self,
        source: ClientSource,
        runner: TaskRunner,
        *,
        anchor_every: int = ANCHOR_EVERY,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._every = anchor_every
        self._query = ClientQuery()
        self._count = 0
        self._pages: OrderedDict[int, list[ClientRow]] = OrderedDict()
        self._anchors: list[SortKey] | None = None
        self._anchors_wanted = False
        self._generation = 0  # answers for an older query are dropped
        self.page_loads = 0  # for tests and the benchmark

    # -- query ---------------------------------------------------------------------------------
    @property
    def query(self) -> ClientQuery:
        return self._query

    def set_query(
        self, query: ClientQuery, found: ClientSearch | None = None, *, count: int | None = None
    ) -> None:
        """Show another query. ``found`` may come from a worker that searched already; with only
        a ``count`` (a new order of the same rows) the first page loads when it is shown."""
        self.beginResetModel()
        self._generation += 1
        self._query = query
        self._pages.clear()
        self._anchors = None
        self._anchors_wanted = False
        try:
            if found is None and count is None:
                found = self._source.search(query, limit=self.PAGE)
            self._count = found.count if found is not None else count or 0
            if found is not None and found.rows:
                self._remember(0, found.rows)
        except KnownError as exc:
            self._count = 0
            self.failed.emit(exc)
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            QCoreApplication.translate("ClientList", "Name"),
            QCoreApplication.translate("ClientList", "ID number"),
            QCoreApplication.translate("ClientList", "Mobile"),
            QCoreApplication.translate("ClientList", "Birth date"),
            QCoreApplication.translate("ClientList", "Age"),
            QCoreApplication.translate("ClientList", "Adviser"),
            QCoreApplication.translate("ClientList", "Investor"),
            QCoreApplication.translate("ClientList", "Risk level"),
            QCoreApplication.translate("ClientList", "Assessed until"),
            QCoreApplication.translate("ClientList", "Care"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        row = self.row_at(index.row())
        column = index.column()
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and column == COL_NAME else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return row.key.value
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_FLAGS and row.vulnerable:
            return QCoreApplication.translate(
                "ClientList", "Extra care: 65 or over, or a vulnerability flag on file"
            )
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_FLAGS and row.vulnerable:
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_RISK, COL_VALID):
            state = _assessment_state(row)
            if state == "expired":
                return QColor("#b3261e")
            if state == "expiring":
                return QColor("#9a6700")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: ClientRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_ID:
            return row.id_number_masked
        if column == COL_PHONE:
            return row.phone_masked
        if column == COL_BIRTH:
            return row.birth_date.isoformat()
        if column == COL_AGE:
            return str(row.age)
        if column == COL_ADVISER:
            return row.adviser_name
        if column == COL_TYPE:
            if row.investor_type is InvestorType.PROFESSIONAL:
                return QCoreApplication.translate("ClientList", "Professional")
            return QCoreApplication.translate("ClientList", "Ordinary")
        if column == COL_RISK:
            if row.risk_level is None:
                return QCoreApplication.translate("ClientList", "not assessed")
            if _assessment_state(row) == "expired":
                return QCoreApplication.translate("ClientList", "{level} (expired)").format(
                    level=row.risk_level
                )
            return row.risk_level
        if column == COL_VALID:
            until = row.assessment_valid_until
            return until.isoformat() if until else ""
        if column == COL_FLAGS:
            return "⚑" if row.vulnerable else ""
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Name (by pinyin) and birth date sort in the database; other columns do not sort."""
        sort = SORTABLE.get(column)
        if sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if sort == self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=sort, descending=descending), count=self._count)

    # -- paging --------------------------------------------------------------------------------
    def row_at(self, row: int) -> ClientRow | None:
        number, offset = divmod(row, self.PAGE)
        rows = self._page(number)
        if rows is None or offset >= len(rows):
            return None
        return rows[offset]

    def cached_pages(self) -> int:
        return len(self._pages)

    def _remember(self, number: int, rows: list[ClientRow]) -> list[ClientRow]:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > self.CACHE_PAGES:
            self._pages.popitem(last=False)
        return rows

    def _page(self, number: int) -> list[ClientRow] | None:
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        start = number * self.PAGE
        limit = min(self.PAGE, self._count - start)
        if limit <= 0:
            return []
        try:
            rows = self._fetch(number, start, limit)
        except KnownError as exc:
            self.failed.emit(exc)
            return None
        if rows is None:
            return None
        self.page_loads += 1
        return self._remember(number, rows)

    def _fetch(self, number: int, start: int, limit: int) -> list[ClientRow] | None:
        page, query = self._source.page, self._query
        if number == 0:
            return page(query, after=None, skip=0, limit=limit, from_end=False)
        before = self._pages.get(number - 1)
        if before:
            return page(query, after=before[-1].key, skip=0, limit=limit, from_end=False)
        after = self._pages.get(number + 1)
        if after:
            return page(query, after=after[0].key, skip=0, limit=limit, from_end=True)
        from_end = self._count - start
        if from_end <= 2 * self.PAGE:  # the last pages: read backwards from the end
            rows = page(query, after=None, skip=0, limit=from_end, from_end=True)
            return rows[:limit]
        if start < self._every:  # near the top: a short skip from the start
            return page(query, after=None, skip=start, limit=limit, from_end=False)
        if self._anchors is None:
            self._want_anchors()
            return None  # shown as "…" until the anchors arrive
        slot = (start + 1) // self._every - 1  # anchor slot i sits at position (i+1)*every - 1
        slot = min(slot, len(self._anchors) - 1)
        anchor_position = (slot + 1) * self._every - 1
        return page(
            query,
            after=self._anchors[slot],
            skip=start - anchor_position - 1,
            limit=limit,
            from_end=False,
        )

    def _want_anchors(self) -> None:
        if self._anchors_wanted:
            return
        self._anchors_wanted = True
        generation, query = self._generation, self._query

        def arrived(anchors: list[SortKey]) -> None:
            if generation != self._generation:
                return
            self._anchors = anchors
            if self._count:
                self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, COLUMNS - 1))

        def failed(exc: BaseException) -> None:
            self._anchors_wanted = False
            if isinstance(exc, KnownError):
                self.failed.emit(exc)
            else:
                raise exc

        self._runner.run(lambda: self._source.anchors(query), arrived, failed)

    def prepare_anchors(self) -> None:
        """Start computing anchors now (long lists): a later drag of the scroll bar is instant."""
        if self._count > 2 * self._every:
            self._want_anchors()


def _assessment_state(row: ClientRow) -> str | None:
    return row.assessment_state
