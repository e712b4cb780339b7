"""Documents through DocumentService on the test database (SQLite, or PostgreSQL when
CRM_DESK_TEST_DATABASE_URL is set): made at the right step of a sale, archived and immutable,
re-rendered to the same bytes, reprinted as audited copies, verified against the archive."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from crm_desk.commands import run_command
from crm_desk.db.uow import UnitOfWorkFactory
from crm_desk.domain import documents as f
from crm_desk.domain.errors import NotFound, PermissionDenied
from crm_desk.domain.roles import Role
from crm_desk.reports import samples
from crm_desk.reports.render import render
from crm_desk.services.actor import Actor
from crm_desk.services.container import Services
from crm_desk.services.document_dto import VerificationStatus
from tests.conftest import MakeUser
from tests.sales_support import assessed_client, cooling_product, fitting_product, risky_product

pytestmark = pytest.mark.db

INSISTENCE = "客户亲笔：本人已阅读特别风险警示书，坚持购买。"
JUSTIFICATION = "客户有五年基金投资经验，了解净值波动，本次仅配置其资产的少量比例。"


@dataclass(frozen=True)
class World:
    admin: Actor
    adviser: Actor
    colleague: Actor
    supervisor: Actor
    compliance: Actor
    client_id: int  # Chinese, C3
    english_client_id: int
    fitting: int
    risky: int
    cooling: int


@pytest.fixture
def world(services: Services, admin: Actor, make_user: MakeUser) -> World:
    adviser = make_user(Role.ADVISER, "li.adviser")
    return World(
        admin=admin,
        adviser=adviser,
        colleague=make_user(Role.ADVISER, "wu.adviser"),
        supervisor=make_user(Role.SUPERVISOR, "zhou.supervisor"),
        compliance=make_user(Role.COMPLIANCE, "he.compliance"),
        client_id=assessed_client(services, adviser, "张伟"),
        english_client_id=assessed_client(
            services, adviser, "Emily Carter", preferred_language="en"
        ),
        fitting=fitting_product(services, admin),
        risky=risky_product(services, admin),
        cooling=cooling_product(services, admin),
    )


def text_of(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace(
        "\n", ""
    )


def test_a_sale_makes_its_disclosure_in_the_clients_language(
    services: Services, world: World
) -> None:
    for client_id, title, product in (
        (world.client_id, "产品风险揭示书", "稳健"),
        (world.english_client_id, "Product Risk Disclosure", "WM-R2-01"),
    ):
        sale = services.sales.record(world.adviser, client_id, world.fitting, "50000")
        [document] = services.documents.list_documents(world.adviser, client_id=client_id)
        assert (document.kind, document.sale_id, document.copy_number) == ("disclosure", sale.id, 0)
        assert document.generated_by == "Test Adviser"
        pdf = services.documents.pdf(world.adviser, document.id).pdf
        content = text_of(pdf)
        assert title in content and document.number in content
        assert document.content_sha256 in content
        assert "C3" in content and "R2" in content and "50,000.00" in content
        assert product in content or "WM-R2-01" in content
        assert document.number.startswith("SH-001-")  # the branch's code, the year, a sequence


def test_numbers_follow_each_other_within_the_branch(services: Services, world: World) -> None:
    for _ in range(3):
        services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    numbers = [d.number for d in services.documents.list_documents(world.adviser)]
    sequences = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert sequences == [1, 2, 3] and len(set(numbers)) == 3


def test_a_cooling_off_sale_prints_the_notice(services: Services, world: World) -> None:
    services.sales.record(world.adviser, world.client_id, world.cooling, "1000000")
    [document] = services.documents.list_documents(world.adviser)
    content = text_of(services.documents.pdf(world.adviser, document.id).pdf)
    assert "冷静期" in content and "24 小时" in content


def test_an_exception_sale_makes_the_warning_before_and_the_disclosure_after(
    services: Services, world: World
) -> None:
    request = services.sales.submit_exception(
        world.adviser, world.client_id, world.risky, "20000", True, True, INSISTENCE, JUSTIFICATION
    )
    [warning] = services.documents.list_documents(world.adviser, client_id=world.client_id)
    assert (warning.kind, warning.exception_request_id, warning.sale_id) == (
        "warning",
        request.id,
        None,
    )
    content = text_of(services.documents.pdf(world.adviser, warning.id).pdf)
    assert "特别风险警示书" in content and "C3" in content and "R4" in content
    assert INSISTENCE.replace("：", "")[:8] in content.replace("：", "")

    decision = services.sales.approve(world.supervisor, request.id, "同意：客户经验充分，金额小")
    assert decision.sale is not None
    documents = services.documents.sale_documents(world.adviser, decision.sale.id)
    assert {d.kind for d in documents} == {"warning", "disclosure"}
    disclosure = next(d for d in documents if d.kind == "disclosure")
    content = text_of(services.documents.pdf(world.adviser, disclosure.id).pdf)
    assert "特别风险警示与例外审批" in content
    assert "Test Supervisor" in content and warning.number in content
    assert "审批主管签字" in content and "客户签字" in content and "客户经理签字" in content


def test_a_sale_without_its_disclosure_gets_it_on_demand_audited(
    services: Services, world: World
) -> None:
    services.sales.after_sale.remove(services.documents.on_sale)  # as before this work
    try:
        sale = services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    finally:
        services.sales.after_sale.append(services.documents.on_sale)
    assert services.documents.sale_documents(world.adviser, sale.id) == []
    made = services.documents.sale_disclosure(world.adviser, sale.id)
    assert made.kind == "disclosure" and made.sale_id == sale.id
    assert services.documents.sale_disclosure(world.adviser, sale.id) == made  # made once
    assert services.documents.sale_documents(world.compliance, sale.id) == [made]
    [event] = services.audit.list_events(world.admin, limit=1)
    assert (event.action, event.changes["number"]) == ("document.generated", [None, made.number])


def test_the_assessment_result_is_made_once_and_kept(services: Services, world: World) -> None:
    [assessment] = services.assessments.history(world.adviser, world.english_client_id)
    first = services.documents.assessment_document(world.adviser, assessment.id)
    again = services.documents.assessment_document(world.adviser, assessment.id)
    assert first == again and first.kind == "assessment" and first.assessment_id == assessment.id
    content = text_of(services.documents.pdf(world.adviser, first.id).pdf)
    assert "Risk Tolerance Assessment Result" in content
    assert f"{assessment.score} of" in content and "C3" in content
    assert assessment.valid_until.isoformat() in content


def test_the_archive_re_renders_to_the_same_bytes(
    services: Services, world: World, uow: UnitOfWorkFactory
) -> None:
    services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    [document] = services.documents.list_documents(world.adviser)
    with uow() as work:
        stored = work.session.execute(
            text("SELECT facts, pdf FROM documents WHERE id = :id"), {"id": document.id}
        ).one()
    facts = f.from_json(stored.facts)
    assert render(facts) == bytes(stored.pdf)
    assert f.content_hash(facts) == document.content_sha256


def test_an_archived_document_never_changes(
    services: Services, world: World, uow: UnitOfWorkFactory
) -> None:
    services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    for statement in ("UPDATE documents SET number = 'X'", "DELETE FROM documents"):
        with pytest.raises(DBAPIError, match="archived document never changes"), uow() as work:
            work.session.execute(text(statement))


def test_a_reprint_is_an_audited_copy_pointing_at_the_original(
    services: Services, world: World
) -> None:
    services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    [original] = services.documents.list_documents(world.adviser)
    copy = services.documents.reprint(world.supervisor, original.id)
    second = services.documents.reprint(world.adviser, copy.id)  # a copy of a copy: of the original
    assert (copy.copy_of_id, copy.copy_number, copy.number) == (
        original.id,
        1,
        original.number + "-C1",
    )
    assert (second.copy_of_id, second.copy_number) == (original.id, 2)
    content = text_of(services.documents.pdf(world.adviser, copy.id).pdf)
    assert "副本" in content and original.number in content
    [event] = [
        e
        for e in services.audit.list_events(world.admin, limit=5)
        if e.entity_id == str(world.client_id)
    ][:1]
    assert event.action == "document.reprinted" and event.changes["copy_of"] == [
        None,
        original.number,
    ]


def test_compliance_reads_and_verifies_but_never_prints(services: Services, world: World) -> None:
    services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    [document] = services.documents.list_documents(world.compliance)
    assert services.documents.pdf(world.compliance, document.id).pdf.startswith(b"%PDF")
    with pytest.raises(PermissionDenied):
        services.documents.reprint(world.compliance, document.id)


def test_an_adviser_sees_only_their_own_clients_documents(services: Services, world: World) -> None:
    services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    [document] = services.documents.list_documents(world.adviser)
    assert services.documents.list_documents(world.colleague) == []
    with pytest.raises(NotFound):
        services.documents.pdf(world.colleague, document.id)
    with pytest.raises(NotFound):
        services.documents.reprint(world.colleague, document.id)
    # A colleague handed the paper may check it, but is not told whose it is.
    pdf = services.documents.pdf(world.adviser, document.id).pdf
    checked = services.documents.verify(world.colleague, pdf)
    assert checked.ok and checked.document is not None and checked.document.client_name == "—"


# -- verification ---------------------------------------------------------------------------------


def _sold(services: Services, world: World) -> tuple[bytes, str]:
    sale = services.sales.record(world.adviser, world.client_id, world.fitting, "50000")
    [document] = services.documents.sale_documents(world.adviser, sale.id)
    return services.documents.pdf(world.adviser, document.id).pdf, document.number


def test_the_original_verifies(services: Services, world: World) -> None:
    pdf, number = _sold(services, world)
    result = services.documents.verify(world.compliance, pdf)
    assert result.status is VerificationStatus.VERIFIED and result.number == number
    assert result.document is not None and result.document.client_name == "张伟"
    assert f"Unaltered: document {number}" in result.describe()
    assert "sale" in result.describe() and "Test Adviser" in result.describe()


def test_one_changed_byte_fails(services: Services, world: World) -> None:
    pdf, number = _sold(services, world)
    # A byte in the middle of the file: inside the page content or the embedded font.
    middle = len(pdf) // 2
    altered = pdf[:middle] + bytes([pdf[middle] ^ 0x01]) + pdf[middle + 1 :]
    result = services.documents.verify(world.compliance, altered)
    assert not result.ok
    assert result.status in (VerificationStatus.ALTERED, VerificationStatus.RESAVED)
    assert number in result.describe()
    assert "altered" in result.describe() or "re-saved" in result.describe()

    # A changed digit in what the page says is an alteration, not a re-save.
    page_text = _change_a_page(pdf)
    result = services.documents.verify(world.compliance, page_text)
    assert result.status is VerificationStatus.ALTERED
    assert result.describe() == (
        f"Document {number} exists but this file differs from the archived one: it was "
        "altered. Only the archived original counts."
    )


def _change_a_page(pdf: bytes) -> bytes:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    writer = pypdf.PdfWriter(clone_from=reader)
    content = writer.pages[0]["/Contents"].get_object()
    data = content.get_data()
    index = data.index(b" Td")  # move the first line of text a little
    data = data[:index] + b"1" + data[index:]
    content.set_data(data)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_resaved_copy_fails_with_its_own_message(services: Services, world: World) -> None:
    pdf, number = _sold(services, world)
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    out = io.BytesIO()
    writer.write(out)
    result = services.documents.verify(world.compliance, out.getvalue())
    assert result.status is VerificationStatus.RESAVED
    assert "re-saved" in result.describe() and number in result.describe()


def test_a_document_of_another_database_fails(services: Services, world: World) -> None:
    _sold(services, world)
    # Another database, another branch: a number this archive never gave.
    foreign = render(samples.disclosure("zh_CN"))
    result = services.documents.verify(world.compliance, foreign)
    assert result.status is VerificationStatus.NOT_IN_ARCHIVE
    assert "SH01-2026-000042" in result.describe()
    assert "another database" in result.describe()

    # Another database of the same branch code and year: the same number, other content.
    [ours] = services.documents.list_documents(world.compliance)
    facts = samples.disclosure("zh_CN")
    same_number = f.with_header(
        facts, f.Header(**{**f.to_data(facts)["header"], "number": ours.number})
    )
    result = services.documents.verify(world.compliance, render(same_number))
    assert result.status is VerificationStatus.OTHER_FINGERPRINT
    assert "different content fingerprint" in result.describe()


def test_files_that_are_not_documents_are_told_apart(services: Services, world: World) -> None:
    assert (
        services.documents.verify(world.compliance, b"PK\x03\x04zip").status
        is VerificationStatus.NOT_PDF
    )
    letter = b"%PDF-1.4\n1 0 obj << /Title (A letter) >> endobj\n%%EOF\n"
    result = services.documents.verify(world.compliance, letter)
    assert result.status is VerificationStatus.UNKNOWN
    assert "no CRM Desk document number" in result.describe()


def test_verify_document_command(
    services: Services,
    world: World,
    tmp_path: Path,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pdf, number = _sold(services, world)
    good = tmp_path / "good.pdf"
    good.write_bytes(pdf)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(_change_a_page(pdf))
    monkeypatch.setenv("CRM_DESK_DATABASE_URL", database_url)
    assert run_command(["verify-document", str(good)]) == 0
    assert f"Unaltered: document {number}" in capsys.readouterr().out
    assert run_command(["verify-document", str(bad)]) == 1
    assert "it was altered" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="Cannot read"):
        run_command(["verify-document", str(tmp_path / "missing.pdf")])


def test_the_demo_has_the_documents_of_its_sales_and_assessments(services: Services) -> None:
    from crm_desk.demo import seed_demo

    credentials = seed_demo(services)
    compliance = next(name for name, (role, _) in credentials.items() if role == "compliance")
    reader = services.auth.sign_in(compliance, credentials[compliance][1])
    documents = services.documents.list_documents(reader)
    assert {d.kind for d in documents} == {"disclosure", "warning", "assessment"}
    assert any(d.is_copy for d in documents)
    sales = {d.sale_id for d in documents if d.kind == "disclosure"}
    for adviser in ("li.na", "chen.jie", "james.wong"):
        actor = services.auth.sign_in(adviser, credentials[adviser][1])
        for client_id in {d.client_id for d in documents}:
            try:
                client_sales = services.sales.client_sales(actor, client_id)
            except NotFound:
                continue  # another adviser's client
            assert {s.id for s in client_sales} <= sales  # every sale has its disclosure
    sample = services.documents.pdf(reader, documents[0].id).pdf
    assert services.documents.verify(reader, sample).ok
