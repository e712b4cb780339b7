"""Lock the window after a spell without input; unlocking needs the user's password again.

The lock screen covers the work instead of closing it, so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desk.ui.widgets import ERROR_STYLE, password_edit

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleMonitor(QObject):
    """Watches every input event of the application; emits ``idle`` after ``msecs`` without any."""

    idle = Signal()

    def __init__(self, msecs: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(msecs)
        self._timer.timeout.connect(self.idle)
        self._paused = False

    def start(self) -> None:
        self._paused = False
        self._timer.start()

    def pause(self) -> None:
        self._paused = True
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not self._paused and event.type() in _ACTIVITY:
            self._timer.start()
        return False


class LockScreen(QWidget):
    unlock_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.password = password_edit(self.tr("Password"))
        self.password.setMaximumWidth(320)
        self.password.returnPressed.connect(self._unlock)
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)

        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.password)
        row.addWidget(self.unlock_button)
        row.addStretch()
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch()

    def prepare(self, user: str) -> None:
        self.title.setText(
            self.tr(
                "<h2>Locked</h2><p>The window was locked after a period without use.<br>"
                "{user}, enter your password to continue where you left off.</p>"
            ).format(user=user)
        )
        self.password.clear()
        self.message.clear()
        self.password.setFocus()

    def _unlock(self) -> None:
        self.unlock_requested.emit(self.password.text())
        self.password.clear()

    def say(self, text: str) -> None:
        self.message.setText(text)
