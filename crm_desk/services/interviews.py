"""Interviews (面谈记录) and follow-ups: record (never edit: a correction is a new interview), list,
the timeline, "my follow-ups", and completing or snoozing a follow-up under optimistic locking."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from crm_desk.db.models import AuditEvent, Client, FollowUp, Interview, User
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.audit import canonical_json
from crm_desk.domain.errors import (
    ConcurrentEdit,
    Conflict,
    NotFound,
    PermissionDenied,
    Problem,
)
from crm_desk.domain.interviews import (
    Channel,
    CheckedInterview,
    DueState,
    FollowUpInput,
    FollowUpStatus,
    InterviewInput,
    check_outcome,
    check_snooze,
    due_state,
    follow_up_field,
    group_by_due_state,
    validate_interview,
)
from crm_desk.domain.roles import Role
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.client_dto import TimelineEntry
from crm_desk.services.clients import local_today, user_names, visible_client, visible_to
from crm_desk.services.interview_dto import FollowUpBoard, FollowUpDTO, InterviewDTO, OwnerChoice
from crm_desk.services.permissions import Permission, operation

OWNER_ROLES = (Role.ADVISER.value, Role.SUPERVISOR.value)


def local_day(moment: datetime) -> date:
    """The branch's calendar day of a moment (the same rule as ``local_today``)."""
    return moment.astimezone().date()


class InterviewService(Service):
    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _follow_up_dto(
        row: FollowUp, client_name: str, names: dict[int, str], today: date
    ) -> FollowUpDTO:
        status = FollowUpStatus(row.status)
        return FollowUpDTO(
            id=row.id,
            version=row.version,
            client_id=row.client_id,
            client_name=client_name,
            interview_id=row.interview_id,
            action=row.action,
            due_date=row.due_date,
            owner_id=row.owner_id,
            owner_name=names.get(row.owner_id, "?"),
            status=status,
            outcome=row.outcome,
            done_by=names.get(row.done_by) if row.done_by is not None else None,
            done_at=row.done_at,
            created_by=names.get(row.created_by, "?"),
            created_at=row.created_at,
            due_state=due_state(row.due_date, today) if status is FollowUpStatus.OPEN else None,
        )

    @staticmethod
    def _people(rows: Sequence[FollowUp]) -> set[int | None]:
        return {r.owner_id for r in rows} | {r.done_by for r in rows} | {r.created_by for r in rows}

    def _interview_dtos(
        self, uow: UnitOfWork, client: Client, interviews: Sequence[Interview]
    ) -> list[InterviewDTO]:
        ids = [i.id for i in interviews]
        follow_ups = (
            uow.session.execute(
                select(FollowUp).where(FollowUp.interview_id.in_(ids)).order_by(FollowUp.id)
            )
            .scalars()
            .all()
            if ids
            else []
        )
        corrections = {
            old: new
            for old, new in uow.session.execute(
                select(Interview.corrects_id, Interview.id).where(Interview.corrects_id.in_(ids))
            )
        }
        names = user_names(uow, self._people(follow_ups) | {i.recorded_by for i in interviews})
        today = local_today(uow)
        by_interview: dict[int, list[FollowUpDTO]] = {}
        for row in follow_ups:
            if row.interview_id is not None:
                by_interview.setdefault(row.interview_id, []).append(
                    self._follow_up_dto(row, client.name, names, today)
                )
        return [
            InterviewDTO(
                id=i.id,
                client_id=i.client_id,
                client_name=client.name,
                occurred_at=i.occurred_at,
                channel=Channel(i.channel),
                participants=i.participants,
                purpose=i.purpose,
                notes=i.notes,
                needs=i.needs,
                concerns=i.concerns,
                products_discussed=i.products_discussed,
                corrects_id=i.corrects_id,
                superseded_by_id=corrections.get(i.id),
                recorded_by_id=i.recorded_by,
                recorded_by=names.get(i.recorded_by, "?"),
                recorded_at=i.recorded_at,
                follow_ups=tuple(by_interview.get(i.id, [])),
            )
            for i in interviews
        ]

    def _owner_problems(
        self, uow: UnitOfWork, actor: Actor, client: Client, follow_ups: Sequence[FollowUpInput]
    ) -> dict[str, Problem]:
        wanted = {f.owner_id if f.owner_id is not None else actor.user_id for f in follow_ups}
        eligible = set(
            uow.session.execute(
                select(User.id).where(
                    User.id.in_([w for w in wanted if w is not None]),
                    User.is_active.is_(True),
                    User.role.in_(OWNER_ROLES),
                    User.branch_id == client.branch_id,
                )
            ).scalars()
        )
        problems: dict[str, Problem] = {}
        for index, item in enumerate(follow_ups):
            owner = item.owner_id if item.owner_id is not None else actor.user_id
            if owner not in eligible:
                problems[follow_up_field(index, "owner_id")] = Problem(
                    "owner.invalid",
                    "Choose an active adviser or supervisor of the client's branch.",
                )
        return problems

    def _correctable(self, uow: UnitOfWork, client: Client, corrects_id: int) -> Interview:
        # Locked on PostgreSQL so two simultaneous corrections of one interview cannot both land.
        old = uow.session.execute(
            select(Interview).where(Interview.id == corrects_id).with_for_update()
        ).scalar_one_or_none()
        if old is None or old.client_id != client.id:
            raise NotFound("interview", corrects_id)
        later = uow.session.execute(
            select(Interview.id).where(Interview.corrects_id == old.id).limit(1)
        ).scalar_one_or_none()
        if later is not None:
            raise Conflict(
                f"interview {old.id} was already corrected by interview {later}; "
                "correct the latest version",
                reason="interview_superseded",
                latest_id=later,
            )
        return old

    @staticmethod
    def _content_digest(checked: CheckedInterview) -> str:
        """Tamper evidence: the trail keeps a digest of the words, not the words themselves."""
        content = {
            "occurred_at": checked.occurred_at.isoformat(),
            "channel": checked.channel.value,
            "participants": checked.participants,
            "purpose": checked.purpose,
            "notes": checked.notes,
            "needs": checked.needs,
            "concerns": checked.concerns,
            "products_discussed": checked.products_discussed,
        }
        return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()

    # -- recording -----------------------------------------------------------------------------
    @operation(Permission.INTERVIEWS_RECORD)
    def record_interview(
        self,
        uow: UnitOfWork,
        actor: Actor,
        client_id: int,
        raw: InterviewInput,
        follow_ups: Sequence[FollowUpInput] = (),
        *,
        corrects_id: int | None = None,
    ) -> InterviewDTO:
        """Record an interview with its follow-up actions. With ``corrects_id`` the new interview
        corrects an earlier one of the same client, which stays on file unchanged."""
        client = visible_client(uow, actor, client_id)
        checked = validate_interview(
            raw,
            follow_ups,
            now=uow.clock(),
            local_day=local_day,
            more_problems=self._owner_problems(uow, actor, client, follow_ups),
        )
        if corrects_id is not None:
            self._correctable(uow, client, corrects_id)
        now = uow.clock()
        interview = Interview(
            client_id=client.id,
            occurred_at=checked.occurred_at,
            channel=checked.channel.value,
            participants=checked.participants,
            purpose=checked.purpose,
            notes=checked.notes,
            needs=checked.needs,
            concerns=checked.concerns,
            products_discussed=checked.products_discussed,
            corrects_id=corrects_id,
            recorded_by=actor.user_id,
            recorded_at=now,
        )
        uow.session.add(interview)
        uow.session.flush()
        rows = [
            FollowUp(
                client_id=client.id,
                interview_id=interview.id,
                action=item.action,
                due_date=item.due_date,
                owner_id=item.owner_id if item.owner_id is not None else actor.user_id,
                status=FollowUpStatus.OPEN.value,
                created_by=actor.user_id,
                created_at=now,
            )
            for item in checked.follow_ups
        ]
        uow.session.add_all(rows)
        uow.session.flush()
        changes: dict[str, tuple[Any, Any]] = {
            "client_id": (None, client.id),
            "occurred_at": (None, checked.occurred_at.isoformat()),
            "channel": (None, checked.channel.value),
            "purpose": (None, checked.purpose),
            "follow_ups": (None, len(rows)),
            "content_sha256": (None, self._content_digest(checked)),
        }
        if corrects_id is not None:
            changes["corrects_id"] = (None, corrects_id)
        action = "interview.corrected" if corrects_id is not None else "interview.recorded"
        audit.record(uow, actor, action, "interview", interview.id, changes)
        for row in rows:
            audit.record(
                uow,
                actor,
                "follow_up.created",
                "follow_up",
                row.id,
                {
                    "client_id": (None, client.id),
                    "interview_id": (None, interview.id),
                    "action": (None, row.action),
                    "due_date": (None, row.due_date.isoformat()),
                    "owner_id": (None, row.owner_id),
                },
            )
        dto = self._interview_dtos(uow, client, [interview])[0]
        uow.commit()
        return dto

    # -- reading -------------------------------------------------------------------------------
    @operation(Permission.CLIENTS_VIEW)
    def interviews(self, uow: UnitOfWork, actor: Actor, client_id: int) -> list[InterviewDTO]:
        """Every interview of the client, corrected ones included (``superseded_by_id`` set),
        newest first."""
        client = visible_client(uow, actor, client_id)
        rows = (
            uow.session.execute(
                select(Interview)
                .where(Interview.client_id == client.id)
                .order_by(Interview.occurred_at.desc(), Interview.id.desc())
            )
            .scalars()
            .all()
        )
        return self._interview_dtos(uow, client, rows)

    @operation(Permission.CLIENTS_VIEW)
    def client_follow_ups(self, uow: UnitOfWork, actor: Actor, client_id: int) -> list[FollowUpDTO]:
        """The client's follow-ups: open ones by due date, then done ones, latest done first."""
        client = visible_client(uow, actor, client_id)
        rows = (
            uow.session.execute(select(FollowUp).where(FollowUp.client_id == client.id))
            .scalars()
            .all()
        )
        names = user_names(uow, self._people(rows))
        today = local_today(uow)
        dtos = [self._follow_up_dto(r, client.name, names, today) for r in rows]
        open_ = sorted((d for d in dtos if d.is_open), key=lambda d: (d.due_date, d.id))
        done = sorted(
            (d for d in dtos if not d.is_open),
            key=lambda d: (d.done_at or d.created_at, d.id),
            reverse=True,
        )
        return open_ + done

    @operation(Permission.CLIENTS_VIEW)
    def timeline_entries(
        self, uow: UnitOfWork, actor: Actor, client_id: int
    ) -> list[TimelineEntry]:
        """Interviews (the current version of each: a corrected one gives way to its correction)
        and follow-ups, newest first.

        interview: when = occurred_at, title = purpose, detail = notes, ref_id = interview id.
        follow_up: open - when = created_at, title = action, detail = due date (ISO), by = owner;
        done - when = done_at, title = action, detail = outcome, by = who completed it.
        """
        return self.timeline_provider(uow, actor, visible_client(uow, actor, client_id).id)

    def timeline_provider(
        self, uow: UnitOfWork, actor: Actor, client_id: int
    ) -> list[TimelineEntry]:
        """For ClientService.timeline_providers: runs inside the caller's unit of work, which has
        already checked that the actor may see the client."""
        interviews = (
            uow.session.execute(select(Interview).where(Interview.client_id == client_id))
            .scalars()
            .all()
        )
        superseded = {i.corrects_id for i in interviews if i.corrects_id is not None}
        follow_ups = (
            uow.session.execute(select(FollowUp).where(FollowUp.client_id == client_id))
            .scalars()
            .all()
        )
        names = user_names(uow, self._people(follow_ups) | {i.recorded_by for i in interviews})
        entries = [
            TimelineEntry(
                when=i.occurred_at,
                kind="interview",
                title=i.purpose,
                detail=i.notes,
                by=names.get(i.recorded_by, "?"),
                ref_id=i.id,
            )
            for i in interviews
            if i.id not in superseded
        ]
        for f in follow_ups:
            done = f.status == FollowUpStatus.DONE.value and f.done_at is not None
            entries.append(
                TimelineEntry(
                    when=f.done_at if done and f.done_at is not None else f.created_at,
                    kind="follow_up",
                    title=f.action,
                    detail=(f.outcome or "") if done else f.due_date.isoformat(),
                    by=names.get(f.done_by if done and f.done_by else f.owner_id, "?"),
                    ref_id=f.id,
                )
            )
        entries.sort(key=lambda e: (e.when, e.kind == "interview", e.ref_id or 0), reverse=True)
        return entries

    @operation(Permission.CLIENTS_VIEW)
    def follow_up_owners(self, uow: UnitOfWork, actor: Actor, client_id: int) -> list[OwnerChoice]:
        """Who may own a follow-up of this client, by name."""
        client = visible_client(uow, actor, client_id)
        rows = uow.session.execute(
            select(User.id, User.full_name, User.role)
            .where(
                User.branch_id == client.branch_id,
                User.is_active.is_(True),
                User.role.in_(OWNER_ROLES),
            )
            .order_by(User.full_name, User.id)
        )
        return [OwnerChoice(r.id, r.full_name, Role(r.role)) for r in rows]

    @operation(Permission.CLIENTS_VIEW)
    def my_follow_ups(
        self, uow: UnitOfWork, actor: Actor, *, branch: bool = False
    ) -> FollowUpBoard:
        """Open follow-ups owned by the actor; with ``branch`` (supervisors only) every open
        follow-up of the branch's clients. Overdue, due today and upcoming in the branch's day."""
        statement = (
            select(FollowUp, Client.name)
            .join(Client, Client.id == FollowUp.client_id)
            .where(FollowUp.status == FollowUpStatus.OPEN.value)
            .order_by(FollowUp.due_date, FollowUp.id)
        )
        if branch:
            if actor.role is not Role.SUPERVISOR:
                raise PermissionDenied("see the branch's follow-ups", actor.role.value)
            statement = statement.where(Client.branch_id == actor.branch_id)
        else:
            statement = statement.where(FollowUp.owner_id == actor.user_id)
        rows = uow.session.execute(statement).all()
        names = user_names(uow, self._people([f for f, _ in rows]))
        today = local_today(uow)
        dtos = [self._follow_up_dto(f, name, names, today) for f, name in rows]
        groups = group_by_due_state(dtos, today, lambda d: d.due_date)
        return FollowUpBoard(
            today=today,
            branch=branch,
            overdue=tuple(groups[DueState.OVERDUE]),
            due_today=tuple(groups[DueState.DUE_TODAY]),
            upcoming=tuple(groups[DueState.UPCOMING]),
        )

    # -- completing and snoozing ---------------------------------------------------------------
    def _changeable(
        self, uow: UnitOfWork, actor: Actor, follow_up_id: int, expected_version: int
    ) -> tuple[FollowUp, Client]:
        """The owner or a supervisor of the client's branch; the version the user saw; open."""
        row = uow.session.execute(
            select(FollowUp, Client)
            .join(Client, Client.id == FollowUp.client_id)
            .where(FollowUp.id == follow_up_id)
        ).first()
        if row is None:
            raise NotFound("follow_up", follow_up_id)
        follow_up, client = row
        owner = follow_up.owner_id == actor.user_id
        supervisor = actor.role is Role.SUPERVISOR and client.branch_id == actor.branch_id
        if not (owner or supervisor):
            visible = uow.session.execute(
                select(Client.id).where(Client.id == client.id, visible_to(actor))
            ).first()
            if visible is None:
                raise NotFound("follow_up", follow_up_id)
            raise PermissionDenied("change a follow-up owned by someone else", actor.role.value)
        if follow_up.version != expected_version:
            raise self._concurrent_edit(uow, follow_up, expected_version)
        if follow_up.status != FollowUpStatus.OPEN.value:
            raise Conflict("this follow-up is already done", reason="follow_up_done")
        return follow_up, client

    @staticmethod
    def _concurrent_edit(uow: UnitOfWork, follow_up: FollowUp, expected: int) -> ConcurrentEdit:
        """Who changed the follow-up since the version the user saw, and what, from the trail."""
        events = (
            uow.session.execute(
                select(AuditEvent)
                .where(
                    AuditEvent.entity_type == "follow_up",
                    AuditEvent.entity_id == str(follow_up.id),
                )
                .order_by(AuditEvent.seq)
            )
            .scalars()
            .all()
        )
        fields: list[str] = []
        who: str = "?"
        when: datetime | None = None
        for event in events:
            changes = json.loads(event.changes)
            version = changes.get("version", [None, None])[1]
            if version is None or version <= expected:
                continue
            fields.extend(
                f
                for f in changes
                if f not in ("version", "reason", "client_id") and f not in fields
            )
            who, when = event.actor_name, event.occurred_at
        return ConcurrentEdit(who, when, fields, follow_up.version)

    def _save(self, uow: UnitOfWork, follow_up: FollowUp, expected_version: int) -> tuple[int, int]:
        try:
            uow.session.flush()
        except StaleDataError as exc:  # saved by someone else between our read and our write
            uow.session.rollback()
            fresh = uow.session.get(FollowUp, follow_up.id, populate_existing=True)
            if fresh is None:
                raise NotFound("follow_up", follow_up.id) from exc
            raise self._concurrent_edit(uow, fresh, expected_version) from exc
        return expected_version, follow_up.version

    def _dto_after_change(
        self, uow: UnitOfWork, follow_up: FollowUp, client: Client
    ) -> FollowUpDTO:
        names = user_names(uow, self._people([follow_up]))
        return self._follow_up_dto(follow_up, client.name, names, local_today(uow))

    @operation(Permission.INTERVIEWS_RECORD)
    def complete_follow_up(
        self,
        uow: UnitOfWork,
        actor: Actor,
        follow_up_id: int,
        expected_version: int,
        outcome: str,
    ) -> FollowUpDTO:
        """Mark done with what came of it; ConcurrentEdit if it changed since it was shown."""
        follow_up, client = self._changeable(uow, actor, follow_up_id, expected_version)
        text = check_outcome(outcome)
        follow_up.status = FollowUpStatus.DONE.value
        follow_up.outcome = text
        follow_up.done_by = actor.user_id
        follow_up.done_at = uow.clock()
        versions = self._save(uow, follow_up, expected_version)
        audit.record(
            uow,
            actor,
            "follow_up.done",
            "follow_up",
            follow_up.id,
            {
                "client_id": (None, client.id),
                "status": (FollowUpStatus.OPEN.value, FollowUpStatus.DONE.value),
                "outcome": (None, text),
                "version": versions,
            },
        )
        dto = self._dto_after_change(uow, follow_up, client)
        uow.commit()
        return dto

    @operation(Permission.INTERVIEWS_RECORD)
    def snooze_follow_up(
        self,
        uow: UnitOfWork,
        actor: Actor,
        follow_up_id: int,
        expected_version: int,
        new_due_date: date | None,
        reason: str,
    ) -> FollowUpDTO:
        """Move the due date to a day after today, saying why."""
        follow_up, client = self._changeable(uow, actor, follow_up_id, expected_version)
        new_due, text = check_snooze(new_due_date, reason, local_today(uow))
        before = follow_up.due_date
        follow_up.due_date = new_due
        versions = self._save(uow, follow_up, expected_version)
        audit.record(
            uow,
            actor,
            "follow_up.snoozed",
            "follow_up",
            follow_up.id,
            {
                "client_id": (None, client.id),
                "due_date": (before.isoformat(), new_due.isoformat()),
                "reason": (None, text),
                "version": versions,
            },
        )
        dto = self._dto_after_change(uow, follow_up, client)
        uow.commit()
        return dto
