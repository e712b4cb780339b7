"""The product catalogue through ProductService, on the test database (SQLite, or PostgreSQL when
CRM_DESK_TEST_DATABASE_URL is set): each field's checks, duplicate codes, optimistic locking,
status changes, re-rating (audited, hooks in the same transaction), who may do what."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from crm_desk.db.engine import make_engine
from crm_desk.db.uow import UnitOfWork, uow_factory
from crm_desk.domain.errors import (
    ConcurrentEdit,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from crm_desk.domain.policy import Policy
from crm_desk.domain.products import (
    ProductRisk,
    ProductStatus,
    ProductType,
    validate_product,
)
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.dto import AuditEventDTO
from crm_desk.services.passwords import fast_hasher_for_tests
from crm_desk.services.product_dto import ProductQuery
from tests.conftest import FakeClock, MakeUser
from tests.db.test_optimistic_locking import race
from tests.products_support import product_input

pytestmark = pytest.mark.db


def problems_of(services: Services, admin: Actor, **changes: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        services.products.create_product(admin, product_input(**changes))  # type: ignore[arg-type]
    return {name: problem.code for name, problem in refused.value.problems.items()}


def product_events(services: Services, admin: Actor) -> list[AuditEventDTO]:
    events = services.audit.list_events(admin, limit=100)
    return [e for e in reversed(events) if e.entity_type.startswith("product")]


# -- validation, field by field ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"code": ""}, "code", "product_code.required"),
        ({"code": "WM CASH/01"}, "code", "product_code.format"),
        ({"code": "-WM"}, "code", "product_code.format"),
        ({"code": "A" * 33}, "code", "product_code.format"),
        ({"name_zh": "  "}, "name_zh", "product_name_zh.required"),
        ({"name_en": ""}, "name_en", "product_name_en.required"),
        ({"name_en": "x" * 201}, "name_en", "name.too_long"),
        ({"issuer": ""}, "issuer", "issuer.required"),
        ({"product_type": "shares"}, "product_type", "choice.required"),
        ({"risk_level": "R6"}, "risk_level", "product_risk.required"),
        ({"redemption": ""}, "redemption", "choice.required"),
        ({"horizon_months": "-1"}, "horizon_months", "whole.range"),
        ({"horizon_months": "1.5"}, "horizon_months", "whole.format"),
        ({"min_amount": "-1"}, "min_amount", "min_amount.format"),
        ({"min_amount": "1万"}, "min_amount", "min_amount.format"),
        ({"min_amount": "10000.001"}, "min_amount", "money.cents"),
        ({"currency": "RMB"}, "currency", "currency.unknown"),
        ({"cooling_off_hours": "-2"}, "cooling_off_hours", "whole.range"),
        (
            {"product_type": "private_fund", "cooling_off_hours": "23"},
            "cooling_off_hours",
            "cooling_off.private_fund",
        ),
        ({"product_type": "structured", "is_complex": False}, "is_complex", "complex.structured"),
        ({"risk_factors_zh": ()}, "risk_factors_zh", "risk_factors.required"),
        ({"risk_factors_en": ("  ", "")}, "risk_factors_en", "risk_factors.required"),
        ({"risk_factors_en": ("x" * 501,)}, "risk_factors_en", "risk_factors.too_long"),
    ],
)
def test_each_field_is_checked(
    services: Services, admin: Actor, changes: dict[str, object], field: str, code: str
) -> None:
    assert problems_of(services, admin, **changes) == {field: code}
    assert services.products.list_products(admin) == []


def test_every_problem_at_once_and_nothing_saved(services: Services, admin: Actor) -> None:
    problems = problems_of(
        services, admin, code="", name_zh="", min_amount="abc", currency="", risk_factors_zh=()
    )
    assert set(problems) == {"code", "name_zh", "min_amount", "currency", "risk_factors_zh"}
    assert product_events(services, admin) == []


def test_input_is_tidied(services: Services, admin: Actor) -> None:
    created = services.products.create_product(
        admin,
        product_input(
            code=" wm-cash-01 ",
            name_zh="  现金  管理 ",
            min_amount="1,000,000.5",
            currency="usd",
            risk_level="r1",
            risk_factors_zh=("  流动性风险 ", "", "流动性风险"),
        ),
    )
    terms = created.terms
    assert terms.code == "WM-CASH-01"
    assert terms.name_zh == "现金 管理"
    assert terms.min_amount == Decimal("1000000.50")
    assert terms.currency == "USD"
    assert terms.risk_level is ProductRisk.R1
    assert terms.risk_factors_zh == ("流动性风险",)
    assert created.status is ProductStatus.ON_SALE and created.version == 1


def test_structured_products_are_complex_unless_said_otherwise() -> None:
    assert validate_product(product_input(product_type="structured")).is_complex
    assert not validate_product(product_input(product_type="public_fund")).is_complex
    assert validate_product(product_input(product_type="public_fund", is_complex=True)).is_complex
    private = product_input(product_type="private_fund", cooling_off_hours="24")
    assert validate_product(private).cooling_off_hours == 24


# -- creating, reading, listing ----------------------------------------------------------------
def test_create_is_audited_with_every_field(services: Services, admin: Actor) -> None:
    created = services.products.create_product(admin, product_input("FD-BOND-01"))
    [event] = product_events(services, admin)
    assert (event.action, event.entity_id, event.actor_id) == (
        "product.created",
        str(created.id),
        admin.user_id,
    )
    assert event.changes["code"] == [None, "FD-BOND-01"]
    assert event.changes["min_amount"] == [None, "10000.00"]
    assert event.changes["risk_factors_en"][1] == list(created.terms.risk_factors_en)
    assert event.changes["status"] == [None, "on_sale"]
    assert services.products.get_product(admin, created.id) == created
    assert services.products.get_by_code(admin, "fd-bond-01") == created
    with pytest.raises(NotFound):
        services.products.get_by_code(admin, "NOPE")


def test_a_duplicate_code_is_refused_with_a_clear_message(services: Services, admin: Actor) -> None:
    services.products.create_product(admin, product_input("WM-CASH-01"))
    with pytest.raises(ValidationError) as refused:
        services.products.create_product(admin, product_input("wm-cash-01", name_en="Other"))
    problem = refused.value.problems["code"]
    assert problem.code == "product_code.taken" and problem.params == {"code": "WM-CASH-01"}
    assert "already in the catalogue" in problem.message
    assert len(services.products.list_products(admin)) == 1


def test_list_filters_and_search(services: Services, admin: Actor, make_user: MakeUser) -> None:
    services.products.create_product(admin, product_input("WM-CASH-01", risk_level="R1"))
    services.products.create_product(
        admin,
        product_input(
            "PF-EQ-01",
            name_zh="股票型基金",
            name_en="Equity fund",
            product_type="public_fund",
            risk_level="R4",
            issuer="华夏基金",
        ),
    )
    fund = services.products.get_by_code(admin, "PF-EQ-01")
    services.products.set_status(admin, fund.id, fund.version, "suspended", "Issuer paused sales")
    adviser = make_user(Role.ADVISER)
    products = services.products

    def codes(**query: object) -> list[str]:
        return [p.code for p in products.list_products(adviser, ProductQuery(**query))]  # type: ignore[arg-type]

    assert codes() == ["PF-EQ-01", "WM-CASH-01"]
    assert codes(status=ProductStatus.ON_SALE) == ["WM-CASH-01"]
    assert codes(product_type=ProductType.PUBLIC_FUND) == ["PF-EQ-01"]
    assert codes(risk_level=ProductRisk.R1) == ["WM-CASH-01"]
    assert codes(text="equity") == ["PF-EQ-01"]
    assert codes(text="股票") == ["PF-EQ-01"]
    assert codes(text="华夏") == ["PF-EQ-01"]
    assert codes(text="cash-0") == ["WM-CASH-01"]
    assert codes(text="100%") == []
    assert codes(text="_") == []


# -- editing -----------------------------------------------------------------------------------
def test_update_audits_only_the_changed_fields(services: Services, admin: Actor) -> None:
    created = services.products.create_product(admin, product_input())
    updated = services.products.update_product(
        admin, created.id, created.version, product_input(min_amount="50000", horizon_months="24")
    )
    assert updated.version == 2 and updated.terms.min_amount == Decimal("50000.00")
    event = product_events(services, admin)[-1]
    assert event.action == "product.updated"
    assert event.changes == {
        "horizon_months": [12, 24],
        "min_amount": ["10000.00", "50000.00"],
        "version": [1, 2],
    }
    again = services.products.update_product(
        admin,
        created.id,
        updated.version,
        product_input(min_amount="50,000.00", horizon_months="24"),
    )
    assert again.version == 2, "no change, no new version"
    assert len(product_events(services, admin)) == 2


def test_the_code_cannot_change(services: Services, admin: Actor) -> None:
    created = services.products.create_product(admin, product_input("WM-A"))
    with pytest.raises(ValidationError) as refused:
        services.products.update_product(admin, created.id, 1, product_input("WM-B"))
    assert refused.value.problems["code"].code == "product_code.fixed"


def test_optimistic_locking_names_who_changed_what(
    services: Services, admin: Actor, make_user: MakeUser
) -> None:
    other_admin = make_user(Role.ADMINISTRATOR)
    created = services.products.create_product(admin, product_input())
    services.products.update_product(
        other_admin, created.id, created.version, product_input(issuer="另一家公司")
    )
    with pytest.raises(ConcurrentEdit) as stale:
        services.products.update_product(
            admin, created.id, created.version, product_input(min_amount="1")
        )
    assert stale.value.changed_fields == ["issuer"]
    assert stale.value.params["who"] == "Test Administrator"
    assert stale.value.current_version == 2
    current = services.products.get_product(admin, created.id)
    assert current.terms.min_amount == Decimal("10000.00") and current.terms.issuer == "另一家公司"
    with pytest.raises(ConcurrentEdit):
        services.products.set_status(admin, created.id, 1, "closed", "Matured and closed")


def test_status_changes_need_a_reason_and_are_audited(services: Services, admin: Actor) -> None:
    created = services.products.create_product(admin, product_input())
    with pytest.raises(ValidationError) as refused:
        services.products.set_status(admin, created.id, 1, "suspended", " ok ")
    assert refused.value.problems["reason"].code == "status_reason.required"
    with pytest.raises(ValidationError):
        services.products.set_status(admin, created.id, 1, "sold_out", "Issuer paused sales")
    suspended = services.products.set_status(
        admin, created.id, 1, ProductStatus.SUSPENDED, "Issuer paused subscriptions"
    )
    assert suspended.status is ProductStatus.SUSPENDED and suspended.version == 2
    event = product_events(services, admin)[-1]
    assert event.action == "product.status_changed"
    assert event.changes == {
        "reason": [None, "Issuer paused subscriptions"],
        "status": ["on_sale", "suspended"],
        "version": [1, 2],
    }
    same = services.products.set_status(admin, created.id, 2, "suspended", "Still paused")
    assert same.version == 2 and len(product_events(services, admin)) == 2


# -- re-rating ---------------------------------------------------------------------------------
def test_a_new_risk_level_is_audited_and_runs_the_hooks_in_the_same_transaction(
    services: Services, admin: Actor
) -> None:
    created = services.products.create_product(admin, product_input(risk_level="R2"))
    seen: list[tuple[int, ProductRisk, ProductRisk, bool, int]] = []

    def hook(
        uow: UnitOfWork, actor: Actor, product_id: int, old: ProductRisk, new: ProductRisk
    ) -> None:
        # Inside the re-rating's transaction: the new level and both events are already there.
        from sqlalchemy import text

        level = uow.session.execute(
            text("SELECT risk_level FROM products WHERE id = :id"), {"id": product_id}
        ).scalar_one()
        rerated = uow.session.execute(
            text("SELECT count(*) FROM audit_events WHERE action = 'product.rerated'")
        ).scalar_one()
        seen.append((product_id, old, new, level == new.value, rerated))
        assert actor.user_id == admin.user_id

    services.products.on_rerated[:] = [hook]  # this test's hook alone
    services.products.update_product(admin, created.id, 1, product_input(risk_level="R4"))
    assert seen == [(created.id, ProductRisk.R2, ProductRisk.R4, True, 1)]
    updated, rerated = product_events(services, admin)[-2:]
    assert updated.action == "product.updated"
    assert updated.changes["risk_level"] == ["R2", "R4"]
    assert rerated.action == "product.rerated"
    assert rerated.changes == {"code": ["WM-TEST-01", "WM-TEST-01"], "risk_level": ["R2", "R4"]}
    services.products.update_product(
        admin, created.id, 2, product_input(risk_level="R4", issuer="X公司")
    )
    assert len(seen) == 1, "no re-rating without a new level"


def test_a_failing_hook_rolls_the_re_rating_back(services: Services, admin: Actor) -> None:
    created = services.products.create_product(admin, product_input(risk_level="R2"))

    class ReviewFailed(Exception):
        pass

    def hook(
        uow: UnitOfWork, actor: Actor, product_id: int, old: ProductRisk, new: ProductRisk
    ) -> None:
        raise ReviewFailed

    services.products.on_rerated[:] = [hook]  # this test's hook alone
    with pytest.raises(ReviewFailed):
        services.products.update_product(admin, created.id, 1, product_input(risk_level="R5"))
    current = services.products.get_product(admin, created.id)
    assert current.risk_level is ProductRisk.R2 and current.version == 1
    assert [e.action for e in product_events(services, admin)] == ["product.created"]


# -- who may ------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", [Role.ADVISER, Role.SUPERVISOR, Role.COMPLIANCE])
def test_only_administrators_manage_the_catalogue(
    services: Services, admin: Actor, make_user: MakeUser, role: Role
) -> None:
    created = services.products.create_product(admin, product_input())
    user = make_user(role)
    assert [p.code for p in services.products.list_products(user)] == ["WM-TEST-01"]
    with pytest.raises(PermissionDenied):
        services.products.create_product(user, product_input("WM-OTHER"))
    with pytest.raises(PermissionDenied):
        services.products.update_product(user, created.id, 1, product_input(risk_level="R5"))
    with pytest.raises(PermissionDenied):
        services.products.set_status(user, created.id, 1, "closed", "Closed by someone")
    assert services.products.get_product(user, created.id) == created
    assert len(product_events(services, admin)) == 1


def test_the_demo_shelf_covers_every_level_and_type(services: Services, admin: Actor) -> None:
    from crm_desk.demo_products import SHELF_CODES, seed_products

    codes = seed_products(services, admin)
    assert codes == list(SHELF_CODES) and len(set(codes)) == len(codes) >= 20
    shelf = services.products.list_products(admin)
    assert {p.risk_level for p in shelf} == set(ProductRisk)
    assert {p.product_type for p in shelf} == set(ProductType)
    assert {p.status for p in shelf} == set(ProductStatus)
    private = [p for p in shelf if p.product_type is ProductType.PRIVATE_FUND]
    assert private and all(p.terms.cooling_off_hours >= 24 for p in private)
    snowball = services.products.get_by_code(admin, "SN-SNOW-01")
    assert snowball.terms.is_complex and snowball.risk_level is ProductRisk.R5
    assert all(p.terms.risk_factors_zh and p.terms.risk_factors_en for p in shelf)


# -- two workstations at once -------------------------------------------------------------------
@pytest.fixture
def other_workstation(
    database_url: str, clock: FakeClock, policy: Policy, crm_home: Path
) -> Iterator[Services]:
    """A second workstation on the same database: its own engine and sessions."""
    engine = make_engine(database_url)
    built = Services.build(
        uow_factory(engine, clock), policy, fast_hasher_for_tests(), key_dir=crm_home / "keys"
    )
    built.keys.open()
    yield built
    engine.dispose()


def test_two_administrators_saving_the_same_version_one_wins(
    services: Services, other_workstation: Services, admin: Actor, make_user: MakeUser
) -> None:
    colleague = make_user(Role.ADMINISTRATOR)
    created = services.products.create_product(admin, product_input(risk_level="R2"))
    outcomes = race(
        lambda: services.products.update_product(
            admin, created.id, 1, product_input(risk_level="R3")
        ),
        lambda: other_workstation.products.update_product(
            colleague, created.id, 1, product_input(risk_level="R4")
        ),
    )
    assert sorted(outcomes)[1] == "saved", outcomes
    assert sorted(outcomes)[0] in ("concurrent_edit", "conflict:stale"), outcomes
    current = services.products.get_product(admin, created.id)
    assert current.version == 2
    rerated = [e for e in product_events(services, admin) if e.action == "product.rerated"]
    assert [e.changes["risk_level"] for e in rerated] == [["R2", current.risk_level.value]]


def test_two_administrators_creating_the_same_code_one_wins(
    services: Services, other_workstation: Services, admin: Actor, make_user: MakeUser
) -> None:
    colleague = make_user(Role.ADMINISTRATOR)

    def create(service: Services, actor: Actor, name: str) -> None:
        try:
            service.products.create_product(actor, product_input("WM-NEW", name_en=name))
        except ValidationError as exc:  # the other one was committed before this one looked
            assert exc.problems["code"].code == "product_code.taken"
            raise Conflict("taken", reason="duplicate") from exc

    outcomes = race(
        lambda: create(services, admin, "Mine"),
        lambda: create(other_workstation, colleague, "Theirs"),
    )
    assert sorted(outcomes) == ["conflict:duplicate", "saved"], outcomes
    assert [p.code for p in services.products.list_products(admin)] == ["WM-NEW"]
    assert [e.action for e in product_events(services, admin)] == ["product.created"]
