"""The documents' wording in both languages. A change of wording is a new TEMPLATE_VERSION."""

from __future__ import annotations

from collections.abc import Mapping

from crm_desk.domain.documents import COMPLAINT_CHANNEL
from crm_desk.domain.questionnaire import LOWEST_CATEGORY_LABEL, RiskLevel


def is_zh(language: str) -> bool:
    return str(language).lower().startswith("zh")


# key -> (Chinese, English)
TEXT: Mapping[str, tuple[str, str]] = {
    # titles
    "title.disclosure": ("产品风险揭示书", "Product Risk Disclosure"),
    "title.warning": ("特别风险警示书", "Special Risk Warning"),
    "title.assessment": (
        "风险承受能力评估结果确认书",
        "Risk Tolerance Assessment Result",
    ),
    # header and footer
    "number": ("文件编号", "Document No."),
    "generated": ("生成时间", "Generated"),
    "branch": ("营业网点", "Branch"),
    "adviser": ("客户经理", "Adviser"),
    "page": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    "copy.band": (
        "副本 · 原件编号 {original} · 第 {n} 份副本 · 打印人 {by}",
        "COPY · of original {original} · copy {n} · printed by {by}",
    ),
    "copy.watermark": ("副本", "COPY"),
    # client
    "section.client": ("客户信息", "Client"),
    "client.name": ("客户姓名", "Name"),
    "client.id": ("证件号码", "Identity document"),
    "client.investor_type": ("投资者类别", "Investor type"),
    "client.age": ("年龄", "Age"),
    "client.level": ("风险承受能力等级", "Risk tolerance level"),
    "client.assessed_on": ("评估日期", "Assessed on"),
    "client.valid_until": ("评估有效期至", "Valid until"),
    "client.not_assessed": ("未评估", "not assessed"),
    "investor.ordinary": ("普通投资者", "Ordinary investor"),
    "investor.professional": ("专业投资者", "Professional investor"),
    "id.prc_id": ("居民身份证", "PRC resident ID"),
    "id.passport": ("护照", "Passport"),
    "id.hk_macao_permit": ("港澳居民来往内地通行证", "Home Return Permit (HK/Macao)"),
    "id.taiwan_permit": ("台湾居民来往大陆通行证", "Mainland Travel Permit (Taiwan)"),
    # product
    "section.product": ("产品信息", "Product"),
    "product.name": ("产品名称", "Product"),
    "product.code": ("产品代码", "Code"),
    "product.type": ("产品类型", "Type"),
    "product.issuer": ("发行/管理机构", "Issuer / manager"),
    "product.level": ("产品风险等级", "Product risk level"),
    "product.horizon": ("投资期限", "Investment term"),
    "product.horizon.value": ("{n} 个月", "{n} months"),
    "product.horizon.open": ("无固定期限", "Open-ended"),
    "product.redemption": ("赎回/流动性", "Redemption"),
    "product.min_amount": ("起购金额", "Minimum amount"),
    "product.complex": ("复杂产品", "Complex product"),
    "product.cooling_off": ("冷静期", "Cooling-off period"),
    "product.cooling_off.value": ("{n} 小时", "{n} hours"),
    "product.cooling_off.none": ("无", "None"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "type.deposit": ("存款类产品", "Deposit"),
    "type.wealth_management": ("理财产品", "Wealth management product"),
    "type.public_fund": ("公募基金", "Public fund"),
    "type.private_fund": ("私募基金", "Private fund"),
    "type.bond": ("债券", "Bond"),
    "type.structured": ("结构性产品", "Structured product"),
    "type.insurance": ("保险产品", "Insurance product"),
    "type.other": ("其他", "Other"),
    "redemption.daily": ("每日开放", "Daily"),
    "redemption.weekly": ("每周开放", "Weekly"),
    "redemption.monthly": ("每月开放", "Monthly"),
    "redemption.quarterly": ("每季度开放", "Quarterly"),
    "redemption.at_maturity": ("封闭式，到期兑付", "Closed-end, repaid at maturity"),
    "product_level.R1": ("R1（低风险）", "R1 (low)"),
    "product_level.R2": ("R2（中低风险）", "R2 (medium-low)"),
    "product_level.R3": ("R3（中风险）", "R3 (medium)"),
    "product_level.R4": ("R4（中高风险）", "R4 (medium-high)"),
    "product_level.R5": ("R5（高风险）", "R5 (high)"),
    # the sale
    "section.sale": ("本次交易", "This sale"),
    "sale.number": ("交易编号", "Sale No."),
    "sale.amount": ("购买金额", "Amount"),
    "section.risks": ("产品风险揭示", "Risks of this product"),
    "risks.intro": (
        "投资有风险。本产品不保证本金和收益，您可能损失部分或全部本金。本产品的主要风险包括：",
        "Investing involves risk. This product guarantees neither capital nor return; you may "
        "lose part or all of the amount invested. Its main risks are:",
    ),
    "section.rules": ("适当性匹配意见", "Suitability assessment"),
    "rules.intro": (
        "本机构依据适当性管理规定对本次交易逐项审查，结果如下：",
        "We checked this sale against each suitability rule; the results are:",
    ),
    "rules.rule": ("审查项目", "Rule"),
    "rules.outcome": ("结果", "Outcome"),
    "rules.finding": ("说明", "Finding"),
    "rules.basis": ("依据", "Basis"),
    "rule.assessment_valid": ("评估有效性", "Valid assessment"),
    "rule.risk_match": ("风险等级匹配", "Risk level match"),
    "rule.horizon": ("投资期限", "Investment term"),
    "rule.objective": ("投资目标", "Investment objective"),
    "rule.complex_experience": ("复杂产品经验", "Experience for complex products"),
    "rule.elderly": ("老年客户关怀", "Clients aged 65 and over"),
    "rule.concentration": ("集中度", "Concentration"),
    "rule.minimum_amount": ("起购金额", "Minimum amount"),
    "outcome.pass": ("通过", "Pass"),
    "outcome.note": ("提示", "Note"),
    "outcome.warning": ("警示", "Warning"),
    "outcome.exception": ("需例外审批", "Needs exception"),
    "outcome.prohibited": ("禁止", "Prohibited"),
    "verdict.suitable": (
        "结论：本产品与您的风险承受能力及投资需求相匹配。",
        "Conclusion: this product matches your risk tolerance and needs.",
    ),
    "verdict.needs_exception": (
        "结论：本产品超出您的风险承受能力。您在收到特别风险警示后仍坚持购买，经主管审批同意后办理。",
        "Conclusion: this product is above your risk tolerance. You insisted on buying it after "
        "a special risk warning, and a supervisor approved the sale.",
    ),
    "review.needed": (
        "因您年满 65 周岁且本产品风险较高，本次交易将由主管复核并安排回访。",
        "As you are 65 or over and this product carries a high risk, a supervisor will review "
        "this sale and we will call you back.",
    ),
    "section.exception": ("特别风险警示与例外审批", "Special risk warning and exception approval"),
    "exception.request": ("例外申请编号", "Exception request No."),
    "exception.submitted": ("提交时间", "Submitted"),
    "exception.warning_number": ("特别风险警示书编号", "Special risk warning No."),
    "exception.insistence": ("客户坚持购买的书面意见", "The client's written insistence"),
    "exception.justification": ("客户经理说明", "Adviser's justification"),
    "exception.supervisor": ("审批主管", "Approving supervisor"),
    "exception.approved": ("审批时间", "Approved"),
    "exception.comment": ("审批意见", "Supervisor's comment"),
    "section.cooling_off": ("冷静期", "Cooling-off period"),
    "cooling_off.text": (
        "本产品设有 {hours} 小时冷静期，至 {ends} 止。冷静期内您可以无条件解除合同，"
        "已支付的款项将全额退还；冷静期内客户经理不会主动联系您推介本产品。"
        "冷静期结束后，将由客户经理以外的工作人员对您进行回访，确认您的身份、"
        "是否已阅读合同并知晓产品风险。",
        "This product has a cooling-off period of {hours} hours, ending {ends}. Until then you "
        "may cancel without giving a reason and every payment is refunded; your adviser will not "
        "contact you to promote the sale. After it, someone other than your adviser will call you "
        "to confirm your identity, that you read the contract and that you know its risks.",
    ),
    "section.complaints": ("投诉渠道", "Complaints"),
    "complaints.text": (COMPLAINT_CHANNEL.zh_CN, COMPLAINT_CHANNEL.en),
    "section.declaration": ("客户声明", "Client's declaration"),
    "declaration.disclosure": (
        "本人已认真阅读并充分理解本揭示书的全部内容，已知晓本产品的风险及适当性匹配意见，"
        "自愿购买本产品并自行承担投资风险。",
        "I have read and understood this disclosure in full, I know the risks of this product "
        "and the suitability assessment above, and I buy it of my own will, bearing its "
        "investment risk.",
    ),
    "declaration.warning": (
        "本人已知晓本产品风险等级高于本人的风险承受能力，已收到并理解本特别风险警示，"
        "仍坚持购买，并自愿承担由此产生的全部风险。本人理解交易须经主管审批同意后方可办理。",
        "I know that this product's risk is above my risk tolerance. I received and understood "
        "this special risk warning, I still insist on buying it and I bear all the risk that "
        "follows. I understand the sale proceeds only if a supervisor approves it.",
    ),
    "declaration.assessment": (
        "本人确认以上答案均为本人真实意思表示，已知晓评估结果及其含义。本人的风险承受能力"
        "如有变化，将及时告知并重新评估。",
        "I confirm that the answers above are my own and true, and I understand the result and "
        "what it means. I will tell the branch and be re-assessed if my circumstances change.",
    ),
    "section.signatures": ("签署", "Signatures"),
    "sign.client": ("客户签字", "Client's signature"),
    "sign.adviser": ("客户经理签字", "Adviser's signature"),
    "sign.supervisor": ("审批主管签字", "Approving supervisor's signature"),
    "sign.date": ("日期", "Date"),
    "sign.name": ("姓名", "Name"),
    # warning
    "warning.mismatch": (
        "您的风险承受能力等级为 {level}，本产品的风险等级为 {product_level}，"
        "高于您可以购买的等级。购买本产品，您可能承受超出您承受能力的损失。",
        "Your risk tolerance level is {level}; this product's risk level is {product_level}, "
        "above what you may buy. Buying it, you may suffer losses beyond what you can bear.",
    ),
    "warning.mismatch.unassessed": (
        "您目前没有有效的风险承受能力评估，本产品与您的适当性不匹配。",
        "You have no valid risk tolerance assessment: this product does not match your profile.",
    ),
    "warning.findings": ("不匹配的项目", "What does not match"),
    "warning.before": (
        "本警示书在例外申请提交主管审批之前交付您。主管审批同意之前，本次交易不会办理；"
        "如主管不同意，本次交易不予办理。",
        "This warning is handed to you before the exception request goes to a supervisor. "
        "Nothing is bought until a supervisor approves it; if they do not, the sale does not "
        "take place.",
    ),
    "warning.submitted": ("提交时间", "Submitted"),
    # assessment
    "section.questionnaire": ("问卷", "Questionnaire"),
    "assessment.questionnaire": ("问卷名称", "Questionnaire"),
    "assessment.version": ("版本", "Version"),
    "assessment.confirmed": ("评估确认时间", "Confirmed"),
    "section.answers": ("您的回答", "Your answers"),
    "answers.no": ("序号", "No."),
    "answers.question": ("问题", "Question"),
    "answers.answer": ("您的选择", "Your answer"),
    "answers.score": ("得分", "Score"),
    "section.result": ("评估结果", "Result"),
    "result.score": ("总分", "Total score"),
    "result.score.value": ("{score} 分（满分 {max}）", "{score} of {max}"),
    "result.level": ("风险承受能力等级", "Risk tolerance level"),
    "result.score_level": ("按分数对应等级", "Level by score alone"),
    "result.valid_until": ("有效期至", "Valid until"),
    "lowest.yes": (
        "您属于最低风险承受能力类别，只能购买风险等级最低的产品。原因：{reasons}",
        "You are in the lowest risk-tolerance category and may buy only the lowest-risk "
        "products. Because: {reasons}",
    ),
    "lowest.no": (
        "您不属于最低风险承受能力类别。",
        "You are not in the lowest risk-tolerance category.",
    ),
    "section.flags": ("答案一致性说明", "Answers that seemed to contradict each other"),
    "flags.none": ("您的回答之间没有矛盾。", "Your answers do not contradict each other."),
    "flags.finding": ("发现的问题", "What was found"),
    "flags.explanation": ("经与您确认的说明", "Explanation you confirmed"),
    "validity.text": (
        "本评估结果有效期至 {date}。有效期届满后，须重新评估方可购买新的产品。",
        "This result is valid until {date}. After that, you must be re-assessed before buying "
        "any new product.",
    ),
    # verification
    "section.verify": ("文件验证", "Verifying this document"),
    "verify.fingerprint": ("内容指纹 (SHA-256)", "Content fingerprint (SHA-256)"),
    "verify.template": ("模板版本", "Template version"),
    "verify.text": (
        "本文件已由本机构存档。扫描二维码或将文件交合规部门，可核对文件编号与内容指纹，"
        "确认文件未被篡改。",
        "This document is archived. Scan the QR code or give the file to compliance to check "
        "its number and fingerprint against the archive and confirm it was not altered.",
    ),
    "intro.disclosure": (
        "尊敬的客户：为保护您的合法权益，请您在购买前仔细阅读本揭示书，充分了解产品风险，"
        "并确认本产品与您的风险承受能力相匹配。",
        "Dear client, to protect your interests please read this disclosure carefully before "
        "you buy, so that you understand the product's risks and how it matches your risk "
        "tolerance.",
    ),
    "intro.assessment": (
        "尊敬的客户：以下是您本次风险承受能力评估的答案与结果。请核对无误后签字确认。",
        "Dear client, below are your answers and the result of your risk tolerance assessment. "
        "Please check them and sign.",
    ),
}


def t(key: str, language: str, **params: object) -> str:
    zh, en = TEXT[key]
    text = zh if is_zh(language) else en
    return text.format(**params) if params else text


def level_text(level: str | None, language: str) -> str:
    """ "C3（稳健型）" / "C3 (Balanced)"."""
    if not level:
        return t("client.not_assessed", language)
    label = RiskLevel(level).label.in_language(language)
    return f"{level}（{label}）" if is_zh(language) else f"{level} ({label})"


def lowest_label(language: str) -> str:
    return LOWEST_CATEGORY_LABEL.in_language(language)


def money(amount: str, currency: str, language: str) -> str:
    from decimal import Decimal

    value = f"{Decimal(amount):,.2f}"
    if currency == "CNY" and is_zh(language):
        return f"人民币 {value} 元"
    return f"{currency} {value}"
