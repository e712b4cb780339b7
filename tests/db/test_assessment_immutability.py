"""A confirmed assessment never changes, on SQLite and on PostgreSQL: the service offers no way to
change one, and the database's triggers refuse an UPDATE of a confirmed row and any DELETE, from
raw SQL or through the ORM. A draft is still saved as the adviser goes. Corrections are new rows
that point at the one they supersede, and that chain stays as it was written."""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError

from crm_desk.db.models import Assessment
from crm_desk.domain.errors import KnownError, NotFound
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.assessment_dto import AssessmentDTO
from crm_desk.services.assessments import AssessmentService
from crm_desk.services.container import Services
from crm_desk.services.permissions import OPERATIONS, Permission
from tests.assessment_support import BALANCED
from tests.clients_support import numbered_client
from tests.conftest import MakeUser

pytestmark = pytest.mark.db

REFUSED = "never changes"

ANSWERS = BALANCED  # 47 points, C3
BOLDER = ANSWERS | {"loss_attitude": ["moderate_loss"], "max_loss": ["10_30"]}  # 53, C4


@dataclass(frozen=True)
class Setting:
    adviser: Actor
    client_id: int
    first: AssessmentDTO  # superseded by second
    second: AssessmentDTO  # superseded by third
    third: AssessmentDTO  # current
    draft_id: int  # an open draft of another client of the adviser


def assess(
    services: Services, actor: Actor, client_id: int, answers: Mapping[str, list[str]], **kw: Any
) -> AssessmentDTO:
    draft = services.assessments.start(actor, client_id, **kw)
    draft = services.assessments.save_answers(actor, draft.id, draft.version, answers)
    return services.assessments.confirm(actor, draft.id, draft.version, True)


@pytest.fixture
def setting(services: Services, make_user: MakeUser) -> Setting:
    adviser = make_user(Role.ADVISER, "li.adviser")
    client_id = services.clients.create_client(adviser, numbered_client(1)).id
    first = assess(services, adviser, client_id, ANSWERS)
    second = assess(services, adviser, client_id, BOLDER, supersedes_id=first.id)
    third = assess(services, adviser, client_id, ANSWERS, supersedes_id=second.id)
    other = services.clients.create_client(adviser, numbered_client(2)).id
    draft = services.assessments.start(adviser, other)
    draft = services.assessments.save_answers(adviser, draft.id, draft.version, {"age": ["18_30"]})
    return Setting(adviser, client_id, first, second, third, draft.id)


def rows(engine: Engine) -> dict[int, dict[str, Any]]:
    """Every assessment row as stored, by id."""
    with engine.connect() as conn:
        result = conn.execute(text("SELECT * FROM assessments ORDER BY id"))
        return {row["id"]: dict(row) for row in result.mappings()}


def chain(engine: Engine) -> dict[int, int | None]:
    return {i: row["supersedes_id"] for i, row in rows(engine).items()}


# -- the service ------------------------------------------------------------------------------
def test_the_service_has_no_operation_that_changes_a_confirmed_assessment() -> None:
    public = {
        name
        for name, member in inspect.getmembers(AssessmentService, inspect.isfunction)
        if not name.startswith("_")
    }
    writes = {
        name.split(".", 1)[1]
        for name, permission in OPERATIONS.items()
        if name.startswith("AssessmentService.") and permission is Permission.ASSESSMENTS_RUN
    }
    reads = {
        name.split(".", 1)[1]
        for name, permission in OPERATIONS.items()
        if name.startswith("AssessmentService.") and permission is Permission.CLIENTS_VIEW
    }
    # A new operation must be judged here: does it change a confirmed assessment?
    assert writes == {"start", "save_answers", "resolve_flag", "discard", "confirm"}
    assert public == writes | reads | {"timeline_provider"}


def test_every_writing_operation_refuses_a_confirmed_assessment(
    services: Services, engine: Engine, setting: Setting
) -> None:
    adviser, record = setting.adviser, setting.third
    stored = rows(engine)
    version = stored[record.id]["version"]
    calls = [
        lambda: services.assessments.save_answers(adviser, record.id, version, {"age": ["18_30"]}),
        lambda: services.assessments.resolve_flag(
            adviser, record.id, version, "no_experience_vs_stocks", "An explanation afterwards"
        ),
        lambda: services.assessments.confirm(adviser, record.id, version, True),
        lambda: services.assessments.discard(adviser, record.id),
    ]
    for call in calls:
        with pytest.raises(NotFound):
            call()
    assert rows(engine) == stored
    assert services.assessments.get(adviser, record.id) == record


def test_a_correction_leaves_the_corrected_assessment_as_it_was(
    services: Services, engine: Engine, setting: Setting
) -> None:
    before = rows(engine)[setting.third.id]
    correction = assess(
        services, setting.adviser, setting.client_id, BOLDER, supersedes_id=setting.third.id
    )
    assert rows(engine)[setting.third.id] == before
    kept = services.assessments.get(setting.adviser, setting.third.id)
    assert kept.superseded_by_id == correction.id  # found from the new row, not written on the old
    assert kept == replace(setting.third, superseded_by_id=correction.id)


# -- the database -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "change",
    [
        "level = 'C5'",
        "score = score + 1",
        "answers = '{}'",
        "outcome = NULL",
        "valid_until = NULL",
        "status = 'draft'",
        "status = 'discarded'",
        "supersedes_id = NULL",
        "version = version",  # even a write of the same value
    ],
)
def test_a_raw_update_of_a_confirmed_row_is_refused(
    engine: Engine, setting: Setting, change: str
) -> None:
    stored = rows(engine)
    with pytest.raises(DBAPIError, match=REFUSED), engine.begin() as conn:
        conn.execute(
            text(f"UPDATE assessments SET {change} WHERE id = :id"), {"id": setting.second.id}
        )
    assert rows(engine) == stored


def test_an_update_of_every_row_is_refused_whole(engine: Engine, setting: Setting) -> None:
    stored = rows(engine)
    with pytest.raises(DBAPIError, match=REFUSED), engine.begin() as conn:
        conn.execute(text("UPDATE assessments SET adviser_id = adviser_id"))
    assert rows(engine) == stored


def test_a_raw_delete_is_refused_for_any_row(engine: Engine, setting: Setting) -> None:
    stored = rows(engine)
    for assessment_id in (setting.first.id, setting.third.id, setting.draft_id):
        with pytest.raises(DBAPIError, match=REFUSED), engine.begin() as conn:
            conn.execute(text("DELETE FROM assessments WHERE id = :id"), {"id": assessment_id})
    with pytest.raises(DBAPIError, match=REFUSED), engine.begin() as conn:
        conn.execute(text("DELETE FROM assessments"))
    assert rows(engine) == stored


def test_an_orm_change_through_a_unit_of_work_is_refused_and_not_mistaken_for_a_user_error(
    services: Services, engine: Engine, setting: Setting
) -> None:
    stored = rows(engine)
    uow = services.assessments.uow_factory()
    with pytest.raises(DBAPIError, match=REFUSED) as error, uow:
        row = uow.session.execute(
            select(Assessment).where(Assessment.id == setting.third.id)
        ).scalar_one()
        row.level = "C5"
        uow.commit()
    assert not isinstance(error.value, KnownError)  # a bug or an attack, not "try again"
    uow = services.assessments.uow_factory()
    with pytest.raises(DBAPIError, match=REFUSED), uow:
        uow.session.delete(uow.session.get(Assessment, setting.first.id))
        uow.commit()
    assert rows(engine) == stored


def test_a_draft_row_can_still_be_updated(
    services: Services, engine: Engine, setting: Setting
) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE assessments SET answers = :answers, version = version + 1 WHERE id = :id"),
            {"answers": '{"age": ["31_50"]}', "id": setting.draft_id},
        )
    stored = rows(engine)[setting.draft_id]
    assert (stored["status"], stored["answers"]) == ("draft", '{"age": ["31_50"]}')
    draft = services.assessments.save_answers(
        setting.adviser, setting.draft_id, stored["version"], ANSWERS
    )
    assert draft.answers["age"] == ("51_64",)
    confirmed = services.assessments.confirm(setting.adviser, draft.id, draft.version, True)
    assert rows(engine)[confirmed.id]["status"] == "confirmed"
    with pytest.raises(DBAPIError, match=REFUSED), engine.begin() as conn:
        conn.execute(text("UPDATE assessments SET level = 'C1' WHERE id = :id"), {"id": draft.id})


def test_the_supersede_chain_is_preserved(
    services: Services, engine: Engine, setting: Setting
) -> None:
    first, second, third = setting.first.id, setting.second.id, setting.third.id
    expected = {first: None, second: first, third: second, setting.draft_id: None}
    assert chain(engine) == expected
    for statement in (
        "UPDATE assessments SET supersedes_id = NULL WHERE id = :id",
        "UPDATE assessments SET supersedes_id = id WHERE id = :id",
        "UPDATE assessments SET status = 'discarded' WHERE id = :id",
        "DELETE FROM assessments WHERE id = :id",
    ):
        for assessment_id in (first, second):
            with pytest.raises(DBAPIError, match=REFUSED), engine.begin() as conn:
                conn.execute(text(statement), {"id": assessment_id})
    assert chain(engine) == expected
    history = services.assessments.history(setting.adviser, setting.client_id)
    assert [(a.id, a.supersedes_id, a.superseded_by_id) for a in history] == [
        (third, second, None),
        (second, first, third),
        (first, None, second),
    ]
    current = services.assessments.current(setting.adviser, setting.client_id)
    assert current.assessment_id == third
