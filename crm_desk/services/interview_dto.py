"""What the interview services hand out: frozen, never live rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from crm_desk.domain.interviews import Channel, DueState, FollowUpStatus
from crm_desk.domain.roles import Role


@dataclass(frozen=True, slots=True)
class FollowUpDTO:
    id: int
    version: int  # pass back as expected_version to complete or snooze
    client_id: int
    client_name: str
    interview_id: int | None
    action: str
    due_date: date
    owner_id: int
    owner_name: str
    status: FollowUpStatus
    outcome: str | None
    done_by: str | None
    done_at: datetime | None
    created_by: str
    created_at: datetime
    due_state: DueState | None  # against the branch's today when read; None once done

    @property
    def is_open(self) -> bool:
        return self.status is FollowUpStatus.OPEN


@dataclass(frozen=True, slots=True)
class InterviewDTO:
    id: int
    client_id: int
    client_name: str
    occurred_at: datetime
    channel: Channel
    participants: str
    purpose: str
    notes: str
    needs: str
    concerns: str
    products_discussed: str
    corrects_id: int | None  # the interview this one corrects
    superseded_by_id: int | None  # the correction of this one, if any
    recorded_by_id: int
    recorded_by: str
    recorded_at: datetime
    follow_ups: tuple[FollowUpDTO, ...]


@dataclass(frozen=True, slots=True)
class FollowUpBoard:
    """Open follow-ups by due state, each group in due-date order."""

    today: date  # the branch's calendar day the states were computed for
    branch: bool  # True: every open follow-up of the branch's clients; False: the actor's own
    overdue: tuple[FollowUpDTO, ...]
    due_today: tuple[FollowUpDTO, ...]
    upcoming: tuple[FollowUpDTO, ...]

    @property
    def all(self) -> tuple[FollowUpDTO, ...]:
        return self.overdue + self.due_today + self.upcoming

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.due_today or self.upcoming)


@dataclass(frozen=True, slots=True)
class OwnerChoice:
    """Someone who may own a follow-up of the client: an active adviser or supervisor of its
    branch."""

    id: int
    name: str
    role: Role
