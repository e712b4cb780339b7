"""Suitability reviews: holdings that no longer fit after a product was re-rated or a client's
assessment came out lower. The adviser sees their clients' open reviews — who, which product,
what changed, the new verdict and its reasons — and closes each with what was done; the
supervisor sees the branch's, by adviser."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.aftercare import ReviewOutcome, ReviewStatus, ReviewTrigger
from crm_desk.domain.errors import KnownError
from crm_desk.domain.roles import Role
from crm_desk.domain.suitability import Verdict
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.review_dto import ReviewDTO, ReviewList
from crm_desk.ui.assessment_wizard import ui_language
from crm_desk.ui.callback_dialog import money
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.interview_dialog import is_ctrl_enter, no_default_buttons, text_box
from crm_desk.ui.table_model import ROW_ROLE, Column, Index, RowsModel, SortProxy
from crm_desk.ui.verdicts import VERDICT_COLOURS
from crm_desk.ui.widgets import CheckedForm, configure_table, detail_label, stretch_column


def change_text(review: ReviewDTO) -> str:
    if review.cause is ReviewTrigger.PRODUCT_RERATED:
        return QCoreApplication.translate(
            "ReviewsPage", "Product re-rated {before} → {after}"
        ).format(before=review.level_before, after=review.level_after)
    return QCoreApplication.translate("ReviewsPage", "Assessment lower: {before} → {after}").format(
        before=review.level_before, after=review.level_after
    )


def verdict_text(verdict: str) -> str:
    return {
        "needs_exception": QCoreApplication.translate(
            "ReviewsPage", "Would need an exception today"
        ),
        "prohibited": QCoreApplication.translate("ReviewsPage", "Would not be allowed today"),
    }.get(verdict, verdict)


def outcome_label(outcome: ReviewOutcome) -> str:
    labels = {
        ReviewOutcome.CLIENT_INFORMED: QCoreApplication.translate("ReviewsPage", "Client informed"),
        ReviewOutcome.CLIENT_KEEPS: QCoreApplication.translate(
            "ReviewsPage", "Client informed, confirms keeping it"
        ),
        ReviewOutcome.REDEEMED: QCoreApplication.translate("ReviewsPage", "Holding redeemed"),
        ReviewOutcome.REASSESSED: QCoreApplication.translate(
            "ReviewsPage", "Client re-assessed; the holding fits"
        ),
        ReviewOutcome.OTHER: QCoreApplication.translate("ReviewsPage", "Other (see the note)"),
    }
    return labels[outcome]


def status_text(review: ReviewDTO) -> str:
    labels = {
        ReviewStatus.OPEN: QCoreApplication.translate("ReviewsPage", "Open"),
        ReviewStatus.CLOSED: QCoreApplication.translate("ReviewsPage", "Closed"),
        ReviewStatus.SUPERSEDED: QCoreApplication.translate(
            "ReviewsPage", "Replaced by a newer review"
        ),
        ReviewStatus.WITHDRAWN: QCoreApplication.translate(
            "ReviewsPage", "Withdrawn: sale cancelled"
        ),
    }
    return labels[review.status]


class ReviewsModel(RowsModel[ReviewDTO]):
    COL_PRODUCT, COL_VERDICT = 3, 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The verdict of an open review in the shelf's colours: amber or red at a glance."""
        if (
            role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
            and index.isValid()
            and index.column() == self.COL_VERDICT
            and 0 <= index.row() < self.rowCount()
        ):
            review = self.row_at(index.row())
            if review.status is not ReviewStatus.OPEN or review.verdict not in Verdict:
                return None
            background, text = VERDICT_COLOURS[Verdict(review.verdict)]
            return QBrush(background if role == Qt.ItemDataRole.BackgroundRole else text)
        return super().data(index, role)

    columns = (
        Column[ReviewDTO](
            lambda: QCoreApplication.translate("ReviewsPage", "Status"),
            status_text,
            lambda r: (r.status.value, r.id),
        ),
        Column[ReviewDTO](
            lambda: QCoreApplication.translate("ReviewsPage", "Opened"),
            lambda r: local_time(r.created_at),
            lambda r: r.created_at,
        ),
        Column[ReviewDTO](
            lambda: QCoreApplication.translate("ReviewsPage", "Client"),
            lambda r: r.client_name,
            lambda r: r.client_name,
        ),
        Column[ReviewDTO](
            lambda: QCoreApplication.translate("ReviewsPage", "Product"),
            lambda r: f"{r.product_code} {r.product_name.in_language(ui_language())}",
            lambda r: r.product_code,
        ),
        Column[ReviewDTO](
            lambda: QCoreApplication.translate("ReviewsPage", "Holding"),
            lambda r: money(r.amount, r.currency),
            lambda r: r.amount,
            align_right=True,
        ),
        Column[ReviewDTO](
            lambda: QCoreApplication.translate("ReviewsPage", "What changed"),
            change_text,
            lambda r: r.cause.value,
        ),
        Column[ReviewDTO](
            lambda: QCoreApplication.translate("ReviewsPage", "Verdict now"),
            lambda r: verdict_text(r.verdict),
            lambda r: r.verdict,
        ),
        Column[ReviewDTO](
            lambda: QCoreApplication.translate("ReviewsPage", "Adviser"),
            lambda r: r.adviser_name,
            lambda r: r.adviser_name,
        ),
        Column[ReviewDTO](
            lambda: QCoreApplication.translate("ReviewsPage", "Outcome"),
            lambda r: outcome_label(r.outcome) if r.outcome else "",
            lambda r: r.outcome.value if r.outcome else "",
        ),
    )


class CloseReviewDialog(QDialog):
    def __init__(
        self, services: Services, actor: Actor, review: ReviewDTO, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.review = review
        self.result_dto: ReviewDTO | None = None
        self.setWindowTitle(self.tr("Close the review"))
        self.setMinimumWidth(520)
        summary = QLabel(
            self.tr("<b>{client}</b> · {product}<br>{change} · {verdict}").format(
                client=escape(review.client_name),
                product=escape(review.product_code),
                change=escape(change_text(review)),
                verdict=escape(verdict_text(review.verdict)),
            )
        )
        summary.setTextFormat(Qt.TextFormat.RichText)
        summary.setWordWrap(True)
        self.form = CheckedForm()
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        self.outcome.addItem(self.tr("— choose —"), "")
        for outcome in ReviewOutcome:
            self.outcome.addItem(outcome_label(outcome), outcome.value)
        self.note = text_box("note", self.tr("What the client was told and what they decided"))
        self.form.add_field("outcome", self.tr("Outcome"), self.outcome)
        self.form.add_field("note", self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Close the review"))
        self.ok_button.setToolTip(self.tr("Ctrl+Enter"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        no_default_buttons(self)
        self.outcome.setFocus()

    def choose(self, outcome: ReviewOutcome) -> None:
        self.outcome.setCurrentIndex(self.outcome.findData(outcome.value))

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if is_ctrl_enter(event):
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        saved = self.form.attempt(
            self,
            lambda: self._services.reviews.close_review(
                self._actor,
                self.review.id,
                self.review.version,
                str(self.outcome.currentData() or ""),
                self.note.toPlainText(),
            ),
        )
        if saved is not None:
            self.result_dto = saved
            self.accept()


class ReviewsPage(QWidget):
    """The "Suitability reviews" page. ``open_client`` asks the main window to show a client."""

    open_client = Signal(int)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.listing: ReviewList | None = None
        self.dialog: CloseReviewDialog | None = None
        heading = QLabel(self.tr("<h3>Suitability reviews</h3>"))
        heading.setTextFormat(Qt.TextFormat.RichText)
        intro = QLabel(
            self.tr(
                "When a product's risk level rises or a client's new assessment is lower, every "
                "holding that no longer fits is listed here for the client's adviser: tell the "
                "client, agree what to do, and close the review with the outcome."
            )
        )
        intro.setWordWrap(True)
        self.status = QComboBox()
        self.status.setObjectName("review_status")
        self.status.addItem(self.tr("Open"), ReviewStatus.OPEN.value)
        self.status.addItem(self.tr("Closed"), ReviewStatus.CLOSED.value)
        self.status.addItem(self.tr("All"), "")
        self.status.currentIndexChanged.connect(self.refresh)
        self.adviser = QComboBox()
        self.adviser.setObjectName("review_adviser")
        self.adviser.addItem(self.tr("All advisers"), 0)
        if actor.role in (Role.SUPERVISOR, Role.COMPLIANCE):
            try:
                for adviser_id, name in services.clients.advisers(actor):
                    self.adviser.addItem(name, adviser_id)
            except KnownError:
                pass
        self.adviser.setVisible(actor.role in (Role.SUPERVISOR, Role.COMPLIANCE))
        self.adviser.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("reviews_summary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("reviews_message")
        self.message.hide()

        self.model = ReviewsModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = configure_table(QTableView(), "reviews")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(lambda _index: self.close_selected())
        stretch_column(self.table, ReviewsModel.COL_PRODUCT)
        self.detail = detail_label("review_detail")

        self.close_button = QPushButton(self.tr("Close review…"))
        self.close_button.setObjectName("close_review_button")
        self.close_button.clicked.connect(self.close_selected)
        self.close_button.setVisible(actor.role in (Role.ADVISER, Role.SUPERVISOR))
        self.client_button = QPushButton(self.tr("Open client"))
        self.client_button.clicked.connect(self._open_client)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.status)
        filters.addWidget(self.adviser)
        filters.addStretch(1)
        filters.addWidget(self.close_button)
        filters.addWidget(self.client_button)
        filters.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail, 1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.listing is not None:
            self.refresh()

    def refresh(self) -> None:
        chosen = self.selected()
        status_value = self.status.currentData()
        adviser_id = int(self.adviser.currentData() or 0)
        try:
            listing = self._services.reviews.reviews(
                self._actor,
                status=ReviewStatus(status_value) if status_value else None,
                adviser_id=adviser_id or None,
            )
        except KnownError as exc:
            show_error(self, exc)
            return
        self.listing = listing
        self.model.set_rows(listing.rows)
        open_total = sum(n for _, n in listing.open_by_adviser)
        text = self.tr("{n} open reviews").format(n=open_total)
        if self._actor.role is not Role.ADVISER and listing.open_by_adviser:
            text += " — " + " · ".join(f"{name} {n}" for name, n in listing.open_by_adviser)
        if listing.total > len(listing.rows):
            text += " " + self.tr("(showing the first {shown} of {total})").format(
                shown=len(listing.rows), total=listing.total
            )
        self.summary.setText(text)
        if chosen is not None:
            self.select_review(chosen.id)
        self._selection_changed()

    def selected(self) -> ReviewDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_review(self, review_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).id == review_id:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        review = self.selected()
        self.close_button.setEnabled(review is not None and review.may_close)
        self.client_button.setEnabled(review is not None)
        self.detail.setText(self._detail_text(review) if review is not None else "")

    def _detail_text(self, review: ReviewDTO) -> str:
        language = ui_language()
        lines = [
            self.tr("<b>{client}</b> holds {amount} of {product}, bought {sold}.").format(
                client=escape(review.client_name),
                amount=money(review.amount, review.currency),
                product=escape(
                    f"{review.product_code} {review.product_name.in_language(language)}"
                ),
                sold=local_time(review.sold_at),
            ),
            self.tr("{change}. {verdict}.").format(
                change=escape(change_text(review)), verdict=escape(verdict_text(review.verdict))
            ),
        ]
        lines += [f"• {escape(r.message.in_language(language))}" for r in review.reasons]
        if review.outcome is not None:
            lines.append(
                self.tr("Closed {when} by {who}: {outcome} — {note}").format(
                    when=local_time(review.closed_at),
                    who=escape(review.closed_by or ""),
                    outcome=escape(outcome_label(review.outcome)),
                    note=escape(review.note or ""),
                )
            )
        return "<br>".join(lines)

    def _open_client(self) -> None:
        review = self.selected()
        if review is not None:
            self.open_client.emit(review.client_id)

    def close_selected(self) -> CloseReviewDialog | None:
        """Open the closing dialog (window-modal) for the selected review; returned for tests."""
        review = self.selected()
        if review is None or not review.may_close:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = CloseReviewDialog(self._services, self._actor, review, self)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._finished(dialog))
        dialog.open()
        return dialog

    def _finished(self, dialog: CloseReviewDialog) -> None:
        if dialog.result_dto is not None:
            self.message.setText(
                self.tr("Review of {client}'s {product} closed.").format(
                    client=dialog.result_dto.client_name, product=dialog.result_dto.product_code
                )
            )
            self.message.show()
        self.refresh()


def review_timeline_detail(detail: str) -> str:
    """A "suitability_review" timeline entry's detail in words."""
    parts = detail.split(":")
    if len(parts) < 4:
        return detail
    cause, before, after, status = parts[:4]
    if cause == ReviewTrigger.PRODUCT_RERATED.value:
        change = QCoreApplication.translate("ReviewsPage", "Product re-rated {before} → {after}")
    else:
        change = QCoreApplication.translate("ReviewsPage", "Assessment lower: {before} → {after}")
    text = change.format(before=before, after=after)
    try:
        text += (
            " · "
            + {
                ReviewStatus.OPEN: QCoreApplication.translate("ReviewsPage", "Open"),
                ReviewStatus.CLOSED: QCoreApplication.translate("ReviewsPage", "Closed"),
                ReviewStatus.SUPERSEDED: QCoreApplication.translate(
                    "ReviewsPage", "Replaced by a newer review"
                ),
                ReviewStatus.WITHDRAWN: QCoreApplication.translate(
                    "ReviewsPage", "Withdrawn: sale cancelled"
                ),
            }[ReviewStatus(status)]
        )
        if len(parts) > 4:
            text += ": " + outcome_label(ReviewOutcome(parts[4]))
    except ValueError:
        pass
    return text
