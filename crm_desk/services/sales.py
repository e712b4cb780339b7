"""Sales: the product shelf with a verdict for each product, recording a sale, exception
requests and their supervisor decisions, cancellations within cooling-off and corrections.

A sale freezes what was known when it was made (the client's snapshot, the product's terms, every
rule outcome, the policy version) in a row nobody can change. A PROHIBITED sale is refused and
only the attempt is recorded; a sale that NEEDS_EXCEPTION waits for a supervisor, who is never
the selling adviser nor the client's own adviser, and at approval the engine runs again on the
current facts: that verdict is the one stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import NoReturn

from sqlalchemy import select, update

from crm_desk.db.models import Client, ClientVulnerability, Product, User
from crm_desk.db.models_sales import ExceptionRequest, Sale, SaleCancellation, SaleCorrection
from crm_desk.db.uow import UnitOfWork, UnitOfWorkFactory
from crm_desk.domain.clients import Vulnerability, age_on, is_elderly
from crm_desk.domain.errors import Conflict, NotFound, Problem, ValidationError
from crm_desk.domain.policy import Policy
from crm_desk.domain.products import (
    ProductStatus,
    ProductTerms,
)
from crm_desk.domain.sales import (
    MIN_COMMENT,
    MIN_CORRECTION,
    MIN_INSISTENCE,
    MIN_JUSTIFICATION,
    MIN_REASON,
    ExceptionRequired,
    ExceptionStatus,
    SaleRefused,
    blocking_rules,
    clean_text,
    cooling_off_end,
    parse_amount,
    too_short,
)
from crm_desk.domain.suitability import ClientSnapshot, Evaluation, Verdict, evaluate
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.client_dto import TimelineEntry
from crm_desk.services.clients import local_today, visible_client
from crm_desk.services.passwords import PasswordHasher
from crm_desk.services.permissions import Permission, operation
from crm_desk.services.sale_dto import (
    DecisionResult,
    ExceptionDetail,
    ExceptionRequestDTO,
    SaleCheck,
    SaleDTO,
    ShelfItem,
)
from crm_desk.services.sale_facts import (
    dump,
    load_snapshot,
    snapshot_to_json,
)
from crm_desk.services.sale_reads import (
    request_dto,
    request_rows,
    sale_dto,
    sale_dtos,
    sales_timeline,
)
from crm_desk.services.snapshots import client_snapshot, shelf_terms, terms_of

SaleHook = Callable[[UnitOfWork, Actor, Sale], None]
ExceptionHook = Callable[[UnitOfWork, Actor, ExceptionRequest], None]
CancellationHook = Callable[[UnitOfWork, Actor, Sale, SaleCancellation], None]

DECIDED_SHOWN = 200  # decided requests listed under the pending ones, newest first
SHELF_FALLBACK_AMOUNT = Decimal("10000.00")  # a product without a minimum is judged at this


@dataclass(frozen=True, slots=True)
class _Judged:
    snapshot: ClientSnapshot
    terms: ProductTerms
    evaluation: Evaluation


def _amount(value: str | Decimal) -> Decimal:
    parsed = parse_amount(value)
    if isinstance(parsed, Problem):
        raise ValidationError({"amount": parsed})
    return parsed


def _required_text(field: str, text: str, minimum: int, code: str, message: str) -> str:
    cleaned = clean_text(text)
    if too_short(cleaned, minimum):
        raise ValidationError({field: Problem(code, message, {"min": minimum})})
    return cleaned


def _product_on_shelf(uow: UnitOfWork, product_id: int) -> Product:
    product = uow.session.get(Product, product_id)
    if product is None:
        raise NotFound("product", product_id)
    if product.status != ProductStatus.ON_SALE.value:
        raise Conflict(
            f"product {product.code} is not on sale ({product.status})",
            reason="product_not_on_sale",
            code=product.code,
        )
    return product


def _reasons(evaluation: Evaluation) -> list[str]:
    """The deciding rules for the audit trail, in both languages."""
    return [
        f"{r.rule.value}: {r.message.zh_CN} / {r.message.en}" for r in blocking_rules(evaluation)
    ]


class SaleService(Service):
    def __init__(
        self, uow_factory: UnitOfWorkFactory, policy: Policy, hasher: PasswordHasher
    ) -> None:
        super().__init__(uow_factory, policy, hasher)
        # Called inside the transaction that writes the row; a hook must not call an operation.
        self.after_sale: list[SaleHook] = []
        self.after_exception_submitted: list[ExceptionHook] = []
        self.after_cancellation: list[CancellationHook] = []

    # -- the engine ------------------------------------------------------------------------------
    def _judge(self, uow: UnitOfWork, client: Client, product: Product, amount: Decimal) -> _Judged:
        snapshot = client_snapshot(uow, client, local_today(uow))
        terms = terms_of(product)
        return _Judged(snapshot, terms, evaluate(snapshot, terms, amount, self.policy))

    def _deadline(self) -> timedelta:
        return timedelta(hours=self.policy.suitability.exception_deadline_hours)

    # -- the shelf and the check -----------------------------------------------------------------
    @operation(Permission.SALES_VIEW, read_only=True)
    def shelf(
        self, uow: UnitOfWork, actor: Actor, client_id: int, amount: Decimal | None = None
    ) -> list[ShelfItem]:
        """Every product on sale with its verdict for this client, at ``amount`` or, when none
        is given, at each product's minimum: the verdict at a glance and every rule's reason."""
        client = visible_client(uow, actor, client_id)
        snapshot = client_snapshot(uow, client, local_today(uow))
        items = []
        for product_id, terms in shelf_terms(uow):
            judged_at = amount if amount is not None else terms.min_amount
            if judged_at <= 0:
                judged_at = SHELF_FALLBACK_AMOUNT
            evaluation = evaluate(snapshot, terms, judged_at, self.policy)
            items.append(ShelfItem(product_id, terms, judged_at, evaluation))
        return items

    @operation(Permission.SALES_VIEW, read_only=True)
    def check(
        self, uow: UnitOfWork, actor: Actor, client_id: int, product_id: int, amount: Decimal | str
    ) -> SaleCheck:
        """The verdict and every rule, shown before anything is saved; nothing is written."""
        value = _amount(amount)
        client = visible_client(uow, actor, client_id)
        product = _product_on_shelf(uow, product_id)
        judged = self._judge(uow, client, product, value)
        return SaleCheck(
            client_id=client.id,
            client_name=client.name,
            product_id=product.id,
            terms=judged.terms,
            amount=value,
            evaluation=judged.evaluation,
            pending_request_id=self._pending_request(uow, client.id, product.id),
        )

    @staticmethod
    def _pending_request(uow: UnitOfWork, client_id: int, product_id: int) -> int | None:
        return uow.session.execute(
            select(ExceptionRequest.id).where(
                ExceptionRequest.client_id == client_id,
                ExceptionRequest.product_id == product_id,
                ExceptionRequest.status == ExceptionStatus.PENDING.value,
            )
        ).scalar()

    # -- recording a sale ------------------------------------------------------------------------
    def _insert_sale(
        self,
        uow: UnitOfWork,
        actor: Actor,
        client: Client,
        product_id: int,
        amount: Decimal,
        judged: _Judged,
        *,
        adviser_id: int,
        request: ExceptionRequest | None = None,
    ) -> Sale:
        """The sale row with every fact frozen, its audit event and the after-sale hooks."""
        now = uow.clock()
        evaluation, terms, snapshot = judged.evaluation, judged.terms, judged.snapshot
        assessment = snapshot.assessment
        assert actor.user_id is not None
        sale = Sale(
            client_id=client.id,
            product_id=product_id,
            adviser_id=adviser_id,
            branch_id=client.branch_id,
            amount=amount,
            currency=terms.currency,
            verdict=evaluation.verdict.value,
            needs_review=evaluation.needs_review,
            client_snapshot=dump(snapshot_to_json(snapshot)),
            product_terms=dump(terms.to_json()),
            evaluation=dump(evaluation.to_json()),
            policy_version=evaluation.policy_version,
            assessment_id=assessment.assessment_id if assessment else None,
            client_level=assessment.level.value if assessment else None,
            product_level=terms.risk_level.value,
            exception_request_id=request.id if request is not None else None,
            approved_by=actor.user_id if request is not None else None,
            recorded_at=now,
            recorded_by=actor.user_id,
            cooling_off_ends_at=cooling_off_end(now, terms.cooling_off_hours),
        )
        uow.session.add(sale)
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "sale.recorded",
            "client",
            client.id,
            {
                "sale_id": (None, sale.id),
                "product": (None, terms.code),
                "amount": (None, f"{amount} {terms.currency}"),
                "verdict": (None, evaluation.verdict.value),
                "policy_version": (None, evaluation.policy_version),
                "assessment_id": (None, sale.assessment_id),
                "exception_request_id": (None, sale.exception_request_id),
                "cooling_off_ends_at": (None, sale.cooling_off_ends_at),
            },
        )
        for hook in self.after_sale:
            hook(uow, actor, sale)
        return sale

    @staticmethod
    def _refuse(
        uow: UnitOfWork,
        actor: Actor,
        client: Client,
        product: Product,
        amount: Decimal,
        evaluation: Evaluation,
    ) -> NoReturn:
        """Nothing is recorded but the audited attempt, committed; then the refusal."""
        audit.record(
            uow,
            actor,
            "sale.refused",
            "client",
            client.id,
            {
                "product": (None, product.code),
                "amount": (None, f"{amount} {product.currency}"),
                "verdict": (None, evaluation.verdict.value),
                "policy_version": (None, evaluation.policy_version),
                "rules": (None, [r.rule.value for r in blocking_rules(evaluation)]),
                "reasons": (None, _reasons(evaluation)),
            },
        )
        uow.commit()  # the attempt stands even though the sale is refused
        raise SaleRefused(evaluation)

    @operation(Permission.SALES_RECORD)
    def record(
        self, uow: UnitOfWork, actor: Actor, client_id: int, product_id: int, amount: Decimal | str
    ) -> SaleDTO:
        """SUITABLE: the sale is recorded with its frozen facts. PROHIBITED: refused with the
        reasons, and only the attempt is recorded (audited). NEEDS_EXCEPTION: refused; the
        adviser submits an exception request instead."""
        value = _amount(amount)
        client = visible_client(uow, actor, client_id)
        product = _product_on_shelf(uow, product_id)
        judged = self._judge(uow, client, product, value)
        evaluation = judged.evaluation
        if evaluation.verdict is Verdict.PROHIBITED:
            self._refuse(uow, actor, client, product, value, evaluation)
        if evaluation.verdict is Verdict.NEEDS_EXCEPTION:
            raise ExceptionRequired(evaluation)
        assert actor.user_id is not None
        sale = self._insert_sale(
            uow, actor, client, product.id, value, judged, adviser_id=actor.user_id
        )
        result = sale_dto(uow, sale, client.name)
        uow.commit()
        return result

    # -- exception requests ----------------------------------------------------------------------
    @operation(Permission.SALES_RECORD)
    def submit_exception(
        self,
        uow: UnitOfWork,
        actor: Actor,
        client_id: int,
        product_id: int,
        amount: Decimal | str,
        warning_given: bool,
        client_insists: bool,
        insistence_text: str,
        justification: str,
    ) -> ExceptionRequestDTO:
        """The special risk warning was given, the client insists in writing, the adviser
        justifies the sale: a supervisor decides. Refused unless the verdict still needs one."""
        problems: dict[str, Problem] = {}
        parsed = parse_amount(amount)
        if isinstance(parsed, Problem):
            problems["amount"] = parsed
        if not warning_given:
            problems["warning_given"] = Problem(
                "warning.required",
                "Give the client the special risk warning first, then tick this.",
            )
        if not client_insists:
            problems["client_insists"] = Problem(
                "insistence.required",
                "The client must confirm in writing that they insist on this product.",
            )
        insistence = clean_text(insistence_text)
        if too_short(insistence, MIN_INSISTENCE):
            problems["insistence_text"] = Problem(
                "insistence_text.required",
                "Record the client's written insistence (a quotation or the form's reference).",
                {"min": MIN_INSISTENCE},
            )
        reason = clean_text(justification)
        if too_short(reason, MIN_JUSTIFICATION):
            problems["justification"] = Problem(
                "justification.required",
                "Explain for the supervisor why this sale is justified (at least {min} "
                "characters).",
                {"min": MIN_JUSTIFICATION},
            )
        if problems:
            raise ValidationError(problems)
        assert isinstance(parsed, Decimal) and actor.user_id is not None
        client = visible_client(uow, actor, client_id)
        product = _product_on_shelf(uow, product_id)
        if self._pending_request(uow, client.id, product.id) is not None:
            raise Conflict(
                "an exception request for this client and product is already waiting",
                reason="exception_pending",
            )
        judged = self._judge(uow, client, product, parsed)
        evaluation = judged.evaluation
        if evaluation.verdict is Verdict.PROHIBITED:  # the facts changed since the check
            self._refuse(uow, actor, client, product, parsed, evaluation)
        if evaluation.verdict is Verdict.SUITABLE:
            raise Conflict(
                "the sale fits the client's profile: record it directly",
                reason="exception_not_needed",
            )
        now = uow.clock()
        request = ExceptionRequest(
            client_id=client.id,
            product_id=product.id,
            adviser_id=actor.user_id,
            branch_id=client.branch_id,
            amount=parsed,
            currency=judged.terms.currency,
            client_snapshot=dump(snapshot_to_json(judged.snapshot)),
            product_terms=dump(judged.terms.to_json()),
            evaluation=dump(evaluation.to_json()),
            policy_version=evaluation.policy_version,
            warning_given=True,
            warning_given_at=now,
            client_insists=True,
            insistence_text=insistence,
            justification=reason,
            status=ExceptionStatus.PENDING.value,
            submitted_at=now,
            due_at=now + self._deadline(),
        )
        uow.session.add(request)
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "exception.submitted",
            "client",
            client.id,
            {
                "exception_request_id": (None, request.id),
                "product": (None, product.code),
                "amount": (None, f"{parsed} {product.currency}"),
                "verdict": (None, evaluation.verdict.value),
                "policy_version": (None, evaluation.policy_version),
                "rules": (None, [r.rule.value for r in blocking_rules(evaluation)]),
                "due_at": (None, request.due_at),
            },
        )
        for hook in self.after_exception_submitted:
            hook(uow, actor, request)
        result = request_dto(uow, actor, request, client)
        uow.commit()
        return result

    def _decidable(
        self, uow: UnitOfWork, actor: Actor, request_id: int, comment: str
    ) -> tuple[ExceptionRequest, Client, str]:
        text = _required_text(
            "comment", comment, MIN_COMMENT, "comment.required", "Give the reason for the decision."
        )
        request = uow.session.get(ExceptionRequest, request_id)
        if request is None:
            raise NotFound("exception request", request_id)
        client = visible_client(uow, actor, request.client_id)  # a supervisor: their branch
        if request.status != ExceptionStatus.PENDING.value:
            raise Conflict(
                f"this exception request was already decided ({request.status})",
                reason="exception_decided",
                status=request.status,
            )
        if actor.user_id in (request.adviser_id, client.adviser_id):
            raise Conflict("you cannot decide your own request", reason="four_eyes")
        return request, client, text

    def _claim(
        self,
        uow: UnitOfWork,
        actor: Actor,
        request: ExceptionRequest,
        status: ExceptionStatus,
        comment: str,
        evaluation: Evaluation | None,
    ) -> None:
        """Decide once: the update matches only a request still pending at the version read, so
        of two supervisors deciding at the same moment exactly one succeeds."""
        claimed = uow.session.execute(
            update(ExceptionRequest)
            .where(
                ExceptionRequest.id == request.id,
                ExceptionRequest.status == ExceptionStatus.PENDING.value,
                ExceptionRequest.version == request.version,
            )
            .values(
                status=status.value,
                version=ExceptionRequest.version + 1,
                decided_by=actor.user_id,
                decided_at=uow.clock(),
                decision_comment=comment,
                decision_evaluation=dump(evaluation.to_json()) if evaluation else None,
            )
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise Conflict(
                "another supervisor decided this request a moment ago",
                reason="exception_decided",
            )
        uow.session.refresh(request)

    @operation(Permission.EXCEPTIONS_DECIDE)
    def approve(
        self, uow: UnitOfWork, actor: Actor, request_id: int, comment: str
    ) -> DecisionResult:
        """Run the engine again on today's facts: still allowed → the sale is recorded with the
        new evaluation and this approval; now PROHIBITED → the request lapses with the reason."""
        request, client, text = self._decidable(uow, actor, request_id, comment)
        product = _product_on_shelf(uow, request.product_id)
        amount = Decimal(request.amount)
        judged = self._judge(uow, client, product, amount)
        evaluation = judged.evaluation
        before = ExceptionStatus.PENDING.value
        if evaluation.verdict is Verdict.PROHIBITED:
            self._claim(uow, actor, request, ExceptionStatus.LAPSED, text, evaluation)
            audit.record(
                uow,
                actor,
                "exception.lapsed",
                "client",
                client.id,
                {
                    "exception_request_id": (None, request.id),
                    "status": (before, request.status),
                    "comment": (None, text),
                    "verdict": (None, evaluation.verdict.value),
                    "rules": (None, [r.rule.value for r in blocking_rules(evaluation)]),
                    "reasons": (None, _reasons(evaluation)),
                },
            )
            result = DecisionResult(request_dto(uow, actor, request, client), None)
            uow.commit()
            return result
        self._claim(uow, actor, request, ExceptionStatus.APPROVED, text, evaluation)
        audit.record(
            uow,
            actor,
            "exception.approved",
            "client",
            client.id,
            {
                "exception_request_id": (None, request.id),
                "status": (before, request.status),
                "comment": (None, text),
                "verdict": (None, evaluation.verdict.value),
                "policy_version": (None, evaluation.policy_version),
            },
        )
        sale = self._insert_sale(
            uow,
            actor,
            client,
            product.id,
            amount,
            judged,
            adviser_id=request.adviser_id,
            request=request,
        )
        uow.session.execute(
            update(ExceptionRequest)
            .where(ExceptionRequest.id == request.id)
            .values(sale_id=sale.id, version=ExceptionRequest.version + 1)
            .execution_options(synchronize_session=False)
        )
        uow.session.refresh(request)
        result = DecisionResult(
            request_dto(uow, actor, request, client), sale_dto(uow, sale, client.name)
        )
        uow.commit()
        return result

    @operation(Permission.EXCEPTIONS_DECIDE)
    def reject(
        self, uow: UnitOfWork, actor: Actor, request_id: int, comment: str
    ) -> DecisionResult:
        request, client, text = self._decidable(uow, actor, request_id, comment)
        self._claim(uow, actor, request, ExceptionStatus.REJECTED, text, None)
        audit.record(
            uow,
            actor,
            "exception.rejected",
            "client",
            client.id,
            {
                "exception_request_id": (None, request.id),
                "status": (ExceptionStatus.PENDING.value, request.status),
                "comment": (None, text),
            },
        )
        result = DecisionResult(request_dto(uow, actor, request, client), None)
        uow.commit()
        return result

    # -- reading requests ------------------------------------------------------------------------
    @operation(Permission.SALES_VIEW, read_only=True)
    def exception_queue(
        self, uow: UnitOfWork, actor: Actor, *, include_decided: bool = True
    ) -> list[ExceptionRequestDTO]:
        """Pending requests first, the oldest deadline on top; then the latest decided ones.
        Supervisors see their branch, compliance every branch, advisers their own clients'."""
        pending = request_rows(uow, actor, ExceptionRequest.status == ExceptionStatus.PENDING.value)
        pending.sort(key=lambda r: (r.due_at, r.id))
        if not include_decided:
            return pending
        decided = request_rows(
            uow,
            actor,
            ExceptionRequest.status != ExceptionStatus.PENDING.value,
            limit=DECIDED_SHOWN,
        )
        decided.sort(key=lambda r: (r.decided_at or r.submitted_at, r.id), reverse=True)
        return pending + decided

    @operation(Permission.SALES_VIEW, read_only=True)
    def my_requests(self, uow: UnitOfWork, actor: Actor) -> list[ExceptionRequestDTO]:
        """The actor's own exception requests with their outcomes, newest first."""
        return request_rows(uow, actor, ExceptionRequest.adviser_id == actor.user_id)

    @operation(Permission.SALES_VIEW, read_only=True)
    def client_requests(
        self, uow: UnitOfWork, actor: Actor, client_id: int
    ) -> list[ExceptionRequestDTO]:
        client = visible_client(uow, actor, client_id)
        return request_rows(uow, actor, ExceptionRequest.client_id == client.id)

    @operation(Permission.SALES_VIEW, read_only=True)
    def exception_detail(self, uow: UnitOfWork, actor: Actor, request_id: int) -> ExceptionDetail:
        """The full verdict, the client's profile and the justification on one screen, with the
        verdict the engine gives today (what an approval would store)."""
        request = uow.session.get(ExceptionRequest, request_id)
        if request is None:
            raise NotFound("exception request", request_id)
        client = visible_client(uow, actor, request.client_id)
        today = local_today(uow)
        snapshot = client_snapshot(uow, client, today)
        product = uow.session.get(Product, request.product_id)
        on_sale = product is not None and product.status == ProductStatus.ON_SALE.value
        current = None
        if request.status == ExceptionStatus.PENDING.value and product is not None and on_sale:
            current = evaluate(snapshot, terms_of(product), Decimal(request.amount), self.policy)
        flags = uow.session.execute(
            select(ClientVulnerability.kind)
            .where(
                ClientVulnerability.client_id == client.id,
                ClientVulnerability.cleared_at.is_(None),
            )
            .order_by(ClientVulnerability.set_at)
        ).scalars()
        adviser = uow.session.execute(
            select(User.full_name).where(User.id == client.adviser_id)
        ).scalar_one()
        return ExceptionDetail(
            request=request_dto(uow, actor, request, client),
            client=snapshot,
            client_at_submission=load_snapshot(request.client_snapshot),
            client_age=age_on(client.birth_date, today),
            elderly=is_elderly(client.birth_date, today, self.policy.investor.elderly_age),
            vulnerabilities=tuple(Vulnerability(k) for k in flags),
            client_adviser_name=adviser,
            current_evaluation=current,
            product_on_sale=on_sale,
        )

    # -- sales -----------------------------------------------------------------------------------
    def _visible_sale(self, uow: UnitOfWork, actor: Actor, sale_id: int) -> tuple[Sale, Client]:
        sale = uow.session.get(Sale, sale_id)
        if sale is None:
            raise NotFound("sale", sale_id)
        return sale, visible_client(uow, actor, sale.client_id)

    @operation(Permission.SALES_VIEW, read_only=True)
    def client_sales(self, uow: UnitOfWork, actor: Actor, client_id: int) -> list[SaleDTO]:
        """The client's sales, newest first, each with its state, cooling-off end and records."""
        client = visible_client(uow, actor, client_id)
        sales = (
            uow.session.execute(
                select(Sale)
                .where(Sale.client_id == client.id)
                .order_by(Sale.recorded_at.desc(), Sale.id.desc())
            )
            .scalars()
            .all()
        )
        return sale_dtos(uow, sales, {client.id: client.name})

    @operation(Permission.SALES_VIEW, read_only=True)
    def get_sale(self, uow: UnitOfWork, actor: Actor, sale_id: int) -> SaleDTO:
        sale, client = self._visible_sale(uow, actor, sale_id)
        return sale_dto(uow, sale, client.name)

    @operation(Permission.SALES_RECORD)
    def cancel(self, uow: UnitOfWork, actor: Actor, sale_id: int, reason: str) -> SaleDTO:
        """Only within cooling-off; the sale stays as it was, the cancellation points at it."""
        text = _required_text(
            "reason", reason, MIN_REASON, "reason.required", "Give the client's reason."
        )
        sale, client = self._visible_sale(uow, actor, sale_id)
        already = uow.session.execute(
            select(SaleCancellation.id).where(SaleCancellation.sale_id == sale.id)
        ).scalar()
        if already is not None:
            raise Conflict("this sale was already cancelled", reason="sale_cancelled")
        now = uow.clock()
        if sale.cooling_off_ends_at is None:
            raise Conflict("this product has no cooling-off period", reason="no_cooling_off")
        if now >= sale.cooling_off_ends_at:
            raise Conflict(
                f"the cooling-off period ended at {sale.cooling_off_ends_at:%Y-%m-%d %H:%M} UTC",
                reason="cooling_off_over",
                ended=sale.cooling_off_ends_at,
            )
        assert actor.user_id is not None
        cancellation = SaleCancellation(
            sale_id=sale.id, reason=text, cancelled_at=now, cancelled_by=actor.user_id
        )
        uow.session.add(cancellation)
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "sale.cancelled",
            "client",
            client.id,
            {"sale_id": (None, sale.id), "reason": (None, text)},
        )
        for hook in self.after_cancellation:
            hook(uow, actor, sale, cancellation)
        result = sale_dto(uow, sale, client.name)
        uow.commit()
        return result

    @operation(Permission.SALES_RECORD)
    def correct(self, uow: UnitOfWork, actor: Actor, sale_id: int, note: str) -> SaleDTO:
        """A note that corrects what the sale's record says; the record itself never changes."""
        text = _required_text(
            "note",
            note,
            MIN_CORRECTION,
            "correction.required",
            "Say what is wrong in the record and what is right.",
        )
        sale, client = self._visible_sale(uow, actor, sale_id)
        assert actor.user_id is not None
        correction = SaleCorrection(
            sale_id=sale.id, note=text, corrected_at=uow.clock(), corrected_by=actor.user_id
        )
        uow.session.add(correction)
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "sale.corrected",
            "client",
            client.id,
            {"sale_id": (None, sale.id), "note": (None, text)},
        )
        result = sale_dto(uow, sale, client.name)
        uow.commit()
        return result

    # -- the client's timeline -------------------------------------------------------------------
    def timeline_provider(
        self, uow: UnitOfWork, actor: Actor, client_id: int
    ) -> list[TimelineEntry]:
        """For ClientService.timeline_providers (the caller checked the client is visible)."""
        return sales_timeline(uow, client_id)
