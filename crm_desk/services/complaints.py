"""Complaints (投诉): register, investigate, resolve, answer; extend, reassign, reopen.

Every change is a new row of the append-only stage history and an audit event, in one
transaction; the complaint row keeps the current state for the lists (optimistic locking on its
version). The deadline arithmetic lives in domain/complaints.py.

Who sees a complaint: compliance every one; a supervisor those of the branch (and any they
handle); an adviser those they handle and — unless it touches personal data — those of the
clients they serve, or of a non-client complainant they registered. Who handles it: never the
adviser complained about nor the one who sold the product concerned; refused here, whatever the
screen offers. Only the handler moves it through the stages; a supervisor reassigns it and
approves the further extension (never their own complaint's: four eyes).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select, true
from sqlalchemy.orm.exc import StaleDataError

from crm_desk.db.models import Client, Product, User
from crm_desk.db.models_complaints import Complaint, ComplaintStage
from crm_desk.db.models_sales import Sale
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.audit import mask_text
from crm_desk.domain.complaints import (
    OPEN_STATUSES,
    AnswerInput,
    AnswerMethod,
    CheckedComplaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintInput,
    ComplaintPolicy,
    ComplaintStatus,
    Decision,
    ResolutionInput,
    RootCause,
    StageKind,
    answered_on_time,
    check_reason,
    deadline_state,
    due_day,
    local_day,
    needs_supervisor,
    next_extension,
    separation_problem,
    validate_answer,
    validate_complaint,
    validate_resolution,
)
from crm_desk.domain.errors import (
    ConcurrentEdit,
    Conflict,
    NotFound,
    PermissionDenied,
    Problem,
    ValidationError,
)
from crm_desk.domain.roles import Role
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.client_dto import TimelineEntry
from crm_desk.services.clients import user_names, visible_client
from crm_desk.services.complaint_dto import (
    ComplaintChoices,
    ComplaintDetail,
    ComplaintRow,
    DeadlineCounts,
    PersonChoice,
    ProductChoice,
    SaleChoice,
    StageDTO,
)
from crm_desk.services.keys import KeyService
from crm_desk.services.permissions import Permission, operation

HANDLER_ROLES = (Role.ADVISER.value, Role.SUPERVISOR.value)
CONTACT_FIELD = "complainant_contact"
ANSWERED_SHOWN = 500  # answered complaints a list shows, the latest first


def complaint_visible(actor: Actor) -> ColumnElement[bool]:
    """The complaints the actor may see; the query must outer-join Client on client_id."""
    if actor.is_system or actor.role is Role.COMPLIANCE:
        return true()
    if actor.role is Role.SUPERVISOR:
        return or_(Complaint.branch_id == actor.branch_id, Complaint.handler_id == actor.user_id)
    if actor.role is Role.ADVISER:
        return or_(
            Complaint.handler_id == actor.user_id,
            and_(
                Complaint.personal_data.is_(False),
                or_(
                    Client.adviser_id == actor.user_id,
                    and_(
                        Complaint.client_id.is_(None),
                        Complaint.registered_by == actor.user_id,
                    ),
                ),
            ),
        )
    return false()


def visible_complaint(uow: UnitOfWork, actor: Actor, complaint_id: int) -> Complaint:
    """The complaint, if the actor may see it; NotFound otherwise (never "exists, not yours")."""
    complaint = uow.session.execute(
        select(Complaint)
        .outerjoin(Client, Client.id == Complaint.client_id)
        .where(Complaint.id == complaint_id, complaint_visible(actor))
    ).scalar_one_or_none()
    if complaint is None:
        raise NotFound("complaint", complaint_id)
    return complaint


def _first_line(text: str, limit: int = 80) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


class ComplaintService(Service):
    keys: KeyService

    # -- helpers shared by the operations ----------------------------------------------------------
    @property
    def _policy(self) -> ComplaintPolicy:
        return self.policy.complaints

    def _today(self, uow: UnitOfWork) -> date:
        return local_day(uow.clock(), self._policy.zone)

    def _seller_id(self, uow: UnitOfWork, complaint: Complaint) -> int | None:
        if complaint.sale_id is None:
            return None
        return uow.session.execute(
            select(Sale.adviser_id).where(Sale.id == complaint.sale_id)
        ).scalar_one_or_none()

    def _handler_problem(
        self,
        uow: UnitOfWork,
        handler_id: int | None,
        branch_id: int,
        subject_adviser_id: int | None,
        seller_id: int | None,
    ) -> Problem | None:
        if handler_id is None:
            return Problem("handler.required", "Choose who handles the complaint.")
        user = uow.session.get(User, handler_id)
        if (
            user is None
            or not user.is_active
            or user.role not in HANDLER_ROLES
            or user.branch_id != branch_id
        ):
            return Problem(
                "handler.unknown", "Choose an active adviser or supervisor of the branch."
            )
        return separation_problem(handler_id, subject_adviser_id, seller_id)

    def _changeable(
        self, uow: UnitOfWork, actor: Actor, complaint_id: int, expected_version: int
    ) -> Complaint:
        complaint = visible_complaint(uow, actor, complaint_id)
        if complaint.version != expected_version:
            raise self._concurrent_edit(uow, complaint)
        return complaint

    def _as_handler(
        self,
        uow: UnitOfWork,
        actor: Actor,
        complaint_id: int,
        expected_version: int,
        *statuses: ComplaintStatus,
    ) -> Complaint:
        complaint = self._changeable(uow, actor, complaint_id, expected_version)
        if complaint.handler_id != actor.user_id:
            raise PermissionDenied("change a complaint handled by someone else", actor.role.value)
        if ComplaintStatus(complaint.status) not in statuses:
            raise Conflict(f"the complaint is {complaint.status}", reason="complaint_stage")
        return complaint

    @staticmethod
    def _concurrent_edit(uow: UnitOfWork, complaint: Complaint) -> ConcurrentEdit:
        last = uow.session.execute(
            select(ComplaintStage, User.full_name)
            .join(User, User.id == ComplaintStage.actor_id)
            .where(ComplaintStage.complaint_id == complaint.id)
            .order_by(ComplaintStage.id.desc())
            .limit(1)
        ).first()
        if last is None:
            return ConcurrentEdit("?", None, [], complaint.version)
        stage, who = last
        return ConcurrentEdit(who, stage.occurred_at, [stage.stage], complaint.version)

    def _save(self, uow: UnitOfWork, complaint: Complaint) -> None:
        complaint.updated_at = uow.clock()
        try:
            uow.session.flush()
        except StaleDataError as exc:  # saved by someone else between our read and our write
            uow.session.rollback()
            fresh = uow.session.get(Complaint, complaint.id, populate_existing=True)
            if fresh is None:
                raise NotFound("complaint", complaint.id) from exc
            raise self._concurrent_edit(uow, fresh) from exc

    def _stage(
        self, uow: UnitOfWork, actor: Actor, complaint: Complaint, kind: StageKind, **values: Any
    ) -> ComplaintStage:
        assert actor.user_id is not None
        row = ComplaintStage(
            complaint_id=complaint.id,
            round=complaint.round,
            stage=kind.value,
            occurred_at=uow.clock(),
            actor_id=actor.user_id,
            handler_id=complaint.handler_id,
            due_date=complaint.due_date,
            extension_level=complaint.extension_level,
            note=values.pop("note", ""),
            **values,
        )
        uow.session.add(row)
        uow.session.flush()
        return row

    # -- DTOs ------------------------------------------------------------------------------------
    def _rows(self, uow: UnitOfWork, complaints: Sequence[Complaint]) -> list[ComplaintRow]:
        clients = {
            r.id: r.name
            for r in uow.session.execute(
                select(Client.id, Client.name).where(
                    Client.id.in_({c.client_id for c in complaints if c.client_id is not None})
                )
            )
        }
        products = {
            r.id: r.name_zh
            for r in uow.session.execute(
                select(Product.id, Product.name_zh).where(
                    Product.id.in_({c.product_id for c in complaints if c.product_id is not None})
                )
            )
        }
        names = user_names(uow, {c.handler_id for c in complaints})
        today = self._today(uow)
        return [self._row(c, clients, products, names, today) for c in complaints]

    def _row(
        self,
        c: Complaint,
        clients: dict[int, str],
        products: dict[int, str],
        names: dict[int, str],
        today: date,
    ) -> ComplaintRow:
        status = ComplaintStatus(c.status)
        open_ = status is not ComplaintStatus.ANSWERED
        complainant = (
            clients.get(c.client_id, "?") if c.client_id is not None else c.complainant_name or ""
        )
        return ComplaintRow(
            id=c.id,
            version=c.version,
            status=status,
            category=ComplaintCategory(c.category),
            channel=ComplaintChannel(c.channel),
            client_id=c.client_id,
            complainant=complainant,
            is_group=c.is_group,
            personal_data=c.personal_data,
            handler_id=c.handler_id,
            handler_name=names.get(c.handler_id, "?"),
            accepted_at=c.accepted_at,
            round=c.round,
            due_date=c.due_date,
            extension_level=c.extension_level,
            deadline_state=deadline_state(c.due_date, today, self._policy) if open_ else None,
            days_left=(c.due_date - today).days if open_ else None,
            product_name=products.get(c.product_id, "") if c.product_id is not None else "",
            summary=_first_line(c.description),
        )

    def _detail(self, uow: UnitOfWork, actor: Actor, c: Complaint) -> ComplaintDetail:
        row = self._rows(uow, [c])[0]
        stages = (
            uow.session.execute(
                select(ComplaintStage)
                .where(ComplaintStage.complaint_id == c.id)
                .order_by(ComplaintStage.id)
            )
            .scalars()
            .all()
        )
        sale = uow.session.get(Sale, c.sale_id) if c.sale_id is not None else None
        seller_id = sale.adviser_id if sale is not None else None
        names = user_names(
            uow,
            {c.subject_adviser_id, seller_id, c.registered_by}
            | {s.actor_id for s in stages}
            | {s.handler_id for s in stages},
        )
        sale_summary = ""
        if sale is not None:
            product = uow.session.get(Product, sale.product_id)
            sale_summary = (
                f"#{sale.id} {product.name_zh if product else '?'} · "
                f"{sale.amount:,.2f} {sale.currency} · {sale.recorded_at.date().isoformat()}"
            )
        contact = ""
        if c.complainant_contact_enc:
            contact = self.keys.require().decrypt(CONTACT_FIELD, c.complainant_contact_enc)
        today = self._today(uow)
        status = ComplaintStatus(c.status)
        open_ = status in OPEN_STATUSES
        handler = actor.user_id == c.handler_id and actor.role in (Role.ADVISER, Role.SUPERVISOR)
        supervisor = actor.role is Role.SUPERVISOR and actor.branch_id == c.branch_id
        level, refused = next_extension(c.extension_level, c.due_date, today, self._policy)
        further = needs_supervisor(level)
        may_extend = (
            open_
            and refused is None
            and ((handler and not further) or (further and supervisor and not handler))
        )
        return ComplaintDetail(
            row=row,
            description=c.description,
            complainant_contact=contact,
            group_size=c.group_size,
            representatives=c.representatives,
            sale_id=c.sale_id,
            sale_summary=sale_summary,
            product_id=c.product_id,
            amount_in_dispute=c.amount_in_dispute,
            subject_adviser_id=c.subject_adviser_id,
            subject_adviser_name=names.get(c.subject_adviser_id or 0, ""),
            seller_id=seller_id,
            seller_name=names.get(seller_id or 0, ""),
            registered_by=names.get(c.registered_by, "?"),
            resolved_at=c.resolved_at,
            answered_at=c.answered_at,
            today=today,
            stages=tuple(self._stage_dto(s, names) for s in stages),
            may_handle=handler and open_,
            may_extend=may_extend,
            extension_needs_supervisor=further and refused is None,
            may_reassign=supervisor and open_,
            may_reopen=(handler or supervisor) and status is ComplaintStatus.ANSWERED,
        )

    @staticmethod
    def _stage_dto(s: ComplaintStage, names: dict[int, str]) -> StageDTO:
        return StageDTO(
            id=s.id,
            round=s.round,
            stage=StageKind(s.stage),
            occurred_at=s.occurred_at,
            actor_name=names.get(s.actor_id, "?"),
            handler_name=names.get(s.handler_id, "?"),
            due_date=s.due_date,
            extension_level=s.extension_level,
            note=s.note,
            decision=Decision(s.decision) if s.decision else None,
            reasoning=s.reasoning,
            root_cause=RootCause(s.root_cause) if s.root_cause else None,
            root_cause_text=s.root_cause_text,
            corrective_action=s.corrective_action,
            answer_method=AnswerMethod(s.answer_method) if s.answer_method else None,
            told_at=s.told_at,
            client_response=s.client_response,
            satisfaction=s.satisfaction,
            outcome_accepted=s.outcome_accepted,
            on_time=s.on_time,
        )

    # -- registering ---------------------------------------------------------------------------
    def _registration_facts(
        self, uow: UnitOfWork, actor: Actor, raw: ComplaintInput
    ) -> tuple[CheckedComplaint, int, int | None, int | None]:
        """Checks against stored data, reported with the form's own problems: the checked
        complaint, its branch, the product concerned and the selling adviser."""
        problems: dict[str, Problem] = {}
        branch_id = actor.branch_id
        sale: Sale | None = None
        if raw.client_id is not None:
            client = visible_client(uow, actor, raw.client_id)
            branch_id = client.branch_id
        if raw.sale_id is not None:
            sale = uow.session.get(Sale, raw.sale_id)
            if sale is None or raw.client_id is None or sale.client_id != raw.client_id:
                problems["sale_id"] = Problem(
                    "complaint.sale_unknown", "Choose one of the client's sales."
                )
                sale = None
        product_id = sale.product_id if sale is not None else raw.product_id
        if raw.product_id is not None and sale is None:
            if uow.session.get(Product, raw.product_id) is None:
                problems["product_id"] = Problem("choice.unknown", "Choose from the list.")
        if raw.subject_adviser_id is not None:
            subject = uow.session.get(User, raw.subject_adviser_id)
            if subject is None or subject.role not in HANDLER_ROLES:
                problems["subject_adviser_id"] = Problem("choice.unknown", "Choose from the list.")
        assert branch_id is not None
        handler_id = raw.handler_id if raw.handler_id is not None else actor.user_id
        seller_id = sale.adviser_id if sale is not None else None
        problem = self._handler_problem(
            uow, handler_id, branch_id, raw.subject_adviser_id, seller_id
        )
        if problem is not None:
            problems["handler_id"] = problem
        checked = validate_complaint(raw, problems)
        return checked, branch_id, product_id, handler_id

    @operation(Permission.COMPLAINTS_HANDLE)
    def register(self, uow: UnitOfWork, actor: Actor, raw: ComplaintInput) -> ComplaintDetail:
        """Accept a complaint: the acceptance (now) starts the clock, due ``decision_days``
        branch days later. The handler defaults to the person registering it."""
        checked, branch_id, product_id, handler_id = self._registration_facts(uow, actor, raw)
        assert actor.user_id is not None and handler_id is not None
        now = uow.clock()
        policy = self._policy
        start = local_day(now, policy.zone)
        contact = (
            self.keys.for_writing(uow).encrypt(CONTACT_FIELD, checked.complainant_contact)
            if checked.complainant_contact
            else None
        )
        complaint = Complaint(
            client_id=checked.client_id,
            complainant_name=checked.complainant_name or None,
            complainant_contact_enc=contact,
            is_group=checked.is_group,
            group_size=checked.group_size,
            representatives=checked.representatives,
            branch_id=branch_id,
            channel=checked.channel.value,
            category=checked.category.value,
            description=checked.description,
            sale_id=checked.sale_id,
            product_id=product_id,
            amount_in_dispute=checked.amount_in_dispute,
            subject_adviser_id=checked.subject_adviser_id,
            personal_data=checked.personal_data,
            handler_id=handler_id,
            status=ComplaintStatus.ACCEPTED.value,
            accepted_at=now,
            registered_by=actor.user_id,
            round=1,
            round_started_at=now,
            due_date=due_day(start, policy, 0),
            extension_level=0,
            updated_at=now,
        )
        uow.session.add(complaint)
        uow.session.flush()
        self._stage(uow, actor, complaint, StageKind.ACCEPTED)
        changes: dict[str, tuple[Any, Any]] = {
            "client_id": (None, checked.client_id),
            "channel": (None, checked.channel.value),
            "category": (None, checked.category.value),
            "description": (None, checked.description),
            "handler_id": (None, handler_id),
            "due_date": (None, complaint.due_date.isoformat()),
            "personal_data": (None, checked.personal_data),
        }
        optional = {
            "complainant_name": checked.complainant_name or None,
            "complainant_contact": mask_text(checked.complainant_contact)
            if checked.complainant_contact
            else None,
            "is_group": checked.is_group or None,
            "group_size": checked.group_size,
            "representatives": checked.representatives or None,
            "sale_id": checked.sale_id,
            "product_id": product_id,
            "amount_in_dispute": str(checked.amount_in_dispute)
            if checked.amount_in_dispute is not None
            else None,
            "subject_adviser_id": checked.subject_adviser_id,
        }
        changes.update({k: (None, v) for k, v in optional.items() if v is not None})
        audit.record(uow, actor, "complaint.accepted", "complaint", complaint.id, changes)
        dto = self._detail(uow, actor, complaint)
        uow.commit()
        return dto

    # -- the stages ------------------------------------------------------------------------------
    @operation(Permission.COMPLAINTS_HANDLE)
    def start_investigation(
        self, uow: UnitOfWork, actor: Actor, complaint_id: int, expected_version: int, note: str
    ) -> ComplaintDetail:
        """Accepted → investigating; the note (optional) says what will be looked at."""
        complaint = self._as_handler(
            uow, actor, complaint_id, expected_version, ComplaintStatus.ACCEPTED
        )
        text = " ".join(note.split())
        if len(text) > 4000:
            raise ValidationError(
                {"note": Problem("text.too_long", "Use 4000 characters at most.", {"max": 4000})}
            )
        before = complaint.version
        complaint.status = ComplaintStatus.INVESTIGATING.value
        self._save(uow, complaint)
        self._stage(uow, actor, complaint, StageKind.INVESTIGATING, note=text)
        audit.record(
            uow,
            actor,
            "complaint.investigating",
            "complaint",
            complaint.id,
            {
                "status": (ComplaintStatus.ACCEPTED.value, ComplaintStatus.INVESTIGATING.value),
                "note": (None, text or None),
                "version": (before, complaint.version),
            },
        )
        dto = self._detail(uow, actor, complaint)
        uow.commit()
        return dto

    @operation(Permission.COMPLAINTS_HANDLE)
    def resolve(
        self,
        uow: UnitOfWork,
        actor: Actor,
        complaint_id: int,
        expected_version: int,
        raw: ResolutionInput,
    ) -> ComplaintDetail:
        """Investigating → resolved: the decision with its reasoning, the root cause and the
        corrective action. The clock runs on until the client is told."""
        complaint = self._as_handler(
            uow, actor, complaint_id, expected_version, ComplaintStatus.INVESTIGATING
        )
        checked = validate_resolution(raw)
        before = complaint.version
        complaint.status = ComplaintStatus.RESOLVED.value
        complaint.resolved_at = uow.clock()
        self._save(uow, complaint)
        self._stage(
            uow,
            actor,
            complaint,
            StageKind.RESOLVED,
            decision=checked.decision.value,
            reasoning=checked.reasoning,
            root_cause=checked.root_cause.value,
            root_cause_text=checked.root_cause_text,
            corrective_action=checked.corrective_action,
        )
        audit.record(
            uow,
            actor,
            "complaint.resolved",
            "complaint",
            complaint.id,
            {
                "status": (ComplaintStatus.INVESTIGATING.value, ComplaintStatus.RESOLVED.value),
                "decision": (None, checked.decision.value),
                "reasoning": (None, checked.reasoning),
                "root_cause": (None, checked.root_cause.value),
                "root_cause_text": (None, checked.root_cause_text),
                "corrective_action": (None, checked.corrective_action),
                "version": (before, complaint.version),
            },
        )
        dto = self._detail(uow, actor, complaint)
        uow.commit()
        return dto

    @operation(Permission.COMPLAINTS_HANDLE)
    def answer(
        self,
        uow: UnitOfWork,
        actor: Actor,
        complaint_id: int,
        expected_version: int,
        raw: AnswerInput,
    ) -> ComplaintDetail:
        """Resolved → answered (closed): how and when the client was told, their response,
        satisfaction and whether they accepted the outcome. Stops the clock."""
        complaint = self._as_handler(
            uow, actor, complaint_id, expected_version, ComplaintStatus.RESOLVED
        )
        assert complaint.resolved_at is not None
        checked = validate_answer(raw, now=uow.clock(), resolved_at=complaint.resolved_at)
        on_time = answered_on_time(checked.told_at, complaint.due_date, self._policy.zone)
        before = complaint.version
        complaint.status = ComplaintStatus.ANSWERED.value
        complaint.answered_at = checked.told_at
        self._save(uow, complaint)
        self._stage(
            uow,
            actor,
            complaint,
            StageKind.ANSWERED,
            answer_method=checked.method.value,
            told_at=checked.told_at,
            client_response=checked.client_response,
            satisfaction=checked.satisfaction,
            outcome_accepted=checked.outcome_accepted,
            on_time=on_time,
        )
        audit.record(
            uow,
            actor,
            "complaint.answered",
            "complaint",
            complaint.id,
            {
                "status": (ComplaintStatus.RESOLVED.value, ComplaintStatus.ANSWERED.value),
                "answer_method": (None, checked.method.value),
                "told_at": (None, checked.told_at.isoformat()),
                "client_response": (None, checked.client_response),
                "satisfaction": (None, checked.satisfaction),
                "outcome_accepted": (None, checked.outcome_accepted),
                "on_time": (None, on_time),
                "version": (before, complaint.version),
            },
        )
        dto = self._detail(uow, actor, complaint)
        uow.commit()
        return dto

    @operation(Permission.COMPLAINTS_HANDLE)
    def extend(
        self,
        uow: UnitOfWork,
        actor: Actor,
        complaint_id: int,
        expected_version: int,
        reason: str,
    ) -> ComplaintDetail:
        """Extend the current round's deadline, with a reason: first (a complex case) by the
        handler; the further extension only by a supervisor of the branch who is not the
        handler (their approval). Refused once overdue or at the maximum."""
        complaint = self._changeable(uow, actor, complaint_id, expected_version)
        if ComplaintStatus(complaint.status) not in OPEN_STATUSES:
            raise Conflict(f"the complaint is {complaint.status}", reason="complaint_stage")
        text = check_reason(reason)
        level, refused = next_extension(
            complaint.extension_level, complaint.due_date, self._today(uow), self._policy
        )
        if refused is not None:
            raise Conflict(
                "the deadline cannot be extended", reason=refused, max_days=self._policy.max_days
            )
        if needs_supervisor(level):
            if actor.role is not Role.SUPERVISOR or actor.branch_id != complaint.branch_id:
                raise PermissionDenied(
                    "grant the further extension (a supervisor of the branch approves it)",
                    actor.role.value,
                )
            if complaint.handler_id == actor.user_id:
                raise Conflict(
                    "a supervisor cannot approve the extension of a complaint they handle",
                    reason="extension_own",
                )
        elif complaint.handler_id != actor.user_id:
            raise PermissionDenied("change a complaint handled by someone else", actor.role.value)
        start = local_day(complaint.round_started_at, self._policy.zone)
        before_due, before_level, before_version = (
            complaint.due_date,
            complaint.extension_level,
            complaint.version,
        )
        complaint.extension_level = level
        complaint.due_date = due_day(start, self._policy, level)
        self._save(uow, complaint)
        self._stage(uow, actor, complaint, StageKind.EXTENDED, note=text)
        audit.record(
            uow,
            actor,
            "complaint.extended",
            "complaint",
            complaint.id,
            {
                "due_date": (before_due.isoformat(), complaint.due_date.isoformat()),
                "extension_level": (before_level, level),
                "reason": (None, text),
                "version": (before_version, complaint.version),
            },
        )
        dto = self._detail(uow, actor, complaint)
        uow.commit()
        return dto

    @operation(Permission.COMPLAINTS_SUPERVISE)
    def reassign(
        self,
        uow: UnitOfWork,
        actor: Actor,
        complaint_id: int,
        expected_version: int,
        handler_id: int,
        reason: str,
    ) -> ComplaintDetail:
        """A supervisor of the branch gives an open complaint to another handler."""
        complaint = self._changeable(uow, actor, complaint_id, expected_version)
        if actor.branch_id != complaint.branch_id:
            raise PermissionDenied("reassign another branch's complaint", actor.role.value)
        if ComplaintStatus(complaint.status) not in OPEN_STATUSES:
            raise Conflict(f"the complaint is {complaint.status}", reason="complaint_stage")
        problems: dict[str, Problem] = {}
        problem = self._handler_problem(
            uow,
            handler_id,
            complaint.branch_id,
            complaint.subject_adviser_id,
            self._seller_id(uow, complaint),
        )
        if problem is None and handler_id == complaint.handler_id:
            problem = Problem("handler.same", "Choose someone other than the current handler.")
        if problem is not None:
            problems["handler_id"] = problem
        try:
            text = check_reason(reason)
        except ValidationError as exc:
            problems.update(exc.problems)
            text = ""
        if problems:
            raise ValidationError(problems)
        before, before_version = complaint.handler_id, complaint.version
        complaint.handler_id = handler_id
        self._save(uow, complaint)
        self._stage(uow, actor, complaint, StageKind.REASSIGNED, note=text)
        audit.record(
            uow,
            actor,
            "complaint.reassigned",
            "complaint",
            complaint.id,
            {
                "handler_id": (before, handler_id),
                "reason": (None, text),
                "version": (before_version, complaint.version),
            },
        )
        dto = self._detail(uow, actor, complaint)
        uow.commit()
        return dto

    @operation(Permission.COMPLAINTS_HANDLE)
    def reopen(
        self,
        uow: UnitOfWork,
        actor: Actor,
        complaint_id: int,
        expected_version: int,
        reason: str,
    ) -> ComplaintDetail:
        """An answered complaint comes back (the client disputes the answer, new facts): a new
        round starts today with its own clock; the earlier rounds stay on file unchanged. The
        handler or a supervisor of the branch reopens it; it goes straight to investigating."""
        complaint = self._changeable(uow, actor, complaint_id, expected_version)
        supervisor = actor.role is Role.SUPERVISOR and actor.branch_id == complaint.branch_id
        if complaint.handler_id != actor.user_id and not supervisor:
            raise PermissionDenied("reopen a complaint handled by someone else", actor.role.value)
        if complaint.status != ComplaintStatus.ANSWERED.value:
            raise Conflict("only an answered complaint can be reopened", reason="complaint_open")
        text = check_reason(reason)
        now = uow.clock()
        before_round, before_due, before_version = (
            complaint.round,
            complaint.due_date,
            complaint.version,
        )
        complaint.round += 1
        complaint.round_started_at = now
        complaint.extension_level = 0
        complaint.due_date = due_day(local_day(now, self._policy.zone), self._policy, 0)
        complaint.status = ComplaintStatus.INVESTIGATING.value
        complaint.resolved_at = None
        complaint.answered_at = None
        self._save(uow, complaint)
        self._stage(uow, actor, complaint, StageKind.REOPENED, note=text)
        audit.record(
            uow,
            actor,
            "complaint.reopened",
            "complaint",
            complaint.id,
            {
                "status": (ComplaintStatus.ANSWERED.value, ComplaintStatus.INVESTIGATING.value),
                "round": (before_round, complaint.round),
                "due_date": (before_due.isoformat(), complaint.due_date.isoformat()),
                "reason": (None, text),
                "version": (before_version, complaint.version),
            },
        )
        dto = self._detail(uow, actor, complaint)
        uow.commit()
        return dto

    # -- reading ---------------------------------------------------------------------------------
    def timeline_provider(
        self, uow: UnitOfWork, actor: Actor, client_id: int
    ) -> list[TimelineEntry]:
        """For ClientService.timeline_providers (the caller checked the client is visible): each
        complaint the actor may see, at its acceptance; title = the description's first line,
        ref_id = the complaint's id."""
        rows = (
            uow.session.execute(
                select(Complaint)
                .outerjoin(Client, Client.id == Complaint.client_id)
                .where(Complaint.client_id == client_id, complaint_visible(actor))
            )
            .scalars()
            .all()
        )
        names = user_names(uow, {c.registered_by for c in rows})
        return [
            TimelineEntry(
                when=c.accepted_at,
                kind="complaint",
                title=_first_line(c.description),
                detail=c.description,
                by=names.get(c.registered_by, "?"),
                ref_id=c.id,
            )
            for c in rows
        ]

    @operation(Permission.COMPLAINTS_VIEW, read_only=True)
    def get(self, uow: UnitOfWork, actor: Actor, complaint_id: int) -> ComplaintDetail:
        return self._detail(uow, actor, visible_complaint(uow, actor, complaint_id))

    @operation(Permission.COMPLAINTS_VIEW, read_only=True)
    def complaints(
        self,
        uow: UnitOfWork,
        actor: Actor,
        *,
        open_only: bool = False,
        client_id: int | None = None,
        mine: bool = False,
        answered_limit: int = ANSWERED_SHOWN,
    ) -> list[ComplaintRow]:
        """Complaints within reach: every open one by due day, then the latest
        ``answered_limit`` answered ones, latest first (years of closed complaints are for the
        reports, not the list). ``client_id``: one client's (who must be visible); ``mine``:
        those the actor handles."""
        statement = (
            select(Complaint)
            .outerjoin(Client, Client.id == Complaint.client_id)
            .where(complaint_visible(actor))
        )
        if client_id is not None:
            visible_client(uow, actor, client_id)
            statement = statement.where(Complaint.client_id == client_id)
        if mine:
            statement = statement.where(Complaint.handler_id == actor.user_id)
        open_values = [s.value for s in OPEN_STATUSES]
        found = list(
            uow.session.execute(
                statement.where(Complaint.status.in_(open_values)).order_by(
                    Complaint.due_date, Complaint.id
                )
            )
            .scalars()
            .all()
        )
        if not open_only:
            found += (
                uow.session.execute(
                    statement.where(Complaint.status == ComplaintStatus.ANSWERED.value)
                    .order_by(Complaint.accepted_at.desc(), Complaint.id.desc())
                    .limit(answered_limit)
                )
                .scalars()
                .all()
            )
        return self._rows(uow, found)

    @operation(Permission.COMPLAINTS_VIEW, read_only=True)
    def deadline_counts(self, uow: UnitOfWork, actor: Actor) -> DeadlineCounts:
        """Open complaints within reach that are overdue or due soon (one query)."""
        today = self._today(uow)
        soon = date.fromordinal(today.toordinal() + self._policy.due_soon_days)
        due = Complaint.due_date
        row = uow.session.execute(
            select(
                func.count(),
                func.count().filter(due < today),
                func.count().filter(and_(due >= today, due <= soon)),
            )
            .select_from(Complaint)
            .outerjoin(Client, Client.id == Complaint.client_id)
            .where(
                complaint_visible(actor),
                Complaint.status.in_([s.value for s in OPEN_STATUSES]),
            )
        ).one()
        return DeadlineCounts(open=row[0], overdue=row[1], due_soon=row[2])

    @operation(Permission.COMPLAINTS_VIEW, read_only=True)
    def choices(
        self, uow: UnitOfWork, actor: Actor, client_id: int | None = None
    ) -> ComplaintChoices:
        """What the registration and reassignment forms offer."""
        branch_id = actor.branch_id
        sales: list[SaleChoice] = []
        if client_id is not None:
            client = visible_client(uow, actor, client_id)
            branch_id = client.branch_id
            rows = uow.session.execute(
                select(Sale, Product.name_zh, User.full_name)
                .join(Product, Product.id == Sale.product_id)
                .join(User, User.id == Sale.adviser_id)
                .where(Sale.client_id == client.id)
                .order_by(Sale.recorded_at.desc(), Sale.id.desc())
            ).all()
            sales = [
                SaleChoice(
                    s.id, s.product_id, name, s.amount, s.currency, s.recorded_at, s.adviser_id, who
                )
                for s, name, who in rows
            ]
        people = uow.session.execute(
            select(User.id, User.full_name, User.role, User.is_active)
            .where(User.branch_id == branch_id, User.role.in_(HANDLER_ROLES))
            .order_by(User.full_name, User.id)
        ).all()
        products = uow.session.execute(
            select(Product.id, Product.code, Product.name_zh).order_by(Product.code)
        ).all()
        return ComplaintChoices(
            handlers=tuple(
                PersonChoice(p.id, p.full_name, Role(p.role)) for p in people if p.is_active
            ),
            advisers=tuple(PersonChoice(p.id, p.full_name, Role(p.role)) for p in people),
            sales=tuple(sales),
            products=tuple(ProductChoice(p.id, p.code, p.name_zh) for p in products),
        )
