"""Reading sales and exception requests into the DTOs the screens show, and the client's
timeline entries: plain functions taking the caller's unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from crm_desk.db.models import Client, Product
from crm_desk.db.models_sales import ExceptionRequest, Sale, SaleCancellation, SaleCorrection
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.roles import Role
from crm_desk.domain.sales import ExceptionStatus, sale_state
from crm_desk.domain.suitability import Verdict
from crm_desk.services.actor import Actor
from crm_desk.services.client_dto import TimelineEntry
from crm_desk.services.clients import user_names, visible_to
from crm_desk.services.sale_dto import CancellationDTO, CorrectionDTO, ExceptionRequestDTO, SaleDTO
from crm_desk.services.sale_facts import load_evaluation, load_snapshot, load_terms


def request_rows(
    uow: UnitOfWork, actor: Actor, *conditions: Any, limit: int | None = None
) -> list[ExceptionRequestDTO]:
    query = (
        select(ExceptionRequest, Client.name, Client.adviser_id)
        .join(Client, Client.id == ExceptionRequest.client_id)
        .where(visible_to(actor), *conditions)
        .order_by(ExceptionRequest.submitted_at.desc(), ExceptionRequest.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    rows = uow.session.execute(query).all()
    people: set[int | None] = {r.adviser_id for r, _, _ in rows}
    names = user_names(uow, people | {r.decided_by for r, _, _ in rows})
    now = uow.clock()
    return [
        build_request_dto(actor, r, name, client_adviser, names, now)
        for r, name, client_adviser in rows
    ]


def request_dto(
    uow: UnitOfWork, actor: Actor, request: ExceptionRequest, client: Client
) -> ExceptionRequestDTO:
    names = user_names(uow, {request.adviser_id, request.decided_by})
    return build_request_dto(actor, request, client.name, client.adviser_id, names, uow.clock())


def build_request_dto(
    actor: Actor,
    r: ExceptionRequest,
    client_name: str,
    client_adviser_id: int,
    names: dict[int, str],
    now: datetime,
) -> ExceptionRequestDTO:
    pending = r.status == ExceptionStatus.PENDING.value
    end = now if pending or r.decided_at is None else r.decided_at
    snapshot = load_snapshot(r.client_snapshot)
    return ExceptionRequestDTO(
        id=r.id,
        version=r.version,
        client_id=r.client_id,
        client_name=client_name,
        product_id=r.product_id,
        terms=load_terms(r.product_terms),
        amount=Decimal(r.amount),
        currency=r.currency,
        client_level=snapshot.assessment.level.value if snapshot.assessment else None,
        adviser_id=r.adviser_id,
        adviser_name=names.get(r.adviser_id, "?"),
        status=ExceptionStatus(r.status),
        submitted_at=r.submitted_at,
        due_at=r.due_at,
        age=max(end - r.submitted_at, timedelta(0)),
        overdue=pending and now > r.due_at,
        evaluation=load_evaluation(r.evaluation),
        decision_evaluation=(
            load_evaluation(r.decision_evaluation) if r.decision_evaluation else None
        ),
        warning_given=r.warning_given,
        warning_given_at=r.warning_given_at,
        client_insists=r.client_insists,
        insistence_text=r.insistence_text,
        justification=r.justification,
        decided_by=names.get(r.decided_by) if r.decided_by is not None else None,
        decided_at=r.decided_at,
        decision_comment=r.decision_comment,
        sale_id=r.sale_id,
        may_decide=(
            pending
            and actor.role is Role.SUPERVISOR
            and actor.user_id not in (r.adviser_id, client_adviser_id)
        ),
    )


def sale_dtos(
    uow: UnitOfWork, sales: Sequence[Sale], client_names: dict[int, str]
) -> list[SaleDTO]:
    ids = [s.id for s in sales]
    cancellations = (
        {
            c.sale_id: c
            for c in uow.session.execute(
                select(SaleCancellation).where(SaleCancellation.sale_id.in_(ids))
            ).scalars()
        }
        if ids
        else {}
    )
    corrections: dict[int, list[SaleCorrection]] = {}
    if ids:
        for c in uow.session.execute(
            select(SaleCorrection)
            .where(SaleCorrection.sale_id.in_(ids))
            .order_by(SaleCorrection.corrected_at, SaleCorrection.id)
        ).scalars():
            corrections.setdefault(c.sale_id, []).append(c)
    people: set[int | None] = set()
    for s in sales:
        people |= {s.adviser_id, s.recorded_by, s.approved_by}
    people |= {c.cancelled_by for c in cancellations.values()}
    people |= {c.corrected_by for cs in corrections.values() for c in cs}
    names = user_names(uow, people)
    now = uow.clock()
    result = []
    for s in sales:
        cancelled = cancellations.get(s.id)
        result.append(
            SaleDTO(
                id=s.id,
                client_id=s.client_id,
                client_name=client_names.get(s.client_id, ""),
                product_id=s.product_id,
                terms=load_terms(s.product_terms),
                amount=Decimal(s.amount),
                currency=s.currency,
                verdict=Verdict(s.verdict),
                needs_review=s.needs_review,
                evaluation=load_evaluation(s.evaluation),
                policy_version=s.policy_version,
                client_level=s.client_level,
                product_level=s.product_level,
                adviser_id=s.adviser_id,
                adviser_name=names.get(s.adviser_id, "?"),
                recorded_at=s.recorded_at,
                recorded_by=names.get(s.recorded_by, "?"),
                cooling_off_ends_at=s.cooling_off_ends_at,
                state=sale_state(now, s.cooling_off_ends_at, cancelled is not None),
                approved_by=names.get(s.approved_by) if s.approved_by is not None else None,
                exception_request_id=s.exception_request_id,
                cancellation=(
                    CancellationDTO(
                        cancelled.reason,
                        cancelled.cancelled_at,
                        names.get(cancelled.cancelled_by, "?"),
                    )
                    if cancelled is not None
                    else None
                ),
                corrections=tuple(
                    CorrectionDTO(c.id, c.note, c.corrected_at, names.get(c.corrected_by, "?"))
                    for c in corrections.get(s.id, [])
                ),
            )
        )
    return result


def sale_dto(uow: UnitOfWork, sale: Sale, client_name: str) -> SaleDTO:
    return sale_dtos(uow, [sale], {sale.client_id: client_name})[0]


def sales_timeline(uow: UnitOfWork, client_id: int) -> list[TimelineEntry]:
    """For ClientService.timeline_providers (the caller checked the client is visible).
    Titles are the product code and name; details are codes the client page words."""
    sales = uow.session.execute(
        select(
            Sale.id,
            Sale.recorded_at,
            Sale.recorded_by,
            Sale.adviser_id,
            Sale.amount,
            Sale.currency,
            Sale.verdict,
            Product.code,
            Product.name_zh,
        )
        .join(Product, Product.id == Sale.product_id)
        .where(Sale.client_id == client_id)
    ).all()
    requests = uow.session.execute(
        select(
            ExceptionRequest.id,
            ExceptionRequest.submitted_at,
            ExceptionRequest.adviser_id,
            ExceptionRequest.amount,
            ExceptionRequest.currency,
            ExceptionRequest.status,
            ExceptionRequest.decided_at,
            ExceptionRequest.decided_by,
            ExceptionRequest.decision_comment,
            Product.code,
            Product.name_zh,
        )
        .join(Product, Product.id == ExceptionRequest.product_id)
        .where(ExceptionRequest.client_id == client_id)
    ).all()
    cancellations = uow.session.execute(
        select(SaleCancellation, Product.code, Product.name_zh)
        .join(Sale, Sale.id == SaleCancellation.sale_id)
        .join(Product, Product.id == Sale.product_id)
        .where(Sale.client_id == client_id)
    ).all()
    corrections = uow.session.execute(
        select(SaleCorrection, Product.code, Product.name_zh)
        .join(Sale, Sale.id == SaleCorrection.sale_id)
        .join(Product, Product.id == Sale.product_id)
        .where(Sale.client_id == client_id)
    ).all()
    names = user_names(
        uow,
        {s.adviser_id for s in sales}
        | {r.adviser_id for r in requests}
        | {r.decided_by for r in requests}
        | {c.cancelled_by for c, _, _ in cancellations}
        | {c.corrected_by for c, _, _ in corrections},
    )
    entries = [
        TimelineEntry(
            when=s.recorded_at,
            kind="sale",
            title=f"{s.code} {s.name_zh} · {Decimal(s.amount):,.2f} {s.currency}",
            detail=s.verdict,
            by=names.get(s.adviser_id, "?"),
            ref_id=s.id,
        )
        for s in sales
    ]
    for r in requests:
        title = f"{r.code} {r.name_zh} · {Decimal(r.amount):,.2f} {r.currency}"
        entries.append(
            TimelineEntry(
                when=r.submitted_at,
                kind="exception",
                title=title,
                detail=ExceptionStatus.PENDING.value,
                by=names.get(r.adviser_id, "?"),
                ref_id=r.id,
            )
        )
        if r.decided_at is not None and r.decided_by is not None:
            entries.append(
                TimelineEntry(
                    when=r.decided_at,
                    kind="exception_decision",
                    title=title,
                    detail=f"{r.status}: {r.decision_comment or ''}",
                    by=names.get(r.decided_by, "?"),
                    ref_id=r.id,
                )
            )
    for c, code, name in cancellations:
        entries.append(
            TimelineEntry(
                when=c.cancelled_at,
                kind="sale_cancelled",
                title=f"{code} {name}",
                detail=c.reason,
                by=names.get(c.cancelled_by, "?"),
                ref_id=c.sale_id,
            )
        )
    for fix, code, name in corrections:
        entries.append(
            TimelineEntry(
                when=fix.corrected_at,
                kind="sale_corrected",
                title=f"{code} {name}",
                detail=fix.note,
                by=names.get(fix.corrected_by, "?"),
                ref_id=fix.sale_id,
            )
        )
    return entries
