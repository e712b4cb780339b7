"""Ongoing suitability through ReviewService, on the test database (SQLite, or PostgreSQL when
CRM_DESK_TEST_DATABASE_URL is set): a re-rating or a lower assessment opens a review for exactly
the holdings that no longer fit; the adviser closes them; the supervisor sees the branch's."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crm_desk.domain.aftercare import ReviewOutcome, ReviewStatus, ReviewTrigger
from crm_desk.domain.errors import Conflict, NotFound, PermissionDenied
from crm_desk.domain.errors import ValidationError as Invalid
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.review_dto import ReviewDTO
from tests.aftercare_support import (
    BALANCED,
    GROWTH,
    Branch,
    make_branch,
    new_client,
    new_product,
    reassess,
    rerate,
    sell,
    sell_by_exception,
)
from tests.conftest import FakeClock, MakeUser
from tests.products_support import product_input

pytestmark = pytest.mark.db


@pytest.fixture
def branch(services: Services, admin: Actor, make_user: MakeUser) -> Branch:
    return make_branch(services, admin, make_user)


def open_reviews(services: Services, actor: Actor) -> list[ReviewDTO]:
    return list(services.reviews.reviews(actor).rows)


def last_event(services: Services, admin: Actor, action: str) -> dict[str, list[object]]:
    for event in services.audit.list_events(admin, limit=50):
        if event.action == action:
            return event.changes
    raise AssertionError(f"no {action} event")


def test_a_rerating_reviews_exactly_the_holdings_that_no_longer_fit(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    seller = branch.seller
    product = new_product(services, branch.admin, risk="R3", cooling_off_hours=24)
    balanced = new_client(services, seller, name="赵稳健")  # C3: R4 is above their level
    twice = new_client(services, seller, name="钱两笔")  # C3, holds it twice
    cancelled = new_client(services, seller, name="孙撤销")  # C3, but cancelled in cooling-off
    growth = new_client(services, seller, name="李积极", answers=GROWTH)  # C4: R4 still fits
    kept = [
        sell(services, seller, balanced, product).id,
        sell(services, seller, twice, product, "20000").id,
        sell(services, seller, twice, product, "30000").id,
    ]
    gone = sell(services, seller, cancelled, product).id
    sell(services, seller, growth, product)
    other = new_product(services, branch.admin, risk="R3")
    sell(services, seller, balanced, other)  # another product: not concerned
    services.sales.cancel(seller, gone, "客户冷静期内撤销。")
    clock.advance(days=3)

    rerate(services, branch.admin, product, "R4")

    reviews = open_reviews(services, seller)
    assert sorted(r.sale_id for r in reviews) == sorted(kept)
    for review in reviews:
        assert review.cause is ReviewTrigger.PRODUCT_RERATED
        assert (review.level_before, review.level_after) == ("R3", "R4")
        assert review.verdict == "needs_exception"
        assert review.reasons[0].rule == "risk_match"  # listed with every other rule it now fails
        assert review.reasons[0].message.zh_CN and review.reasons[0].message.en
        assert review.adviser_id == seller.user_id and review.may_close
        assert review.product_id == product and review.is_open
    timeline = services.clients.timeline(seller, balanced)
    assert [(e.kind, e.title, e.detail) for e in timeline if e.kind == "suitability_review"] == [
        ("suitability_review", reviews[0].product_code, "product_rerated:R3:R4:open")
    ]
    summary = last_event(services, branch.admin, "suitability_review.run")
    assert summary["cause"][1] == "product_rerated"
    assert summary["level"] == ["R3", "R4"]
    assert summary["holdings_checked"][1] == 4  # the cancelled sale is not a holding
    assert summary["reviews_opened"][1] == 3
    low, high = (int(x) for x in str(summary["review_ids"][1]).split("-"))
    assert sorted(r.id for r in reviews) == list(range(low, high + 1))


def test_a_lower_risk_level_opens_no_review(services: Services, branch: Branch) -> None:
    product = new_product(services, branch.admin, risk="R3")
    client = new_client(services, branch.seller)
    sell(services, branch.seller, client, product)
    rerate(services, branch.admin, product, "R2")
    assert open_reviews(services, branch.seller) == []


def test_a_second_rerating_supersedes_the_open_review(services: Services, branch: Branch) -> None:
    product = new_product(services, branch.admin, risk="R3")
    client = new_client(services, branch.seller)
    sale = sell(services, branch.seller, client, product).id
    rerate(services, branch.admin, product, "R4")
    (first,) = open_reviews(services, branch.seller)
    rerate(services, branch.admin, product, "R5")
    (second,) = open_reviews(services, branch.seller)
    assert second.sale_id == sale and second.id != first.id
    assert (second.level_before, second.level_after) == ("R4", "R5")
    superseded = services.reviews.reviews(branch.seller, status=ReviewStatus.SUPERSEDED).rows
    assert [r.id for r in superseded] == [first.id]
    assert last_event(services, branch.admin, "suitability_review.run")["reviews_superseded"] == [
        None,
        1,
    ]


def test_a_lower_assessment_reviews_that_clients_holdings(
    services: Services, branch: Branch
) -> None:
    seller = branch.seller
    client = new_client(services, seller, answers=GROWTH)  # C4
    bystander = new_client(services, seller, answers=GROWTH)
    high = new_product(services, branch.admin, risk="R4")
    low = new_product(services, branch.admin, risk="R2")
    high_sale = sell(services, seller, client, high).id
    sell(services, seller, client, low)
    sell(services, seller, bystander, high)

    reassess(services, seller, client, GROWTH)  # the same level: nothing to review
    assert open_reviews(services, seller) == []

    reassess(services, seller, client, BALANCED)  # C3 now
    reviews = open_reviews(services, seller)
    assert [r.sale_id for r in reviews] == [high_sale]
    (review,) = reviews
    assert review.cause is ReviewTrigger.ASSESSMENT_LOWERED
    assert review.level_before == "C4" and review.level_after == "C3"
    summary = last_event(services, branch.admin, "suitability_review.run")
    assert summary["holdings_checked"][1] == 2 and summary["reviews_opened"][1] == 1


def test_the_adviser_closes_a_review_with_an_outcome(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    product = new_product(services, branch.admin, risk="R3")
    client = new_client(services, branch.seller)
    sell(services, branch.seller, client, product)
    rerate(services, branch.admin, product, "R4")
    (review,) = open_reviews(services, branch.seller)

    # Only who serves the client: another adviser does not see it, compliance only reads.
    assert open_reviews(services, branch.colleague) == []
    with pytest.raises(NotFound):
        services.reviews.close_review(
            branch.colleague, review.id, review.version, "client_informed", "已告知客户。"
        )
    with pytest.raises(PermissionDenied):
        services.reviews.close_review(
            branch.compliance, review.id, review.version, "client_informed", "已告知客户。"
        )
    assert [r.id for r in open_reviews(services, branch.compliance)] == [review.id]
    assert not open_reviews(services, branch.compliance)[0].may_close
    with pytest.raises(Invalid) as invalid:
        services.reviews.close_review(branch.seller, review.id, review.version, "", "ok")
    assert set(invalid.value.problems) == {"outcome", "note"}

    clock.advance(days=2)
    closed = services.reviews.close_review(
        branch.seller,
        review.id,
        review.version,
        ReviewOutcome.CLIENT_KEEPS.value,
        "已电话告知客户产品风险等级上调，客户书面确认继续持有。",
    )
    assert closed.status is ReviewStatus.CLOSED and closed.outcome is ReviewOutcome.CLIENT_KEEPS
    assert closed.closed_by == branch.seller.display_name and closed.closed_at == clock.now
    assert open_reviews(services, branch.seller) == []
    done = services.reviews.reviews(branch.seller, status=ReviewStatus.CLOSED).rows
    assert [r.id for r in done] == [review.id]
    with pytest.raises(Conflict) as again:
        services.reviews.close_review(
            branch.seller, review.id, closed.version, "redeemed", "客户已赎回全部份额。"
        )
    assert again.value.params["reason"] == "review_closed"
    event = services.audit.list_events(branch.admin, limit=1)[0]
    assert (event.action, event.entity_id) == ("suitability_review.closed", str(review.id))
    assert event.changes["outcome"] == [None, "client_keeps"]


def test_the_supervisor_sees_the_branchs_reviews_by_adviser(
    services: Services, branch: Branch
) -> None:
    product = new_product(services, branch.admin, risk="R3")
    for adviser in (branch.seller, branch.colleague, branch.colleague):
        sell(services, adviser, new_client(services, adviser), product)
    far_client = new_client(services, branch.far_adviser)
    sell(services, branch.far_adviser, far_client, product)
    rerate(services, branch.admin, product, "R4")

    listing = services.reviews.reviews(branch.supervisor)
    assert listing.total == 3 and len(listing.rows) == 3
    assert sorted(n for _, n in listing.open_by_adviser) == [1, 2]
    assert all(r.may_close for r in listing.rows)
    mine = services.reviews.reviews(branch.supervisor, adviser_id=branch.colleague.user_id)
    assert mine.total == 2
    assert services.reviews.reviews(branch.compliance).total == 4
    assert services.reviews.reviews(branch.far_adviser).total == 1


def test_cancelling_a_sale_withdraws_its_open_review(
    services: Services, branch: Branch, clock: FakeClock
) -> None:
    product = new_product(services, branch.admin, risk="R3", cooling_off_hours=48)
    client = new_client(services, branch.seller)
    sale = sell(services, branch.seller, client, product).id
    rerate(services, branch.admin, product, "R4")
    assert len(open_reviews(services, branch.seller)) == 1
    clock.advance(hours=1)
    services.sales.cancel(branch.seller, sale, "客户得知风险等级上调后撤销。")
    assert open_reviews(services, branch.seller) == []
    withdrawn = services.reviews.reviews(branch.seller, status=ReviewStatus.WITHDRAWN).rows
    assert [r.sale_id for r in withdrawn] == [sale]
    assert timedelta(0) < clock.now - withdrawn[0].created_at


def test_an_exception_sale_is_reviewed_only_for_what_it_did_not_accept(
    services: Services, branch: Branch
) -> None:
    """A C4 client bought a ten-year product by exception (longer than their horizon): raising
    the product to R4 changes nothing they accepted. A C3 client bought an R4 product by
    exception: at R5 their exception no longer covers it."""
    long_term = services.products.create_product(
        branch.admin, product_input("WM-LONG-10Y", risk_level="R3", horizon_months="120")
    ).id
    patient = new_client(services, branch.seller, answers=GROWTH)  # C4, horizon 3-5 years
    check = services.sales.check(branch.seller, patient, long_term, "50000")
    assert [r.rule.value for r in check.evaluation.blocking] == ["horizon"]
    accepted_sale = sell_by_exception(
        services, branch.seller, branch.supervisor, patient, long_term
    ).id
    rerate(services, branch.admin, long_term, "R4")
    assert [r.sale_id for r in open_reviews(services, branch.seller)] == []
    summary = last_event(services, branch.admin, "suitability_review.run")
    assert summary["holdings_checked"][1] == 1 and summary["reviews_opened"][1] == 0

    risky = new_product(services, branch.admin, risk="R4")
    cautious = new_client(services, branch.seller)  # C3
    stretched = sell_by_exception(services, branch.seller, branch.supervisor, cautious, risky).id
    rerate(services, branch.admin, risky, "R5")
    (review,) = open_reviews(services, branch.seller)
    assert review.sale_id == stretched and review.sale_id != accepted_sale
    assert review.reasons[0].rule == "risk_match"  # listed with every other rule it now fails
