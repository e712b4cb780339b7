"""Risk-tolerance assessments: run (saved as answered, resumable), explain contradictions,
confirm with the client, and never change afterwards; the client's current level follows."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.orm import aliased

from crm_desk.db.models import Assessment, Client, User
from crm_desk.db.uow import UnitOfWork, UnitOfWorkFactory
from crm_desk.domain.assessment import (
    DEFAULT_WARN_DAYS,
    AssessmentOutcome,
    ExpiryState,
    days_left,
    expiry_state,
    normalize_answers,
    score,
    valid_until,
)
from crm_desk.domain.errors import ConcurrentEdit, Conflict, NotFound, Problem, ValidationError
from crm_desk.domain.policy import Policy
from crm_desk.domain.questionnaire import (
    LocalizedText,
    Questionnaire,
    RiskLevel,
    available_questionnaires,
    find_questionnaire,
)
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.assessment_dto import (
    AnswerComparison,
    AssessmentDraftDTO,
    AssessmentDTO,
    CurrentAssessment,
    FlagRecord,
    ReminderRow,
)
from crm_desk.services.base import Service
from crm_desk.services.client_dto import TimelineEntry
from crm_desk.services.clients import local_today, visible_client, visible_to
from crm_desk.services.passwords import PasswordHasher
from crm_desk.services.permissions import Permission, operation

QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "resources" / "questionnaires"
MIN_EXPLANATION = 5


class AssessmentService(Service):
    questionnaire_dir: Path = QUESTIONNAIRES

    def __init__(
        self, uow_factory: UnitOfWorkFactory, policy: Policy, hasher: PasswordHasher
    ) -> None:
        super().__init__(uow_factory, policy, hasher)
        # Called inside the confirm transaction with (client_id, previous level, new level):
        # the ongoing-suitability review registers here. Must not call an operation.
        self.on_confirmed: list[
            Callable[[UnitOfWork, Actor, int, RiskLevel | None, RiskLevel], None]
        ] = []

    @functools.cached_property
    def _catalogue(self) -> list[Questionnaire]:
        """Every version on file (read once): old assessments keep their own version."""
        return available_questionnaires(self.questionnaire_dir)

    def _questionnaire(self, questionnaire_id: str, version: int | None = None) -> Questionnaire:
        return find_questionnaire(self._catalogue, questionnaire_id, version)

    def _latest(self) -> list[Questionnaire]:
        latest: dict[str, Questionnaire] = {}
        for item in self._catalogue:
            if item.id not in latest or item.version > latest[item.id].version:
                latest[item.id] = item
        return sorted(latest.values(), key=lambda q: q.id)

    @operation(Permission.CLIENTS_VIEW)
    def questionnaires(self, uow: UnitOfWork, actor: Actor) -> list[Questionnaire]:
        """The latest version of each questionnaire on file."""
        return self._latest()

    # -- helpers -------------------------------------------------------------------------------
    def _draft(self, uow: UnitOfWork, actor: Actor, draft_id: int, expected: int) -> Assessment:
        row = uow.session.get(Assessment, draft_id)
        if row is None or row.status != "draft":
            raise NotFound("assessment draft", draft_id)
        visible_client(uow, actor, row.client_id)
        if row.version != expected:
            raise ConcurrentEdit(
                "another window or workstation", row.started_at, ["answers"], row.version
            )
        return row

    def _draft_dto(self, uow: UnitOfWork, row: Assessment, client: Client) -> AssessmentDraftDTO:
        questionnaire = self._questionnaire(row.questionnaire_id, int(row.questionnaire_version))
        answers = {k: tuple(v) for k, v in json.loads(row.answers).items()}
        outcome = score(questionnaire, answers, allow_incomplete=True)
        return AssessmentDraftDTO(
            id=row.id,
            version=row.version,
            client_id=client.id,
            client_name=client.name,
            questionnaire=questionnaire,
            answers=answers,
            resolutions=json.loads(row.resolutions),
            provisional=outcome,
            supersedes_id=row.supersedes_id,
            started_at=row.started_at,
            valid_until_if_confirmed_today=valid_until(
                local_today(uow), questionnaire.validity_months
            ),
        )

    def _dto(self, uow: UnitOfWork, row: Assessment, adviser: str) -> AssessmentDTO:
        outcome = json.loads(row.outcome or "{}")
        assert row.valid_until is not None and row.confirmed_at is not None
        assert row.score is not None and row.level is not None
        later = _superseded_by(uow, row.id)
        return AssessmentDTO(
            id=row.id,
            client_id=row.client_id,
            questionnaire_id=row.questionnaire_id,
            questionnaire_version=int(row.questionnaire_version),
            questionnaire_fingerprint=outcome.get("fingerprint", ""),
            answers={k: tuple(v) for k, v in json.loads(row.answers).items()},
            score=row.score,
            level=RiskLevel(row.level),
            score_level=RiskLevel(outcome.get("score_level", row.level)),
            lowest_category=row.lowest_category,
            lowest_reasons=tuple(LocalizedText(**r) for r in outcome.get("lowest_reasons", [])),
            flags=tuple(
                FlagRecord(f["rule_id"], LocalizedText(**f["message"]), f["explanation"])
                for f in outcome.get("flags", [])
            ),
            client_confirmed=row.client_confirmed,
            adviser_name=adviser,
            confirmed_at=row.confirmed_at,
            valid_until=row.valid_until,
            state=expiry_state(row.valid_until, local_today(uow)),
            supersedes_id=row.supersedes_id,
            superseded_by_id=later,
        )

    # -- running -------------------------------------------------------------------------------
    @operation(Permission.CLIENTS_VIEW)
    def open_draft(
        self, uow: UnitOfWork, actor: Actor, client_id: int
    ) -> AssessmentDraftDTO | None:
        client = visible_client(uow, actor, client_id)
        row = uow.session.execute(
            select(Assessment)
            .where(Assessment.client_id == client.id, Assessment.status == "draft")
            .order_by(Assessment.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        return self._draft_dto(uow, row, client) if row is not None else None

    @operation(Permission.ASSESSMENTS_RUN)
    def start(
        self,
        uow: UnitOfWork,
        actor: Actor,
        client_id: int,
        questionnaire_id: str | None = None,
        supersedes_id: int | None = None,
    ) -> AssessmentDraftDTO:
        """A new draft, or the client's open one (an assessment is never run twice at once)."""
        client = visible_client(uow, actor, client_id)
        existing = (
            uow.session.execute(
                select(Assessment).where(
                    Assessment.client_id == client.id, Assessment.status == "draft"
                )
            )
            .scalars()
            .first()
        )
        if existing is not None:
            return self._draft_dto(uow, existing, client)
        if supersedes_id is not None:
            old = uow.session.get(Assessment, supersedes_id)
            if old is None or old.client_id != client.id or old.status != "confirmed":
                raise NotFound("assessment", supersedes_id)
            _refuse_if_superseded(uow, supersedes_id)
        available = self._latest()  # never an operation inside an operation
        chosen = (
            find_questionnaire(available, questionnaire_id) if questionnaire_id else available[0]
        )
        row = Assessment(
            client_id=client.id,
            questionnaire_id=chosen.id,
            questionnaire_version=str(chosen.version),
            status="draft",
            answers="{}",
            resolutions="{}",
            lowest_category=False,
            client_confirmed=False,
            adviser_id=actor.user_id,
            started_at=uow.clock(),
            supersedes_id=supersedes_id,
        )
        uow.session.add(row)
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "assessment.started",
            "client",
            client.id,
            {
                "assessment_id": (None, row.id),
                "questionnaire": (None, f"{chosen.id} v{chosen.version}"),
                "supersedes_id": (None, supersedes_id),
            },
        )
        draft = self._draft_dto(uow, row, client)
        uow.commit()
        return draft

    @operation(Permission.ASSESSMENTS_RUN)
    def save_answers(
        self,
        uow: UnitOfWork,
        actor: Actor,
        draft_id: int,
        expected_version: int,
        answers: Mapping[str, Sequence[str]],
    ) -> AssessmentDraftDTO:
        """Saved as the adviser goes; a partial set is fine, a wrong one is refused."""
        row = self._draft(uow, actor, draft_id, expected_version)
        questionnaire = self._questionnaire(row.questionnaire_id, int(row.questionnaire_version))
        # Checked as given: list() would turn a string "abc" into the options "a", "b", "c".
        merged = json.loads(row.answers) | dict(answers)
        checked, _missing = normalize_answers(questionnaire, merged)
        row.answers = json.dumps({k: list(v) for k, v in checked.items()}, ensure_ascii=False)
        uow.session.flush()
        draft = self._draft_dto(uow, row, visible_client(uow, actor, row.client_id))
        uow.commit()
        return draft

    @operation(Permission.ASSESSMENTS_RUN)
    def resolve_flag(
        self,
        uow: UnitOfWork,
        actor: Actor,
        draft_id: int,
        expected_version: int,
        rule_id: str,
        explanation: str,
    ) -> AssessmentDraftDTO:
        """The adviser's explanation of a contradiction the client confirms is not a mistake."""
        row = self._draft(uow, actor, draft_id, expected_version)
        text = " ".join(explanation.split())
        if len(text) < MIN_EXPLANATION:
            raise ValidationError(
                {
                    "explanation": Problem(
                        "explanation.required",
                        "Explain in a few words why both answers stand, as the client confirmed.",
                    )
                }
            )
        resolutions = json.loads(row.resolutions)
        resolutions[rule_id] = text
        row.resolutions = json.dumps(resolutions, ensure_ascii=False)
        uow.session.flush()
        client = visible_client(uow, actor, row.client_id)
        draft = self._draft_dto(uow, row, client)
        if rule_id not in {f.rule_id for f in draft.provisional.flags}:
            raise NotFound("contradiction", rule_id)
        uow.commit()
        return draft

    @operation(Permission.ASSESSMENTS_RUN)
    def discard(self, uow: UnitOfWork, actor: Actor, draft_id: int) -> None:
        row = uow.session.get(Assessment, draft_id)
        if row is None or row.status != "draft":
            raise NotFound("assessment draft", draft_id)
        client = visible_client(uow, actor, row.client_id)
        row.status = "discarded"
        audit.record(
            uow,
            actor,
            "assessment.discarded",
            "client",
            client.id,
            {"assessment_id": (None, row.id)},
        )
        uow.commit()

    @operation(Permission.ASSESSMENTS_RUN)
    def confirm(
        self,
        uow: UnitOfWork,
        actor: Actor,
        draft_id: int,
        expected_version: int,
        client_confirmed: bool,
    ) -> AssessmentDTO:
        """Complete, every contradiction explained or corrected, confirmed by the client: from
        here on it never changes, and it is the client's current level until it expires."""
        row = self._draft(uow, actor, draft_id, expected_version)
        client = visible_client(uow, actor, row.client_id)
        questionnaire = self._questionnaire(row.questionnaire_id, int(row.questionnaire_version))
        answers = {k: tuple(v) for k, v in json.loads(row.answers).items()}
        outcome = score(questionnaire, answers, allow_incomplete=True)
        if outcome.missing:
            raise Conflict(
                f"{len(outcome.missing)} questions are not answered yet",
                reason="incomplete",
                missing=list(outcome.missing),
            )
        resolutions: dict[str, str] = json.loads(row.resolutions)
        open_flags = [f.rule_id for f in outcome.flags if not resolutions.get(f.rule_id)]
        if open_flags:
            raise Conflict(
                "contradictory answers are not resolved",
                reason="unresolved_flags",
                rules=open_flags,
            )
        if not client_confirmed:
            raise Conflict(
                "the client has not confirmed the result", reason="not_confirmed_by_client"
            )
        now = uow.clock()
        until = valid_until(local_today(uow), questionnaire.validity_months)
        row.status = "confirmed"
        row.score, row.level = outcome.total_score, outcome.level.value
        row.lowest_category = outcome.lowest_category
        row.outcome = json.dumps(_recorded(outcome, questionnaire, resolutions), ensure_ascii=False)
        row.client_confirmed = True
        row.confirmed_at = now
        row.valid_until = until
        row.adviser_id = actor.user_id if actor.user_id is not None else row.adviser_id
        before = (client.risk_level, client.assessment_valid_until)
        uow.session.flush()
        # A copy for the list's filters, not an edit of the client's record: written past the
        # client's version counter, so a client form opened before the assessment still saves.
        uow.session.execute(
            update(Client)
            .where(Client.id == client.id)
            .values(risk_level=outcome.level.value, assessment_valid_until=until)
        )
        audit.record(
            uow,
            actor,
            "assessment.confirmed",
            "client",
            client.id,
            {
                "assessment_id": (None, row.id),
                "questionnaire": (None, f"{questionnaire.id} v{questionnaire.version}"),
                "score": (None, outcome.total_score),
                "level": (before[0], outcome.level.value),
                "lowest_category": (None, outcome.lowest_category),
                "valid_until": (before[1].isoformat() if before[1] else None, until.isoformat()),
                "supersedes_id": (None, row.supersedes_id),
                # The contradictions that stand, each explained; not an explanation of one
                # corrected away afterwards.
                "flags_explained": (None, sorted(f.rule_id for f in outcome.flags)),
            },
        )
        previous = RiskLevel(before[0]) if before[0] else None
        for hook in self.on_confirmed:
            hook(uow, actor, client.id, previous, outcome.level)
        result = self._dto(uow, row, actor.display_name)
        uow.commit()
        return result

    # -- reading -------------------------------------------------------------------------------
    @operation(Permission.CLIENTS_VIEW)
    def history(self, uow: UnitOfWork, actor: Actor, client_id: int) -> list[AssessmentDTO]:
        client = visible_client(uow, actor, client_id)
        adviser = aliased(User)
        rows = uow.session.execute(
            select(Assessment, adviser.full_name)
            .join(adviser, adviser.id == Assessment.adviser_id)
            .where(Assessment.client_id == client.id, Assessment.status == "confirmed")
            .order_by(Assessment.confirmed_at.desc(), Assessment.id.desc())
        ).all()
        return [self._dto(uow, row, name) for row, name in rows]

    @operation(Permission.CLIENTS_VIEW)
    def get(self, uow: UnitOfWork, actor: Actor, assessment_id: int) -> AssessmentDTO:
        row = uow.session.get(Assessment, assessment_id)
        if row is None or row.status != "confirmed":
            raise NotFound("assessment", assessment_id)
        visible_client(uow, actor, row.client_id)
        name = uow.session.execute(
            select(User.full_name).where(User.id == row.adviser_id)
        ).scalar_one()
        return self._dto(uow, row, name)

    @operation(Permission.CLIENTS_VIEW)
    def compare(
        self, uow: UnitOfWork, actor: Actor, left_id: int, right_id: int
    ) -> list[AnswerComparison]:
        """Question by question, the answers of two assessments of the same client."""
        rows = [uow.session.get(Assessment, i) for i in (left_id, right_id)]
        for assessment_id, found in zip((left_id, right_id), rows, strict=True):
            if found is None or found.status != "confirmed":
                raise NotFound("assessment", assessment_id)
            visible_client(uow, actor, found.client_id)  # what the actor may not see, is not there
        left, right = rows[0], rows[1]
        assert left is not None and right is not None
        if left.client_id != right.client_id:
            raise Conflict("the assessments belong to different clients", reason="other_client")
        q_left = self._questionnaire(left.questionnaire_id, int(left.questionnaire_version))
        q_right = self._questionnaire(right.questionnaire_id, int(right.questionnaire_version))
        a_left, a_right = json.loads(left.answers), json.loads(right.answers)
        order = list(q_left.question_ids) + [
            q for q in q_right.question_ids if q not in q_left.question_ids
        ]
        result = []
        for question_id in order:
            source = q_left if question_id in q_left.question_ids else q_right
            result.append(
                AnswerComparison(
                    question_id=question_id,
                    question=source.question(question_id).text,
                    left=_texts(q_left, question_id, a_left.get(question_id, [])),
                    right=_texts(q_right, question_id, a_right.get(question_id, [])),
                )
            )
        return result

    @operation(Permission.CLIENTS_VIEW)
    def current(self, uow: UnitOfWork, actor: Actor, client_id: int) -> CurrentAssessment:
        client = visible_client(uow, actor, client_id)
        return current_of(uow, client)

    @operation(Permission.CLIENTS_VIEW)
    def reminders(
        self, uow: UnitOfWork, actor: Actor, warn_days: int = DEFAULT_WARN_DAYS
    ) -> list[ReminderRow]:
        """Clients whose assessment expires within ``warn_days`` or has expired: an adviser's
        own, a supervisor's branch (compliance: all). Expired first, then by date."""
        today = local_today(uow)
        adviser = aliased(User)
        rows = uow.session.execute(
            select(
                Client.id,
                Client.name,
                adviser.full_name,
                Client.risk_level,
                Client.assessment_valid_until,
            )
            .join(adviser, adviser.id == Client.adviser_id)
            .where(
                visible_to(actor),
                Client.assessment_valid_until.is_not(None),
                Client.assessment_valid_until <= today + timedelta(days=warn_days),
            )
            .order_by(Client.assessment_valid_until, Client.id)
        ).all()
        reminders = []
        for client_id, name, adviser_name, level, until in rows:
            if level is None or until is None:  # filtered out by the query; for the type checker
                continue
            reminders.append(
                ReminderRow(
                    client_id,
                    name,
                    adviser_name,
                    RiskLevel(level),
                    until,
                    days_left(until, today),
                    expiry_state(until, today, warn_days),
                )
            )
        return reminders

    def timeline_provider(
        self, uow: UnitOfWork, actor: Actor, client_id: int
    ) -> list[TimelineEntry]:
        adviser = aliased(User)
        rows = uow.session.execute(
            select(Assessment, adviser.full_name)
            .join(adviser, adviser.id == Assessment.adviser_id)
            .where(and_(Assessment.client_id == client_id, Assessment.status == "confirmed"))
        ).all()
        return [
            TimelineEntry(
                when=row.confirmed_at or row.started_at,
                kind="assessment",
                title=f"{row.level} ({row.score})",
                detail=(row.valid_until.isoformat() if row.valid_until else ""),
                by=name,
                ref_id=row.id,
            )
            for row, name in rows
        ]


def _superseded_by(uow: UnitOfWork, assessment_id: int) -> int | None:
    return uow.session.execute(
        select(Assessment.id)
        .where(Assessment.supersedes_id == assessment_id, Assessment.status == "confirmed")
        .order_by(Assessment.id)
        .limit(1)
    ).scalar_one_or_none()


def _refuse_if_superseded(uow: UnitOfWork, assessment_id: int) -> None:
    """A correction corrects the latest word: the supersede chain never forks."""
    later = _superseded_by(uow, assessment_id)
    if later is not None:
        raise Conflict(
            f"assessment {assessment_id} was already corrected by assessment {later}",
            reason="already_superseded",
            superseded_by_id=later,
        )


def current_of(uow: UnitOfWork, client: Client) -> CurrentAssessment:
    """The current level as sales will see it: none when never assessed or expired."""
    latest = uow.session.execute(
        select(Assessment.id, Assessment.level, Assessment.valid_until)
        .where(Assessment.client_id == client.id, Assessment.status == "confirmed")
        .order_by(Assessment.confirmed_at.desc(), Assessment.id.desc())
        .limit(1)
    ).first()
    if latest is None:
        return CurrentAssessment(None, None, None, None, None)
    state = expiry_state(latest.valid_until, local_today(uow))
    recorded = RiskLevel(latest.level)
    level = None if state is ExpiryState.EXPIRED else recorded
    return CurrentAssessment(latest.id, level, recorded, latest.valid_until, state)


def _texts(
    questionnaire: Questionnaire, question_id: str, option_ids: Sequence[str]
) -> tuple[LocalizedText, ...]:
    if question_id not in questionnaire.question_ids:
        return ()
    question = questionnaire.question(question_id)
    return tuple(question.option(o).text for o in option_ids if o in question.option_ids)


def _recorded(
    outcome: AssessmentOutcome, questionnaire: Questionnaire, resolutions: Mapping[str, str]
) -> dict[str, Any]:
    """What the record keeps beyond its columns, so it reads the same years later."""

    def text(value: LocalizedText) -> dict[str, str]:
        return {"zh_CN": value.zh_CN, "en": value.en}

    return {
        "fingerprint": questionnaire.fingerprint,
        "score_level": outcome.score_level.value,
        "lowest_reasons": [text(r.reason) for r in outcome.lowest_reasons],
        "flags": [
            {
                "rule_id": f.rule_id,
                "message": text(f.message),
                "explanation": resolutions.get(f.rule_id, ""),
            }
            for f in outcome.flags
        ],
    }
