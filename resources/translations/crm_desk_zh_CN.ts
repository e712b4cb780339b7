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
</context>
<context>
    <name>AuditColumns</name>
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
        <source>Someone else saved a record with the same code or name a moment ago. Refresh and try again.</source>
        <translation>刚才有其他人保存了代码或名称相同的记录。请刷新后重试。</translation>
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
</TS>
