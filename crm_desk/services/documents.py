"""Disclosure documents: made at the right step of a sale, archived immutably, reprinted as
marked copies, and verified against the archive.

- A sale's product risk disclosure (产品风险揭示书) is made in the sale's own transaction
  (``SaleService.after_sale``); an exception request's special risk warning (特别风险警示书)
  in the submission's (``after_exception_submitted``), before a supervisor sees it.
- An assessment's result (风险承受能力评估结果确认书) is made when first asked for.
- Every document is archived with its facts (JSON), the SHA-256 of those facts (the content
  fingerprint printed on it, with its number, in a QR code) and the SHA-256 of the PDF's bytes.
  Rendering is reproducible, so the facts re-rendered give the archived bytes again.
- A reprint is a new archived document marked 副本 / COPY that points at the original.

``crm_desk.reports.render`` (reportlab) is imported only when the first document is made.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Row, Select, func, or_, select, text
from sqlalchemy.orm import aliased

from crm_desk.db.models import Assessment, Branch, Client, User
from crm_desk.db.models_documents import Document
from crm_desk.db.models_sales import ExceptionRequest, Sale
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain import document_marks as v
from crm_desk.domain import documents as f
from crm_desk.domain.assessment import score
from crm_desk.domain.audit import mask_text
from crm_desk.domain.clients import age_on
from crm_desk.domain.errors import NotFound
from crm_desk.domain.products import ProductTerms
from crm_desk.domain.questionnaire import (
    Questionnaire,
    available_questionnaires,
    find_questionnaire,
)
from crm_desk.domain.suitability import ClientSnapshot, Evaluation
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.assessments import QUESTIONNAIRES
from crm_desk.services.base import Service
from crm_desk.services.client_dto import TimelineEntry
from crm_desk.services.clients import local_today, visible_client, visible_to
from crm_desk.services.document_dto import (
    DocumentFile,
    DocumentRow,
    Verification,
    VerificationStatus,
)
from crm_desk.services.keys import KeyService
from crm_desk.services.permissions import Permission, operation
from crm_desk.services.sale_facts import (
    ExceptionRequestFacts,
    SaleFacts,
    request_facts,
    sale_facts,
)

if TYPE_CHECKING:
    from crm_desk.services.crypto import FieldCipher

# Any constant will do: the PostgreSQL advisory lock that serialises document numbering.
NUMBERING_LOCK = 0x43524D_444F4353 & 0x7FFF_FFFF_FFFF_FFFF
MAX_LIST = 2000
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


Renderer = Callable[[f.DocumentFacts], bytes]


def default_renderer() -> Renderer:
    """The reportlab renderer, found by name at the first document: reportlab stays out of the
    start-up. Tests hand the service another renderer to provoke a failure."""
    module = importlib.import_module("crm_desk.reports.render")
    renderer: Renderer = module.render
    return renderer


def page_count(pdf: bytes) -> int:
    return len(_PAGE.findall(pdf))


def _local(moment: datetime | None) -> str:
    """As the branch reads its clock (the workstation's zone), frozen into the facts."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


class DocumentService(Service):
    keys: KeyService
    questionnaire_dir = QUESTIONNAIRES
    renderer: Renderer | None = None  # facts -> PDF bytes; see default_renderer

    def render(self, facts: f.DocumentFacts) -> bytes:
        if self.renderer is None:
            self.renderer = default_renderer()
        return self.renderer(facts)

    # -- hooks of the sale service (inside the sale's transaction) ---------------------------
    def on_sale(self, uow: UnitOfWork, actor: Actor, sale: Sale) -> None:
        self._sale_disclosure(uow, actor, sale.id, audited=False)

    def on_exception_submitted(
        self, uow: UnitOfWork, actor: Actor, request: ExceptionRequest
    ) -> None:
        self._warning(uow, actor, request, audited=False)

    # -- making documents ---------------------------------------------------------------------
    @operation(Permission.DOCUMENTS_PRINT)
    def assessment_document(self, uow: UnitOfWork, actor: Actor, assessment_id: int) -> DocumentRow:
        """The assessment's result document: the archived one, or made now."""
        row = uow.session.get(Assessment, assessment_id)
        if row is None or row.status != "confirmed":
            raise NotFound("assessment", assessment_id)
        visible_client(uow, actor, row.client_id)
        existing = self._original(uow, Document.assessment_id == assessment_id)
        if existing is None:
            existing = self._assessment_result(uow, actor, row)
            uow.commit()
        return self._row(uow, existing)

    @operation(Permission.DOCUMENTS_VIEW, read_only=True)
    def sale_documents(self, uow: UnitOfWork, actor: Actor, sale_id: int) -> list[DocumentRow]:
        """The originals of a sale: its disclosure and its exception's special risk warning."""
        sale = uow.session.get(Sale, sale_id)
        if sale is None:
            raise NotFound("sale", sale_id)
        visible_client(uow, actor, sale.client_id)
        conditions = [Document.sale_id == sale_id]
        if sale.exception_request_id is not None:
            conditions.append(Document.exception_request_id == sale.exception_request_id)
        return self._query(uow, actor, [Document.copy_of_id.is_(None)], *conditions)

    @operation(Permission.DOCUMENTS_PRINT)
    def sale_disclosure(self, uow: UnitOfWork, actor: Actor, sale_id: int) -> DocumentRow:
        """The sale's disclosure: the archived one, or made now (audited) for a sale recorded
        before disclosures were made with the sale."""
        sale = uow.session.get(Sale, sale_id)
        if sale is None:
            raise NotFound("sale", sale_id)
        visible_client(uow, actor, sale.client_id)
        existing = self._original(uow, Document.sale_id == sale_id)
        if existing is None:
            existing = self._sale_disclosure(uow, actor, sale_id)
            uow.commit()
        return self._row(uow, existing)

    @operation(Permission.DOCUMENTS_PRINT)
    def reprint(self, uow: UnitOfWork, actor: Actor, document_id: int) -> DocumentRow:
        """A copy of an archived original, marked 副本 / COPY, archived and audited."""
        original = self._visible(uow, actor, document_id)
        if original.copy_of_id is not None:
            original = self._visible(uow, actor, original.copy_of_id)
        copies = uow.session.execute(
            select(func.count()).where(Document.copy_of_id == original.id)
        ).scalar_one()
        now = uow.clock()
        source = f.from_json(original.facts)
        n = copies + 1
        header = source.header.__class__(
            number=f"{original.number}-C{n}",
            language=source.header.language,
            generated_at=now.isoformat(),
            generated_local=_local(now),
            branch_name=source.header.branch_name,
            branch_code=source.header.branch_code,
            adviser_name=source.header.adviser_name,
            generated_by=actor.display_name,
            copy=f.CopyMark(n, original.number, actor.display_name),
        )
        row = self._archive(
            uow,
            actor,
            f.with_header(source, header),
            client_id=original.client_id,
            branch_id=original.branch_id,
            sale_id=original.sale_id,
            exception_request_id=original.exception_request_id,
            assessment_id=original.assessment_id,
            copy_of=original,
            copy_number=n,
        )
        uow.commit()
        return self._row(uow, row)

    # -- reading ---------------------------------------------------------------------------------
    @operation(Permission.DOCUMENTS_VIEW, read_only=True)
    def list_documents(
        self,
        uow: UnitOfWork,
        actor: Actor,
        *,
        client_id: int | None = None,
        day: date | None = None,
        originals_only: bool = False,
    ) -> list[DocumentRow]:
        """Newest first; ``day`` is the branch's calendar day (today for the batch print)."""
        conditions: list[ColumnElement[bool]] = []
        if client_id is not None:
            visible_client(uow, actor, client_id)
            conditions.append(Document.client_id == client_id)
        if day is not None:
            start = datetime.combine(day, datetime.min.time()).astimezone()
            conditions += [
                Document.generated_at >= start,
                Document.generated_at < start + timedelta(days=1),
            ]
        if originals_only:
            conditions.append(Document.copy_of_id.is_(None))
        return self._query(uow, actor, conditions)

    @operation(Permission.DOCUMENTS_VIEW, read_only=True)
    def today(self, uow: UnitOfWork, actor: Actor) -> date:
        return local_today(uow)

    @operation(Permission.DOCUMENTS_VIEW, read_only=True)
    def pdf(self, uow: UnitOfWork, actor: Actor, document_id: int) -> DocumentFile:
        row = self._visible(uow, actor, document_id)
        return DocumentFile(row.id, row.number, row.kind, row.pdf, row.page_count)

    @operation(Permission.DOCUMENTS_VIEW, read_only=True)
    def pdfs(
        self, uow: UnitOfWork, actor: Actor, document_ids: Sequence[int]
    ) -> list[DocumentFile]:
        """Several at once (a batch print reads them in chunks), in the order asked."""
        rows = {
            r.id: r
            for r in uow.session.execute(
                select(Document)
                .join(Client, Client.id == Document.client_id)
                .where(Document.id.in_(list(document_ids)), visible_to(actor))
            ).scalars()
        }
        return [
            DocumentFile(r.id, r.number, r.kind, r.pdf, r.page_count)
            for r in (rows.get(i) for i in document_ids)
            if r is not None
        ]

    @operation(Permission.DOCUMENTS_VERIFY, read_only=True)
    def verify(self, uow: UnitOfWork, actor: Actor, data: bytes) -> Verification:
        """Whether ``data`` is an unaltered archived document, and if not, what it is."""
        digest = v.sha256(data)
        if not v.looks_like_pdf(data):
            return Verification(VerificationStatus.NOT_PDF, digest, None, None)
        exact = uow.session.execute(
            select(Document).where(Document.pdf_sha256 == digest)
        ).scalar_one_or_none()
        if exact is not None:
            return Verification(
                VerificationStatus.VERIFIED, digest, exact.number, self._row(uow, exact, actor)
            )
        mark = v.find_mark(data)
        if mark is None:
            return Verification(VerificationStatus.UNKNOWN, digest, None, None)
        claimed = uow.session.execute(
            select(Document).where(Document.number == mark.number)
        ).scalar_one_or_none()
        if claimed is None:
            return Verification(VerificationStatus.NOT_IN_ARCHIVE, digest, mark.number, None)
        row = self._row(uow, claimed, actor)
        if claimed.content_sha256 != mark.fingerprint:
            return Verification(VerificationStatus.OTHER_FINGERPRINT, digest, mark.number, row)
        same_pages = v.stream_digests(claimed.pdf) <= v.stream_digests(data)
        status = VerificationStatus.RESAVED if same_pages else VerificationStatus.ALTERED
        return Verification(status, digest, mark.number, row)

    def timeline_provider(
        self, uow: UnitOfWork, actor: Actor, client_id: int
    ) -> list[TimelineEntry]:
        generated_by = aliased(User)
        rows = uow.session.execute(
            select(
                Document.id,
                Document.number,
                Document.kind,
                Document.generated_at,
                Document.copy_number,
                generated_by.full_name,
            )
            .outerjoin(generated_by, generated_by.id == Document.generated_by)
            .where(Document.client_id == client_id)
        ).all()
        return [
            TimelineEntry(
                when=r.generated_at,
                kind="document",
                title=r.kind,
                detail=r.number,
                by=r.full_name or "",
                ref_id=r.id,
            )
            for r in rows
        ]

    # -- helpers (plain: they take the caller's unit of work) ----------------------------------
    def _cipher(self) -> FieldCipher:
        return self.keys.require()

    def _visible(self, uow: UnitOfWork, actor: Actor, document_id: int) -> Document:
        row = uow.session.get(Document, document_id)
        if row is None:
            raise NotFound("document", document_id)
        visible_client(uow, actor, row.client_id)  # NotFound for a client the actor does not serve
        return row

    def _original(self, uow: UnitOfWork, condition: ColumnElement[bool]) -> Document | None:
        return uow.session.execute(
            select(Document)
            .where(condition, Document.copy_of_id.is_(None))
            .order_by(Document.id)
            .limit(1)
        ).scalar_one_or_none()

    @staticmethod
    def _row_select() -> Select[*tuple[Any, ...]]:
        """The list's columns, never the PDF bytes."""
        generated_by = aliased(User)
        original = aliased(Document)
        return (
            select(
                Document.id,
                Document.number,
                Document.kind,
                Document.language,
                Document.client_id,
                Client.name.label("client_name"),
                Document.sale_id,
                Document.exception_request_id,
                Document.assessment_id,
                Document.copy_of_id,
                original.number.label("copy_of_number"),
                Document.copy_number,
                generated_by.full_name.label("generated_by_name"),
                Document.generated_at,
                Document.content_sha256,
                Document.pdf_sha256,
                Document.page_count,
                func.length(Document.pdf).label("size"),
            )
            .join(Client, Client.id == Document.client_id)
            .outerjoin(generated_by, generated_by.id == Document.generated_by)
            .outerjoin(original, original.id == Document.copy_of_id)
        )

    @staticmethod
    def _from_columns(r: Row[Any], client_name: str | None = None) -> DocumentRow:
        m = r._mapping
        return DocumentRow(
            id=m["id"],
            number=m["number"],
            kind=m["kind"],
            language=m["language"],
            client_id=m["client_id"],
            client_name=client_name if client_name is not None else m["client_name"],
            sale_id=m["sale_id"],
            exception_request_id=m["exception_request_id"],
            assessment_id=m["assessment_id"],
            copy_of_id=m["copy_of_id"],
            copy_of_number=m["copy_of_number"],
            copy_number=m["copy_number"],
            generated_by=m["generated_by_name"] or "",
            generated_at=m["generated_at"],
            content_sha256=m["content_sha256"],
            pdf_sha256=m["pdf_sha256"],
            page_count=m["page_count"],
            size=int(m["size"] or 0),
        )

    def _query(
        self,
        uow: UnitOfWork,
        actor: Actor,
        conditions: Sequence[ColumnElement[bool]],
        *alternatives: ColumnElement[bool],
    ) -> list[DocumentRow]:
        statement = (
            self._row_select()
            .where(visible_to(actor), *conditions)
            .order_by(Document.generated_at.desc(), Document.id.desc())
            .limit(MAX_LIST)
        )
        if alternatives:
            statement = statement.where(or_(*alternatives))
        return [self._from_columns(r) for r in uow.session.execute(statement)]

    def _row(self, uow: UnitOfWork, row: Document, actor: Actor | None = None) -> DocumentRow:
        """One document; with ``actor``, the client's name only if the actor serves them (a
        verification never names a client it should not)."""
        found = uow.session.execute(self._row_select().where(Document.id == row.id)).one()
        name = None
        if actor is not None:
            visible = uow.session.execute(
                select(Client.id).where(Client.id == row.client_id, visible_to(actor))
            ).scalar_one_or_none()
            name = None if visible is not None else "—"
        return self._from_columns(found, name)

    def _next_number(self, uow: UnitOfWork, branch_id: int, branch_code: str) -> str:
        if uow.dialect == "postgresql":
            uow.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": NUMBERING_LOCK})
        prefix = f"{branch_code}-{local_today(uow).year}-"
        last = uow.session.execute(
            select(func.max(Document.number)).where(
                Document.branch_id == branch_id,
                Document.copy_of_id.is_(None),
                Document.number.like(
                    prefix.replace("%", r"\%").replace("_", r"\_") + "%", escape="\\"
                ),
            )
        ).scalar_one_or_none()
        sequence = int(last[len(prefix) :]) + 1 if last else 1
        return f"{prefix}{sequence:06d}"

    def _header(
        self,
        uow: UnitOfWork,
        actor: Actor,
        branch_id: int,
        language: str,
        adviser_name: str,
    ) -> f.Header:
        branch = uow.session.get(Branch, branch_id)
        assert branch is not None
        now = uow.clock()
        return f.Header(
            number=self._next_number(uow, branch_id, branch.code),
            language="zh_CN" if str(language).lower().startswith("zh") else "en",
            generated_at=now.isoformat(),
            generated_local=_local(now),
            branch_name=branch.name,
            branch_code=branch.code,
            adviser_name=adviser_name,
            generated_by=actor.display_name,
        )

    def _archive(
        self,
        uow: UnitOfWork,
        actor: Actor,
        facts: f.DocumentFacts,
        *,
        client_id: int,
        branch_id: int,
        sale_id: int | None = None,
        exception_request_id: int | None = None,
        assessment_id: int | None = None,
        copy_of: Document | None = None,
        copy_number: int = 0,
        audited: bool = True,
    ) -> Document:
        """Render and archive. ``audited=False`` inside a sale's or an exception request's own
        transaction: its audit event stands for the documents made with it, and the archived row
        (which never changes) records who made each and when."""
        pdf = self.render(facts)
        row = Document(
            number=facts.header.number,
            kind=facts.kind,
            language=facts.header.language,
            client_id=client_id,
            branch_id=branch_id,
            sale_id=sale_id,
            exception_request_id=exception_request_id,
            assessment_id=assessment_id,
            copy_of_id=copy_of.id if copy_of is not None else None,
            copy_number=copy_number,
            template_version=f.TEMPLATE_VERSION,
            facts=f.canonical_json(facts),
            content_sha256=f.content_hash(facts),
            pdf_sha256=v.sha256(pdf),
            pdf=pdf,
            page_count=page_count(pdf),
            generated_by=actor.user_id,
            generated_at=uow.clock(),
        )
        uow.session.add(row)
        uow.session.flush()
        if not audited:
            return row
        audit.record(
            uow,
            actor,
            "document.reprinted" if copy_of is not None else "document.generated",
            "client",
            client_id,
            {
                "document_id": (None, row.id),
                "number": (None, row.number),
                "kind": (None, row.kind),
                "sale_id": (None, sale_id),
                "exception_request_id": (None, exception_request_id),
                "assessment_id": (None, assessment_id),
                "copy_of": (None, copy_of.number if copy_of is not None else None),
                "content_sha256": (None, row.content_sha256),
                "pdf_sha256": (None, row.pdf_sha256),
            },
        )
        return row

    def _client_facts(
        self, client: Client, snapshot: ClientSnapshot | None, level: str | None
    ) -> f.ClientFacts:
        cipher = self._cipher()
        masked = mask_text(cipher.decrypt("id_number", client.id_number_enc))
        assessment = snapshot.assessment if snapshot is not None else None
        return f.ClientFacts(
            name=snapshot.name if snapshot is not None else client.name,
            id_type=client.id_type,
            id_masked=masked,
            investor_type=(snapshot.investor_type.value if snapshot else client.investor_type),
            age=age_on(snapshot.birth_date, snapshot.as_of) if snapshot is not None else None,
            level=level,
            assessed_on=assessment.assessed_on.isoformat() if assessment else None,
            valid_until=assessment.valid_until.isoformat() if assessment else None,
            lowest_category=bool(assessment and assessment.lowest_category),
        )

    @staticmethod
    def _product_facts(terms: ProductTerms, language: str) -> f.ProductFacts:
        return f.ProductFacts(
            code=terms.code,
            name=terms.name_in(language),
            product_type=terms.product_type.value,
            issuer=terms.issuer,
            risk_level=terms.risk_level.value,
            is_complex=terms.is_complex,
            horizon_months=terms.horizon_months,
            redemption=terms.redemption.value,
            redemption_terms=terms.redemption_terms,
            min_amount=str(terms.min_amount),
            currency=terms.currency,
            cooling_off_hours=terms.cooling_off_hours,
            risk_factors=terms.risk_factors_in(language),
        )

    @staticmethod
    def _rules(evaluation: Evaluation, language: str) -> tuple[f.RuleLine, ...]:
        return tuple(
            f.RuleLine(
                r.rule.value,
                r.outcome.value,
                r.message.in_language(language),
                r.basis.in_language(language),
            )
            for r in evaluation.rules
        )

    def _sale_disclosure(
        self, uow: UnitOfWork, actor: Actor, sale_id: int, *, audited: bool = True
    ) -> Document:
        facts: SaleFacts = sale_facts(uow, sale_id)
        client = uow.session.get(Client, facts.client_id)
        assert client is not None
        language = facts.client_snapshot.preferred_language
        header = self._header(uow, actor, facts.branch_id, language, facts.adviser_name)
        lang = header.language
        exception = None
        if facts.exception is not None:
            e: ExceptionRequestFacts = facts.exception
            warning = self._original(uow, Document.exception_request_id == e.request_id)
            exception = f.ExceptionFacts(
                request_id=e.request_id,
                submitted_local=_local(e.submitted_at),
                insistence_text=e.insistence_text,
                justification=e.justification,
                supervisor_name=facts.approved_by or e.decided_by or "",
                approved_local=_local(e.decided_at or facts.recorded_at),
                decision_comment=e.decision_comment or "",
                warning_number=warning.number if warning is not None else None,
            )
        document = f.DisclosureFacts(
            header=header,
            client=self._client_facts(client, facts.client_snapshot, facts.client_level),
            product=self._product_facts(facts.product_terms, lang),
            sale_id=facts.sale_id,
            amount=str(facts.amount),
            currency=facts.currency,
            verdict=facts.verdict.value,
            needs_review=facts.needs_review,
            policy_version=facts.policy_version,
            rules=self._rules(facts.evaluation, lang),
            cooling_off_ends_local=_local(facts.cooling_off_ends_at) or None,
            complaint_channel=f.complaint_channel(lang, header.branch_name),
            exception=exception,
        )
        return self._archive(
            uow,
            actor,
            document,
            client_id=facts.client_id,
            branch_id=facts.branch_id,
            sale_id=facts.sale_id,
            audited=audited,
        )

    def _warning(
        self, uow: UnitOfWork, actor: Actor, request: ExceptionRequest, *, audited: bool = True
    ) -> Document:
        e = request_facts(uow, request)
        client = uow.session.get(Client, e.client_id)
        assert client is not None
        header = self._header(
            uow, actor, e.branch_id, e.client_snapshot.preferred_language, e.adviser_name
        )
        lang = header.language
        assessment = e.client_snapshot.assessment
        document = f.WarningFacts(
            header=header,
            client=self._client_facts(
                client, e.client_snapshot, assessment.level.value if assessment else None
            ),
            product=self._product_facts(e.product_terms, lang),
            request_id=e.request_id,
            amount=str(e.amount),
            currency=e.currency,
            policy_version=e.policy_version,
            rules=self._rules(e.evaluation, lang),
            insistence_text=e.insistence_text,
            justification=e.justification,
            submitted_local=_local(e.submitted_at),
            complaint_channel=f.complaint_channel(lang, header.branch_name),
        )
        return self._archive(
            uow,
            actor,
            document,
            client_id=e.client_id,
            branch_id=e.branch_id,
            exception_request_id=e.request_id,
            audited=audited,
        )

    def _questionnaire(self, questionnaire_id: str, version: int) -> Questionnaire:
        return find_questionnaire(
            available_questionnaires(self.questionnaire_dir), questionnaire_id, version
        )

    def _assessment_result(self, uow: UnitOfWork, actor: Actor, row: Assessment) -> Document:
        client = uow.session.get(Client, row.client_id)
        assert client is not None and row.confirmed_at is not None
        assert row.valid_until is not None and row.level is not None and row.score is not None
        questionnaire = self._questionnaire(row.questionnaire_id, int(row.questionnaire_version))
        adviser = uow.session.execute(
            select(User.full_name).where(User.id == row.adviser_id)
        ).scalar_one()
        header = self._header(uow, actor, client.branch_id, client.preferred_language, adviser)
        lang = header.language
        answers = {k: tuple(val) for k, val in json.loads(row.answers).items()}
        outcome = score(questionnaire, answers, allow_incomplete=True)
        recorded = json.loads(row.outcome or "{}")
        lines = []
        for answered in outcome.answers:
            question = questionnaire.question(answered.question_id)
            lines.append(
                f.AnswerLine(
                    question.text.in_language(lang),
                    tuple(question.option(o).text.in_language(lang) for o in answered.option_ids),
                    answered.score,
                )
            )
        zh = lang.startswith("zh")
        document = f.AssessmentResultFacts(
            header=header,
            client=f.ClientFacts(
                name=client.name,
                id_type=client.id_type,
                id_masked=mask_text(self._cipher().decrypt("id_number", client.id_number_enc)),
                investor_type=client.investor_type,
                age=age_on(client.birth_date, row.confirmed_at.astimezone().date()),
                level=row.level,
                assessed_on=row.confirmed_at.astimezone().date().isoformat(),
                valid_until=row.valid_until.isoformat(),
                lowest_category=row.lowest_category,
            ),
            assessment_id=row.id,
            questionnaire=questionnaire.title.in_language(lang),
            questionnaire_version=questionnaire.version,
            answers=tuple(lines),
            score=row.score,
            max_score=questionnaire.max_score,
            level=row.level,
            score_level=recorded.get("score_level", row.level),
            lowest_category=row.lowest_category,
            lowest_reasons=tuple(
                r["zh_CN"] if zh else r["en"] for r in recorded.get("lowest_reasons", [])
            ),
            flags=tuple(
                f.FlagLine(fl["message"]["zh_CN" if zh else "en"], fl.get("explanation", ""))
                for fl in recorded.get("flags", [])
            ),
            confirmed_local=_local(row.confirmed_at),
            valid_until=row.valid_until.isoformat(),
            complaint_channel=f.complaint_channel(lang, header.branch_name),
        )
        return self._archive(
            uow,
            actor,
            document,
            client_id=client.id,
            branch_id=client.branch_id,
            assessment_id=row.id,
        )
