<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CompaniesPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/sections.py" line="12" />
        <source>Companies</source>
        <translation>被检查单位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/sections.py" line="16" />
        <source>%n inspected company(s) on this computer.</source>
        <translation><numerusform>本机共有 %n 家被检查单位。</numerusform></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="40" />
        <source>Unexpected problem</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="42" />
        <source>Inspector ran into an unexpected problem. Every answer already shown on screen was saved when it was made. You can save a report for support.</source>
        <translation>程序遇到了意外问题。屏幕上已显示的每一项填写内容在填写时均已保存。您可以保存一份错误报告提供给技术支持。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="45" />
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="58" />
        <location filename="../../inspector_app/ui/crash.py" line="67" />
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="59" />
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="68" />
        <source>The report could not be saved: {0}</source>
        <translation>报告未能保存：{0}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="69" />
        <source>Welcome to Inspector</source>
        <translation>欢迎使用安全检查助手</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="71" />
        <source>Before the first inspection, tell Inspector who uses this computer. The document-number prefix makes this computer's document numbers unique in the district; use the one your office assigned.</source>
        <translation>首次检查前，请填写使用本机的检查人员信息。文书编号前缀用于保证本机生成的文书编号在全区唯一，请使用单位分配的前缀。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="74" />
        <source>Inspector's &amp;name:</source>
        <translation>检查人员姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="74" />
        <source>&amp;Enforcement-ID number:</source>
        <translation>执法证号(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="75" />
        <source>&amp;Organisation:</source>
        <translation>所属单位(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="75" />
        <source>&amp;Authority short name:</source>
        <translation>机关简称(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="76" />
        <source>Document-number &amp;prefix:</source>
        <translation>文书编号前缀(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="79" />
        <source>e.g. 泉台</source>
        <translation>例如：泉台</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/sections.py" line="34" />
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/sections.py" line="38" />
        <source>%n hazard(s) recorded, tracked until re-inspection closes them.</source>
        <translation><numerusform>已记录 %n 条隐患，跟踪至复查销号。</numerusform></translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/sections.py" line="23" />
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/sections.py" line="27" />
        <source>%n inspection(s) on this computer.</source>
        <translation><numerusform>本机共有 %n 份检查记录。</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="139" />
        <source>Inspector</source>
        <translation>安全检查助手</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="140" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="141" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="142" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="143" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="144" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="145" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="146" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="147" />
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="148" />
        <source>Inspector &amp;profile…</source>
        <translation>检查人员信息(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="149" />
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="150" />
        <source>&amp;About Inspector</source>
        <translation>关于安全检查助手(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="160" />
        <source>no inspector set</source>
        <translation>未设置检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="161" />
        <source>{0} · prefix {1}</source>
        <translation>{0} · 编号前缀 {1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="201" />
        <source>About Inspector</source>
        <translation>关于安全检查助手</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="202" />
        <source>&lt;h3&gt;Inspector {0}&lt;/h3&gt;&lt;p&gt;Offline on-site work-safety inspections: checklists, photos, hazards and rectification, signed PDF records and USB sync.&lt;/p&gt;&lt;p&gt;Data folder: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;安全检查助手 {0}&lt;/h3&gt;&lt;p&gt;离线现场安全生产检查：检查表、现场照片、隐患与整改、带数字签名的PDF文书以及U盘数据同步。&lt;/p&gt;&lt;p&gt;数据文件夹：{1}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MessageBridge</name>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="15" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="16" />
        <source>File from a newer version</source>
        <translation>文件来自更新版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="17" />
        <source>Damaged file</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="18" />
        <source>Database in use</source>
        <translation>数据库正被使用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="19" />
        <source>Disk full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="20" />
        <source>Cannot write here</source>
        <translation>无法写入此位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="21" />
        <source>Invalid input</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="22" />
        <source>Record is locked</source>
        <translation>记录已锁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="23" />
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/preferences.py" line="23" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/preferences.py" line="25" />
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/preferences.py" line="31" />
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/sections.py" line="45" />
        <source>Sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sections.py" line="49" />
        <source>Move records between this computer and the office on a USB stick: one export file per computer, merged without losing or doubling anything.</source>
        <translation>通过U盘在本机与单位之间传递记录：每台电脑导出一个文件，合并时不丢失、不重复。</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/sections.py" line="57" />
        <source>Templates</source>
        <translation>检查表模板</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/sections.py" line="61" />
        <source>%n checklist template(s) in the library.</source>
        <translation><numerusform>模板库中共有 %n 个检查表模板。</numerusform></translation>
    </message>
</context>
</TS>