"""Small building blocks shared by the dialogs: a form whose fields show their own errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError, Problem, ValidationError
from crm_desk.ui.errors import problem_text, show_error

# The app's highlight colours, (background, text): light enough to read black text on, with a
# darker text of the same hue. Rows that are late, due soon, refused or fine look alike everywhere.
GREEN = (QColor("#e6f4ea"), QColor("#1e6b34"))
AMBER = (QColor("#fff4ce"), QColor("#6b4e00"))  # due soon, needs an exception, expiring
RED = (QColor("#fde7e9"), QColor("#b3261e"))  # refused, expired
OVERDUE = (QColor("#fde7e9"), QColor("#8c1d18"))  # past its deadline
GREY = (QColor("#eeeeee"), QColor("#555555"))
BLUE = (QColor("#e8f0fe"), QColor("#174ea6"))

T = TypeVar("T")

ERROR_STYLE = "color: #b3261e;"


class CheckedForm(QFormLayout):
    """A form layout where each field can show what is wrong with it, right under it."""

    def __init__(self) -> None:
        super().__init__()
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.addRow(label, box)
        self._errors[name] = error
        self._fields[name] = widget
        return widget

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()

    def show_problems(self, problems: dict[str, Problem]) -> bool:
        """Show each problem at its field, focus the first; False if a field is not on the form."""
        self.clear_errors()
        all_shown = True
        first: QWidget | None = None
        for name, problem in problems.items():
            label = self._errors.get(name)
            if label is None:
                all_shown = False
                continue
            label.setText(problem_text(problem))
            label.show()
            first = first or self._fields[name]
        if first is not None:
            first.setFocus()
        return all_shown

    def error_text(self, name: str) -> str:
        return self._errors[name].text()

    def attempt(self, parent: QWidget, call: Callable[[], T]) -> T | None:
        """Run a service call for this form: field problems appear at their fields, any other
        known error as a message; returns None when nothing was saved."""
        try:
            return call()
        except ValidationError as exc:
            if not self.show_problems(exc.problems):
                show_error(parent, exc)
        except KnownError as exc:
            show_error(parent, exc)
        return None


def password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


def configure_table(table: QTableView, name: str) -> QTableView:
    """The house look of a read-only list: whole rows selected, compact rows, no row numbers."""
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    return table


def stretch_column(table: QTableView, column: int) -> None:
    """Let ``column`` (long names: a product, a summary) take the width that is left, or give
    way, instead of the last column: the dates and states after it stay in sight."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def detail_label(name: str) -> QLabel:
    """The rich-text panel beside a list that describes the selected row."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def fit_column(table: QTableView, column: int, widest: int = 180) -> None:
    """Size a column of long names to its contents, but no wider than ``widest``, so the
    columns after it (a status, a deadline, a comment) stay in sight without a scroll bar;
    the full text belongs in the tooltip. Set the column Interactive: the user may widen it.
    Call after each refill."""
    table.resizeColumnToContents(column)
    table.setColumnWidth(column, min(table.columnWidth(column), widest))
