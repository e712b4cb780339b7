"""Ongoing suitability: when a product's risk level rises (the product service's on_rerated
hook) or a client's new assessment is lower than the one before (the assessment service's
on_confirmed hook), every holding concerned — a sale not cancelled — is evaluated again on the
current facts, and each one that no longer fits gets a review task for the client's adviser.
All in the transaction of the change itself.

A re-rating can touch 100,000 holders: the holdings are read in one query as plain rows, the
engine runs on them in bulk (snapshots.evaluate_holders), the tasks are inserted in batches of
plain rows, and one audit event summarises the run (count and id range); each task row is its
own record. An older open review of the same holding gives way to the new one (superseded)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    case,
    exists,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from crm_desk.db.models import Client, Product
from crm_desk.db.models_aftercare import SuitabilityReview
from crm_desk.db.models_sales import Sale, SaleCancellation
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.aftercare import (
    Accepted,
    ReviewOutcome,
    ReviewStatus,
    ReviewTrigger,
    accepted_at_sale,
    beyond_accepted,
    check_note,
    holding_failures,
    holding_verdict,
)
from crm_desk.domain.errors import ConcurrentEdit, Conflict, NotFound, Problem, ValidationError
from crm_desk.domain.products import ProductRisk
from crm_desk.domain.questionnaire import LocalizedText, RiskLevel
from crm_desk.domain.roles import Role
from crm_desk.domain.suitability import Evaluation, RuleResult, evaluate
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.client_dto import TimelineEntry
from crm_desk.services.clients import local_today, user_names, visible_to
from crm_desk.services.permissions import Permission, operation
from crm_desk.services.review_dto import ReviewDTO, ReviewList, ReviewReason, ReviewRun
from crm_desk.services.snapshots import client_snapshot, evaluate_holders, terms_of

# Rows written at a time: COPY on PostgreSQL (row-by-row executemany is several times slower
# there, and a multi-row VALUES statement costs more to compile than to run), the driver's
# executemany on SQLite (fast in process).
INSERT_BATCH = 5000


@dataclass(frozen=True, slots=True)
class Holding:
    sale_id: int
    client_id: int
    product_id: int
    amount: Decimal
    adviser_id: int
    branch_id: int
    accepted: Accepted = frozenset()  # what an exception sale accepted (nothing for the rest)


def not_cancelled() -> ColumnElement[bool]:
    return ~exists(select(SaleCancellation.id).where(SaleCancellation.sale_id == Sale.id))


def holdings_of(uow: UnitOfWork, *where: ColumnElement[bool]) -> list[Holding]:
    """Plain rows; the frozen evaluation is read only for the few sales made by exception."""
    rows = uow.session.execute(
        select(
            Sale.id,
            Sale.client_id,
            Sale.product_id,
            Sale.amount,
            Client.adviser_id,
            Client.branch_id,
        )
        .join(Client, Client.id == Sale.client_id)
        .where(not_cancelled(), *where)
        .order_by(Sale.id)
    )
    holdings = [Holding(r[0], r[1], r[2], Decimal(r[3]), r[4], r[5]) for r in rows]
    exceptions = {
        sale_id: _accepted(text)
        for sale_id, text in uow.session.execute(
            select(Sale.id, Sale.evaluation)
            .join(Client, Client.id == Sale.client_id)
            .where(not_cancelled(), Sale.verdict == "needs_exception", *where)
        )
    }
    if not exceptions:
        return holdings
    return [
        replace(h, accepted=exceptions[h.sale_id]) if h.sale_id in exceptions else h
        for h in holdings
    ]


def _accepted(text: str) -> Accepted:
    try:
        data = json.loads(text)
    except ValueError:
        return frozenset()
    return accepted_at_sale(data) if isinstance(data, dict) else frozenset()


class _Findings:
    """For each evaluation: the holding's verdict and its failing rules as stored JSON, or None
    when it still fits — or fails only as its exception sale accepted. Holders at the same level
    fail with the same words: each distinct set of failures is written out once."""

    def __init__(self) -> None:
        self._texts: dict[tuple[RuleResult, ...], str] = {}

    def __call__(self, evaluation: Evaluation, accepted: Accepted) -> tuple[str, str] | None:
        failures = holding_failures(evaluation)
        if not failures or (accepted and not beyond_accepted(failures, accepted)):
            return None
        text = self._texts.get(failures)
        if text is None:
            text = json.dumps(
                [
                    {
                        "rule": r.rule.value,
                        "outcome": r.outcome.value,
                        "message": {"zh_CN": r.message.zh_CN, "en": r.message.en},
                    }
                    for r in failures
                ],
                ensure_ascii=False,
            )
            self._texts[failures] = text
        return holding_verdict(failures).value, text


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> int:
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        columns = list(rows[0])
        names = ", ".join(columns)
        driver = connection.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cursor:
            with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[c] for c in columns])
    else:
        session.execute(table.insert(), rows)
    return len(rows)


class ReviewService(Service):
    # -- hooks (inside the transaction of the change) -------------------------------------------
    def on_rerated(
        self, uow: UnitOfWork, actor: Actor, product_id: int, old: ProductRisk, new: ProductRisk
    ) -> None:
        """Only a rise can make a holding stop fitting: a lower level changes nothing here."""
        if new.rank <= old.rank:
            return
        self.review_product(uow, actor, product_id, old, new)

    def review_product(
        self, uow: UnitOfWork, actor: Actor, product_id: int, old: ProductRisk, new: ProductRisk
    ) -> ReviewRun:
        product = uow.session.get(Product, product_id)
        if product is None:
            raise NotFound("product", product_id)
        holdings = holdings_of(uow, Sale.product_id == product_id)
        today = local_today(uow)
        evaluations = evaluate_holders(
            uow,
            terms_of(product),
            [(h.client_id, h.amount) for h in holdings],
            today,
            self.policy,
        )
        run = self._open(
            uow,
            actor,
            ReviewTrigger.PRODUCT_RERATED,
            old.value,
            new.value,
            zip(holdings, (e for _, e in evaluations), strict=True),
        )
        audit.record(
            uow,
            actor,
            "suitability_review.run",
            "product",
            product_id,
            self._summary(uow, run, ReviewTrigger.PRODUCT_RERATED, old.value, new.value),
        )
        return run

    def on_assessment_confirmed(
        self,
        uow: UnitOfWork,
        actor: Actor,
        client_id: int,
        previous: RiskLevel | None,
        new: RiskLevel,
    ) -> None:
        """Only a lower level than the one before can make a holding stop fitting."""
        if previous is None or new.rank >= previous.rank:
            return
        holdings = holdings_of(uow, Sale.client_id == client_id)
        if not holdings:
            return
        client = uow.session.get(Client, client_id)
        assert client is not None
        snapshot = client_snapshot(uow, client, local_today(uow))
        products = {
            p.id: terms_of(p)
            for p in uow.session.execute(
                select(Product).where(Product.id.in_({h.product_id for h in holdings}))
            ).scalars()
        }
        pairs = [
            (h, evaluate(snapshot, products[h.product_id], h.amount, self.policy)) for h in holdings
        ]
        run = self._open(
            uow, actor, ReviewTrigger.ASSESSMENT_LOWERED, previous.value, new.value, pairs
        )
        audit.record(
            uow,
            actor,
            "suitability_review.run",
            "client",
            client_id,
            self._summary(uow, run, ReviewTrigger.ASSESSMENT_LOWERED, previous.value, new.value),
        )

    def after_cancellation(
        self, uow: UnitOfWork, actor: Actor, sale: Sale, cancellation: Any
    ) -> None:
        """A sale cancelled in cooling-off is no longer held: its open reviews are withdrawn."""
        result = uow.session.execute(
            update(SuitabilityReview)
            .where(
                SuitabilityReview.sale_id == sale.id,
                SuitabilityReview.status == ReviewStatus.OPEN.value,
            )
            .values(
                status=ReviewStatus.WITHDRAWN.value,
                closed_at=uow.clock(),
                closed_by=actor.user_id,
                version=SuitabilityReview.version + 1,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount:  # type: ignore[attr-defined]
            audit.record(
                uow,
                actor,
                "suitability_review.withdrawn",
                "sale",
                sale.id,
                {"reviews": (None, result.rowcount)},  # type: ignore[attr-defined]
            )

    def _open(
        self,
        uow: UnitOfWork,
        actor: Actor,
        cause: ReviewTrigger,
        before: str,
        after: str,
        pairs: Iterable[tuple[Holding, Evaluation]],
    ) -> ReviewRun:
        batch = uuid.uuid4().hex
        now = uow.clock()
        checked = opened = 0
        rows: list[dict[str, Any]] = []
        session = uow.session
        findings = _Findings()
        table = cast(Table, SuitabilityReview.__table__)  # plain rows: no ORM bookkeeping
        for holding, evaluation in pairs:
            checked += 1
            found = findings(evaluation, holding.accepted)
            if found is None:
                continue
            verdict, reasons = found
            rows.append(
                {
                    "version": 1,
                    "batch": batch,
                    "sale_id": holding.sale_id,
                    "client_id": holding.client_id,
                    "product_id": holding.product_id,
                    "branch_id": holding.branch_id,
                    "adviser_id": holding.adviser_id,
                    "cause": cause.value,
                    "level_before": before,
                    "level_after": after,
                    "verdict": verdict,
                    "reasons": reasons,
                    "policy_version": evaluation.policy_version,
                    "created_at": now,
                    "status": ReviewStatus.OPEN.value,
                }
            )
            if len(rows) >= INSERT_BATCH:
                opened += _insert(session, table, rows)
                rows = []
        if rows:
            opened += _insert(session, table, rows)
        superseded = 0
        if opened:
            newer = select(SuitabilityReview.sale_id).where(SuitabilityReview.batch == batch)
            result = session.execute(
                update(SuitabilityReview)
                .where(
                    SuitabilityReview.status == ReviewStatus.OPEN.value,
                    SuitabilityReview.batch != batch,
                    SuitabilityReview.sale_id.in_(newer.scalar_subquery()),
                )
                .values(
                    status=ReviewStatus.SUPERSEDED.value,
                    closed_at=now,
                    version=SuitabilityReview.version + 1,
                )
                .execution_options(synchronize_session=False)
            )
            superseded = int(result.rowcount or 0)  # type: ignore[attr-defined]
        return ReviewRun(batch, checked, opened, superseded)

    @staticmethod
    def _summary(
        uow: UnitOfWork, run: ReviewRun, cause: ReviewTrigger, before: str, after: str
    ) -> dict[str, tuple[Any, Any]]:
        low, high = uow.session.execute(
            select(func.min(SuitabilityReview.id), func.max(SuitabilityReview.id)).where(
                SuitabilityReview.batch == run.batch
            )
        ).one()
        return {
            "cause": (None, cause.value),
            "level": (before, after),
            "batch": (None, run.batch),
            "holdings_checked": (None, run.checked),
            "reviews_opened": (None, run.opened),
            "review_ids": (None, f"{low}-{high}" if low is not None else None),
            "reviews_superseded": (None, run.superseded),
        }

    def timeline_provider(
        self, uow: UnitOfWork, actor: Actor, client_id: int
    ) -> list[TimelineEntry]:
        """For ClientService.timeline_providers (the caller checked the client is visible).

        kind "suitability_review": when = closed (or opened), title = product code, detail =
        "cause:before:after:status[:outcome]", e.g. "product_rerated:R3:R4:closed:client_keeps";
        by = who closed it (or the adviser it was given to); ref = the review."""
        rows = uow.session.execute(
            select(SuitabilityReview, Product.code)
            .join(Product, Product.id == SuitabilityReview.product_id)
            .where(SuitabilityReview.client_id == client_id)
        ).all()
        people: set[int | None] = {r.adviser_id for r, _ in rows}
        names = user_names(uow, people | {r.closed_by for r, _ in rows})
        return [
            TimelineEntry(
                when=review.closed_at or review.created_at,
                kind="suitability_review",
                title=code,
                detail=":".join(
                    [review.cause, review.level_before, review.level_after, review.status]
                    + ([review.outcome] if review.outcome else [])
                ),
                by=names.get(review.closed_by or review.adviser_id, "?"),
                ref_id=review.id,
            )
            for review, code in rows
        ]

    # -- reading --------------------------------------------------------------------------------
    @staticmethod
    def _select() -> Select[*tuple[Any, ...]]:
        return (
            select(
                SuitabilityReview,
                Client.name.label("client_name"),
                Client.adviser_id.label("current_adviser"),
                Product.code,
                Product.name_zh,
                Product.name_en,
                Sale.amount,
                Sale.currency,
                Sale.recorded_at,
            )
            .join(Client, Client.id == SuitabilityReview.client_id)
            .join(Product, Product.id == SuitabilityReview.product_id)
            .join(Sale, Sale.id == SuitabilityReview.sale_id)
        )

    def _dtos(self, uow: UnitOfWork, actor: Actor, rows: Sequence[Any]) -> list[ReviewDTO]:
        names = user_names(uow, {r.current_adviser for r in rows} | {r[0].closed_by for r in rows})
        result = []
        for r in rows:
            review: SuitabilityReview = r[0]
            status = ReviewStatus(review.status)
            result.append(
                ReviewDTO(
                    id=review.id,
                    version=review.version,
                    sale_id=review.sale_id,
                    client_id=review.client_id,
                    client_name=r.client_name,
                    adviser_id=r.current_adviser,
                    adviser_name=names.get(r.current_adviser, "?"),
                    product_id=review.product_id,
                    product_code=r.code,
                    product_name=LocalizedText(zh_CN=r.name_zh, en=r.name_en),
                    amount=Decimal(r.amount),
                    currency=r.currency,
                    sold_at=r.recorded_at,
                    cause=ReviewTrigger(review.cause),
                    level_before=review.level_before,
                    level_after=review.level_after,
                    verdict=review.verdict,
                    reasons=tuple(
                        ReviewReason(x["rule"], x["outcome"], LocalizedText(**x["message"]))
                        for x in json.loads(review.reasons)
                    ),
                    created_at=review.created_at,
                    status=status,
                    outcome=ReviewOutcome(review.outcome) if review.outcome else None,
                    note=review.note,
                    closed_by=names.get(review.closed_by) if review.closed_by else None,
                    closed_at=review.closed_at,
                    may_close=status is ReviewStatus.OPEN and self._may_close(actor, r),
                )
            )
        return result

    @staticmethod
    def _may_close(actor: Actor, row: Any) -> bool:
        if actor.role is Role.ADVISER:
            return bool(row.current_adviser == actor.user_id)
        return actor.role is Role.SUPERVISOR and row[0].branch_id == actor.branch_id

    @operation(Permission.REVIEWS_VIEW, read_only=True)
    def reviews(
        self,
        uow: UnitOfWork,
        actor: Actor,
        *,
        status: ReviewStatus | None = ReviewStatus.OPEN,
        adviser_id: int | None = None,
        limit: int = 1000,
    ) -> ReviewList:
        """Reviews of the clients the reader serves (an adviser's own clients, a supervisor's
        branch, every one for compliance): open ones oldest first, closed ones latest first."""
        scope = [visible_to(actor)]
        if status is not None:
            scope.append(SuitabilityReview.status == status.value)
        if adviser_id is not None:
            scope.append(Client.adviser_id == adviser_id)
        if status is ReviewStatus.OPEN:
            order: tuple[Any, ...] = (SuitabilityReview.created_at, SuitabilityReview.id)
        elif status is None:  # open ones first, then the latest
            still_open = case((SuitabilityReview.status == ReviewStatus.OPEN.value, 0), else_=1)
            order = (still_open, SuitabilityReview.created_at.desc(), SuitabilityReview.id.desc())
        else:
            order = (SuitabilityReview.closed_at.desc(), SuitabilityReview.id.desc())
        rows = uow.session.execute(self._select().where(*scope).order_by(*order).limit(limit)).all()
        total = uow.session.execute(
            select(func.count(SuitabilityReview.id))
            .join(Client, Client.id == SuitabilityReview.client_id)
            .where(*scope)
        ).scalar_one()
        by_adviser = uow.session.execute(
            select(Client.adviser_id, func.count(SuitabilityReview.id))
            .join(Client, Client.id == SuitabilityReview.client_id)
            .where(visible_to(actor), SuitabilityReview.status == ReviewStatus.OPEN.value)
            .group_by(Client.adviser_id)
        ).all()
        names = user_names(uow, {a for a, _ in by_adviser})
        return ReviewList(
            rows=tuple(self._dtos(uow, actor, rows)),
            total=int(total),
            open_by_adviser=tuple(
                sorted(((names.get(a, "?"), int(n)) for a, n in by_adviser), key=lambda x: x[0])
            ),
        )

    @operation(Permission.REVIEWS_CLOSE)
    def close_review(
        self,
        uow: UnitOfWork,
        actor: Actor,
        review_id: int,
        expected_version: int,
        outcome: str,
        note: str,
    ) -> ReviewDTO:
        """The client's adviser (or a supervisor of the branch) closes the review, saying what
        was done with the holding."""
        row = uow.session.execute(
            self._select().where(SuitabilityReview.id == review_id, visible_to(actor))
        ).first()
        if row is None:
            raise NotFound("suitability_review", review_id)
        review: SuitabilityReview = row[0]
        if review.status != ReviewStatus.OPEN.value:
            raise Conflict("this review is closed", reason="review_closed", status=review.status)
        if review.version != expected_version:
            who = user_names(uow, {review.closed_by}).get(review.closed_by or 0, "?")
            raise ConcurrentEdit(who, review.closed_at, ["status"], review.version)
        problems: dict[str, Problem] = {}
        try:
            chosen = ReviewOutcome(outcome)
        except ValueError:
            problems["outcome"] = Problem("review.outcome_required", "Choose what came of it.")
        try:
            text = check_note(note)
        except ValidationError as exc:
            problems.update(exc.problems)
        if problems:
            raise ValidationError(problems)
        review.status = ReviewStatus.CLOSED.value
        review.outcome = chosen.value
        review.note = text
        review.closed_by = actor.user_id
        review.closed_at = uow.clock()
        try:
            uow.session.flush()
        except StaleDataError as exc:
            uow.session.rollback()
            raise Conflict("this review is closed", reason="review_closed") from exc
        audit.record(
            uow,
            actor,
            "suitability_review.closed",
            "suitability_review",
            review.id,
            {
                "sale_id": (None, review.sale_id),
                "client_id": (None, review.client_id),
                "status": (ReviewStatus.OPEN.value, ReviewStatus.CLOSED.value),
                "outcome": (None, chosen.value),
                "note": (None, text),
                "version": (expected_version, review.version),
            },
        )
        dto = self._dtos(
            uow,
            actor,
            [uow.session.execute(self._select().where(SuitabilityReview.id == review.id)).one()],
        )[0]
        uow.commit()
        return dto
