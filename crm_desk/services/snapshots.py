"""What the suitability engine reads, built from the database: the client's snapshot and a
product's terms. Plain functions taking the caller's unit of work, so every operation (shelf,
sale, approval, review) builds them the same way inside its own transaction.

One client: ``client_snapshot(uow, client, today)``. Many clients (the re-rating review, the
benchmark): ``client_snapshots(uow, ids_or_select, today)`` reads the clients' columns and each
one's latest confirmed assessment in two set-based queries per chunk of ids (the latest by a
window function, on SQLite and PostgreSQL alike) — never one ORM object and one query per
client.
``evaluate_holders`` runs the engine for many holders of one product.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, Integer, Select, any_, bindparam, func, select

from crm_desk.db.models import Assessment, Client, Product
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.assessment import assessment_date
from crm_desk.domain.clients import Horizon, InvestorType, Objective, ProductExperience
from crm_desk.domain.errors import NotFound
from crm_desk.domain.policy import Policy
from crm_desk.domain.products import (
    ProductRisk,
    ProductStatus,
    ProductTerms,
    ProductType,
    Redemption,
)
from crm_desk.domain.questionnaire import RiskLevel
from crm_desk.domain.suitability import AssessmentFacts, ClientSnapshot, Evaluation, evaluate

# Ids per IN list on SQLite: below the 999 bound parameters of older SQLite builds. PostgreSQL
# gets them as one array parameter, so far more per round trip.
CHUNK = 900
PG_CHUNK = 10_000


def _split(text: str) -> list[str]:
    return [part for part in text.split(",") if part]


def _zone(uow: UnitOfWork) -> tzinfo:
    """The branch's time zone: the workstation's, as local_today() uses."""
    zone = uow.clock().astimezone().tzinfo
    assert zone is not None
    return zone


def _facts(
    assessment_id: int | None,
    level: str | None,
    lowest: bool | None,
    confirmed_at: datetime | None,
    valid_until: date | None,
    zone: tzinfo,
) -> AssessmentFacts | None:
    if assessment_id is None or level is None or confirmed_at is None or valid_until is None:
        return None
    return AssessmentFacts(
        assessment_id=assessment_id,
        level=RiskLevel(level),
        lowest_category=bool(lowest),
        assessed_on=assessment_date(confirmed_at, zone),
        valid_until=valid_until,
    )


def assessment_facts(uow: UnitOfWork, client_id: int) -> AssessmentFacts | None:
    """The latest confirmed assessment, expired or not (the engine judges validity)."""
    row = uow.session.execute(
        select(
            Assessment.id,
            Assessment.level,
            Assessment.lowest_category,
            Assessment.confirmed_at,
            Assessment.valid_until,
        )
        .where(Assessment.client_id == client_id, Assessment.status == "confirmed")
        .order_by(Assessment.confirmed_at.desc(), Assessment.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return _facts(
        row.id, row.level, row.lowest_category, row.confirmed_at, row.valid_until, _zone(uow)
    )


def client_snapshot(uow: UnitOfWork, client: Client, today: date) -> ClientSnapshot:
    return ClientSnapshot(
        client_id=client.id,
        name=client.name,
        as_of=today,
        investor_type=InvestorType(client.investor_type),
        birth_date=client.birth_date,
        horizon=Horizon(client.horizon),
        objectives=tuple(Objective(o) for o in _split(client.objectives)),
        experience_years=client.experience_years,
        experience_types=tuple(ProductExperience(e) for e in _split(client.experience_types)),
        financial_assets=client.financial_assets,
        preferred_language=client.preferred_language,
        assessment=assessment_facts(uow, client.id),
    )


# --- many clients at once -----------------------------------------------------------------------


Among = Callable[[Any], ColumnElement[bool]]  # "this id column is one of ..."


def _among(client_ids: Select[Any] | list[int], dialect: str) -> Among:
    """IN (SELECT ...) for a query; for a list, ``= ANY(array)`` on PostgreSQL (one bound
    parameter, whatever the length) and an IN list of bound parameters elsewhere."""
    if isinstance(client_ids, Select) or dialect != "postgresql":
        return lambda column: column.in_(client_ids)
    ids = bindparam("client_ids", client_ids, type_=ARRAY(Integer))
    return lambda column: column == any_(ids)


def _latest_assessments(among: Among) -> Select[*tuple[Any, ...]]:
    """Each client's latest confirmed assessment among some clients, ranked by a window
    function: one row per client that has one."""
    ranked = (
        select(
            Assessment.client_id,
            Assessment.id,
            Assessment.level,
            Assessment.lowest_category,
            Assessment.confirmed_at,
            Assessment.valid_until,
            func.row_number()
            .over(
                partition_by=Assessment.client_id,
                order_by=(Assessment.confirmed_at.desc(), Assessment.id.desc()),
            )
            .label("rank"),
        )
        .where(Assessment.status == "confirmed", among(Assessment.client_id))
        .subquery("ranked")
    )
    return select(
        ranked.c.client_id,
        ranked.c.id,
        ranked.c.level,
        ranked.c.lowest_category,
        ranked.c.confirmed_at,
        ranked.c.valid_until,
    ).where(ranked.c.rank == 1)


def _client_rows(among: Among) -> Select[*tuple[Any, ...]]:
    return (
        select(
            Client.id,
            Client.name,
            Client.investor_type,
            Client.birth_date,
            Client.horizon,
            Client.objectives,
            Client.experience_years,
            Client.experience_types,
            Client.financial_assets,
            Client.preferred_language,
        )
        .where(among(Client.id))
        .order_by(Client.id)
    )


_INVESTOR_TYPES = {kind.value: kind for kind in InvestorType}
_HORIZONS = {horizon.value: horizon for horizon in Horizon}


class _Builder:
    """Turns query rows into snapshots; the comma-separated lists repeat across clients, so
    each distinct text is parsed once."""

    def __init__(self, today: date, zone: tzinfo) -> None:
        self.today = today
        self.zone = zone
        self.objectives: dict[str, tuple[Objective, ...]] = {}
        self.experience: dict[str, tuple[ProductExperience, ...]] = {}

    def __call__(self, row: Any, assessment: Any) -> ClientSnapshot:
        objectives = self.objectives.get(row.objectives)
        if objectives is None:
            objectives = tuple(Objective(o) for o in _split(row.objectives))
            self.objectives[row.objectives] = objectives
        experience = self.experience.get(row.experience_types)
        if experience is None:
            experience = tuple(ProductExperience(e) for e in _split(row.experience_types))
            self.experience[row.experience_types] = experience
        return ClientSnapshot(
            client_id=row.id,
            name=row.name,
            as_of=self.today,
            investor_type=_INVESTOR_TYPES[row.investor_type],
            birth_date=row.birth_date,
            horizon=_HORIZONS[row.horizon],
            objectives=objectives,
            experience_years=row.experience_years,
            experience_types=experience,
            financial_assets=row.financial_assets,
            preferred_language=row.preferred_language,
            assessment=None
            if assessment is None
            else _facts(
                assessment.id,
                assessment.level,
                assessment.lowest_category,
                assessment.confirmed_at,
                assessment.valid_until,
                self.zone,
            ),
        )


def client_snapshots(
    uow: UnitOfWork, client_ids: Iterable[int] | Select[Any], today: date
) -> dict[int, ClientSnapshot]:
    """Snapshots of many clients, keyed by client id, equal to what ``client_snapshot`` gives
    one by one: the clients' columns joined to each one's latest confirmed assessment (expired
    or not; None without one), in two queries per chunk of ids (``CHUNK`` on SQLite,
    ``PG_CHUNK`` on PostgreSQL).

    ``client_ids``: the ids (duplicates and unknown ids are ignored: an unknown id is simply
    absent from the result), or a ``select()`` of one column of client ids, which is used as a
    subquery so no id list travels at all (``select(Sale.client_id).where(...)``).
    """
    build = _Builder(today, _zone(uow))
    found: dict[int, ClientSnapshot] = {}

    dialect = uow.dialect

    def load(ids: Select[Any] | list[int]) -> None:
        # Two plain queries rather than a join to the ranked subquery: SQLite would scan the
        # subquery once per client. Core rows straight from the connection: no ORM result
        # processing per row.
        among = _among(ids, dialect)
        connection = uow.session.connection()
        assessments = connection.execute(_latest_assessments(among)).all()
        latest = {row.client_id: row for row in assessments}
        for row in connection.execute(_client_rows(among)).all():
            found[row.id] = build(row, latest.get(row.id))

    if isinstance(client_ids, Select):
        load(client_ids)  # IN (SELECT ...) on both databases: no id list travels
        return found
    unique = sorted(set(client_ids))
    chunk = PG_CHUNK if dialect == "postgresql" else CHUNK
    for start in range(0, len(unique), chunk):
        load(unique[start : start + chunk])
    return found


def evaluate_holders(
    uow: UnitOfWork,
    terms: ProductTerms,
    client_amounts: Mapping[int, Decimal] | Sequence[tuple[int, Decimal]],
    today: date,
    policy: Policy,
) -> list[tuple[int, Evaluation]]:
    """The engine's verdict for each holder of one product (the ongoing-suitability review).

    ``client_amounts``: client id -> amount, or (client id, amount) pairs — one per holding, so
    a client holding the product twice appears twice. Returns one ``(client_id, Evaluation)``
    per entry, in the order given. The snapshots are loaded in bulk (``client_snapshots``) as of
    ``today``; a client id that does not exist raises NotFound.
    """
    pairs = list(client_amounts.items()) if isinstance(client_amounts, Mapping) else client_amounts
    snapshots = client_snapshots(uow, (client_id for client_id, _ in pairs), today)
    results: list[tuple[int, Evaluation]] = []
    for client_id, amount in pairs:
        snapshot = snapshots.get(client_id)
        if snapshot is None:
            raise NotFound("client", client_id)
        results.append((client_id, evaluate(snapshot, terms, amount, policy)))
    return results


# --- products -----------------------------------------------------------------------------------


_PRODUCT_TYPES = {kind.value: kind for kind in ProductType}
_RISKS = {risk.value: risk for risk in ProductRisk}
_REDEMPTIONS = {redemption.value: redemption for redemption in Redemption}


def terms_of(product: Product) -> ProductTerms:
    return _terms(product)


def _terms(product: Any) -> ProductTerms:
    """From a Product object or a row of the products table's columns."""
    return ProductTerms(
        code=product.code,
        name_zh=product.name_zh,
        name_en=product.name_en,
        product_type=_PRODUCT_TYPES[product.product_type],
        issuer=product.issuer,
        risk_level=_RISKS[product.risk_level],
        is_complex=product.is_complex,
        horizon_months=product.horizon_months,
        redemption=_REDEMPTIONS[product.redemption],
        redemption_terms=product.redemption_terms,
        min_amount=product.min_amount,
        currency=product.currency,
        cooling_off_hours=product.cooling_off_hours,
        risk_factors_zh=tuple(json.loads(product.risk_factors_zh)),
        risk_factors_en=tuple(json.loads(product.risk_factors_en)),
    )


def shelf_terms(
    uow: UnitOfWork, status: ProductStatus | None = ProductStatus.ON_SALE
) -> list[tuple[int, ProductTerms]]:
    """(product id, terms) of every product with ``status`` (all products with None), by
    code: the product shelf, read as plain rows rather than ORM objects."""
    query = select(*Product.__table__.c).order_by(Product.code)
    if status is not None:
        query = query.where(Product.status == status.value)
    # Core rows straight from the connection: a shelf is a thousand rows, and the ORM's result
    # processing alone would cost more than judging them.
    return [(row.id, _terms(row)) for row in uow.session.connection().execute(query)]
