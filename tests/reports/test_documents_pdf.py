"""Each document rendered for a Chinese and an English client, reopened with pypdf: the facts it
must show, its embedded font, "page X of Y", the Chinese line-breaking rules, the marks a
verification reads, and the same bytes for the same facts."""

from __future__ import annotations

import dataclasses
import io
import re

import pypdf
import pytest

from crm_desk.domain import document_marks as v
from crm_desk.domain import documents as f
from crm_desk.reports import samples
from crm_desk.reports.render import render
from crm_desk.reports.texts import level_text, money, t

LANGUAGES = ("zh_CN", "en")
CLOSING = "，。、；：？！）」』》"


def reopen(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in reopen(pdf).pages)


def flat(text: str) -> str:
    """Without line breaks and spaces: a fact wrapped over two lines still reads whole. Curly
    quotes count as straight ones (English documents print them straight)."""
    straight = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return re.sub(r"\s+", "", straight)


def assert_shows(text: str, *facts: str) -> None:
    flat_text = flat(text)
    missing = [fact for fact in facts if flat(fact) not in flat_text]
    assert missing == []


def every_document(language: str) -> list[f.DocumentFacts]:
    return [
        samples.disclosure(language),
        samples.disclosure(language, exception=True),
        samples.warning(language),
        samples.assessment(language),
        samples.disclosure(language, copy=True),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_disclosure_shows_every_fact_and_every_rule(language: str) -> None:
    facts = samples.disclosure(language)
    text = text_of(render(facts))
    c, p = facts.client, facts.product
    assert_shows(
        text,
        t("title.disclosure", language),
        facts.header.number,
        facts.header.branch_name,
        facts.header.adviser_name,
        c.name,
        c.id_masked,
        level_text(c.level, language),
        c.assessed_on or "",
        p.name,
        p.code,
        p.issuer,
        t("product_level." + p.risk_level, language),
        money(facts.amount, facts.currency, language),
        money(p.min_amount, p.currency, language),
        *p.risk_factors,
        t("verdict.suitable", language),
        t("section.cooling_off", language),
        facts.cooling_off_ends_local or "",
        facts.complaint_channel,
        t("sign.client", language),
        t("sign.adviser", language),
        f.content_hash(facts),
    )
    for rule in facts.rules:
        assert_shows(text, t("rule." + rule.rule, language), rule.message, rule.basis)
        assert_shows(text, t("outcome." + rule.outcome, language))
    assert "1234" not in c.id_masked  # the full identity number is never printed
    assert t("sign.supervisor", language) not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_exception_sale_carries_the_warning_and_three_signatures(language: str) -> None:
    facts = samples.disclosure(language, exception=True)
    assert facts.exception is not None
    text = text_of(render(facts))
    assert_shows(
        text,
        t("verdict.needs_exception", language),
        t("outcome.exception", language),
        facts.exception.insistence_text,
        facts.exception.justification,
        facts.exception.supervisor_name,
        facts.exception.warning_number or "",
        t("sign.client", language),
        t("sign.adviser", language),
        t("sign.supervisor", language),
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_special_risk_warning_states_the_mismatch_plainly(language: str) -> None:
    facts = samples.warning(language)
    text = text_of(render(facts))
    mismatch = t(
        "warning.mismatch",
        language,
        level=level_text(facts.client.level, language),
        product_level=t("product_level." + facts.product.risk_level, language),
    )
    assert_shows(
        text,
        t("title.warning", language),
        mismatch,
        t("warning.before", language),
        facts.insistence_text,
        facts.client.name,
        facts.product.name,
        t("sign.supervisor", language),
        t("declaration.warning", language),
    )
    for rule in facts.rules:
        if rule.outcome in ("warning", "exception", "prohibited"):
            assert_shows(text, rule.message)
        else:  # what matches is not listed as a mismatch
            assert flat(rule.message) not in flat(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_assessment_result_shows_answers_score_level_and_validity(language: str) -> None:
    facts = samples.assessment(language)
    text = text_of(render(facts))
    assert_shows(
        text,
        t("title.assessment", language),
        facts.client.name,
        facts.questionnaire,
        t("result.score.value", language, score=facts.score, max=facts.max_score),
        level_text(facts.level, language),
        t("lowest.no", language),
        t("validity.text", language, date=facts.valid_until),
        facts.confirmed_local,
    )
    for answer in facts.answers:
        assert_shows(text, answer.question, *answer.answers)
    for flag in facts.flags:
        assert_shows(text, flag.message, flag.explanation)


def test_the_lowest_category_is_stated_with_its_reasons() -> None:
    facts = dataclasses.replace(
        samples.assessment("zh_CN"),
        level="C1",
        lowest_category=True,
        lowest_reasons=("不能承受任何损失",),
    )
    text = text_of(render(facts))
    assert_shows(text, t("lowest.yes", "zh_CN", reasons="不能承受任何损失"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_says_page_x_of_y_and_carries_the_number(language: str) -> None:
    for facts in every_document(language):
        reader = reopen(render(facts))
        pages = len(reader.pages)
        assert pages >= 2
        for n, page in enumerate(reader.pages, start=1):
            assert_shows(page.extract_text(), t("page", language, page=n, pages=pages))
            assert_shows(page.extract_text(), facts.header.number)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_font_is_embedded_and_is_the_only_one(language: str) -> None:
    for facts in every_document(language):
        for page in reopen(render(facts)).pages:
            fonts = [ref.get_object() for ref in page["/Resources"]["/Font"].values()]
            assert fonts
            for font in fonts:
                assert font["/Subtype"] == "/TrueType"
                assert "WenQuanYiMicroHei" in font["/BaseFont"]
                # A subset ("AAAAAA+"), its outlines in the file: reads the same anywhere.
                assert re.match(r"/[A-Z]{6}\+", font["/BaseFont"])
                assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_chinese_lines_never_start_with_closing_punctuation() -> None:
    for facts in every_document("zh_CN"):
        for line in text_of(render(facts)).splitlines():
            assert not line.strip()[:1] or line.strip()[0] not in CLOSING, line


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_facts_give_the_same_bytes(language: str) -> None:
    for facts in every_document(language):
        first = render(facts)
        stored = f.canonical_json(facts)
        again = render(f.from_json(stored))  # as a re-render from the archive does
        assert again == first
        assert f.from_json(stored) == facts


def test_other_facts_give_another_fingerprint_and_other_bytes() -> None:
    facts = samples.disclosure("zh_CN")
    changed = dataclasses.replace(facts, amount="300000.01")
    assert f.content_hash(changed) != f.content_hash(facts)
    assert render(changed) != render(facts)


def test_a_copy_is_marked_as_such() -> None:
    for language, word in (("zh_CN", "副本"), ("en", "COPY")):
        text = text_of(render(samples.disclosure(language, copy=True)))
        assert word in text
        assert word not in text_of(render(samples.disclosure(language)))


def test_the_metadata_carries_the_number_and_fingerprint_even_after_a_resave() -> None:
    facts = samples.disclosure("zh_CN")
    pdf = render(facts)
    mark = v.find_mark(pdf)
    assert mark == v.Mark(facts.header.number, f.content_hash(facts))
    writer = pypdf.PdfWriter(clone_from=reopen(pdf))
    out = io.BytesIO()
    writer.write(out)
    resaved = out.getvalue()
    assert resaved != pdf
    assert v.find_mark(resaved) == mark
    assert v.stream_digests(pdf) <= v.stream_digests(resaved)  # the same pages
    assert reopen(pdf).metadata is not None
    assert facts.header.number in (reopen(pdf).metadata.title or "")


def test_a_pdf_without_our_marks_has_none() -> None:
    assert v.find_mark(b"%PDF-1.4\n1 0 obj << /Subject (a letter) >> endobj\n%%EOF") is None
    assert not v.looks_like_pdf(b"PK\x03\x04 a zip file")
