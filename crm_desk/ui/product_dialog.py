"""Create, edit or look at a product of the catalogue; put it on or off sale with a reason.

Every problem appears at its field; a save over someone else's newer version is refused and
explained (reload, or keep editing). Read-only users see the same form, without a Save button.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desk.domain.errors import ConcurrentEdit, KnownError, ValidationError
from crm_desk.domain.products import (
    CURRENCIES,
    MAX_COOLING_OFF_HOURS,
    MAX_HORIZON_MONTHS,
    PRIVATE_FUND_MIN_COOLING_OFF_HOURS,
    ProductInput,
    ProductRisk,
    ProductStatus,
    ProductType,
    Redemption,
)
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.product_dto import ProductDTO
from crm_desk.ui.errors import show_error
from crm_desk.ui.formatting import local_time
from crm_desk.ui.labels import label
from crm_desk.ui.widgets import CheckedForm


def ui_language() -> str:
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


def amount_text(value: Decimal, currency: str = "") -> str:
    """1,000,000.00 CNY: grouped, two decimals."""
    text = f"{value:,.2f}"
    return f"{text} {currency}" if currency else text


def _combo(values: list[object], allow_empty: bool = False) -> QComboBox:
    combo = QComboBox()
    if allow_empty:
        combo.addItem("—", "")
    for value in values:
        combo.addItem(label(value), str(value))  # type: ignore[arg-type]
    return combo


def _select(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class ProductDialog(QDialog):
    """``saved`` carries the ProductDTO after a create or an edit."""

    saved = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        product: ProductDTO | None = None,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._product = product
        self.read_only = read_only
        if read_only:
            self.setWindowTitle(self.tr("Product"))
        else:
            self.setWindowTitle(self.tr("Edit product") if product else self.tr("New product"))
        self.setMinimumWidth(620)
        self.form = CheckedForm()
        f = self.form

        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.code.setPlaceholderText(self.tr("e.g. WM-CASH-01"))
        f.add_field("code", self.tr("Code"), self.code)
        self.name_zh = QLineEdit()
        f.add_field("name_zh", self.tr("Chinese name"), self.name_zh)
        self.name_en = QLineEdit()
        f.add_field("name_en", self.tr("English name"), self.name_en)
        self.product_type = _combo(list(ProductType), allow_empty=product is None)
        f.add_field("product_type", self.tr("Type"), self.product_type)
        self.issuer = QLineEdit()
        f.add_field("issuer", self.tr("Issuer or manager"), self.issuer)
        self.risk_level = _combo(list(ProductRisk), allow_empty=product is None)
        f.add_field("risk_level", self.tr("Risk level"), self.risk_level)
        self.is_complex = QCheckBox(self.tr("Complex product (structured, with derivatives…)"))
        f.add_field("is_complex", self.tr("Complexity"), self.is_complex)
        self.horizon_months = QSpinBox()
        self.horizon_months.setRange(0, MAX_HORIZON_MONTHS)
        self.horizon_months.setSuffix(self.tr(" months"))
        self.horizon_months.setSpecialValueText(self.tr("open-ended (0 months)"))
        f.add_field("horizon_months", self.tr("Term"), self.horizon_months)
        self.redemption = _combo(list(Redemption), allow_empty=product is None)
        f.add_field("redemption", self.tr("Redemption"), self.redemption)
        self.redemption_terms = QLineEdit()
        self.redemption_terms.setPlaceholderText(
            self.tr("e.g. open on the first business day of each month")
        )
        f.add_field("redemption_terms", self.tr("Redemption terms"), self.redemption_terms)
        self.min_amount = QLineEdit()
        self.min_amount.setPlaceholderText(self.tr("e.g. 50,000"))
        f.add_field("min_amount", self.tr("Minimum amount"), self.min_amount)
        self.currency = QComboBox()
        for code in ["CNY", *sorted(CURRENCIES - {"CNY"})]:
            self.currency.addItem(code, code)
        f.add_field("currency", self.tr("Currency"), self.currency)
        self.cooling_off_hours = QSpinBox()
        self.cooling_off_hours.setRange(0, MAX_COOLING_OFF_HOURS)
        self.cooling_off_hours.setSuffix(self.tr(" hours"))
        self.cooling_off_hours.setSpecialValueText(self.tr("none"))
        f.add_field("cooling_off_hours", self.tr("Cooling-off"), self.cooling_off_hours)
        self.risk_factors_zh = QPlainTextEdit()
        self.risk_factors_zh.setPlaceholderText(self.tr("One risk factor per line, in Chinese"))
        self.risk_factors_zh.setTabChangesFocus(True)
        self.risk_factors_zh.setFixedHeight(90)
        f.add_field("risk_factors_zh", self.tr("Risk factors (Chinese)"), self.risk_factors_zh)
        self.risk_factors_en = QPlainTextEdit()
        self.risk_factors_en.setPlaceholderText(self.tr("One risk factor per line, in English"))
        self.risk_factors_en.setTabChangesFocus(True)
        self.risk_factors_en.setFixedHeight(90)
        f.add_field("risk_factors_en", self.tr("Risk factors (English)"), self.risk_factors_en)
        self.product_type.currentIndexChanged.connect(self._type_changed)

        body = QWidget()
        body.setLayout(f)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.note)
        layout.addWidget(scroll)
        if read_only:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.buttons.rejected.connect(self.reject)
        else:
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
            self.buttons.accepted.connect(self.submit)
            self.buttons.rejected.connect(self.reject)
            QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.submit)
        layout.addWidget(self.buttons)
        self.resize(680, 780)
        if product is not None:
            self._fill(product)
        else:
            self.note.setText(
                self.tr(
                    "The risk level, term, complexity and minimum amount decide which clients "
                    "may buy the product; the risk factors are printed on every disclosure."
                )
            )
        if read_only:
            for widget in (
                self.code,
                self.name_zh,
                self.name_en,
                self.issuer,
                self.redemption_terms,
                self.min_amount,
            ):
                widget.setReadOnly(True)
            for other in (
                self.product_type,
                self.risk_level,
                self.is_complex,
                self.horizon_months,
                self.redemption,
                self.currency,
                self.cooling_off_hours,
            ):
                other.setEnabled(False)
            self.risk_factors_zh.setReadOnly(True)
            self.risk_factors_en.setReadOnly(True)

    # -- filling -------------------------------------------------------------------------------
    def _fill(self, product: ProductDTO) -> None:
        t = product.terms
        self.code.setText(t.code)
        self.code.setReadOnly(True)
        self.code.setToolTip(self.tr("Sales refer to the code: it cannot change."))
        self.name_zh.setText(t.name_zh)
        self.name_en.setText(t.name_en)
        _select(self.product_type, t.product_type.value)
        self.issuer.setText(t.issuer)
        _select(self.risk_level, t.risk_level.value)
        self.is_complex.setChecked(t.is_complex)
        self.horizon_months.setValue(t.horizon_months)
        _select(self.redemption, t.redemption.value)
        self.redemption_terms.setText(t.redemption_terms)
        self.min_amount.setText(amount_text(t.min_amount))
        _select(self.currency, t.currency)
        self.cooling_off_hours.setValue(t.cooling_off_hours)
        self.risk_factors_zh.setPlainText("\n".join(t.risk_factors_zh))
        self.risk_factors_en.setPlainText("\n".join(t.risk_factors_en))
        self.note.setText(
            self.tr("{status}. Last changed {when} by {who}.").format(
                status=label(product.status),
                when=local_time(product.updated_at),
                who=product.updated_by or "—",
            )
        )

    def _type_changed(self) -> None:
        """Structured products are complex; private funds need their cooling-off."""
        kind = str(self.product_type.currentData() or "")
        if kind == ProductType.STRUCTURED.value:
            self.is_complex.setChecked(True)
        if (
            kind == ProductType.PRIVATE_FUND.value
            and self.cooling_off_hours.value() < PRIVATE_FUND_MIN_COOLING_OFF_HOURS
        ):
            self.cooling_off_hours.setValue(PRIVATE_FUND_MIN_COOLING_OFF_HOURS)

    def product_input(self) -> ProductInput:
        return ProductInput(
            code=self.code.text(),
            name_zh=self.name_zh.text(),
            name_en=self.name_en.text(),
            product_type=str(self.product_type.currentData() or ""),
            issuer=self.issuer.text(),
            risk_level=str(self.risk_level.currentData() or ""),
            horizon_months=str(self.horizon_months.value()),
            redemption=str(self.redemption.currentData() or ""),
            min_amount=self.min_amount.text(),
            currency=str(self.currency.currentData()),
            cooling_off_hours=str(self.cooling_off_hours.value()),
            risk_factors_zh=_lines(self.risk_factors_zh),
            risk_factors_en=_lines(self.risk_factors_en),
            is_complex=self.is_complex.isChecked(),
            redemption_terms=self.redemption_terms.text(),
        )

    # -- saving --------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.read_only:
            return
        raw = self.product_input()
        products = self._services.products
        current = self._product
        try:
            if current is None:
                saved = products.create_product(self._actor, raw)
            else:
                saved = products.update_product(self._actor, current.id, current.version, raw)
        except ValidationError as exc:
            if not self.form.show_problems(exc.problems):
                show_error(self, exc)
            return
        except ConcurrentEdit as exc:
            self._concurrent(exc)
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        self.saved.emit(saved)
        self.accept()

    def _concurrent(self, exc: ConcurrentEdit) -> None:
        when = exc.params.get("when")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed by someone else"))
        box.setText(
            self.tr(
                "{who} saved this product at {when}, after you opened it, changing: {fields}.\n\n"
                "Nothing was overwritten. Reload to see their version (your changes are "
                "discarded), or keep editing and copy your changes over after reloading."
            ).format(
                who=exc.params.get("who"),
                when=local_time(when) if hasattr(when, "timestamp") else when,
                fields=exc.params.get("fields"),
            )
        )
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is reload_button:
            self.reload()

    def reload(self) -> None:
        assert self._product is not None
        self._product = self._services.products.get_product(self._actor, self._product.id)
        self.form.clear_errors()
        self._fill(self._product)


class StatusDialog(QDialog):
    """On sale, suspended or closed, with the reason the trail records."""

    saved = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        product: ProductDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._product = product
        self.setWindowTitle(self.tr("Change the status of {code}").format(code=product.code))
        self.setMinimumWidth(460)
        self.form = CheckedForm()
        self.status = _combo(list(ProductStatus))
        _select(self.status, product.status.value)
        self.form.add_field("status", self.tr("Status"), self.status)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the issuer suspended subscriptions"))
        self.form.add_field("reason", self.tr("Reason"), self.reason)
        hint = QLabel(
            self.tr(
                "Suspended and closed products cannot be sold; clients keep what they hold. "
                "Closing is for good, suspending for now."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(product.name_in(ui_language())))
        layout.addLayout(self.form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def submit(self) -> None:
        product = self._product
        saved = self.form.attempt(
            self,
            lambda: self._services.products.set_status(
                self._actor,
                product.id,
                product.version,
                str(self.status.currentData()),
                self.reason.text(),
            ),
        )
        if saved is not None:
            self.saved.emit(saved)
            self.accept()


def complex_text(product: ProductDTO) -> str:
    return QCoreApplication.translate("ProductsPage", "complex") if product.terms.is_complex else ""
