"""`--demo`: a throwaway database filled with realistic records of everything that exists so far.

Each later capability adds its records here. Passwords are generated afresh for every demo and
printed in the terminal; nothing here is a real credential.
"""

from __future__ import annotations

import random
import secrets
import string
from datetime import UTC, date, datetime, timedelta
from typing import Any

from crm_desk.db.uow import UnitOfWork
from crm_desk.demo_aftercare import seed_aftercare
from crm_desk.demo_complaints import seed_complaints
from crm_desk.demo_documents import seed_documents
from crm_desk.demo_products import seed_products
from crm_desk.demo_sales import seed_sales
from crm_desk.domain.clients import ClientInput
from crm_desk.domain.errors import AuthenticationFailed
from crm_desk.domain.identity import check_phone
from crm_desk.domain.interviews import FollowUpInput, InterviewInput
from crm_desk.domain.questionnaire import Questionnaire
from crm_desk.domain.roles import Role
from crm_desk.services.actor import Actor
from crm_desk.services.assessments import AssessmentService
from crm_desk.services.container import Services

# username -> (full name, role, branch code)
DEMO_USERS: dict[str, tuple[str, Role, str]] = {
    "li.na": ("李娜", Role.ADVISER, "SH-001"),
    "chen.jie": ("陈杰", Role.ADVISER, "SH-001"),
    "wang.fang": ("王芳", Role.SUPERVISOR, "SH-001"),
    "zhao.lei": ("赵磊", Role.COMPLIANCE, "SH-001"),
    "james.wong": ("James Wong", Role.ADVISER, "SH-002"),
    "sun.yue": ("孙悦", Role.SUPERVISOR, "SH-002"),
}
DISABLED_USER = ("liu.yang", "刘洋", Role.ADVISER, "SH-001")


def _password() -> str:
    alphabet = "".join(c for c in string.ascii_lowercase + string.digits if c not in "0o1l")
    return "demo-" + "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


def seed_demo(services: Services) -> dict[str, tuple[str, str]]:
    """Fill an empty database; returns {username: (role, password)} for the terminal."""
    credentials: dict[str, tuple[str, str]] = {}
    admin_password = _password()
    admin = services.auth.first_run(
        branch_code="SH-001",
        branch_name="上海陆家嘴支行",
        username="admin",
        full_name="周明",
        password=admin_password,
    )
    credentials["admin"] = (Role.ADMINISTRATOR.value, admin_password)
    branches = {"SH-001": admin.branch_id}
    second = services.users.create_branch(admin, code="SH-002", name="上海静安寺支行")
    branches[second.code] = second.id
    seed_products(services, admin)  # the shelf first: the demo sales refer to it by code

    for username, (full_name, role, branch) in DEMO_USERS.items():
        temporary, permanent = _password(), _password()
        services.users.create_user(
            admin,
            username=username,
            full_name=full_name,
            role=role,
            branch_id=branches[branch],
            temporary_password=temporary,
        )
        first = services.auth.sign_in(username, temporary)
        actor = services.auth.change_password(first, temporary, permanent)
        services.auth.sign_out(actor)
        credentials[username] = (role.value, permanent)

    username, full_name, role, branch = DISABLED_USER
    gone = services.users.create_user(
        admin,
        username=username,
        full_name=full_name,
        role=role,
        branch_id=branches[branch],
        temporary_password=_password(),
    )
    services.users.set_active(admin, gone.id, False)
    try:  # a mistyped password, so the trail and the account list show one
        services.auth.sign_in("chen.jie", "not the password")
    except AuthenticationFailed:
        pass
    advisers = {
        name: services.auth.sign_in(name, credentials[name][1])
        for name in ("li.na", "chen.jie", "james.wong")
    }
    supervisor = services.auth.sign_in("wang.fang", credentials["wang.fang"][1])
    seed_clients(services, advisers, supervisor)
    seed_sales(services, advisers, supervisor)  # after the products and the assessments
    seed_aftercare(services, admin, list(advisers.values()), supervisor)
    seed_complaints(services, advisers, supervisor)  # after the sales: some concern one
    seed_documents(services, advisers, supervisor)  # after the sales: their disclosures
    for actor in (*advisers.values(), supervisor):
        services.auth.sign_out(actor)
    return credentials


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢"
    "宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
    "华建文玉兰红梅国荣志海云飞鹏辉宇浩然子轩欣怡雨晨思远佳琪"
)
LATIN_NAMES = (
    "James Wong",
    "Mary Chan",
    "David Lee",
    "Sophie Martin",
    "Kenji Sato",
    "Anna Schmidt",
    "Peter Ho",
    "Grace Lim",
)
REGIONS = ("310101", "310104", "310115", "320102", "330106", "110105", "440305", "510107")
STREETS = ("陆家嘴环路", "世纪大道", "南京西路", "淮海中路", "张杨路", "延安西路", "中山北路")


def _resident_id(rng: random.Random, born: date, male: bool) -> str:
    from stdnum.cn import ric

    sequence = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    first17 = f"{rng.choice(REGIONS)}{born:%Y%m%d}{sequence:03d}"
    return first17 + ric.calc_check_digit(first17 + "0")


def _client(rng: random.Random, n: int, today: date) -> ClientInput:
    latin = n % 9 == 4
    born = today - timedelta(days=rng.randrange(21 * 365, 82 * 365))
    male = rng.random() < 0.5
    if latin:
        name = LATIN_NAMES[n % len(LATIN_NAMES)]
        id_type, number = "passport", f"E{rng.randrange(10**7, 10**8)}"
        phone = ""
        while not isinstance(check_phone(phone), str):  # not every 8-digit number is allocated
            phone = f"+8529{rng.choice((1, 2, 3, 4, 5, 6))}{rng.randrange(10**5, 10**6)}"
    else:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        id_type, number = "prc_id", _resident_id(rng, born, male)
        phone = f"1{rng.choice((38, 39, 36, 58, 86, 88))}{rng.randrange(10**7, 10**8)}"
    experience = rng.randrange(0, 25)
    kinds = (
        rng.sample(
            ["deposits", "bonds", "funds", "stocks", "insurance", "private_funds"],
            k=rng.randrange(1, 4),
        )
        if experience
        else ["deposits"]
    )
    return ClientInput(
        name=name,
        id_type=id_type,
        id_number=number,
        phone=phone,
        birth_date=born,
        gender=("M" if male else "F") if latin else None,
        email=f"client{n}@example.com" if rng.random() < 0.6 else "",
        address=f"上海市浦东新区{rng.choice(STREETS)}{rng.randrange(1, 2000)}号",
        occupation=rng.choice(("教师", "工程师", "医生", "个体经营", "退休", "公司职员", "律师")),
        income_band=rng.choice(("under_100k", "100k_300k", "300k_500k", "500k_1m", "over_1m")),
        financial_assets=str(rng.randrange(5, 800) * 10_000),
        experience_years=str(experience),
        experience_types=kinds,
        objectives=[
            rng.choice(
                ("capital_preservation", "steady_income", "balanced_growth", "aggressive_growth")
            )
        ],
        horizon=rng.choice(("under_1y", "1_3y", "3_5y", "over_5y")),
        liquidity=rng.choice(("high", "medium", "low")),
        preferred_language="en" if latin else "zh_CN",
    )


def seed_clients(services: Services, advisers: dict[str, Actor], supervisor: Actor) -> None:
    """About sixty clients per adviser-mix: Chinese and Latin names, some 65 or over, a few
    with vulnerability flags, one professional investor and one application waiting."""
    rng = random.Random(20261127)
    today = datetime.now(UTC).date()
    owners = list(advisers.values())
    created = []
    for n in range(64):
        owner = owners[n % len(owners)]
        created.append(
            (
                owner,
                services.clients.create_client(
                    owner, _client(rng, n, today), acknowledge_similar=True
                ),
            )
        )
    flagged = [c for c in created if c[0].username == "li.na"][:3]
    reasons = (
        ("hearing_vision", "听力较弱，面谈时需放慢语速并书面确认。"),
        ("bereavement", "配偶去年去世，近期情绪波动，重大决定建议家属陪同。"),
        ("low_literacy", "阅读能力有限，合同条款需逐条讲解。"),
    )
    for (owner, client), (kind, reason) in zip(flagged, reasons, strict=True):
        services.clients.set_vulnerability(owner, client.id, kind, reason)
    owner, candidate = next(c for c in created if c[0].username == "chen.jie")
    services.clients.apply_professional(
        owner,
        candidate.id,
        financial_assets="6200000",
        average_income="650000",
        experience_years="8",
        evidence="已核验：证券账户及银行对账单（近 12 个月），完税证明 3 年，交易记录 8 年。",
    )
    owner, professional = [c for c in created if c[0].username == "li.na"][5]
    services.clients.apply_professional(
        owner,
        professional.id,
        financial_assets="5400000",
        average_income="420000",
        experience_years="6",
        evidence="已核验：银行及证券对账单、近三年收入证明、基金交易记录。",
    )
    (application,) = (
        services.clients.pending_applications(supervisor)[1:]
        or services.clients.pending_applications(supervisor)[:1]
    )
    services.clients.decide_professional(
        supervisor, application.id, True, "金融资产与投资年限均达到转化标准，材料齐全。"
    )
    seed_interviews(services, created)
    seed_assessments(services, created)


INTERVIEWS = (
    (
        "in_branch",
        "年度回顾",
        "客户希望今年保持稳健，关注养老储备。",
        "担心股市波动影响本金。",
        "稳健型理财、国债",
        "寄送国债认购说明",
        -3,
    ),
    (
        "phone",
        "产品咨询",
        "询问一年期以内的低风险产品。",
        "流动性：年底可能需要用钱。",
        "货币基金、定期存款",
        "确认到期日并回电",
        0,
    ),
    (
        "video",
        "资产配置沟通",
        "子女教育金规划，期限约五年。",
        "对费用较敏感。",
        "债券基金、教育金保险",
        "准备教育金方案",
        5,
    ),
    (
        "visit",
        "上门回访",
        "行动不便，希望上门办理。",
        "担心看不清合同条款。",
        "无",
        "安排家属陪同签署",
        12,
    ),
)


def seed_interviews(services: Services, created: list[tuple[Actor, Any]]) -> None:
    """Interviews with follow-ups that are overdue, due today and upcoming."""
    now = datetime.now(UTC)
    today = now.astimezone().date()
    for n, (owner, client) in enumerate(created[:12]):
        channel, purpose, needs, concerns, products, action, due_in = INTERVIEWS[n % 4]
        held = now - timedelta(days=10 - n % 4, hours=2)
        services.interviews.record_interview(
            owner,
            client.id,
            InterviewInput(
                occurred_at=held,
                channel=channel,
                purpose=purpose,
                needs=needs,
                concerns=concerns,
                products_discussed=products,
                notes="客户已了解产品风险等级与期限。",
            ),
            [FollowUpInput(action=action, due_date=today + timedelta(days=due_in))],
        )


def print_credentials(credentials: dict[str, tuple[str, str]]) -> None:
    print("CRM Desk demo: a throwaway database, deleted when the window closes.")
    print(f"{'user name':<12} {'role':<14} password")
    for username, (role, password) in credentials.items():
        print(f"{username:<12} {role:<14} {password}")
    print("Sign out (Ctrl+Shift+Q) to sign in as another user.", flush=True)


def _answers(
    questionnaire: Questionnaire, rng: random.Random, careful: bool
) -> dict[str, list[str]]:
    """A plausible answer set: cautious clients pick from the first options, others anywhere;
    never the lowest-category options (the demo shows those on their own)."""
    answers: dict[str, list[str]] = {}
    for question in questionnaire.questions:
        options = [o for o in question.options if not o.lowest_category and not o.exclusive]
        if question.kind.value == "multiple":
            chosen = rng.sample(options, k=min(len(options), rng.randrange(1, 3)))
            answers[question.id] = [o.id for o in chosen]
        else:
            pool = options[: max(2, len(options) // 2)] if careful else options
            answers[question.id] = [rng.choice(pool).id]
    if "special_circumstances" in answers:
        answers["special_circumstances"] = ["none"]
    return answers


def _backdated(services: Services, when: datetime) -> AssessmentService:
    """The assessment service with a clock set in the past, to show expiring and expired ones.
    Their audit events carry that past time too (a demo only)."""
    factory = services.assessments.uow_factory

    def make() -> UnitOfWork:
        uow = factory()
        uow.clock = lambda: when
        return uow

    return AssessmentService(make, services.policy, services.auth.hasher)


def seed_assessments(services: Services, created: list[tuple[Actor, Any]]) -> None:
    """Most clients assessed; some expiring within 30 days, some expired, one with a
    contradiction the adviser explained, one in the lowest category, a few never assessed."""
    rng = random.Random(4)
    now = datetime.now(UTC)
    for n, (owner, client) in enumerate(created):
        if n % 11 == 10:
            continue  # never assessed: the list's "not assessed" filter has something to show
        if n % 7 == 3:
            service = _backdated(services, now - timedelta(days=730 + rng.randrange(5, 20)))
        elif n % 7 == 5:
            service = _backdated(services, now - timedelta(days=730 - rng.randrange(10, 25)))
        else:
            service = services.assessments
        draft = service.start(owner, client.id)
        answers = _answers(draft.questionnaire, rng, careful=n % 3 == 0)
        if n == 4:  # says "no experience" yet "trades stocks": the adviser explains it
            answers["experience_years"] = ["none"]
            answers["experience_products"] = ["stocks"]
        if n == 8:
            answers["loss_attitude"] = ["no_loss"]
        draft = service.save_answers(owner, draft.id, draft.version, answers)
        for flag in draft.provisional.flags:
            draft = service.resolve_flag(
                owner,
                draft.id,
                draft.version,
                flag.rule_id,
                "客户确认：股票为配偶代为操作，本人无独立投资经验。",
            )
        service.confirm(owner, draft.id, draft.version, True)
