"""The client page's product shelf (every product on sale with its verdict at a glance, every
rule on demand) and sales (what the client bought, cooling-off, cancellations, corrections and
the exception requests with their outcomes)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError, Problem
from crm_desk.domain.sales import ExceptionStatus, SaleState, parse_amount
from crm_desk.domain.suitability import Verdict
from crm_desk.services.actor import Actor
from crm_desk.services.client_dto import TimelineEntry
from crm_desk.services.container import Services
from crm_desk.services.permissions import Permission, allowed
from crm_desk.services.sale_dto import ExceptionRequestDTO, SaleDTO, ShelfItem
from crm_desk.ui.errors import error_text, show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.labels import label
from crm_desk.ui.table_model import ROW_ROLE, Column, Index, RowsModel, SortProxy
from crm_desk.ui.verdicts import (
    GREEN,
    GREY,
    RED,
    STATUS_COLOURS,
    VERDICT_COLOURS,
    RulesView,
    badge,
    deciding_reasons,
    money,
    product_name,
    sale_state_label,
    status_label,
    verdict_label,
)
from crm_desk.ui.widgets import ERROR_STYLE, CheckedForm, configure_table, fit_column

# -- the client's timeline, in words ---------------------------------------------------------------
SALE_KINDS = ("sale", "exception", "exception_decision", "sale_cancelled", "sale_corrected")


def timeline_kind(kind: str) -> str | None:
    kinds = {
        "sale": QCoreApplication.translate("Timeline", "Sale"),
        "exception": QCoreApplication.translate("Timeline", "Exception requested"),
        "exception_decision": QCoreApplication.translate("Timeline", "Exception decided"),
        "sale_cancelled": QCoreApplication.translate("Timeline", "Sale cancelled"),
        "sale_corrected": QCoreApplication.translate("Timeline", "Sale record corrected"),
    }
    return kinds.get(kind)


def timeline_detail(entry: TimelineEntry) -> str:
    """A sale's verdict or a request's outcome in words; notes and reasons as written."""
    if entry.kind == "sale":
        try:
            return verdict_label(Verdict(entry.detail))
        except ValueError:
            return entry.detail
    if entry.kind == "exception":
        return QCoreApplication.translate("Timeline", "Submitted for a supervisor's approval")
    if entry.kind == "exception_decision":
        status, _, comment = entry.detail.partition(": ")
        try:
            words = status_label(ExceptionStatus(status))
        except ValueError:
            return entry.detail
        return f"{words}: {comment}" if comment else words
    return entry.detail


# -- the shelf -----------------------------------------------------------------------------------
class ShelfModel(RowsModel[ShelfItem]):
    COL_VERDICT = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column[ShelfItem](
                lambda: QCoreApplication.translate("ClientSales", "Code"),
                lambda i: i.terms.code,
                lambda i: i.terms.code,
            ),
            Column[ShelfItem](
                lambda: QCoreApplication.translate("ClientSales", "Product"),
                lambda i: product_name(i.terms).split(" ", 1)[-1],
                lambda i: product_name(i.terms),
                tooltip=lambda i: i.terms.issuer,
            ),
            Column[ShelfItem](
                lambda: QCoreApplication.translate("ClientSales", "Type"),
                lambda i: label(i.terms.product_type),
                lambda i: label(i.terms.product_type),
            ),
            Column[ShelfItem](
                lambda: QCoreApplication.translate("ClientSales", "Risk"),
                lambda i: i.terms.risk_level.value,
                lambda i: i.terms.risk_level.rank,
            ),
            Column[ShelfItem](
                lambda: QCoreApplication.translate("ClientSales", "Horizon"),
                lambda i: (
                    QCoreApplication.translate("ClientSales", "{n} months").format(
                        n=i.terms.horizon_months
                    )
                    if i.terms.horizon_months
                    else QCoreApplication.translate("ClientSales", "open-ended")
                ),
                lambda i: i.terms.horizon_months,
                align_right=True,
            ),
            Column[ShelfItem](
                lambda: QCoreApplication.translate("ClientSales", "Minimum"),
                lambda i: money(i.terms.min_amount, i.terms.currency),
                lambda i: i.terms.min_amount,
                align_right=True,
            ),
            Column[ShelfItem](
                lambda: QCoreApplication.translate("ClientSales", "Cooling-off"),
                lambda i: (
                    QCoreApplication.translate("ClientSales", "{n} h").format(
                        n=i.terms.cooling_off_hours
                    )
                    if i.terms.cooling_off_hours
                    else "—"
                ),
                lambda i: i.terms.cooling_off_hours,
                align_right=True,
            ),
            Column[ShelfItem](
                lambda: QCoreApplication.translate("ClientSales", "Verdict"),
                lambda i: verdict_label(i.verdict),
                lambda i: list(Verdict).index(i.verdict),
            ),
            Column[ShelfItem](
                lambda: QCoreApplication.translate("ClientSales", "Why"),
                lambda i: deciding_reasons(i.evaluation).replace("\n", " "),
                lambda i: deciding_reasons(i.evaluation),
                tooltip=lambda i: deciding_reasons(i.evaluation),
            ),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
            and index.isValid()
            and index.column() == self.COL_VERDICT
            and 0 <= index.row() < self.rowCount()
        ):
            background, text = VERDICT_COLOURS[self.row_at(index.row()).verdict]
            return QBrush(background if role == Qt.ItemDataRole.BackgroundRole else text)
        return super().data(index, role)


class ClientProductsTab(QWidget):
    """Every product on sale and its verdict for this client; select one for every rule."""

    sold = Signal()  # a sale or a request was recorded from here

    def __init__(
        self,
        services: Services,
        actor: Actor,
        client_id: int,
        client_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.client_id = client_id
        self.client_name = client_name
        self.amount = QLineEdit()
        self.amount.setObjectName("shelf_amount")
        self.amount.setPlaceholderText(self.tr("each product's minimum"))
        self.amount.setClearButtonEnabled(True)
        self.amount.returnPressed.connect(self.refresh)
        self.amount_form = CheckedForm()
        self.amount_form.add_field("amount", self.tr("Judge at the amount"), self.amount)
        self.show_choice = QComboBox()
        self.show_choice.setObjectName("shelf_filter")
        self.show_choice.addItem(self.tr("All products on sale"), None)
        for verdict in Verdict:
            self.show_choice.addItem(verdict_label(verdict), verdict.value)
        self.show_choice.currentIndexChanged.connect(lambda _i: self._filter())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.sell_button = QPushButton(self.tr("Sell this product…"))
        self.sell_button.setObjectName("shelf_sell")
        self.sell_button.clicked.connect(self.sell)
        self.sell_button.setVisible(allowed(actor.role, Permission.SALES_RECORD))
        top = QHBoxLayout()
        top.addLayout(self.amount_form)
        top.addWidget(self.show_choice)
        top.addStretch()
        top.addWidget(self.refresh_button)
        top.addWidget(self.sell_button)

        self.model = ShelfModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(ShelfModel.COL_VERDICT)
        self.table = configure_table(QTableView(), "product_shelf")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select(current)
        )
        self.table.doubleClicked.connect(lambda _i: self.sell())
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.rules = RulesView("shelf_rules")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.rules)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([260, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.loaded = False

    def showEvent(self, event: Any) -> None:  # noqa: N802
        """The shelf is judged when first shown, not when the client page opens."""
        super().showEvent(event)
        if not self.loaded:
            self.refresh()

    def invalidate(self) -> None:
        """The client's facts changed: judge again now if shown, else when next shown."""
        self.loaded = False
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        text = self.amount.text().strip()
        amount = None
        if text:
            parsed = parse_amount(text)
            if isinstance(parsed, Problem):
                self.amount_form.show_problems({"amount": parsed})
                return
            amount = parsed
        self.amount_form.clear_errors()
        try:
            items = self._services.sales.shelf(self._actor, self.client_id, amount)
        except KnownError as exc:
            self.summary.setText(escape(error_text(exc)))
            return
        self.loaded = True
        self.model.set_rows(items)
        counts = {v: sum(1 for i in items if i.verdict is v) for v in Verdict}
        self.summary.setText(
            " ".join(badge(f"{verdict_label(v)}: {counts[v]}", VERDICT_COLOURS[v]) for v in Verdict)
            if items
            else escape(self.tr("No product is on sale."))
        )
        self._filter()
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.rules.set_evaluation(None)
        self.sell_button.setEnabled(bool(self.proxy.rowCount()))

    def _filter(self) -> None:
        wanted = self.show_choice.currentData()
        self.proxy.setFilterFixedString(verdict_label(Verdict(wanted)) if wanted else "")

    def current(self) -> ShelfItem | None:
        index = self.table.currentIndex()
        item: ShelfItem | None = index.data(ROW_ROLE) if index.isValid() else None
        return item

    def _select(self, index: QModelIndex) -> None:
        item: ShelfItem | None = index.data(ROW_ROLE) if index.isValid() else None
        if item is None:
            self.rules.set_evaluation(None)
            return
        self.rules.set_evaluation(
            item.evaluation,
            self.tr("{product} at {amount}:").format(
                product=product_name(item.terms), amount=money(item.amount, item.terms.currency)
            ),
        )

    def sell(self) -> QDialog | None:
        if not allowed(self._actor.role, Permission.SALES_RECORD):
            return None
        from crm_desk.ui.sale_dialog import SaleDialog

        item = self.current()
        dialog = SaleDialog(
            self._services,
            self._actor,
            self.client_id,
            self.client_name,
            product_id=item.product_id if item else None,
            shelf=self.model.rows(),
            parent=self,
        )
        if item is not None and self.amount.text().strip():
            dialog.amount.setText(self.amount.text())
            dialog.refresh_check()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(lambda _s: self.sold.emit())
        dialog.submitted.connect(lambda _r: self.sold.emit())
        dialog.attempted.connect(self.sold.emit)
        dialog.open()
        return dialog


# -- the client's sales and requests -------------------------------------------------------------
def _state(sale: SaleDTO) -> str:
    if sale.state is SaleState.COOLING_OFF and sale.cooling_off_ends_at is not None:
        return QCoreApplication.translate("ClientSales", "In cooling-off until {when}").format(
            when=local_time(sale.cooling_off_ends_at)
        )
    return sale_state_label(sale.state)


class SalesModel(RowsModel[SaleDTO]):
    COL_STATE = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column[SaleDTO](
                lambda: QCoreApplication.translate("ClientSales", "Recorded"),
                lambda s: local_time(s.recorded_at),
                lambda s: s.recorded_at,
            ),
            Column[SaleDTO](
                lambda: QCoreApplication.translate("ClientSales", "Product"),
                lambda s: product_name(s.terms),
                lambda s: s.terms.code,
            ),
            Column[SaleDTO](
                lambda: QCoreApplication.translate("ClientSales", "Risk"),
                lambda s: s.product_level,
                lambda s: s.product_level,
            ),
            Column[SaleDTO](
                lambda: QCoreApplication.translate("ClientSales", "Amount"),
                lambda s: money(s.amount, s.currency),
                lambda s: s.amount,
                align_right=True,
            ),
            Column[SaleDTO](
                lambda: QCoreApplication.translate("ClientSales", "Verdict"),
                lambda s: (
                    QCoreApplication.translate(
                        "ClientSales", "Exception approved by {name}"
                    ).format(name=s.approved_by)
                    if s.approved_by
                    else verdict_label(s.verdict)
                ),
                lambda s: s.verdict.value,
            ),
            Column[SaleDTO](
                lambda: QCoreApplication.translate("ClientSales", "State"),
                _state,
                lambda s: s.state.value,
            ),
            Column[SaleDTO](
                lambda: QCoreApplication.translate("ClientSales", "Cooling-off ends"),
                lambda s: local_time(s.cooling_off_ends_at) if s.cooling_off_ends_at else "—",
                lambda s: s.cooling_off_ends_at,
            ),
            Column[SaleDTO](
                lambda: QCoreApplication.translate("ClientSales", "Adviser"),
                lambda s: s.adviser_name,
                lambda s: s.adviser_name,
            ),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
            and index.isValid()
            and index.column() == self.COL_STATE
            and 0 <= index.row() < self.rowCount()
        ):
            state = self.row_at(index.row()).state
            colours = {SaleState.COOLING_OFF: GREEN, SaleState.CANCELLED: GREY}.get(state)
            if colours is None:
                return None
            return QBrush(colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1])
        return super().data(index, role)


def request_columns() -> tuple[Column[ExceptionRequestDTO], ...]:
    R = ExceptionRequestDTO
    return (
        Column[R](
            lambda: QCoreApplication.translate("ClientSales", "Submitted"),
            lambda r: local_time(r.submitted_at),
            lambda r: r.submitted_at,
        ),
        Column[R](
            lambda: QCoreApplication.translate("ClientSales", "Client"),
            lambda r: r.client_name,
            lambda r: r.client_name,
        ),
        Column[R](
            lambda: QCoreApplication.translate("ClientSales", "Product"),
            lambda r: product_name(r.terms),
            lambda r: r.terms.code,
            tooltip=lambda r: product_name(r.terms),
        ),
        Column[R](
            lambda: QCoreApplication.translate("ClientSales", "Amount"),
            lambda r: money(r.amount, r.currency),
            lambda r: r.amount,
            align_right=True,
        ),
        Column[R](
            lambda: QCoreApplication.translate("ClientSales", "Adviser"),
            lambda r: r.adviser_name,
            lambda r: r.adviser_name,
        ),
        Column[R](
            lambda: QCoreApplication.translate("ClientSales", "Status"),
            lambda r: status_label(r.status),
            lambda r: r.status.value,
            tooltip=lambda r: status_label(r.status),
        ),
        Column[R](
            lambda: QCoreApplication.translate("ClientSales", "Waiting"),
            waiting_text,
            lambda r: r.age,
        ),
        Column[R](
            lambda: QCoreApplication.translate("ClientSales", "Decided by"),
            lambda r: r.decided_by or "—",
            lambda r: r.decided_by or "",
        ),
        Column[R](
            lambda: QCoreApplication.translate("ClientSales", "Comment"),
            lambda r: outcome_text(r),
            lambda r: outcome_text(r),
            tooltip=outcome_text,
        ),
    )


def _hours(seconds: float) -> str:
    """A duration as a reader takes it in: 35 min, 48 h, 5 h 20 min, 3 d 4 h."""
    hours, minutes = int(seconds // 3600), int(seconds % 3600 // 60)
    if hours >= 72:
        return QCoreApplication.translate("ClientSales", "{days} d {hours} h").format(
            days=hours // 24, hours=hours % 24
        )
    if hours == 0:
        return QCoreApplication.translate("ClientSales", "{minutes} min").format(minutes=minutes)
    if minutes == 0:
        return QCoreApplication.translate("ClientSales", "{hours} h").format(hours=hours)
    return QCoreApplication.translate("ClientSales", "{hours} h {minutes} min").format(
        hours=hours, minutes=minutes
    )


def waiting_text(r: ExceptionRequestDTO) -> str:
    """Age against the deadline while pending; how long the decision took once decided."""
    if r.status is not ExceptionStatus.PENDING:
        return QCoreApplication.translate("ClientSales", "decided after {age}").format(
            age=_hours(r.age.total_seconds())
        )
    deadline = (r.due_at - r.submitted_at).total_seconds()
    if r.overdue:
        late = r.age.total_seconds() - deadline
        return QCoreApplication.translate("ClientSales", "{age} — overdue by {late}").format(
            age=_hours(r.age.total_seconds()), late=_hours(late)
        )
    return QCoreApplication.translate("ClientSales", "{age} of {deadline}").format(
        age=_hours(r.age.total_seconds()), deadline=_hours(deadline)
    )


def outcome_text(r: ExceptionRequestDTO) -> str:
    """The supervisor's comment; for a lapsed request, why the engine now refuses."""
    if r.status is ExceptionStatus.LAPSED and r.decision_evaluation is not None:
        why = deciding_reasons(r.decision_evaluation).replace("\n", " ")
        return QCoreApplication.translate(
            "ClientSales", "{comment} — now not allowed: {why}"
        ).format(comment=r.decision_comment or "", why=why)
    return r.decision_comment or ""


class RequestsModel(RowsModel[ExceptionRequestDTO]):
    """Exception requests; overdue ones red, the status coloured."""

    COL_PRODUCT, COL_ADVISER, COL_STATUS, COL_WAITING = 2, 4, 5, 6

    def __init__(self, hide_client: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        columns = request_columns()
        self.columns = tuple(c for n, c in enumerate(columns) if not (hide_client and n == 1))
        self._shift = 1 if hide_client else 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
            and index.isValid()
            and 0 <= index.row() < self.rowCount()
        ):
            row = self.row_at(index.row())
            column = index.column() + self._shift
            colours = None
            if row.overdue:
                colours = RED
            elif column == self.COL_STATUS:
                colours = STATUS_COLOURS[row.status]
            if colours is None:
                return None
            return QBrush(colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1])
        return super().data(index, role)


class ClientSalesTab(QWidget):
    """The client's sales and exception requests; record, cancel in cooling-off, correct."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        client_id: int,
        client_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.client_id = client_id
        self.client_name = client_name
        may_sell = allowed(actor.role, Permission.SALES_RECORD)
        self.record_button = QPushButton(self.tr("Record a sale…"))
        self.record_button.setObjectName("record_sale")
        self.record_button.clicked.connect(self.record_sale)
        self.cancel_button = QPushButton(self.tr("Cancel in cooling-off…"))
        self.cancel_button.setObjectName("cancel_sale")
        self.cancel_button.clicked.connect(self.cancel_sale)
        self.correct_button = QPushButton(self.tr("Add a correction…"))
        self.correct_button.setObjectName("correct_sale")
        self.correct_button.clicked.connect(self.correct_sale)
        for button in (self.record_button, self.cancel_button, self.correct_button):
            button.setVisible(may_sell)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<b>Sales</b>")), 1)
        top.addWidget(self.record_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.correct_button)

        self.sales = SalesModel(self)
        sales_proxy = SortProxy(self)
        sales_proxy.setSourceModel(self.sales)
        self.sales_table = configure_table(QTableView(), "client_sales")
        self.sales_table.setModel(sales_proxy)
        self.sales_table.setSortingEnabled(True)
        self.sales_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.sales_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select_sale(current)
        )
        self.sales_empty = QLabel(self.tr("No sales yet."))
        self.sales_empty.setStyleSheet("color: palette(mid);")
        self.facts = QLabel()
        self.facts.setObjectName("sale_facts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rules = RulesView("sale_detail_rules")

        self.requests = RequestsModel(hide_client=True, parent=self)
        requests_proxy = SortProxy(self)
        requests_proxy.setSourceModel(self.requests)
        self.requests_table = configure_table(QTableView(), "client_requests")
        self.requests_table.setModel(requests_proxy)
        self.requests_table.setSortingEnabled(True)
        self.requests_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.requests_table.horizontalHeader().setSectionResizeMode(
            self.requests.columnCount() - 1, QHeaderView.ResizeMode.Stretch
        )
        for column in (RequestsModel.COL_PRODUCT, RequestsModel.COL_STATUS):
            self.requests_table.horizontalHeader().setSectionResizeMode(
                column - 1, QHeaderView.ResizeMode.Interactive
            )
        self.requests_table.doubleClicked.connect(self.open_request)

        sales_box = QWidget()
        sales_layout = QVBoxLayout(sales_box)
        sales_layout.setContentsMargins(0, 0, 0, 0)
        sales_layout.addLayout(top)
        sales_layout.addWidget(self.sales_table, 1)
        sales_layout.addWidget(self.sales_empty)
        sales_layout.addStretch()
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.facts)
        detail_layout.addWidget(self.rules, 1)
        requests_box = QWidget()
        requests_layout = QVBoxLayout(requests_box)
        requests_layout.setContentsMargins(0, 0, 0, 0)
        requests_layout.addWidget(
            QLabel(self.tr("<b>Exception requests</b> (double-click for the full verdict)"))
        )
        requests_layout.addWidget(self.requests_table, 1)
        self.requests_empty = QLabel(self.tr("No exception requests for this client."))
        self.requests_empty.setStyleSheet("color: palette(mid);")
        requests_layout.addWidget(self.requests_empty)
        requests_layout.addStretch()
        self.detail_box = detail_box
        splitter = QSplitter(Qt.Orientation.Vertical)
        for widget in (sales_box, detail_box, requests_box):
            splitter.addWidget(widget)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([200, 340, 180])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self.loaded = False

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.loaded:
            self.refresh()

    def refresh(self) -> None:
        try:
            sales = self._services.sales.client_sales(self._actor, self.client_id)
            requests = self._services.sales.client_requests(self._actor, self.client_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.loaded = True
        self.sales.set_rows(sales)
        self.requests.set_rows(requests)
        for column in (RequestsModel.COL_PRODUCT, RequestsModel.COL_STATUS):
            fit_column(self.requests_table, column - 1)
        # An empty table, an empty verdict under it: say so in one line instead.
        self.sales_empty.setVisible(not sales)
        self.sales_table.setVisible(bool(sales))
        self.detail_box.setVisible(bool(sales))
        self.requests_empty.setVisible(not requests)
        self.requests_table.setVisible(bool(requests))
        if sales:
            self.sales_table.selectRow(0)
        else:
            self._select_sale(QModelIndex())

    def current_sale(self) -> SaleDTO | None:
        index = self.sales_table.currentIndex()
        sale: SaleDTO | None = index.data(ROW_ROLE) if index.isValid() else None
        return sale

    def _select_sale(self, index: QModelIndex) -> None:
        sale: SaleDTO | None = index.data(ROW_ROLE) if index.isValid() else None
        self.cancel_button.setEnabled(sale is not None and sale.may_cancel)
        self.correct_button.setEnabled(sale is not None)
        if sale is None:
            self.facts.clear()
            self.rules.set_evaluation(None)
            return
        self.facts.setText(self._facts_text(sale))
        self.rules.set_evaluation(sale.evaluation, self.tr("Verdict frozen with the sale:"))

    def _facts_text(self, sale: SaleDTO) -> str:
        lines = [
            self.tr(
                "<b>{product}</b> · {amount} · client level {client} · product {level} · "
                "recorded {when} by {who}"
            ).format(
                product=escape(product_name(sale.terms)),
                amount=money(sale.amount, sale.currency),
                client=sale.client_level or "—",
                level=sale.product_level,
                when=local_time(sale.recorded_at),
                who=escape(sale.recorded_by),
            )
        ]
        if sale.approved_by:
            lines.append(
                self.tr("Exception approved by {name} (request {id}).").format(
                    name=escape(sale.approved_by), id=sale.exception_request_id
                )
            )
        if sale.cooling_off_ends_at is not None and sale.cancellation is None:
            lines.append(
                self.tr("Cooling-off ends {when}.").format(
                    when=local_time(sale.cooling_off_ends_at)
                )
            )
        if sale.cancellation is not None:
            lines.append(
                self.tr("Cancelled {when} by {who}: {reason}").format(
                    when=local_time(sale.cancellation.cancelled_at),
                    who=escape(sale.cancellation.cancelled_by),
                    reason=escape(sale.cancellation.reason),
                )
            )
        for correction in sale.corrections:
            lines.append(
                self.tr("Correction of {when} by {who}: {note}").format(
                    when=local_time(correction.corrected_at),
                    who=escape(correction.corrected_by),
                    note=escape(correction.note),
                )
            )
        return "<br>".join(lines)

    # -- actions -------------------------------------------------------------------------------
    def record_sale(self) -> QDialog:
        from crm_desk.ui.sale_dialog import SaleDialog

        dialog = SaleDialog(
            self._services, self._actor, self.client_id, self.client_name, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(lambda _s: self._changed())
        dialog.submitted.connect(lambda _r: self._changed())
        dialog.attempted.connect(self._changed)
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def cancel_sale(self) -> QDialog | None:
        sale = self.current_sale()
        if sale is None:
            return None
        dialog = NoteDialog(
            self.tr("Cancel the sale in cooling-off"),
            self.tr(
                "{product}, {amount}: the client cancels within the cooling-off period, which "
                "ends {when}. The sale stays on record with this cancellation."
            ).format(
                product=product_name(sale.terms),
                amount=money(sale.amount, sale.currency),
                when=local_time(sale.cooling_off_ends_at),
            ),
            self.tr("Client's reason"),
            lambda text: self._services.sales.cancel(self._actor, sale.id, text),
            self,
        )
        dialog.done_with.connect(lambda _s: self._changed())
        dialog.open()
        return dialog

    def correct_sale(self) -> QDialog | None:
        sale = self.current_sale()
        if sale is None:
            return None
        dialog = NoteDialog(
            self.tr("Correct the sale record"),
            self.tr(
                "The sale record never changes: the correction is a new record pointing at it, "
                "shown with the sale."
            ),
            self.tr("What is wrong and what is right"),
            lambda text: self._services.sales.correct(self._actor, sale.id, text),
            self,
        )
        dialog.done_with.connect(lambda _s: self._changed())
        dialog.open()
        return dialog

    def open_request(self, index: QModelIndex) -> QDialog | None:
        from crm_desk.ui.exception_dialog import ExceptionDialog

        request: ExceptionRequestDTO | None = index.data(ROW_ROLE) if index.isValid() else None
        if request is None:
            return None
        dialog = ExceptionDialog(self._services, self._actor, request.id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(lambda _d: self._changed())
        dialog.open()
        return dialog


class NoteDialog(QDialog):
    """A written reason or note, saved by ``save``; problems shown at the field."""

    done_with = Signal(object)

    def __init__(
        self,
        title: str,
        explanation: str,
        prompt: str,
        save: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.text = QLineEdit()
        self.text.setObjectName("note_text")
        self.form = CheckedForm()
        self.form.add_field("text", prompt, self.text)
        self.status = QLabel()
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("note_save")
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(520, 200)

    def save(self) -> None:
        from crm_desk.domain.errors import ValidationError

        try:
            result = self._save(self.text.text())
        except ValidationError as exc:
            problem = next(iter(exc.problems.values()))
            self.form.show_problems({"text": problem})
            return
        except KnownError as exc:
            self.status.setText(error_text(exc))
            return
        self.done_with.emit(result)
        self.accept()
