"""The product catalogue: list and read it (everyone who sells, supervises or checks), create,
edit and put on or off sale (administrators).

Every change is audited with its fields in the same transaction. A change of risk level is also
recorded as its own event, ``product.rerated``, and calls each of ``on_rerated`` inside that
transaction: the ongoing-suitability review registers itself there, so the re-rating and the
review's tasks are saved together or not at all.

The writing steps are plain functions taking the caller's unit of work, shared with the
catalogue import (products_io), which creates and updates many products in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm.exc import StaleDataError

from crm_desk.db.models import Product
from crm_desk.db.uow import UnitOfWork, UnitOfWorkFactory
from crm_desk.domain.errors import ConcurrentEdit, Conflict, NotFound, Problem, ValidationError
from crm_desk.domain.policy import Policy
from crm_desk.domain.products import (
    ProductInput,
    ProductRisk,
    ProductStatus,
    ProductTerms,
    normalise_code,
    validate_product,
)
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.clients import user_names
from crm_desk.services.passwords import PasswordHasher
from crm_desk.services.permissions import Permission, operation
from crm_desk.services.product_dto import ProductDTO, ProductQuery
from crm_desk.services.snapshots import terms_of

# (uow, actor, product id, old level, new level), called inside the re-rating's transaction.
RerateHook = Callable[[UnitOfWork, Actor, int, ProductRisk, ProductRisk], None]

PRODUCT_ACTIONS = (
    "product.created",
    "product.updated",
    "product.rerated",
    "product.status_changed",
)
_NOT_FIELDS = ("version", "reason", "imported_from")
MIN_REASON = 5  # characters of a status change's reason


# -- reading -----------------------------------------------------------------------------------
def product_dto(product: Product, names: Mapping[int, str]) -> ProductDTO:
    return ProductDTO(
        id=product.id,
        version=product.version,
        status=ProductStatus(product.status),
        terms=terms_of(product),
        created_at=product.created_at,
        updated_at=product.updated_at,
        updated_by=names.get(product.updated_by or 0, ""),
    )


def product_by_code(uow: UnitOfWork, code: str) -> Product | None:
    return uow.session.execute(
        select(Product).where(Product.code == normalise_code(code))
    ).scalar_one_or_none()


def _get(uow: UnitOfWork, product_id: int) -> Product:
    product = uow.session.get(Product, product_id)
    if product is None:
        raise NotFound("product", product_id)
    return product


def _one(uow: UnitOfWork, product: Product) -> ProductDTO:
    return product_dto(product, user_names(uow, {product.updated_by}))


# -- writing (shared with the import) ----------------------------------------------------------
def audited_terms(terms: ProductTerms) -> dict[str, Any]:
    """The values the audit trail records for a product's terms, as JSON-friendly values."""
    return {
        "code": terms.code,
        "name_zh": terms.name_zh,
        "name_en": terms.name_en,
        "product_type": terms.product_type.value,
        "issuer": terms.issuer,
        "risk_level": terms.risk_level.value,
        "is_complex": terms.is_complex,
        "horizon_months": terms.horizon_months,
        "redemption": terms.redemption.value,
        "redemption_terms": terms.redemption_terms,
        "min_amount": str(terms.min_amount),
        "currency": terms.currency,
        "cooling_off_hours": terms.cooling_off_hours,
        "risk_factors_zh": list(terms.risk_factors_zh),
        "risk_factors_en": list(terms.risk_factors_en),
    }


def _columns(terms: ProductTerms) -> dict[str, Any]:
    return {
        **audited_terms(terms),
        "min_amount": terms.min_amount,
        "risk_factors_zh": json.dumps(list(terms.risk_factors_zh), ensure_ascii=False),
        "risk_factors_en": json.dumps(list(terms.risk_factors_en), ensure_ascii=False),
    }


def code_taken(code: str) -> Problem:
    return Problem(
        "product_code.taken",
        f"The code {code} is already in the catalogue; choose another, or edit that product.",
        {"code": code},
    )


def insert_product(
    uow: UnitOfWork,
    actor: Actor,
    terms: ProductTerms,
    status: ProductStatus = ProductStatus.ON_SALE,
    extra: Mapping[str, tuple[Any, Any]] | None = None,
) -> Product:
    """A new product, audited as 'product.created' with every field."""
    now = uow.clock()
    product = Product(
        **_columns(terms),
        status=status.value,
        created_at=now,
        created_by=actor.user_id,
        updated_at=now,
        updated_by=actor.user_id,
    )
    uow.session.add(product)
    uow.session.flush()
    changes: dict[str, tuple[Any, Any]] = {
        name: (None, value) for name, value in audited_terms(terms).items()
    }
    changes["status"] = (None, status.value)
    changes.update(extra or {})
    audit.record(uow, actor, "product.created", "product", product.id, changes)
    return product


def update_terms(
    uow: UnitOfWork,
    actor: Actor,
    product: Product,
    terms: ProductTerms,
    hooks: Sequence[RerateHook],
    extra: Mapping[str, tuple[Any, Any]] | None = None,
) -> dict[str, tuple[Any, Any]]:
    """Save new terms over ``product`` (the caller checked the version it was opened at).
    Audits the changed fields; a new risk level is also 'product.rerated' and runs the hooks.
    Returns the changes ({} when nothing differs: nothing written)."""
    if terms.code != product.code:
        raise ValidationError(
            {
                "code": Problem(
                    "product_code.fixed",
                    "A product's code cannot change: sales refer to it. Close this product and "
                    "create a new one under the new code.",
                )
            }
        )
    before = audited_terms(terms_of(product))
    after = audited_terms(terms)
    changed = {
        name: (before[name], value) for name, value in after.items() if before[name] != value
    }
    if not changed:
        return {}
    old_level = ProductRisk(product.risk_level)
    for column, value in _columns(terms).items():
        if column in changed:
            setattr(product, column, value)
    _touch(uow, actor, product)
    version_before = product.version
    _flush(uow)
    changed["version"] = (version_before, product.version)
    changed.update(extra or {})
    audit.record(uow, actor, "product.updated", "product", product.id, changed)
    if terms.risk_level is not old_level:
        rerate(uow, actor, product, old_level, terms.risk_level, hooks)
    return changed


def rerate(
    uow: UnitOfWork,
    actor: Actor,
    product: Product,
    old: ProductRisk,
    new: ProductRisk,
    hooks: Sequence[RerateHook],
) -> None:
    """The re-rating as its own event, then every hook, all in the caller's transaction."""
    audit.record(
        uow,
        actor,
        "product.rerated",
        "product",
        product.id,
        {"code": (product.code, product.code), "risk_level": (old.value, new.value)},
    )
    for hook in hooks:
        hook(uow, actor, product.id, old, new)


def change_status(
    uow: UnitOfWork,
    actor: Actor,
    product: Product,
    status: ProductStatus,
    reason: str,
    extra: Mapping[str, tuple[Any, Any]] | None = None,
) -> bool:
    """Put the product on sale, suspend or close it; False when it already had that status."""
    old = ProductStatus(product.status)
    if old is status:
        return False
    product.status = status.value
    _touch(uow, actor, product)
    version_before = product.version
    _flush(uow)
    changes: dict[str, tuple[Any, Any]] = {
        "status": (old.value, status.value),
        "reason": (None, reason),
        "version": (version_before, product.version),
    }
    changes.update(extra or {})
    audit.record(uow, actor, "product.status_changed", "product", product.id, changes)
    return True


def _touch(uow: UnitOfWork, actor: Actor, product: Product) -> None:
    product.updated_at = uow.clock()
    product.updated_by = actor.user_id


def _flush(uow: UnitOfWork) -> None:
    try:
        uow.session.flush()
    except StaleDataError as exc:  # saved by someone else between our read and our write
        uow.session.rollback()
        raise Conflict("the product changed while saving; reload it", reason="stale") from exc


def check_reason(reason: str) -> str:
    text = " ".join(reason.split())
    if len(text) < MIN_REASON:
        raise ValidationError(
            {
                "reason": Problem(
                    "status_reason.required",
                    "Say why in a few words, for example 'the issuer suspended subscriptions'.",
                )
            }
        )
    return text


def concurrent_edit(uow: UnitOfWork, product: Product, expected: int) -> ConcurrentEdit:
    """Who changed what since the version the user opened, from the audit trail."""
    return audit.concurrent_edit(
        uow,
        "product",
        product.id,
        ("product.updated", "product.status_changed"),
        expected,
        product.version,
        product.updated_at,
        ignored=("version", "reason", "imported_from"),
    )


class ProductService(Service):
    def __init__(
        self, uow_factory: UnitOfWorkFactory, policy: Policy, hasher: PasswordHasher
    ) -> None:
        super().__init__(uow_factory, policy, hasher)
        # The aftercare work registers the ongoing-suitability review here.
        self.on_rerated: list[RerateHook] = []

    # -- reading -------------------------------------------------------------------------------
    @operation(Permission.PRODUCTS_VIEW, read_only=True)
    def list_products(
        self, uow: UnitOfWork, actor: Actor, query: ProductQuery | None = None
    ) -> list[ProductDTO]:
        """The catalogue (a few thousand products at most), by code."""
        query = query or ProductQuery()
        statement = select(Product).order_by(Product.code)
        if query.status is not None:
            statement = statement.where(Product.status == str(query.status))
        if query.product_type is not None:
            statement = statement.where(Product.product_type == str(query.product_type))
        if query.risk_level is not None:
            statement = statement.where(Product.risk_level == str(query.risk_level))
        text = " ".join(query.text.split())
        if text:
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            statement = statement.where(
                or_(
                    func.lower(Product.code).like(pattern.lower(), escape="\\"),
                    func.lower(Product.name_zh).like(pattern.lower(), escape="\\"),
                    func.lower(Product.name_en).like(pattern.lower(), escape="\\"),
                    func.lower(Product.issuer).like(pattern.lower(), escape="\\"),
                )
            )
        products = uow.session.execute(statement).scalars().all()
        names = user_names(uow, {p.updated_by for p in products})
        return [product_dto(p, names) for p in products]

    @operation(Permission.PRODUCTS_VIEW, read_only=True)
    def get_product(self, uow: UnitOfWork, actor: Actor, product_id: int) -> ProductDTO:
        return _one(uow, _get(uow, product_id))

    @operation(Permission.PRODUCTS_VIEW, read_only=True)
    def get_by_code(self, uow: UnitOfWork, actor: Actor, code: str) -> ProductDTO:
        product = product_by_code(uow, code)
        if product is None:
            raise NotFound("product", normalise_code(code))
        return _one(uow, product)

    # -- writing -------------------------------------------------------------------------------
    @operation(Permission.PRODUCTS_MANAGE)
    def create_product(
        self,
        uow: UnitOfWork,
        actor: Actor,
        raw: ProductInput,
        status: ProductStatus | str = ProductStatus.ON_SALE,
    ) -> ProductDTO:
        terms = validate_product(raw)
        if product_by_code(uow, terms.code) is not None:
            raise ValidationError({"code": code_taken(terms.code)})
        product = insert_product(uow, actor, terms, ProductStatus(status))
        dto = _one(uow, product)
        uow.commit()
        return dto

    @operation(Permission.PRODUCTS_MANAGE)
    def update_product(
        self,
        uow: UnitOfWork,
        actor: Actor,
        product_id: int,
        expected_version: int,
        raw: ProductInput,
    ) -> ProductDTO:
        """Saves only over the version the user opened; otherwise ConcurrentEdit says who changed
        what meanwhile, and nothing is written. A new risk level re-rates the product."""
        product = _get(uow, product_id)
        if product.version != expected_version:
            raise concurrent_edit(uow, product, expected_version)
        terms = validate_product(raw)
        if update_terms(uow, actor, product, terms, self.on_rerated):
            dto = _one(uow, product)
            uow.commit()
            return dto
        return _one(uow, product)

    @operation(Permission.PRODUCTS_MANAGE)
    def set_status(
        self,
        uow: UnitOfWork,
        actor: Actor,
        product_id: int,
        expected_version: int,
        status: ProductStatus | str,
        reason: str,
    ) -> ProductDTO:
        """On sale, suspended (no new sales for now) or closed (no new sales, for good); the
        reason is recorded. Holdings are unaffected either way."""
        try:
            chosen = ProductStatus(status)
        except ValueError:
            raise ValidationError(
                {"status": Problem("choice.required", "Choose one of the options.")}
            ) from None
        text = check_reason(reason)
        product = _get(uow, product_id)
        if product.version != expected_version:
            raise concurrent_edit(uow, product, expected_version)
        if change_status(uow, actor, product, chosen, text):
            dto = _one(uow, product)
            uow.commit()
            return dto
        return _one(uow, product)
