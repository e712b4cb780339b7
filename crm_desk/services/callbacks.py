"""Follow-up calls (回访) after the sale: created with the sale (via the sale service's hook) for
every sale with cooling-off, every exception sale and every sale to an elderly client; made by
a colleague of the seller — the branch's pool: any active adviser or supervisor of the client's
branch except the adviser who sold — and only once cooling-off is over; the scripted checklist
answers recorded for good; a "no" (or a client who cannot be reached) opens a case that a
supervisor of the branch, again not the seller, resolves with a note. Cancelling the sale in
cooling-off cancels the open call."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, true
from sqlalchemy.orm.exc import StaleDataError

from crm_desk.db.models import Client, Product
from crm_desk.db.models_aftercare import CallbackAttempt, CallbackCase, CallbackTask
from crm_desk.db.models_sales import Sale, SaleCancellation
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.aftercare import (
    CHECKLIST,
    SCRIPT_VERSION,
    CallInput,
    CallOutcome,
    CallReason,
    CallState,
    CallStatus,
    CaseReason,
    CaseStatus,
    call_reasons,
    call_state,
    call_window,
    check_call,
    check_note,
)
from crm_desk.domain.errors import ConcurrentEdit, Conflict, NotFound
from crm_desk.domain.questionnaire import LocalizedText
from crm_desk.domain.roles import Role
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.callback_dto import (
    CallAttemptDTO,
    CallbackBoard,
    CallbackCaseDTO,
    CallbackTaskDetail,
    CallbackTaskDTO,
    CallRecorded,
    ChecklistAnswer,
)
from crm_desk.services.client_dto import TimelineEntry
from crm_desk.services.clients import user_names, visible_to
from crm_desk.services.keys import KeyService
from crm_desk.services.permissions import Permission, operation

CALLER_ROLES = (Role.ADVISER, Role.SUPERVISOR)
CLOSED_SHOWN_DAYS = 30  # the board lists calls closed this recently
QUESTIONS = {item.id: item.question for item in CHECKLIST}


def _branch_scope(actor: Actor, branch_column: Any) -> ColumnElement[bool]:
    """The branch's pool for advisers and supervisors; every branch for compliance."""
    if actor.is_system or actor.role is Role.COMPLIANCE:
        return true()
    return branch_column == actor.branch_id  # type: ignore[no-any-return]


def may_call(actor: Actor, branch_id: int, seller_id: int) -> bool:
    """A colleague of the seller in the client's branch; never the seller."""
    return (
        actor.role in CALLER_ROLES
        and actor.branch_id == branch_id
        and actor.user_id is not None
        and actor.user_id != seller_id
    )


def may_resolve(actor: Actor, branch_id: int, seller_id: int) -> bool:
    return (
        actor.role is Role.SUPERVISOR
        and actor.branch_id == branch_id
        and actor.user_id != seller_id
    )


def _product_name(zh: str, en: str) -> LocalizedText:
    return LocalizedText(zh_CN=zh, en=en)


class CallbackService(Service):
    keys: KeyService

    # -- hooks on the sale service (inside the sale's transaction) ------------------------------
    def after_sale(self, uow: UnitOfWork, actor: Actor, sale: Sale) -> None:
        """A follow-up call for a sale that needs one (see domain.aftercare.call_reasons)."""
        birth_date = uow.session.execute(
            select(Client.birth_date).where(Client.id == sale.client_id)
        ).scalar_one()
        reasons = call_reasons(
            cooling_off_ends_at=sale.cooling_off_ends_at,
            is_exception=sale.exception_request_id is not None or sale.verdict == "needs_exception",
            birth_date=birth_date,
            sale_day=sale.recorded_at.astimezone().date(),
            elderly_age=self.policy.investor.elderly_age,
        )
        if not reasons:
            return
        callable_from, due_at = call_window(
            sale.recorded_at, sale.cooling_off_ends_at, self.policy.aftercare.callback_days
        )
        task = CallbackTask(
            version=1,
            sale_id=sale.id,
            client_id=sale.client_id,
            product_id=sale.product_id,
            branch_id=sale.branch_id,
            seller_id=sale.adviser_id,
            reasons=",".join(r.value for r in reasons),
            callable_from=callable_from,
            due_at=due_at,
            status=CallStatus.OPEN.value,
            attempts=0,
            created_at=uow.clock(),
        )
        uow.session.add(task)
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "callback.created",
            "callback_task",
            task.id,
            {
                "sale_id": (None, sale.id),
                "client_id": (None, sale.client_id),
                "reasons": (None, task.reasons),
                "callable_from": (None, callable_from.isoformat()),
                "due_at": (None, due_at.isoformat()),
            },
        )

    def after_cancellation(
        self, uow: UnitOfWork, actor: Actor, sale: Sale, cancellation: SaleCancellation
    ) -> None:
        """The sale is undone in cooling-off: there is nothing left to call about."""
        task = uow.session.execute(
            select(CallbackTask).where(
                CallbackTask.sale_id == sale.id, CallbackTask.status == CallStatus.OPEN.value
            )
        ).scalar_one_or_none()
        if task is None:
            return
        task.status = CallStatus.CANCELLED.value
        task.closed_at = uow.clock()
        task.closed_by = actor.user_id
        task.cancel_reason = cancellation.reason
        task.next_try_at = None
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "callback.cancelled",
            "callback_task",
            task.id,
            {
                "sale_id": (None, sale.id),
                "client_id": (None, sale.client_id),
                "status": (CallStatus.OPEN.value, CallStatus.CANCELLED.value),
                "cancellation_id": (None, cancellation.id),
            },
        )

    def timeline_provider(
        self, uow: UnitOfWork, actor: Actor, client_id: int
    ) -> list[TimelineEntry]:
        """For ClientService.timeline_providers (the caller checked the client is visible).

        kind "callback": when = closed (or set), title = product code, detail = the status
        ("open", "done", "unreachable", "cancelled") and, when the client answered no, ":" and
        the items, e.g. "done:contract_read"; by = who closed it (or the seller); ref = task."""
        rows = uow.session.execute(
            select(CallbackTask, Product.code)
            .join(Product, Product.id == CallbackTask.product_id)
            .where(CallbackTask.client_id == client_id)
        ).all()
        failed = dict(
            uow.session.execute(
                select(CallbackCase.task_id, CallbackCase.failed_items).where(
                    CallbackCase.client_id == client_id
                )
            ).all()
        )
        people: set[int | None] = {t.seller_id for t, _ in rows}
        names = user_names(uow, people | {t.closed_by for t, _ in rows})
        return [
            TimelineEntry(
                when=task.closed_at or task.created_at,
                kind="callback",
                title=code,
                detail=task.status + (f":{failed[task.id]}" if failed.get(task.id) else ""),
                by=names.get(task.closed_by or task.seller_id, "?"),
                ref_id=task.id,
            )
            for task, code in rows
        ]

    # -- reading --------------------------------------------------------------------------------
    @staticmethod
    def _task_select() -> Select[*tuple[Any, ...]]:
        open_cases = (
            select(func.count(CallbackCase.id))
            .where(
                CallbackCase.task_id == CallbackTask.id,
                CallbackCase.status == CaseStatus.OPEN.value,
            )
            .correlate(CallbackTask)
            .scalar_subquery()
        )
        return (
            select(
                CallbackTask,
                Client.name.label("client_name"),
                Client.phone_last4,
                Client.adviser_id.label("client_adviser_id"),
                Product.code,
                Product.name_zh,
                Product.name_en,
                Sale.amount,
                Sale.currency,
                Sale.recorded_at,
                open_cases.label("open_cases"),
            )
            .join(Client, Client.id == CallbackTask.client_id)
            .join(Product, Product.id == CallbackTask.product_id)
            .join(Sale, Sale.id == CallbackTask.sale_id)
        )

    @staticmethod
    def _task_dto(actor: Actor, row: Any, names: dict[int, str], now: datetime) -> CallbackTaskDTO:
        task: CallbackTask = row[0]
        status = CallStatus(task.status)
        return CallbackTaskDTO(
            id=task.id,
            version=task.version,
            sale_id=task.sale_id,
            client_id=task.client_id,
            client_name=row.client_name,
            phone_last4=row.phone_last4,
            product_id=task.product_id,
            product_code=row.code,
            product_name=_product_name(row.name_zh, row.name_en),
            amount=Decimal(row.amount),
            currency=row.currency,
            sold_at=row.recorded_at,
            seller_id=task.seller_id,
            seller_name=names.get(task.seller_id, "?"),
            reasons=tuple(CallReason(r) for r in task.reasons.split(",") if r),
            callable_from=task.callable_from,
            due_at=task.due_at,
            next_try_at=task.next_try_at,
            status=status,
            state=call_state(task.callable_from, task.due_at, now)
            if status is CallStatus.OPEN
            else None,
            attempts=task.attempts,
            closed_at=task.closed_at,
            closed_by=names.get(task.closed_by) if task.closed_by is not None else None,
            cancel_reason=task.cancel_reason,
            open_cases=int(row.open_cases or 0),
            may_call=status is CallStatus.OPEN and may_call(actor, task.branch_id, task.seller_id),
            client_visible=actor.role is not Role.ADVISER or row.client_adviser_id == actor.user_id,
        )

    def _task_dtos(
        self, uow: UnitOfWork, actor: Actor, rows: Sequence[Any]
    ) -> list[CallbackTaskDTO]:
        names = user_names(uow, {r[0].seller_id for r in rows} | {r[0].closed_by for r in rows})
        now = uow.clock()
        return [self._task_dto(actor, r, names, now) for r in rows]

    @operation(Permission.CALLBACKS_VIEW, read_only=True)
    def board(self, uow: UnitOfWork, actor: Actor) -> CallbackBoard:
        """The branch's follow-up calls (every branch for compliance): open ones overdue, due and
        waiting for cooling-off to end, and those closed in the last days."""
        now = uow.clock()
        scope = _branch_scope(actor, CallbackTask.branch_id)
        open_rows = uow.session.execute(
            self._task_select()
            .where(scope, CallbackTask.status == CallStatus.OPEN.value)
            .order_by(CallbackTask.due_at, CallbackTask.id)
        ).all()
        closed_rows = uow.session.execute(
            self._task_select()
            .where(
                scope,
                CallbackTask.status != CallStatus.OPEN.value,
                CallbackTask.closed_at >= now - timedelta(days=CLOSED_SHOWN_DAYS),
            )
            .order_by(CallbackTask.closed_at.desc(), CallbackTask.id.desc())
            .limit(500)
        ).all()
        dtos = self._task_dtos(uow, actor, [*open_rows, *closed_rows])
        return CallbackBoard(
            now=now,
            overdue=tuple(d for d in dtos if d.state is CallState.OVERDUE),
            due=tuple(d for d in dtos if d.state is CallState.DUE),
            waiting=tuple(d for d in dtos if d.state is CallState.WAITING),
            closed=tuple(d for d in dtos if d.state is None),
        )

    def _scoped_task(self, uow: UnitOfWork, actor: Actor, task_id: int) -> Any:
        row = uow.session.execute(
            self._task_select().where(
                CallbackTask.id == task_id, _branch_scope(actor, CallbackTask.branch_id)
            )
        ).first()
        if row is None:
            raise NotFound("callback_task", task_id)
        return row

    @operation(Permission.CALLBACKS_VIEW, read_only=True)
    def task_detail(self, uow: UnitOfWork, actor: Actor, task_id: int) -> CallbackTaskDetail:
        row = self._scoped_task(uow, actor, task_id)
        attempts = (
            uow.session.execute(
                select(CallbackAttempt)
                .where(CallbackAttempt.task_id == task_id)
                .order_by(CallbackAttempt.attempt_no)
            )
            .scalars()
            .all()
        )
        names = user_names(uow, {a.called_by for a in attempts})
        cases = self._case_dtos(
            uow,
            actor,
            uow.session.execute(
                self._case_select().where(CallbackCase.task_id == task_id).order_by(CallbackCase.id)
            ).all(),
        )
        return CallbackTaskDetail(
            task=self._task_dtos(uow, actor, [row])[0],
            attempts=tuple(self._attempt_dto(a, names) for a in attempts),
            cases=tuple(cases),
        )

    @staticmethod
    def _attempt_dto(row: CallbackAttempt, names: dict[int, str]) -> CallAttemptDTO:
        return CallAttemptDTO(
            id=row.id,
            attempt_no=row.attempt_no,
            outcome=CallOutcome(row.outcome),
            script_version=row.script_version,
            answers=tuple(
                ChecklistAnswer(a["item"], LocalizedText(**a["question"]), bool(a["answer"]))
                for a in json.loads(row.answers)
            ),
            notes=row.notes,
            next_try_at=row.next_try_at,
            called_at=row.called_at,
            called_by=names.get(row.called_by, "?"),
        )

    # -- making the call ------------------------------------------------------------------------
    def _callable_task(
        self, uow: UnitOfWork, actor: Actor, task_id: int, expected_version: int | None
    ) -> CallbackTask:
        """Locked for the call; refused with a reason the caller can act on."""
        task = uow.session.execute(
            select(CallbackTask)
            .where(CallbackTask.id == task_id, _branch_scope(actor, CallbackTask.branch_id))
            .with_for_update()
        ).scalar_one_or_none()
        if task is None:
            raise NotFound("callback_task", task_id)
        if expected_version is not None and task.version != expected_version:
            raise self._concurrent_edit(uow, task)
        if task.status != CallStatus.OPEN.value:
            raise Conflict(
                "this follow-up call is closed", reason="callback_closed", status=task.status
            )
        if actor.user_id == task.seller_id:
            raise Conflict(
                "the adviser who made the sale may not make its follow-up call",
                reason="callback_own_sale",
            )
        if not may_call(actor, task.branch_id, task.seller_id):
            raise Conflict(
                "only an adviser or supervisor of the client's branch makes the call",
                reason="callback_not_caller",
            )
        if uow.clock() < task.callable_from:
            raise Conflict(
                "the cooling-off period is not over: the client may not be contacted yet",
                reason="callback_cooling_off",
                until=task.callable_from,
            )
        return task

    @staticmethod
    def _concurrent_edit(uow: UnitOfWork, task: CallbackTask) -> ConcurrentEdit:
        last = uow.session.execute(
            select(CallbackAttempt.called_by, CallbackAttempt.called_at)
            .where(CallbackAttempt.task_id == task.id)
            .order_by(CallbackAttempt.attempt_no.desc())
            .limit(1)
        ).first()
        who_id, when = (last.called_by, last.called_at) if last else (task.closed_by, None)
        if task.closed_at is not None and (when is None or task.closed_at > when):
            who_id, when = task.closed_by, task.closed_at
        who = user_names(uow, {who_id}).get(who_id or 0, "?")
        return ConcurrentEdit(who, when, ["status"], task.version)

    @operation(Permission.CALLBACKS_RECORD)
    def record_call(
        self,
        uow: UnitOfWork,
        actor: Actor,
        task_id: int,
        expected_version: int,
        raw: CallInput,
    ) -> CallRecorded:
        """Record one call: reached with every checklist answer (the call is then done; any "no"
        opens a case), or not reached with when to try again (after the policy's last attempt
        the call is given up and a case opened)."""
        task = self._callable_task(uow, actor, task_id, expected_version)
        now = uow.clock()
        attempt_no = task.attempts + 1
        last_attempt = attempt_no >= self.policy.aftercare.callback_max_attempts
        checked = check_call(raw, now, last_attempt=last_attempt)
        attempt = CallbackAttempt(
            task_id=task.id,
            attempt_no=attempt_no,
            outcome=checked.outcome.value,
            script_version=SCRIPT_VERSION,
            answers=json.dumps(
                [
                    {
                        "item": item,
                        "answer": yes,
                        "question": {"zh_CN": QUESTIONS[item].zh_CN, "en": QUESTIONS[item].en},
                    }
                    for item, yes in checked.answers
                ],
                ensure_ascii=False,
            ),
            notes=checked.notes,
            next_try_at=checked.next_try_at,
            called_at=now,
            called_by=actor.user_id,
        )
        uow.session.add(attempt)
        before = task.status
        task.attempts = attempt_no
        case_reason: CaseReason | None = None
        if checked.outcome is CallOutcome.REACHED:
            task.status = CallStatus.DONE.value
            task.next_try_at = None
            if checked.failed_items:
                case_reason = CaseReason.ANSWER_NO
        elif last_attempt:
            task.status = CallStatus.UNREACHABLE.value
            task.next_try_at = None
            case_reason = CaseReason.UNREACHABLE
        else:
            task.next_try_at = checked.next_try_at
        if task.status != CallStatus.OPEN.value:
            task.closed_at = now
            task.closed_by = actor.user_id
        try:
            uow.session.flush()
        except StaleDataError as exc:  # another caller saved between our read and our write
            uow.session.rollback()
            fresh = uow.session.get(CallbackTask, task_id, populate_existing=True)
            if fresh is None:
                raise NotFound("callback_task", task_id) from exc
            raise self._concurrent_edit(uow, fresh) from exc
        changes: dict[str, tuple[Any, Any]] = {
            "sale_id": (None, task.sale_id),
            "client_id": (None, task.client_id),
            "attempt_no": (None, attempt_no),
            "outcome": (None, checked.outcome.value),
            "answers": (None, {item: "yes" if yes else "no" for item, yes in checked.answers}),
            "script_version": (None, SCRIPT_VERSION),
            "version": (expected_version, task.version),
        }
        if before != task.status:
            changes["status"] = (before, task.status)
        if checked.next_try_at is not None:
            changes["next_try_at"] = (None, checked.next_try_at.isoformat())
        audit.record(uow, actor, "callback.recorded", "callback_task", task.id, changes)
        case_id: int | None = None
        if case_reason is not None:
            case = CallbackCase(
                version=1,
                task_id=task.id,
                attempt_id=attempt.id,
                client_id=task.client_id,
                branch_id=task.branch_id,
                reason=case_reason.value,
                failed_items=",".join(checked.failed_items),
                status=CaseStatus.OPEN.value,
                opened_at=now,
            )
            uow.session.add(case)
            uow.session.flush()
            case_id = case.id
            audit.record(
                uow,
                actor,
                "callback_case.opened",
                "callback_case",
                case.id,
                {
                    "task_id": (None, task.id),
                    "client_id": (None, task.client_id),
                    "reason": (None, case_reason.value),
                    "failed_items": (None, list(checked.failed_items)),
                },
            )
        dto = self._task_dtos(uow, actor, [self._scoped_task(uow, actor, task.id)])[0]
        uow.commit()
        return CallRecorded(dto, case_id)

    @operation(Permission.CALLBACKS_RECORD)
    def reveal_phone(self, uow: UnitOfWork, actor: Actor, task_id: int) -> str:
        """The client's phone number for the caller, once the call may be made; audited like any
        reveal of personal data."""
        task = self._callable_task(uow, actor, task_id, None)
        client = uow.session.get(Client, task.client_id)
        assert client is not None
        number = self.keys.require().decrypt("phone", client.phone_enc)
        audit.record(
            uow,
            actor,
            "client.revealed",
            "client",
            client.id,
            {"field": (None, "phone"), "callback_task_id": (None, task.id)},
        )
        uow.commit()
        return number

    # -- cases ----------------------------------------------------------------------------------
    @staticmethod
    def _case_select() -> Select[*tuple[Any, ...]]:
        return (
            select(
                CallbackCase,
                CallbackTask.sale_id,
                CallbackTask.seller_id,
                Client.name.label("client_name"),
                Product.code,
                Product.name_zh,
                Product.name_en,
                CallbackAttempt.notes,
                CallbackAttempt.called_by,
            )
            .join(CallbackTask, CallbackTask.id == CallbackCase.task_id)
            .join(Client, Client.id == CallbackCase.client_id)
            .join(Product, Product.id == CallbackTask.product_id)
            .outerjoin(CallbackAttempt, CallbackAttempt.id == CallbackCase.attempt_id)
        )

    @staticmethod
    def _case_scope(actor: Actor) -> ColumnElement[bool]:
        """Supervisors the branch, compliance all, advisers the cases of their own clients."""
        if actor.role is Role.ADVISER:
            return visible_to(actor)
        return _branch_scope(actor, CallbackCase.branch_id)

    def _case_dtos(
        self, uow: UnitOfWork, actor: Actor, rows: Sequence[Any]
    ) -> list[CallbackCaseDTO]:
        names = user_names(
            uow,
            {r.seller_id for r in rows}
            | {r.called_by for r in rows}
            | {r[0].resolved_by for r in rows},
        )
        result = []
        for r in rows:
            case: CallbackCase = r[0]
            items = tuple(i for i in case.failed_items.split(",") if i)
            result.append(
                CallbackCaseDTO(
                    id=case.id,
                    version=case.version,
                    task_id=case.task_id,
                    sale_id=r.sale_id,
                    client_id=case.client_id,
                    client_name=r.client_name,
                    product_code=r.code,
                    product_name=_product_name(r.name_zh, r.name_en),
                    seller_name=names.get(r.seller_id, "?"),
                    reason=CaseReason(case.reason),
                    failed_items=items,
                    failed_questions=tuple(QUESTIONS[i] for i in items if i in QUESTIONS),
                    notes=r.notes or "",
                    called_by=names.get(r.called_by) if r.called_by is not None else None,
                    status=CaseStatus(case.status),
                    opened_at=case.opened_at,
                    resolved_by=names.get(case.resolved_by)
                    if case.resolved_by is not None
                    else None,
                    resolved_at=case.resolved_at,
                    resolution=case.resolution,
                    may_resolve=case.status == CaseStatus.OPEN.value
                    and may_resolve(actor, case.branch_id, r.seller_id),
                )
            )
        return result

    @operation(Permission.CALLBACKS_VIEW, read_only=True)
    def cases(
        self, uow: UnitOfWork, actor: Actor, *, status: CaseStatus | None = None
    ) -> list[CallbackCaseDTO]:
        """Open cases first (oldest first), then resolved ones (latest first)."""
        statement = self._case_select().where(self._case_scope(actor))
        if status is not None:
            statement = statement.where(CallbackCase.status == status.value)
        rows = uow.session.execute(
            statement.order_by(CallbackCase.status, CallbackCase.opened_at, CallbackCase.id)
        ).all()
        dtos = self._case_dtos(uow, actor, rows)
        open_ = [d for d in dtos if d.status is CaseStatus.OPEN]
        resolved = sorted(
            (d for d in dtos if d.status is not CaseStatus.OPEN),
            key=lambda d: (d.resolved_at or d.opened_at, d.id),
            reverse=True,
        )
        return open_ + resolved

    @operation(Permission.CALLBACK_CASES_RESOLVE)
    def resolve_case(
        self,
        uow: UnitOfWork,
        actor: Actor,
        case_id: int,
        expected_version: int,
        resolution: str,
    ) -> CallbackCaseDTO:
        """A supervisor of the branch, not the seller, says what was done; then it is closed."""
        row = uow.session.execute(
            self._case_select()
            .where(CallbackCase.id == case_id, _branch_scope(actor, CallbackCase.branch_id))
            .with_for_update(of=CallbackCase)
        ).first()
        if row is None:
            raise NotFound("callback_case", case_id)
        case: CallbackCase = row[0]
        if case.status != CaseStatus.OPEN.value:
            raise Conflict("this case is already resolved", reason="case_resolved")
        if case.version != expected_version:
            who = user_names(uow, {case.resolved_by}).get(case.resolved_by or 0, "?")
            raise ConcurrentEdit(who, case.resolved_at, ["status"], case.version)
        if actor.user_id == row.seller_id:
            raise Conflict(
                "the supervisor who made the sale may not resolve its case",
                reason="case_own_sale",
            )
        text = check_note(resolution, "resolution")
        now = uow.clock()
        case.status = CaseStatus.RESOLVED.value
        case.resolution = text
        case.resolved_by = actor.user_id
        case.resolved_at = now
        try:
            uow.session.flush()
        except StaleDataError as exc:
            uow.session.rollback()
            raise Conflict("this case is already resolved", reason="case_resolved") from exc
        audit.record(
            uow,
            actor,
            "callback_case.resolved",
            "callback_case",
            case.id,
            {
                "task_id": (None, case.task_id),
                "client_id": (None, case.client_id),
                "status": (CaseStatus.OPEN.value, CaseStatus.RESOLVED.value),
                "resolution": (None, text),
                "version": (expected_version, case.version),
            },
        )
        dto = self._case_dtos(
            uow,
            actor,
            [uow.session.execute(self._case_select().where(CallbackCase.id == case_id)).one()],
        )[0]
        uow.commit()
        return dto
