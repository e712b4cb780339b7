"""Realistic, valid client data for bench/clients.py: names, resident ID numbers, mobiles.

Chinese names draw the surname by its share of the population (the Ministry of Public Security's
household-register figures, rounded) and one or two given-name characters from a few hundred
common ones, the most common ones more often; about 3% of the clients have Latin names. Every
resident ID number is valid (a region code python-stdnum knows, a real birth date 1940-2005, a
sequence number whose parity gives the sex, the GB 11643 check digit) and unique; every mobile is
a valid, unique mainland number. ``check_sample`` runs a sample through the app's own validation.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from stdnum.cn import ric

from crm_desk.domain.clients import (
    ClientInput,
    ClientProfile,
    Horizon,
    IncomeBand,
    Language,
    Liquidity,
    Objective,
    ProductExperience,
    validate_client,
)
from crm_desk.domain.identity import Gender, Identity, IdType, check_identity, check_phone

# Surname: share of the population in per mille (rounded; the long tail is spread evenly).
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 71.5), ("李", 70.1), ("张", 66.9), ("刘", 53.5), ("陈", 45.7), ("杨", 31.2),
    ("黄", 22.4), ("赵", 20.2), ("吴", 19.7), ("周", 19.0), ("徐", 15.3), ("孙", 15.0),
    ("马", 14.4), ("朱", 13.5), ("胡", 13.1), ("郭", 12.7), ("何", 11.9), ("林", 11.3),
    ("高", 11.2), ("罗", 10.8), ("郑", 10.1), ("梁", 9.8), ("谢", 8.4), ("宋", 8.0),
    ("唐", 7.9), ("许", 7.5), ("韩", 7.3), ("冯", 7.2), ("邓", 7.0), ("曹", 6.9),
    ("彭", 6.7), ("曾", 6.4), ("肖", 6.3), ("田", 6.2), ("董", 5.9), ("袁", 5.7),
    ("潘", 5.6), ("于", 5.4), ("蒋", 5.3), ("蔡", 5.3), ("余", 5.2), ("杜", 5.1),
    ("叶", 5.0), ("程", 4.9), ("苏", 4.7), ("魏", 4.6), ("吕", 4.5), ("丁", 4.4),
    ("任", 4.3), ("沈", 4.1), ("姚", 4.0), ("卢", 3.9), ("姜", 3.8), ("崔", 3.7),
    ("钟", 3.6), ("谭", 3.5), ("陆", 3.4), ("汪", 3.3), ("范", 3.2), ("金", 3.1),
    ("石", 3.0), ("廖", 2.9), ("贾", 2.9), ("夏", 2.8), ("韦", 2.8), ("付", 2.7),
    ("方", 2.7), ("白", 2.6), ("邹", 2.6), ("孟", 2.5), ("熊", 2.5), ("秦", 2.4),
    ("邱", 2.4), ("江", 2.3), ("尹", 2.3), ("薛", 2.2), ("闫", 2.2), ("段", 2.1),
    ("雷", 2.1), ("侯", 2.0), ("龙", 2.0), ("史", 2.0), ("陶", 1.9), ("黎", 1.9),
    ("贺", 1.9), ("顾", 1.8), ("毛", 1.8), ("郝", 1.8), ("龚", 1.7), ("邵", 1.7),
    ("万", 1.7), ("钱", 1.6), ("严", 1.6), ("覃", 1.6), ("武", 1.5), ("戴", 1.5),
    ("莫", 1.5), ("孔", 1.4), ("向", 1.4), ("汤", 1.4),
    *((s, 0.8) for s in (
        "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符"
        "舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解"
        "牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟"
        "应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    )),
    ("欧阳", 0.6), ("司马", 0.2), ("上官", 0.2), ("诸葛", 0.1), ("东方", 0.1), ("皇甫", 0.1),
)

# Given-name characters, roughly most common first (weights fall off with the rank).
GIVEN = "".join(dict.fromkeys(
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉华文辉建国红梅林鹏飞斌宇浩凯鑫波丹"
    "萍燕婷雪琳晶颖慧莉倩雯欣怡佳嘉子轩涵梓豪晨博俊峰亮成志海东春金荣生龙福德云新永利清光"
    "庆宏昌振家立晓阳淑珍凤琴素秋月彩翠香美玲雅婉思雨诗悦瑞睿泽铭宸奕航天一可心若安然晴彤"
    "琪璐瑶蕾薇妍岚蓉菲婕露姗冰青虹艺楠茜蕊旭晖坤健松岩江河山伦群武毅兵力全胜保宁贵富发财"
    "喜顺祥玮琦炜烨煜昊皓璇瑾萱琼瑜璟珂珊琰敬恒锋锐键钧铮镇钢铁鸣鹤鸿鹰凌峻崇岳嵩川源溪润"
    "滨沛洪淼渊森柏杨桐楷栋梁榕桦彬彦翔羽翰骏驰腾跃远达通进迪逸卓越兴旺盛隆泰康乐欢笑微晗"
    "暄晟曦昕昱晔景智聪捷锦绣纯洁净荷莲菊竹桃杏樱芸芬芝芮苗茹莹蓓蕴馨紫蓝碧珠宝贝亚静晓"
    "志红军卫东小大国庆爱民振华建军少玉凤海燕春梅德胜学良桂芳秀兰淑珍"
))
GIVEN_WEIGHTS = [1.0 / (rank + 8) for rank in range(len(GIVEN))]

LATIN_FIRST = (
    "James John Robert Michael David William Richard Thomas Daniel Paul Mark Peter Kevin Jason "
    "Eric Tony Vincent Andrew Steven Brian Lucas Oliver Henry Mary Jennifer Linda Elizabeth Maria "
    "Anna Sarah Emily Alice Grace Helen Jessica Nicole Sophie Emma Olivia Chloe Laura Julia"
).split()
LATIN_LAST = (
    "Smith Johnson Brown Wong Chan Lee Cheung Lau Ng Tan Lim Kim Park Nguyen Garcia Muller "
    "Schmidt Martin Bernard Rossi Silva Santos Tanaka Suzuki Sato Ho Leung Chow Yip Tsang Taylor "
    "Wilson Anderson Moreau Dubois Weber Fischer Kowalski Novak Petrov"
).split()

# County-level region codes (Beijing ... Xi'an); filtered at start to those the app accepts.
REGIONS = (
    "110101 110102 110105 110106 110107 110108 110114 120101 120103 120104 120106 130102 130104 "
    "140105 210102 210103 220102 230103 310101 310104 310105 310106 310107 310109 310110 310112 "
    "310113 310115 320102 320104 320105 320106 320505 320506 330102 330105 330106 330108 340103 "
    "350102 350203 360102 370102 370202 410105 420102 420106 430102 430104 440103 440104 440106 "
    "440303 440304 440305 500103 500105 510104 510105 510107 530102 610113 620102"
).split()
MOBILE_PREFIXES = (
    "130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 176 177 180 "
    "181 182 183 184 185 186 187 188 189 198 199"
).split()

CITIES = (
    "北京市朝阳区", "北京市海淀区", "上海市浦东新区", "上海市徐汇区", "广州市天河区",
    "深圳市南山区", "杭州市西湖区", "南京市鼓楼区", "苏州市工业园区", "成都市武侯区",
    "武汉市武昌区", "西安市雁塔区", "天津市和平区", "重庆市渝中区", "长沙市岳麓区",
)
STREETS = ("建国路", "中山路", "人民路", "解放路", "长安街", "南京路", "淮海路", "科技园路")
OCCUPATIONS = (
    "工程师", "教师", "医生", "公务员", "个体经营", "企业管理人员", "销售", "会计", "律师",
    "退休", "自由职业", "研究人员", "护士", "程序员", "设计师",
)
FIRST_DAY, LAST_DAY = date(1940, 1, 1), date(2005, 12, 31)
SPAN_DAYS = (LAST_DAY - FIRST_DAY).days + 1


@dataclass(frozen=True, slots=True)
class Generated:
    profile: ClientProfile
    national_phone: str  # as typed: 11 digits


def usable_regions() -> list[str]:
    """The region codes the app accepts for any birth date in the generated range."""
    keep = []
    for code in REGIONS:
        numbers = [f"{code}{born:%Y%m%d}123" for born in (FIRST_DAY, LAST_DAY)]
        if all(isinstance(check_identity(IdType.PRC_ID, n + _check(n)), Identity) for n in numbers):
            keep.append(code)
    if len(keep) < 20:
        raise SystemExit(f"only {len(keep)} usable region codes: python-stdnum changed?")
    return keep


def usable_prefixes() -> list[str]:
    keep = [p for p in MOBILE_PREFIXES if all(
        isinstance(check_phone(p + tail), str) for tail in ("00000000", "12345678", "99999999")
    )]
    if len(keep) < 10:
        raise SystemExit(f"only {len(keep)} usable mobile prefixes: phonenumbers changed?")
    return keep


def _check(first17: str) -> str:
    return str(ric.calc_check_digit(first17 + "0"))


class ClientGenerator:
    """Deterministic for a seed; never the same ID number or mobile twice."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.regions = usable_regions()
        self.prefixes = usable_prefixes()
        self.surnames = [s for s, _ in SURNAMES]
        self.surname_cum = list(itertools.accumulate(w for _, w in SURNAMES))
        self.given_cum = list(itertools.accumulate(GIVEN_WEIGHTS))
        self._ids: set[str] = set()
        self._phones: set[str] = set()

    def chinese_name(self) -> str:
        rng = self.rng
        surname = rng.choices(self.surnames, cum_weights=self.surname_cum)[0]
        count = 1 if rng.random() < 0.3 else 2
        return surname + "".join(rng.choices(GIVEN, cum_weights=self.given_cum, k=count))

    def latin_name(self) -> str:
        return f"{self.rng.choice(LATIN_FIRST)} {self.rng.choice(LATIN_LAST)}"

    def identity(self) -> Identity:
        rng = self.rng
        while True:
            born = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
            first17 = f"{rng.choice(self.regions)}{born:%Y%m%d}{rng.randrange(1000):03d}"
            if first17 not in self._ids:
                self._ids.add(first17)
                gender = Gender.MALE if int(first17[16]) % 2 else Gender.FEMALE
                return Identity(IdType.PRC_ID, first17 + _check(first17), born, gender)

    def mobile(self) -> str:
        while True:
            number = f"{self.rng.choice(self.prefixes)}{self.rng.randrange(10**8):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def client(self, n: int) -> Generated:
        rng = self.rng
        latin = rng.random() < 0.03
        name = self.latin_name() if latin else self.chinese_name()
        identity = self.identity()
        phone = self.mobile()
        years = rng.choice((0, 0, 1, 2, 3, 5, 8, 10, 15, 20))
        kinds: tuple[ProductExperience, ...] = (ProductExperience.DEPOSITS,)
        if years:
            kinds = tuple(rng.sample(list(ProductExperience), rng.randint(1, 3)))
        assert identity.birth_date is not None
        profile = ClientProfile(
            name=name,
            identity=identity,
            birth_date=identity.birth_date,
            gender=identity.gender,
            phone="+86" + phone,
            email=f"client{n}@example.cn" if rng.random() < 0.6 else None,
            address=(
                f"{rng.choice(CITIES)}{rng.choice(STREETS)}{rng.randint(1, 999)}号"
                if rng.random() < 0.8
                else None
            ),
            occupation=rng.choice(OCCUPATIONS),
            income_band=rng.choice(list(IncomeBand)),
            financial_assets=Decimal(rng.randrange(0, 500_000_000)) / 100,
            experience_years=years,
            experience_types=kinds,
            objectives=tuple(rng.sample(list(Objective), rng.randint(1, 2))),
            horizon=rng.choice(list(Horizon)),
            liquidity=rng.choice(list(Liquidity)),
            preferred_language=Language.EN if latin else Language.ZH_CN,
        )
        return Generated(profile, phone)


def as_input(generated: Generated) -> ClientInput:
    """The form a user would have typed for this client."""
    p = generated.profile
    return ClientInput(
        name=p.name,
        id_type=p.identity.id_type.value,
        id_number=p.identity.number,
        phone=generated.national_phone,
        birth_date=p.birth_date,
        gender=p.gender.value if p.gender else None,
        email=p.email or "",
        address=p.address or "",
        occupation=p.occupation,
        income_band=p.income_band.value,
        financial_assets=str(p.financial_assets),
        experience_years=str(p.experience_years),
        experience_types=[k.value for k in p.experience_types],
        objectives=[o.value for o in p.objectives],
        horizon=p.horizon.value,
        liquidity=p.liquidity.value,
        preferred_language=p.preferred_language.value,
    )


def check_sample(sample: Iterator[Generated], today: date) -> int:
    """Run generated clients through validate_client: the profile must come back unchanged."""
    checked = 0
    for generated in sample:
        validated = validate_client(as_input(generated), today)
        if validated != generated.profile:
            raise SystemExit(f"generated client differs after validation:\n{generated.profile}\n"
                             f"{validated}")
        checked += 1
    return checked
