"""The complaints "Reports" tab (supervisors and compliance): a period, the key figures, charts
(QtCharts) of volume by category, channel, product and adviser, root causes and satisfaction, and
an export to CSV or XLSX."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError
from crm_desk.services.actor import Actor
from crm_desk.services.complaint_dto import ComplaintReport, CountRow
from crm_desk.services.container import Services
from crm_desk.ui.assessment_wizard import ui_language
from crm_desk.ui.complaint_dialog import report_value_label
from crm_desk.ui.errors import show_error
from crm_desk.ui.interview_dialog import to_date
from crm_desk.ui.tasks import TaskRunner

TOP = 6  # the largest groups each chart shows; the rest is summed as "others"
SaveFileName = Callable[[QWidget, str, str, str], tuple[str, str]]


def _top(
    rows: Sequence[CountRow], label: Callable[[str], str], others: str
) -> list[tuple[str, int]]:
    items = [(label(r.key), r.count) for r in rows[:TOP]]
    rest = sum(r.count for r in rows[TOP:])
    if rest:
        items.append((others, rest))
    return items


LABEL_WIDTH = 24  # of a category label, a Chinese character counting two; then "…"


def _short(label: str) -> str:
    width = 0
    for n, char in enumerate(label):
        width += 2 if ord(char) >= 0x2E80 else 1
        if width > LABEL_WIDTH:
            return label[: max(n - 1, 1)] + "…"
    return label


def bar_chart(title: str, items: list[tuple[str, int]], horizontal: bool = False) -> QChart:
    """Bars with whole-number ticks; horizontal ones list the largest group at the top."""
    if horizontal:
        items = list(reversed(items))  # the axis runs bottom-up
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    values = QBarSet(title)
    for _label, count in items:
        values.append(count)
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(values)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_short(label) for label, _ in items] or ["—"])
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    top = max([count for _, count in items] + [1])
    step = max(1, math.ceil(top / 5))
    counts.setRange(0, step * math.ceil(top / step))
    counts.setTickType(QValueAxis.TickType.TicksDynamic)
    counts.setTickAnchor(0)
    counts.setTickInterval(step)
    category_side = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
    value_side = Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
    chart.addAxis(categories, category_side)
    chart.addAxis(counts, value_side)
    series.attachAxis(categories)
    series.attachAxis(counts)
    return chart


def pie_chart(title: str, items: list[tuple[str, int]]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    series = QPieSeries()
    for label, count in items:
        if count:
            series.append(f"{label} ({count})", count)
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart


class ComplaintReportsWidget(QWidget):
    """Figures and charts for a period; ``save_file_name`` is swapped in tests."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        save_file_name: SaveFileName | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._save_file_name: SaveFileName = save_file_name or QFileDialog.getSaveFileName
        self.report: ComplaintReport | None = None
        self.charts: dict[str, QChart] = {}
        last = today or datetime.now(services.policy.complaints.zone).date()
        first = (last.replace(day=1) - timedelta(days=1)).replace(day=1)  # the previous month on
        self.first_day = QDateEdit(QDate(first))
        self.first_day.setObjectName("first_day")
        self.last_day = QDateEdit(QDate(last))
        self.last_day.setObjectName("last_day")
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton(self.tr("Show"))
        self.refresh_button.setObjectName("report_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("report_export")
        self.export_button.setToolTip(self.tr("Save the figures and the list as CSV or XLSX"))
        self.export_button.clicked.connect(self.export)
        self.figures = QLabel()
        self.figures.setObjectName("report_figures")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.first_day)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.last_day)
        bar.addWidget(self.refresh_button)
        bar.addStretch()
        bar.addWidget(self.export_button)
        self.grid = QGridLayout()
        self.views: list[QChartView] = []
        for n in range(6):
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(300)
            self.views.append(view)
            self.grid.addWidget(view, n // 2, n % 2)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.figures)
        column.addLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    def period(self) -> tuple[date, date]:
        return to_date(self.first_day.date()), to_date(self.last_day.date())

    def refresh(self) -> None:
        """Compute the report for the period: on the task runner when there is one (years of a
        bank's complaints take a moment), inline otherwise."""
        first, last = self.period()

        def compute() -> ComplaintReport:
            return self._services.complaint_reports.report(self._actor, first, last)

        if self._runner is None:
            try:
                report = compute()
            except KnownError as exc:
                show_error(self, exc)
                return
            self.show_report(report)
            return
        self.refresh_button.setEnabled(False)
        self._runner.run(compute, self._computed, self._failed)

    def _computed(self, report: ComplaintReport) -> None:
        self.refresh_button.setEnabled(True)
        self.show_report(report)

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        if not isinstance(error, KnownError):
            raise error  # a bug: the crash dialog, not a message
        show_error(self, error)

    def show_report(self, r: ComplaintReport) -> None:
        self.report = r

        def days(value: float | None) -> str:
            return "—" if value is None else self.tr("{n} days").format(n=f"{value:.1f}")

        def share(value: float | None) -> str:
            return "—" if value is None else f"{value * 100:.1f}%"

        self.figures.setText(
            self.tr(
                "<b>{scope}</b>, {first} – {last}: <b>{total}</b> complaints accepted, {open} "
                "still open ({overdue} overdue), {reopened} reopened.<br>"
                "Answered rounds: {answered} · median handling time <b>{median}</b> · 90th "
                "percentile <b>{p90}</b> · answered within the deadline <b>{on_time}</b> · "
                "mean satisfaction <b>{satisfaction}</b> · outcome accepted {accepted}."
            ).format(
                scope=r.scope or self.tr("All branches"),
                first=r.first_day.isoformat(),
                last=r.last_day.isoformat(),
                total=r.total,
                open=r.open,
                overdue=r.overdue_open,
                reopened=r.reopened,
                answered=r.answered_rounds,
                median=days(r.median_days),
                p90=days(r.p90_days),
                on_time=share(r.on_time_share),
                satisfaction="—" if r.mean_satisfaction is None else f"{r.mean_satisfaction:.2f}",
                accepted=share(r.accepted_share),
            )
        )
        others = self.tr("Others")

        def label(kind: str) -> Callable[[str], str]:
            return lambda key: report_value_label(kind if key else "none", key)

        # A product by its name in the window's language (the code if it has none).
        chinese = ui_language() == "zh_CN"
        products = [
            CountRow((row.name_zh if chinese else row.name_en) or row.key, row.count)
            for row in r.by_product
        ]

        charts = {
            "category": bar_chart(
                self.tr("By category"), _top(r.by_category, label("category"), others), True
            ),
            "channel": pie_chart(
                self.tr("By channel"), _top(r.by_channel, label("channel"), others)
            ),
            "product": bar_chart(
                self.tr("By product"), _top(products, label("product"), others), True
            ),
            "adviser": bar_chart(
                self.tr("By adviser"), _top(r.by_adviser, label("adviser"), others), True
            ),
            "root_cause": bar_chart(
                self.tr("Root causes"), _top(r.by_root_cause, label("root_cause"), others), True
            ),
            "satisfaction": bar_chart(
                self.tr("Satisfaction (1 = very dissatisfied, 5 = very satisfied)"),
                [(str(n), count) for n, count in enumerate(r.satisfaction_counts, start=1)],
            ),
        }
        for view, chart in zip(self.views, charts.values(), strict=True):
            old = view.chart()
            view.setChart(chart)  # the view releases the old chart without deleting it
            if old is not None:
                old.deleteLater()
        self.charts = charts

    def export(self) -> Path | None:
        """Ask where, then write the report there (on the task runner when there is one);
        returns the path the export was started for, None if the user cancelled."""
        first, last = self.period()
        name, _filter = self._save_file_name(
            self,
            self.tr("Export the complaint report"),
            f"complaints-{first.isoformat()}-{last.isoformat()}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.casefold() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")

        def write() -> ComplaintReport:
            return self._services.complaint_reports.export_report(
                self._actor, first, last, path, report_value_label
            )

        if self._runner is None:
            try:
                report = write()
            except (KnownError, OSError) as exc:
                self._export_failed(exc)
                return None
            self.show_report(report)
            return path
        self.export_button.setEnabled(False)
        self._runner.run(write, self._exported, self._export_failed)
        return path

    def _exported(self, report: ComplaintReport) -> None:
        self.export_button.setEnabled(True)
        self.show_report(report)

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(error, KnownError):
            show_error(self, error)
        elif isinstance(error, OSError):
            QMessageBox.warning(
                self,
                self.tr("Export the complaint report"),
                self.tr("The file could not be written: {error}").format(
                    error=error.strerror or error
                ),
            )
        else:
            raise error
