"""Complaint statistics over a period, for supervisors (their branch) and compliance (all):
volumes by category, channel, product, adviser and root cause; median and 90th-percentile
handling time; the share answered within the deadline; satisfaction. Shown as charts and
exported to CSV or XLSX (audited: 'complaints.report_exported').

The period is in branch days (policy time zone), both ends included, and selects complaints by
their acceptance. Handling figures count each answered round (a reopened complaint's later round
has its own clock). "By adviser" is the adviser complained about, failing that the one who sold
the product concerned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, select

from crm_desk.db.models import Branch, Product
from crm_desk.db.models_complaints import Complaint, ComplaintStage
from crm_desk.db.models_sales import Sale
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.complaints import (
    OPEN_STATUSES,
    ComplaintStatus,
    StageKind,
    handling_days,
    local_day,
    median,
    percentile,
)
from crm_desk.domain.errors import Problem, ValidationError
from crm_desk.domain.roles import Role
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.clients import user_names
from crm_desk.services.complaint_dto import ComplaintReport, CountRow
from crm_desk.services.permissions import Permission, operation
from crm_desk.services.tabular import ExportFormat, WriteRow, csv_sheet, format_for, xlsx_sheet

NONE_KEY = ""  # no product, no adviser: the UI shows "none"
MAX_PERIOD_DAYS = 3660

# (kind, value) -> the text a reader expects; the UI passes translated labels.
ValueLabel = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class RoundFact:
    """One answered round, as the statistics need it."""

    complaint_id: int
    started_at: datetime
    told_at: datetime
    on_time: bool
    satisfaction: int
    outcome_accepted: bool


@dataclass(frozen=True, slots=True)
class ProductNames:
    code: str
    name_zh: str
    name_en: str

    def both(self) -> str:
        """For the export, read in either language: code, Chinese and English names."""
        return f"{self.code} {self.name_zh} / {self.name_en}"


def _counts(
    keys: Iterable[str], products: Mapping[str, ProductNames] | None = None
) -> tuple[CountRow, ...]:
    """Largest first, then by key, so the order is stable. Product rows (keyed by code) carry
    both names."""
    counter = Counter(keys)
    names = products or {}
    rows = []
    for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        product = names.get(key)
        rows.append(
            CountRow(key, n, product.name_zh, product.name_en) if product else CountRow(key, n)
        )
    return tuple(rows)


def summarise(
    first_day: date,
    last_day: date,
    scope: str,
    complaints: Sequence[Any],  # rows with the complaint's columns
    rounds: list[RoundFact],
    root_causes: list[str],
    products: dict[int, ProductNames],
    advisers: dict[int, str],
    today: date,
) -> ComplaintReport:
    """The report from loaded rows (no database here): ``advisers`` maps complaint id to the
    adviser's name (complained about, else the seller)."""
    days = [handling_days(r.started_at, r.told_at) for r in rounds]
    open_ = [c for c in complaints if ComplaintStatus(c.status) in OPEN_STATUSES]
    ratings = Counter(r.satisfaction for r in rounds)
    return ComplaintReport(
        first_day=first_day,
        last_day=last_day,
        scope=scope,
        total=len(complaints),
        open=len(open_),
        overdue_open=sum(1 for c in open_ if c.due_date < today),
        reopened=sum(1 for c in complaints if c.round > 1),
        by_category=_counts(c.category for c in complaints),
        by_channel=_counts(c.channel for c in complaints),
        by_product=_counts(
            [
                products[c.product_id].code
                if c.product_id is not None and c.product_id in products
                else NONE_KEY
                for c in complaints
            ],
            {p.code: p for p in products.values()},
        ),
        by_adviser=_counts(advisers.get(c.id, NONE_KEY) for c in complaints),
        by_root_cause=_counts(root_causes),
        answered_rounds=len(rounds),
        median_days=median(days),
        p90_days=percentile(days, 90),
        on_time_share=sum(r.on_time for r in rounds) / len(rounds) if rounds else None,
        mean_satisfaction=sum(r.satisfaction for r in rounds) / len(rounds) if rounds else None,
        satisfaction_counts=(ratings[1], ratings[2], ratings[3], ratings[4], ratings[5]),
        accepted_share=sum(r.outcome_accepted for r in rounds) / len(rounds) if rounds else None,
        handling_days=tuple(days),
    )


class ComplaintReportService(Service):
    def _check_period(self, first_day: date, last_day: date) -> None:
        if last_day < first_day:
            raise ValidationError(
                {
                    "last_day": Problem(
                        "period.order", "The last day cannot be before the first day."
                    )
                }
            )
        if (last_day - first_day).days > MAX_PERIOD_DAYS:
            raise ValidationError(
                {"last_day": Problem("period.too_long", "Choose a period of ten years at most.")}
            )

    def _build(
        self, uow: UnitOfWork, actor: Actor, first_day: date, last_day: date
    ) -> tuple[ComplaintReport, list[Any], dict[int, ProductNames], dict[int, str]]:
        """Columns, not entities, and the stages through a sub-query (no list of ids: SQLite
        limits the parameters of one statement)."""
        self._check_period(first_day, last_day)
        zone = self.policy.complaints.zone
        start = datetime.combine(first_day, time(0), tzinfo=zone)
        end = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=zone)
        where: list[ColumnElement[bool]] = [
            Complaint.accepted_at >= start,
            Complaint.accepted_at < end,
        ]
        scope = ""
        if actor.role is Role.SUPERVISOR:
            where.append(Complaint.branch_id == actor.branch_id)
            branch = uow.session.get(Branch, actor.branch_id)
            scope = branch.name if branch is not None else ""
        complaints = list(
            uow.session.execute(
                select(
                    Complaint.id,
                    Complaint.status,
                    Complaint.category,
                    Complaint.channel,
                    Complaint.accepted_at,
                    Complaint.due_date,
                    Complaint.round,
                    Complaint.product_id,
                    Complaint.amount_in_dispute,
                    Complaint.subject_adviser_id,
                    Product.code.label("product_code"),
                    Product.name_zh.label("product_name_zh"),
                    Product.name_en.label("product_name_en"),
                    Sale.adviser_id.label("seller_id"),
                )
                .outerjoin(Product, Product.id == Complaint.product_id)
                .outerjoin(Sale, Sale.id == Complaint.sale_id)
                .where(*where)
                .order_by(Complaint.id)
            ).all()
        )
        stages = uow.session.execute(
            select(
                ComplaintStage.complaint_id,
                ComplaintStage.round,
                ComplaintStage.stage,
                ComplaintStage.occurred_at,
                ComplaintStage.root_cause,
                ComplaintStage.told_at,
                ComplaintStage.on_time,
                ComplaintStage.satisfaction,
                ComplaintStage.outcome_accepted,
            )
            .where(ComplaintStage.complaint_id.in_(select(Complaint.id).where(*where)))
            .order_by(ComplaintStage.complaint_id, ComplaintStage.id)
        ).all()
        accepted_at = {c.id: c.accepted_at for c in complaints}
        started: dict[tuple[int, int], datetime] = {}
        rounds: list[RoundFact] = []
        causes: list[str] = []
        for s in stages:
            if s.stage in (StageKind.ACCEPTED.value, StageKind.REOPENED.value):
                started[(s.complaint_id, s.round)] = s.occurred_at
            elif s.stage == StageKind.RESOLVED.value and s.root_cause:
                causes.append(s.root_cause)
            elif s.stage == StageKind.ANSWERED.value and s.told_at is not None:
                rounds.append(
                    RoundFact(
                        complaint_id=s.complaint_id,
                        started_at=started.get(
                            (s.complaint_id, s.round), accepted_at[s.complaint_id]
                        ),
                        told_at=s.told_at,
                        on_time=bool(s.on_time),
                        satisfaction=s.satisfaction or 0,
                        outcome_accepted=bool(s.outcome_accepted),
                    )
                )
        products = {
            c.product_id: ProductNames(c.product_code, c.product_name_zh, c.product_name_en)
            for c in complaints
            if c.product_id is not None
        }
        adviser_of = {
            c.id: c.subject_adviser_id if c.subject_adviser_id is not None else c.seller_id
            for c in complaints
        }
        names = user_names(uow, set(adviser_of.values()))
        advisers = {
            cid: names.get(uid, NONE_KEY) if uid else NONE_KEY for cid, uid in adviser_of.items()
        }
        today = local_day(uow.clock(), zone)
        report = summarise(
            first_day, last_day, scope, complaints, rounds, causes, products, advisers, today
        )
        return report, complaints, products, advisers

    @operation(Permission.COMPLAINTS_REPORT, read_only=True)
    def report(
        self, uow: UnitOfWork, actor: Actor, first_day: date, last_day: date
    ) -> ComplaintReport:
        return self._build(uow, actor, first_day, last_day)[0]

    @operation(Permission.COMPLAINTS_REPORT)
    def export_report(
        self,
        uow: UnitOfWork,
        actor: Actor,
        first_day: date,
        last_day: date,
        path: Path,
        label: ValueLabel | None = None,
    ) -> ComplaintReport:
        """Write the report (figures, then each table, then one line per complaint) to a CSV or
        XLSX file by the path's suffix; the export is audited."""
        report, complaints, products, advisers = self._build(uow, actor, first_day, last_day)
        name = label or (lambda _kind, value: value)
        file_format = format_for(path)
        sheet = (
            xlsx_sheet(path, "Complaints")
            if file_format is ExportFormat.XLSX
            else csv_sheet(path, "Complaints")
        )
        zone = self.policy.complaints.zone
        with sheet as write:
            _write_report(write, report, name)
            write([])
            write(
                [
                    "编号 No.",
                    "受理日 Accepted",
                    "类别 Category",
                    "渠道 Channel",
                    "产品 Product",
                    "顾问 Adviser",
                    "阶段 Stage",
                    "轮次 Round",
                    "到期日 Due",
                    "争议金额 Amount",
                ]
            )
            for c in complaints:
                write(
                    [
                        c.id,
                        local_day(c.accepted_at, zone).isoformat(),
                        name("category", c.category),
                        name("channel", c.channel),
                        products[c.product_id].both() if c.product_id in products else "",
                        advisers.get(c.id, ""),
                        name("status", c.status),
                        c.round,
                        c.due_date.isoformat(),
                        str(c.amount_in_dispute) if c.amount_in_dispute is not None else "",
                    ]
                )
        audit.record(
            uow,
            actor,
            "complaints.report_exported",
            "complaint_report",
            f"{first_day.isoformat()}..{last_day.isoformat()}",
            {
                "file": (None, path.name),
                "format": (None, file_format.value),
                "rows": (None, len(complaints)),
            },
        )
        uow.commit()
        return report


def _share(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def _days(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _write_report(write: WriteRow, r: ComplaintReport, name: ValueLabel) -> None:
    rows: list[list[Any]] = [
        ["投诉报告 Complaint report", f"{r.first_day.isoformat()} – {r.last_day.isoformat()}"],
        ["范围 Scope", r.scope or "全部 All branches"],
        ["投诉量 Complaints", r.total],
        ["未结 Open", r.open],
        ["逾期未结 Open and overdue", r.overdue_open],
        ["重新打开 Reopened", r.reopened],
        ["已答复轮次 Answered rounds", r.answered_rounds],
        ["处理天数中位数 Median handling days", _days(r.median_days)],
        ["处理天数90分位 90th percentile handling days", _days(r.p90_days)],
        ["按期答复 Answered within deadline", _share(r.on_time_share)],
        [
            "平均满意度 Mean satisfaction (1–5)",
            "" if r.mean_satisfaction is None else f"{r.mean_satisfaction:.2f}",
        ],
        ["接受处理结果 Outcome accepted", _share(r.accepted_share)],
    ]
    for row in rows:
        write(row)
    write(["满意度 Satisfaction", "1", "2", "3", "4", "5"])
    write(["", *r.satisfaction_counts])
    for title, kind, table in (
        ("类别 Category", "category", r.by_category),
        ("渠道 Channel", "channel", r.by_channel),
        ("产品 Product", "product", r.by_product),
        ("顾问 Adviser", "", r.by_adviser),
        ("根本原因 Root cause", "root_cause", r.by_root_cause),
    ):
        write([])
        write([title, "数量 Count"])
        for item in table:
            if kind == "product":
                key = ProductNames(item.key, item.name_zh, item.name_en).both() if item.key else ""
            else:
                key = name(kind, item.key) if kind else item.key
            write([key or name("none", ""), item.count])
