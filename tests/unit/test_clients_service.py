"""Client records through ClientService, on the test database (SQLite, or PostgreSQL when
CRM_DESK_TEST_DATABASE_URL is set): create, edit, duplicates, visibility per role, revealing
personal data, reassigning, vulnerabilities, professional investors, search and keyset paging."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

import crm_desk.services.clients as clients_module
from crm_desk.domain.clients import ClientInput, InvestorType, Vulnerability
from crm_desk.domain.errors import (
    Conflict,
    DuplicateClient,
    NotFound,
    PermissionDenied,
    SimilarClients,
    ValidationError,
)
from crm_desk.domain.identity import IdType
from crm_desk.domain.names import sort_key
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.client_dto import (
    ClientDetail,
    ClientQuery,
    ClientRow,
    ClientSearch,
    ClientSort,
)
from crm_desk.services.container import Services
from crm_desk.services.dto import AuditEventDTO
from tests.clients_support import client_input, mobile, numbered_client, prc_id
from tests.conftest import FakeClock, MakeUser

pytestmark = pytest.mark.db

ALL = ClientQuery()


@dataclass(frozen=True)
class Team:
    admin: Actor
    adviser: Actor  # branch SH-001
    colleague: Actor  # another adviser of SH-001
    supervisor: Actor  # SH-001
    compliance: Actor
    far_adviser: Actor  # branch BJ-002
    far_supervisor: Actor  # BJ-002


@pytest.fixture
def team(services: Services, admin: Actor, make_user: MakeUser) -> Team:
    far = services.users.create_branch(admin, code="BJ-002", name="北京金融街支行")
    return Team(
        admin=admin,
        adviser=make_user(Role.ADVISER, "li.adviser"),
        colleague=make_user(Role.ADVISER, "wu.adviser"),
        supervisor=make_user(Role.SUPERVISOR, "zhou.supervisor"),
        compliance=make_user(Role.COMPLIANCE, "he.compliance"),
        far_adviser=make_user(Role.ADVISER, "far.adviser", far.id),
        far_supervisor=make_user(Role.SUPERVISOR, "far.supervisor", far.id),
    )


def events_since(services: Services, admin: Actor, seq: int) -> list[AuditEventDTO]:
    """Audit events after ``seq``, oldest first."""
    return [e for e in reversed(services.audit.list_events(admin, limit=500)) if e.seq > seq]


def head(services: Services, admin: Actor) -> int:
    return services.audit.list_events(admin, limit=1)[0].seq


def names(rows: list[ClientRow]) -> set[str]:
    return {row.name for row in rows}


def found(services: Services, actor: Actor, text: str) -> set[str]:
    """Names a search finds; the count agrees with the rows, the one-operation search with both."""
    query = ClientQuery(text=text)
    rows = services.clients.client_page(actor, query, limit=100)
    assert services.clients.count_clients(actor, query) == len(rows), text
    assert services.clients.search(actor, query, limit=100) == ClientSearch(len(rows), rows)
    return names(rows)


# --- create, read, update -----------------------------------------------------------------------


def test_an_adviser_creates_reads_and_edits_a_client(services: Services, team: Team) -> None:
    before = head(services, team.admin)
    created = services.clients.create_client(team.adviser, client_input())
    assert created.name == "张伟"
    assert created.version == 1
    assert created.id_type is IdType.PRC_ID
    assert created.birth_date == date(1980, 5, 17)
    assert created.age == 46
    assert created.adviser_id == team.adviser.user_id
    assert created.branch_id == team.adviser.branch_id
    assert created.investor_type is InvestorType.ORDINARY
    assert created.financial_assets == Decimal("1500000.00")
    assert created.updated_by == team.adviser.full_name
    assert services.clients.get_client(team.adviser, created.id) == created

    written = events_since(services, team.admin, before)
    assert [e.action for e in written] == ["key.registered", "client.created"]
    creation = written[-1]
    assert creation.entity_id == str(created.id)
    assert creation.actor_id == team.adviser.user_id
    assert creation.changes["name"] == [None, "张伟"]
    assert creation.changes["adviser_id"] == [None, team.adviser.user_id]
    assert creation.changes["id_number"] == [None, "110***********1239"]  # masked in the trail
    assert creation.changes["phone"] == [None, "+86*******5678"]
    assert "similar_acknowledged" not in creation.changes

    before = head(services, team.admin)
    updated = services.clients.update_client(
        team.adviser, created.id, 1, client_input(occupation="教师", phone="13987654321")
    )
    assert updated.version == 2
    assert updated.occupation == "教师"
    assert updated.phone_masked == "139****4321"
    assert services.clients.reveal(team.adviser, created.id, "phone") == "+8613987654321"
    update = events_since(services, team.admin, before)[0]
    assert update.action == "client.updated"
    assert set(update.changes) == {"occupation", "phone", "version"}
    assert update.changes["occupation"] == ["工程师", "教师"]
    assert update.changes["version"] == [1, 2]


def test_saving_an_unchanged_form_writes_nothing(services: Services, team: Team) -> None:
    created = services.clients.create_client(team.adviser, client_input())
    before = head(services, team.admin)
    again = services.clients.update_client(team.adviser, created.id, 1, client_input())
    assert again.version == 1
    assert head(services, team.admin) == before


def test_an_invalid_form_is_refused_field_by_field_and_nothing_is_written(
    services: Services, team: Team
) -> None:
    before = head(services, team.admin)
    with pytest.raises(ValidationError) as error:
        services.clients.create_client(team.adviser, client_input(name="", phone="123"))
    assert {k: p.code for k, p in error.value.problems.items()} == {
        "name": "client_name.required",
        "phone": "phone.mainland",
    }
    assert head(services, team.admin) == before
    assert services.clients.count_clients(team.adviser, ALL) == 0


def test_a_renamed_client_is_found_by_the_new_name_only(services: Services, team: Team) -> None:
    created = services.clients.create_client(team.adviser, client_input(name="张伟"))
    services.clients.update_client(team.adviser, created.id, 1, client_input(name="欧阳明月"))
    assert found(services, team.adviser, "明月") == {"欧阳明月"}
    assert found(services, team.adviser, "张伟") == set()
    assert found(services, team.adviser, "oymy") == {"欧阳明月"}


def test_an_adviser_creates_clients_for_themselves_and_a_supervisor_for_the_branch(
    services: Services, team: Team
) -> None:
    def refused(actor: Actor, adviser_id: int | None) -> str:
        with pytest.raises(ValidationError) as error:
            services.clients.create_client(actor, client_input(), adviser_id=adviser_id)
        return error.value.problems["adviser_id"].code

    assert refused(team.adviser, team.colleague.user_id) == "adviser.own"
    assert refused(team.supervisor, None) == "adviser.required"
    assert refused(team.supervisor, team.far_adviser.user_id) == "adviser.branch"
    assert refused(team.supervisor, team.supervisor.user_id) == "adviser.unknown"
    created = services.clients.create_client(
        team.supervisor, client_input(), adviser_id=team.colleague.user_id
    )
    assert created.adviser_id == team.colleague.user_id
    assert created.adviser_name == team.colleague.full_name


# --- duplicates -------------------------------------------------------------------------------


def test_the_same_identity_number_twice_is_refused_with_the_existing_record(
    services: Services, team: Team
) -> None:
    first = services.clients.create_client(team.adviser, client_input())
    before = head(services, team.admin)
    # Typed differently (lower-case, spaces), for another person's name: the number decides.
    again = client_input(name="王芳", id_number=" " + prc_id().lower() + " ", phone="13700001111")
    with pytest.raises(DuplicateClient) as mine:
        services.clients.create_client(team.adviser, again)
    assert (mine.value.client_id, mine.value.visible) == (first.id, True)

    with pytest.raises(DuplicateClient) as colleagues:
        services.clients.create_client(team.colleague, again)
    assert (colleagues.value.client_id, colleagues.value.visible) == (first.id, False)
    with pytest.raises(NotFound):
        services.clients.get_client(team.colleague, colleagues.value.client_id)

    with pytest.raises(DuplicateClient) as supervisors:
        services.clients.create_client(team.supervisor, again, adviser_id=team.colleague.user_id)
    assert supervisors.value.visible is True  # the supervisor sees the whole branch
    assert services.clients.get_client(team.supervisor, supervisors.value.client_id).id == first.id

    with pytest.raises(DuplicateClient) as far:
        services.clients.create_client(team.far_adviser, again)
    assert far.value.visible is False
    assert head(services, team.admin) == before
    assert services.clients.count_clients(team.compliance, ALL) == 1


def test_an_edit_to_another_client_s_identity_number_is_refused(
    services: Services, team: Team
) -> None:
    first = services.clients.create_client(team.adviser, client_input())
    second = services.clients.create_client(team.adviser, numbered_client(7))
    with pytest.raises(DuplicateClient) as error:
        services.clients.update_client(
            team.adviser, second.id, 1, numbered_client(7, id_number=prc_id())
        )
    assert error.value.client_id == first.id
    assert services.clients.get_client(team.adviser, second.id).version == 1


def test_the_same_name_and_birth_date_warns_until_acknowledged(
    services: Services, team: Team
) -> None:
    first = services.clients.create_client(team.adviser, client_input())
    namesake = client_input(id_number=prc_id("310115", date(1980, 5, 17), "457"), phone=mobile(9))
    before = head(services, team.admin)
    for actor, sees_it in ((team.adviser, True), (team.colleague, False)):
        with pytest.raises(SimilarClients) as warned:
            services.clients.create_client(actor, namesake)
        (match,) = warned.value.matches
        assert (match.name, match.birth_date, match.visible) == ("张伟", date(1980, 5, 17), sees_it)
        # A client the user does not serve is counted, never described.
        assert match.id == (first.id if sees_it else None)
        assert match.adviser_name == (team.adviser.full_name if sees_it else "")
        assert warned.value.params["count"] == 1
    assert head(services, team.admin) == before

    second = services.clients.create_client(team.colleague, namesake, acknowledge_similar=True)
    creation = events_since(services, team.admin, before)[-1]
    assert (creation.action, creation.entity_id) == ("client.created", str(second.id))
    assert creation.changes["similar_acknowledged"] == [None, True]

    # A different birth date is another person: no warning.
    services.clients.create_client(
        team.adviser, client_input(id_number=prc_id(born=date(1981, 5, 17)), phone=mobile(10))
    )
    assert services.clients.count_clients(team.supervisor, ClientQuery(text="张伟")) == 3


# --- visibility ---------------------------------------------------------------------------------


@pytest.fixture
def spread(services: Services, team: Team) -> dict[str, ClientDetail]:
    """One client for each adviser: two in the branch SH-001, one in BJ-002."""
    return {
        "own": services.clients.create_client(team.adviser, numbered_client(1, "林 自己")),
        "colleague": services.clients.create_client(team.colleague, numbered_client(2, "林 同事")),
        "far": services.clients.create_client(team.far_adviser, numbered_client(3, "林 远方")),
    }


def visible(services: Services, actor: Actor) -> set[str]:
    rows = services.clients.client_page(actor, ALL)
    assert services.clients.count_clients(actor, ALL) == len(rows)
    assert names(rows) == found(services, actor, "林")
    return names(rows)


def test_an_adviser_sees_only_their_own_clients(
    services: Services, team: Team, spread: dict[str, ClientDetail]
) -> None:
    assert visible(services, team.adviser) == {"林 自己"}
    for other in ("colleague", "far"):
        with pytest.raises(NotFound):
            services.clients.get_client(team.adviser, spread[other].id)
        with pytest.raises(NotFound):
            services.clients.reveal(team.adviser, spread[other].id, "phone")
        with pytest.raises(NotFound):
            services.clients.update_client(team.adviser, spread[other].id, 1, numbered_client(1))
        with pytest.raises(NotFound):
            services.clients.set_vulnerability(
                team.adviser, spread[other].id, "illness", "seen in hospital"
            )
    assert found(services, team.adviser, mobile(2)) == set()
    assert found(services, team.adviser, mobile(2)[-4:]) == set()
    assert services.clients.advisers(team.adviser) == [
        (team.adviser.user_id, team.adviser.full_name)
    ]


def test_a_supervisor_sees_the_branch_only(
    services: Services, team: Team, spread: dict[str, ClientDetail]
) -> None:
    assert visible(services, team.supervisor) == {"林 自己", "林 同事"}
    assert visible(services, team.far_supervisor) == {"林 远方"}
    with pytest.raises(NotFound):
        services.clients.get_client(team.supervisor, spread["far"].id)
    assert services.clients.get_client(team.supervisor, spread["colleague"].id).name == "林 同事"
    assert {a for a, _ in services.clients.advisers(team.supervisor)} == {
        team.adviser.user_id,
        team.colleague.user_id,
    }
    by_adviser = ClientQuery(adviser_id=team.colleague.user_id)
    assert names(services.clients.client_page(team.supervisor, by_adviser)) == {"林 同事"}
    # Filtering on another branch's adviser does not widen the view.
    far_filter = ClientQuery(adviser_id=team.far_adviser.user_id)
    assert services.clients.count_clients(team.supervisor, far_filter) == 0


def test_compliance_sees_everything_and_changes_nothing(
    services: Services, team: Team, spread: dict[str, ClientDetail]
) -> None:
    assert visible(services, team.compliance) == {"林 自己", "林 同事", "林 远方"}
    assert services.clients.get_client(team.compliance, spread["far"].id).name == "林 远方"
    assert len(services.clients.advisers(team.compliance)) == 3
    before = head(services, team.admin)
    with pytest.raises(PermissionDenied):
        services.clients.create_client(team.compliance, numbered_client(4))
    with pytest.raises(PermissionDenied):
        services.clients.update_client(team.compliance, spread["far"].id, 1, numbered_client(3))
    with pytest.raises(PermissionDenied):
        services.clients.reassign(team.compliance, spread["own"].id, team.colleague.user_id)
    with pytest.raises(PermissionDenied):
        services.clients.set_vulnerability(
            team.compliance, spread["own"].id, "illness", "seen in hospital"
        )
    assert head(services, team.admin) == before


def test_an_administrator_sees_no_clients(
    services: Services, team: Team, spread: dict[str, ClientDetail]
) -> None:
    for call in (
        lambda: services.clients.count_clients(team.admin, ALL),
        lambda: services.clients.client_page(team.admin, ALL),
        lambda: services.clients.get_client(team.admin, spread["own"].id),
        lambda: services.clients.reveal(team.admin, spread["own"].id, "id_number"),
        lambda: services.clients.create_client(team.admin, numbered_client(4)),
        lambda: services.clients.advisers(team.admin),
    ):
        with pytest.raises(PermissionDenied):
            call()


# --- personal data: masked, revealed with an audit event ---------------------------------------


def test_lists_and_details_are_masked_and_each_reveal_is_audited(
    services: Services, team: Team
) -> None:
    number = prc_id("110105", date(1949, 12, 31), "029")
    created = services.clients.create_client(
        team.adviser, client_input(id_number=number, email="Zhang.Wei@Example.com")
    )
    assert number == "11010519491231029X"
    assert created.id_number_masked == "110***********029X"
    assert created.phone_masked == "138****5678"
    assert created.email_masked == "z***@example.com"
    assert created.address_masked == "北京市朝阳区…"
    [row] = services.clients.client_page(team.adviser, ALL)
    assert (row.id_number_masked, row.phone_masked) == ("110***********029X", "138****5678")
    text = repr(created) + repr(row)
    for secret in (number, "13812345678", "zhang.wei@example.com", "建国路88号"):
        assert secret not in text

    expected = {
        "id_number": number,
        "phone": "+8613812345678",
        "email": "zhang.wei@example.com",
        "address": "北京市朝阳区建国路88号",
    }
    for actor in (team.adviser, team.supervisor, team.compliance):
        for field, value in expected.items():
            before = head(services, team.admin)
            assert services.clients.reveal(actor, created.id, field) == value
            [event] = events_since(services, team.admin, before)
            assert (event.action, event.actor_id) == ("client.revealed", actor.user_id)
            assert (event.entity_type, event.entity_id) == ("client", str(created.id))
            assert event.changes == {"field": [None, field]}

    before = head(services, team.admin)
    with pytest.raises(ValidationError) as error:
        services.clients.reveal(team.adviser, created.id, "name")
    assert error.value.problems["field"].code == "field.unknown"
    with pytest.raises(NotFound):
        services.clients.reveal(team.far_supervisor, created.id, "phone")
    assert head(services, team.admin) == before


def test_a_client_without_email_or_address_reveals_empty_text(
    services: Services, team: Team
) -> None:
    created = services.clients.create_client(team.adviser, client_input(email="", address=""))
    assert (created.email_masked, created.address_masked) == (None, None)
    assert services.clients.reveal(team.adviser, created.id, "email") == ""


# --- reassigning --------------------------------------------------------------------------------


def test_only_a_supervisor_reassigns_and_only_within_the_branch(
    services: Services, team: Team, spread: dict[str, ClientDetail]
) -> None:
    own = spread["own"].id
    with pytest.raises(PermissionDenied):
        services.clients.reassign(team.adviser, own, team.colleague.user_id)
    with pytest.raises(ValidationError) as error:
        services.clients.reassign(team.supervisor, own, team.far_adviser.user_id)
    assert error.value.problems["adviser_id"].code == "adviser.branch"
    with pytest.raises(NotFound):
        services.clients.reassign(team.far_supervisor, own, team.far_adviser.user_id)

    before = head(services, team.admin)
    moved = services.clients.reassign(team.supervisor, own, team.colleague.user_id)
    assert moved.adviser_id == team.colleague.user_id
    assert moved.version == 2
    [event] = events_since(services, team.admin, before)
    assert event.action == "client.reassigned"
    assert event.changes == {
        "adviser_id": [team.adviser.user_id, team.colleague.user_id],
        "version": [1, 2],
    }
    assert visible(services, team.adviser) == set()
    assert visible(services, team.colleague) == {"林 自己", "林 同事"}
    # To the same adviser again: nothing to do, nothing written.
    assert services.clients.reassign(team.supervisor, own, team.colleague.user_id).version == 2
    assert head(services, team.admin) == event.seq


# --- vulnerability ------------------------------------------------------------------------------


def vulnerable(services: Services, actor: Actor) -> set[str]:
    query = ClientQuery(vulnerable_only=True)
    rows = services.clients.client_page(actor, query)
    assert services.clients.count_clients(actor, query) == len(rows)
    return names(rows)


def test_vulnerabilities_are_set_and_cleared_with_a_reason(
    services: Services, team: Team, clock: FakeClock
) -> None:
    created = services.clients.create_client(team.adviser, client_input())
    with pytest.raises(ValidationError) as error:
        services.clients.set_vulnerability(team.adviser, created.id, "unlucky", "  no ")
    assert {k: p.code for k, p in error.value.problems.items()} == {
        "kind": "choice.required",
        "reason": "reason.required",
    }
    assert vulnerable(services, team.adviser) == set()

    flagged = services.clients.set_vulnerability(
        team.adviser, created.id, Vulnerability.HEARING_VISION, "  Hard of hearing; speak slowly "
    )
    [flag] = flagged.vulnerabilities
    assert (flag.kind, flag.reason, flag.set_by) == (
        Vulnerability.HEARING_VISION,
        "Hard of hearing; speak slowly",
        team.adviser.full_name,
    )
    assert flagged.version == 2
    assert not flagged.elderly
    assert vulnerable(services, team.adviser) == {"张伟"}
    assert services.clients.client_page(team.adviser, ALL)[0].vulnerable

    clock.advance(minutes=5)
    second = services.clients.set_vulnerability(
        team.adviser, created.id, "bereavement", "Lost her husband in May"
    )
    with pytest.raises(ValidationError):
        services.clients.clear_vulnerability(team.adviser, flag.id, "ok")
    with pytest.raises(NotFound):
        services.clients.clear_vulnerability(team.colleague, flag.id, "Hearing aid fitted now")
    clock.advance(days=30)
    one_left = services.clients.clear_vulnerability(team.adviser, flag.id, "Hearing aid fitted now")
    assert [v.kind for v in one_left.vulnerabilities] == [Vulnerability.BEREAVEMENT]
    assert vulnerable(services, team.adviser) == {"张伟"}  # still one open flag
    with pytest.raises(NotFound):
        services.clients.clear_vulnerability(team.adviser, flag.id, "Hearing aid fitted now")
    last = next(v.id for v in second.vulnerabilities if v.kind is Vulnerability.BEREAVEMENT)
    clock.advance(days=365)
    cleared = services.clients.clear_vulnerability(team.adviser, last, "A year on, coping well")
    assert cleared.vulnerabilities == ()
    assert cleared.version == 5
    assert vulnerable(services, team.adviser) == set()
    assert not services.clients.client_page(team.adviser, ALL)[0].vulnerable


def test_clients_aged_65_and_over_are_vulnerable_by_their_birth_date(
    services: Services, team: Team, clock: FakeClock
) -> None:
    today = clock().astimezone().date()  # the branch's calendar day, as the service sees it
    sixty_five = today.replace(year=today.year - 65)
    tomorrow_65 = date.fromordinal(sixty_five.toordinal() + 1)
    elder = services.clients.create_client(
        team.adviser, client_input(name="老王", id_number=prc_id(born=sixty_five))
    )
    assert elder.elderly and elder.age == 65
    almost = services.clients.create_client(
        team.adviser, numbered_client(5, "小王", id_number=prc_id(born=tomorrow_65))
    )
    assert not almost.elderly and almost.age == 64
    assert vulnerable(services, team.adviser) == {"老王"}
    rows = {row.name: row for row in services.clients.client_page(team.adviser, ALL)}
    assert rows["老王"].vulnerable and not rows["小王"].vulnerable

    clock.advance(days=1)
    assert vulnerable(services, team.adviser) == {"老王", "小王"}
    assert services.clients.get_client(team.adviser, almost.id).elderly


# --- professional investors ---------------------------------------------------------------------

EVIDENCE = "Bank statements 2023-2026 and the broker's trading record, originals seen"


def apply(
    services: Services,
    actor: Actor,
    client_id: int,
    assets: str = "3500000",
    income: str = "100000",
    years: str = "2",
) -> int:
    detail = services.clients.apply_professional(
        actor,
        client_id,
        financial_assets=assets,
        average_income=income,
        experience_years=years,
        evidence=EVIDENCE,
    )
    return next(a.id for a in detail.applications if a.status == "pending")


def test_an_application_is_validated(services: Services, team: Team) -> None:
    created = services.clients.create_client(team.adviser, client_input())
    with pytest.raises(ValidationError) as error:
        services.clients.apply_professional(
            team.adviser,
            created.id,
            financial_assets="lots",
            average_income="-5",
            experience_years="81",
            evidence="trust me",
        )
    assert {k: p.code for k, p in error.value.problems.items()} == {
        "financial_assets": "money.format",
        "average_income": "money.format",
        "experience_years": "years.range",
        "evidence": "evidence.required",
    }
    assert services.clients.get_client(team.adviser, created.id).applications == ()


def test_a_supervisor_approves_an_application_and_the_client_becomes_professional(
    services: Services, team: Team
) -> None:
    created = services.clients.create_client(team.adviser, client_input())
    application = apply(services, team.adviser, created.id, assets="3,000,000", years="1")
    with pytest.raises(Conflict) as twice:
        apply(services, team.adviser, created.id)
    assert twice.value.params["reason"] == "pending"

    [pending] = services.clients.pending_applications(team.supervisor)
    assert (pending.id, pending.client_id, pending.client_name) == (application, created.id, "张伟")
    assert pending.requested_by_id == team.adviser.user_id
    assert pending.meets_thresholds  # exactly the policy's 3,000,000 and one year
    assert pending.financial_assets == Decimal("3000000")
    assert services.clients.pending_applications(team.far_supervisor) == []
    # A read like any other: compliance sees the queue, an adviser their own clients' part.
    assert services.clients.pending_applications(team.compliance) == [pending]
    assert services.clients.pending_applications(team.adviser) == [pending]
    assert services.clients.pending_applications(team.colleague) == []

    with pytest.raises(PermissionDenied):
        services.clients.decide_professional(team.adviser, application, True, "Looks fine to me")
    with pytest.raises(NotFound):
        services.clients.decide_professional(
            team.far_supervisor, application, True, "Evidence checked"
        )
    with pytest.raises(ValidationError):
        services.clients.decide_professional(team.supervisor, application, True, "ok")

    before = head(services, team.admin)
    decided = services.clients.decide_professional(
        team.supervisor, application, True, "Statements and trading record checked"
    )
    assert decided.investor_type is InvestorType.PROFESSIONAL
    assert decided.professional_evidence == EVIDENCE
    assert decided.version == 2
    assert decided.applications[0].status == "approved"
    assert decided.applications[0].decided_by == team.supervisor.full_name
    [event] = events_since(services, team.admin, before)
    assert (event.action, event.actor_id) == (
        "client.professional_decided",
        team.supervisor.user_id,
    )
    assert event.changes["investor_type"] == ["ordinary", "professional"]
    assert services.clients.pending_applications(team.supervisor) == []

    with pytest.raises(Conflict) as again:
        services.clients.decide_professional(team.supervisor, application, False, "Changed mind")
    assert again.value.params["reason"] == "decided"
    with pytest.raises(Conflict) as already:
        apply(services, team.adviser, created.id)
    assert already.value.params["reason"] == "already_professional"


def test_approval_needs_the_policy_thresholds_and_rejection_does_not(
    services: Services, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = services.clients.create_client(team.adviser, client_input())
    low = apply(services, team.adviser, created.id, assets="2999999.99", income="299999.99")
    assert not services.clients.pending_applications(team.supervisor)[0].meets_thresholds
    with pytest.raises(Conflict) as error:
        services.clients.decide_professional(team.supervisor, low, True, "Close enough for me")
    assert error.value.params["reason"] == "thresholds"

    # The thresholds come from the policy file, not the code.
    policy = services.clients.policy
    lower = dataclasses.replace(policy.investor, conversion_assets=Decimal("2000000"))
    monkeypatch.setattr(services.clients, "policy", dataclasses.replace(policy, investor=lower))
    assert services.clients.pending_applications(team.supervisor)[0].meets_thresholds
    monkeypatch.undo()

    rejected = services.clients.decide_professional(
        team.supervisor, low, False, "Assets below three million"
    )
    assert rejected.investor_type is InvestorType.ORDINARY
    assert rejected.applications[0].status == "rejected"
    # Not enough years of experience either way.
    young = apply(services, team.adviser, created.id, assets="9000000", years="0")
    with pytest.raises(Conflict):
        services.clients.decide_professional(team.supervisor, young, True, "Rich enough surely")


def test_four_eyes_a_supervisor_never_decides_their_own_request_or_client(
    services: Services, team: Team, make_user: MakeUser
) -> None:
    second_supervisor = make_user(Role.SUPERVISOR, "qian.supervisor")
    created = services.clients.create_client(team.colleague, client_input())
    own_request = apply(services, team.supervisor, created.id)
    with pytest.raises(Conflict) as error:
        services.clients.decide_professional(team.supervisor, own_request, True, "All in order")
    assert error.value.params["reason"] == "four_eyes"

    # The client's own adviser cannot become a supervisor while still serving clients, so
    # a supervisor never decides for a client of their own.
    with pytest.raises(Conflict) as promoted:
        services.users.change_role(team.admin, team.colleague.user_id, Role.SUPERVISOR)
    assert promoted.value.params["reason"] == "has_clients"

    decided = services.clients.decide_professional(
        second_supervisor, own_request, True, "Checked by a second pair of eyes"
    )
    assert decided.investor_type is InvestorType.PROFESSIONAL


# --- search -------------------------------------------------------------------------------------


@pytest.fixture
def directory(services: Services, team: Team) -> dict[str, ClientDetail]:
    def add(actor: Actor, n: int, name: str, **changes: object) -> ClientDetail:
        return services.clients.create_client(actor, numbered_client(n, name, **changes))

    return {
        "欧阳明月": add(team.adviser, 1, "欧阳明月", phone="13812345678"),
        "张伟": add(team.adviser, 2, "张伟", id_number=prc_id("110105", date(1949, 12, 31), "010")),
        "张伟明": add(team.adviser, 3, "张伟明"),
        "李明": add(team.adviser, 4, "李明"),
        "James Wong": add(
            team.adviser,
            5,
            "James Wong",
            id_type="passport",
            id_number="E12345678",
            birth_date=date(1975, 3, 4),
            gender="M",
            phone="+852 9123 4567",
        ),
        "Anna Li": add(team.adviser, 6, "Anna Li"),
        "王芳": add(team.adviser, 7, "王芳", phone="13987655678"),
        "明月光": add(team.colleague, 8, "明月光", phone="13512341234"),
    }


SEARCHES: list[tuple[str, set[str]]] = [
    ("明月", {"欧阳明月"}),  # two Chinese characters
    ("欧阳明", {"欧阳明月"}),  # three
    ("阳明月", {"欧阳明月"}),
    ("张", {"张伟", "张伟明"}),  # one
    ("伟明", {"张伟明"}),
    ("明", {"欧阳明月", "张伟明", "李明"}),
    (" 张伟 ", {"张伟", "张伟明"}),
    ("WONG", {"James Wong"}),  # Latin, any case
    ("es wo", {"James Wong"}),
    ("li", {"Anna Li"}),
    ("zw", {"张伟"}),  # pinyin initials, whole (张伟明 is zwm)
    ("ZWM", {"张伟明"}),
    ("oymy", {"欧阳明月"}),
    ("13812345678", {"欧阳明月"}),  # the full phone number, however typed
    ("138 1234 5678", {"欧阳明月"}),
    ("+86 138-1234-5678", {"欧阳明月"}),
    ("+85291234567", {"James Wong"}),
    ("5678", {"欧阳明月", "王芳"}),  # its last four digits
    ("4567", {"James Wong"}),
    ("E12345678", {"James Wong"}),  # the exact document number
    ("e12345678", {"James Wong"}),
    ("赵", set()),
    ("明月光", set()),  # a colleague's client
    ("1234", set()),  # the colleague's client's last four
    ("13512341234", set()),
    ("13800000000", set()),
    ("E1234567", set()),  # a number is found whole or not at all
    ("zzz", set()),
    ("%", set()),
    ("_", set()),
]


def test_one_search_box_finds_by_name_number_phone_or_initials(
    services: Services, team: Team, directory: dict[str, ClientDetail]
) -> None:
    wrong = {
        text: (got, expected)
        for text, expected in SEARCHES
        if (got := found(services, team.adviser, text)) != expected
    }
    assert wrong == {}


def test_search_by_the_exact_resident_id_number(
    services: Services, team: Team, directory: dict[str, ClientDetail]
) -> None:
    number = prc_id("110105", date(1949, 12, 31), "010")
    assert number.endswith("X")
    assert found(services, team.adviser, number) == {"张伟"}
    assert found(services, team.adviser, number.lower()) == {"张伟"}
    assert found(services, team.adviser, number[:-1]) == set()
    assert found(services, team.colleague, number) == set()
    assert found(services, team.supervisor, "明月") == {"欧阳明月", "明月光"}
    assert found(services, team.supervisor, "1234") == {"明月光"}
    # Search and the adviser filter together.
    query = ClientQuery(text="明", adviser_id=team.colleague.user_id)
    assert names(services.clients.client_page(team.supervisor, query)) == {"明月光"}
    assert services.clients.count_clients(team.supervisor, query) == 1


def test_two_character_search_follows_renames_reassignments_and_filters(
    services: Services, team: Team, directory: dict[str, ClientDetail]
) -> None:
    """Two characters are answered from client_name_pairs, which copies the name's sort key and
    the owner: a rename, a reassignment and the other filters must all still hold."""
    moved = directory["明月光"]
    assert found(services, team.adviser, "月光") == set()
    services.clients.reassign(team.supervisor, moved.id, team.adviser.user_id)
    assert found(services, team.adviser, "月光") == {"明月光"}
    assert found(services, team.colleague, "月光") == set()
    assert found(services, team.colleague, "明月") == set()

    renamed = directory["李明"]
    services.clients.update_client(
        team.adviser, renamed.id, renamed.version, numbered_client(4, "李月光")
    )
    assert found(services, team.adviser, "李明") == set()
    assert found(services, team.adviser, "月光") == {"明月光", "李月光"}

    # Filters on the client's own columns still apply to a two-character search.
    vulnerable = ClientQuery(text="月光", vulnerable_only=True)
    assert services.clients.count_clients(team.adviser, vulnerable) == len(
        services.clients.client_page(team.adviser, vulnerable)
    )
    by_birth = ClientQuery(text="月光", sort=ClientSort.BIRTH_DATE)
    assert names(services.clients.client_page(team.adviser, by_birth)) == {"明月光", "李月光"}
    # Pages of a two-character search come in list order, in either direction.
    forward = services.clients.client_page(team.adviser, ClientQuery(text="月光"))
    backward = services.clients.client_page(team.adviser, ClientQuery(text="月光", descending=True))
    assert [r.key for r in forward] == sorted(r.key for r in forward)
    assert [r.id for r in backward] == [r.id for r in forward][::-1]


def test_a_text_with_two_readings_pages_their_union_in_list_order(
    services: Services, team: Team
) -> None:
    """ "ch" is the initials of 陈红 and a piece of Charles Ng: each reading is read in order from
    its own index and the pages merge them; Chan Hugh is found by both and listed once."""
    initials_only = ["陈红", "程浩", "常辉", "陈华", "崔慧", "陈海", "池宏"]
    fragment_only = ["Bob Chen", "Richard Roe", "Michelle Yeoh", "Charles Ng", "Rachel Wu"]
    both = ["Chan Hugh"]
    neither = ["陈伟", "Anna Li", "张红"]
    for n, name in enumerate(initials_only + fragment_only + both + neither):
        services.clients.create_client(
            team.adviser, numbered_client(n, name), acknowledge_similar=True
        )
    expected = sorted(initials_only + fragment_only + both, key=sort_key)
    query = ClientQuery(text="ch")
    assert services.clients.count_clients(team.adviser, query) == len(expected)
    assert [r.name for r in walk(services, team.adviser, query, limit=3)] == expected
    backwards = ClientQuery(text="ch", descending=True)
    assert [r.name for r in walk(services, team.adviser, backwards, limit=4)] == expected[::-1]
    for skip in range(len(expected)):
        page = services.clients.client_page(team.adviser, query, skip=skip, limit=3)
        assert [r.name for r in page] == expected[skip : skip + 3]
    end = services.clients.client_page(team.adviser, query, from_end=True, limit=5)
    assert [r.name for r in end] == expected[-5:]
    first = services.clients.search(team.adviser, query, limit=4)
    assert (first.count, [r.name for r in first.rows]) == (len(expected), expected[:4])
    # A filter on the clients' own columns applies to each reading.
    vulnerable = ClientQuery(text="ch", vulnerable_only=True)
    assert services.clients.count_clients(team.adviser, vulnerable) == len(
        walk(services, team.adviser, vulnerable, limit=2)
    )


# --- the list: keyset pages, anchors, both ends ------------------------------------------------

SURNAMES = "张章王李赵陈刘杨黄周吴欧"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "勇", "明月", "秀英"]
LATIN = ["Anna Li", "anna li", "James Wong", "Zoe Zhang", "Bob  Chen"]
CROWD = 300


def crowd_name(n: int) -> str:
    if n % 13 == 0:
        return LATIN[(n // 13) % len(LATIN)]
    return SURNAMES[n % len(SURNAMES)] + GIVEN[(n // 7) % len(GIVEN)]


@pytest.fixture
def crowd(services: Services, team: Team) -> list[ClientInput]:
    """300 clients, many sharing a name or a pinyin spelling; every tenth is the colleague's."""
    made = []
    for n in range(CROWD):
        raw = numbered_client(n, crowd_name(n))
        owner = team.colleague if n % 10 == 0 else team.adviser
        services.clients.create_client(owner, raw, acknowledge_similar=True)
        made.append(raw)
    return made


def walk(services: Services, actor: Actor, query: ClientQuery, limit: int) -> list[ClientRow]:
    """The whole list, page after page, each starting after the last key seen."""
    rows: list[ClientRow] = []
    page = services.clients.client_page(actor, query, limit=limit)
    while page:
        rows.extend(page)
        page = services.clients.client_page(actor, query, after=page[-1].key, limit=limit)
    return rows


def test_keyset_pages_visit_every_row_once_and_jump_from_anchors(
    services: Services, team: Team, crowd: list[ClientInput], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clients_module, "ANCHOR_EVERY", 7)
    for actor, expected_count in ((team.supervisor, CROWD), (team.adviser, CROWD - CROWD // 10)):
        rows = walk(services, actor, ALL, limit=23)
        assert len(rows) == expected_count == services.clients.count_clients(actor, ALL)
        assert len({row.id for row in rows}) == len(rows)
        assert [(r.key.value, r.key.id) for r in rows] == sorted(
            (sort_key(r.name), r.id) for r in rows
        )
        assert [r.key.id for r in rows] == [r.id for r in rows]

    rows = walk(services, team.supervisor, ALL, limit=23)
    # Pinyin order: 安 before 陈, 张 and 章 (both zhang) together, Latin names among them.
    order = [r.name for r in rows]
    assert order.index("Anna Li") < order.index("陈伟") < order.index("Zoe Zhang")
    zhang = [i for i, name in enumerate(order) if name[0] in "张章"]
    assert zhang == list(range(zhang[0], zhang[0] + len(zhang)))
    assert rows == walk(services, team.supervisor, ALL, limit=1000)

    # A search, in descending order, pages the same way.
    query = ClientQuery(text="张", descending=True)
    rows = walk(services, team.adviser, query, limit=5)
    expected = sorted(
        (
            (sort_key(raw.name), raw.name)
            for n, raw in enumerate(crowd)
            if "张" in raw.name and n % 10
        ),
        reverse=True,
    )
    assert [r.name for r in rows] == [name for _, name in expected]
    assert services.clients.count_clients(team.adviser, query) == len(rows)
    anchors = services.clients.anchors(team.adviser, query)
    assert anchors == [rows[i].key for i in range(6, len(rows), 7)]
    assert services.clients.client_page(team.adviser, query, from_end=True, limit=3) == rows[-3:]

    # Anchors, jumps and the end of the list, in every order (one crowd: it takes a while).
    for sort in ClientSort:
        for descending in (False, True):
            query = ClientQuery(sort=sort, descending=descending)
            check_order_anchors_and_ends(services, team.supervisor, query, sort, descending)


def jump(
    services: Services, actor: Actor, query: ClientQuery, position: int, limit: int
) -> list[ClientRow]:
    """The rows from ``position`` on: from the nearest anchor, skipping fewer than its spacing."""
    every = clients_module.ANCHOR_EVERY
    anchors = services.clients.anchors(actor, query)
    if position < every:
        return services.clients.client_page(actor, query, skip=position, limit=limit)
    anchor = anchors[position // every - 1]  # the row at position (position // every) * every - 1
    skip = position - (position // every) * every
    return services.clients.client_page(actor, query, after=anchor, skip=skip, limit=limit)


def check_order_anchors_and_ends(
    services: Services, actor: Actor, query: ClientQuery, sort: ClientSort, descending: bool
) -> None:
    rows = walk(services, actor, query, limit=37)
    assert len(rows) == CROWD

    def value(row: ClientRow) -> object:
        return row.birth_date if sort is ClientSort.BIRTH_DATE else sort_key(row.name)

    assert [(value(r), r.id) for r in rows] == sorted(
        ((value(r), r.id) for r in rows), reverse=descending
    ), query
    if sort is ClientSort.BIRTH_DATE:
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", r.key.value) for r in rows)

    anchors = services.clients.anchors(actor, query)
    assert anchors == [rows[i].key for i in range(6, CROWD, 7)], query
    for position in (0, 5, 6, 7, 13, 14, 100, 150, 293, 294, 299):
        assert jump(services, actor, query, position, 20) == rows[position : position + 20], (
            query,
            position,
        )

    assert services.clients.client_page(actor, query, from_end=True, limit=10) == rows[-10:]
    before_last = services.clients.client_page(
        actor, query, after=rows[-10].key, from_end=True, limit=10
    )
    assert before_last == rows[-20:-10]
    assert services.clients.client_page(actor, query, from_end=True, limit=1000) == rows

    with pytest.raises(ValueError, match="skip"):
        services.clients.client_page(actor, query, skip=8)
