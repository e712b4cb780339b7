<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>Branch created</source>
        <translation>新建网点</translation>
    </message>
    <message>
        <source>Branch renamed</source>
        <translation>网点更名</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>变更角色</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Window locked (idle)</source>
        <translation>窗口锁定（闲置）</translation>
    </message>
    <message>
        <source>Window unlocked</source>
        <translation>窗口解锁</translation>
    </message>
    <message>
        <source>Unlock failed</source>
        <translation>解锁失败</translation>
    </message>
    <message>
        <source>Password change failed</source>
        <translation>修改密码失败</translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <source>Client created</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Profile changed</source>
        <translation>修改客户资料</translation>
    </message>
    <message>
        <source>Personal data shown</source>
        <translation>查看完整个人信息</translation>
    </message>
    <message>
        <source>Client reassigned</source>
        <translation>更换客户经理</translation>
    </message>
    <message>
        <source>Vulnerability flagged</source>
        <translation>标记特殊情况</translation>
    </message>
    <message>
        <source>Vulnerability flag cleared</source>
        <translation>解除特殊情况标记</translation>
    </message>
    <message>
        <source>Professional status applied for</source>
        <translation>申请专业投资者认定</translation>
    </message>
    <message>
        <source>Professional status decided</source>
        <translation>审批专业投资者认定</translation>
    </message>
    <message>
        <source>Clients imported</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Clients exported</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Interview recorded</source>
        <translation>登记面谈记录</translation>
    </message>
    <message>
        <source>Interview corrected</source>
        <translation>更正面谈记录</translation>
    </message>
    <message>
        <source>Follow-up set</source>
        <translation>新建跟进事项</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>完成跟进事项</translation>
    </message>
    <message>
        <source>Follow-up postponed</source>
        <translation>跟进事项延期</translation>
    </message>
    <message>
        <source>Complaint accepted</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>Complaint investigation started</source>
        <translation>开始调查投诉</translation>
    </message>
    <message>
        <source>Complaint decided</source>
        <translation>作出投诉处理决定</translation>
    </message>
    <message>
        <source>Complainant answered (complaint closed)</source>
        <translation>已反馈投诉人（投诉办结）</translation>
    </message>
    <message>
        <source>Complaint deadline extended</source>
        <translation>延长投诉处理期限</translation>
    </message>
    <message>
        <source>Complaint reassigned</source>
        <translation>转交投诉</translation>
    </message>
    <message>
        <source>Complaint reopened</source>
        <translation>重新打开投诉</translation>
    </message>
    <message>
        <source>Complaint report exported</source>
        <translation>导出投诉报表</translation>
    </message>
    <message>
        <source>Risk assessment started</source>
        <translation>开始风险承受能力评估</translation>
    </message>
    <message>
        <source>Risk assessment confirmed</source>
        <translation>确认风险承受能力评估</translation>
    </message>
    <message>
        <source>Unfinished risk assessment discarded</source>
        <translation>放弃未完成的风险评估</translation>
    </message>
    <message>
        <source>Document made and archived</source>
        <translation>文件已生成并存档</translation>
    </message>
    <message>
        <source>Document reprinted as a copy</source>
        <translation>文件已补打副本</translation>
    </message>
    <message>
        <source>Data key registered</source>
        <translation>登记数据密钥</translation>
    </message>
    <message>
        <source>Data key imported</source>
        <translation>导入数据密钥</translation>
    </message>
    <message>
        <source>Data key exported</source>
        <translation>导出数据密钥</translation>
    </message>
    <message>
        <source>Sale recorded</source>
        <translation>登记销售</translation>
    </message>
    <message>
        <source>Sale refused (the attempt recorded)</source>
        <translation>销售被拒绝（已记录尝试）</translation>
    </message>
    <message>
        <source>Sale cancelled in cooling-off</source>
        <translation>冷静期内撤销销售</translation>
    </message>
    <message>
        <source>Sale record corrected</source>
        <translation>销售记录已更正</translation>
    </message>
    <message>
        <source>Suitability exception requested</source>
        <translation>申请适当性例外</translation>
    </message>
    <message>
        <source>Suitability exception approved</source>
        <translation>批准适当性例外</translation>
    </message>
    <message>
        <source>Suitability exception rejected</source>
        <translation>驳回适当性例外</translation>
    </message>
    <message>
        <source>Suitability exception lapsed at approval</source>
        <translation>适当性例外在审批时失效</translation>
    </message>
    <message>
        <source>Product created</source>
        <translation>创建产品</translation>
    </message>
    <message>
        <source>Product changed</source>
        <translation>修改产品</translation>
    </message>
    <message>
        <source>Product re-rated</source>
        <translation>调整产品风险等级</translation>
    </message>
    <message>
        <source>Product status changed</source>
        <translation>更改产品状态</translation>
    </message>
    <message>
        <source>Product catalogue imported</source>
        <translation>导入产品目录</translation>
    </message>
    <message>
        <source>Product catalogue exported</source>
        <translation>导出产品目录</translation>
    </message>
    <message>
        <source>Follow-up call set</source>
        <translation>生成回访任务</translation>
    </message>
    <message>
        <source>Follow-up call recorded</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>Follow-up call cancelled with the sale</source>
        <translation>回访随销售撤销而取消</translation>
    </message>
    <message>
        <source>Follow-up case opened</source>
        <translation>生成回访异常</translation>
    </message>
    <message>
        <source>Follow-up case resolved</source>
        <translation>回访异常已处理</translation>
    </message>
    <message>
        <source>Holdings reviewed for suitability</source>
        <translation>持仓适当性复核</translation>
    </message>
    <message>
        <source>Suitability review closed</source>
        <translation>适当性复核已关闭</translation>
    </message>
    <message>
        <source>Suitability reviews withdrawn (sale cancelled)</source>
        <translation>适当性复核已撤回（销售已撤销）</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Record the answer to the complainant</source>
        <translation>记录对投诉人的反馈</translation>
    </message>
    <message>
        <source>This closes the complaint (it can be reopened). Due: {due}.</source>
        <translation>此操作将办结投诉（可重新打开）。到期日：{due}。</translation>
    </message>
    <message>
        <source>What the complainant said to the answer</source>
        <translation>投诉人对处理结果的回应</translation>
    </message>
    <message>
        <source>— ask the complainant —</source>
        <translation>— 请询问投诉人 —</translation>
    </message>
    <message>
        <source>1 — very dissatisfied</source>
        <translation>1 — 非常不满意</translation>
    </message>
    <message>
        <source>2 — dissatisfied</source>
        <translation>2 — 不满意</translation>
    </message>
    <message>
        <source>3 — neutral</source>
        <translation>3 — 一般</translation>
    </message>
    <message>
        <source>4 — satisfied</source>
        <translation>4 — 满意</translation>
    </message>
    <message>
        <source>5 — very satisfied</source>
        <translation>5 — 非常满意</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Yes, accepted the outcome</source>
        <translation>是，接受处理结果</translation>
    </message>
    <message>
        <source>No, does not accept it</source>
        <translation>否，不接受</translation>
    </message>
    <message>
        <source>Told by</source>
        <translation>告知方式</translation>
    </message>
    <message>
        <source>Told at</source>
        <translation>告知时间</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>投诉人回应</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Outcome accepted</source>
        <translation>是否接受处理结果</translation>
    </message>
    <message>
        <source>Close the complaint</source>
        <translation>办结投诉</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <source>meets the thresholds</source>
        <translation>符合认定条件</translation>
    </message>
    <message>
        <source>below the thresholds</source>
        <translation>未达认定条件</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Financial assets</source>
        <translation>金融资产</translation>
    </message>
    <message>
        <source>Average income</source>
        <translation>年均收入</translation>
    </message>
    <message>
        <source>Years investing</source>
        <translation>投资年限</translation>
    </message>
    <message>
        <source>Policy check</source>
        <translation>条件核对</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <source>Open the client to decide</source>
        <translation>打开客户进行审批</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>&lt;b&gt;Professional investor applications&lt;/b&gt; waiting for a decision</source>
        <translation>待审批的&lt;b&gt;专业投资者申请&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Suitability exceptions</source>
        <translation>适当性例外</translation>
    </message>
    <message>
        <source>Professional investor applications</source>
        <translation>专业投资者申请</translation>
    </message>
    <message>
        <source>Nothing is waiting for you.</source>
        <translation>暂无待您审批的申请。</translation>
    </message>
</context>
<context>
    <name>AssessmentWizard</name>
    <message>
        <source>Risk assessment: {name}</source>
        <translation>风险承受能力评估：{name}</translation>
    </message>
    <message>
        <source>Keys: 1–9 choose an answer · Enter or Alt+N next · Alt+B back · Home first unanswered · Escape closes (the answers are kept)</source>
        <translation>按键：1–9 选择答案 · Enter 或 Alt+N 下一题 · Alt+B 上一题 · Home 跳到第一道未答题 · Esc 关闭（已答内容保留）</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <source>Delete this unfinished assessment</source>
        <translation>删除这份未完成的评估</translation>
    </message>
    <message>
        <source>Close, continue later</source>
        <translation>关闭，稍后继续</translation>
    </message>
    <message>
        <source>The answers are kept; open it again to carry on</source>
        <translation>已答内容会保留；再次打开即可继续</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>Previous question (Alt+B)</source>
        <translation>上一题（Alt+B）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Save the answer and go on (Enter or Alt+N)</source>
        <translation>保存答案并继续（Enter 或 Alt+N）</translation>
    </message>
    <message>
        <source>Confirm the result</source>
        <translation>确认评估结果</translation>
    </message>
    <message>
        <source>Record the assessment; possible once every question is answered, every contradiction resolved and the client&apos;s confirmation ticked</source>
        <translation>记录本次评估；须全部题目已作答、所有矛盾已处理，并勾选客户确认后方可操作</translation>
    </message>
    <message>
        <source>{title} (version {version})</source>
        <translation>{title}（第 {version} 版）</translation>
    </message>
    <message>
        <source>Resumed: the answers given since {when} are kept.</source>
        <translation>已恢复：自 {when} 起的作答均已保留。</translation>
    </message>
    <message>
        <source>This assessment corrects an earlier one, which stays on file unchanged.</source>
        <translation>本次评估更正此前的一次评估，原评估原样存档。</translation>
    </message>
    <message>
        <source>Choose an answer first: press 1 to {last}, or click it.</source>
        <translation>请先选择答案：按 1 至 {last}，或用鼠标点选。</translation>
    </message>
    <message>
        <source>This assessment was confirmed or discarded at another workstation; the window closes.</source>
        <translation>这份评估已在另一台工作站上确认或放弃，窗口将关闭。</translation>
    </message>
    <message>
        <source>Someone else saved this assessment while you had it open. It now shows the answers on file; check them with the client and carry on.</source>
        <translation>您打开期间，有人保存了这份评估。现在显示的是已存档的答案，请与客户核对后继续。</translation>
    </message>
    <message>
        <source>Answer every question first (Home goes to the first open one).</source>
        <translation>请先回答全部题目（按 Home 跳到第一道未答题）。</translation>
    </message>
    <message>
        <source>Resolve every contradiction first: correct an answer, or explain why both stand.</source>
        <translation>请先处理所有矛盾：更正答案，或说明两个答案为何同时成立。</translation>
    </message>
    <message>
        <source>Tick the box once the client has read the result and confirms it.</source>
        <translation>客户阅读并确认结果后，请勾选确认框。</translation>
    </message>
    <message>
        <source>Discard this assessment? The answers given so far are deleted; the client&apos;s earlier assessments stay as they are.</source>
        <translation>放弃这份评估？目前的作答将被删除；客户此前的评估不受影响。</translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation>第 {number} 题，共 {total} 题</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <source>Score so far: {score} · {answered} of {total} answered</source>
        <translation>当前得分：{score} · 已答 {answered}/{total} 题</translation>
    </message>
</context>
<context>
    <name>Assessments</name>
    <message>
        <source>This question is not answered yet.</source>
        <translation>本题尚未作答。</translation>
    </message>
    <message>
        <source>Choose one answer only.</source>
        <translation>只能选择一个答案。</translation>
    </message>
    <message>
        <source>This answer goes on its own; untick the others.</source>
        <translation>此答案只能单独选择，请取消其他选项。</translation>
    </message>
    <message>
        <source>An answer is chosen twice.</source>
        <translation>有答案被重复选择。</translation>
    </message>
    <message>
        <source>The answer could not be read; choose it again.</source>
        <translation>无法读取答案，请重新选择。</translation>
    </message>
    <message>
        <source>An answer is not one of the question&apos;s options; close the assessment and open it again.</source>
        <translation>有答案不在本题的选项之中；请关闭评估后重新打开。</translation>
    </message>
    <message>
        <source>A question is not in this questionnaire; close the assessment and open it again.</source>
        <translation>有题目不属于本问卷；请关闭评估后重新打开。</translation>
    </message>
    <message>
        <source>Explain in a few words why both answers stand, as the client confirmed.</source>
        <translation>请用几句话说明经客户确认、两个答案为何同时成立。</translation>
    </message>
</context>
<context>
    <name>AuditColumns</name>
    <message>
        <source>Data key</source>
        <translation>数据密钥</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Verify the chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <source>Recompute every event&apos;s SHA-256 fingerprint and check that each links to the one before</source>
        <translation>重新计算每条事件的 SHA-256 指纹，并检查每条都与前一条相连</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>&lt;b&gt;Audit trail&lt;/b&gt; (newest first; the list loads more as you scroll)</source>
        <translation>&lt;b&gt;审计轨迹&lt;/b&gt;（最新在前；向下滚动时自动加载更多）</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>The chain is intact: {n} events checked. Latest fingerprint: {head}</source>
        <translation>哈希链完整：已校验 {n} 条事件。最新指纹：{head}</translation>
    </message>
    <message>
        <source>events before it are missing</source>
        <translation>其前面的事件缺失</translation>
    </message>
    <message>
        <source>it does not link to the event before it</source>
        <translation>它与前一条事件不相连</translation>
    </message>
    <message>
        <source>its content was altered after it was recorded</source>
        <translation>其内容在记录后被篡改</translation>
    </message>
    <message>
        <source>The chain is BROKEN at event {seq}: {reason}. Report this to compliance.</source>
        <translation>哈希链在第 {seq} 条事件处断裂：{reason}。请报告合规部门。</translation>
    </message>
</context>
<context>
    <name>AuditValues</name>
    <message>
        <source>answered no to a question of the call</source>
        <translation>回访问题回答“否”</translation>
    </message>
    <message>
        <source>the product was re-rated</source>
        <translation>产品风险等级调整</translation>
    </message>
    <message>
        <source>the client&apos;s assessment came out lower</source>
        <translation>客户风险评估等级下降</translation>
    </message>
    <message>
        <source>identity confirmed</source>
        <translation>身份已核实</translation>
    </message>
    <message>
        <source>contract read</source>
        <translation>已阅读合同</translation>
    </message>
    <message>
        <source>risks understood</source>
        <translation>了解产品风险</translation>
    </message>
    <message>
        <source>knows how to complain</source>
        <translation>知晓投诉渠道</translation>
    </message>
    <message>
        <source>the whole file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <source>the valid rows only</source>
        <translation>仅有效行</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>&lt;b&gt;{client}&lt;/b&gt; · {code} {product}&lt;br&gt;Sold {sold} by {seller} · {amount}&lt;br&gt;Why a call: {reasons} · may be called from {start} · due by {due}</source>
        <translation>&lt;b&gt;{client}&lt;/b&gt; · {code} {product}&lt;br&gt;{sold} 由 {seller} 销售 · {amount}&lt;br&gt;回访原因：{reasons} · {start} 起可回访 · 须于 {due} 前完成</translation>
    </message>
    <message>
        <source>Mobile: ****{last4}</source>
        <translation>手机：****{last4}</translation>
    </message>
    <message>
        <source>Show the number</source>
        <translation>显示号码</translation>
    </message>
    <message>
        <source>Shows the full number; each time is recorded</source>
        <translation>显示完整号码；每次查看均有记录</translation>
    </message>
    <message>
        <source>Client reached</source>
        <translation>已联系上客户</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>Checklist — read each question to the client</source>
        <translation>回访话术 — 请逐题向客户宣读</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>What the client said; required for every question answered no</source>
        <translation>客户的原话；任何一题回答“否”时必填</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Try again at</source>
        <translation>再次回访时间</translation>
    </message>
    <message>
        <source>Record the call</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>This call is closed: {state}.</source>
        <translation>此回访已结束：{state}。</translation>
    </message>
    <message>
        <source>You made this sale: a colleague of the branch makes its follow-up call.</source>
        <translation>这笔销售由您办理：须由本网点其他同事回访。</translation>
    </message>
    <message>
        <source>Only an adviser or supervisor of the client&apos;s branch makes the call.</source>
        <translation>只有客户所属网点的客户经理或主管可以回访。</translation>
    </message>
    <message>
        <source>Cooling-off until {until}: the client may not be contacted before then.</source>
        <translation>冷静期至 {until}：此前不得联系客户。</translation>
    </message>
    <message>
        <source>Attempt {n}, {when}, {who}: {outcome}</source>
        <translation>第 {n} 次，{when}，{who}：{outcome}</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Mobile: {number}</source>
        <translation>手机：{number}</translation>
    </message>
    <message>
        <source>{who} recorded this call while you had it open. Nothing was saved; the list now shows the current state.</source>
        <translation>{who} 在您打开期间已记录了此回访。您的内容未保存；列表已显示最新状态。</translation>
    </message>
</context>
<context>
    <name>Callbacks</name>
    <message>
        <source>cooling-off</source>
        <translation>冷静期</translation>
    </message>
    <message>
        <source>exception sale</source>
        <translation>例外销售</translation>
    </message>
    <message>
        <source>elderly client</source>
        <translation>老年客户</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>To call</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Cooling-off</source>
        <translation>冷静期中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>CallbacksPage</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Sold by (may not call)</source>
        <translation>销售人员（不得回访）</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>May be called from</source>
        <translation>可回访时间</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>回访次数</translation>
    </message>
    <message>
        <source>Next try / closed</source>
        <translation>下次回访 / 结束时间</translation>
    </message>
    <message>
        <source>Client not reachable</source>
        <translation>客户无法联系</translation>
    </message>
    <message>
        <source>Answered no: {questions}</source>
        <translation>回答“否”：{questions}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Sold by</source>
        <translation>销售人员</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Resolved by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Follow-up calls&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;回访&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Every branch&apos;s follow-up calls and cases, to read.</source>
        <translation>各网点的回访及回访异常，仅供查阅。</translation>
    </message>
    <message>
        <source>The branch&apos;s calls are shared: any adviser or supervisor of the branch makes a call, except the adviser who made the sale. During cooling-off the client may not be contacted; the call opens when it ends.</source>
        <translation>回访任务由本网点共同承担：除办理该笔销售的客户经理外，本网点任何客户经理或主管均可回访。冷静期内不得联系客户；冷静期结束后方可回访。</translation>
    </message>
    <message>
        <source>Make the call…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Open the checklist for the selected call (Enter)</source>
        <translation>打开所选回访的话术清单（Enter）</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show resolved cases</source>
        <translation>显示已处理的异常</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <source>Supervisors of the branch resolve a case, never the one who sold</source>
        <translation>由本网点主管处理，办理该笔销售的人员除外</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>回访任务</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>回访异常</translation>
    </message>
    <message>
        <source>{overdue} overdue · {due} to call · {waiting} in cooling-off</source>
        <translation>{overdue} 个已逾期 · {due} 个待回访 · {waiting} 个在冷静期中</translation>
    </message>
    <message>
        <source>&lt;b&gt;{client}&lt;/b&gt; · sold {sold} by {seller} · why a call: {why}</source>
        <translation>&lt;b&gt;{client}&lt;/b&gt; · {sold} 由 {seller} 销售 · 回访原因：{why}</translation>
    </message>
    <message>
        <source>You made this sale: a colleague makes the call.</source>
        <translation>这笔销售由您办理：须由同事回访。</translation>
    </message>
    <message>
        <source>Cooling-off until {until}: do not contact the client before.</source>
        <translation>冷静期至 {until}：此前请勿联系客户。</translation>
    </message>
    <message>
        <source>Cancelled with the sale: {reason}</source>
        <translation>随销售撤销而取消：{reason}</translation>
    </message>
    <message>
        <source>{state} {when} by {who}</source>
        <translation>{state}：{when}，{who}</translation>
    </message>
    <message>
        <source>An open case waits for the supervisor.</source>
        <translation>有一项回访异常待主管处理。</translation>
    </message>
    <message>
        <source>The case is resolved.</source>
        <translation>回访异常已处理。</translation>
    </message>
    <message>
        <source>Call with {client} recorded. The client answered no: a case was opened for the branch supervisor.</source>
        <translation>已记录对 {client} 的回访。客户有问题回答“否”：已生成回访异常，交网点主管处理。</translation>
    </message>
    <message>
        <source>{client} could not be reached after {n} attempts: a case was opened for the branch supervisor.</source>
        <translation>{n} 次回访均未联系上 {client}：已生成回访异常，交网点主管处理。</translation>
    </message>
    <message>
        <source>Not reached: try again at {when}.</source>
        <translation>未联系上：请于 {when} 再次回访。</translation>
    </message>
    <message>
        <source>Call with {client} recorded.</source>
        <translation>已记录对 {client} 的回访。</translation>
    </message>
    <message>
        <source>{n} open cases</source>
        <translation>{n} 项待处理异常</translation>
    </message>
    <message>
        <source>Cases ({n})</source>
        <translation>回访异常（{n}）</translation>
    </message>
    <message>
        <source>Caller&apos;s notes: {notes}</source>
        <translation>回访人备注：{notes}</translation>
    </message>
    <message>
        <source>Resolved {when} by {who}: {text}</source>
        <translation>{when} 由 {who} 处理：{text}</translation>
    </message>
    <message>
        <source>Call to make</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Call made</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Cancelled with the sale</source>
        <translation>随销售撤销而取消</translation>
    </message>
</context>
<context>
    <name>CatalogueImport</name>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Required columns are missing: {columns}. The first row must name each column, in English or in Chinese (for example code or 产品代码).</source>
        <translation>缺少必需的列：{columns}。第一行须写明各列的名称，中英文均可（例如 code 或 产品代码）。</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新产品</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>To correct</source>
        <translation>需更正</translation>
    </message>
    <message>
        <source>Changes: {0}</source>
        <translation>变更：{0}</translation>
    </message>
    <message>
        <source>Re-rated {old} → {new}: holders will be reviewed.</source>
        <translation>风险等级 {old} → {new}：将复核持有客户的适当性。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>CatalogueImportDialog</name>
    <message>
        <source>Import the product catalogue</source>
        <translation>导入产品目录</translation>
    </message>
    <message>
        <source>A CSV file (UTF-8) or an Excel workbook (.xlsx), as the catalogue export writes it. The first row names the columns, in English or in Chinese: code/产品代码, name_zh/中文名称, risk_level/风险等级, and so on. A known code updates that product; a new code creates one. Risk factors: one per line, or separated by &apos;;&apos;. Nothing is saved until you import, and only a file without errors can be imported.</source>
        <translation>CSV 文件（UTF-8）或 Excel 工作簿（.xlsx），格式与产品目录导出的文件相同。第一行为列名，中英文均可：code/产品代码、name_zh/中文名称、risk_level/风险等级等。已有代码将更新该产品，新代码将创建新产品。风险因素每行一条，或用“；”分隔。导入前不会保存任何内容，且只有没有错误的文件才能导入。</translation>
    </message>
    <message>
        <source>Show only rows to correct</source>
        <translation>只显示需更正的行</translation>
    </message>
    <message>
        <source>Save the report…</source>
        <translation>保存检查报告…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose the catalogue file</source>
        <translation>选择产品目录文件</translation>
    </message>
    <message>
        <source>{rows} rows: {create} new products, {update} to update ({rerated} re-rated), {unchanged} unchanged, {invalid} to correct.</source>
        <translation>共 {rows} 行：新增产品 {create} 个，更新 {update} 个（其中调整风险等级 {rerated} 个），无变化 {unchanged} 个，需更正 {invalid} 行。</translation>
    </message>
    <message>
        <source>The file has no product rows.</source>
        <translation>文件中没有产品行。</translation>
    </message>
    <message>
        <source>Every row is valid: the file can be imported.</source>
        <translation>所有行均有效，可以导入。</translation>
    </message>
    <message>
        <source>Nothing is imported until every row is correct: correct the file (Save the report lists each problem) and choose it again.</source>
        <translation>所有行都正确后才能导入：请更正文件（“保存检查报告”可列出每个问题）后重新选择。</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存检查报告</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>The report cannot be written: {0}</source>
        <translation>无法写入报告：{0}</translation>
    </message>
    <message>
        <source>{0} problems written to the report.</source>
        <translation>已将 {0} 个问题写入报告。</translation>
    </message>
    <message>
        <source>Re-rate products</source>
        <translation>调整产品风险等级</translation>
    </message>
    <message>
        <source>{0} products change risk level. Each re-rating lists the holdings that no longer fit and gives their advisers a review task. Import?</source>
        <translation>有 {0} 个产品的风险等级将调整。每次调整都会列出不再匹配的持仓，并给相关客户经理生成复核任务。确定导入吗？</translation>
    </message>
    <message>
        <source>{created} products created, {updated} updated, {unchanged} unchanged.</source>
        <translation>新增产品 {created} 个，更新 {updated} 个，无变化 {unchanged} 个。</translation>
    </message>
    <message>
        <source>Saving the products…</source>
        <translation>正在保存产品…</translation>
    </message>
    <message>
        <source>The catalogue changed since the file was checked; nothing was imported. The rows below are checked again against the catalogue as it is now: import again if they are right.</source>
        <translation>检查文件后产品目录已发生变化，未导入任何内容。下列各行已按当前产品目录重新检查，确认无误后可再次导入。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your password was set by an administrator. Choose your own before you continue.</source>
        <translation>您的密码由管理员设置。继续之前，请设置您自己的密码。</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
</context>
<context>
    <name>ClientAssessments</name>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>{title}, version {version}</source>
        <translation>{title}，第 {version} 版</translation>
    </message>
    <message>
        <source>Corrected by a later one</source>
        <translation>已被后续评估更正</translation>
    </message>
    <message>
        <source>the one of {when}</source>
        <translation>{when} 的评估</translation>
    </message>
    <message>
        <source>Lowest risk-tolerance category: {reasons}</source>
        <translation>最低风险承受能力类别：{reasons}</translation>
    </message>
    <message>
        <source>Contradiction explained: {message} {explanation}</source>
        <translation>矛盾已说明：{message} {explanation}</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>较早</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>较晚</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已变化</translation>
    </message>
</context>
<context>
    <name>ClientAssessmentsTab</name>
    <message>
        <source>Run the risk assessment…</source>
        <translation>进行风险承受能力评估…</translation>
    </message>
    <message>
        <source>Re-assess (correct)…</source>
        <translation>重新评估（更正）…</translation>
    </message>
    <message>
        <source>Run the questionnaire again as a correction of the selected assessment, which stays on file</source>
        <translation>重新填写问卷，作为所选评估的更正；所选评估保留存档</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <source>Select two assessments (Ctrl+click) to compare</source>
        <translation>选择两次评估（按住 Ctrl 点击）进行比较</translation>
    </message>
    <message>
        <source>Assessments on file, newest first</source>
        <translation>存档的评估，最新的在前</translation>
    </message>
    <message>
        <source>An assessment started {when} is not finished: {answered} of {total} questions answered.</source>
        <translation>{when} 开始的评估尚未完成：已答 {answered}/{total} 题。</translation>
    </message>
    <message>
        <source>Resume the assessment…</source>
        <translation>继续评估…</translation>
    </message>
    <message>
        <source>No assessment on file yet. Run the risk assessment with the client to record their risk tolerance.</source>
        <translation>尚无评估记录。请与客户一起完成风险承受能力评估。</translation>
    </message>
    <message>
        <source>No assessment on file yet.</source>
        <translation>尚无评估记录。</translation>
    </message>
    <message>
        <source>Not assessed — sales are blocked until the client is assessed.</source>
        <translation>未评估——客户完成评估前不得销售产品。</translation>
    </message>
    <message>
        <source>Risk tolerance {level} — expired on {date}. Sales are blocked until the client is re-assessed.</source>
        <translation>风险承受能力 {level}——已于 {date} 过期。客户重新评估前不得销售产品。</translation>
    </message>
    <message>
        <source>Risk tolerance {level} — valid until today ({date}); re-assess the client now.</source>
        <translation>风险承受能力 {level}——今天（{date}）到期，请立即重新评估。</translation>
    </message>
    <message>
        <source>Risk tolerance {level} — valid until {date}; expires tomorrow.</source>
        <translation>风险承受能力 {level}——有效期至 {date}，明天到期。</translation>
    </message>
    <message>
        <source>Risk tolerance {level} — valid until {date}; expires in {days} days.</source>
        <translation>风险承受能力 {level}——有效期至 {date}，{days} 天后到期。</translation>
    </message>
    <message>
        <source>Risk tolerance {level} — valid until {date}; expires soon.</source>
        <translation>风险承受能力 {level}——有效期至 {date}，即将到期。</translation>
    </message>
    <message>
        <source>Risk tolerance {level} — valid until {date}.</source>
        <translation>风险承受能力 {level}——有效期至 {date}。</translation>
    </message>
    <message>
        <source>Finish or discard the unfinished assessment first</source>
        <translation>请先完成或放弃未完成的评估</translation>
    </message>
</context>
<context>
    <name>ClientComplaintsTab</name>
    <message>
        <source>No complaints from this client.</source>
        <translation>该客户没有投诉记录。</translation>
    </message>
</context>
<context>
    <name>ClientDocumentsTab</name>
    <message>
        <source>Print the &amp;assessment result…</source>
        <translation>打印评估结果确认书(&amp;A)…</translation>
    </message>
    <message>
        <source>The result of the latest risk assessment, for the client to sign</source>
        <translation>最近一次风险承受能力评估的结果，供客户签字确认</translation>
    </message>
    <message>
        <source>Risk assessment result</source>
        <translation>风险承受能力评估结果确认书</translation>
    </message>
    <message>
        <source>The client has no confirmed risk assessment yet.</source>
        <translation>该客户尚无已确认的风险承受能力评估。</translation>
    </message>
</context>
<context>
    <name>ClientFormDialog</name>
    <message>
        <source>Edit client</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Annual income</source>
        <translation>年收入</translation>
    </message>
    <message>
        <source>yuan, e.g. 1,500,000</source>
        <translation>单位：元，例如 1,500,000</translation>
    </message>
    <message>
        <source>Financial assets</source>
        <translation>金融资产</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Investment experience</source>
        <translation>投资经验</translation>
    </message>
    <message>
        <source>Products invested in</source>
        <translation>曾投资的产品</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>投资目标</translation>
    </message>
    <message>
        <source>Investment horizon</source>
        <translation>投资期限</translation>
    </message>
    <message>
        <source>Liquidity needs</source>
        <translation>流动性需求</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>首选语言</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Identity number, phone, e-mail and address are shown masked; leave them as they are to keep them, or type a new value to replace one.</source>
        <translation>证件号码、手机号码、电子邮箱和联系地址均已脱敏显示；保持不变即保留原值，输入新值则予以替换。</translation>
    </message>
    <message>
        <source>Client already on file</source>
        <translation>客户已存在</translation>
    </message>
    <message>
        <source>A client with this identity document already exists. Open that client instead of creating a second record?</source>
        <translation>已存在使用该证件的客户。是否打开该客户，而不重复建档？</translation>
    </message>
    <message>
        <source>Open the existing client</source>
        <translation>打开已有客户</translation>
    </message>
    <message>
        <source>A client with this identity document already exists and is served by another adviser. Ask your supervisor to reassign the client to you if you now serve them.</source>
        <translation>已存在使用该证件的客户，由其他客户经理服务。如该客户现由您服务，请联系主管将其移交给您。</translation>
    </message>
    <message>
        <source>(served by another adviser)</source>
        <translation>（由其他客户经理服务）</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>These clients have the same name and birth date:

{lines}

Is this really a different person? Save anyway?</source>
        <translation>以下客户的姓名和出生日期与此相同：

{lines}

确定是不同的人吗？仍要保存吗？</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>{who} saved this client at {when}, after you opened it, changing: {fields}.

Nothing was overwritten. Reload to see their version (your changes are discarded), or compare the two first.</source>
        <translation>您打开此客户后，{who} 于 {when} 保存了修改，变更内容：{fields}。

未覆盖任何内容。您可以重新加载以查看对方的版本（您的修改将被放弃），也可以先比较两个版本。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Your version ⇄ the saved version</source>
        <translation>您的版本 ⇄ 已保存的版本</translation>
    </message>
    <message>
        <source>No visible difference.</source>
        <translation>没有可见的差异。</translation>
    </message>
</context>
<context>
    <name>ClientImportDialog</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Annual income</source>
        <translation>年收入</translation>
    </message>
    <message>
        <source>Financial assets</source>
        <translation>金融资产</translation>
    </message>
    <message>
        <source>Years of investing</source>
        <translation>投资年限</translation>
    </message>
    <message>
        <source>Investment experience</source>
        <translation>投资经验</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>投资目标</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>投资期限</translation>
    </message>
    <message>
        <source>Liquidity needs</source>
        <translation>流动性需求</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>首选语言</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>The file is not in UTF-8: it looks like GBK, the Chinese encoding older Excel versions use for CSV. In Excel choose Save As, &apos;CSV UTF-8 (Comma delimited)&apos; or &apos;Excel Workbook (.xlsx)&apos;, and import that file.</source>
        <translation>文件不是 UTF-8 编码：看起来是 GBK，即旧版 Excel 保存 CSV 时使用的中文编码。请在 Excel 中选择“另存为”，保存类型选“CSV UTF-8(逗号分隔)”或“Excel 工作簿(*.xlsx)”，然后导入另存的文件。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos; or as an Excel workbook (.xlsx).</source>
        <translation>文件不是 UTF-8 文本。请另存为“CSV UTF-8”或 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The file is not valid CSV near line {line}.</source>
        <translation>文件第 {line} 行附近的 CSV 格式无效。</translation>
    </message>
    <message>
        <source>The file cannot be read as an Excel workbook; open it in Excel, save it as .xlsx and try again.</source>
        <translation>无法作为 Excel 工作簿读取此文件；请在 Excel 中打开，另存为 .xlsx 后重试。</translation>
    </message>
    <message>
        <source>The file cannot be opened: {detail}</source>
        <translation>无法打开文件：{detail}</translation>
    </message>
    <message>
        <source>This is an old Excel file (.xls). Open it in Excel and save it as an Excel workbook (.xlsx) or as &apos;CSV UTF-8&apos;.</source>
        <translation>这是旧版 Excel 文件（.xls）。请在 Excel 中打开，另存为 Excel 工作簿（.xlsx）或“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>The file is empty: the first row must name the columns.</source>
        <translation>文件为空：第一行须为列名。</translation>
    </message>
    <message>
        <source>The file has more than {max} rows; split it into smaller files.</source>
        <translation>文件超过 {max} 行，请拆分为多个较小的文件。</translation>
    </message>
    <message>
        <source>These columns name the same field: {columns}. Keep one of each.</source>
        <translation>以下列对应同一字段：{columns}。每个字段只保留一列。</translation>
    </message>
    <message>
        <source>Required columns are missing: {columns}. The first row must name each column, in English or in Chinese (for example name or 姓名).</source>
        <translation>缺少必填列：{columns}。第一行须写明每一列的列名，中英文均可（例如 name 或 姓名）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date; write it as 1985-03-07.</source>
        <translation>“{value}”不是有效日期，请按 1985-03-07 的格式填写。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of the accepted values: {accepted}.</source>
        <translation>“{value}”不在可选值之列：{accepted}。</translation>
    </message>
    <message>
        <source>Excel stored the identity number as a number and lost its last digits; format the column as Text and type the numbers again.</source>
        <translation>Excel 把证件号码存成了数字，末尾几位已丢失；请将该列的格式设为“文本”，再重新输入号码。</translation>
    </message>
    <message>
        <source>The same identity document is on row {rows} of this file; keep only one of these rows.</source>
        <translation>本文件第 {rows} 行有相同的证件；这些行只能保留一行。</translation>
    </message>
    <message>
        <source>Already a client: client no. {client_id}.</source>
        <translation>已是在册客户：客户编号 {client_id}。</translation>
    </message>
    <message>
        <source>Already a client of the bank, served by another adviser.</source>
        <translation>已是在册客户，由其他客户经理服务。</translation>
    </message>
    <message>
        <source>Row {rows} has the same name and birth date with another identity document; check that these are different people.</source>
        <translation>第 {rows} 行的姓名和出生日期与此相同，但证件不同；请核实是否为不同的人。</translation>
    </message>
    <message>
        <source>{count} client(s) with the same name and birth date already exist; check that this is a different person.</source>
        <translation>已有 {count} 位客户的姓名和出生日期与此相同；请核实是否为不同的人。</translation>
    </message>
    <message>
        <source>Write the adviser&apos;s user name in the adviser column (客户经理).</source>
        <translation>请在“客户经理”列（adviser）填写客户经理的用户名。</translation>
    </message>
    <message>
        <source>No user is called &apos;{username}&apos;; write the adviser&apos;s user name.</source>
        <translation>没有用户名为“{username}”的用户；请填写客户经理的用户名。</translation>
    </message>
    <message>
        <source>This user is not an active adviser.</source>
        <translation>该用户不是在用的客户经理。</translation>
    </message>
    <message>
        <source>Advisers import clients for themselves only; leave the adviser column empty.</source>
        <translation>客户经理只能为自己导入客户；请将“客户经理”列留空。</translation>
    </message>
    <message>
        <source>This adviser is not in your branch.</source>
        <translation>该客户经理不属于您的网点。</translation>
    </message>
    <message>
        <source>Duplicate: {0}</source>
        <translation>重复：{0}</translation>
    </message>
    <message>
        <source>Warning: {0}</source>
        <translation>警告：{0}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>可导入</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Import clients</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>A CSV file (UTF-8) or an Excel workbook (.xlsx). The first row names the columns, in English or in Chinese: name/姓名, id_type/证件类型, id_number/证件号码, phone/手机, and so on. Nothing is saved until you import.</source>
        <translation>CSV 文件（UTF-8）或 Excel 工作簿（.xlsx）。第一行为列名，中英文均可：name/姓名、id_type/证件类型、id_number/证件号码、phone/手机等。点击导入之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Show only rows that need attention</source>
        <translation>仅显示需要处理的行</translation>
    </message>
    <message>
        <source>Import all</source>
        <translation>全部导入</translation>
    </message>
    <message>
        <source>Import valid rows only…</source>
        <translation>仅导入有效行…</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>{rows} rows: {valid} ready to import, {invalid} with errors, {duplicates} duplicates, {warnings} with warnings.</source>
        <translation>共 {rows} 行：{valid} 行可导入，{invalid} 行有错误，{duplicates} 行重复，{warnings} 行有警告。</translation>
    </message>
    <message>
        <source>Every row can be imported.</source>
        <translation>所有行均可导入。</translation>
    </message>
    <message>
        <source>Correct the file and choose it again, or import only the valid rows.</source>
        <translation>请修正文件后重新选择，或仅导入有效行。</translation>
    </message>
    <message>
        <source>No row can be imported; correct the file and choose it again.</source>
        <translation>没有可导入的行；请修正文件后重新选择。</translation>
    </message>
    <message>
        <source>Import valid rows only</source>
        <translation>仅导入有效行</translation>
    </message>
    <message>
        <source>Import the {valid} valid rows and leave out the {left_out} rows that have problems? The rows left out are not saved; correct them and import them later.</source>
        <translation>导入 {valid} 行有效数据，并略过 {left_out} 行有问题的数据吗？略过的行不会保存，请修正后再导入。</translation>
    </message>
    <message>
        <source>{imported} clients imported; {skipped} rows left out.</source>
        <translation>已导入 {imported} 位客户；略过 {skipped} 行。</translation>
    </message>
    <message>
        <source>Saving the clients…</source>
        <translation>正在保存客户…</translation>
    </message>
    <message>
        <source>The clients on file changed since the check, and some rows now have problems; nothing was imported. See the rows below.</source>
        <translation>检查之后在册客户发生了变化，部分行现在存在问题；未导入任何内容。请查看下方各行。</translation>
    </message>
    <message>
        <source>No row can be imported; nothing was saved.</source>
        <translation>没有可导入的行；未保存任何内容。</translation>
    </message>
    <message>
        <source>Client no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Investor type</source>
        <translation>投资者类型</translation>
    </message>
    <message>
        <source>Needs extra care</source>
        <translation>需特别关注</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ClientList</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Investor</source>
        <translation>投资者</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Assessed until</source>
        <translation>评估有效期至</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>Extra care: 65 or over, or a vulnerability flag on file</source>
        <translation>特别关注：65 岁及以上，或已登记特殊情况</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>{level} (expired)</source>
        <translation>{level}（已过期）</translation>
    </message>
</context>
<context>
    <name>ClientListPage</name>
    <message>
        <source>Search: name or part of it, pinyin initials, ID number, mobile or its last 4 digits</source>
        <translation>搜索：姓名（或其中几个字）、拼音首字母、证件号码、手机号码或其后 4 位</translation>
    </message>
    <message>
        <source>All advisers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>Any risk level</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <source>Any assessment</source>
        <translation>全部评估状态</translation>
    </message>
    <message>
        <source>Expires within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Needs extra care only</source>
        <translation>仅看需特别关注的客户</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the list as shown (search and filters) to an Excel workbook or a CSV file</source>
        <translation>将当前显示的列表（含搜索和筛选条件）保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>{n} clients</source>
        <translation>共 {n} 位客户</translation>
    </message>
    <message>
        <source>No client matches. Check the spelling, try fewer characters, or search by ID number or mobile.</source>
        <translation>没有匹配的客户。请检查拼写、减少输入的字符，或按证件号码、手机号码搜索。</translation>
    </message>
    <message>
        <source>No clients yet. Create one with “New client…” or import a file.</source>
        <translation>暂无客户。请用“新建客户…”创建，或导入文件。</translation>
    </message>
    <message>
        <source>Export the client list</source>
        <translation>导出客户列表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Write full identity numbers, mobiles, e-mails and addresses? Choose No for masked values. A full export is recorded in the audit trail.</source>
        <translation>是否导出完整的证件号码、手机号码、电子邮箱和地址？选择“否”则导出脱敏后的值。完整导出将记入审计轨迹。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{n} clients written to {path}</source>
        <translation>已将 {n} 位客户写入 {path}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Edit profile…</source>
        <translation>编辑资料…</translation>
    </message>
    <message>
        <source>Record interview…</source>
        <translation>登记面谈…</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>更换客户经理…</translation>
    </message>
    <message>
        <source>Extra care</source>
        <translation>特别关注</translation>
    </message>
    <message>
        <source>Flag a vulnerability…</source>
        <translation>标记特殊情况…</translation>
    </message>
    <message>
        <source>Clear a flag…</source>
        <translation>解除标记…</translation>
    </message>
    <message>
        <source>Investor classification</source>
        <translation>投资者分类</translation>
    </message>
    <message>
        <source>Record an application to become professional…</source>
        <translation>登记专业投资者申请…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>风险评估</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Annual income</source>
        <translation>年收入</translation>
    </message>
    <message>
        <source>Financial assets</source>
        <translation>金融资产</translation>
    </message>
    <message>
        <source>Investment experience</source>
        <translation>投资经验</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>投资目标</translation>
    </message>
    <message>
        <source>Investment horizon</source>
        <translation>投资期限</translation>
    </message>
    <message>
        <source>Liquidity needs</source>
        <translation>流动性需求</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>首选语言</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full value (recorded in the audit trail)</source>
        <translation>显示完整内容（将记入审计轨迹）</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;65 or over&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;65 岁及以上&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;vulnerability on file&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;已登记特殊情况&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{date} (age {age}){gender}</source>
        <translation>{date}（{age} 岁）{gender}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{years} years; {kinds}</source>
        <translation>{years} 年；{kinds}</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when}（{who}）</translation>
    </message>
    <message>
        <source>• 65 or over: high-risk sales get a supervisor&apos;s review and a follow-up call</source>
        <translation>• 65 岁及以上：销售高风险产品须经主管复核，并进行回访</translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>无标记。</translation>
    </message>
    <message>
        <source>Evidence: {0}</source>
        <translation>证明材料：{0}</translation>
    </message>
    <message>
        <source>Application of {when} by {who}: {status}</source>
        <translation>{who} 于 {when} 提交的申请：{status}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;not assessed: no sales until the client is assessed&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;未评估：完成风险评估前不得销售&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;{level}, assessment was valid until {date}: re-assess before any sale&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;{level}，评估有效期至 {date}（已过期）：销售前须重新评估&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#9a6700&apos;&gt;{level}, assessment expires on {date}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#9a6700&apos;&gt;{level}，评估将于 {date} 到期&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{level}, assessed until {date}</source>
        <translation>{level}，评估有效期至 {date}</translation>
    </message>
    <message>
        <source>waiting for a supervisor</source>
        <translation>待主管审批</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>更换客户经理</translation>
    </message>
    <message>
        <source>There is no other adviser in your branch.</source>
        <translation>您的网点没有其他客户经理。</translation>
    </message>
    <message>
        <source>New adviser for {name}</source>
        <translation>{name} 的新客户经理</translation>
    </message>
    <message>
        <source>Flag a vulnerability</source>
        <translation>标记特殊情况</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Clear a flag</source>
        <translation>解除标记</translation>
    </message>
    <message>
        <source>Why it no longer applies</source>
        <translation>不再适用的原因</translation>
    </message>
    <message>
        <source>Reason for approving</source>
        <translation>批准理由</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>驳回理由</translation>
    </message>
    <message>
        <source>Professional investor application</source>
        <translation>专业投资者申请</translation>
    </message>
</context>
<context>
    <name>ClientProductsTab</name>
    <message>
        <source>each product&apos;s minimum</source>
        <translation>各产品起购金额</translation>
    </message>
    <message>
        <source>Judge at the amount</source>
        <translation>按此金额判断</translation>
    </message>
    <message>
        <source>All products on sale</source>
        <translation>全部在售产品</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Sell this product…</source>
        <translation>销售此产品…</translation>
    </message>
    <message>
        <source>No product is on sale.</source>
        <translation>目前没有在售产品。</translation>
    </message>
    <message>
        <source>{product} at {amount}:</source>
        <translation>{product}，金额 {amount}：</translation>
    </message>
</context>
<context>
    <name>ClientSales</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} 个月</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>不定期</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>起购金额</translation>
    </message>
    <message>
        <source>Cooling-off</source>
        <translation>冷静期</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>In cooling-off until {when}</source>
        <translation>冷静期至 {when}</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Exception approved by {name}</source>
        <translation>例外由 {name} 批准</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cooling-off ends</source>
        <translation>冷静期结束</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待时长</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} 天 {hours} 小时</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message>
        <source>decided after {age}</source>
        <translation>{age} 后审批</translation>
    </message>
    <message>
        <source>{age} — overdue by {late}</source>
        <translation>{age} — 已超时 {late}</translation>
    </message>
    <message>
        <source>{age} of {deadline}</source>
        <translation>已等 {age}（时限 {deadline}）</translation>
    </message>
    <message>
        <source>{comment} — now not allowed: {why}</source>
        <translation>{comment} — 现已不允许：{why}</translation>
    </message>
</context>
<context>
    <name>ClientSalesTab</name>
    <message>
        <source>Record a sale…</source>
        <translation>登记销售…</translation>
    </message>
    <message>
        <source>Cancel in cooling-off…</source>
        <translation>冷静期内撤销…</translation>
    </message>
    <message>
        <source>Add a correction…</source>
        <translation>添加更正…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sales&lt;/b&gt;</source>
        <translation>&lt;b&gt;销售&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>暂无销售。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exception requests&lt;/b&gt; (double-click for the full verdict)</source>
        <translation>&lt;b&gt;例外申请&lt;/b&gt;（双击查看完整结论）</translation>
    </message>
    <message>
        <source>No exception requests for this client.</source>
        <translation>该客户暂无例外申请。</translation>
    </message>
    <message>
        <source>Verdict frozen with the sale:</source>
        <translation>销售时固化的结论：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{product}&lt;/b&gt; · {amount} · client level {client} · product {level} · recorded {when} by {who}</source>
        <translation>&lt;b&gt;{product}&lt;/b&gt; · {amount} · 客户等级 {client} · 产品等级 {level} · {who} 于 {when} 登记</translation>
    </message>
    <message>
        <source>Exception approved by {name} (request {id}).</source>
        <translation>例外由 {name} 批准（申请 {id}）。</translation>
    </message>
    <message>
        <source>Cooling-off ends {when}.</source>
        <translation>冷静期于 {when} 结束。</translation>
    </message>
    <message>
        <source>Cancelled {when} by {who}: {reason}</source>
        <translation>{who} 于 {when} 撤销：{reason}</translation>
    </message>
    <message>
        <source>Correction of {when} by {who}: {note}</source>
        <translation>{who} 于 {when} 更正：{note}</translation>
    </message>
    <message>
        <source>Cancel the sale in cooling-off</source>
        <translation>冷静期内撤销销售</translation>
    </message>
    <message>
        <source>{product}, {amount}: the client cancels within the cooling-off period, which ends {when}. The sale stays on record with this cancellation.</source>
        <translation>{product}，{amount}：客户在冷静期内撤销（冷静期至 {when}）。该销售与本撤销记录一并保留。</translation>
    </message>
    <message>
        <source>Client&apos;s reason</source>
        <translation>客户的理由</translation>
    </message>
    <message>
        <source>Correct the sale record</source>
        <translation>更正销售记录</translation>
    </message>
    <message>
        <source>The sale record never changes: the correction is a new record pointing at it, shown with the sale.</source>
        <translation>销售记录不会被修改：更正作为一条指向该销售的新记录，与销售一并显示。</translation>
    </message>
    <message>
        <source>What is wrong and what is right</source>
        <translation>哪里有误，正确内容是什么</translation>
    </message>
</context>
<context>
    <name>ClientsArea</name>
    <message>
        <source>Client list</source>
        <translation>客户列表</translation>
    </message>
</context>
<context>
    <name>CloseReviewDialog</name>
    <message>
        <source>Close the review</source>
        <translation>关闭复核</translation>
    </message>
    <message>
        <source>&lt;b&gt;{client}&lt;/b&gt; · {product}&lt;br&gt;{change} · {verdict}</source>
        <translation>&lt;b&gt;{client}&lt;/b&gt; · {product}&lt;br&gt;{change} · {verdict}</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>What the client was told and what they decided</source>
        <translation>向客户说明了什么、客户作何决定</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare two assessments</source>
        <translation>比较两次评估</translation>
    </message>
    <message>
        <source>{date} · {level}</source>
        <translation>{date} · {level}</translation>
    </message>
    <message>
        <source>{changed} of {total} answers changed; they are highlighted.</source>
        <translation>{total} 个答案中有 {changed} 个发生变化，已突出显示。</translation>
    </message>
    <message>
        <source>Show only the changed answers</source>
        <translation>只显示有变化的答案</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Start investigation…</source>
        <translation>开始调查…</translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation>记录处理决定…</translation>
    </message>
    <message>
        <source>Record answer…</source>
        <translation>记录反馈…</translation>
    </message>
    <message>
        <source>Extend deadline…</source>
        <translation>延长期限…</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;处理记录&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Complaint {id}</source>
        <translation>投诉 {id}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Complaint {id} · {who}&lt;/h3&gt;{category} · {channel} · {status}</source>
        <translation>&lt;h3&gt;投诉 {id} · {who}&lt;/h3&gt;{category} · {channel} · {status}</translation>
    </message>
    <message>
        <source>Accepted {when} by {who}; due {due} (round {round}).</source>
        <translation>{who}于{when}受理；到期日{due}（第{round}轮）。</translation>
    </message>
    <message>
        <source>Handler: {name}</source>
        <translation>处理人：{name}</translation>
    </message>
    <message>
        <source>Contact: {text}</source>
        <translation>联系方式：{text}</translation>
    </message>
    <message>
        <source>Group of {n}; representatives: {text}</source>
        <translation>共{n}人；代表：{text}</translation>
    </message>
    <message>
        <source>Sale: {text}</source>
        <translation>销售：{text}</translation>
    </message>
    <message>
        <source>Product: {text}</source>
        <translation>产品：{text}</translation>
    </message>
    <message>
        <source>Sold by: {name}</source>
        <translation>销售人员：{name}</translation>
    </message>
    <message>
        <source>Adviser complained about: {name}</source>
        <translation>被投诉客户经理：{name}</translation>
    </message>
    <message>
        <source>Amount in dispute: ¥{amount}</source>
        <translation>争议金额：¥{amount}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Touches personal data: restricted visibility.&lt;/i&gt;</source>
        <translation>&lt;i&gt;涉及个人信息：限制查看范围。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Approve further extension…</source>
        <translation>批准再次延期…</translation>
    </message>
</context>
<context>
    <name>ComplaintList</name>
    <message>
        <source>Register complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>{overdue} overdue · {soon} due soon · {open} open</source>
        <translation>{overdue}件逾期 · {soon}件即将到期 · {open}件未办结</translation>
    </message>
</context>
<context>
    <name>ComplaintReportsWidget</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the figures and the list as CSV or XLSX</source>
        <translation>将统计数据和清单保存为 CSV 或 XLSX</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n}天</translation>
    </message>
    <message>
        <source>&lt;b&gt;{scope}&lt;/b&gt;, {first} – {last}: &lt;b&gt;{total}&lt;/b&gt; complaints accepted, {open} still open ({overdue} overdue), {reopened} reopened.&lt;br&gt;Answered rounds: {answered} · median handling time &lt;b&gt;{median}&lt;/b&gt; · 90th percentile &lt;b&gt;{p90}&lt;/b&gt; · answered within the deadline &lt;b&gt;{on_time}&lt;/b&gt; · mean satisfaction &lt;b&gt;{satisfaction}&lt;/b&gt; · outcome accepted {accepted}.</source>
        <translation>&lt;b&gt;{scope}&lt;/b&gt;，{first} – {last}：受理投诉 &lt;b&gt;{total}&lt;/b&gt; 件，未办结 {open} 件（逾期 {overdue} 件），重新打开 {reopened} 件。&lt;br&gt;已反馈轮次：{answered} · 处理时长中位数 &lt;b&gt;{median}&lt;/b&gt; · 90分位 &lt;b&gt;{p90}&lt;/b&gt; · 期限内反馈 &lt;b&gt;{on_time}&lt;/b&gt; · 平均满意度 &lt;b&gt;{satisfaction}&lt;/b&gt; · 接受处理结果 {accepted}。</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>全部网点</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <source>By product</source>
        <translation>按产品</translation>
    </message>
    <message>
        <source>By adviser</source>
        <translation>按客户经理</translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Satisfaction (1 = very dissatisfied, 5 = very satisfied)</source>
        <translation>满意度（1 = 非常不满意，5 = 非常满意）</translation>
    </message>
    <message>
        <source>Export the complaint report</source>
        <translation>导出投诉报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>At the counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Regulator referral</source>
        <translation>监管转办</translation>
    </message>
    <message>
        <source>Sales misconduct / suitability</source>
        <translation>销售行为 / 适当性</translation>
    </message>
    <message>
        <source>Product performance</source>
        <translation>产品收益表现</translation>
    </message>
    <message>
        <source>Fees and charges</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Waiting time</source>
        <translation>等候时间</translation>
    </message>
    <message>
        <source>Personal data and privacy</source>
        <translation>个人信息与隐私</translation>
    </message>
    <message>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Investigation started</source>
        <translation>开始调查</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <source>Client answered</source>
        <translation>已反馈客户</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Reassigned</source>
        <translation>转交处理人</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>投诉成立</translation>
    </message>
    <message>
        <source>Partly upheld</source>
        <translation>部分成立</translation>
    </message>
    <message>
        <source>Not upheld</source>
        <translation>投诉不成立</translation>
    </message>
    <message>
        <source>Mis-selling</source>
        <translation>不当销售</translation>
    </message>
    <message>
        <source>Disclosure or explanation</source>
        <translation>信息披露或解释不足</translation>
    </message>
    <message>
        <source>Staff conduct</source>
        <translation>员工行为</translation>
    </message>
    <message>
        <source>Process or procedure</source>
        <translation>流程或制度</translation>
    </message>
    <message>
        <source>IT system</source>
        <translation>信息系统</translation>
    </message>
    <message>
        <source>Product design</source>
        <translation>产品设计</translation>
    </message>
    <message>
        <source>Pricing and fees</source>
        <translation>定价与收费</translation>
    </message>
    <message>
        <source>Client misunderstanding</source>
        <translation>客户误解</translation>
    </message>
    <message>
        <source>Third party or market</source>
        <translation>第三方或市场因素</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>E-mail or online</source>
        <translation>电子邮件或网络</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Overdue by {n} day(s)</source>
        <translation>已逾期{n}天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Due in {n} day(s)</source>
        <translation>{n}天后到期</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>&lt;b&gt;Complaint {id}&lt;/b&gt; · {who} · {category}&lt;br&gt;{deadline}</source>
        <translation>&lt;b&gt;投诉 {id}&lt;/b&gt; · {who} · {category}&lt;br&gt;{deadline}</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>{who} changed this complaint at {when} while you had it open. Nothing was saved; the complaint now shows its current state. Check it and try again.</source>
        <translation>在您打开期间，{who}于{when}修改了此投诉。您的操作未保存；现显示投诉的最新状态，请核对后重试。</translation>
    </message>
    <message>
        <source>{decision}: {reasoning}</source>
        <translation>{decision}：{reasoning}</translation>
    </message>
    <message>
        <source>Root cause: {cause} — {text}</source>
        <translation>根本原因：{cause} — {text}</translation>
    </message>
    <message>
        <source>Corrective action: {action}</source>
        <translation>整改措施：{action}</translation>
    </message>
    <message>
        <source>Told by {method} at {when}; satisfaction {score}/5; {accepted}; {timely}</source>
        <translation>{when}以{method}方式告知；满意度 {score}/5；{accepted}；{timely}</translation>
    </message>
    <message>
        <source>outcome accepted</source>
        <translation>接受处理结果</translation>
    </message>
    <message>
        <source>outcome not accepted</source>
        <translation>不接受处理结果</translation>
    </message>
    <message>
        <source>within the deadline</source>
        <translation>在期限内</translation>
    </message>
    <message>
        <source>after the deadline</source>
        <translation>超过期限</translation>
    </message>
    <message>
        <source>Response: {text}</source>
        <translation>投诉人回应：{text}</translation>
    </message>
    <message>
        <source>Now due {due}. {reason}</source>
        <translation>现到期日{due}。{reason}</translation>
    </message>
    <message>
        <source>To {handler}. {reason}</source>
        <translation>转交给{handler}。{reason}</translation>
    </message>
    <message>
        <source>Round {n}, due {due}. {reason}</source>
        <translation>第{n}轮，到期日{due}。{reason}</translation>
    </message>
    <message>
        <source>Due {due}; handler {handler}</source>
        <translation>到期日{due}；处理人{handler}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>(group)</source>
        <translation>（群体）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>&lt;h3&gt;Complaints&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;投诉&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>仅未办结</translation>
    </message>
    <message>
        <source>Only those I handle</source>
        <translation>仅我处理的</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>No open complaints.</source>
        <translation>没有未办结的投诉。</translation>
    </message>
    <message>
        <source>No complaints on file.</source>
        <translation>没有投诉记录。</translation>
    </message>
</context>
<context>
    <name>CompleteFollowUpDialog</name>
    <message>
        <source>Follow-up done</source>
        <translation>完成跟进事项</translation>
    </message>
    <message>
        <source>What was done and what came of it</source>
        <translation>做了什么，结果如何</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>DocumentPreviewDialog</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>{number} · page {page} of {pages}</source>
        <translation>{number} · 第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Print {number}</source>
        <translation>打印 {number}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be opened. Check that it is on and connected.</source>
        <translation>无法连接打印机。请检查打印机是否已开启并连接。</translation>
    </message>
    <message>
        <source>Save the document as PDF</source>
        <translation>将文件另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
</context>
<context>
    <name>DocumentTable</name>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reprint as a copy</source>
        <translation>补打副本(&amp;R)</translation>
    </message>
    <message>
        <source>A new archived copy marked 副本 / COPY, pointing at the original</source>
        <translation>新存档一份标注“副本 / COPY”的副本，并指向原件</translation>
    </message>
    <message>
        <source>No documents.</source>
        <translation>暂无文件。</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>{n} 份文件</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Product risk disclosure</source>
        <translation>产品风险揭示书</translation>
    </message>
    <message>
        <source>Special risk warning</source>
        <translation>特别风险警示书</translation>
    </message>
    <message>
        <source>Risk assessment result</source>
        <translation>风险承受能力评估结果确认书</translation>
    </message>
    <message>
        <source>Sale {id}</source>
        <translation>交易 {id}</translation>
    </message>
    <message>
        <source>Exception request {id}</source>
        <translation>例外申请 {id}</translation>
    </message>
    <message>
        <source>Assessment {id}</source>
        <translation>评估 {id}</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>Copy {n} of {original}</source>
        <translation>{original} 的第 {n} 份副本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>For</source>
        <translation>对应</translation>
    </message>
    <message>
        <source>Original or copy</source>
        <translation>原件/副本</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>生成人</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Unaltered: copy {copy} of document {original}, as archived on {when}.</source>
        <translation>未被改动：文件 {original} 的第 {copy} 份副本，与 {when} 存档的一致。</translation>
    </message>
    <message>
        <source>Unaltered: document {number}, as archived on {when}.</source>
        <translation>未被改动：文件 {number}，与 {when} 存档的一致。</translation>
    </message>
    <message>
        <source>This file is not a PDF document.</source>
        <translation>此文件不是 PDF 文档。</translation>
    </message>
    <message>
        <source>Not a document of this archive: the file carries no CRM Desk document number.</source>
        <translation>不是本档案库的文件：文件中没有 CRM Desk 文件编号。</translation>
    </message>
    <message>
        <source>Document {number} is not in this archive: the file may come from another database.</source>
        <translation>本档案库中没有文件 {number}：此文件可能来自其他数据库。</translation>
    </message>
    <message>
        <source>This archive&apos;s document {number} has a different content fingerprint: the file comes from another database, or its number was put there by hand.</source>
        <translation>本档案库中文件 {number} 的内容指纹与此文件不同：此文件来自其他数据库，或其编号系人为填写。</translation>
    </message>
    <message>
        <source>Document {number} exists and this file shows the same pages, but it is not the archived file: another program re-saved it. Use the archived original.</source>
        <translation>文件 {number} 存在，此文件页面内容相同，但并非存档的文件本身：已被其他程序另存。请以存档原件为准。</translation>
    </message>
    <message>
        <source>Document {number} exists but this file differs from the archived one: it was altered. Only the archived original counts.</source>
        <translation>文件 {number} 存在，但此文件与存档不一致：已被篡改。仅以存档原件为准。</translation>
    </message>
    <message>
        <source>File fingerprint (SHA-256): {sha}</source>
        <translation>文件指纹 (SHA-256)：{sha}</translation>
    </message>
    <message>
        <source>{kind} {number} for {subject}, client {client}</source>
        <translation>{kind} {number}，对应{subject}，客户 {client}</translation>
    </message>
    <message>
        <source>Made by {who} at {when}</source>
        <translation>由 {who} 于 {when} 生成</translation>
    </message>
    <message>
        <source>Archived file fingerprint (SHA-256): {sha}</source>
        <translation>存档文件指纹 (SHA-256)：{sha}</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Made today</source>
        <translation>今日生成</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Print today&apos;s documents…</source>
        <translation>打印今日全部文件(&amp;P)…</translation>
    </message>
    <message>
        <source>Cancel printing</source>
        <translation>取消打印</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Verify a document</source>
        <translation>文件核验</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>No documents were made today.</source>
        <translation>今天没有生成文件。</translation>
    </message>
    <message>
        <source>Documents of {day}</source>
        <translation>{day} 的文件</translation>
    </message>
    <message>
        <source>%v of %m documents</source>
        <translation>%v / %m 份文件</translation>
    </message>
    <message>
        <source>Printing {n} documents…</source>
        <translation>正在打印 {n} 份文件…</translation>
    </message>
    <message>
        <source>Printed {n} documents.</source>
        <translation>已打印 {n} 份文件。</translation>
    </message>
    <message>
        <source>Printing stopped after {n} of {total} documents.</source>
        <translation>打印已停止：已打印 {n} / {total} 份文件。</translation>
    </message>
    <message>
        <source>Printing failed: {reason}</source>
        <translation>打印失败：{reason}</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>面谈记录</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Complaint report</source>
        <translation>投诉报表</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Catalogue import</source>
        <translation>产品目录导入</translation>
    </message>
    <message>
        <source>Catalogue export</source>
        <translation>产品目录导出</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Follow-up case</source>
        <translation>回访异常</translation>
    </message>
    <message>
        <source>Suitability review</source>
        <translation>适当性复核</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Client import</source>
        <translation>客户导入</translation>
    </message>
    <message>
        <source>Client export</source>
        <translation>客户导出</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Use 3 to 64 letters a-z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>请使用 3 至 64 个小写字母 a-z、数字、“.”、“_”或“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>The user name &apos;{name}&apos; is taken; choose another.</source>
        <translation>用户名“{name}”已被使用，请另选一个。</translation>
    </message>
    <message>
        <source>This cannot be empty.</source>
        <translation>此项不能为空。</translation>
    </message>
    <message>
        <source>Use {max} characters at most.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Use 1 to 32 letters, digits or &apos;-&apos;, for example SH-001.</source>
        <translation>请使用 1 至 32 个字母、数字或“-”，例如 SH-001。</translation>
    </message>
    <message>
        <source>The branch code {code} is taken; choose another.</source>
        <translation>网点代码 {code} 已被使用，请另选一个。</translation>
    </message>
    <message>
        <source>Choose an existing branch.</source>
        <translation>请选择已有的网点。</translation>
    </message>
    <message>
        <source>Choose one of the four roles.</source>
        <translation>请从四种角色中选择一种。</translation>
    </message>
    <message>
        <source>Use at least {min} characters ({given} given).</source>
        <translation>至少需要 {min} 个字符（当前 {given} 个）。</translation>
    </message>
    <message>
        <source>Do not start or end the password with a space.</source>
        <translation>密码不能以空格开头或结尾。</translation>
    </message>
    <message>
        <source>Do not put the user name in the password.</source>
        <translation>密码中不能包含用户名。</translation>
    </message>
    <message>
        <source>Use more than three different characters.</source>
        <translation>请使用三个以上不同的字符。</translation>
    </message>
    <message>
        <source>Choose a password different from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <source>Enter the client&apos;s name as on the document.</source>
        <translation>请按证件上的姓名填写客户姓名。</translation>
    </message>
    <message>
        <source>Choose the kind of identity document.</source>
        <translation>请选择证件类型。</translation>
    </message>
    <message>
        <source>Enter the document number.</source>
        <translation>请输入证件号码。</translation>
    </message>
    <message>
        <source>A resident ID has 18 characters: 17 digits and a final digit or X.</source>
        <translation>居民身份证号码为 18 位：17 位数字加最后一位数字或 X。</translation>
    </message>
    <message>
        <source>The birth date inside the number (characters 7 to 14) is not a real date; check the number.</source>
        <translation>号码中的出生日期（第 7 至 14 位）不是有效日期，请核对号码。</translation>
    </message>
    <message>
        <source>The last character does not match the others (GB 11643 check digit); one character was probably mistyped.</source>
        <translation>最后一位与前 17 位不符（GB 11643 校验码），可能有字符输错。</translation>
    </message>
    <message>
        <source>Use 17 digits followed by a digit or X.</source>
        <translation>请输入 17 位数字，最后一位为数字或 X。</translation>
    </message>
    <message>
        <source>The first six digits are not a region code of the PRC; check the number.</source>
        <translation>前六位不是有效的行政区划代码，请核对号码。</translation>
    </message>
    <message>
        <source>A Home Return Permit number is H or M followed by 8 (or 10) digits.</source>
        <translation>港澳居民来往内地通行证号码为 H 或 M 后接 8 位（或 10 位）数字。</translation>
    </message>
    <message>
        <source>A Taiwan compatriot permit number has 8 or 10 digits.</source>
        <translation>台湾居民来往大陆通行证号码为 8 位或 10 位数字。</translation>
    </message>
    <message>
        <source>A passport number has 5 to 20 letters and digits.</source>
        <translation>护照号码由 5 至 20 位字母和数字组成。</translation>
    </message>
    <message>
        <source>Enter a mobile phone number.</source>
        <translation>请输入手机号码。</translation>
    </message>
    <message>
        <source>Use 11 digits for a mainland mobile (13812345678), or + and the country code for others (+85291234567).</source>
        <translation>内地手机号码请输入 11 位数字（如 13812345678）；其他地区请以 + 和国家或地区代码开头（如 +85291234567）。</translation>
    </message>
    <message>
        <source>A mainland mobile number has 11 digits starting with 1 (for example 13812345678).</source>
        <translation>内地手机号码为以 1 开头的 11 位数字（例如 13812345678）。</translation>
    </message>
    <message>
        <source>This is not a valid number for its country; check the country code and the digits.</source>
        <translation>该号码不是所属国家或地区的有效号码，请核对国家或地区代码和号码。</translation>
    </message>
    <message>
        <source>An e-mail address looks like name@example.com.</source>
        <translation>电子邮箱地址的格式应类似 name@example.com。</translation>
    </message>
    <message>
        <source>Enter the birth date.</source>
        <translation>请输入出生日期。</translation>
    </message>
    <message>
        <source>The birth date differs from the one in the ID number ({expected}); correct one of them.</source>
        <translation>出生日期与证件号码中的出生日期（{expected}）不一致，请更正其中之一。</translation>
    </message>
    <message>
        <source>The birth date must be in the past and within 120 years.</source>
        <translation>出生日期须早于今天，且在 120 年以内。</translation>
    </message>
    <message>
        <source>Clients must be 18 or older to invest on their own account.</source>
        <translation>客户须年满 18 周岁方可以本人名义投资。</translation>
    </message>
    <message>
        <source>The sex differs from the one the ID number encodes (17th digit); correct one of them.</source>
        <translation>性别与证件号码第 17 位所示的性别不一致，请更正其中之一。</translation>
    </message>
    <message>
        <source>Choose male or female.</source>
        <translation>请选择男或女。</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>请选择其中一项。</translation>
    </message>
    <message>
        <source>Choose from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, e.g. 1500000 or 1,500,000.00.</source>
        <translation>请输入以元为单位的金额，例如 1500000 或 1,500,000.00。</translation>
    </message>
    <message>
        <source>Use at most two decimal places (yuan and fen).</source>
        <translation>最多保留两位小数（精确到分）。</translation>
    </message>
    <message>
        <source>Enter whole years between 0 and 80.</source>
        <translation>请输入 0 至 80 之间的整数年数。</translation>
    </message>
    <message>
        <source>Product experience is ticked but the years of experience are 0; correct one.</source>
        <translation>已勾选曾投资的产品，但投资年限为 0；请更正其中之一。</translation>
    </message>
    <message>
        <source>Tick at least one objective.</source>
        <translation>请至少勾选一项投资目标。</translation>
    </message>
    <message>
        <source>Choose the adviser.</source>
        <translation>请选择客户经理。</translation>
    </message>
    <message>
        <source>Choose an active adviser.</source>
        <translation>请选择在用的客户经理。</translation>
    </message>
    <message>
        <source>Advisers create clients for themselves.</source>
        <translation>客户经理只能为自己新建客户。</translation>
    </message>
    <message>
        <source>Choose an adviser of your branch.</source>
        <translation>请选择本网点的客户经理。</translation>
    </message>
    <message>
        <source>Say why, in a few words the next adviser will understand.</source>
        <translation>请简要说明原因，让后续接手的客户经理能看懂。</translation>
    </message>
    <message>
        <source>Describe the documents seen (statements, income proof, trading records).</source>
        <translation>请说明已核验的材料（对账单、收入证明、交易记录）。</translation>
    </message>
    <message>
        <source>Give the reason for the decision.</source>
        <translation>请填写审批理由。</translation>
    </message>
    <message>
        <source>No such personal field.</source>
        <translation>没有该个人信息字段。</translation>
    </message>
    <message>
        <source>Write down what the complainant says happened and what they ask for.</source>
        <translation>请记录投诉人所述的经过及其诉求。</translation>
    </message>
    <message>
        <source>Choose the client, or enter the name of a complainant who is not a client.</source>
        <translation>请选择客户，或填写非客户投诉人的姓名。</translation>
    </message>
    <message>
        <source>Enter how to reach the complainant (phone, address or e-mail).</source>
        <translation>请填写投诉人的联系方式（电话、地址或电子邮箱）。</translation>
    </message>
    <message>
        <source>A group complaint names its representatives and how to reach them.</source>
        <translation>群体投诉须写明代表姓名及联系方式。</translation>
    </message>
    <message>
        <source>A group complaint has at least 2 complainants.</source>
        <translation>群体投诉至少有2名投诉人。</translation>
    </message>
    <message>
        <source>Choose one of the client&apos;s sales.</source>
        <translation>请选择该客户的一笔销售。</translation>
    </message>
    <message>
        <source>Explain the decision: the facts found and the rule or contract term applied.</source>
        <translation>请说明处理理由：查明的事实及适用的规定或合同条款。</translation>
    </message>
    <message>
        <source>Describe what caused it, as the investigation found.</source>
        <translation>请描述调查查明的问题成因。</translation>
    </message>
    <message>
        <source>Say what changes so it does not happen again (or why nothing needs to).</source>
        <translation>请说明为避免再次发生而采取的改进措施（或无需整改的理由）。</translation>
    </message>
    <message>
        <source>Enter when the client was told.</source>
        <translation>请填写告知客户的时间。</translation>
    </message>
    <message>
        <source>Record the answer once the client has been told.</source>
        <translation>请在告知客户之后再记录反馈。</translation>
    </message>
    <message>
        <source>The client can only be told after the decision was recorded.</source>
        <translation>只能在记录处理决定之后告知客户。</translation>
    </message>
    <message>
        <source>Write down what the client said to the answer.</source>
        <translation>请记录客户对处理结果的回应。</translation>
    </message>
    <message>
        <source>Record the client&apos;s satisfaction from 1 to 5.</source>
        <translation>请记录客户满意度（1至5）。</translation>
    </message>
    <message>
        <source>Record whether the client accepted the outcome.</source>
        <translation>请记录客户是否接受处理结果。</translation>
    </message>
    <message>
        <source>Choose who handles the complaint.</source>
        <translation>请选择投诉处理人。</translation>
    </message>
    <message>
        <source>Choose an active adviser or supervisor of the branch.</source>
        <translation>请选择本网点在职的客户经理或主管。</translation>
    </message>
    <message>
        <source>The adviser the complaint is about cannot handle it; choose someone else.</source>
        <translation>被投诉的客户经理不得处理该投诉，请另选处理人。</translation>
    </message>
    <message>
        <source>The adviser who sold the product concerned cannot handle the complaint; choose someone else.</source>
        <translation>销售涉诉产品的客户经理不得处理该投诉，请另选处理人。</translation>
    </message>
    <message>
        <source>Choose someone other than the current handler.</source>
        <translation>请选择当前处理人以外的人员。</translation>
    </message>
    <message>
        <source>The last day cannot be before the first day.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>Choose a period of ten years at most.</source>
        <translation>统计期间最长为十年。</translation>
    </message>
    <message>
        <source>Say whether the client was reached.</source>
        <translation>请选择是否联系上客户。</translation>
    </message>
    <message>
        <source>This question is not on the call&apos;s checklist.</source>
        <translation>此问题不在回访话术清单中。</translation>
    </message>
    <message>
        <source>Answer yes or no, as the client said.</source>
        <translation>请按客户的回答选择“是”或“否”。</translation>
    </message>
    <message>
        <source>Note what the client said for the questions answered no.</source>
        <translation>客户回答“否”的问题，请记录客户的说法。</translation>
    </message>
    <message>
        <source>Choose when to try again.</source>
        <translation>请选择再次回访的时间。</translation>
    </message>
    <message>
        <source>The next try must be later than now.</source>
        <translation>再次回访时间须晚于现在。</translation>
    </message>
    <message>
        <source>Try again within {max} days.</source>
        <translation>请在 {max} 天内再次回访。</translation>
    </message>
    <message>
        <source>Write in a few words what was done.</source>
        <translation>请简要写明处理情况。</translation>
    </message>
    <message>
        <source>Choose what came of the review.</source>
        <translation>请选择复核结果。</translation>
    </message>
    <message>
        <source>Enter the product code, for example WM-CASH-01.</source>
        <translation>请输入产品代码，例如 WM-CASH-01。</translation>
    </message>
    <message>
        <source>Use 1 to 32 capital letters A-Z, digits and &apos;-&apos;, starting and ending with a letter or digit, for example WM-CASH-01.</source>
        <translation>请使用 1 至 32 个大写字母 A-Z、数字和“-”，以字母或数字开头和结尾，例如 WM-CASH-01。</translation>
    </message>
    <message>
        <source>The code {code} is already in the catalogue; choose another, or edit that product.</source>
        <translation>代码 {code} 已在产品目录中；请换一个代码，或编辑该产品。</translation>
    </message>
    <message>
        <source>A product&apos;s code cannot change: sales refer to it. Close this product and create a new one under the new code.</source>
        <translation>产品代码不能修改：销售记录引用该代码。请将此产品停售，并以新代码创建新产品。</translation>
    </message>
    <message>
        <source>Enter the product&apos;s Chinese name.</source>
        <translation>请输入产品的中文名称。</translation>
    </message>
    <message>
        <source>Enter the product&apos;s English name.</source>
        <translation>请输入产品的英文名称。</translation>
    </message>
    <message>
        <source>Enter the issuer or manager of the product.</source>
        <translation>请输入产品的发行机构或管理人。</translation>
    </message>
    <message>
        <source>Choose the product&apos;s risk level, R1 (low) to R5 (high).</source>
        <translation>请选择产品风险等级，R1（低）至 R5（高）。</translation>
    </message>
    <message>
        <source>Enter a whole number between 0 and {max}, e.g. 12.</source>
        <translation>请输入 0 至 {max} 之间的整数，例如 12。</translation>
    </message>
    <message>
        <source>Enter a whole number between 0 and {max}.</source>
        <translation>请输入 0 至 {max} 之间的整数。</translation>
    </message>
    <message>
        <source>Enter the minimum amount as a number of zero or more, e.g. 50000 or 1,000,000.00.</source>
        <translation>请输入不小于零的起购金额，例如 50000 或 1,000,000.00。</translation>
    </message>
    <message>
        <source>Use a three-letter ISO 4217 currency code: {accepted}.</source>
        <translation>请使用三个字母的 ISO 4217 币种代码：{accepted}。</translation>
    </message>
    <message>
        <source>A private fund must give at least {min} hours of cooling-off.</source>
        <translation>私募基金的冷静期不得少于 {min} 小时。</translation>
    </message>
    <message>
        <source>A structured product is a complex product: tick &apos;complex product&apos;.</source>
        <translation>结构性产品属于复杂产品：请勾选“复杂产品”。</translation>
    </message>
    <message>
        <source>List at least one risk factor the disclosure must show, one per line.</source>
        <translation>请至少列出一条风险揭示书必须载明的风险因素，每行一条。</translation>
    </message>
    <message>
        <source>List {max} risk factors at most.</source>
        <translation>风险因素最多 {max} 条。</translation>
    </message>
    <message>
        <source>Keep each risk factor to {max} characters at most.</source>
        <translation>每条风险因素最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Say why in a few words, for example &apos;the issuer suspended subscriptions&apos;.</source>
        <translation>请简要说明原因，例如“发行机构暂停申购”。</translation>
    </message>
    <message>
        <source>The code {code} is also on row {rows} of this file; keep one of them.</source>
        <translation>代码 {code} 也出现在本文件第 {rows} 行；请只保留其中一行。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is neither yes nor no; write 是 or 否 (yes or no).</source>
        <translation>“{value}”不是“是”或“否”；请填写 是 或 否（yes 或 no）。</translation>
    </message>
    <message>
        <source>Enter the amount as a number above zero, e.g. 100000 or 100,000.00.</source>
        <translation>请输入大于零的金额，例如 100000 或 100,000.00。</translation>
    </message>
    <message>
        <source>Give the client the special risk warning first, then tick this.</source>
        <translation>请先向客户提示特别风险（特别风险警示书），再勾选此项。</translation>
    </message>
    <message>
        <source>The client must confirm in writing that they insist on this product.</source>
        <translation>客户须书面确认坚持购买本产品。</translation>
    </message>
    <message>
        <source>Record the client&apos;s written insistence (a quotation or the form&apos;s reference).</source>
        <translation>请记录客户的书面坚持意愿（原文摘录或确认书编号）。</translation>
    </message>
    <message>
        <source>Explain for the supervisor why this sale is justified (at least {min} characters).</source>
        <translation>请向主管说明本次销售的理由（至少 {min} 个字）。</translation>
    </message>
    <message>
        <source>Say what is wrong in the record and what is right.</source>
        <translation>请说明记录中哪里有误、正确的内容是什么。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用您自己的账户。</translation>
    </message>
    <message>
        <source>This is the last active administrator. Make another user an administrator first.</source>
        <translation>这是最后一个在用的管理员。请先将其他用户设为管理员。</translation>
    </message>
    <message>
        <source>CRM Desk is already set up on this database; sign in instead.</source>
        <translation>此数据库已完成初始化，请直接登录。</translation>
    </message>
    <message>
        <source>The complaint has moved to another stage since it was shown; refresh and check it.</source>
        <translation>投诉在显示后已进入其他阶段，请刷新后核对。</translation>
    </message>
    <message>
        <source>Only a complaint the client has been answered on can be reopened.</source>
        <translation>只有已反馈客户的投诉才能重新打开。</translation>
    </message>
    <message>
        <source>The deadline cannot be extended further: {max_days} days is the maximum.</source>
        <translation>期限不能再延长：最长为{max_days}天。</translation>
    </message>
    <message>
        <source>The complaint is already overdue: an extension must be made before the deadline passes. Answer the client as soon as possible.</source>
        <translation>投诉已逾期：延期须在期限届满前办理。请尽快答复客户。</translation>
    </message>
    <message>
        <source>You handle this complaint, so another supervisor of the branch approves its further extension (four eyes).</source>
        <translation>您是该投诉的处理人，其再次延期须由本网点另一位主管批准（双人复核）。</translation>
    </message>
    <message>
        <source>The record changed while saving. Reload it and make your change again.</source>
        <translation>保存时记录已被更改。请重新加载后再修改一次。</translation>
    </message>
    <message>
        <source>You cannot decide on your own request or on your own client&apos;s: another supervisor must (four eyes).</source>
        <translation>您不能审批自己提交的申请或自己名下客户的申请，须由另一位主管审批（双人复核）。</translation>
    </message>
    <message>
        <source>The evidence is below the policy&apos;s thresholds for a professional investor.</source>
        <translation>证明材料未达到专业投资者的认定条件。</translation>
    </message>
    <message>
        <source>An application is already waiting for a decision.</source>
        <translation>已有一份申请在等待审批。</translation>
    </message>
    <message>
        <source>This application was already decided.</source>
        <translation>该申请已审批完毕。</translation>
    </message>
    <message>
        <source>This assessment was already corrected by a later one; correct the latest instead.</source>
        <translation>该评估已被后续评估更正，请更正最新的一份。</translation>
    </message>
    <message>
        <source>Some questions are not answered yet.</source>
        <translation>还有问题未作答。</translation>
    </message>
    <message>
        <source>Some answers contradict each other: correct one or explain why both stand.</source>
        <translation>部分答案相互矛盾：请更正其中一项，或说明两者为何均成立。</translation>
    </message>
    <message>
        <source>Tick that the client has read and confirms the result.</source>
        <translation>请勾选客户已阅读并确认评估结果。</translation>
    </message>
    <message>
        <source>This adviser still serves clients. A supervisor reassigns them to other advisers first; then the role can change.</source>
        <translation>该客户经理名下仍有客户。须先由主管将这些客户移交给其他客户经理，然后才能变更角色。</translation>
    </message>
    <message>
        <source>The client is already a professional investor.</source>
        <translation>该客户已是专业投资者。</translation>
    </message>
    <message>
        <source>The product {code} is no longer on sale.</source>
        <translation>产品 {code} 已不在售。</translation>
    </message>
    <message>
        <source>An exception request for this client and product is already waiting for a supervisor; see its outcome under the client&apos;s sales.</source>
        <translation>该客户购买此产品的例外申请已在等待主管审批；审批结果见客户的“销售”页。</translation>
    </message>
    <message>
        <source>This sale fits the client&apos;s profile: record it directly.</source>
        <translation>本次销售与客户情况相匹配：请直接登记销售。</translation>
    </message>
    <message>
        <source>This exception request was already decided (perhaps by another supervisor a moment ago). Refresh the queue.</source>
        <translation>该例外申请已被审批（可能是另一位主管刚刚处理）。请刷新列表。</translation>
    </message>
    <message>
        <source>This sale was already cancelled.</source>
        <translation>该笔销售已撤销。</translation>
    </message>
    <message>
        <source>This product has no cooling-off period: the sale cannot be cancelled here.</source>
        <translation>该产品没有冷静期：无法在此撤销销售。</translation>
    </message>
    <message>
        <source>The cooling-off period ended at {when}: the sale can no longer be cancelled here.</source>
        <translation>冷静期已于 {when} 结束：无法再在此撤销销售。</translation>
    </message>
    <message>
        <source>Someone else saved a record with the same code or name a moment ago. Refresh and try again.</source>
        <translation>刚才有其他人保存了代码或名称相同的记录。请刷新后重试。</translation>
    </message>
    <message>
        <source>This follow-up call is already closed; refresh the list.</source>
        <translation>此回访已结束，请刷新列表。</translation>
    </message>
    <message>
        <source>You made this sale, so you may not make its follow-up call: a colleague of the branch makes it.</source>
        <translation>这笔销售由您办理，您不能进行回访：须由本网点其他同事回访。</translation>
    </message>
    <message>
        <source>Only an adviser or supervisor of the client&apos;s branch makes this call.</source>
        <translation>只有客户所属网点的客户经理或主管可以进行此回访。</translation>
    </message>
    <message>
        <source>The cooling-off period runs until {until}: the client may not be contacted before then. The call can be made from that time.</source>
        <translation>冷静期至 {until}：此前不得联系客户。冷静期结束后即可回访。</translation>
    </message>
    <message>
        <source>This case is already resolved; refresh the list.</source>
        <translation>此回访异常已处理，请刷新列表。</translation>
    </message>
    <message>
        <source>You made this sale, so another supervisor of the branch resolves its case.</source>
        <translation>这笔销售由您办理，须由本网点其他主管处理此异常。</translation>
    </message>
    <message>
        <source>This review is already closed; refresh the list.</source>
        <translation>此复核已关闭，请刷新列表。</translation>
    </message>
    <message>
        <source>Some fields need correcting; see the messages beside them.</source>
        <translation>部分内容需要更正，请查看各项旁边的提示。</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>The record no longer exists; refresh the list.</source>
        <translation>该记录已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: the account is locked until {until}. Wait, or ask an administrator to reset the password.</source>
        <translation>登录失败次数过多：账户已锁定至 {until}。请稍候，或请管理员重置密码。</translation>
    </message>
    <message>
        <source>This account has been disabled. Ask an administrator.</source>
        <translation>此账户已被停用，请联系管理员。</translation>
    </message>
    <message>
        <source>The database is busy (another program is writing to it). Try again in a moment.</source>
        <translation>数据库正忙（另一程序正在写入），请稍后再试。</translation>
    </message>
    <message>
        <source>The database cannot be written: the disk may be full or read-only.
{detail}</source>
        <translation>无法写入数据库：磁盘可能已满或为只读。
{detail}</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the network and the server address, then try again.
{detail}</source>
        <translation>无法连接数据库服务器。请检查网络和服务器地址后重试。
{detail}</translation>
    </message>
    <message>
        <source>The database server refused the configured user name or password.
{detail}</source>
        <translation>数据库服务器拒绝了配置的用户名或密码。
{detail}</translation>
    </message>
    <message>
        <source>The configuration needs attention:
{detail}</source>
        <translation>配置需要处理：
{detail}</translation>
    </message>
    <message>
        <source>This cannot be done: {detail}</source>
        <translation>无法执行：{detail}</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was saved.</source>
        <translation>导入已取消，未保存任何内容。</translation>
    </message>
    <message>
        <source>This file cannot be imported as it is; see the rows in the preview.</source>
        <translation>该文件无法按原样导入，请查看预览中的各行。</translation>
    </message>
    <message>
        <source>The backup {path} was not restored: {detail}</source>
        <translation>未恢复备份 {path}：{detail}</translation>
    </message>
    <message>
        <source>This workstation&apos;s data key does not match the one this database&apos;s personal data was encrypted with. An administrator exports the key on a workstation that works (Account ▸ Export the data key) and imports it here (Import the data key).</source>
        <translation>本工作站的数据密钥与加密此数据库个人信息所用的密钥不一致。请管理员在可正常使用的工作站上导出密钥（账户 ▸ 导出数据密钥），再在此处导入（导入数据密钥）。</translation>
    </message>
    <message>
        <source>This database holds encrypted personal data, and this workstation has no data key yet. Import the key exported from a workstation that works with this database.</source>
        <translation>此数据库含有加密的个人信息，而本工作站尚无数据密钥。请导入从可正常使用此数据库的工作站导出的密钥。</translation>
    </message>
    <message>
        <source>A client with this identity document already exists.</source>
        <translation>已存在使用该证件的客户。</translation>
    </message>
    <message>
        <source>{count} client(s) with the same name and birth date already exist.</source>
        <translation>已有 {count} 位客户的姓名和出生日期与此相同。</translation>
    </message>
    <message>
        <source>The sale is refused; only the attempt was recorded:
{reasons}</source>
        <translation>销售被拒绝，仅记录了本次尝试：
{reasons}</translation>
    </message>
    <message>
        <source>This sale needs a supervisor&apos;s approval. Give the special risk warning and submit an exception request:
{reasons}</source>
        <translation>本次销售需经主管审批。请向客户提示特别风险并提交例外申请：
{reasons}</translation>
    </message>
    <message>
        <source>{who} changed this record while you had it open ({fields}); nothing was overwritten. Reload it and make your change again.</source>
        <translation>在您打开此记录期间，{who} 修改了它（{fields}）；未覆盖任何内容。请重新加载后再修改一次。</translation>
    </message>
    <message>
        <source>CRM Desk</source>
        <translation>CRM Desk 客户服务台</translation>
    </message>
    <message>
        <source>CRM Desk: unexpected error</source>
        <translation>CRM Desk：意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside CRM Desk. Nothing was saved from the action that failed.
Please send the log file to your administrator:
{file}</source>
        <translation>CRM Desk 内部出现错误。失败的操作未保存任何内容。
请将日志文件发送给管理员：
{file}</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Exception request: {client}, {product}</source>
        <translation>例外申请：{client}，{product}</translation>
    </message>
    <message>
        <source>Client profile</source>
        <translation>客户概况</translation>
    </message>
    <message>
        <source>Warning, insistence and justification</source>
        <translation>风险警示、客户坚持意愿与理由</translation>
    </message>
    <message>
        <source>Your reason: it is recorded with the decision and shown to the adviser</source>
        <translation>审批理由：将随审批结果记录并告知客户经理</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{client} · {product} · {amount}&lt;/h3&gt;&lt;p&gt;{status} · submitted {submitted} by {adviser} · decision due {due} · {age}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{client} · {product} · {amount}&lt;/h3&gt;&lt;p&gt;{status} · {adviser} 于 {submitted} 提交 · 应于 {due} 前审批 · {age}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Today, on the current facts:</source>
        <translation>今天，按当前情况：</translation>
    </message>
    <message>
        <source>Verdict today</source>
        <translation>今天的结论</translation>
    </message>
    <message>
        <source>At the decision, on the facts of that day:</source>
        <translation>审批时，按当日情况：</translation>
    </message>
    <message>
        <source>Verdict at the decision</source>
        <translation>审批时的结论</translation>
    </message>
    <message>
        <source>When submitted:</source>
        <translation>提交时：</translation>
    </message>
    <message>
        <source>Verdict at submission</source>
        <translation>提交时的结论</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Special risk warning given:&lt;/b&gt; {warned}&lt;/p&gt;&lt;p&gt;&lt;b&gt;The client insists in writing:&lt;/b&gt;&lt;br&gt;{insistence}&lt;/p&gt;&lt;p&gt;&lt;b&gt;The adviser&apos;s justification:&lt;/b&gt;&lt;br&gt;{justification}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;已提示特别风险：&lt;/b&gt;{warned}&lt;/p&gt;&lt;p&gt;&lt;b&gt;客户书面坚持购买：&lt;/b&gt;&lt;br&gt;{insistence}&lt;/p&gt;&lt;p&gt;&lt;b&gt;客户经理的理由：&lt;/b&gt;&lt;br&gt;{justification}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Decision&lt;/b&gt; by {who}, {when}:&lt;br&gt;{comment}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;审批&lt;/b&gt;：{who}，{when}：&lt;br&gt;{comment}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The product is no longer on sale: it can only be rejected.</source>
        <translation>该产品已不在售：只能驳回。</translation>
    </message>
    <message>
        <source>The facts changed: the sale is no longer allowed. Approving will record that the request lapsed: {why}</source>
        <translation>情况已变化：该销售已不被允许。批准将记录该申请已失效：{why}</translation>
    </message>
    <message>
        <source>Approving records the sale with today&apos;s verdict and your name.</source>
        <translation>批准后，将按今天的结论并以您的名义登记这笔销售。</translation>
    </message>
    <message>
        <source>Compliance reads exception requests; supervisors decide them.</source>
        <translation>合规人员可查阅例外申请；由主管审批。</translation>
    </message>
    <message>
        <source>Waiting for a supervisor of the branch.</source>
        <translation>等待本网点主管审批。</translation>
    </message>
    <message>
        <source>This is your own sale: another supervisor decides it (four eyes).</source>
        <translation>这是您本人的销售：须由另一位主管审批（双人复核）。</translation>
    </message>
    <message>
        <source>This is your own client: another supervisor decides it (four eyes).</source>
        <translation>这是您本人的客户：须由另一位主管审批（双人复核）。</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Investor type</source>
        <translation>投资者类型</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Investment horizon</source>
        <translation>投资期限</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>投资目标</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>投资经验</translation>
    </message>
    <message>
        <source>Financial assets</source>
        <translation>金融资产</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Extra care</source>
        <translation>特别关注</translation>
    </message>
    <message>
        <source>65 or over</source>
        <translation>65 岁及以上</translation>
    </message>
    <message>
        <source>&lt;b&gt;Today&lt;/b&gt;</source>
        <translation>&lt;b&gt;今天&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;At submission&lt;/b&gt;</source>
        <translation>&lt;b&gt;提交时&lt;/b&gt;</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>{level}, valid until {until}</source>
        <translation>{level}，有效期至 {until}</translation>
    </message>
    <message>
        <source> (lowest category)</source>
        <translation>（最低风险承受能力类别）</translation>
    </message>
    <message>
        <source> — expired</source>
        <translation> — 已过期</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{years} years; {kinds}</source>
        <translation>{years} 年；{kinds}</translation>
    </message>
    <message>
        <source>Approved: the sale was recorded.</source>
        <translation>已批准：销售已登记。</translation>
    </message>
    <message>
        <source>The request lapsed: the sale is no longer allowed. {why}</source>
        <translation>申请已失效：该销售已不被允许。{why}</translation>
    </message>
    <message>
        <source>Rejected: the adviser sees your comment.</source>
        <translation>已驳回：客户经理将看到您的审批意见。</translation>
    </message>
</context>
<context>
    <name>ExceptionQueue</name>
    <message>
        <source>Pending only</source>
        <translation>仅显示待审批</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open to decide…</source>
        <translation>打开审批…</translation>
    </message>
    <message>
        <source>Open the client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>&lt;b&gt;My exception requests&lt;/b&gt; and their outcomes</source>
        <translation>&lt;b&gt;我的例外申请&lt;/b&gt;及审批结果</translation>
    </message>
    <message>
        <source>&lt;b&gt;Suitability exceptions&lt;/b&gt;: pending first, oldest deadline on top</source>
        <translation>&lt;b&gt;适当性例外申请&lt;/b&gt;：待审批在前，最早到期的在最上</translation>
    </message>
    <message>
        <source>No exception requests.</source>
        <translation>没有例外申请。</translation>
    </message>
    <message>
        <source>{pending} pending, {overdue} overdue; {decided} decided shown.</source>
        <translation>{pending} 条待审批，{overdue} 条已超时；显示 {decided} 条已审批。</translation>
    </message>
</context>
<context>
    <name>ExplainDialog</name>
    <message>
        <source>Explain the contradiction</source>
        <translation>说明矛盾</translation>
    </message>
    <message>
        <source>Why do both answers stand? Record what the client said, in a few words (Ctrl+Enter saves).</source>
        <translation>两个答案为何同时成立？请简要记录客户的说法（Ctrl+Enter 保存）。</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Approve a further extension</source>
        <translation>批准再次延期</translation>
    </message>
    <message>
        <source>As supervisor you approve a further extension to {days} days in all: the decision will be due on {due} instead of {old}.</source>
        <translation>作为主管，您批准再次延期至共{days}天：处理决定的到期日由{old}改为{due}。</translation>
    </message>
    <message>
        <source>Extend the deadline (complex case)</source>
        <translation>延长期限（复杂案件）</translation>
    </message>
    <message>
        <source>A complex case may take {days} days in all: the decision will be due on {due} instead of {old}. Tell the complainant about the extension.</source>
        <translation>复杂案件最长可用{days}天：处理决定的到期日由{old}改为{due}。请将延期情况告知投诉人。</translation>
    </message>
    <message>
        <source>Why the case needs more time</source>
        <translation>案件需要更多时间的原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>延期</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>failed sign-ins</source>
        <translation>连续登录失败</translation>
    </message>
    <message>
        <source>locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>restored from</source>
        <translation>恢复自</translation>
    </message>
    <message>
        <source>previous database kept as</source>
        <translation>原数据库另存为</translation>
    </message>
    <message>
        <source>events in the backup</source>
        <translation>备份中的事件数</translation>
    </message>
    <message>
        <source>field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>products invested in</source>
        <translation>曾投资产品</translation>
    </message>
    <message>
        <source>years of investing</source>
        <translation>投资年限</translation>
    </message>
    <message>
        <source>financial assets</source>
        <translation>金融资产</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>investment horizon</source>
        <translation>投资期限</translation>
    </message>
    <message>
        <source>identity number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>identity document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>annual income</source>
        <translation>年收入</translation>
    </message>
    <message>
        <source>liquidity needs</source>
        <translation>流动性需求</translation>
    </message>
    <message>
        <source>objectives</source>
        <translation>投资目标</translation>
    </message>
    <message>
        <source>occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>preferred language</source>
        <translation>首选语言</translation>
    </message>
    <message>
        <source>namesake confirmed</source>
        <translation>已确认同名同生日</translation>
    </message>
    <message>
        <source>imported from</source>
        <translation>导入来源</translation>
    </message>
    <message>
        <source>application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>average income</source>
        <translation>平均收入</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>文件编号</translation>
    </message>
    <message>
        <source>copy of</source>
        <translation>副本原件</translation>
    </message>
    <message>
        <source>content fingerprint</source>
        <translation>内容指纹</translation>
    </message>
    <message>
        <source>file fingerprint</source>
        <translation>文件指纹</translation>
    </message>
    <message>
        <source>questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>lowest category</source>
        <translation>最低类别</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>supersedes</source>
        <translation>取代</translation>
    </message>
    <message>
        <source>contradictions explained</source>
        <translation>已说明的矛盾</translation>
    </message>
    <message>
        <source>adviser</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>investor type</source>
        <translation>投资者类型</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>面谈方式</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>touches personal data</source>
        <translation>涉及个人信息</translation>
    </message>
    <message>
        <source>complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>complainant&apos;s contact</source>
        <translation>投诉人联系方式</translation>
    </message>
    <message>
        <source>group complaint</source>
        <translation>群体投诉</translation>
    </message>
    <message>
        <source>number of complainants</source>
        <translation>投诉人数</translation>
    </message>
    <message>
        <source>representatives</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>amount in dispute</source>
        <translation>争议金额</translation>
    </message>
    <message>
        <source>adviser complained about</source>
        <translation>被投诉客户经理</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>root cause found</source>
        <translation>查明的原因</translation>
    </message>
    <message>
        <source>corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>told by</source>
        <translation>告知方式</translation>
    </message>
    <message>
        <source>told at</source>
        <translation>告知时间</translation>
    </message>
    <message>
        <source>client&apos;s response</source>
        <translation>客户回应</translation>
    </message>
    <message>
        <source>satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>outcome accepted</source>
        <translation>接受处理结果</translation>
    </message>
    <message>
        <source>within the deadline</source>
        <translation>在期限内</translation>
    </message>
    <message>
        <source>extensions</source>
        <translation>延期次数</translation>
    </message>
    <message>
        <source>round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>product type</source>
        <translation>产品类型</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>发行机构</translation>
    </message>
    <message>
        <source>product risk level</source>
        <translation>产品风险等级</translation>
    </message>
    <message>
        <source>complex product</source>
        <translation>复杂产品</translation>
    </message>
    <message>
        <source>term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <source>redemption</source>
        <translation>赎回方式</translation>
    </message>
    <message>
        <source>redemption terms</source>
        <translation>赎回条款</translation>
    </message>
    <message>
        <source>minimum amount</source>
        <translation>起购金额</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>cooling-off (hours)</source>
        <translation>冷静期（小时）</translation>
    </message>
    <message>
        <source>risk factors (Chinese)</source>
        <translation>风险因素（中文）</translation>
    </message>
    <message>
        <source>risk factors (English)</source>
        <translation>风险因素（英文）</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>suitability verdict</source>
        <translation>适当性结论</translation>
    </message>
    <message>
        <source>policy version</source>
        <translation>政策版本</translation>
    </message>
    <message>
        <source>deciding rules</source>
        <translation>决定性规则</translation>
    </message>
    <message>
        <source>cooling-off ends</source>
        <translation>冷静期结束</translation>
    </message>
    <message>
        <source>exception request</source>
        <translation>例外申请</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>may be called from</source>
        <translation>可回访时间</translation>
    </message>
    <message>
        <source>due by</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>attempt</source>
        <translation>回访次数</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>script version</source>
        <translation>话术版本</translation>
    </message>
    <message>
        <source>next try</source>
        <translation>再次回访时间</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>撤销记录</translation>
    </message>
    <message>
        <source>follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>answered no</source>
        <translation>回答“否”的问题</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>cause</source>
        <translation>起因</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>holdings checked</source>
        <translation>检查的持仓数</translation>
    </message>
    <message>
        <source>reviews opened</source>
        <translation>生成的复核数</translation>
    </message>
    <message>
        <source>review numbers</source>
        <translation>复核编号</translation>
    </message>
    <message>
        <source>older reviews replaced</source>
        <translation>被替代的旧复核数</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>name initials</source>
        <translation>姓名拼音首字母</translation>
    </message>
    <message>
        <source>name for sorting</source>
        <translation>排序用姓名</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>面谈记录</translation>
    </message>
    <message>
        <source>corrects interview</source>
        <translation>更正的面谈记录</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>key check value</source>
        <translation>密钥校验值</translation>
    </message>
    <message>
        <source>exported to</source>
        <translation>导出至</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入方式</translation>
    </message>
    <message>
        <source>clients imported</source>
        <translation>导入客户数</translation>
    </message>
    <message>
        <source>rows left out</source>
        <translation>未导入行数</translation>
    </message>
    <message>
        <source>rows with errors</source>
        <translation>错误行数</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>重复行数</translation>
    </message>
    <message>
        <source>products added</source>
        <translation>新增产品数</translation>
    </message>
    <message>
        <source>products changed</source>
        <translation>修改产品数</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>re-rated</source>
        <translation>调整风险等级</translation>
    </message>
    <message>
        <source>personal data in full</source>
        <translation>完整个人信息</translation>
    </message>
    <message>
        <source>search</source>
        <translation>搜索条件</translation>
    </message>
    <message>
        <source>vulnerable clients only</source>
        <translation>仅有特殊情况的客户</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>unknown user name</source>
        <translation>用户名不存在</translation>
    </message>
    <message>
        <source>account locked</source>
        <translation>账户已锁定</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>账户已停用</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up CRM Desk</source>
        <translation>初始化 CRM Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome to CRM Desk&lt;/h3&gt;&lt;p&gt;This database has no users yet. Name your branch and create the administrator account; the administrator then creates the advisers, supervisors and compliance officers.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;欢迎使用 CRM Desk&lt;/h3&gt;&lt;p&gt;此数据库尚无用户。请填写网点名称并创建管理员账户；之后由管理员创建客户经理、主管和合规人员账户。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>e.g. SH-001</source>
        <translation>例如 SH-001</translation>
    </message>
    <message>
        <source>e.g. Shanghai Lujiazui Branch</source>
        <translation>例如 上海陆家嘴支行</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>网点代码</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <source>Administrator full name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
</context>
<context>
    <name>FlagRow</name>
    <message>
        <source>Answers that contradict each other: {answers}</source>
        <translation>相互矛盾的答案：{answers}</translation>
    </message>
    <message>
        <source>Explained: {text}</source>
        <translation>已说明：{text}</translation>
    </message>
    <message>
        <source>Not resolved: correct an answer, or explain why both stand.</source>
        <translation>未处理：请更正答案，或说明两个答案为何同时成立。</translation>
    </message>
    <message>
        <source>Change the answer</source>
        <translation>更改答案</translation>
    </message>
    <message>
        <source>Go back to the questions concerned; Next returns here.</source>
        <translation>回到相关题目；按“下一题”返回此处。</translation>
    </message>
    <message>
        <source>Change the explanation…</source>
        <translation>修改说明…</translation>
    </message>
    <message>
        <source>Explain…</source>
        <translation>说明…</translation>
    </message>
</context>
<context>
    <name>FollowUpEditor</name>
    <message>
        <source>Action, e.g. Send the fund prospectus</source>
        <translation>事项，例如：寄送基金招募说明书</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Set on</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>&lt;b&gt;{action}&lt;/b&gt;&lt;br&gt;{client} · due {due} · {owner}</source>
        <translation>&lt;b&gt;{action}&lt;/b&gt;&lt;br&gt;{client} · {due} 到期 · {owner}</translation>
    </message>
    <message>
        <source>{who} changed this follow-up at {when} while you had it open. Nothing was saved; the list now shows the current state. Check it and try again.</source>
        <translation>在您打开期间，{who} 于 {when} 修改了此跟进事项。未保存任何内容；列表现已显示最新状态，请核对后重试。</translation>
    </message>
    <message>
        <source>Show every open follow-up of the branch</source>
        <translation>显示本网点所有未完成的跟进事项</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Mark the selected follow-up as done, with the outcome</source>
        <translation>将所选跟进事项标记为完成，并填写结果</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <source>Move the selected follow-up to a later day</source>
        <translation>将所选跟进事项推迟到以后的日期</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Open follow-ups of the branch&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;本网点未完成的跟进事项&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>The branch has no open follow-ups.</source>
        <translation>本网点没有未完成的跟进事项。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;My follow-ups&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;我的跟进事项&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Nothing is due. Follow-up actions you are given in interviews appear here.</source>
        <translation>暂无待办。面谈中分配给您的跟进事项会显示在这里。</translation>
    </message>
    <message>
        <source>{overdue} overdue · {today} due today · {upcoming} upcoming</source>
        <translation>已逾期 {overdue} 项 · 今日到期 {today} 项 · 未到期 {upcoming} 项</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>&lt;b&gt;Your recent activity&lt;/b&gt;</source>
        <translation>&lt;b&gt;您最近的操作&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome, {name}&lt;/h2&gt;&lt;p&gt;{role} · {branch}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;欢迎，{name}&lt;/h2&gt;&lt;p&gt;{role} · {branch}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#8c1d18&apos;&gt;&lt;b&gt;Complaints: {overdue} overdue, {soon} due within {days} days&lt;/b&gt; — see the Complaints page.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#8c1d18&apos;&gt;&lt;b&gt;投诉：{overdue}件逾期，{soon}件将在{days}天内到期&lt;/b&gt; — 请查看“投诉”页面。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>电子表格 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>This file cannot be imported: {0}</source>
        <translation>无法导入此文件：{0}</translation>
    </message>
    <message>
        <source>Columns left out: {0}.</source>
        <translation>已忽略的列：{0}。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何内容。</translation>
    </message>
    <message>
        <source>This file cannot be imported as it is.</source>
        <translation>此文件无法按原样导入。</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Correct an interview</source>
        <translation>更正面谈记录</translation>
    </message>
    <message>
        <source>Record an interview</source>
        <translation>登记面谈记录</translation>
    </message>
    <message>
        <source>Client: {name}</source>
        <translation>客户：{name}</translation>
    </message>
    <message>
        <source>The original stays on file unchanged; this corrected record takes its place in the client&apos;s timeline.</source>
        <translation>原记录保持不变并存档；更正后的记录将在客户时间线中取代原记录。</translation>
    </message>
    <message>
        <source>Who took part besides you and the client</source>
        <translation>除您和客户以外的其他参与人</translation>
    </message>
    <message>
        <source>e.g. Annual review, product enquiry</source>
        <translation>例如：年度回顾、产品咨询</translation>
    </message>
    <message>
        <source>What the client says they need</source>
        <translation>客户自述的需求</translation>
    </message>
    <message>
        <source>What worries the client</source>
        <translation>客户担心的问题</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>面谈方式</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>面谈目的</translation>
    </message>
    <message>
        <source>Stated needs</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>客户顾虑</translation>
    </message>
    <message>
        <source>Products discussed</source>
        <translation>讨论的产品</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Save the interview (Ctrl+Enter)</source>
        <translation>保存面谈记录（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Follow-up {number}: {message}</source>
        <translation>跟进事项 {number}：{message}</translation>
    </message>
    <message>
        <source>Discard this interview? Nothing has been saved.</source>
        <translation>放弃这条面谈记录吗？尚未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>Interviews</name>
    <message>
        <source>In branch</source>
        <translation>网点面谈</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>视频通话</translation>
    </message>
    <message>
        <source>Visit (home or office)</source>
        <translation>上门拜访（住所或单位）</translation>
    </message>
    <message>
        <source>Record an interview once it has taken place: the time is in the future.</source>
        <translation>面谈结束后才能登记：所填时间晚于当前时间。</translation>
    </message>
    <message>
        <source>Choose how the interview was held.</source>
        <translation>请选择面谈方式。</translation>
    </message>
    <message>
        <source>Say what the interview was about, e.g. &apos;Annual review&apos;.</source>
        <translation>请填写面谈目的，例如“年度回顾”。</translation>
    </message>
    <message>
        <source>Say what is to be done, e.g. &apos;Send the fund prospectus&apos;.</source>
        <translation>请填写要做的事项，例如“寄送基金招募说明书”。</translation>
    </message>
    <message>
        <source>Choose the date it is due.</source>
        <translation>请选择到期日。</translation>
    </message>
    <message>
        <source>The due date cannot be before the interview ({day}).</source>
        <translation>到期日不能早于面谈日期（{day}）。</translation>
    </message>
    <message>
        <source>Choose a day after today ({day}).</source>
        <translation>请选择今天（{day}）之后的日期。</translation>
    </message>
    <message>
        <source>Choose an active adviser or supervisor of the client&apos;s branch.</source>
        <translation>请选择该客户所属网点中在用的客户经理或主管。</translation>
    </message>
    <message>
        <source>Say what was done and what came of it.</source>
        <translation>请填写做了什么以及结果如何。</translation>
    </message>
    <message>
        <source>Say why it waits, e.g. &apos;Client travelling until the 20th&apos;.</source>
        <translation>请填写延期原因，例如“客户出差至 20 日”。</translation>
    </message>
</context>
<context>
    <name>InvestigateDialog</name>
    <message>
        <source>Start the investigation</source>
        <translation>开始调查</translation>
    </message>
    <message>
        <source>What will be looked at (optional)</source>
        <translation>拟调查的内容（可选）</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>调查计划</translation>
    </message>
    <message>
        <source>Start investigating</source>
        <translation>开始调查</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Home Return Permit (HK/Macao)</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <source>Taiwan Compatriot Permit</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>under ¥100,000</source>
        <translation>¥10万以下</translation>
    </message>
    <message>
        <source>¥100,000 – 300,000</source>
        <translation>¥10万–30万</translation>
    </message>
    <message>
        <source>¥300,000 – 500,000</source>
        <translation>¥30万–50万</translation>
    </message>
    <message>
        <source>¥500,000 – 1,000,000</source>
        <translation>¥50万–100万</translation>
    </message>
    <message>
        <source>over ¥1,000,000</source>
        <translation>¥100万以上</translation>
    </message>
    <message>
        <source>Preserve capital</source>
        <translation>资本保值</translation>
    </message>
    <message>
        <source>Steady income</source>
        <translation>稳定收益</translation>
    </message>
    <message>
        <source>Balanced growth</source>
        <translation>平衡增长</translation>
    </message>
    <message>
        <source>Aggressive growth</source>
        <translation>积极增长</translation>
    </message>
    <message>
        <source>under 1 year</source>
        <translation>1 年以下</translation>
    </message>
    <message>
        <source>1 to 3 years</source>
        <translation>1–3 年</translation>
    </message>
    <message>
        <source>3 to 5 years</source>
        <translation>3–5 年</translation>
    </message>
    <message>
        <source>over 5 years</source>
        <translation>5 年以上</translation>
    </message>
    <message>
        <source>High: may need the money at short notice</source>
        <translation>高：可能随时需要动用资金</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low: the money can stay invested</source>
        <translation>低：资金可长期保持投资</translation>
    </message>
    <message>
        <source>Ordinary investor</source>
        <translation>普通投资者</translation>
    </message>
    <message>
        <source>Professional investor</source>
        <translation>专业投资者</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>存款</translation>
    </message>
    <message>
        <source>Bonds</source>
        <translation>债券</translation>
    </message>
    <message>
        <source>Public funds</source>
        <translation>公募基金</translation>
    </message>
    <message>
        <source>Stocks</source>
        <translation>股票</translation>
    </message>
    <message>
        <source>Private funds</source>
        <translation>私募基金</translation>
    </message>
    <message>
        <source>Structured products</source>
        <translation>结构性产品</translation>
    </message>
    <message>
        <source>Futures and options</source>
        <translation>期货期权</translation>
    </message>
    <message>
        <source>Investment insurance</source>
        <translation>投资型保险</translation>
    </message>
    <message>
        <source>Forex and gold</source>
        <translation>外汇黄金</translation>
    </message>
    <message>
        <source>Hearing or sight impaired</source>
        <translation>听力或视力障碍</translation>
    </message>
    <message>
        <source>Limited reading ability</source>
        <translation>阅读能力有限</translation>
    </message>
    <message>
        <source>Serious illness</source>
        <translation>患有重大疾病</translation>
    </message>
    <message>
        <source>Reduced capacity to decide</source>
        <translation>决策能力下降</translation>
    </message>
    <message>
        <source>Recently bereaved</source>
        <translation>近期丧亲</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>存款</translation>
    </message>
    <message>
        <source>Wealth management</source>
        <translation>理财产品</translation>
    </message>
    <message>
        <source>Public fund</source>
        <translation>公募基金</translation>
    </message>
    <message>
        <source>Private fund</source>
        <translation>私募基金</translation>
    </message>
    <message>
        <source>Bond</source>
        <translation>债券</translation>
    </message>
    <message>
        <source>Structured product</source>
        <translation>结构性产品</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <source>Other product</source>
        <translation>其他产品</translation>
    </message>
    <message>
        <source>R1 low</source>
        <translation>R1 低风险</translation>
    </message>
    <message>
        <source>R2 medium-low</source>
        <translation>R2 中低风险</translation>
    </message>
    <message>
        <source>R3 medium</source>
        <translation>R3 中风险</translation>
    </message>
    <message>
        <source>R4 medium-high</source>
        <translation>R4 中高风险</translation>
    </message>
    <message>
        <source>R5 high</source>
        <translation>R5 高风险</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停销售</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已停售</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日开放</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周开放</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月开放</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>每季度开放</translation>
    </message>
    <message>
        <source>At maturity only</source>
        <translation>仅到期赎回</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Locked&lt;/h2&gt;&lt;p&gt;The window was locked after a period without use.&lt;br&gt;{user}, enter your password to continue where you left off.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;已锁定&lt;/h2&gt;&lt;p&gt;窗口因一段时间无操作而锁定。&lt;br&gt;{user}，请输入密码，从中断处继续。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>CRM Desk: sign in</source>
        <translation>CRM Desk：登录</translation>
    </message>
    <message>
        <source>&lt;h2&gt;CRM Desk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;CRM Desk 客户服务台&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Import the data key…</source>
        <translation>导入数据密钥…</translation>
    </message>
    <message>
        <source>Import the data key</source>
        <translation>导入数据密钥</translation>
    </message>
    <message>
        <source>CRM Desk key (*.key);;All files (*)</source>
        <translation>CRM Desk 密钥 (*.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CRM Desk</source>
        <translation>CRM Desk 客户服务台</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>My follow-ups</source>
        <translation>我的跟进事项</translation>
    </message>
    <message>
        <source>Follow-up calls</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Suitability reviews</source>
        <translation>适当性复核</translation>
    </message>
    <message>
        <source>My exception requests</source>
        <translation>我的例外申请</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Users and branches</source>
        <translation>用户与网点</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计轨迹</translation>
    </message>
    <message>
        <source>Ctrl+{n}</source>
        <translation>Ctrl+{n}</translation>
    </message>
    <message>
        <source>Complaints ({n} overdue)</source>
        <translation>投诉（{n}件逾期）</translation>
    </message>
    <message>
        <source>Complaints ({n} due soon)</source>
        <translation>投诉（{n}件即将到期）</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Export the data key…</source>
        <translation>导出数据密钥…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About CRM Desk</source>
        <translation>关于 CRM Desk</translation>
    </message>
    <message>
        <source>User: {0}</source>
        <translation>用户：{0}</translation>
    </message>
    <message>
        <source>Role: {0}</source>
        <translation>角色：{0}</translation>
    </message>
    <message>
        <source>Branch: {0}</source>
        <translation>网点：{0}</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CRM Desk {version}&lt;/h3&gt;&lt;p&gt;Clients, suitability and disclosures for bank and brokerage branches.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CRM Desk {version}&lt;/h3&gt;&lt;p&gt;面向银行与证券网点的客户管理、适当性匹配与风险揭示。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Export the data key</source>
        <translation>导出数据密钥</translation>
    </message>
    <message>
        <source>CRM Desk key (*.key)</source>
        <translation>CRM Desk 密钥 (*.key)</translation>
    </message>
    <message>
        <source>The data key was written to {path}.

Whoever holds this file can read the clients&apos; personal data in any copy of the database: keep it offline, in a safe place. Import it on each workstation that shares this database.</source>
        <translation>数据密钥已保存到 {path}。

持有此文件的人可以读取任何数据库副本中的客户个人信息：请离线存放在安全的地方。在共用此数据库的每台工作站上导入此密钥。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>编辑产品</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新产品</translation>
    </message>
    <message>
        <source>e.g. WM-CASH-01</source>
        <translation>例如 WM-CASH-01</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Issuer or manager</source>
        <translation>发行机构或管理人</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Complex product (structured, with derivatives…)</source>
        <translation>复杂产品（结构性、含衍生品等）</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>复杂性</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>open-ended (0 months)</source>
        <translation>不定期（0个月）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>赎回方式</translation>
    </message>
    <message>
        <source>e.g. open on the first business day of each month</source>
        <translation>例如：每月第一个工作日开放</translation>
    </message>
    <message>
        <source>Redemption terms</source>
        <translation>赎回条款</translation>
    </message>
    <message>
        <source>e.g. 50,000</source>
        <translation>例如 50,000</translation>
    </message>
    <message>
        <source>Minimum amount</source>
        <translation>起购金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Cooling-off</source>
        <translation>冷静期</translation>
    </message>
    <message>
        <source>One risk factor per line, in Chinese</source>
        <translation>每行一条风险因素（中文）</translation>
    </message>
    <message>
        <source>Risk factors (Chinese)</source>
        <translation>风险因素（中文）</translation>
    </message>
    <message>
        <source>One risk factor per line, in English</source>
        <translation>每行一条风险因素（英文）</translation>
    </message>
    <message>
        <source>Risk factors (English)</source>
        <translation>风险因素（英文）</translation>
    </message>
    <message>
        <source>The risk level, term, complexity and minimum amount decide which clients may buy the product; the risk factors are printed on every disclosure.</source>
        <translation>风险等级、期限、复杂性和起购金额决定哪些客户可以购买该产品；风险因素将打印在每份风险揭示书上。</translation>
    </message>
    <message>
        <source>Sales refer to the code: it cannot change.</source>
        <translation>销售记录引用产品代码，代码不能修改。</translation>
    </message>
    <message>
        <source>{status}. Last changed {when} by {who}.</source>
        <translation>{status}。最后由 {who} 于 {when} 修改。</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>{who} saved this product at {when}, after you opened it, changing: {fields}.

Nothing was overwritten. Reload to see their version (your changes are discarded), or keep editing and copy your changes over after reloading.</source>
        <translation>在您打开此产品后，{who} 于 {when} 保存了修改：{fields}。

未覆盖任何内容。重新载入可查看对方的版本（您的修改将被放弃），或继续编辑，在重新载入后再录入您的修改。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>open-ended</source>
        <translation>不定期</translation>
    </message>
    <message>
        <source>{0} months</source>
        <translation>{0}个月</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0}小时</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>发行机构</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>复杂产品</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>起购金额</translation>
    </message>
    <message>
        <source>Cooling-off</source>
        <translation>冷静期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Search by code, name or issuer</source>
        <translation>按代码、名称或发行机构搜索</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>新建产品…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>更改状态…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>No product matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的产品。</translation>
    </message>
    <message>
        <source>The catalogue is empty. Add products one by one with New product…, or import a spreadsheet of them with Import….</source>
        <translation>产品目录为空。可用“新建产品…”逐个添加，或用“导入…”导入产品表格。</translation>
    </message>
    <message>
        <source>The catalogue is empty. An administrator adds the products the branch sells; they appear here.</source>
        <translation>产品目录为空。管理员添加本网点销售的产品后，将在此显示。</translation>
    </message>
    <message>
        <source>{0} products</source>
        <translation>{0} 个产品</translation>
    </message>
    <message>
        <source>Export the catalogue</source>
        <translation>导出产品目录</translation>
    </message>
    <message>
        <source>product-catalogue.xlsx</source>
        <translation>产品目录.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>{rows} products written to {path}.</source>
        <translation>已将 {rows} 个产品写入 {path}。</translation>
    </message>
    <message>
        <source>The file cannot be written: {0}</source>
        <translation>无法写入文件：{0}</translation>
    </message>
    <message>
        <source>complex</source>
        <translation>复杂</translation>
    </message>
</context>
<context>
    <name>ProfessionalDialog</name>
    <message>
        <source>Apply for professional investor status</source>
        <translation>申请认定为专业投资者</translation>
    </message>
    <message>
        <source>Documents seen: bank and securities statements, income certificate, trading records</source>
        <translation>已核验的材料：银行及证券账户对账单、收入证明、交易记录</translation>
    </message>
    <message>
        <source>Financial assets (yuan)</source>
        <translation>金融资产（元）</translation>
    </message>
    <message>
        <source>Average annual income, last 3 years</source>
        <translation>最近 3 年个人年均收入</translation>
    </message>
    <message>
        <source>Years of investing</source>
        <translation>投资年限</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>The client&apos;s written application must be on file. A supervisor decides; until then the client stays an ordinary investor.</source>
        <translation>须留存客户的书面申请。由主管审批；审批通过前，客户仍为普通投资者。</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Choose every answer that applies (press its number to tick or untick).</source>
        <translation>选择所有适用的答案（按对应数字勾选或取消）。</translation>
    </message>
    <message>
        <source>Choose one answer (press its number).</source>
        <translation>选择一个答案（按对应数字）。</translation>
    </message>
    <message>
        <source>Chosen on its own: ticking it clears the other answers.</source>
        <translation>只能单独选择：勾选后会清除其他答案。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign the complaint</source>
        <translation>转交投诉</translation>
    </message>
    <message>
        <source>Neither the adviser complained about nor the one who sold the product may handle it; they are not offered.</source>
        <translation>被投诉的客户经理和销售该产品的客户经理均不得处理此投诉，因此未列出。</translation>
    </message>
    <message>
        <source>New handler</source>
        <translation>新处理人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>转交</translation>
    </message>
</context>
<context>
    <name>RegisterComplaintDialog</name>
    <message>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Client: {name}</source>
        <translation>客户：{name}</translation>
    </message>
    <message>
        <source>A complainant who is not a client (or whose client record is not yours): enter their name and how to reach them.</source>
        <translation>投诉人不是客户（或其客户档案不归您管理）：请填写其姓名和联系方式。</translation>
    </message>
    <message>
        <source>Registering accepts the complaint: its clock starts today. The decision, told to the complainant, is due in {days} days.</source>
        <translation>登记即受理，今日起计时。须在{days}天内作出处理决定并告知投诉人。</translation>
    </message>
    <message>
        <source>What happened, in the complainant&apos;s words, and what they ask</source>
        <translation>投诉人所述经过及其诉求</translation>
    </message>
    <message>
        <source>Phone, address or e-mail</source>
        <translation>电话、地址或电子邮箱</translation>
    </message>
    <message>
        <source>Group complaint (several complainants)</source>
        <translation>群体投诉（多名投诉人）</translation>
    </message>
    <message>
        <source>Names of the representatives and how to reach them</source>
        <translation>代表姓名及联系方式</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>{product} · {amount} {currency} · {day} · {adviser}</source>
        <translation>{product} · {amount} {currency} · {day} · {adviser}</translation>
    </message>
    <message>
        <source>Yuan, e.g. 12,500.00; empty if none</source>
        <translation>金额（元），如 12,500.00；无则留空</translation>
    </message>
    <message>
        <source>— nobody in particular —</source>
        <translation>— 无特定人员 —</translation>
    </message>
    <message>
        <source>Touches personal data: only the handler, supervisors and compliance see it</source>
        <translation>涉及个人信息：仅处理人、主管和合规人员可见</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>受理渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Number of complainants</source>
        <translation>投诉人数</translation>
    </message>
    <message>
        <source>Representatives</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Sale concerned</source>
        <translation>涉及的销售</translation>
    </message>
    <message>
        <source>Product concerned</source>
        <translation>涉及产品</translation>
    </message>
    <message>
        <source>Amount in dispute</source>
        <translation>争议金额</translation>
    </message>
    <message>
        <source>Adviser complained about</source>
        <translation>被投诉客户经理</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Accept the complaint</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen the complaint</source>
        <translation>重新打开投诉</translation>
    </message>
    <message>
        <source>A new round starts today with its own deadline ({days} days); the earlier rounds stay on file as they are.</source>
        <translation>自今日起开始新一轮处理，重新计算期限（{days}天）；此前各轮记录原样保留。</translation>
    </message>
    <message>
        <source>Why it is reopened: new facts, a dispute…</source>
        <translation>重新打开的原因：新事实、对结果有异议……</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
</context>
<context>
    <name>ResolveCaseDialog</name>
    <message>
        <source>Resolve the case</source>
        <translation>处理回访异常</translation>
    </message>
    <message>
        <source>&lt;b&gt;{client}&lt;/b&gt; · {product} · sold by {seller}&lt;br&gt;{what}&lt;br&gt;{notes}</source>
        <translation>&lt;b&gt;{client}&lt;/b&gt; · {product} · 销售人员 {seller}&lt;br&gt;{what}&lt;br&gt;{notes}</translation>
    </message>
    <message>
        <source>What was done: who spoke to the client, what was agreed</source>
        <translation>处理情况：由谁与客户沟通、达成了什么</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Record the decision</source>
        <translation>记录处理决定</translation>
    </message>
    <message>
        <source>The clock runs on until the complainant is told the decision: record the answer as soon as they have been told.</source>
        <translation>在告知投诉人处理决定之前，期限持续计算：告知后请立即记录反馈。</translation>
    </message>
    <message>
        <source>The facts found and the rule or contract term applied</source>
        <translation>查明的事实及适用的规定或合同条款</translation>
    </message>
    <message>
        <source>What caused it</source>
        <translation>问题成因</translation>
    </message>
    <message>
        <source>What changes so that it does not happen again</source>
        <translation>为避免再次发生而采取的改进措施</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Root cause found</source>
        <translation>查明的原因</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Result</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <source>Consistency of the answers</source>
        <translation>答案一致性</translation>
    </message>
    <message>
        <source>The answers do not contradict each other.</source>
        <translation>答案之间没有矛盾。</translation>
    </message>
    <message>
        <source>The client has read the result and confirms it</source>
        <translation>客户已阅读并确认评估结果</translation>
    </message>
    <message>
        <source>Risk tolerance: {level}</source>
        <translation>风险承受能力：{level}</translation>
    </message>
    <message>
        <source>Total score: {score} of {max}</source>
        <translation>总分：{score}（满分 {max}）</translation>
    </message>
    <message>
        <source>The score alone would give {level}; the lowest category puts the client at C1.</source>
        <translation>仅按得分应为 {level}；因属最低类别，客户定为 C1。</translation>
    </message>
    <message>
        <source>The client is in the lowest risk-tolerance category, because of these answers:</source>
        <translation>因以下答案，客户属于最低风险承受能力类别：</translation>
    </message>
    <message>
        <source>The client is not in the lowest risk-tolerance category.</source>
        <translation>客户不属于最低风险承受能力类别。</translation>
    </message>
    <message>
        <source>Not answered yet: questions {numbers}. Press Home to answer them.</source>
        <translation>尚未作答：第 {numbers} 题。按 Home 前往作答。</translation>
    </message>
    <message>
        <source>Valid until {date} when confirmed today.</source>
        <translation>如今天确认，有效期至 {date}。</translation>
    </message>
</context>
<context>
    <name>ReviewsPage</name>
    <message>
        <source>&lt;h3&gt;Suitability reviews&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;适当性复核&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>When a product&apos;s risk level rises or a client&apos;s new assessment is lower, every holding that no longer fits is listed here for the client&apos;s adviser: tell the client, agree what to do, and close the review with the outcome.</source>
        <translation>产品风险等级上调或客户新的风险评估结果降低时，所有不再匹配的持仓都会列在这里，由客户经理跟进：告知客户、商定处理方式，并记录结果关闭复核。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Product re-rated {before} → {after}</source>
        <translation>产品风险等级调整 {before} → {after}</translation>
    </message>
    <message>
        <source>Assessment lower: {before} → {after}</source>
        <translation>客户风险等级下调 {before} → {after}</translation>
    </message>
    <message>
        <source>Would need an exception today</source>
        <translation>按当前情况需例外审批</translation>
    </message>
    <message>
        <source>Would not be allowed today</source>
        <translation>按当前情况不得销售</translation>
    </message>
    <message>
        <source>Client informed</source>
        <translation>已告知客户</translation>
    </message>
    <message>
        <source>Client informed, confirms keeping it</source>
        <translation>已告知客户，客户确认继续持有</translation>
    </message>
    <message>
        <source>Holding redeemed</source>
        <translation>已赎回</translation>
    </message>
    <message>
        <source>Client re-assessed; the holding fits</source>
        <translation>客户已重新评估，持仓相符</translation>
    </message>
    <message>
        <source>Other (see the note)</source>
        <translation>其他（见备注）</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Replaced by a newer review</source>
        <translation>已由新的复核替代</translation>
    </message>
    <message>
        <source>Withdrawn: sale cancelled</source>
        <translation>已撤回：销售已撤销</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Holding</source>
        <translation>持有金额</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Verdict now</source>
        <translation>当前结论</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All advisers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>Close review…</source>
        <translation>关闭复核…</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>{n} open reviews</source>
        <translation>{n} 项待复核</translation>
    </message>
    <message>
        <source>(showing the first {shown} of {total})</source>
        <translation>（显示前 {shown} 项，共 {total} 项）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{client}&lt;/b&gt; holds {amount} of {product}, bought {sold}.</source>
        <translation>&lt;b&gt;{client}&lt;/b&gt; 持有 {product} {amount}，购买于 {sold}。</translation>
    </message>
    <message>
        <source>{change}. {verdict}.</source>
        <translation>{change}。{verdict}。</translation>
    </message>
    <message>
        <source>Closed {when} by {who}: {outcome} — {note}</source>
        <translation>{when} 由 {who} 关闭：{outcome} — {note}</translation>
    </message>
    <message>
        <source>Review of {client}&apos;s {product} closed.</source>
        <translation>{client} 的 {product} 复核已关闭。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Adviser</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Compliance officer</source>
        <translation>合规人员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>SaleDialog</name>
    <message>
        <source>Record a sale for {name}</source>
        <translation>为 {name} 登记销售</translation>
    </message>
    <message>
        <source>{product} · {level} · from {minimum}</source>
        <translation>{product} · {level} · {minimum} 起购</translation>
    </message>
    <message>
        <source>e.g. 100,000.00</source>
        <translation>例如 100,000.00</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Exception request to a supervisor</source>
        <translation>向主管提交例外申请</translation>
    </message>
    <message>
        <source>I gave the client the special risk warning above, in writing</source>
        <translation>我已以书面形式向客户提示上述特别风险</translation>
    </message>
    <message>
        <source>The client insists on buying and confirmed it in writing</source>
        <translation>客户坚持购买，并已书面确认</translation>
    </message>
    <message>
        <source>The client&apos;s written words, or the reference of the signed form</source>
        <translation>客户的书面原话，或已签署确认书的编号</translation>
    </message>
    <message>
        <source>Why this sale is right for the client nonetheless (for the supervisor)</source>
        <translation>说明为何本次销售仍然适合该客户（供主管审批）</translation>
    </message>
    <message>
        <source>Client&apos;s insistence</source>
        <translation>客户坚持意愿</translation>
    </message>
    <message>
        <source>Your justification</source>
        <translation>您的理由</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No product is on sale.</source>
        <translation>目前没有在售产品。</translation>
    </message>
    <message>
        <source>Enter the amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>Correct the amount.</source>
        <translation>请更正金额。</translation>
    </message>
    <message>
        <source>Record sale</source>
        <translation>登记销售</translation>
    </message>
    <message>
        <source>cooling-off {hours} h</source>
        <translation>冷静期 {hours} 小时</translation>
    </message>
    <message>
        <source>no cooling-off</source>
        <translation>无冷静期</translation>
    </message>
    <message>
        <source>{level}, {months} months, minimum {minimum}, {cooling}</source>
        <translation>{level}，期限 {months} 个月，起购 {minimum}，{cooling}</translation>
    </message>
    <message>
        <source>{product}, {amount}:</source>
        <translation>{product}，{amount}：</translation>
    </message>
    <message>
        <source>Not allowed ({rules}): record the refused attempt</source>
        <translation>不允许（{rules}）：记录被拒绝的尝试</translation>
    </message>
    <message>
        <source>The sale cannot be made. Pressing records the attempt in the audit trail.</source>
        <translation>不能进行此笔销售。点击将把本次尝试记入审计日志。</translation>
    </message>
    <message>
        <source>Already waiting for a supervisor</source>
        <translation>已在等待主管审批</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>The refused attempt was recorded. {why}</source>
        <translation>已记录被拒绝的尝试。{why}</translation>
    </message>
</context>
<context>
    <name>SnoozeFollowUpDialog</name>
    <message>
        <source>Snooze follow-up</source>
        <translation>跟进事项延期</translation>
    </message>
    <message>
        <source>e.g. Client travelling until the 20th</source>
        <translation>例如：客户出差至 20 日</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>新到期日</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change the status of {code}</source>
        <translation>更改 {code} 的状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>e.g. the issuer suspended subscriptions</source>
        <translation>例如：发行机构暂停申购</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Suspended and closed products cannot be sold; clients keep what they hold. Closing is for good, suspending for now.</source>
        <translation>暂停销售或已停售的产品不能再销售，客户已持有的不受影响。停售为永久，暂停为临时。</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Profile</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>面谈记录</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>风险评估</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Suitability review</source>
        <translation>适当性复核</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Exception requested</source>
        <translation>申请例外</translation>
    </message>
    <message>
        <source>Exception decided</source>
        <translation>例外已审批</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>销售已撤销</translation>
    </message>
    <message>
        <source>Sale record corrected</source>
        <translation>销售记录已更正</translation>
    </message>
    <message>
        <source>Submitted for a supervisor&apos;s approval</source>
        <translation>已提交主管审批</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until {0}</source>
        <translation>锁定至 {0}</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>在用用户数</translation>
    </message>
    <message>
        <source>New suggestion</source>
        <translation>换一个</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>Filter by name, role or branch</source>
        <translation>按姓名、角色或网点筛选</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>变更角色…</translation>
    </message>
    <message>
        <source>New branch…</source>
        <translation>新建网点…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>更名…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>{name} can now sign in as &apos;{user}&apos; with the temporary password below, and will be asked to choose their own.

{password}</source>
        <translation>{name} 现在可以用户名“{user}”和下面的临时密码登录，首次登录时须设置自己的密码。

{password}</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Give {name} a new temporary password? Their current password stops working and any lockout is lifted.

Temporary password: {password}</source>
        <translation>为 {name} 设置新的临时密码？其当前密码将失效，账户锁定同时解除。

临时密码：{password}</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Disable {name}? They can no longer sign in; their records and history stay.</source>
        <translation>停用 {name}？该用户将无法登录，其记录和历史保留。</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>变更角色</translation>
    </message>
    <message>
        <source>New role for {name}</source>
        <translation>{name} 的新角色</translation>
    </message>
    <message>
        <source>New branch</source>
        <translation>新建网点</translation>
    </message>
    <message>
        <source>Branch code (e.g. SH-002)</source>
        <translation>网点代码（例如 SH-002）</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>Rename branch</source>
        <translation>网点更名</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
</context>
<context>
    <name>Verdicts</name>
    <message>
        <source>Fits</source>
        <translation>适合</translation>
    </message>
    <message>
        <source>Needs exception</source>
        <translation>需例外审批</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Valid risk assessment</source>
        <translation>有效的风险评估</translation>
    </message>
    <message>
        <source>Risk level match</source>
        <translation>风险等级匹配</translation>
    </message>
    <message>
        <source>Investment horizon</source>
        <translation>投资期限</translation>
    </message>
    <message>
        <source>Investment objective</source>
        <translation>投资目标</translation>
    </message>
    <message>
        <source>Experience for a complex product</source>
        <translation>复杂产品投资经验</translation>
    </message>
    <message>
        <source>Client aged 65 or over</source>
        <translation>65 岁及以上客户</translation>
    </message>
    <message>
        <source>Concentration</source>
        <translation>集中度</translation>
    </message>
    <message>
        <source>Minimum amount</source>
        <translation>起购金额</translation>
    </message>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>等待主管审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Lapsed: no longer allowed at approval</source>
        <translation>已失效：审批时已不允许销售</translation>
    </message>
    <message>
        <source>In cooling-off</source>
        <translation>冷静期内</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>持有中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Special risk warning&lt;/b&gt; for {client}: {product} ({level}, {kind}) does not fit the client&apos;s risk profile.&lt;/p&gt;&lt;p&gt;Why:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;特别风险警示&lt;/b&gt;（客户：{client}）：{product}（{level}，{kind}）与客户的风险承受能力不匹配。&lt;/p&gt;&lt;p&gt;原因：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The risks of this product, read them to the client:&lt;/p&gt;</source>
        <translation>&lt;p&gt;本产品的风险（请向客户逐条宣读）：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The client may lose part or all of the money invested. If the client still wishes to buy after this warning, the client confirms it in writing and a supervisor must approve the sale before it proceeds.&lt;/p&gt;</source>
        <translation>&lt;p&gt;客户可能损失部分或全部投资本金。如客户在本提示后仍坚持购买，须书面确认，并经主管审批后方可继续销售。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>policy {version}</source>
        <translation>政策版本 {version}</translation>
    </message>
    <message>
        <source>supervisor review and follow-up call</source>
        <translation>需主管复核并回访</translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <source>Check a PDF against the archive: an unaltered document names its sale or assessment; an altered, re-saved or foreign file is told apart. For a paper copy, open the archived document by the number printed on it.</source>
        <translation>将 PDF 与档案核对：未被改动的文件会显示其对应的交易或评估；被篡改、被其他程序另存或来自其他数据库的文件会分别指出。纸质文件请按其上印的编号打开存档原件核对。</translation>
    </message>
    <message>
        <source>&amp;Choose a PDF…</source>
        <translation>选择 PDF(&amp;C)…</translation>
    </message>
    <message>
        <source>Open the archived original</source>
        <translation>打开存档原件</translation>
    </message>
    <message>
        <source>Choose the PDF to check</source>
        <translation>选择要核验的 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
</context>
</TS>
