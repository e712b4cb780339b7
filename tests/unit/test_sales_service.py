"""Sales through SaleService on the test database (SQLite, or PostgreSQL when
CRM_DESK_TEST_DATABASE_URL is set): the shelf, the check before saving, suitable sales with their
facts frozen, refused attempts, exception requests from submission to approval, rejection or
lapse, four eyes, cooling-off cancellations and corrections, and the client's timeline."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import update

from crm_desk.db.models import Client
from crm_desk.domain.errors import Conflict, NotFound, PermissionDenied
from crm_desk.domain.errors import ValidationError as Invalid
from crm_desk.domain.products import ProductRisk
from crm_desk.domain.roles import Role
from crm_desk.domain.sales import ExceptionRequired, ExceptionStatus, SaleRefused, SaleState
from crm_desk.domain.suitability import Outcome, Rule, Verdict
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.dto import AuditEventDTO
from crm_desk.services.sale_facts import exception_facts, sale_facts
from tests.conftest import FakeClock, MakeUser
from tests.products_support import product_input
from tests.sales_support import (
    assessed_client,
    cooling_product,
    fitting_product,
    make_product,
    risky_product,
    unassessed_client,
)

pytestmark = pytest.mark.db

INSISTENCE = "客户亲笔：本人已阅读特别风险警示书，坚持购买。"
JUSTIFICATION = "客户有五年基金投资经验，了解净值波动，本次仅配置其资产的少量比例。"


@dataclass(frozen=True)
class World:
    admin: Actor
    adviser: Actor
    colleague: Actor  # another adviser of the branch
    supervisor: Actor
    second_supervisor: Actor
    compliance: Actor
    far_supervisor: Actor  # another branch
    client_id: int  # the adviser's client, C3, under 65, ¥1.5m
    fitting: int  # R2, fits
    risky: int  # R4, needs an exception
    cooling: int  # R3 private fund, 24 hours of cooling-off


@pytest.fixture
def world(services: Services, admin: Actor, make_user: MakeUser) -> World:
    far = services.users.create_branch(admin, code="BJ-002", name="北京金融街支行")
    adviser = make_user(Role.ADVISER, "li.adviser")
    return World(
        admin=admin,
        adviser=adviser,
        colleague=make_user(Role.ADVISER, "wu.adviser"),
        supervisor=make_user(Role.SUPERVISOR, "zhou.supervisor"),
        second_supervisor=make_user(Role.SUPERVISOR, "qian.supervisor"),
        compliance=make_user(Role.COMPLIANCE, "he.compliance"),
        far_supervisor=make_user(Role.SUPERVISOR, "far.supervisor", far.id),
        client_id=assessed_client(services, adviser, "张伟"),
        fitting=fitting_product(services, admin),
        risky=risky_product(services, admin),
        cooling=cooling_product(services, admin),
    )


def head(services: Services, admin: Actor) -> int:
    return services.audit.list_events(admin, limit=1)[0].seq


def events_since(services: Services, admin: Actor, seq: int) -> list[AuditEventDTO]:
    return [e for e in reversed(services.audit.list_events(admin, limit=500)) if e.seq > seq]


def submit(services: Services, w: World, actor: Actor | None = None, amount: str = "20000"):  # type: ignore[no-untyped-def]
    return services.sales.submit_exception(
        actor or w.adviser, w.client_id, w.risky, amount, True, True, INSISTENCE, JUSTIFICATION
    )


# -- the shelf and the check --------------------------------------------------------------------
def test_the_shelf_lists_each_product_on_sale_with_its_verdict_and_every_rule(
    services: Services, world: World
) -> None:
    suspended = make_product(services, world.admin, "WM-OFF-01")
    product = services.products.get_product(world.admin, suspended)
    services.products.set_status(
        world.admin, suspended, product.version, "suspended", "Issuer under review"
    )
    shelf = services.sales.shelf(world.adviser, world.client_id)
    verdicts = {item.terms.code: item.verdict for item in shelf}
    assert verdicts == {
        "WM-R2-01": Verdict.SUITABLE,
        "PF-R4-01": Verdict.NEEDS_EXCEPTION,
        "PV-R3-01": Verdict.SUITABLE,
    }
    for item in shelf:
        assert [r.rule for r in item.evaluation.rules] == list(Rule)
        assert item.amount == item.terms.min_amount  # judged at the product's minimum
    risky = next(i for i in shelf if i.terms.code == "PF-R4-01")
    risk = next(r for r in risky.evaluation.rules if r.rule is Rule.RISK_MATCH)
    assert risk.outcome is Outcome.EXCEPTION
    assert "R4" in risk.message.en and "R4" in risk.message.zh_CN


def test_an_unassessed_client_sees_every_product_refused(services: Services, world: World) -> None:
    client = unassessed_client(services, world.adviser)
    assert {i.verdict for i in services.sales.shelf(world.adviser, client)} == {Verdict.PROHIBITED}


def test_the_check_shows_the_verdict_before_anything_is_saved(
    services: Services, world: World
) -> None:
    before = head(services, world.admin)
    check = services.sales.check(world.adviser, world.client_id, world.fitting, "5,000")
    assert check.evaluation.verdict is Verdict.PROHIBITED  # below the ¥10,000 minimum
    check = services.sales.check(world.adviser, world.client_id, world.fitting, Decimal("50000"))
    assert check.evaluation.verdict is Verdict.SUITABLE
    assert check.amount == Decimal("50000.00") and check.client_name == "张伟"
    with pytest.raises(Invalid) as bad:
        services.sales.check(world.adviser, world.client_id, world.fitting, "12.345")
    assert bad.value.problems["amount"].code == "money.cents"
    with pytest.raises(Invalid) as bad:
        services.sales.check(world.adviser, world.client_id, world.fitting, "-3")
    assert bad.value.problems["amount"].code == "amount.format"
    assert head(services, world.admin) == before
    assert services.sales.client_sales(world.adviser, world.client_id) == []


# -- recording ----------------------------------------------------------------------------------
def test_a_suitable_sale_is_recorded_with_its_facts_frozen(
    services: Services, world: World, uow
) -> None:  # type: ignore[no-untyped-def]
    before = head(services, world.admin)
    sale = services.sales.record(world.adviser, world.client_id, world.fitting, "50,000")
    assert sale.verdict is Verdict.SUITABLE and sale.amount == Decimal("50000.00")
    assert sale.client_level == "C3" and sale.product_level == "R2"
    assert sale.state is SaleState.ACTIVE and sale.cooling_off_ends_at is None
    assert sale.adviser_name == "Test Adviser" and sale.approved_by is None
    [event] = events_since(services, world.admin, before)
    assert (event.action, event.actor_id) == ("sale.recorded", world.adviser.user_id)
    assert event.changes["sale_id"] == [None, sale.id]

    # The product is re-rated and the client re-assessed: the sale still says what was known.
    product = services.products.get_product(world.admin, world.fitting)
    services.products.update_product(
        world.admin,
        world.fitting,
        product.version,
        product_input("WM-R2-01", risk_level="R5", horizon_months="72"),
    )
    with uow() as unit:
        facts = sale_facts(unit, sale.id)
    assert facts.product_terms.risk_level is ProductRisk.R2
    assert facts.product_terms.horizon_months == 12
    assert facts.evaluation == sale.evaluation
    assert facts.client_snapshot.name == "张伟"
    assert facts.client_snapshot.assessment is not None
    assert facts.client_snapshot.assessment.level.value == "C3"
    assert facts.policy_version == services.policy.version
    assert facts.exception is None and facts.cancellation is None
    assert services.sales.get_sale(world.compliance, sale.id).terms.risk_level is ProductRisk.R2


def test_a_prohibited_attempt_leaves_no_sale_but_an_audit_event(
    services: Services, world: World
) -> None:
    client = unassessed_client(services, world.adviser, "无评估")
    before = head(services, world.admin)
    with pytest.raises(SaleRefused) as refused:
        services.sales.record(world.adviser, client, world.fitting, "50000")
    reasons = refused.value.params["reasons"]
    assert [r.rule for r in reasons] == ["assessment_valid"]
    assert services.sales.client_sales(world.adviser, client) == []
    [event] = events_since(services, world.admin, before)
    assert (event.action, event.entity_id) == ("sale.refused", str(client))
    assert event.changes["rules"] == [None, ["assessment_valid"]]
    assert event.changes["product"] == [None, "WM-R2-01"]


def test_a_sale_that_needs_an_exception_is_sent_the_exception_way(
    services: Services, world: World
) -> None:
    before = head(services, world.admin)
    with pytest.raises(ExceptionRequired) as needed:
        services.sales.record(world.adviser, world.client_id, world.risky, "20000")
    assert [r.rule for r in needed.value.params["reasons"]] == ["risk_match"]
    assert head(services, world.admin) == before
    assert services.sales.client_sales(world.adviser, world.client_id) == []


def test_a_product_off_the_shelf_cannot_be_sold(services: Services, world: World) -> None:
    product = services.products.get_product(world.admin, world.fitting)
    services.products.set_status(world.admin, world.fitting, product.version, "closed", "Matured")
    with pytest.raises(Conflict) as off:
        services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    assert off.value.params["reason"] == "product_not_on_sale"


def test_advisers_sell_only_to_their_own_clients(services: Services, world: World) -> None:
    with pytest.raises(NotFound):
        services.sales.record(world.colleague, world.client_id, world.fitting, "50000")
    with pytest.raises(NotFound):
        services.sales.shelf(world.far_supervisor, world.client_id)
    with pytest.raises(PermissionDenied):
        services.sales.record(world.compliance, world.client_id, world.fitting, "50000")


# -- exception requests -------------------------------------------------------------------------
def test_sale_exception_approval_records_the_sale_with_the_approval(
    services: Services, world: World, uow, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    before = head(services, world.admin)
    request = submit(services, world)
    assert request.status is ExceptionStatus.PENDING and request.may_decide is False
    assert (request.due_at - request.submitted_at).total_seconds() == (
        services.policy.suitability.exception_deadline_hours * 3600
    )
    [event] = events_since(services, world.admin, before)
    assert event.action == "exception.submitted"
    assert services.sales.client_sales(world.adviser, world.client_id) == []  # the sale waits

    queue = services.sales.exception_queue(world.supervisor)
    assert [(r.id, r.status, r.may_decide, r.overdue) for r in queue] == [
        (request.id, ExceptionStatus.PENDING, True, False)
    ]
    detail = services.sales.exception_detail(world.supervisor, request.id)
    assert detail.request.justification == JUSTIFICATION
    assert detail.request.insistence_text == INSISTENCE
    assert detail.client.name == "张伟" and 18 < detail.client_age < 65 and not detail.elderly
    assert detail.current_evaluation is not None
    assert detail.current_evaluation.verdict is Verdict.NEEDS_EXCEPTION
    assert [r.rule for r in detail.request.evaluation.rules] == list(Rule)
    assert services.sales.exception_queue(world.far_supervisor) == []  # another branch

    clock.advance(hours=3)
    before = head(services, world.admin)
    decision = services.sales.approve(world.supervisor, request.id, "同意：客户经验充分，金额小")
    assert decision.request.status is ExceptionStatus.APPROVED
    sale = decision.sale
    assert sale is not None
    assert sale.verdict is Verdict.NEEDS_EXCEPTION and sale.exception_request_id == request.id
    assert sale.approved_by == "Test Supervisor" and sale.adviser_id == world.adviser.user_id
    assert decision.request.sale_id == sale.id and decision.request.decided_by == "Test Supervisor"
    actions = [e.action for e in events_since(services, world.admin, before)]
    assert actions[:2] == ["exception.approved", "sale.recorded"]  # then the after-sale hooks'
    with uow() as unit:
        facts = sale_facts(unit, sale.id)
        submitted = exception_facts(unit, request.id)
    assert facts.exception is not None
    assert facts.exception.justification == JUSTIFICATION
    assert facts.exception.decision_comment == "同意：客户经验充分，金额小"
    assert facts.approved_by_id == world.supervisor.user_id
    assert submitted.status is ExceptionStatus.APPROVED and submitted.sale_id == sale.id

    [mine] = services.sales.my_requests(world.adviser)
    assert mine.status is ExceptionStatus.APPROVED and mine.sale_id == sale.id
    assert mine.age.total_seconds() == 3 * 3600
    kinds = [e.kind for e in services.clients.timeline(world.adviser, world.client_id)]
    assert {"sale", "exception", "exception_decision"} <= set(kinds)


def test_a_rejected_exception_makes_no_sale_and_the_adviser_sees_why(
    services: Services, world: World
) -> None:
    request = submit(services, world)
    with pytest.raises(Invalid) as bad:
        services.sales.reject(world.supervisor, request.id, "  ")
    assert bad.value.problems["comment"].code == "comment.required"
    decision = services.sales.reject(world.supervisor, request.id, "金额相对客户资产过大，不同意")
    assert decision.sale is None and decision.request.status is ExceptionStatus.REJECTED
    [mine] = services.sales.my_requests(world.adviser)
    assert mine.status is ExceptionStatus.REJECTED
    assert mine.decision_comment == "金额相对客户资产过大，不同意"
    assert services.sales.client_sales(world.adviser, world.client_id) == []
    with pytest.raises(Conflict) as again:
        services.sales.approve(world.second_supervisor, request.id, "I approve instead")
    assert again.value.params["reason"] == "exception_decided"


def test_an_exception_needs_the_warning_the_insistence_and_a_justification(
    services: Services, world: World
) -> None:
    with pytest.raises(Invalid) as bad:
        services.sales.submit_exception(
            world.adviser, world.client_id, world.risky, "abc", False, False, "", "太短"
        )
    assert set(bad.value.problems) == {
        "amount",
        "warning_given",
        "client_insists",
        "insistence_text",
        "justification",
    }
    with pytest.raises(Conflict) as fits:
        services.sales.submit_exception(
            world.adviser,
            world.client_id,
            world.fitting,
            "50000",
            True,
            True,
            INSISTENCE,
            JUSTIFICATION,
        )
    assert fits.value.params["reason"] == "exception_not_needed"
    submit(services, world)
    with pytest.raises(Conflict) as twice:
        submit(services, world)
    assert twice.value.params["reason"] == "exception_pending"
    client = unassessed_client(services, world.adviser)
    before = head(services, world.admin)
    with pytest.raises(SaleRefused):  # not allowed at all: the attempt is what is recorded
        services.sales.submit_exception(
            world.adviser, client, world.risky, "20000", True, True, INSISTENCE, JUSTIFICATION
        )
    assert [e.action for e in events_since(services, world.admin, before)] == ["sale.refused"]
    assert services.sales.client_requests(world.adviser, client) == []


def test_four_eyes_is_enforced_by_the_service(services: Services, world: World, uow) -> None:  # type: ignore[no-untyped-def]
    """A supervisor never decides a request for their own client or their own sale, whatever
    the screens show; compliance and advisers cannot decide at all."""
    for_own_client = submit(services, world)
    # The client is now the supervisor's (written past the screens, which never allow it).
    with uow() as unit:
        unit.session.execute(
            update(Client)
            .where(Client.id == world.client_id)
            .values(adviser_id=world.supervisor.user_id)
        )
        unit.commit()
    other_client = assessed_client(services, world.adviser, "李娜")
    own_sale = services.sales.submit_exception(
        world.supervisor,
        other_client,
        world.risky,
        "20000",
        True,
        True,
        INSISTENCE,
        JUSTIFICATION,
    )
    queue = {r.id: r for r in services.sales.exception_queue(world.supervisor)}
    assert not queue[for_own_client.id].may_decide and not queue[own_sale.id].may_decide
    before = head(services, world.admin)
    for request in (for_own_client, own_sale):
        for decide in (services.sales.approve, services.sales.reject):
            with pytest.raises(Conflict) as refused:
                decide(world.supervisor, request.id, "Looks fine to me")
            assert refused.value.params["reason"] == "four_eyes"
    with pytest.raises(PermissionDenied):
        services.sales.approve(world.compliance, own_sale.id, "Compliance may only read")
    with pytest.raises(PermissionDenied):
        services.sales.reject(world.adviser, own_sale.id, "Advisers may not decide")
    with pytest.raises(NotFound):
        services.sales.approve(world.far_supervisor, own_sale.id, "Another branch")
    assert head(services, world.admin) == before
    assert services.sales.client_sales(world.compliance, other_client) == []
    # Another supervisor of the branch may; compliance reads the whole queue and decides nothing.
    assert services.sales.approve(world.second_supervisor, own_sale.id, "Checked, agreed").sale
    assert {r.id for r in services.sales.exception_queue(world.compliance)} == {
        for_own_client.id,
        own_sale.id,
    }
    assert all(not r.may_decide for r in services.sales.exception_queue(world.compliance))


def test_approval_runs_the_engine_again_and_an_expired_assessment_lapses_the_request(
    services: Services, world: World, clock: FakeClock
) -> None:
    request = submit(services, world)
    clock.advance(days=2 * 366)  # the 24-month assessment has expired meanwhile
    detail = services.sales.exception_detail(world.supervisor, request.id)
    assert detail.current_evaluation is not None
    assert detail.current_evaluation.verdict is Verdict.PROHIBITED
    assert services.sales.exception_queue(world.supervisor)[0].overdue
    before = head(services, world.admin)
    decision = services.sales.approve(world.supervisor, request.id, "同意，金额较小")
    assert decision.sale is None and decision.request.status is ExceptionStatus.LAPSED
    lapsed_by = decision.request.decision_evaluation
    assert lapsed_by is not None and lapsed_by.verdict is Verdict.PROHIBITED
    assert decision.request.evaluation.verdict is Verdict.NEEDS_EXCEPTION  # as submitted
    [event] = events_since(services, world.admin, before)
    assert event.action == "exception.lapsed"
    assert event.changes["rules"] == [None, ["assessment_valid"]]
    assert services.sales.client_sales(world.adviser, world.client_id) == []
    [mine] = services.sales.my_requests(world.adviser)
    assert mine.status is ExceptionStatus.LAPSED
    assert mine.decision_evaluation == lapsed_by


def test_approval_stores_the_verdict_of_the_day(
    services: Services, world: World, clock: FakeClock
) -> None:
    """The client was re-assessed C5 while the request waited: the sale stores SUITABLE."""
    from tests.unit.test_assessments_service import GROWTH

    request = submit(services, world)
    clock.advance(hours=1)
    draft = services.assessments.start(world.adviser, world.client_id)
    draft = services.assessments.save_answers(world.adviser, draft.id, draft.version, GROWTH)
    level = services.assessments.confirm(world.adviser, draft.id, draft.version, True).level
    assert level.value == "C4"  # may buy up to R4 now
    decision = services.sales.approve(world.supervisor, request.id, "同意，已重新评估")
    assert decision.sale is not None
    assert decision.sale.verdict is Verdict.SUITABLE
    assert decision.sale.client_level == level.value
    assert decision.request.evaluation.verdict is Verdict.NEEDS_EXCEPTION


def test_a_request_past_its_deadline_is_overdue(
    services: Services, world: World, clock: FakeClock
) -> None:
    request = submit(services, world)
    hours = services.policy.suitability.exception_deadline_hours
    clock.advance(hours=hours - 1)
    assert not services.sales.exception_queue(world.supervisor)[0].overdue
    clock.advance(hours=2)
    [late] = services.sales.exception_queue(world.supervisor)
    assert late.id == request.id and late.overdue
    assert late.age.total_seconds() == (hours + 1) * 3600


# -- cooling-off and corrections ----------------------------------------------------------------
def test_a_sale_is_cancelled_within_cooling_off_and_not_after(
    services: Services, world: World, clock: FakeClock
) -> None:
    sale = services.sales.record(world.adviser, world.client_id, world.cooling, "1000000")
    assert sale.state is SaleState.COOLING_OFF and sale.may_cancel
    assert sale.cooling_off_ends_at is not None
    assert (sale.cooling_off_ends_at - sale.recorded_at).total_seconds() == 24 * 3600
    warning = next(r for r in sale.evaluation.rules if r.rule is Rule.CONCENTRATION)
    assert warning.outcome is Outcome.WARNING  # two thirds of the assets: shown, not blocking
    clock.advance(hours=23)
    with pytest.raises(Invalid):
        services.sales.cancel(world.adviser, sale.id, "")
    before = head(services, world.admin)
    cancelled = services.sales.cancel(world.adviser, sale.id, "客户冷静期内改变主意")
    assert cancelled.state is SaleState.CANCELLED and cancelled.cancellation is not None
    assert cancelled.cancellation.reason == "客户冷静期内改变主意"
    actions = [e.action for e in events_since(services, world.admin, before)]
    assert actions[0] == "sale.cancelled"  # then the cancellation hooks'
    with pytest.raises(Conflict) as twice:
        services.sales.cancel(world.adviser, sale.id, "Once more")
    assert twice.value.params["reason"] == "sale_cancelled"

    later = services.sales.record(world.adviser, world.client_id, world.cooling, "1000000")
    clock.advance(hours=24)
    assert services.sales.get_sale(world.adviser, later.id).state is SaleState.ACTIVE
    with pytest.raises(Conflict) as over:
        services.sales.cancel(world.adviser, later.id, "Changed their mind")
    assert over.value.params["reason"] == "cooling_off_over"
    plain = services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    with pytest.raises(Conflict) as none:
        services.sales.cancel(world.adviser, plain.id, "Changed their mind")
    assert none.value.params["reason"] == "no_cooling_off"
    with pytest.raises(PermissionDenied):
        services.sales.cancel(world.compliance, later.id, "Compliance cannot")
    kinds = [e.kind for e in services.clients.timeline(world.adviser, world.client_id)]
    assert "sale_cancelled" in kinds


def test_a_correction_is_a_new_record_pointing_at_the_sale(
    services: Services, world: World
) -> None:
    sale = services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    with pytest.raises(Invalid) as bad:
        services.sales.correct(world.adviser, sale.id, "typo")
    assert bad.value.problems["note"].code == "correction.required"
    corrected = services.sales.correct(
        world.supervisor, sale.id, "签约时间应为 10:30，系统录入时间为 11:05"
    )
    assert [c.note for c in corrected.corrections] == ["签约时间应为 10:30，系统录入时间为 11:05"]
    assert corrected.amount == sale.amount and corrected.evaluation == sale.evaluation
    assert "sale_corrected" in {
        e.kind for e in services.clients.timeline(world.adviser, world.client_id)
    }
