"""What the assessment services hand out: frozen, with the questionnaire it was made with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from crm_desk.domain.assessment import AssessmentOutcome, ExpiryState
from crm_desk.domain.questionnaire import LocalizedText, Questionnaire, RiskLevel


@dataclass(frozen=True, slots=True)
class AssessmentDraftDTO:
    """An assessment being run: answers saved as they are given, so it can be resumed."""

    id: int
    version: int
    client_id: int
    client_name: str
    questionnaire: Questionnaire
    answers: dict[str, tuple[str, ...]]
    resolutions: dict[str, str]  # consistency rule id -> the adviser's explanation
    provisional: AssessmentOutcome  # scored as far as answered (``missing`` lists the rest)
    supersedes_id: int | None
    started_at: datetime
    valid_until_if_confirmed_today: date

    @property
    def unresolved_flags(self) -> tuple[str, ...]:
        return tuple(
            f.rule_id for f in self.provisional.flags if not self.resolutions.get(f.rule_id)
        )


@dataclass(frozen=True, slots=True)
class FlagRecord:
    rule_id: str
    message: LocalizedText
    explanation: str


@dataclass(frozen=True, slots=True)
class AssessmentDTO:
    """A confirmed assessment, exactly as recorded."""

    id: int
    client_id: int
    questionnaire_id: str
    questionnaire_version: int
    questionnaire_fingerprint: str
    answers: dict[str, tuple[str, ...]]
    score: int
    level: RiskLevel
    score_level: RiskLevel
    lowest_category: bool
    lowest_reasons: tuple[LocalizedText, ...]
    flags: tuple[FlagRecord, ...]
    client_confirmed: bool
    adviser_name: str
    confirmed_at: datetime
    valid_until: date
    state: ExpiryState  # as of today
    supersedes_id: int | None
    superseded_by_id: int | None


@dataclass(frozen=True, slots=True)
class CurrentAssessment:
    """The client's current level: the latest confirmed assessment, if still valid."""

    assessment_id: int | None
    level: RiskLevel | None  # None: not assessed, or the assessment expired
    recorded_level: RiskLevel | None  # what the latest assessment said, even if expired
    valid_until: date | None
    state: ExpiryState | None  # None: never assessed

    @property
    def blocks_sales(self) -> bool:
        return self.level is None


@dataclass(frozen=True, slots=True)
class AnswerComparison:
    question_id: str
    question: LocalizedText
    left: tuple[LocalizedText, ...]
    right: tuple[LocalizedText, ...]

    @property
    def changed(self) -> bool:
        return self.left != self.right


@dataclass(frozen=True, slots=True)
class ReminderRow:
    client_id: int
    client_name: str
    adviser_name: str
    level: RiskLevel
    valid_until: date
    days_left: int  # negative: expired that many days ago
    state: ExpiryState
