"""Create or edit a client: every problem shown at its field; duplicates and concurrent edits
explained with a way forward (open the existing client, confirm, reload or compare)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.clients import (
    ClientInput,
    Horizon,
    IncomeBand,
    Language,
    Liquidity,
    Objective,
    ProductExperience,
)
from crm_desk.domain.errors import (
    ConcurrentEdit,
    DuplicateClient,
    KnownError,
    SimilarClients,
    ValidationError,
)
from crm_desk.domain.identity import Gender, Identity, IdType, check_identity
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.client_dto import ClientDetail
from crm_desk.services.container import Services
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.labels import label
from crm_desk.ui.widgets import CheckedForm

PERSONAL = ("id_number", "phone", "email", "address")


def _combo(values: list[object], allow_empty: bool = False) -> QComboBox:
    combo = QComboBox()
    if allow_empty:
        combo.addItem("—", "")
    for value in values:
        combo.addItem(label(value), str(value))  # type: ignore[arg-type]
    return combo


def _select(combo: QComboBox, value: str | None) -> None:
    index = combo.findData(value or "")
    combo.setCurrentIndex(max(index, 0))


class ChecksGrid(QWidget):
    """A group of checkboxes for a multiple choice, as one field of the form."""

    def __init__(self, values: list[object], columns: int = 3) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for n, value in enumerate(values):
            box = QCheckBox(label(value))  # type: ignore[arg-type]
            self.boxes[str(value)] = box
            grid.addWidget(box, n // columns, n % columns)

    def values(self) -> list[str]:
        return [value for value, box in self.boxes.items() if box.isChecked()]

    def set_values(self, values: tuple[object, ...]) -> None:
        for value, box in self.boxes.items():
            box.setChecked(value in {str(v) for v in values})


class ClientFormDialog(QDialog):
    """``saved`` carries the ClientDetail; ``open_client`` asks the page to open another client."""

    saved = Signal(object)
    open_client = Signal(int)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        detail: ClientDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._detail = detail
        self.setWindowTitle(self.tr("Edit client") if detail else self.tr("New client"))
        self.setMinimumWidth(640)
        self.form = CheckedForm()
        f = self.form

        self.name = QLineEdit()
        f.add_field("name", self.tr("Name"), self.name)
        self.id_type = _combo(list(IdType))
        f.add_field("id_type", self.tr("Identity document"), self.id_type)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(30)
        f.add_field("id_number", self.tr("Document number"), self.id_number)
        self.birth_date = QDateEdit()
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setDate(QDate(1970, 1, 1))
        f.add_field("birth_date", self.tr("Birth date"), self.birth_date)
        self.gender = _combo(list(Gender), allow_empty=True)
        f.add_field("gender", self.tr("Sex"), self.gender)
        self.phone = QLineEdit()
        f.add_field("phone", self.tr("Mobile phone"), self.phone)
        self.email = QLineEdit()
        f.add_field("email", self.tr("E-mail"), self.email)
        self.address = QLineEdit()
        f.add_field("address", self.tr("Address"), self.address)
        self.occupation = QLineEdit()
        f.add_field("occupation", self.tr("Occupation"), self.occupation)
        self.income_band = _combo(list(IncomeBand), allow_empty=True)
        f.add_field("income_band", self.tr("Annual income"), self.income_band)
        self.financial_assets = QLineEdit()
        self.financial_assets.setPlaceholderText(self.tr("yuan, e.g. 1,500,000"))
        f.add_field("financial_assets", self.tr("Financial assets"), self.financial_assets)
        self.experience_years = QSpinBox()
        self.experience_years.setRange(0, 80)
        self.experience_years.setSuffix(self.tr(" years"))
        f.add_field("experience_years", self.tr("Investment experience"), self.experience_years)
        self.experience_types = ChecksGrid(list(ProductExperience))
        f.add_field("experience_types", self.tr("Products invested in"), self.experience_types)
        self.objectives = ChecksGrid(list(Objective), columns=2)
        f.add_field("objectives", self.tr("Objectives"), self.objectives)
        self.horizon = _combo(list(Horizon), allow_empty=True)
        f.add_field("horizon", self.tr("Investment horizon"), self.horizon)
        self.liquidity = _combo(list(Liquidity), allow_empty=True)
        f.add_field("liquidity", self.tr("Liquidity needs"), self.liquidity)
        self.language = _combo(list(Language))
        f.add_field("preferred_language", self.tr("Preferred language"), self.language)
        self.adviser = QComboBox()
        if actor.role is Role.SUPERVISOR and detail is None:
            self.adviser.addItem("—", None)
            for adviser_id, name in services.clients.advisers(actor):
                self.adviser.addItem(name, adviser_id)
            f.add_field("adviser_id", self.tr("Adviser"), self.adviser)

        self.id_number.editingFinished.connect(self._fill_from_id)
        body = QWidget()
        body.setLayout(f)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.submit)
        layout = QVBoxLayout(self)
        if detail is not None:
            note = QLabel(
                self.tr(
                    "Identity number, phone, e-mail and address are shown masked; leave them "
                    "as they "
                    "are to keep them, or type a new value to replace one."
                )
            )
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(mid);")
            layout.addWidget(note)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(700, 760)
        if detail is not None:
            self._fill(detail)

    # -- filling -------------------------------------------------------------------------------
    def _fill(self, d: ClientDetail) -> None:
        self.name.setText(d.name)
        _select(self.id_type, d.id_type.value)
        self._masked = {
            "id_number": d.id_number_masked,
            "phone": d.phone_masked,
            "email": d.email_masked or "",
            "address": d.address_masked or "",
        }
        for field in PERSONAL:
            edit: QLineEdit = getattr(self, field)
            edit.setText(self._masked[field])
        self.birth_date.setDate(QDate(d.birth_date.year, d.birth_date.month, d.birth_date.day))
        _select(self.gender, d.gender.value if d.gender else "")
        self.occupation.setText(d.occupation)
        _select(self.income_band, d.income_band.value)
        self.financial_assets.setText(f"{d.financial_assets:,.2f}")
        self.experience_years.setValue(d.experience_years)
        self.experience_types.set_values(d.experience_types)
        self.objectives.set_values(d.objectives)
        _select(self.horizon, d.horizon.value)
        _select(self.liquidity, d.liquidity.value)
        _select(self.language, d.preferred_language.value)

    def _fill_from_id(self) -> None:
        """A resident ID carries the birth date and the sex: fill them in as soon as it is typed."""
        if self.id_type.currentData() != IdType.PRC_ID.value:
            return
        checked = check_identity(IdType.PRC_ID, self.id_number.text())
        if isinstance(checked, Identity) and checked.birth_date is not None:
            born = checked.birth_date
            self.birth_date.setDate(QDate(born.year, born.month, born.day))
            _select(self.gender, checked.gender.value if checked.gender else "")

    def client_input(self) -> ClientInput:
        kept = frozenset(
            field
            for field in PERSONAL
            if self._detail is not None and getattr(self, field).text() == self._masked[field]
        )
        qdate = self.birth_date.date()
        return ClientInput(
            name=self.name.text(),
            id_type=str(self.id_type.currentData()),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
            birth_date=date(qdate.year(), qdate.month(), qdate.day()),
            gender=str(self.gender.currentData() or "") or None,
            email=self.email.text(),
            address=self.address.text(),
            occupation=self.occupation.text(),
            income_band=str(self.income_band.currentData() or ""),
            financial_assets=self.financial_assets.text(),
            experience_years=str(self.experience_years.value()),
            experience_types=self.experience_types.values(),
            objectives=self.objectives.values(),
            horizon=str(self.horizon.currentData() or ""),
            liquidity=str(self.liquidity.currentData() or ""),
            preferred_language=str(self.language.currentData()),
            keep_personal=kept,
        )

    # -- saving --------------------------------------------------------------------------------
    def submit(self, acknowledge_similar: bool = False) -> None:
        raw = self.client_input()
        clients = self._services.clients
        save: Callable[[], ClientDetail]
        if self._detail is None:
            adviser = self.adviser.currentData() if self.adviser.count() else None
            save = lambda: clients.create_client(  # noqa: E731
                self._actor, raw, adviser_id=adviser, acknowledge_similar=acknowledge_similar
            )
        else:
            detail = self._detail
            save = lambda: clients.update_client(  # noqa: E731
                self._actor, detail.id, detail.version, raw, acknowledge_similar=acknowledge_similar
            )
        try:
            saved = save()
        except ValidationError as exc:
            if not self.form.show_problems(exc.problems):
                show_error(self, exc)
            return
        except DuplicateClient as exc:
            self._duplicate(exc)
            return
        except SimilarClients as exc:
            if self._confirm_similar(exc):
                self.submit(acknowledge_similar=True)
            return
        except ConcurrentEdit as exc:
            self._concurrent(exc)
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        self.saved.emit(saved)
        self.accept()

    def _duplicate(self, exc: DuplicateClient) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Client already on file"))
        if exc.visible:
            box.setText(
                self.tr(
                    "A client with this identity document already exists. "
                    "Open that client instead of creating a second record?"
                )
            )
            open_button = box.addButton(
                self.tr("Open the existing client"), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is open_button:
                self.open_client.emit(exc.client_id)
                self.reject()
        else:
            box.setText(
                self.tr(
                    "A client with this identity document already exists and is served by another "
                    "adviser. Ask your supervisor to reassign the client to you if you now "
                    "serve them."
                )
            )
            box.exec()

    def _confirm_similar(self, exc: SimilarClients) -> bool:
        lines = "\n".join(
            f"• {m.name}  {m.birth_date.isoformat()}  "
            + (f"({m.adviser_name})" if m.visible else self.tr("(served by another adviser)"))
            for m in exc.matches
        )
        answer = QMessageBox.question(
            self,
            self.tr("Possible duplicate"),
            self.tr(
                "These clients have the same name and birth date:\n\n{lines}\n\n"
                "Is this really a different person? Save anyway?"
            ).format(lines=lines),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _concurrent(self, exc: ConcurrentEdit) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed by someone else"))
        when = exc.params.get("when")
        box.setText(
            self.tr(
                "{who} saved this client at {when}, after you opened it, changing: {fields}.\n\n"
                "Nothing was overwritten. Reload to see their version (your changes are "
                "discarded), "
                "or compare the two first."
            ).format(
                who=exc.params.get("who"),
                when=local_time(when) if hasattr(when, "timestamp") else when,  # type: ignore[arg-type]
                fields=exc.params.get("fields"),
            )
        )
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        compare_button = box.addButton(self.tr("Compare"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is reload_button:
            self.reload()
        elif box.clickedButton() is compare_button:
            self.compare()

    def reload(self) -> None:
        assert self._detail is not None
        self._detail = self._services.clients.get_client(self._actor, self._detail.id)
        self.form.clear_errors()
        self._fill(self._detail)

    def compare(self) -> None:
        """Yours against theirs, field by field, for the fields that differ."""
        assert self._detail is not None
        theirs = self._services.clients.get_client(self._actor, self._detail.id)
        mine = self.client_input()
        rows = []
        pairs = [
            (self.tr("Name"), mine.name, theirs.name),
            (self.tr("Occupation"), mine.occupation, theirs.occupation),
            (self.tr("Financial assets"), mine.financial_assets, f"{theirs.financial_assets:,.2f}"),
            (self.tr("Investment experience"), mine.experience_years, str(theirs.experience_years)),
            (self.tr("Annual income"), mine.income_band, theirs.income_band.value),
            (self.tr("Investment horizon"), mine.horizon, theirs.horizon.value),
            (self.tr("Liquidity needs"), mine.liquidity, theirs.liquidity.value),
            (self.tr("Mobile phone"), mine.phone, theirs.phone_masked),
            (self.tr("Address"), mine.address, theirs.address_masked or ""),
        ]
        for name, yours, current in pairs:
            if str(yours).replace(",", "") != str(current).replace(",", ""):
                rows.append(f"{name}: {yours}  ⇄  {current}")
        QMessageBox.information(
            self,
            self.tr("Your version ⇄ the saved version"),
            "\n".join(rows) or self.tr("No visible difference."),
        )
