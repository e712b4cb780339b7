"""What the product services hand out: frozen copies of the catalogue, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from crm_desk.domain.products import ProductRisk, ProductStatus, ProductTerms, ProductType


@dataclass(frozen=True, slots=True)
class ProductQuery:
    """What the catalogue list shows: a search in code, names and issuer, and the filters."""

    text: str = ""
    status: ProductStatus | None = None
    product_type: ProductType | None = None
    risk_level: ProductRisk | None = None


@dataclass(frozen=True, slots=True)
class ProductDTO:
    id: int
    version: int
    status: ProductStatus
    terms: ProductTerms
    created_at: datetime
    updated_at: datetime
    updated_by: str  # the full name of who saved it last

    @property
    def code(self) -> str:
        return self.terms.code

    @property
    def risk_level(self) -> ProductRisk:
        return self.terms.risk_level

    @property
    def product_type(self) -> ProductType:
        return self.terms.product_type

    @property
    def min_amount(self) -> Decimal:
        return self.terms.min_amount

    @property
    def on_sale(self) -> bool:
        return self.status is ProductStatus.ON_SALE

    def name_in(self, language: str) -> str:
        return self.terms.name_in(language)
