"""A short dialog that acts on one record someone else may change meanwhile."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from crm_desk.domain.errors import ConcurrentEdit, KnownError, Problem, ValidationError
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.interview_dialog import is_ctrl_enter
from crm_desk.ui.widgets import CheckedForm

T = TypeVar("T")


class RecordDialog(QDialog, Generic[T]):
    """What the record is (rich text), a form that shows its own problems, OK and Cancel;
    Ctrl+Enter saves. ``saved`` holds what the service returned. When someone else changed the
    record meanwhile nothing is saved: the dialog says who and when, closes, and ``stale`` tells
    the page to show the record afresh. Subclasses give ``_call`` and ``_changed_meanwhile``."""

    def __init__(self, summary: str, parent: QWidget | None, *, min_width: int) -> None:
        super().__init__(parent)
        self.saved: T | None = None
        self.stale = False
        self.setMinimumWidth(min_width)
        self.form = CheckedForm()
        self.summary = QLabel(summary)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.explanation)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def explain(self, text: str) -> None:
        self.explanation.setText(text)
        self.explanation.show()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if is_ctrl_enter(event):
            self.submit()
            return
        super().keyPressEvent(event)

    def _call(self) -> T:
        raise NotImplementedError

    def _changed_meanwhile(self, who: str, when: str) -> str:
        """The message when ``who`` changed the record at ``when`` while the dialog was open."""
        raise NotImplementedError

    def _problems(self, problems: dict[str, Problem]) -> dict[str, Problem]:
        """The problems as the form shows them (a subclass may put them into words first)."""
        return problems

    def submit(self) -> None:
        try:
            saved = self._call()
        except ValidationError as exc:
            if not self.form.show_problems(self._problems(exc.problems)):
                show_error(self, exc)
            return
        except ConcurrentEdit as exc:
            self.stale = True
            when = exc.params["when"]
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self._changed_meanwhile(
                    str(exc.params["who"]), local_time(when) if isinstance(when, datetime) else "?"
                ),
            )
            self.reject()
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        self.saved = saved
        self.accept()
