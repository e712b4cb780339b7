"""Client records: create, edit (optimistic locking), reveal personal data, reassign, search and
page through the list. Every query is narrowed to the clients the actor serves."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    false,
    func,
    or_,
    select,
    true,
    tuple_,
    union_all,
)
from sqlalchemy.orm import aliased
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from crm_desk.db.client_search import (
    character_matches,
    fragment_keys,
    index_name,
    name_holds,
    owner_changed,
)
from crm_desk.db.models import (
    AuditEvent,
    Client,
    ClientVulnerability,
    ProfessionalApplication,
    User,
)
from crm_desk.db.uow import UnitOfWork
from crm_desk.domain.assessment import expiry_state
from crm_desk.domain.audit import mask_text
from crm_desk.domain.clients import (
    ClientInput,
    ClientProfile,
    Horizon,
    IncomeBand,
    InvestorType,
    Language,
    Liquidity,
    Objective,
    ProductExperience,
    Vulnerability,
    age_on,
    is_elderly,
    validate_client,
)
from crm_desk.domain.errors import (
    ConcurrentEdit,
    Conflict,
    DuplicateClient,
    NotFound,
    Problem,
    SimilarClients,
    ValidationError,
)
from crm_desk.domain.identity import Gender, IdType, check_phone, mask_phone, phone_last_four
from crm_desk.domain.names import initials, sort_key
from crm_desk.domain.roles import Role
from crm_desk.services import audit
from crm_desk.services.actor import Actor
from crm_desk.services.base import Service
from crm_desk.services.client_dto import (
    ANCHOR_EVERY,
    ClientDetail,
    ClientQuery,
    ClientRow,
    ClientSearch,
    ClientSort,
    ProfessionalApplicationDTO,
    SimilarClient,
    SortKey,
    TimelineEntry,
    VulnerabilityDTO,
)
from crm_desk.services.crypto import FieldCipher
from crm_desk.services.keys import KeyService
from crm_desk.services.permissions import Permission, operation

ENCRYPTED_FIELDS = ("id_number", "phone", "email", "address")
# A search as its readings (identity number, phone, initials, name, ...) that find anyone, each
# selecting (sort key s, id i) with every condition applied.
_Search = list[Select[*tuple[Any, ...]]]


def local_today(uow: UnitOfWork) -> date:
    """The branch's calendar day: the workstation's time zone applied to the UTC clock."""
    return uow.clock().astimezone().date()


def visible_to(actor: Actor) -> ColumnElement[bool]:
    """Advisers see their own clients, supervisors their branch, compliance everything."""
    owned = _owned_by(actor, Client.adviser_id, Client.branch_id)
    return true() if owned is None else owned


def _owned_by(actor: Actor, adviser: Any, branch: Any) -> ColumnElement[bool] | None:
    """Visibility on the given owner columns; None when the actor sees every client (no WHERE
    at all: SQLite counts a whole table from its b-tree pages, but scans it for ``WHERE 1 = 1``)."""
    if actor.is_system or actor.role is Role.COMPLIANCE:
        return None
    if actor.role is Role.SUPERVISOR:
        return branch == actor.branch_id  # type: ignore[no-any-return]
    if actor.role is Role.ADVISER:
        return adviser == actor.user_id  # type: ignore[no-any-return]
    return false()


def visible_client(uow: UnitOfWork, actor: Actor, client_id: int) -> Client:
    """The client, if the actor serves them; NotFound otherwise (never "exists, not yours")."""
    client = uow.session.execute(
        select(Client).where(Client.id == client_id, visible_to(actor))
    ).scalar_one_or_none()
    if client is None:
        raise NotFound("client", client_id)
    return client


def user_names(uow: UnitOfWork, ids: set[int | None]) -> dict[int, str]:
    """Full names of the given users (None ignored), in one query."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = uow.session.execute(select(User.id, User.full_name).where(User.id.in_(wanted)))
    return {row.id: row.full_name for row in rows}


_ROW_COLUMNS = (
    Client.id,
    Client.name,
    Client.id_type,
    Client.id_number_enc,
    Client.phone_enc,
    Client.birth_date,
    Client.gender,
    Client.adviser_id,
    Client.investor_type,
    Client.flagged_vulnerable,
    Client.name_sort,
    Client.risk_level,
    Client.assessment_valid_until,
)


def _masked_email(value: str) -> str:
    return mask_text(value)


def _masked_address(value: str) -> str:
    """Keep the city part a reader needs to recognise it: the first six characters."""
    return value[:6] + "…" if len(value) > 6 else "…"


EXPIRY_WARNING_DAYS = 30  # an assessment "expires soon" within this many days

TimelineProvider = Callable[[UnitOfWork, Actor, int], list[TimelineEntry]]

PROFILE_ACTIONS = (
    "client.created",
    "client.updated",
    "client.reassigned",
    "client.vulnerability_set",
    "client.vulnerability_cleared",
    "client.professional_applied",
    "client.professional_decided",
)


class ClientService(Service):
    keys: KeyService
    # Later capabilities (interviews, assessments, sales, documents, complaints) add theirs.
    timeline_providers: list[TimelineProvider]

    @operation(Permission.CLIENTS_VIEW)
    def timeline(self, uow: UnitOfWork, actor: Actor, client_id: int) -> list[TimelineEntry]:
        """Everything about the client, newest first: profile changes from the audit trail and
        each provider's entries."""
        client = visible_client(uow, actor, client_id)
        events = uow.session.execute(
            select(AuditEvent).where(
                AuditEvent.entity_type == "client",
                AuditEvent.entity_id == str(client.id),
                AuditEvent.action.in_(PROFILE_ACTIONS),
            )
        ).scalars()
        entries = [
            TimelineEntry(
                when=e.occurred_at,
                kind="profile",
                title=e.action,
                detail=", ".join(
                    f
                    for f in json.loads(e.changes)
                    if f not in ("version", "name_sort", "name_initials")
                ),
                by=e.actor_name,
                ref_id=e.seq,
            )
            for e in events
        ]
        for provider in self.timeline_providers:
            entries.extend(provider(uow, actor, client.id))
        return sorted(entries, key=lambda entry: (entry.when, entry.ref_id or 0), reverse=True)

    def _cipher(self) -> FieldCipher:
        return self.keys.require()

    # -- reading -------------------------------------------------------------------------------

    def _detail(self, uow: UnitOfWork, client: Client) -> ClientDetail:
        cipher = self._cipher()
        today = local_today(uow)
        flags = (
            uow.session.execute(
                select(ClientVulnerability)
                .where(
                    ClientVulnerability.client_id == client.id,
                    ClientVulnerability.cleared_at.is_(None),
                )
                .order_by(ClientVulnerability.set_at)
            )
            .scalars()
            .all()
        )
        applications = (
            uow.session.execute(
                select(ProfessionalApplication)
                .where(ProfessionalApplication.client_id == client.id)
                .order_by(ProfessionalApplication.requested_at.desc())
            )
            .scalars()
            .all()
        )
        names = user_names(
            uow,
            {client.adviser_id, client.updated_by}
            | {f.set_by for f in flags}
            | {a.requested_by for a in applications}
            | {a.decided_by for a in applications},
        )
        email = cipher.decrypt("email", client.email_enc) if client.email_enc else None
        address = cipher.decrypt("address", client.address_enc) if client.address_enc else None
        return ClientDetail(
            id=client.id,
            version=client.version,
            name=client.name,
            id_type=IdType(client.id_type),
            id_number_masked=mask_text(cipher.decrypt("id_number", client.id_number_enc)),
            birth_date=client.birth_date,
            age=age_on(client.birth_date, today),
            gender=Gender(client.gender) if client.gender else None,
            phone_masked=mask_phone(cipher.decrypt("phone", client.phone_enc)),
            email_masked=_masked_email(email) if email else None,
            address_masked=_masked_address(address) if address else None,
            occupation=client.occupation,
            income_band=IncomeBand(client.income_band),
            financial_assets=Decimal(client.financial_assets),
            experience_years=client.experience_years,
            experience_types=tuple(
                ProductExperience(x) for x in client.experience_types.split(",") if x
            ),
            objectives=tuple(Objective(x) for x in client.objectives.split(",") if x),
            horizon=Horizon(client.horizon),
            liquidity=Liquidity(client.liquidity),
            investor_type=InvestorType(client.investor_type),
            professional_evidence=client.professional_evidence,
            preferred_language=Language(client.preferred_language),
            adviser_id=client.adviser_id,
            adviser_name=names.get(client.adviser_id, "?"),
            branch_id=client.branch_id,
            elderly=is_elderly(client.birth_date, today, self.elderly_age),
            risk_level=client.risk_level,
            assessment_valid_until=client.assessment_valid_until,
            assessment_state=(
                expiry_state(client.assessment_valid_until, today, EXPIRY_WARNING_DAYS).value
                if client.assessment_valid_until
                else None
            ),
            vulnerabilities=tuple(
                VulnerabilityDTO(
                    f.id, Vulnerability(f.kind), f.reason, names.get(f.set_by, "?"), f.set_at
                )
                for f in flags
            ),
            applications=tuple(self._application_dto(a, client.name, names) for a in applications),
            created_at=client.created_at,
            updated_at=client.updated_at,
            updated_by=names.get(client.updated_by or 0, ""),
        )

    @property
    def elderly_age(self) -> int:
        return self.policy.investor.elderly_age

    @operation(Permission.CLIENTS_VIEW)
    def get_client(self, uow: UnitOfWork, actor: Actor, client_id: int) -> ClientDetail:
        return self._detail(uow, visible_client(uow, actor, client_id))

    @operation(Permission.PERSONAL_DATA_REVEAL)
    def reveal(self, uow: UnitOfWork, actor: Actor, client_id: int, field: str) -> str:
        """The full value of one personal-data field; each reveal is audited."""
        if field not in ENCRYPTED_FIELDS:
            raise ValidationError({"field": Problem("field.unknown", "No such personal field.")})
        client = visible_client(uow, actor, client_id)
        blob = getattr(client, f"{field}_enc")
        value = self._cipher().decrypt(field, blob) if blob else ""
        audit.record(uow, actor, "client.revealed", "client", client.id, {"field": (None, field)})
        uow.commit()
        return value

    # -- writing -------------------------------------------------------------------------------
    def _encrypted_columns(self, uow: UnitOfWork, profile: ClientProfile) -> dict[str, Any]:
        return encrypted_columns(self.keys.for_writing(uow), profile)

    @staticmethod
    def _plain_columns(profile: ClientProfile) -> dict[str, Any]:
        return plain_columns(profile)

    @staticmethod
    def _audited(profile: ClientProfile) -> dict[str, Any]:
        """The values the audit trail records (personal data is masked by the trail itself)."""
        return {
            **ClientService._plain_columns(profile),
            "id_type": profile.identity.id_type.value,
            "id_number": profile.identity.number,
            "phone": profile.phone,
            "email": profile.email,
            "address": profile.address,
            "financial_assets": str(profile.financial_assets),
            "birth_date": profile.birth_date.isoformat(),
        }

    def _check_duplicates(
        self,
        uow: UnitOfWork,
        actor: Actor,
        profile: ClientProfile,
        acknowledge_similar: bool,
        exclude: int | None = None,
    ) -> None:
        index = id_index(self._cipher(), profile.identity.id_type, profile.identity.number)
        same = uow.session.execute(
            select(Client.id, visible_to(actor).label("visible")).where(
                Client.id_number_index == index
            )
        ).first()
        if same is not None and same.id != exclude:
            raise DuplicateClient(same.id, bool(same.visible))
        if acknowledge_similar:
            return
        adviser = aliased(User)
        similar = uow.session.execute(
            select(
                Client.id,
                Client.name,
                Client.birth_date,
                adviser.full_name,
                visible_to(actor).label("visible"),
            )
            .join(adviser, adviser.id == Client.adviser_id)
            .where(Client.name == profile.name, Client.birth_date == profile.birth_date)
            .where(Client.id != (exclude or 0))
        ).all()
        if similar:
            # Clients the user does not serve are counted, not described: no id, no adviser.
            raise SimilarClients(
                [
                    SimilarClient(r.id, r.name, r.birth_date, r.full_name, True)
                    if r.visible
                    else SimilarClient(None, r.name, r.birth_date, "", False)
                    for r in similar
                ]
            )

    def _adviser_for(self, uow: UnitOfWork, actor: Actor, adviser_id: int | None) -> User:
        wanted = adviser_id if adviser_id is not None else actor.user_id
        user = uow.session.get(User, wanted) if wanted is not None else None
        problem = None
        if user is None or not user.is_active or user.role != Role.ADVISER.value:
            problem = Problem("adviser.unknown", "Choose an active adviser.")
        elif actor.role is Role.ADVISER and user.id != actor.user_id:
            problem = Problem("adviser.own", "Advisers create clients for themselves.")
        elif actor.role is Role.SUPERVISOR and user.branch_id != actor.branch_id:
            problem = Problem("adviser.branch", "Choose an adviser of your branch.")
        if problem is not None or user is None:
            raise ValidationError({"adviser_id": problem or Problem("adviser.unknown", "")})
        return user

    @operation(Permission.CLIENTS_EDIT)
    def create_client(
        self,
        uow: UnitOfWork,
        actor: Actor,
        raw: ClientInput,
        *,
        adviser_id: int | None = None,
        acknowledge_similar: bool = False,
    ) -> ClientDetail:
        """Refused for a known identity number; warns (SimilarClients) for the same name and
        birth date until the caller acknowledges it."""
        profile = validate_client(raw, local_today(uow))
        if actor.role is Role.SUPERVISOR and adviser_id is None:
            raise ValidationError(
                {"adviser_id": Problem("adviser.required", "Choose the adviser.")}
            )
        adviser = self._adviser_for(uow, actor, adviser_id)
        self._check_duplicates(uow, actor, profile, acknowledge_similar)
        client = new_client(self.keys.for_writing(uow), profile, adviser, actor, uow.clock())
        uow.session.add(client)
        uow.session.flush()
        extra = {"similar_acknowledged": (None, True)} if acknowledge_similar else {}
        record_created(uow, actor, client, profile, extra)
        detail = self._detail(uow, client)
        uow.commit()
        return detail

    @operation(Permission.CLIENTS_EDIT)
    def update_client(
        self,
        uow: UnitOfWork,
        actor: Actor,
        client_id: int,
        expected_version: int,
        raw: ClientInput,
        *,
        acknowledge_similar: bool = False,
    ) -> ClientDetail:
        """Saves only over the version the user opened; otherwise ConcurrentEdit says who changed
        what meanwhile, and nothing is written."""
        client = visible_client(uow, actor, client_id)
        if client.version != expected_version:
            raise self._concurrent_edit(uow, client, expected_version)
        before = self._current_audit_values(client)
        if raw.keep_personal:
            kept: dict[str, Any] = {
                f: before[f] or "" for f in raw.keep_personal if f in ENCRYPTED_FIELDS
            }
            raw = replace(raw, **kept, keep_personal=frozenset())
        profile = validate_client(raw, local_today(uow))
        after = self._audited(profile)
        changed = {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v}
        if not changed:
            return self._detail(uow, client)
        if "name" in changed or "birth_date" in changed or "id_number" in changed:
            self._check_duplicates(uow, actor, profile, acknowledge_similar, exclude=client.id)
        # Sealed before any attribute changes: the key check's query would autoflush a first
        # UPDATE, and the sealed values a second one (two versions for one save).
        encrypted = self._encrypted_columns(uow, profile)
        for column, value in self._plain_columns(profile).items():
            setattr(client, column, value)
        for column, value in encrypted.items():
            unchanged_secret = (
                column.endswith("_enc") and column.removesuffix("_enc") not in changed
            )
            if not unchanged_secret:
                setattr(client, column, value)
        client.updated_at = uow.clock()
        client.updated_by = actor.user_id
        try:
            uow.session.flush()
        except StaleDataError as exc:  # saved by someone else between our read and our write
            uow.session.rollback()
            raise Conflict("the record changed while saving; reload it", reason="stale") from exc
        if "name" in changed:
            index_name(uow.session, client.id, client.name, new=False)
        changed["version"] = (expected_version, client.version)
        audit.record(uow, actor, "client.updated", "client", client.id, changed)
        detail = self._detail(uow, client)
        uow.commit()
        return detail

    def _current_audit_values(self, client: Client) -> dict[str, Any]:
        cipher = self._cipher()
        return {
            "name": client.name,
            "name_sort": client.name_sort,
            "name_initials": client.name_initials,
            "birth_date": client.birth_date.isoformat(),
            "gender": client.gender,
            "occupation": client.occupation,
            "income_band": client.income_band,
            "financial_assets": str(Decimal(client.financial_assets).quantize(Decimal("0.01"))),
            "experience_years": client.experience_years,
            "experience_types": client.experience_types,
            "objectives": client.objectives,
            "horizon": client.horizon,
            "liquidity": client.liquidity,
            "preferred_language": client.preferred_language,
            "id_type": client.id_type,
            "id_number": cipher.decrypt("id_number", client.id_number_enc),
            "phone": cipher.decrypt("phone", client.phone_enc),
            "email": cipher.decrypt("email", client.email_enc) if client.email_enc else None,
            "address": cipher.decrypt("address", client.address_enc)
            if client.address_enc
            else None,
        }

    def _concurrent_edit(self, uow: UnitOfWork, client: Client, expected: int) -> ConcurrentEdit:
        """Who changed what since the version the user opened, from the audit trail."""
        return audit.concurrent_edit(
            uow,
            "client",
            client.id,
            (
                "client.updated",
                "client.reassigned",
                "client.vulnerability_set",
                "client.vulnerability_cleared",
                "client.professional_decided",
            ),
            expected,
            client.version,
            client.updated_at,
            ignored=("version", "name_sort", "name_initials"),
        )

    def _bump(self, client: Client, actor: Actor, uow: UnitOfWork) -> tuple[int, int]:
        """A new version for a change kept in another table (flags, applications), even when
        no column of the client itself differs."""
        before = client.version
        client.updated_at = uow.clock()
        client.updated_by = actor.user_id
        flag_modified(client, "updated_at")
        uow.session.flush()
        return before, client.version

    @operation(Permission.CLIENTS_REASSIGN)
    def reassign(
        self, uow: UnitOfWork, actor: Actor, client_id: int, adviser_id: int
    ) -> ClientDetail:
        client = visible_client(uow, actor, client_id)
        adviser = self._adviser_for(uow, actor, adviser_id)
        if adviser.id == client.adviser_id:
            return self._detail(uow, client)
        old = client.adviser_id
        client.adviser_id, client.branch_id = adviser.id, adviser.branch_id
        versions = self._bump(client, actor, uow)
        owner_changed(uow.session, client.id, adviser.id, adviser.branch_id)
        audit.record(
            uow,
            actor,
            "client.reassigned",
            "client",
            client.id,
            {"adviser_id": (old, adviser.id), "version": versions},
        )
        detail = self._detail(uow, client)
        uow.commit()
        return detail

    @operation(Permission.CLIENTS_EDIT)
    def set_vulnerability(
        self, uow: UnitOfWork, actor: Actor, client_id: int, kind: Vulnerability | str, reason: str
    ) -> ClientDetail:
        problems: dict[str, Problem] = {}
        try:
            chosen = Vulnerability(kind)
        except ValueError:
            problems["kind"] = Problem("choice.required", "Choose one of the options.")
        if len(" ".join(reason.split())) < 5:
            problems["reason"] = Problem(
                "reason.required", "Say why, in a few words the next adviser will understand."
            )
        if problems:
            raise ValidationError(problems)
        client = visible_client(uow, actor, client_id)
        flag = ClientVulnerability(
            client_id=client.id,
            kind=chosen.value,
            reason=reason.strip(),
            set_by=actor.user_id,
            set_at=uow.clock(),
        )
        uow.session.add(flag)
        client.flagged_vulnerable = True
        versions = self._bump(client, actor, uow)
        audit.record(
            uow,
            actor,
            "client.vulnerability_set",
            "client",
            client.id,
            {"kind": (None, chosen.value), "reason": (None, reason.strip()), "version": versions},
        )
        detail = self._detail(uow, client)
        uow.commit()
        return detail

    @operation(Permission.CLIENTS_EDIT)
    def clear_vulnerability(
        self, uow: UnitOfWork, actor: Actor, vulnerability_id: int, reason: str
    ) -> ClientDetail:
        if len(" ".join(reason.split())) < 5:
            raise ValidationError(
                {
                    "reason": Problem(
                        "reason.required",
                        "Say why, in a few words the next adviser will understand.",
                    )
                }
            )
        flag = uow.session.get(ClientVulnerability, vulnerability_id)
        if flag is None or flag.cleared_at is not None:
            raise NotFound("vulnerability", vulnerability_id)
        client = visible_client(uow, actor, flag.client_id)
        flag.cleared_at, flag.cleared_by, flag.clear_reason = (
            uow.clock(),
            actor.user_id,
            reason.strip(),
        )
        uow.session.flush()
        client.flagged_vulnerable = bool(
            uow.session.execute(
                select(func.count(ClientVulnerability.id)).where(
                    ClientVulnerability.client_id == client.id,
                    ClientVulnerability.cleared_at.is_(None),
                )
            ).scalar_one()
        )
        versions = self._bump(client, actor, uow)
        audit.record(
            uow,
            actor,
            "client.vulnerability_cleared",
            "client",
            client.id,
            {"kind": (flag.kind, None), "reason": (None, reason.strip()), "version": versions},
        )
        detail = self._detail(uow, client)
        uow.commit()
        return detail

    # -- professional investors ----------------------------------------------------------------
    def _application_dto(
        self, app: ProfessionalApplication, client_name: str, names: dict[int, str]
    ) -> ProfessionalApplicationDTO:
        return ProfessionalApplicationDTO(
            id=app.id,
            client_id=app.client_id,
            client_name=client_name,
            financial_assets=Decimal(app.financial_assets),
            average_income=Decimal(app.average_income),
            experience_years=app.experience_years,
            evidence=app.evidence,
            requested_by_id=app.requested_by,
            requested_by=names.get(app.requested_by, "?"),
            requested_at=app.requested_at,
            status=app.status,
            meets_thresholds=self.meets_conversion_thresholds(
                Decimal(app.financial_assets), Decimal(app.average_income), app.experience_years
            ),
            decided_by=names.get(app.decided_by) if app.decided_by else None,
            decided_at=app.decided_at,
            decision_comment=app.decision_comment,
        )

    def meets_conversion_thresholds(self, assets: Decimal, income: Decimal, years: int) -> bool:
        rules = self.policy.investor
        return (assets >= rules.conversion_assets or income >= rules.conversion_income) and (
            years >= rules.conversion_experience_years
        )

    @operation(Permission.CLIENTS_EDIT)
    def apply_professional(
        self,
        uow: UnitOfWork,
        actor: Actor,
        client_id: int,
        *,
        financial_assets: str,
        average_income: str,
        experience_years: str,
        evidence: str,
    ) -> ClientDetail:
        """Record the client's written application with its evidence; a supervisor decides."""
        problems: dict[str, Problem] = {}
        amounts: dict[str, Decimal] = {}
        for name, text in (
            ("financial_assets", financial_assets),
            ("average_income", average_income),
        ):
            try:
                amounts[name] = Decimal(text.replace(",", "").strip() or "x")
                if amounts[name] < 0:
                    raise ArithmeticError
            except (ArithmeticError, ValueError):
                problems[name] = Problem(
                    "money.format", "Enter an amount in yuan, e.g. 1500000 or 1,500,000.00."
                )
        try:
            years = int(experience_years.strip())
            if not 0 <= years <= 80:
                raise ValueError
        except ValueError:
            years = 0
            problems["experience_years"] = Problem(
                "years.range", "Enter whole years between 0 and 80."
            )
        if len(evidence.strip()) < 10:
            problems["evidence"] = Problem(
                "evidence.required",
                "Describe the documents seen (statements, income proof, trading records).",
            )
        if problems:
            raise ValidationError(problems)
        client = visible_client(uow, actor, client_id)
        if client.investor_type == InvestorType.PROFESSIONAL.value:
            raise Conflict(
                "the client is already a professional investor", reason="already_professional"
            )
        pending = uow.session.execute(
            select(ProfessionalApplication.id).where(
                ProfessionalApplication.client_id == client.id,
                ProfessionalApplication.status == "pending",
            )
        ).first()
        if pending:
            raise Conflict("an application is already waiting for a decision", reason="pending")
        app = ProfessionalApplication(
            client_id=client.id,
            financial_assets=amounts["financial_assets"],
            average_income=amounts["average_income"],
            experience_years=years,
            evidence=evidence.strip(),
            requested_by=actor.user_id,
            requested_at=uow.clock(),
            status="pending",
        )
        uow.session.add(app)
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "client.professional_applied",
            "client",
            client.id,
            {
                "application_id": (None, app.id),
                "financial_assets": (None, str(amounts["financial_assets"])),
                "average_income": (None, str(amounts["average_income"])),
                "experience_years": (None, years),
            },
        )
        detail = self._detail(uow, client)
        uow.commit()
        return detail

    @operation(Permission.PROFESSIONAL_DECIDE)
    def decide_professional(
        self, uow: UnitOfWork, actor: Actor, application_id: int, approve: bool, comment: str
    ) -> ClientDetail:
        """Four eyes: never the supervisor's own request; approval needs the policy thresholds."""
        if len(comment.strip()) < 5:
            raise ValidationError(
                {"comment": Problem("comment.required", "Give the reason for the decision.")}
            )
        app = uow.session.get(ProfessionalApplication, application_id)
        if app is None:
            raise NotFound("application", application_id)
        client = visible_client(uow, actor, app.client_id)
        if app.status != "pending":
            raise Conflict("this application was already decided", reason="decided")
        if app.requested_by == actor.user_id or client.adviser_id == actor.user_id:
            raise Conflict("you cannot decide your own request", reason="four_eyes")
        if approve and not self.meets_conversion_thresholds(
            Decimal(app.financial_assets), Decimal(app.average_income), app.experience_years
        ):
            raise Conflict("the evidence is below the policy thresholds", reason="thresholds")
        app.status = "approved" if approve else "rejected"
        app.decided_by, app.decided_at, app.decision_comment = (
            actor.user_id,
            uow.clock(),
            comment.strip(),
        )
        changes: dict[str, tuple[Any, Any]] = {
            "application_id": (None, app.id),
            "status": ("pending", app.status),
            "comment": (None, comment.strip()),
        }
        if approve:
            client.investor_type = InvestorType.PROFESSIONAL.value
            client.professional_evidence = app.evidence
            changes["investor_type"] = (
                InvestorType.ORDINARY.value,
                InvestorType.PROFESSIONAL.value,
            )
        changes["version"] = self._bump(client, actor, uow)
        audit.record(uow, actor, "client.professional_decided", "client", client.id, changes)
        detail = self._detail(uow, client)
        uow.commit()
        return detail

    @operation(Permission.CLIENTS_VIEW)  # a read: compliance sees the queue too
    def pending_applications(
        self, uow: UnitOfWork, actor: Actor
    ) -> list[ProfessionalApplicationDTO]:
        rows = uow.session.execute(
            select(ProfessionalApplication, Client.name)
            .join(Client, Client.id == ProfessionalApplication.client_id)
            .where(ProfessionalApplication.status == "pending", visible_to(actor))
            .order_by(ProfessionalApplication.requested_at)
        ).all()
        names = user_names(uow, {a.requested_by for a, _ in rows})
        return [self._application_dto(a, name, names) for a, name in rows]

    # -- the list ------------------------------------------------------------------------------
    def _filtered(
        self, uow: UnitOfWork, actor: Actor, query: ClientQuery
    ) -> list[ColumnElement[bool]]:
        """The WHERE conditions of the list. An actor who sees everything adds none: SQLite then
        counts from the b-tree instead of testing "1 = 1" row by row."""
        owned = _owned_by(actor, Client.adviser_id, Client.branch_id)
        conditions: list[ColumnElement[bool]] = [] if owned is None else [owned]
        if query.adviser_id is not None:
            conditions.append(Client.adviser_id == query.adviser_id)
        conditions += self._client_filters(uow, query)
        text = query.text.strip()
        if text:
            hits = self._hits(uow, actor, query, text, [])
            found = union_all(*hits).subquery()  # the readings are disjoint
            conditions.append(Client.id.in_(select(found.c.i)) if hits else false())
        return conditions

    def _client_filters(self, uow: UnitOfWork, query: ClientQuery) -> list[ColumnElement[bool]]:
        """The filters on the client's own columns (not the owner, not the text)."""
        conditions: list[ColumnElement[bool]] = []
        today = local_today(uow)
        if query.risk_level:
            conditions.append(
                and_(Client.risk_level == query.risk_level, Client.assessment_valid_until >= today)
            )
        if query.assessment == "expiring":
            conditions.append(
                Client.assessment_valid_until.between(
                    today, today + timedelta(days=EXPIRY_WARNING_DAYS)
                )
            )
        elif query.assessment == "expired":
            conditions.append(Client.assessment_valid_until < today)
        elif query.assessment == "none":
            conditions.append(Client.risk_level.is_(None))
        if query.vulnerable_only:
            cutoff = _years_before(today, self.elderly_age)
            conditions.append(or_(Client.flagged_vulnerable.is_(True), Client.birth_date <= cutoff))
        return conditions

    def _hits(
        self,
        uow: UnitOfWork,
        actor: Actor,
        query: ClientQuery,
        text: str,
        filters: list[ColumnElement[bool]],
    ) -> _Search:
        """What the one search box finds, as sets of (sort key ``s``, id ``i``) with the owner rules
        applied inside each: whole pinyin initials, a phone's last four digits, an identity
        number, a phone number, a name fragment (Chinese or Latin). Each set is read from one
        index that carries the sort key and the owner (client_name_pairs, ix_clients_initials,
        ix_clients_phone_last4) or is a handful of rows, so counting and paging a search never
        visits the clients it does not show (``filters`` on the clients' own columns aside).
        The sets are disjoint: each leaves out the clients an earlier one finds (ly is the
        initials of 刘洋 and a piece of Emily; Lilly Lo is both), so a count is their sum and a
        page merges their heads without sorting the rest."""
        compact = re.sub(r"[\s\-]", "", text)
        cipher = self._cipher()
        found_before: list[ColumnElement[bool]] = []  # what the earlier sets hold, on Client

        def owned(adviser: Any, branch: Any) -> list[ColumnElement[bool]]:
            conditions = [] if (o := _owned_by(actor, adviser, branch)) is None else [o]
            if query.adviser_id is not None:
                conditions.append(adviser == query.adviser_id)
            return conditions

        def clients_where(condition: ColumnElement[bool]) -> Select[*tuple[Any, ...]]:
            not_before = [held.is_not(true()) for held in found_before]
            found = select(Client.name_sort.label("s"), Client.id.label("i")).where(
                condition, *owned(Client.adviser_id, Client.branch_id), *not_before, *filters
            )
            found_before.append(condition)
            return found

        # The large sets first, each read from its covering index alone: initials and the last
        # four digits (never both: letters, digits), then a piece of the name, which leaves out
        # the names the initials found by the initials copied into client_name_pairs. The exact
        # numbers (a row or two) come last and leave out what any set before them holds.
        hits: _Search = []
        initials_text = compact.casefold() if re.fullmatch(r"[A-Za-z]{2,10}", compact) else None
        if initials_text is not None:
            # The whole initials (zw: 张伟, 周文; 张伟明 is zwm): one range of the initials index,
            # in list order. A prefix would be tens of thousands of rows to sort at 1M clients.
            hits.append(clients_where(Client.name_initials == initials_text))
        if re.fullmatch(r"\d{4}", compact):
            hits.append(clients_where(Client.phone_last4 == compact))
        # A number (digits; an identity number, letters with digits) is never a piece of a name:
        # 11010519491231002X read as one was a 17-pair statement to compile and plan.
        id_shaped = re.fullmatch(r"[0-9A-Za-z]{6,20}", compact)
        number = re.fullmatch(r"[\d+]+", compact) or (id_shaped and re.search(r"\d", compact))
        if not number:
            keys = fragment_keys(
                uow.session, text, owned, not_initials=initials_text, on_client=filters
            )
            if keys is not None:
                hits.append(keys)
                found_before.append(name_holds(uow.dialect, text))
            elif (by_character := character_matches(uow.dialect, text)) is not None:
                hits.append(clients_where(by_character))
        if id_shaped:
            indexes = [id_index(cipher, kind, compact.upper()) for kind in IdType]
            hits.append(clients_where(Client.id_number_index.in_(indexes)))
        if re.fullmatch(r"\+?\d{7,15}", compact):
            phone = check_phone(compact)
            if isinstance(phone, str):
                hits.append(clients_where(Client.phone_index == cipher.blind_index("phone", phone)))
        return hits

    def _found(self, uow: UnitOfWork, actor: Actor, query: ClientQuery) -> _Search | None:
        """A search in name order: its readings, each an (s, i) set in list order from its own
        index with every condition applied (the owner, the filters on the clients' own columns),
        and no two finding the same client. None for the plain list or another order."""
        text = query.text.strip()
        if not text or query.sort is not ClientSort.NAME:
            return None
        hits = self._hits(uow, actor, query, text, self._client_filters(uow, query))
        if not hits:  # nothing searchable in the text
            hits = [select(Client.name_sort.label("s"), Client.id.label("i")).where(false())]
        return hits

    @staticmethod
    def _sort_columns(query: ClientQuery) -> tuple[Any, Any]:
        if query.sort is ClientSort.BIRTH_DATE:
            return Client.birth_date, Client.id
        return Client.name_sort, Client.id

    @staticmethod
    def _key_value(query: ClientQuery, value: Any) -> Any:
        if query.sort is ClientSort.BIRTH_DATE:
            return date.fromisoformat(value) if isinstance(value, str) else value
        return value

    @operation(Permission.CLIENTS_VIEW, read_only=True)
    def search(
        self, uow: UnitOfWork, actor: Actor, query: ClientQuery, *, limit: int = 100
    ) -> ClientSearch:
        """The count and the first page in one transaction: what the list needs as the user
        types (on a server, one operation's round trips instead of two)."""
        searched = self._found(uow, actor, query)
        count = self._count(uow, actor, query, searched)
        rows = self._page(uow, actor, query, searched, limit=limit) if count else []
        return ClientSearch(count, rows)

    @operation(Permission.CLIENTS_VIEW, read_only=True)
    def count_clients(self, uow: UnitOfWork, actor: Actor, query: ClientQuery) -> int:
        return self._count(uow, actor, query, self._found(uow, actor, query))

    @operation(Permission.CLIENTS_VIEW, read_only=True)
    def client_page(
        self,
        uow: UnitOfWork,
        actor: Actor,
        query: ClientQuery,
        *,
        after: SortKey | None = None,
        skip: int = 0,
        limit: int = 100,
        from_end: bool = False,
    ) -> list[ClientRow]:
        """Rows in list order after the key ``after`` (keyset), skipping at most a few rows.

        ``from_end`` reads backwards from the end of the list (for the last pages) and still
        returns rows in list order. Deep jumps use anchors() and a small ``skip``; there is no
        deep OFFSET anywhere.
        """
        if not 0 <= skip <= ANCHOR_EVERY:
            raise ValueError("skip is bounded by the anchor spacing")
        searched = self._found(uow, actor, query)
        return self._page(
            uow, actor, query, searched, after=after, skip=skip, limit=limit, from_end=from_end
        )

    def _count(
        self, uow: UnitOfWork, actor: Actor, query: ClientQuery, searched: _Search | None
    ) -> int:
        if searched is not None:  # the readings are disjoint: one count each, in one statement
            counts = [
                select(func.count()).select_from(reading.subquery()).scalar_subquery()
                for reading in searched
            ]
            return sum(uow.session.execute(select(*counts)).one())
        statement = select(func.count()).select_from(Client)
        statement = statement.where(*self._filtered(uow, actor, query))
        return int(uow.session.execute(statement).scalar_one())

    def _page(
        self,
        uow: UnitOfWork,
        actor: Actor,
        query: ClientQuery,
        searched: _Search | None,
        *,
        after: SortKey | None = None,
        skip: int = 0,
        limit: int = 100,
        from_end: bool = False,
    ) -> list[ClientRow]:
        forward = not query.descending
        if from_end:
            forward = not forward
        # The page's keys first (from an index, with every condition and the LIMIT), then only
        # those clients and their advisers' names: joined before the LIMIT, the planners read
        # every hit's row (PostgreSQL: a nested loop over users for 2,371 hits, 35 ms).
        if searched is None:
            sort_value, sort_id = self._sort_columns(query)
            keys = select(sort_value.label("s"), sort_id.label("i"))
            keys = keys.where(*self._filtered(uow, actor, query))
        elif len(searched) == 1:
            keys = searched[0]
        else:
            # Several readings: the page from the first skip + limit keys of each, read in
            # order from its index; a UNION of the readings whole was sorted through a temporary
            # b-tree (thousands of hits for common initials).
            heads = [
                self._keyset(reading, query, after, forward, 0, skip + limit).subquery()
                for reading in searched
            ]
            merged = union_all(*(select(head.c.s, head.c.i) for head in heads)).subquery()
            keys, after = select(merged.c.s, merged.c.i), None
        page = self._keyset(keys, query, after, forward, skip, limit).subquery()
        order = (page.c.s, page.c.i) if forward else (page.c.s.desc(), page.c.i.desc())
        found_rows = uow.session.execute(
            select(*_ROW_COLUMNS, User.full_name)
            .select_from(page)
            .join(Client, Client.id == page.c.i)
            .outerjoin(User, User.id == Client.adviser_id)
            .order_by(*order)
        ).all()
        rows = self._rows(uow, query, found_rows)
        return rows[::-1] if from_end else rows

    def _keyset(
        self,
        statement: Select[*tuple[Any, ...]],
        query: ClientQuery,
        after: SortKey | None,
        forward: bool,
        skip: int,
        limit: int,
    ) -> Select[*tuple[Any, ...]]:
        """``limit`` rows after ``after`` (and ``skip``), ordered on the statement's first two
        columns (sort value, id)."""
        sort_value, sort_id = tuple(statement.selected_columns)[:2]
        if after is not None:
            key = tuple_(sort_value, sort_id)
            bound = tuple_(self._key_value(query, after.value), after.id)
            statement = statement.where(key > bound if forward else key < bound)
        order = (
            (sort_value.asc(), sort_id.asc()) if forward else (sort_value.desc(), sort_id.desc())
        )
        return statement.order_by(*order).offset(skip).limit(limit)

    @operation(Permission.CLIENTS_VIEW, read_only=True)
    def anchors(self, uow: UnitOfWork, actor: Actor, query: ClientQuery) -> list[SortKey]:
        """The sort key of every ANCHOR_EVERY-th row (positions every-1, 2*every-1, ...): one pass
        over the index, so any later jump is an anchor plus fewer than ANCHOR_EVERY rows."""
        sort_value, sort_id = self._sort_columns(query)
        direction = (
            (sort_value.desc(), sort_id.desc()) if query.descending else (sort_value, sort_id)
        )
        numbered = (
            select(
                sort_value.label("v"),
                sort_id.label("i"),
                func.row_number().over(order_by=direction).label("n"),
            )
            .where(*self._filtered(uow, actor, query))
            .subquery()
        )
        rows = uow.session.execute(
            select(numbered.c.v, numbered.c.i)
            .where(numbered.c.n % ANCHOR_EVERY == 0)
            .order_by(numbered.c.n)
        )
        return [SortKey(_key_text(v), i) for v, i in rows]

    def _rows(self, uow: UnitOfWork, query: ClientQuery, found: Sequence[Any]) -> list[ClientRow]:
        """The list's rows from the page's columns (_ROW_COLUMNS + the adviser's name): the
        identity number and phone decrypted only to be masked. Everything that depends on the day
        is worked out once per page; the columns are unpacked by position (a deep jump of 100
        rows spent more time here than in the database)."""
        decrypt, today = self._cipher().decrypt, local_today(uow)
        elderly_age, by_birth = self.elderly_age, query.sort is ClientSort.BIRTH_DATE
        rows = []
        for (
            client_id,
            name,
            id_type,
            id_number_enc,
            phone_enc,
            birth_date,
            gender,
            adviser_id,
            investor_type,
            flagged,
            name_sort,
            risk_level,
            valid_until,
            adviser_name,
        ) in found:
            rows.append(
                ClientRow(
                    id=client_id,
                    name=name,
                    id_type=IdType(id_type),
                    id_number_masked=mask_text(decrypt("id_number", id_number_enc)),
                    phone_masked=mask_phone(decrypt("phone", phone_enc)),
                    birth_date=birth_date,
                    age=age_on(birth_date, today),
                    gender=Gender(gender) if gender else None,
                    adviser_id=adviser_id,
                    adviser_name=adviser_name or "?",
                    investor_type=InvestorType(investor_type),
                    vulnerable=bool(flagged) or is_elderly(birth_date, today, elderly_age),
                    key=SortKey(_key_text(birth_date if by_birth else name_sort), client_id),
                    risk_level=risk_level,
                    assessment_valid_until=valid_until,
                    assessment_state=(
                        expiry_state(valid_until, today, EXPIRY_WARNING_DAYS).value
                        if valid_until
                        else None
                    ),
                )
            )
        return rows

    @operation(Permission.CLIENTS_VIEW, read_only=True)
    def advisers(self, uow: UnitOfWork, actor: Actor) -> list[tuple[int, str]]:
        """The advisers whose clients the actor may see: for the list's adviser filter."""
        query = select(User.id, User.full_name).where(User.role == Role.ADVISER.value)
        if actor.role is Role.ADVISER:
            query = query.where(User.id == actor.user_id)
        elif actor.role is Role.SUPERVISOR:
            query = query.where(User.branch_id == actor.branch_id, User.is_active.is_(True))
        return [(r.id, r.full_name) for r in uow.session.execute(query.order_by(User.full_name))]


def _key_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def new_client(
    cipher: FieldCipher, profile: ClientProfile, adviser: User, actor: Actor, now: datetime
) -> Client:
    """The row for a new client (an ordinary investor served by ``adviser``), not yet added."""
    return Client(
        **plain_columns(profile),
        **encrypted_columns(cipher, profile),
        investor_type=InvestorType.ORDINARY.value,
        flagged_vulnerable=False,
        adviser_id=adviser.id,
        branch_id=adviser.branch_id,
        created_at=now,
        created_by=actor.user_id,
        updated_at=now,
        updated_by=actor.user_id,
    )


def record_created(
    uow: UnitOfWork,
    actor: Actor,
    client: Client,
    profile: ClientProfile,
    extra: dict[str, tuple[Any, Any]],
) -> None:
    """After the INSERT: the name's search entry and the 'client.created' audit event."""
    index_name(uow.session, client.id, client.name, new=True)
    changes = {k: (None, v) for k, v in ClientService._audited(profile).items()}
    changes["adviser_id"] = (None, client.adviser_id)
    audit.record(uow, actor, "client.created", "client", client.id, changes | extra)


def encrypted_columns(cipher: FieldCipher, profile: ClientProfile) -> dict[str, Any]:
    """The Client columns that hold personal data: sealed values and their blind indexes."""
    identity = profile.identity
    return {
        "id_type": identity.id_type.value,
        "id_number_enc": cipher.encrypt("id_number", identity.number),
        "id_number_index": id_index(cipher, identity.id_type, identity.number),
        "phone_enc": cipher.encrypt("phone", profile.phone),
        "phone_index": cipher.blind_index("phone", profile.phone),
        "phone_last4": phone_last_four(profile.phone),
        "email_enc": cipher.encrypt("email", profile.email) if profile.email else None,
        "address_enc": cipher.encrypt("address", profile.address) if profile.address else None,
    }


def plain_columns(profile: ClientProfile) -> dict[str, Any]:
    """The Client columns stored as they are (searchable, sortable)."""
    return {
        "name": profile.name,
        "name_sort": sort_key(profile.name),
        "name_initials": initials(profile.name),
        "birth_date": profile.birth_date,
        "gender": profile.gender.value if profile.gender else None,
        "occupation": profile.occupation,
        "income_band": profile.income_band.value,
        "financial_assets": profile.financial_assets,
        "experience_years": profile.experience_years,
        "experience_types": ",".join(k.value for k in profile.experience_types),
        "objectives": ",".join(o.value for o in profile.objectives),
        "horizon": profile.horizon.value,
        "liquidity": profile.liquidity.value,
        "preferred_language": profile.preferred_language.value,
    }


def id_index(cipher: FieldCipher, id_type: IdType, number: str) -> str:
    return cipher.blind_index(f"id:{id_type.value}", number)


def similar_names(matches: Sequence[SimilarClient]) -> str:
    return ", ".join(f"{m.name} ({m.birth_date.isoformat()}, {m.adviser_name})" for m in matches)
