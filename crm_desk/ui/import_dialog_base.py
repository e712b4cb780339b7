"""What the client import and the catalogue import windows share: choosing the file, the report
on every row (highlighted, sortable, optionally only the rows that need attention), reading,
checking and importing through the TaskRunner with a progress bar and Cancel, and the summary line.

Each window keeps its own: the service it calls, its columns, its summary of the totals, its
import buttons and when they are enabled, what a refusal means, and what it says once done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import KnownError, Problem
from crm_desk.services.tabular import (
    Cancelled,
    ImportCancelled,
    ImportPhase,
    Progress,
    RefusedImport,
)
from crm_desk.ui.errors import error_text
from crm_desk.ui.table_model import Index, RowsModel, SortProxy
from crm_desk.ui.tasks import TaskRunner
from crm_desk.ui.widgets import ERROR_STYLE, configure_table

ERROR_BRUSH = QBrush(QColor("#fde7e9"))  # a row to correct
WARNING_BRUSH = QBrush(QColor("#fff4ce"))  # a row to look at before importing

T = TypeVar("T")


class Preview(Protocol):
    """What a service's import preview has for the window to show."""

    @property
    def rows(self) -> Sequence[Any]: ...

    @property
    def file_problems(self) -> Sequence[Problem]: ...

    @property
    def ignored_columns(self) -> Sequence[str]: ...


PreviewT = TypeVar("PreviewT", bound=Preview)
ResultT = TypeVar("ResultT")
# The service call, run off the UI thread: it reports progress and asks whether to stop.
Work = Callable[[Progress, Cancelled], Any]


class MarkedRowsModel(RowsModel[T]):
    """The rows of the file, each with the background ``background`` gives it."""

    def background(self, row: T) -> QBrush | None:
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            if 0 <= index.row() < self.rowCount():
                return self.background(self.row_at(index.row()))
            return None
        return super().data(index, role)


class ProblemsProxy(SortProxy):
    """Sorted rows; with ``problems_only``, only the rows ``needs_attention`` picks."""

    def __init__(self, needs_attention: Callable[[Any], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._needs_attention = needs_attention
        self.problems_only = False

    def set_problems_only(self, value: bool) -> None:
        self.beginFilterChange()
        self.problems_only = value
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self.problems_only:
            return True
        model = self.sourceModel()
        assert isinstance(model, RowsModel)
        return self._needs_attention(model.row_at(source_row))


class _Relay(QObject):
    """Progress from the worker thread, delivered on the UI thread (a queued signal)."""

    progress = Signal(str, int, int)


class ImportDialog(QDialog, Generic[PreviewT, ResultT]):
    """The frame of an import window. A subclass calls ``_lay_out`` once its own buttons exist,
    and provides the methods below that raise NotImplementedError."""

    imported = Signal(object)  # the service's import result

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._cancel = threading.Event()
        self._busy = False
        self.preview: PreviewT | None = None
        self.import_result: ResultT | None = None
        self.resize(980, 620)

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import_path")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(
            QCoreApplication.translate("ImportDialog", "No file chosen")
        )
        self.choose_button = QPushButton(QCoreApplication.translate("ImportDialog", "Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_only = QCheckBox()
        self.problems_only.toggled.connect(self._filter_changed)
        self.table = QTableView()
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.cancel_button = QPushButton(QCoreApplication.translate("ImportDialog", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(QCoreApplication.translate("ImportDialog", "Close"))
        self.close_button.clicked.connect(self.reject)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progressed)

    def _lay_out(
        self,
        *,
        hint: str,
        problems_only: str,
        model: RowsModel[Any],
        needs_attention: Callable[[Any], bool],
        table_name: str,
        actions: Sequence[QPushButton],
    ) -> None:
        """The window's widgets in place: ``actions`` (the import buttons) before Close."""
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        self.problems_only.setText(problems_only)
        self.model = model
        self.proxy = ProblemsProxy(needs_attention, self)
        self.proxy.setSourceModel(self.model)
        configure_table(self.table, table_name)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(QCoreApplication.translate("ImportDialog", "File:")))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problems_only)
        buttons.addStretch(1)
        for action in actions:
            buttons.addWidget(action)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(hint_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(progress_row)
        layout.addLayout(buttons)

        self._set_busy(False)
        self.choose_button.setDefault(True)

    # -- what each window provides ---------------------------------------------------------------
    def _choose_caption(self) -> str:
        raise NotImplementedError

    def _reader(self, path: Path) -> Work:
        """The preview call; it must not touch the window (it runs on another thread)."""
        raise NotImplementedError

    def _totals_text(self, preview: PreviewT) -> str:
        raise NotImplementedError

    def _summary_is_error(self, preview: PreviewT) -> bool:
        raise NotImplementedError

    def _problem_text(self, problem: Problem) -> str:
        raise NotImplementedError

    def _writing_text(self) -> str:
        raise NotImplementedError

    def _refused_texts(self) -> dict[str, str]:
        """What a refusal says, by its reason."""
        raise NotImplementedError

    def _imported_text(self, result: ResultT) -> str:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError

    # -- choosing and previewing ---------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self._choose_caption(),
            "",
            QCoreApplication.translate(
                "ImportDialog", "Spreadsheets (*.csv *.xlsx);;All files (*)"
            ),
        )
        if path:
            self.load(path)

    def load(self, path: str | Path) -> None:
        """Read and check the file (also what tests call instead of the file dialog)."""
        if self._busy:
            return
        self.path_edit.setText(str(path))
        self.preview = None
        self.model.set_rows([])
        self._show_summary(QCoreApplication.translate("ImportDialog", "Reading the file…"))
        self._start(self._reader(Path(path)), self._previewed)

    def _previewed(self, preview: PreviewT) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        self._show_summary(self._summary_text(preview), error=self._summary_is_error(preview))
        self._set_busy(False)

    def _summary_text(self, preview: PreviewT) -> str:
        if preview.file_problems:
            return QCoreApplication.translate(
                "ImportDialog", "This file cannot be imported: {0}"
            ).format(" ".join(self._problem_text(p) for p in preview.file_problems))
        text = self._totals_text(preview)
        if preview.ignored_columns:
            text += " " + QCoreApplication.translate(
                "ImportDialog", "Columns left out: {0}."
            ).format(", ".join(preview.ignored_columns))
        return text

    # -- importing -----------------------------------------------------------------------------
    def _run_import(self, work: Work) -> None:
        self._show_summary(QCoreApplication.translate("ImportDialog", "Importing…"))
        self._start(work, self._imported)

    def _imported(self, result: ResultT) -> None:
        self.import_result = result
        self._set_busy(False)
        self._show_summary(self._imported_text(result))
        self.imported.emit(result)
        self.accept()

    # -- running, progress, cancel -------------------------------------------------------------
    def _start(self, work: Work, on_done: Callable[[Any], None]) -> None:
        relay, cancel = self._relay, self._cancel

        def on_progress(phase: ImportPhase, done: int, total: int) -> None:
            relay.progress.emit(phase.value, done, total)

        self._cancel.clear()
        self._set_busy(True)
        self.progress.setRange(0, 0)
        self._runner.run(lambda: work(on_progress, cancel.is_set), on_done, self._failed)

    def _progressed(self, phase: str, done: int, total: int) -> None:
        texts = {
            ImportPhase.READING.value: QCoreApplication.translate(
                "ImportDialog", "Reading the file…"
            ),
            ImportPhase.CHECKING.value: QCoreApplication.translate(
                "ImportDialog", "Checking the rows…"
            ),
            ImportPhase.WRITING.value: self._writing_text(),
        }
        if not self._cancel.is_set():
            self.progress_label.setText(texts.get(phase, ""))
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self._busy:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(QCoreApplication.translate("ImportDialog", "Cancelling…"))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ImportCancelled):
            self._show_summary(
                QCoreApplication.translate("ImportDialog", "Cancelled; nothing was imported.")
            )
        elif isinstance(exc, RefusedImport):
            if exc.preview is not None:
                self.preview = exc.preview
                self.model.set_rows(exc.preview.rows)
            self._show_summary(
                self._refused_texts().get(
                    exc.reason,
                    QCoreApplication.translate(
                        "ImportDialog", "This file cannot be imported as it is."
                    ),
                ),
                error=True,
            )
            self._update_buttons()
        elif isinstance(exc, KnownError):
            self._show_summary(error_text(exc), error=True)
        else:
            raise exc

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.choose_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.close_button.setEnabled(not busy)
        if busy:
            self.progress_label.setText("")
        self._update_buttons()

    def _show_summary(self, text: str, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(ERROR_STYLE if error else "")

    def _filter_changed(self, checked: bool) -> None:
        self.proxy.set_problems_only(checked)

    def reject(self) -> None:
        """Escape or Close while working cancels the work first; nothing is left half done."""
        if self._busy:
            self.cancel()
            return
        super().reject()

    @property
    def busy(self) -> bool:
        return self._busy
