<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/checklist_model.py" line="112" />
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/checklist_model.py" line="112" />
        <source>Answer</source>
        <translation>检查结果</translation>
    </message>
</context>
<context>
    <name>CompaniesModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="87" />
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="87" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="87" />
        <source>Town</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="87" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="88" />
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="88" />
        <source>On-site contact</source>
        <translation>现场负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="88" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>CompaniesPage</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/companies.py" line="152" />
        <source>%n match(es)</source>
        <translation>
            <numerusform>找到 %n 家</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/companies.py" line="154" />
        <source>%n company(s)</source>
        <translation>
            <numerusform>%n 家单位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="157" />
        <source>Companies</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="162" />
        <source>Search by name, credit code, town, contact or legal representative</source>
        <translation>按单位名称、统一社会信用代码、乡镇、联系人或法定代表人搜索</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="163" />
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="164" />
        <source>E&amp;dit…</source>
        <translation>编辑(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="165" />
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="203" />
        <source>Add company</source>
        <translation>新增被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="204" />
        <source>Edit company</source>
        <translation>编辑被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="206" />
        <source>&amp;Name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="206" />
        <source>&amp;Credit code:</source>
        <translation>统一社会信用代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="206" />
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="206" />
        <source>&amp;Town:</source>
        <translation>乡镇(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="207" />
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="207" />
        <source>Special areas:</source>
        <translation>涉及领域：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="207" />
        <source>&amp;Legal representative:</source>
        <translation>法定代表人(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="208" />
        <source>On-&amp;site contact:</source>
        <translation>现场负责人(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="208" />
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="208" />
        <source>&amp;Risk level:</source>
        <translation>风险等级(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="209" />
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="213" />
        <source>Full registered name</source>
        <translation>工商登记的完整名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="214" />
        <source>18 characters, e.g. 91350100M000100Y43</source>
        <translation>18 位，例如 91350100M000100Y43</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="215" />
        <source>Mobile or landline</source>
        <translation>手机或固定电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="217" />
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="218" />
        <source>(not set)</source>
        <translation>（未填写）</translation>
    </message>
</context>
<context>
    <name>CompanyImportDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="84" />
        <source>Choose a list of companies</source>
        <translation>选择单位名单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="85" />
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="129" />
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="129" />
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="130" />
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="130" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="161" />
        <source>Import companies</source>
        <translation>导入被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="163" />
        <source>Choose a CSV or Excel (.xlsx) file with a header row. A company already on this computer (same credit code) is updated, never added twice; empty cells keep what is stored. Rows with errors are skipped.</source>
        <translation>请选择带表头的 CSV 或 Excel（.xlsx）文件。本机已有的单位（统一社会信用代码相同）将被更新，不会重复添加；空白单元格保留原有内容。有错误的行将被跳过。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="166" />
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="167" />
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="168" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="170" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="170" />
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="170" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="170" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="171" />
        <source>Problems</source>
        <translation>问题</translation>
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
    <name>HazardList</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="55" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="55" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="55" />
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="55" />
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="56" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="56" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="57" />
        <source>Add hazard…</source>
        <translation>添加隐患…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="58" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="59" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>HazardPanel</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="71" />
        <source>Hazard {0}</source>
        <translation>隐患 {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="72" />
        <source>&amp;Grade:</source>
        <translation>隐患等级(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="72" />
        <source>&amp;Description:</source>
        <translation>隐患描述(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="73" />
        <source>Rectification &amp;requirement:</source>
        <translation>整改要求(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="74" />
        <source>Dead&amp;line:</source>
        <translation>整改期限(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="74" />
        <source>Res&amp;ponsible person:</source>
        <translation>整改责任人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="75" />
        <source>On-the-&amp;spot measure:</source>
        <translation>现场处理措施(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/sections.py" line="12" />
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/sections.py" line="16" />
        <source>%n hazard(s) recorded, tracked until re-inspection closes them.</source>
        <translation>
            <numerusform>已记录 %n 条隐患，跟踪至复查销号。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="69" />
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="70" />
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="70" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="70" />
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="70" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="71" />
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="71" />
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="71" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="165" />
        <source>Previous item</source>
        <translation>上一项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="166" />
        <source>Next item</source>
        <translation>下一项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="167" />
        <source>Next unanswered</source>
        <translation>下一未答项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="168" />
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="169" />
        <source>Add hazard…</source>
        <translation>添加隐患…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="170" />
        <source>Complete…</source>
        <translation>完成检查…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="171" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="172" />
        <location filename="../../inspector_app/ui/inspection_window.py" line="421" />
        <source>Sign and lock</source>
        <translation>签署并锁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="173" />
        <source>Amend…</source>
        <translation>修订…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="174" />
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="175" />
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="213" />
        <source>{0} · {1} · answered {2}/{3} · compliance {4} · hazards {5}</source>
        <translation>{0} · {1} · 已答 {2}/{3} · 符合率 {4} · 隐患 {5} 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="217" />
        <source>Signed and locked: nothing here can change.</source>
        <translation>已签署并锁定，内容不可更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="219" />
        <source>A corrected revision exists.</source>
        <translation>已有更正后的修订版。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="221" />
        <source>Use Amend to make a corrected revision.</source>
        <translation>如需更正，请使用“修订”生成新版本。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="223" />
        <source>Completed. Reopen it to change answers, or sign and lock it.</source>
        <translation>已完成。如需修改请重新打开，或签署并锁定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="225" />
        <source>Revision {0}, correcting a signed record: {1}</source>
        <translation>第 {0} 版，更正已签署记录：{1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection_window.py" line="231" />
        <source>Hazards (%n)</source>
        <translation><numerusform>隐患（%n）</numerusform></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="274" />
        <source>Every item is answered.</source>
        <translation>所有检查项均已作答。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="357" />
        <source>description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="358" />
        <source>rectification requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="359" />
        <source>deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="360" />
        <source>Hazard {0}: the {1} is missing</source>
        <translation>隐患 {0}：未填写{1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="396" />
        <source>Delete hazard</source>
        <translation>删除隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="397" />
        <source>Why is this hazard deleted?</source>
        <translation>请说明删除此隐患的原因：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="413" />
        <source>Inspection completed.</source>
        <translation>检查已完成。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="422" />
        <source>After locking, nothing in this record can change; corrections become a new revision. Lock it now?</source>
        <translation>锁定后本记录的任何内容均不可更改，更正须另行生成修订版。现在锁定吗？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="429" />
        <source>Amend</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="430" />
        <source>Why is the signed record corrected?</source>
        <translation>请说明更正已签署记录的原因：</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="106" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="106" />
        <source>Company</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="106" />
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="106" />
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="107" />
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="107" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="107" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="107" />
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="108" />
        <source>Hazards (major)</source>
        <translation>隐患（重大）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="108" />
        <source>Open hazards</source>
        <translation>未销号隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="125" />
        <source>Revision {0}</source>
        <translation>第{0}版</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="168" />
        <location filename="../../inspector_app/ui/pages/inspections.py" line="269" />
        <source>All towns</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="169" />
        <location filename="../../inspector_app/ui/pages/inspections.py" line="271" />
        <source>All inspectors</source>
        <translation>全部检查人员</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/inspections.py" line="254" />
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n 条检查记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="257" />
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="261" />
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="262" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="263" />
        <source>Search company name</source>
        <translation>搜索单位名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="264" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="272" />
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="273" />
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="274" />
        <source>Only inspections started on or after this date</source>
        <translation>只显示在此日期当天或之后开始的检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="275" />
        <source>Only inspections started on or before this date</source>
        <translation>只显示在此日期当天或之前开始的检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="276" />
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="70" />
        <source>&amp;Note (press N to type, Esc to go back):</source>
        <translation>备注(&amp;N)（按 N 输入，Esc 返回）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="72" />
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="97" />
        <source>Choose an item on the left.</source>
        <translation>请在左侧选择检查项。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="104" />
        <source> (required)</source>
        <translation>（必填）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="140" />
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="140" />
        <source>How to check</source>
        <translation>检查方法</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="12" />
        <source>Compliant</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="13" />
        <source>Non-compliant</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="14" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="16" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="17" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="18" />
        <source>%n photo(s)</source>
        <translation>%n 张照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="21" />
        <source>Outside the allowed range {0} – {1}; not saved.</source>
        <translation>超出允许范围 {0} – {1}，未保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="22" />
        <source>Outside the normal range {0} – {1}: check it.</source>
        <translation>超出正常范围 {0} – {1}，请核实。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="23" />
        <source>Not a number; not saved.</source>
        <translation>不是数字，未保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="24" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="25" />
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="26" />
        <source>%n photo(s) attached; at least {0} needed.</source>
        <translation>已附照片 %n 张，至少需要 {0} 张。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="27" />
        <source>Signatures are collected when the record is signed.</source>
        <translation>签名在签署记录时采集。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="140" />
        <source>Inspector</source>
        <translation>安全检查助手</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="141" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="142" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="143" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="144" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="145" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="146" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="147" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="148" />
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="149" />
        <source>Inspector &amp;profile…</source>
        <translation>检查人员信息(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="150" />
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="151" />
        <source>&amp;About Inspector</source>
        <translation>关于安全检查助手(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="161" />
        <source>no inspector set</source>
        <translation>未设置检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="162" />
        <source>{0} · prefix {1}</source>
        <translation>{0} · 编号前缀 {1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="216" />
        <source>About Inspector</source>
        <translation>关于安全检查助手</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="217" />
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
    <name>MissingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="39" />
        <source>Not complete yet</source>
        <translation>尚未完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="40" />
        <source>%n thing(s) still missing. Double-click one to go there.</source>
        <translation>
            <numerusform>还有 %n 项未完成，双击可跳转到该处。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="43" />
        <source>Answer</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="43" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="44" />
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="44" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
</context>
<context>
    <name>NewHazardDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="99" />
        <source>Add hazard</source>
        <translation>添加隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="99" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="121" />
        <source>Description:</source>
        <translation>隐患描述：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="122" />
        <source>Grade:</source>
        <translation>隐患等级：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="123" />
        <source>Rectification requirement:</source>
        <translation>整改要求：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="124" />
        <source>Deadline:</source>
        <translation>整改期限：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="125" />
        <source>Responsible person:</source>
        <translation>整改责任人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="126" />
        <source>On-the-spot measure:</source>
        <translation>现场处理措施：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="155" />
        <source>Describe the hazard.</source>
        <translation>请描述隐患。</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="182" />
        <source>no enforcement ID</source>
        <translation>无执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="235" />
        <source>Enter the new inspector's name.</source>
        <translation>请输入新检查人员的姓名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="260" />
        <source>Choose the company to inspect.</source>
        <translation>请选择被检查单位。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="265" />
        <source>The template library is empty: import a checklist template first.</source>
        <translation>检查表库为空，请先导入检查表模板。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="280" />
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="281" />
        <source>&amp;Company:</source>
        <translation>被检查单位(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="281" />
        <source>C&amp;hecklist:</source>
        <translation>检查表(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="281" />
        <source>&amp;Kind:</source>
        <translation>检查类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="282" />
        <source>&amp;Inspectors:</source>
        <translation>检查人员(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="282" />
        <source>&amp;Place inspected:</source>
        <translation>检查场所(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="282" />
        <source>&amp;Start:</source>
        <translation>开始时间(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="285" />
        <source>Type part of the company name</source>
        <translation>输入单位名称的一部分</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="289" />
        <source>Add inspector…</source>
        <translation>添加检查人员…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="290" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="291" />
        <source>Enforcement-ID number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="292" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="293" />
        <source>e.g. 一号车间</source>
        <translation>例如：一号车间</translation>
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
        <location filename="../../inspector_app/ui/pages/sections.py" line="23" />
        <source>Sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sections.py" line="27" />
        <source>Move records between this computer and the office on a USB stick: one export file per computer, merged without losing or doubling anything.</source>
        <translation>通过U盘在本机与单位之间传递记录：每台电脑导出一个文件，合并时不丢失、不重复。</translation>
    </message>
</context>
<context>
    <name>TemplateErrorsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/template_errors.py" line="88" />
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/template_errors.py" line="91" />
        <source>Template not imported</source>
        <translation>模板未导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/template_errors.py" line="95" />
        <source>{0} cannot be imported. Correct the problems below in the file and import it again; the library was not changed.</source>
        <translation>{0} 无法导入。请在文件中改正下列问题后重新导入；模板库未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/template_errors.py" line="99" />
        <source>{0} was not imported. The library was not changed.</source>
        <translation>{0} 未导入，模板库未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/template_errors.py" line="100" />
        <source>&amp;Copy all</source>
        <translation>全部复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>TemplateItemPreview</name>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="768" />
        <source>How to check</source>
        <translation>检查方法</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="769" />
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="770" />
        <source>Answer (preview, not saved)</source>
        <translation>作答（预览，不保存）</translation>
    </message>
</context>
<context>
    <name>TemplatesModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="75" />
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="75" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="75" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="75" />
        <source>Items</source>
        <translation>检查项数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="76" />
        <source>Content hash</source>
        <translation>内容哈希</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="76" />
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="108" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="108" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="118" />
        <source>Imported from {0}</source>
        <translation>导入自 {0}</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="199" />
        <source>Templates</source>
        <translation>检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="203" />
        <source>Show retired versions</source>
        <translation>显示已停用的版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="204" />
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="205" />
        <source>Add a checklist template file (YAML) to the library</source>
        <translation>将检查表模板文件（YAML）添加到模板库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="207" />
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="208" />
        <source>Write the selected template to a YAML file</source>
        <translation>将所选模板导出为 YAML 文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="209" />
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="209" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="209" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="210" />
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="255" />
        <source>A template shipped with Inspector was not added: {0}</source>
        <translation>随程序提供的模板未能添加：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="293" />
        <source>Import a checklist template</source>
        <translation>导入检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="294" />
        <source>Checklist templates (*.yaml *.yml);;All files (*)</source>
        <translation>检查表模板 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="320" />
        <source>Template {0} ({1}) added to the library.</source>
        <translation>模板“{0}”（{1}）已添加到模板库。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="323" />
        <source>Template {0} ({1}) is already in the library; nothing changed.</source>
        <translation>模板“{0}”（{1}）已在模板库中，未作更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="341" />
        <source>Export a checklist template</source>
        <translation>导出检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="342" />
        <source>Checklist templates (*.yaml *.yml)</source>
        <translation>检查表模板 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="359" />
        <source>Template {0} written to {1}.</source>
        <translation>模板 {0} 已导出到 {1}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="375" />
        <source>Template {0} restored: it is offered for new inspections again.</source>
        <translation>模板 {0} 已恢复，新建检查时可再次选用。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="378" />
        <source>Template {0} retired: it is no longer offered for new inspections; inspections made with it keep their copy.</source>
        <translation>模板 {0} 已停用：新建检查时不再提供；已使用该模板的检查保留各自的副本。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="387" />
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="388" />
        <source>Offer this version for new inspections again</source>
        <translation>新建检查时重新提供此版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="391" />
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="392" />
        <source>Stop offering this version for new inspections; existing records are kept</source>
        <translation>新建检查时不再提供此版本；已有记录保留不变</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="409" />
        <source>No template selected</source>
        <translation>未选择模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="411" />
        <source>Choose a template in the list to see it as the inspector will.</source>
        <translation>在列表中选择一个模板，即可按检查人员所见的样子预览。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="468" />
        <location filename="../../inspector_app/ui/pages/templates.py" line="512" />
        <source>Shown only when: {0}</source>
        <translation>仅在以下情况显示：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="496" />
        <source>Items in this section: {0}</source>
        <translation>本部分检查项：{0} 项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="500" />
        <source>Choose an item in the tree to see it as the inspector will.</source>
        <translation>在左侧树中选择一个检查项，即可按检查人员所见的样子预览。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="507" />
        <source> (required)</source>
        <translation>（必填）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="527" />
        <source>Check</source>
        <translation>符合性检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="528" />
        <source>Yes/No</source>
        <translation>是/否</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="529" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="530" />
        <source>Long text</source>
        <translation>长文本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="531" />
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="532" />
        <source>Single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="533" />
        <source>Multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="534" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="535" />
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="536" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="537" />
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="538" />
        <source>Information</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="542" />
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="542" />
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="546" />
        <source>Major-hazard determination standard</source>
        <translation>重大事故隐患判定标准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="547" />
        <source>Routine inspection</source>
        <translation>日常检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="548" />
        <source>Readiness check</source>
        <translation>准备情况检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="549" />
        <source>Audit</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="558" />
        <source>Sections: {0}</source>
        <translation>部分：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="559" />
        <source>Items: {0}</source>
        <translation>检查项：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="560" />
        <source> ({0})</source>
        <translation>（{0}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="566" />
        <source>Check items by grade: {0}</source>
        <translation>符合性检查项按等级：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="573" />
        <source>retired version</source>
        <translation>已停用版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="590" />
        <source>industries: {0}</source>
        <translation>行业：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="594" />
        <source>special areas: {0}</source>
        <translation>特殊领域：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="597" />
        <source>For {0}</source>
        <translation>适用于{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="600" />
        <source>Type: {0}</source>
        <translation>类型：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="602" />
        <source>Grade if non-compliant: {0}</source>
        <translation>不符合时隐患等级：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="605" />
        <source>Weight: {0}</source>
        <translation>权重：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="607" />
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="607" />
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="608" />
        <source>ID: {0}</source>
        <translation>编号：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="616" />
        <source>Allowed: {0} – {1} {2}</source>
        <translation>允许范围：{0} – {1} {2}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="619" />
        <source>Normal: {0} – {1} {2}</source>
        <translation>正常范围：{0} – {1} {2}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="623" />
        <source>Photos needed: at least {0}</source>
        <translation>照片：至少 {0} 张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="625" />
        <source>Maximum length: {0} characters</source>
        <translation>最多 {0} 个字符</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="627" />
        <source>inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="627" />
        <source>company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="628" />
        <source>witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="629" />
        <source>Signed by: {0}</source>
        <translation>签名人：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="639" />
        <source> and </source>
        <translation> 且 </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="642" />
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="645" />
        <source>not ({0})</source>
        <translation>非（{0}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="669" />
        <source>{0} is answered</source>
        <translation>{0} 已作答</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="670" />
        <source>{0} is not answered</source>
        <translation>{0} 未作答</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="674" />
        <source>{0} is one of: {1}</source>
        <translation>{0} 为以下之一：{1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="677" />
        <source>{0} is not {1}</source>
        <translation>{0} 不为“{1}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="678" />
        <source>{0} is {1}</source>
        <translation>{0} 为“{1}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="682" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="682" />
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
</TS>