"""Facts in, PDF bytes out (reportlab platypus). Imported only when the first document is made.

Reproducible: invariant mode (no time stamps or random ids of reportlab's own) and every printed
time comes from the facts, so the same facts give the same bytes. The font — WenQuanYi Micro
Hei, shipped under resources/fonts — is embedded as a subset, so a document reads the same on any
machine; it is loaded once per process.
"""

from __future__ import annotations

import io
import threading
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from crm_desk.domain.documents import (
    MARKER,
    TEMPLATE_VERSION,
    AssessmentResultFacts,
    ClientFacts,
    DisclosureFacts,
    DocumentFacts,
    Header,
    ProductFacts,
    RuleLine,
    WarningFacts,
    content_hash,
)
from crm_desk.reports.texts import is_zh, level_text, lowest_label, money, t

FONT_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
FONT = "WenQuanYiMicroHei"
MM = 72 / 25.4  # points in a millimetre
PAGE_W, PAGE_H = 595.2755905511812, 841.8897637795277  # A4
MARGIN = 18 * MM
WIDTH = PAGE_W - 2 * MARGIN
OUTCOME_HEX = {
    "pass": "#1e6b3a",
    "note": "#14497a",
    "warning": "#8a5a00",
    "exception": "#b3261e",
    "prohibited": "#b3261e",
}

# reportlab, loaded by _load() at the first document (never at start-up): its names are bound
# here as module globals then, so the code below reads as if imported at the top.
Style = Any  # reportlab.lib.styles.ParagraphStyle
colors: Any = None
qrencoder: Any = None
pdfmetrics: Any = None
TA_CENTER: Any = None
ParagraphStyle: Any = None
TTFont: Any = None
Canvas: Any = None
BaseDocTemplate: Any = None
Flowable: Any = None
Frame: Any = None
KeepTogether: Any = None
PageTemplate: Any = None
Paragraph: Any = None
Spacer: Any = None
Table: Any = None
TableStyle: Any = None
QrCode: Any = None
INK: Any = None
MUTED: Any = None
ACCENT: Any = None
RULE_LINE: Any = None
SHADE: Any = None
OUTCOME_COLOURS: dict[str, Any] = {}
mm = MM


def _load() -> None:
    global colors, qrencoder, pdfmetrics, TA_CENTER, ParagraphStyle, TTFont, Canvas
    global BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Paragraph, Spacer
    global Table, TableStyle, QrCode, INK, MUTED, ACCENT, RULE_LINE, SHADE
    if Table is not None:
        return
    from reportlab import rl_config
    from reportlab.graphics.barcode import qrencoder
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import (
        BaseDocTemplate,
        Flowable,
        Frame,
        KeepTogether,
        PageTemplate,
        Paragraph,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus import Table as _Table

    # Page streams compressed but not ASCII85-armoured: smaller files, made faster.
    rl_config.useA85 = 0
    # reportlab compresses every stream at zlib's default level; the fastest level makes a
    # document 7 % larger and a tenth faster (bench/documents.py). Still deterministic.
    from reportlab.pdfbase import pdfdoc

    def fast_flate(_filter: Any, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)

    pdfdoc.PDFStreamFilterZCompress.encode = fast_flate
    INK = colors.HexColor("#1f2933")
    MUTED = colors.HexColor("#5f6b7a")
    ACCENT = colors.HexColor("#14497a")
    RULE_LINE = colors.HexColor("#c5ccd6")
    SHADE = colors.HexColor("#eef2f7")
    OUTCOME_COLOURS.update({k: colors.HexColor(v) for k, v in OUTCOME_HEX.items()})
    QrCode = _qr_class(Flowable)
    Table = _Table  # last: it marks the machinery as loaded


_lock = threading.Lock()
_styles: dict[str, dict[str, Style]] = {}


def ensure_font() -> None:
    """Register the font once per process (parsing the file takes about a tenth of a second)."""
    _load()
    with _lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            return
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)


def styles(language: str) -> dict[str, Style]:
    key = "zh" if is_zh(language) else "en"
    found = _styles.get(key)
    if found is not None:
        return found
    ensure_font()
    # Chinese lines break by the Chinese rules (no line opens with closing punctuation);
    # English keeps whole words.
    wrap = "CJK" if key == "zh" else None
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=14.5, textColor=INK, wordWrap=wrap
    )
    made = {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontSize=18, leading=24, alignment=TA_CENTER, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            parent=base,
            fontSize=8.5,
            leading=12,
            alignment=TA_CENTER,
            textColor=MUTED,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontSize=11.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=4,
        ),
        "label": ParagraphStyle("label", parent=base, fontSize=8.5, leading=12.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=12.5),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10.5, textColor=MUTED),
        "mono": ParagraphStyle("mono", parent=base, fontSize=7.5, leading=10.5, wordWrap="CJK"),
        "item": ParagraphStyle(
            "item", parent=base, leftIndent=14, firstLineIndent=-14, spaceAfter=2
        ),
        # The shading reaches past the text by its padding: indented and spaced by as much, so
        # it lines up with the margins and never covers the label above it.
        "boxed": ParagraphStyle(
            "boxed",
            parent=base,
            backColor=SHADE,
            borderPadding=(5, 6, 5, 6),
            leftIndent=6,
            rightIndent=6,
            spaceBefore=7,
            spaceAfter=7,
        ),
        "strong": ParagraphStyle("strong", parent=base, fontSize=10, textColor=ACCENT),
    }
    for outcome, colour in OUTCOME_COLOURS.items():
        made["outcome." + outcome] = ParagraphStyle(
            "outcome." + outcome, parent=made["cell"], textColor=colour
        )
    _styles[key] = made
    return made


# -- building blocks ------------------------------------------------------------------------------


# The font's curly quotes are full-width (Chinese) glyphs: English text gets straight ones.
_LATIN_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _p(text: str, style: Style) -> Any:
    if style.wordWrap != "CJK":
        text = text.translate(_LATIN_QUOTES)
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


LABEL_W, VALUE_W = WIDTH * 0.17, WIDTH * 0.33
CELL_PADDING = 6


def _fits(text: str, style: Style, width: float = LABEL_W) -> bool:
    return "\n" not in text and (
        pdfmetrics.stringWidth(text, FONT, style.fontSize) <= width - CELL_PADDING
    )


def _value(text: str, st: dict[str, Style]) -> Any:
    return text if _fits(text, st["cell"], VALUE_W) else _p(text, st["cell"])


def _fields(pairs: Sequence[tuple[str, str]], st: dict[str, Style]) -> Any:
    """Label/value pairs, two to a row."""
    rows: list[list[Any]] = []
    for i in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[i : i + 2]:
            # Labels are short: a plain string draws far faster than a paragraph.
            row += [
                label if _fits(label, st["label"]) else _p(label, st["label"]),
                _value(value, st),
            ]
        while len(row) < 4:
            row.append("")
        rows.append(row)
    table = Table(rows, colWidths=[LABEL_W, VALUE_W, LABEL_W, VALUE_W])
    label = st["label"]
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                ("FONT", (0, 0), (-1, -1), FONT, label.fontSize, label.leading),
                ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
                ("TEXTCOLOR", (2, 0), (2, -1), MUTED),
                ("TEXTCOLOR", (1, 0), (1, -1), INK),
                ("TEXTCOLOR", (3, 0), (3, -1), INK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE_LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _grid(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    st: dict[str, Style],
    extra: Sequence[tuple[Any, ...]] = (),
) -> Any:
    label = st["label"]
    data: list[list[Any]] = [
        [
            h if _fits(h, label, WIDTH * w) else _p(h, label)
            for h, w in zip(header, widths, strict=True)
        ]
    ]
    for row in rows:
        # Whole numbers stay plain text, so the column's ALIGN (right, for scores) applies.
        data.append(
            [
                c
                if isinstance(c, Flowable)
                else str(c)
                if isinstance(c, int)
                else _p(c, st["cell"])
                for c in row
            ]
        )
    table = Table(data, colWidths=[WIDTH * w for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE_LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                *extra,
            ]
        )
    )
    return table


def _heading(key: str, lang: str, st: dict[str, Style], number: int | None) -> Any:
    text = t(key, lang)
    if number is not None:
        zh_numbers = "一二三四五六七八九十"
        prefix = f"{zh_numbers[number - 1]}、" if is_zh(lang) else f"{number}. "
        text = prefix + text
    return _p(text, st["h2"])


class _Sections:
    """Numbers the section headings as they are added: 一、二、… / 1. 2. …"""

    def __init__(self, lang: str, st: dict[str, Style]) -> None:
        self.lang, self.st, self.count = lang, st, 0

    def __call__(self, key: str) -> Any:
        self.count += 1
        return _heading(key, self.lang, self.st, self.count)


def _client_pairs(c: ClientFacts, h: Header, lang: str) -> list[tuple[str, str]]:
    pairs = [
        (t("client.name", lang), c.name),
        (t("client.id", lang), f"{t('id.' + c.id_type, lang)} {c.id_masked}"),
        (t("client.investor_type", lang), t("investor." + c.investor_type, lang)),
    ]
    if c.age is not None:
        pairs.append((t("client.age", lang), str(c.age)))
    pairs.append((t("client.level", lang), level_text(c.level, lang)))
    if c.lowest_category:
        pairs.append(("", lowest_label(lang)))
    pairs += [
        (t("client.assessed_on", lang), c.assessed_on or "—"),
        (t("client.valid_until", lang), c.valid_until or "—"),
    ]
    if len(pairs) % 2:
        pairs.append(("", ""))
    return pairs + [(t("branch", lang), h.branch_name), (t("adviser", lang), h.adviser_name)]


def _product_pairs(p: ProductFacts, lang: str) -> list[tuple[str, str]]:
    horizon = (
        t("product.horizon.value", lang, n=p.horizon_months)
        if p.horizon_months
        else t("product.horizon.open", lang)
    )
    redemption = t("redemption." + p.redemption, lang)
    if p.redemption_terms:
        redemption += ("；" if is_zh(lang) else "; ") + p.redemption_terms
    cooling = (
        t("product.cooling_off.value", lang, n=p.cooling_off_hours)
        if p.cooling_off_hours
        else t("product.cooling_off.none", lang)
    )
    return [
        (t("product.name", lang), p.name),
        (t("product.code", lang), p.code),
        (t("product.type", lang), t("type." + p.product_type, lang)),
        (t("product.issuer", lang), p.issuer),
        (t("product.level", lang), t("product_level." + p.risk_level, lang)),
        (t("product.complex", lang), t("yes" if p.is_complex else "no", lang)),
        (t("product.horizon", lang), horizon),
        (t("product.redemption", lang), redemption),
        (t("product.min_amount", lang), money(p.min_amount, p.currency, lang)),
        (t("product.cooling_off", lang), cooling),
    ]


def _risk_list(p: ProductFacts, lang: str, st: dict[str, Style]) -> list[Any]:
    out: list[Any] = [_p(t("risks.intro", lang), st["body"]), Spacer(1, 3)]
    for n, factor in enumerate(p.risk_factors, start=1):
        out.append(Paragraph(f"{n}.&nbsp;&nbsp;{escape(factor)}", st["item"]))
    return out


def _rules_table(rules: Sequence[RuleLine], lang: str, st: dict[str, Style]) -> Any:
    rows = []
    extra: list[tuple[Any, ...]] = []
    for r in rules:
        outcome_style = st.get("outcome." + r.outcome, st["cell"])
        rows.append(
            [
                _p(t("rule." + r.rule, lang), st["cell"]),
                _p(t("outcome." + r.outcome, lang), outcome_style),
                _p(r.message, st["cell"]),
                _p(r.basis, st["small"]),
            ]
        )
    return _grid(
        [t(k, lang) for k in ("rules.rule", "rules.outcome", "rules.finding", "rules.basis")],
        rows,
        (0.17, 0.12, 0.43, 0.28),
        st,
        extra,
    )


def _signatures(roles: Sequence[tuple[str, str]], lang: str, st: dict[str, Style]) -> Any:
    """One row per signer: role, printed name (if known), a line to sign and a line for the date."""
    rows = []
    for key, name in roles:
        rows.append(
            [
                _p(t(key, lang), st["label"]),
                _p(name, st["cell"]),
                "",
                _p(t("sign.date", lang), st["label"]),
                "",
            ]
        )
    table = Table(
        rows,
        colWidths=[WIDTH * 0.2, WIDTH * 0.18, WIDTH * 0.32, WIDTH * 0.08, WIDTH * 0.22],
        rowHeights=[13 * mm] * len(rows),
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (2, 0), (2, -1), 0.6, INK),
                ("LINEBELOW", (4, 0), (4, -1), 0.6, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def qr_payload(number: str, fingerprint: str) -> str:
    return f"{MARKER}:{number}:{fingerprint}"


def _qr_class(base: Any) -> Any:
    class QrCode(base):  # type: ignore[misc]
        """The QR code as one filled path of dark modules: reportlab's QR widget builds a shape
        object per module, which made it the slowest part of a document."""

        def __init__(self, payload: str, size: float) -> None:
            super().__init__()
            code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
            code.addData(payload)
            # Any of the eight masks reads the same; trying all eight for the "best" one cost more
            # than the rest of the page.
            code.version = code.calculate_version()
            code.makeImpl(False, 0)
            self.modules: list[list[bool]] = [[bool(m) for m in row] for row in code.modules]
            self.width = self.height = size

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return self.width, self.height

        def draw(self) -> None:
            count = len(self.modules)
            box = self.width / (count + 2)  # a quiet zone of one module each side
            path = self.canv.beginPath()
            for r, row in enumerate(self.modules):
                y = self.height - (r + 2) * box
                c = 0
                while c < count:
                    if row[c]:
                        start = c
                        while c < count and row[c]:
                            c += 1
                        path.rect((start + 1) * box, y, (c - start) * box, box)
                    else:
                        c += 1
            self.canv.setFillColor(colors.black)
            self.canv.drawPath(path, stroke=0, fill=1)

    return QrCode


def _verification(h: Header, fingerprint: str, lang: str, st: dict[str, Style]) -> Any:
    size = 30 * mm
    drawing = QrCode(qr_payload(h.number, fingerprint), size)
    details = [
        _p(t("section.verify", lang), st["strong"]),
        _p(t("verify.text", lang), st["small"]),
        Spacer(1, 3),
        _p(f"{t('number', lang)}: {h.number}", st["cell"]),
        _p(f"{t('generated', lang)}: {h.generated_local}", st["cell"]),
        _p(f"{t('verify.fingerprint', lang)}:", st["label"]),
        _p(fingerprint, st["mono"]),
        _p(f"{t('verify.template', lang)}: {TEMPLATE_VERSION}", st["small"]),
    ]
    table = Table([[drawing, details]], colWidths=[size + 6 * mm, WIDTH - size - 6 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE_LINE),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return KeepTogether([Spacer(1, 8), table])


def _title_block(kind: str, h: Header, st: dict[str, Style]) -> list[Any]:
    lang = h.language
    sep = " · "
    line = sep.join(
        [
            f"{t('number', lang)} {h.number}",
            f"{t('generated', lang)} {h.generated_local}",
            f"{t('branch', lang)} {h.branch_name}",
        ]
    )
    return [_p(t("title." + kind, lang), st["title"]), _p(line, st["subtitle"]), Spacer(1, 6)]


# -- the three documents --------------------------------------------------------------------------


def _disclosure(f: DisclosureFacts, st: dict[str, Style]) -> list[Any]:
    lang, h = f.header.language, f.header
    section = _Sections(lang, st)
    story = _title_block("disclosure", h, st)
    story += [_p(t("intro.disclosure", lang), st["body"])]
    story += [section("section.client"), _fields(_client_pairs(f.client, h, lang), st)]
    story += [section("section.product"), _fields(_product_pairs(f.product, lang), st)]
    story += [
        section("section.sale"),
        _fields(
            [
                (t("sale.number", lang), str(f.sale_id)),
                (t("sale.amount", lang), money(f.amount, f.currency, lang)),
            ],
            st,
        ),
    ]
    story += [section("section.risks"), *_risk_list(f.product, lang, st)]
    story += [
        section("section.rules"),
        _p(t("rules.intro", lang), st["body"]),
        Spacer(1, 3),
        _rules_table(f.rules, lang, st),
        Spacer(1, 4),
        _p(t("verdict." + f.verdict, lang), st["strong"]),
    ]
    if f.needs_review:
        story.append(_p(t("review.needed", lang), st["body"]))
    if f.exception is not None:
        e = f.exception
        story += [
            section("section.exception"),
            _fields(
                [
                    (t("exception.request", lang), str(e.request_id)),
                    (t("exception.submitted", lang), e.submitted_local),
                    (t("exception.warning_number", lang), e.warning_number or "—"),
                    (t("exception.supervisor", lang), e.supervisor_name),
                    (t("exception.approved", lang), e.approved_local),
                    (t("exception.comment", lang), e.decision_comment or "—"),
                ],
                st,
            ),
            Spacer(1, 4),
            KeepTogether(
                [
                    _p(t("exception.insistence", lang), st["label"]),
                    _p(e.insistence_text, st["boxed"]),
                ]
            ),
            Spacer(1, 6),
            KeepTogether(
                [
                    _p(t("exception.justification", lang), st["label"]),
                    _p(e.justification, st["boxed"]),
                ]
            ),
        ]
    if f.cooling_off_ends_local:
        story += [
            section("section.cooling_off"),
            _p(
                t(
                    "cooling_off.text",
                    lang,
                    hours=f.product.cooling_off_hours,
                    ends=f.cooling_off_ends_local,
                ),
                st["body"],
            ),
        ]
    story += [section("section.complaints"), _p(f.complaint_channel, st["body"])]
    signers = [("sign.client", f.client.name), ("sign.adviser", h.adviser_name)]
    if f.exception is not None:
        signers.append(("sign.supervisor", f.exception.supervisor_name))
    story += [
        KeepTogether(
            [
                section("section.declaration"),
                _p(t("declaration.disclosure", lang), st["boxed"]),
                Spacer(1, 4),
                _signatures(signers, lang, st),
            ]
        )
    ]
    return story


def _warning(f: WarningFacts, st: dict[str, Style]) -> list[Any]:
    lang, h = f.header.language, f.header
    section = _Sections(lang, st)
    story = _title_block("warning", h, st)
    if f.client.level:
        mismatch = t(
            "warning.mismatch",
            lang,
            level=level_text(f.client.level, lang),
            product_level=t("product_level." + f.product.risk_level, lang),
        )
    else:
        mismatch = t("warning.mismatch.unassessed", lang)
    story += [
        Table(
            [[_p(mismatch, ParagraphStyle("m", parent=st["strong"], textColor=colors.white))]],
            colWidths=[WIDTH],
            style=TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#b3261e")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            ),
        ),
        Spacer(1, 4),
        _p(t("warning.before", lang), st["body"]),
    ]
    story += [section("section.client"), _fields(_client_pairs(f.client, h, lang), st)]
    story += [
        section("section.product"),
        _fields(
            [
                *_product_pairs(f.product, lang),
                (t("sale.amount", lang), money(f.amount, f.currency, lang)),
                (t("exception.request", lang), str(f.request_id)),
            ],
            st,
        ),
    ]
    # What does not match: the rules that warned, need the exception or refuse (not notes).
    findings = [r for r in f.rules if r.outcome not in ("pass", "note")] or list(f.rules)
    story += [section("warning.findings"), _rules_table(findings, lang, st)]
    story += [section("section.risks"), *_risk_list(f.product, lang, st)]
    story += [
        section("exception.insistence"),
        _p(f.insistence_text, st["boxed"]),
        Spacer(1, 6),
        KeepTogether(
            [_p(t("exception.justification", lang), st["label"]), _p(f.justification, st["boxed"])]
        ),
    ]
    story += [section("section.complaints"), _p(f.complaint_channel, st["body"])]
    story += [
        KeepTogether(
            [
                section("section.declaration"),
                _p(t("declaration.warning", lang), st["boxed"]),
                Spacer(1, 4),
                _signatures(
                    [
                        ("sign.client", f.client.name),
                        ("sign.adviser", h.adviser_name),
                        ("sign.supervisor", ""),
                    ],
                    lang,
                    st,
                ),
            ]
        )
    ]
    return story


def _assessment(f: AssessmentResultFacts, st: dict[str, Style]) -> list[Any]:
    lang, h = f.header.language, f.header
    section = _Sections(lang, st)
    story = _title_block("assessment", h, st)
    story += [_p(t("intro.assessment", lang), st["body"])]
    pairs = _client_pairs(f.client, h, lang)[:3] + [
        (t("assessment.questionnaire", lang), f.questionnaire),
        (t("assessment.version", lang), str(f.questionnaire_version)),
        (t("assessment.confirmed", lang), f.confirmed_local),
        (t("branch", lang), h.branch_name),
        (t("adviser", lang), h.adviser_name),
    ]
    story += [section("section.client"), _fields(pairs, st)]
    sep = "、" if is_zh(lang) else "; "
    rows = [[n, a.question, sep.join(a.answers), a.score] for n, a in enumerate(f.answers, start=1)]
    story += [
        section("section.answers"),
        _grid(
            [
                t(k, lang)
                for k in ("answers.no", "answers.question", "answers.answer", "answers.score")
            ],
            rows,
            (0.07, 0.45, 0.38, 0.10),
            st,
            [("ALIGN", (3, 0), (3, -1), "RIGHT"), ("ALIGN", (0, 0), (0, -1), "CENTER")],
        ),
    ]
    lowest = (
        t("lowest.yes", lang, reasons=sep.join(f.lowest_reasons))
        if f.lowest_category
        else t("lowest.no", lang)
    )
    story += [
        KeepTogether(
            [
                section("section.result"),
                _fields(
                    [
                        (
                            t("result.score", lang),
                            t("result.score.value", lang, score=f.score, max=f.max_score),
                        ),
                        (t("result.level", lang), level_text(f.level, lang)),
                        (t("result.score_level", lang), level_text(f.score_level, lang)),
                        (t("result.valid_until", lang), f.valid_until),
                    ],
                    st,
                ),
                Spacer(1, 4),
                _p(lowest, st["strong"]),
                _p(t("validity.text", lang, date=f.valid_until), st["body"]),
            ]
        )
    ]
    story.append(section("section.flags"))
    if f.flags:
        story.append(
            _grid(
                [t("flags.finding", lang), t("flags.explanation", lang)],
                [[fl.message, fl.explanation] for fl in f.flags],
                (0.5, 0.5),
                st,
            )
        )
    else:
        story.append(_p(t("flags.none", lang), st["body"]))
    story += [section("section.complaints"), _p(f.complaint_channel, st["body"])]
    story += [
        KeepTogether(
            [
                section("section.declaration"),
                _p(t("declaration.assessment", lang), st["boxed"]),
                Spacer(1, 4),
                _signatures(
                    [("sign.client", f.client.name), ("sign.adviser", h.adviser_name)], lang, st
                ),
            ]
        )
    ]
    return story


_STORIES: dict[type[Any], Callable[[Any, dict[str, Style]], list[Any]]] = {
    DisclosureFacts: _disclosure,
    WarningFacts: _warning,
    AssessmentResultFacts: _assessment,
}


# -- pages ----------------------------------------------------------------------------------------


def _canvas_class(h: Header, fingerprint: str) -> type[Any]:
    lang = h.language
    copy_band = (
        t(
            "copy.band",
            lang,
            original=h.copy.original_number,
            n=h.copy.copy_number,
            by=h.copy.printed_by,
        )
        if h.copy
        else None
    )

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Holds the pages back until the end so that each can say "page X of Y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Not Helvetica, which no reader is obliged to have: every font is embedded.
            kwargs["initialFontName"] = FONT
            kwargs["initialFontSize"] = 9.5
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            page = self.getPageNumber()
            self.saveState()
            self.setStrokeColor(RULE_LINE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 14 * mm, PAGE_W - MARGIN, 14 * mm)
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            self.drawString(
                MARGIN, 10 * mm, f"{t('number', lang)} {h.number} · SHA-256 {fingerprint[:16]}…"
            )
            self.drawRightString(PAGE_W - MARGIN, 10 * mm, t("page", lang, page=page, pages=total))
            if copy_band:
                self.setFillColor(colors.HexColor("#b3261e"))
                self.setFont(FONT, 8.5)
                self.drawCentredString(PAGE_W / 2, PAGE_H - 10 * mm, copy_band)
                self.setFillColor(colors.Color(0.7, 0.1, 0.1, alpha=0.12))
                self.setFont(FONT, 110)
                self.translate(PAGE_W / 2, PAGE_H / 2)
                self.rotate(35)
                self.drawCentredString(0, -35, t("copy.watermark", lang))
            self.restoreState()

    return NumberedCanvas


def render(facts: DocumentFacts) -> bytes:
    """The document as PDF bytes: the same facts always give the same bytes."""
    h = facts.header
    st = styles(h.language)
    fingerprint = content_hash(facts)
    story = _STORIES[type(facts)](facts, st)
    story.append(_verification(h, fingerprint, h.language, st))
    buffer = io.BytesIO()
    title = t("title." + facts.kind, h.language)
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=20 * mm,
        title=f"{title} {h.number}",
        author=h.branch_name,
        subject=f"{MARKER} {h.number} {fingerprint}",
        keywords=[MARKER, h.number, fingerprint],
        creator="CRM Desk",
        invariant=1,
    )
    frame = Frame(
        MARGIN,
        20 * mm,
        WIDTH,
        PAGE_H - 36 * mm,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_canvas_class(h, fingerprint))
    return buffer.getvalue()
