<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Advice</name>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="47"/>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="48"/>
        <source>{0} page → {1}</source>
        <translation>{0}页面 → {1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="51"/>
        <source>Ask the office for a number block (at the office: {0}), then import the office&apos;s next bundle here ({1} page, {2}).</source>
        <translation>请监管部门分配号段（在监管部门的电脑上：{0}），再在本机导入其下一个同步包（{1}页面，“{2}”）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="54"/>
        <source>Import the enrolment file from the office first ({0}, {1}).</source>
        <translation>请先导入监管部门提供的证书文件（{0}，“{1}”）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="56"/>
        <source>Create it on the supervisor&apos;s computer first ({0}, {1}).</source>
        <translation>请先在负责人的计算机上创建（{0}，“{1}”）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="58"/>
        <source>Choose the laptop from the list, or type the number prefix its window shows at the right of the status bar.</source>
        <translation>请从列表中选择笔记本，或输入该笔记本窗口状态栏右侧显示的编号前缀。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="61"/>
        <source>Import one of its bundles first ({0} page, {1}); the laptop is then in the list.</source>
        <translation>请先导入它的一个同步包（{0}页面，“{1}”），之后该笔记本就会出现在列表中。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="64"/>
        <source>Select it on the {0} page and click {1}.</source>
        <translation>请在{0}页面选中该冲突，点“{1}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="66"/>
        <source>Select it on the {0} page and click {1} or {2}.</source>
        <translation>请在{0}页面选中该冲突，点“{1}”或“{2}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="68"/>
        <source>— see the conflicts on the {0} page</source>
        <translation>——见{0}页面的冲突列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="69"/>
        <source>Use {1} on the {0} page.</source>
        <translation>请在{0}页面点“{1}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="70"/>
        <location filename="../../inspector_app/ui/advice.py" line="71"/>
        <source>See the {0} page.</source>
        <translation>见{0}页面。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="72"/>
        <location filename="../../inspector_app/ui/advice.py" line="73"/>
        <source>See {1} on the {0} page.</source>
        <translation>见{0}页面的“{1}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="74"/>
        <source>— add the State Council&apos;s notice with {1} ({0}) for the Spring Festival and the other holidays</source>
        <translation>——春节等其他节假日请用“{1}”（{0}）加入国务院办公厅的通知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="77"/>
        <source>Start from a workbook in the layout: select a template on the {0} page, click {1} and choose {2}.</source>
        <translation>请以本程序导出的工作簿为底稿填写：在{0}页面选中一个模板，点“{1}”，保存类型选“{2}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/advice.py" line="80"/>
        <source>Generate one first: {0}, choose the year and click {1}.</source>
        <translation>请先生成：{0}，选择年份后点“{1}”。</translation>
    </message>
    <message>
        <source>Start from a workbook in the layout: select a template on the {0} page, click {1} and save it as {2}.</source>
        <translation type="vanished">请以本程序导出的工作簿为底稿填写：在{0}页面选中一个模板，点“{1}”，保存类型选“{2}”。</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="170"/>
        <source>Edit campaign</source>
        <translation>编辑专项行动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="170"/>
        <source>Add a campaign</source>
        <translation>新增专项行动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="180"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="184"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="184"/>
        <source>From (YYYY-MM-DD)</source>
        <translation>起（年-月-日）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="185"/>
        <source>To (YYYY-MM-DD)</source>
        <translation>止（年-月-日）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="188"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="188"/>
        <source>Inspections per company</source>
        <translation>每家企业检查次数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="199"/>
        <source>One company name a line</source>
        <translation>每行一个企业名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="201"/>
        <source>Industries</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="202"/>
        <source>Towns</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="203"/>
        <source>Companies</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="211"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="212"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="214"/>
        <source>Phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="216"/>
        <source>Scope (nothing ticked: every company)</source>
        <translation>范围（均不勾选：全部企业）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="218"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="242"/>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="242"/>
        <source>Remove row</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="278"/>
        <source>No company named {0} on this computer.</source>
        <translation>本机没有名为{0}的企业。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="286"/>
        <source>Phase {0} needs a name.</source>
        <translation>第{0}个阶段需要名称。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="293"/>
        <source>Target “{0}”: the inspections per company must be a whole number.</source>
        <translation>目标“{0}”：每家企业检查次数须为整数。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="296"/>
        <source>A target needs its text.</source>
        <translation>目标需要填写内容。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="154"/>
        <source>Check of %1</source>
        <translation>%1 的督导</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="159"/>
        <source>e.g. 区应急管理局督导组</source>
        <translation>如：区应急管理局督导组</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="162"/>
        <source>Checked on</source>
        <translation>督导日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="163"/>
        <source>Checked by</source>
        <translation>督导单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="164"/>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="165"/>
        <source>Check photos</source>
        <translation>督导照片</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/checklist_model.py" line="112"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/checklist_model.py" line="112"/>
        <source>Answer</source>
        <translation>检查结果</translation>
    </message>
</context>
<context>
    <name>ClassificationDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="51"/>
        <source>Why this class (required)</source>
        <translation>定级理由（必填）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="52"/>
        <source>&amp;Record decision</source>
        <translation>记录决定(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="55"/>
        <source>Supervision class</source>
        <translation>分级分类</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="57"/>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="58"/>
        <source>Suggested:</source>
        <translation>建议类别：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="59"/>
        <source>Reasons:</source>
        <translation>依据因素：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="64"/>
        <source>Decide:</source>
        <translation>决定：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="65"/>
        <source>Decisions:</source>
        <translation>决定记录：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="67"/>
        <source>Major hazard installation</source>
        <translation>重大危险源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="71"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="78"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="79"/>
        <source>Facts and standardisation</source>
        <translation>基本情况与安全生产标准化</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="82"/>
        <source>Accidents on record:</source>
        <translation>事故记录（起）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="83"/>
        <source>Standardisation grade:</source>
        <translation>标准化等级：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="84"/>
        <source>Certificate number:</source>
        <translation>证书编号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="87"/>
        <source>expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="89"/>
        <source>Issued:</source>
        <translation>发证日期：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="104"/>
        <source>Classification</source>
        <translation>分级分类</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="111"/>
        <source>not classified</source>
        <translation>未定级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/classification_dialog.py" line="122"/>
        <source>none of the listed reasons</source>
        <translation>无所列因素</translation>
    </message>
</context>
<context>
    <name>CompaniesModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="63"/>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="63"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="63"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="63"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="64"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="64"/>
        <source>On-site contact</source>
        <translation>现场负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/companies_model.py" line="64"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>CompaniesPage</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/companies.py" line="181"/>
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>找到 %Ln 家</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/companies.py" line="183"/>
        <source>%Ln company(s)</source>
        <translation>
            <numerusform>%Ln 家单位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="186"/>
        <source>Companies</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="190"/>
        <source>Search by name, credit code, town, contact or legal representative</source>
        <translation>按单位名称、统一社会信用代码、乡镇、联系人或法定代表人搜索</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="193"/>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="194"/>
        <source>E&amp;dit…</source>
        <translation>编辑(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="195"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="196"/>
        <source>&amp;Class…</source>
        <translation>分级(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="197"/>
        <source>Supervision class, its reasons and the office&apos;s decision; standardisation certificate</source>
        <translation>监管类别、依据因素及定级决定；安全生产标准化证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="199"/>
        <source>&amp;Standardisation…</source>
        <translation>标准化(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="201"/>
        <source>Standardisation grades and certificates: expired, expiring within 90 days, counts</source>
        <translation>安全生产标准化等级与证书：已过期、90天内到期及统计</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="202"/>
        <source>&amp;Yearly plan…</source>
        <translation>年度计划(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/companies.py" line="203"/>
        <source>Generate, review, approve and issue the yearly inspection plan</source>
        <translation>生成、审核、批准并下达年度监督检查计划</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="205"/>
        <source>Add company</source>
        <translation>新增被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="206"/>
        <source>Edit company</source>
        <translation>编辑被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="208"/>
        <source>&amp;Name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="208"/>
        <source>&amp;Credit code:</source>
        <translation>统一社会信用代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="208"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="208"/>
        <source>&amp;Town:</source>
        <translation>乡镇（街道）(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="209"/>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="209"/>
        <source>Special areas:</source>
        <translation>涉及领域：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="209"/>
        <source>&amp;Legal representative:</source>
        <translation>法定代表人(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="210"/>
        <source>Posi&amp;tion:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="211"/>
        <source>On-&amp;site contact:</source>
        <translation>现场负责人(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="211"/>
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="211"/>
        <source>&amp;Risk level:</source>
        <translation>风险等级(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="212"/>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="216"/>
        <source>Full registered name</source>
        <translation>工商登记的完整名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="217"/>
        <source>18 characters, e.g. 91350100M000100Y43</source>
        <translation>18 位，例如 91350100M000100Y43</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="218"/>
        <source>Mobile or landline</source>
        <translation>手机或固定电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="220"/>
        <location filename="../../inspector_app/ui/dialogs/company_dialog.py" line="221"/>
        <source>(not set)</source>
        <translation>（未填写）</translation>
    </message>
</context>
<context>
    <name>CompanyImportDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="84"/>
        <source>Choose a list of companies</source>
        <translation>选择单位名单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="85"/>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="131"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="131"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="132"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="132"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="163"/>
        <source>Import companies</source>
        <translation>导入被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="165"/>
        <source>Choose a CSV or Excel (.xlsx) file with a header row. A company already on this computer (same credit code) is updated, never added twice; empty cells keep what is stored. Rows with errors are skipped.</source>
        <translation>请选择带表头的 CSV 或 Excel（.xlsx）文件。本机已有的单位（统一社会信用代码相同）将被更新，不会重复添加；空白单元格保留原有内容。有错误的行将被跳过。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="168"/>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="169"/>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="170"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="172"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="172"/>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="172"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="172"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/company_import_dialog.py" line="173"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="44"/>
        <source>Unexpected problem</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="46"/>
        <source>Inspector ran into an unexpected problem. Every answer already shown on screen was saved when it was made. You can save a report for support.</source>
        <translation>程序遇到了意外问题。屏幕上已显示的每一项填写内容在填写时均已保存。您可以保存一份错误报告提供给技术支持。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="49"/>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="63"/>
        <location filename="../../inspector_app/ui/crash.py" line="73"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="64"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="74"/>
        <source>The report could not be saved: {0}</source>
        <translation>报告未能保存：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="78"/>
        <source>Report saved: {0}
Send this file to whoever looks after Inspector at your office.</source>
        <translation>报告已保存：{0}
请把这个文件发给单位里负责本程序的同事。</translation>
    </message>
</context>
<context>
    <name>DataLock</name>
    <message>
        <location filename="../../inspector_app/ui/data_lock.py" line="24"/>
        <source>Another Inspector is using this data folder ({path}). Close it there, or start Inspector with another data folder.</source>
        <translation>另一个 Inspector 正在使用这个数据目录（{path}）。请先关闭那个 Inspector，或用另一个数据目录启动。</translation>
    </message>
</context>
<context>
    <name>DispatchPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="391"/>
        <source>Dispatch</source>
        <translation>调度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="395"/>
        <source>From</source>
        <translation>统计时段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="396"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="397"/>
        <source>Statistics table (xlsx)…</source>
        <translation>统计表（xlsx）…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="398"/>
        <source>Circular (PDF)…</source>
        <translation>通报（PDF）…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="402"/>
        <source>Selected unit&apos;s table…</source>
        <translation>所选单位的情况表…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="404"/>
        <source>A town&apos;s or a department&apos;s own table, with the list of its hazards: select its row first.</source>
        <translation>乡镇（街道）或部门自己的统计表，附其隐患清单：请先选中它所在的行。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="406"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="407"/>
        <source>Units and campaigns…</source>
        <translation>单位与专项行动…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="410"/>
        <source>Weekly trend (ISO weeks)</source>
        <translation>按周趋势（ISO 周）</translation>
    </message>
    <message>
        <source>Double-click a figure to see the records behind it. Units with no inspection in the period are shaded.</source>
        <translation type="vanished">双击数字可查看其对应的记录。本期无检查的单位以底色标出。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="435"/>
        <source>Counted: completed and signed records (their latest revision) started in the period. Drafts are not counted: %Ln hazard(s) in drafts of the period.</source>
        <translation>
            <numerusform>统计口径：已完成和已签署的检查记录（取最新修订版本），按检查开始日期计入本时段；草稿不计入：本时段草稿中的隐患 %Ln 条。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="444"/>
        <source>By town</source>
        <translation>按乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="445"/>
        <source>By department</source>
        <translation>按行业主管部门</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="446"/>
        <source>By industry</source>
        <translation>按行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="451"/>
        <source>All work (no campaign)</source>
        <translation>全部工作（不限专项行动）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="485"/>
        <source>The period ends before it starts.</source>
        <translation>统计时段的结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="491"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="548"/>
        <source>Counting cancelled. Change the period or the grouping to count again.</source>
        <translation>已取消统计。更改统计时段或分组即可重新统计。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="557"/>
        <source>Supervision inspections of units (not in company coverage): %1</source>
        <translation>对乡镇、部门的督导检查（不计入企业覆盖）：%1</translation>
    </message>
    <message>
        <source>Nothing this period</source>
        <translation type="vanished">本期无检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="733"/>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="765"/>
        <source>Major</source>
        <translation>重大隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="734"/>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="766"/>
        <source>General</source>
        <translation>一般隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="735"/>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="791"/>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="409"/>
        <source>Hazards and rectification by unit</source>
        <translation>各单位排查隐患及整改情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="400"/>
        <source>Numbered with the office&apos;s short name: Tools → Inspector profile…, Circular number word</source>
        <translation>文号中的机关代字在“工具 → 检查人员信息…”的“通报文号代字”中设置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="411"/>
        <source>Hazards by grade</source>
        <translation>隐患等级构成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="412"/>
        <source>Double-click a figure to see the records behind it. Units with no inspection in the period (re-inspections are not counted) are shaded.</source>
        <translation>双击数字可查看其对应的记录。本期无检查（复查不计入）的单位以底色标出。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="789"/>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="790"/>
        <source>Hazards found</source>
        <translation>发现隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="862"/>
        <source>dispatch-statistics-{0}-to-{1}</source>
        <translation>调度统计表-{0}至{1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="863"/>
        <source>dispatch-circular-{0}-to-{1}</source>
        <translation>调度通报-{0}至{1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="868"/>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="869"/>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>电子表格 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="869"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="878"/>
        <source>Select a town&apos;s or a department&apos;s row first.</source>
        <translation>请先选中一个乡镇（街道）或行业主管部门所在的行。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="890"/>
        <source>Writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="903"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="919"/>
        <source>Written: {0} (circular {1})</source>
        <translation>已写入：{0}（文号 {1}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="920"/>
        <source>Written: {0}</source>
        <translation>已写入：{0}</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="190"/>
        <source>Rendering the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="191"/>
        <source>Writing the PDF…</source>
        <translation>正在写入 PDF…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="218"/>
        <source>Laying out the pages…</source>
        <translation>正在排版页面…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="220"/>
        <source>Preparing photos ({0} of {1})…</source>
        <translation>正在准备照片（第 {0} 张，共 {1} 张）…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="240"/>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="395"/>
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>共 %Ln 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="247"/>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="252"/>
        <source>Only %Ln document number(s) of this type left on this computer: ask the office for a new number block.</source>
        <translation>
            <numerusform>本机此类文书编号仅剩 %Ln 个：请向办公室申请新的编号段。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="278"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="279"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="290"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="306"/>
        <source>There is nothing to print yet: wait for the preview.</source>
        <translation>还没有可打印的内容，请等待预览生成。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="313"/>
        <source>The printer cannot be used. Check that it is connected and ready, or choose another one.</source>
        <translation>无法使用该打印机。请检查打印机是否已连接并就绪，或选择其他打印机。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="336"/>
        <source>A company&apos;s self-inspection issues no order.</source>
        <translation>企业自查不出具责令限期整改指令书。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="338"/>
        <source>A supervision inspection of a unit has a record only: orders go to companies.</source>
        <translation>对乡镇、部门的督导检查只出具检查记录：整改指令书等文书针对企业。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="339"/>
        <source>No hazards were found: there is nothing to order.</source>
        <translation>未发现事故隐患，无需责令整改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="341"/>
        <source>Some hazards have no requirement or deadline yet: complete them first.</source>
        <translation>部分隐患尚未填写整改要求或整改期限，请先补充完整。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="343"/>
        <source>Only a re-inspection has a re-inspection opinion: open the re-inspection (its row in the Inspections list, or File → Re-inspection…) and press Documents… there.</source>
        <translation>只有复查才出具整改复查意见书：请打开该次复查（检查记录列表中的相应行，或“文件 → 复查…”），在复查窗口中按“文书…”。</translation>
    </message>
    <message>
        <source>Only a re-inspection has a re-inspection opinion.</source>
        <translation type="vanished">只有复查才出具整改复查意见书。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="347"/>
        <source>The inspection it follows has no order issued yet: issue the order first.</source>
        <translation>所复查的检查尚未下达责令限期整改指令书，请先出具指令书。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="349"/>
        <source>No hazard has a measure taken on site (work stopped, people withdrawn …): record it on the hazard first.</source>
        <translation>没有隐患记录了现场处理措施（停止作业、撤出人员……）：请先在隐患中填写。</translation>
    </message>
    <message>
        <source>No hazard has a measure taken on site (停止作业, 撤出人员 …): record it on the hazard first.</source>
        <translation type="vanished">没有隐患记录了现场处理措施（停止作业、撤出人员……）：请先在隐患中填写。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="372"/>
        <source>Print and export documents</source>
        <translation>打印和导出文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="373"/>
        <source>&amp;Document:</source>
        <translation>文书(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="375"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="376"/>
        <source>Chinese (Simplified)</source>
        <translation>中文（简体）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="377"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="392"/>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="393"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="268"/>
        <source>Record a drill</source>
        <translation>登记应急演练</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="284"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="284"/>
        <source>Deadline (YYYY-MM-DD)</source>
        <translation>整改期限（年-月-日）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="284"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="291"/>
        <source>Add a problem</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation type="vanished">添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="294"/>
        <source>Plan</source>
        <translation>演练预案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="295"/>
        <source>Date</source>
        <translation>演练日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="296"/>
        <source>Form</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="297"/>
        <source>Scope</source>
        <translation>演练内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="298"/>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="299"/>
        <source>Participants</source>
        <translation>参演人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="300"/>
        <source>Scenario</source>
        <translation>演练情景</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="301"/>
        <source>What worked</source>
        <translation>评估：效果较好的方面</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="302"/>
        <source>Problems found</source>
        <translation>评估：发现的问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="293"/>
        <source>Drill photos</source>
        <translation>演练照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation type="vanished">图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation type="vanished">
            <numerusform>%Ln 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="323"/>
        <source>Register the plan first.</source>
        <translation>请先登记预案。</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="142"/>
        <source>Company</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="143"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="144"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="145"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="146"/>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="147"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="148"/>
        <source>Record number</source>
        <translation>检查记录编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="149"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="150"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="151"/>
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="152"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="153"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="154"/>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="155"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="156"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="209"/>
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DropCompanyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/drop_company_dialog.py" line="38"/>
        <source>Company closed: plan %1</source>
        <translation>企业停业：%1年度计划</translation>
    </message>
    <message>
        <source>e.g. closed (停业) since March</source>
        <translation type="vanished">例如：3月起停业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/drop_company_dialog.py" line="54"/>
        <source>e.g. closed since March</source>
        <translation>例如：3月起停业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/drop_company_dialog.py" line="55"/>
        <source>Its visits on or after this day are dropped and their planned inspections not yet started are cancelled; earlier visits stay.</source>
        <translation>自该日起（含当日）的计划检查将被删除，尚未开始的计划检查一并取消；此前的检查保留。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/drop_company_dialog.py" line="68"/>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/drop_company_dialog.py" line="69"/>
        <source>Closed from</source>
        <translation>停业日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/drop_company_dialog.py" line="70"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/drop_company_dialog.py" line="85"/>
        <source>Choose a company of the plan.</source>
        <translation>请选择计划中的企业。</translation>
    </message>
</context>
<context>
    <name>EmergencyPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="431"/>
        <source>Plans &amp; drills</source>
        <translation>预案与演练</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="435"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="436"/>
        <source>New plan…</source>
        <translation>新增预案…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="437"/>
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="438"/>
        <source>Record filing…</source>
        <translation>登记备案…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="439"/>
        <source>Record drill…</source>
        <translation>登记演练…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="440"/>
        <source>Attach file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="441"/>
        <source>Mark done…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="442"/>
        <source>Show done tasks</source>
        <translation>显示已办结任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="443"/>
        <source>New station…</source>
        <translation>新建站点…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="444"/>
        <source>Record milestone…</source>
        <translation>登记节点…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="445"/>
        <source>Record check…</source>
        <translation>登记督导…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="446"/>
        <source>Circular (PDF)…</source>
        <translation>通报（PDF）…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="447"/>
        <source>Circular (xlsx)…</source>
        <translation>通报（xlsx）…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="450"/>
        <source>Numbered with the office&apos;s short name: Tools → Inspector profile…, Circular number word</source>
        <translation>文号中的机关代字在“工具 → 检查人员信息…”的“通报文号代字”中设置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="452"/>
        <source>Progress by unit</source>
        <translation>各单位进度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="452"/>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="516"/>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="453"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="453"/>
        <source>Follow-up tasks</source>
        <translation>整改任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="454"/>
        <source>Stations</source>
        <translation>应急站点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="466"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="470"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="474"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="514"/>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="578"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="516"/>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="585"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="516"/>
        <source>Filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="517"/>
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="517"/>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="518"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="518"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="518"/>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="549"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="519"/>
        <source>Drills this year</source>
        <translation>本年演练</translation>
    </message>
    <message>
        <source>%1 of %2 units have filed every plan; %3 are past their deadline.</source>
        <translation type="vanished">%2个单位中%1个已全部备案；%3个已超过完成时限。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="523"/>
        <source>%1 of %2 units have filed every plan;</source>
        <translation>%2个单位中%1个已全部备案；</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/emergency.py" line="525"/>
        <source>%Ln unit(s) past the deadline.</source>
        <translation>
            <numerusform>%Ln个已超过完成时限。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="536"/>
        <source>revision overdue</source>
        <translation>逾期未修订</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="537"/>
        <source>drill overdue</source>
        <translation>逾期未演练</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="545"/>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="555"/>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="566"/>
        <source>Owner</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="545"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="545"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="546"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="546"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="546"/>
        <source>Issued on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="547"/>
        <source>Filed on</source>
        <translation>备案日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="547"/>
        <source>Filing number</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="548"/>
        <source>Revision due</source>
        <translation>应修订日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="548"/>
        <source>Last drill</source>
        <translation>最近演练</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="549"/>
        <source>Drill due</source>
        <translation>应演练日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="555"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="555"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="556"/>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="556"/>
        <source>Scope</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="556"/>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="557"/>
        <source>Scenario</source>
        <translation>演练情景</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="557"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="557"/>
        <source>Tasks</source>
        <translation>整改任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="566"/>
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="566"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="567"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="567"/>
        <source>Action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="567"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="568"/>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="568"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="577"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="578"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="585"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="585"/>
        <source>Last check</source>
        <translation>最近督导</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="604"/>
        <source>{0} ({1})</source>
        <comment>a milestone&apos;s status, its due date</comment>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="623"/>
        <source>Choose a task in the Follow-up tasks tab first.</source>
        <translation>请先在“整改任务”页签中选择一项任务。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="628"/>
        <source>This task is already done.</source>
        <translation>该任务已办结。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="640"/>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="650"/>
        <source>Choose a station in the Stations tab first.</source>
        <translation>请先在“应急站点”页签中选择一个站点。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="679"/>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="713"/>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="724"/>
        <source>Choose a plan in the Plans tab first.</source>
        <translation>请先在“预案”页签中选择一项预案。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="681"/>
        <source>Attach the plan&apos;s file</source>
        <translation>附加预案文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="682"/>
        <source>Plans (*.pdf *.docx *.jpg *.jpeg *.png)</source>
        <translation>预案文件 (*.pdf *.docx *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="693"/>
        <source>Attached {0}.</source>
        <translation>已附加 {0}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="734"/>
        <source>plans-circular-{0}</source>
        <translation>预案编修情况通报-{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="739"/>
        <source>Save the circular</source>
        <translation>保存通报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="740"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="740"/>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>电子表格 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="751"/>
        <source>Writing {0}…</source>
        <translation>正在生成 {0}…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="765"/>
        <source>Written: {0} (circular {1})</source>
        <translation>已写入：{0}（文号 {1}）</translation>
    </message>
    <message>
        <source>Written: {0}</source>
        <translation type="vanished">已生成：{0}</translation>
    </message>
</context>
<context>
    <name>FilingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="238"/>
        <source>Record filing: %1</source>
        <translation>登记备案：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="243"/>
        <source>Receiving authority</source>
        <translation>受理备案机关</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="244"/>
        <source>Filing number</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="245"/>
        <source>Filing date</source>
        <translation>备案日期</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="84"/>
        <source>Welcome to Inspector</source>
        <translation>欢迎使用安全检查助手</translation>
    </message>
    <message>
        <source>Before the first inspection, tell Inspector who uses this computer. The document-number prefix makes this computer&apos;s document numbers unique in the district; use the one your office assigned.</source>
        <translation type="vanished">首次检查前，请填写使用本机的检查人员信息。文书编号前缀用于保证本机生成的文书编号在全区唯一，请使用单位分配的前缀。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="86"/>
        <source>Before the first inspection, tell Inspector who uses this computer. Use the prefix your office assigned to this computer; the office&apos;s sync bundle brings the blocks of document numbers it may issue. Where the company may apply for reconsideration or sue is printed on every order and decision.</source>
        <translation>首次检查前，请填写使用本机的检查人员信息。前缀请使用单位为本机分配的前缀；本机可用的文书编号段随办公室的同步包下发。行政复议机关和管辖法院将印在每份指令书和决定书上。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="90"/>
        <source>Inspector&apos;s &amp;name:</source>
        <translation>检查人员姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="90"/>
        <source>&amp;Enforcement-ID number:</source>
        <translation>执法证号(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="91"/>
        <source>&amp;Organisation:</source>
        <translation>所属单位(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="91"/>
        <source>&amp;Authority short name:</source>
        <translation>机关简称(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="92"/>
        <source>Circular number &amp;word:</source>
        <translation>通报文号代字(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="93"/>
        <source>Document-number &amp;prefix:</source>
        <translation>文书编号前缀(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="94"/>
        <source>Reconsideration: people&apos;s &amp;government:</source>
        <translation>行政复议：人民政府(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="95"/>
        <source>Reconsideration: &amp;higher authority:</source>
        <translation>行政复议：上级部门(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="96"/>
        <source>Lawsuits: people&apos;s &amp;court:</source>
        <translation>行政诉讼：人民法院(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="99"/>
        <source>e.g. 泉台</source>
        <translation>例如：泉台</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="101"/>
        <source>e.g. 台安办 (empty: %1)</source>
        <translation>例如：台安办（不填则为“%1”）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="103"/>
        <source>The office&apos;s short name in the numbers of the circulars this computer writes, e.g. 台安办〔2026〕12号</source>
        <translation>本机生成的通报文号中的机关代字，例如 台安办〔2026〕12号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="105"/>
        <source>e.g. 泉台区 (printed with 人民政府)</source>
        <translation>例如 泉台区（打印时加“人民政府”）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="106"/>
        <source>e.g. 泉州市应急管理局 (may be empty)</source>
        <translation>例如 泉州市应急管理局（可留空）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="107"/>
        <source>e.g. 泉台区 (printed with 人民法院)</source>
        <translation>例如 泉台区（打印时加“人民法院”）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="133"/>
        <source>Quit Inspector?</source>
        <translation>退出 Inspector？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="134"/>
        <source>Inspector needs to know who inspects before the first inspection: the name and enforcement-ID number go on every record, the prefix into every document number.

Quit now? Nothing is saved, and Inspector asks again at the next start.</source>
        <translation>第一次检查之前，Inspector 需要知道由谁检查：姓名和执法证号写入每份记录，编号前缀写入每个文书编号。

现在退出吗？所填内容不会保存，下次启动时会再次询问。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="138"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_run.py" line="139"/>
        <source>&amp;Go back and fill in</source>
        <translation>返回填写(&amp;G)</translation>
    </message>
</context>
<context>
    <name>GovernancePlanDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/governance_plan_dialog.py" line="58"/>
        <source>Governance plan of hazard {0}</source>
        <translation>第{0}项隐患的治理方案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/governance_plan_dialog.py" line="60"/>
        <source>The company&apos;s governance plan for this major hazard. The hazard can be closed only when all six elements are filled in and the acceptance is recorded.</source>
        <translation>被检查单位针对该重大事故隐患制定的治理方案。六项内容齐全并记录评估验收后，方可销号。</translation>
    </message>
</context>
<context>
    <name>HazardList</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="57"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="57"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="57"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="57"/>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="58"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="58"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="59"/>
        <source>Add hazard…</source>
        <translation>添加隐患…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="60"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_list.py" line="61"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>HazardPanel</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="76"/>
        <source>Hazard {0}</source>
        <translation>隐患 {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="77"/>
        <source>&amp;Grade:</source>
        <translation>隐患等级(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="77"/>
        <source>&amp;Description:</source>
        <translation>隐患描述(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="78"/>
        <source>Rectification &amp;requirement:</source>
        <translation>整改要求(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="79"/>
        <source>Dead&amp;line:</source>
        <translation>整改期限(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="79"/>
        <source>Res&amp;ponsible person:</source>
        <translation>整改责任人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="80"/>
        <source>On-the-&amp;spot measure:</source>
        <translation>现场处理措施(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/hazard_panel.py" line="84"/>
        <source>Photos of this hazard</source>
        <translation>本隐患照片</translation>
    </message>
</context>
<context>
    <name>HazardResultEditor</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="261"/>
        <source>%Ln after-photo(s)</source>
        <translation>
            <numerusform>%Ln 张整改后照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="279"/>
        <source>Hazard {0} · {1}</source>
        <translation>隐患 {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="282"/>
        <source>Deadline: {0} · Status: {1}</source>
        <translation>整改期限：{0} · 状态：{1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="285"/>
        <source>Requirement: {0}</source>
        <translation>整改要求：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="287"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="290"/>
        <source>&amp;Rectified (close the hazard)</source>
        <translation>已整改，予以销号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="291"/>
        <source>&amp;Not rectified (new deadline)</source>
        <translation>未整改，重新限期(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="292"/>
        <source>Result:</source>
        <translation>复查结果：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="292"/>
        <source>New &amp;deadline:</source>
        <translation>新的整改期限(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="293"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="295"/>
        <source>What was seen on site</source>
        <translation>现场复查情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="296"/>
        <source>Add after-photos…</source>
        <translation>添加整改后照片…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="304"/>
        <source>%Ln element(s) missing</source>
        <translation>
            <numerusform>缺%Ln项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln element(s) missing: {0}</source>
        <translation type="vanished">
            <numerusform>缺%Ln项：{0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="308"/>
        <source>complete (all six elements)</source>
        <translation>齐全（六项内容）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="311"/>
        <source>Governance &amp;plan…</source>
        <translation>治理方案(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="313"/>
        <source>Governance plan:</source>
        <translation>治理方案：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="313"/>
        <source>Accepted on:</source>
        <translation>验收日期：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="314"/>
        <source>Accepted by:</source>
        <translation>验收人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="314"/>
        <source>Conclusion:</source>
        <translation>验收结论：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="316"/>
        <source>Who assessed and accepted it</source>
        <translation>评估、验收的单位或人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="318"/>
        <source>The conclusion of the assessment / acceptance</source>
        <translation>评估、验收的结论</translation>
    </message>
</context>
<context>
    <name>HazardsModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="114"/>
        <source>Number</source>
        <translation>隐患编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="114"/>
        <source>Company</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="115"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="115"/>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="116"/>
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="116"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="117"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="117"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="118"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="118"/>
        <source>Responsible</source>
        <translation>整改责任人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="119"/>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="120"/>
        <source>Legal basis</source>
        <translation>依据条款</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="121"/>
        <source>Re-inspection result</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="122"/>
        <source>Re-inspected</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="122"/>
        <source>Closed</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="123"/>
        <source>Governance plan</source>
        <translation>治理方案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="123"/>
        <source>Acceptance</source>
        <translation>评估验收</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="135"/>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="205"/>
        <source> (draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="223"/>
        <source>The inspection is still a draft: no rectification order has been issued for this hazard yet.</source>
        <translation>检查记录仍为草稿：尚未就该隐患下达整改指令。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/hazards_model.py" line="227"/>
        <source>Inspection {0} ({1})</source>
        <translation>检查记录 {0}（{1}）</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="295"/>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="488"/>
        <source>All towns</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="372"/>
        <source>hazard-ledger-{0}.csv</source>
        <translation>隐患台账-{0}.csv</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="371"/>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="388"/>
        <source>Export hazard ledger</source>
        <translation>导出隐患台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="373"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="386"/>
        <source>Exporting the hazard ledger…</source>
        <translation>正在导出隐患台账……</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="386"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/hazards.py" line="422"/>
        <source>%Ln hazard(s) exported to {0}.</source>
        <translation>
            <numerusform>已将 %Ln 条隐患导出到 {0}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="434"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="446"/>
        <source>Counting the hazards…</source>
        <translation>正在统计隐患……</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="448"/>
        <source>{0} open</source>
        <translation>待整改 {0} 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="449"/>
        <source>{0} awaiting re-inspection</source>
        <translation>已整改待复查 {0} 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="450"/>
        <source>{0} reopened</source>
        <translation>复查未通过 {0} 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="451"/>
        <source>{0} closed</source>
        <translation>已销号 {0} 条</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/hazards.py" line="458"/>
        <source>%Ln hazard(s): </source>
        <translation>
            <numerusform>共 %Ln 条隐患：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="459"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{0} open, {1} awaiting re-inspection, {2} reopened, {3} closed</source>
        <translation type="vanished">待整改 {0} 条，已整改待复查 {1} 条，复查未通过 {2} 条，已销号 {3} 条</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/hazards.py" line="461"/>
        <source>; %Ln overdue</source>
        <translation>
            <numerusform>；逾期 %Ln 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="467"/>
        <source>Hazards</source>
        <translation>隐患台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="471"/>
        <source>&amp;Open inspection</source>
        <translation>打开检查记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="472"/>
        <source>&amp;Re-inspect company…</source>
        <translation>复查该单位(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="473"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="474"/>
        <source>Open the inspection that found this hazard</source>
        <translation>打开发现该隐患的检查记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="476"/>
        <source>Start a re-inspection of the open hazards of this hazard&apos;s company</source>
        <translation>对该隐患所属单位的未销号隐患开始复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="477"/>
        <source>Search description or company</source>
        <translation>搜索隐患描述或单位名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="478"/>
        <source>Not closed</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="482"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="483"/>
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="490"/>
        <source>Overdue only</source>
        <translation>仅显示逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="492"/>
        <source>Hazards past their deadline and not closed (drafts excluded)</source>
        <translation>已超过整改期限且未销号的隐患（不含草稿）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="493"/>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../inspector_app/ui/help_window.py" line="209"/>
        <source>User guide</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/help_window.py" line="210"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/help_window.py" line="211"/>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/help_window.py" line="212"/>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/help_window.py" line="213"/>
        <source>Search the guide</source>
        <translation>搜索用户手册</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/help_window.py" line="272"/>
        <source>%Ln page(s) found</source>
        <translation>
            <numerusform>找到 %Ln 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/help_window.py" line="380"/>
        <source>Help for this window (F1)</source>
        <translation>本窗口的帮助（F1）</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="80"/>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation type="vanished">时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="81"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation type="vanished">对象</translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="vanished">字段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="81"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="81"/>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="82"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="82"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="82"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="83"/>
        <source>Details</source>
        <translation>原始记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="103"/>
        <source>Show the stored entries (ids, UTC times)</source>
        <translation>显示原始记录（编号、UTC 时间）</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="137"/>
        <source>Signing identity</source>
        <translation>签名证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="140"/>
        <source>&amp;Import enrolment file…</source>
        <translation>导入证书文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="142"/>
        <source>Create a company&apos;s &amp;own identity…</source>
        <translation>创建企业自有签名证书(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="161"/>
        <source>No signing identity on this computer yet. Import the enrolment file the office issued for you.</source>
        <translation>本机尚无签名证书。请导入单位为您签发的证书文件。</translation>
    </message>
</context>
<context>
    <name>ImportIdentityDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="74"/>
        <source>Import enrolment file</source>
        <translation>导入证书文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="77"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="84"/>
        <source>Enrolment file (.p12):</source>
        <translation>证书文件（.p12）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="85"/>
        <source>One-time passphrase from the office:</source>
        <translation>单位提供的一次性口令：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="86"/>
        <source>Your new passphrase:</source>
        <translation>您的新口令：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="87"/>
        <source>Again:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="90"/>
        <source>Enrolment file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="91"/>
        <source>Enrolment files (*.p12 *.pfx)</source>
        <translation>证书文件 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="97"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="282"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="293"/>
        <source>Previous item</source>
        <translation>上一项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="281"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="294"/>
        <source>Next item</source>
        <translation>下一项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="283"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="295"/>
        <source>Next unanswered</source>
        <translation>下一未答项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="284"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="296"/>
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="285"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="297"/>
        <source>Add hazard…</source>
        <translation>添加隐患…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="286"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="298"/>
        <source>Complete…</source>
        <translation>完成检查…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="299"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="300"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="752"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="757"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="767"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="797"/>
        <source>Sign and lock</source>
        <translation>签署并锁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="287"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="301"/>
        <source>Signatures…</source>
        <translation>签名…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="288"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="302"/>
        <source>Documents…</source>
        <translation>文书…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="303"/>
        <source>Amend…</source>
        <translation>修订…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="289"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="304"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="276"/>
        <source>Answer: compliant, non-compliant, not applicable (or the n-th choice)</source>
        <translation>作答：符合、不符合、不适用（或第 n 个选项）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="279"/>
        <source>Type a note on the item</source>
        <translation>为该项输入备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="280"/>
        <source>Back to the list of items</source>
        <translation>返回检查项列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="305"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="306"/>
        <source>All photos of this inspection</source>
        <translation>本次检查的全部照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="348"/>
        <source>{0} · {1} · answered {2}/{3} · compliance {4} · hazards {5}</source>
        <translation>{0} · {1} · 已答 {2}/{3} · 符合率 {4} · 隐患 {5} 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="352"/>
        <source>Signed and locked: nothing here can change.</source>
        <translation>已签署并锁定，内容不可更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="354"/>
        <source>A corrected revision exists.</source>
        <translation>已有更正后的修订版。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="356"/>
        <source>Use Amend to make a corrected revision.</source>
        <translation>如需更正，请使用“修订”生成新版本。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="358"/>
        <source>Completed. Reopen it to change answers, or sign and lock it.</source>
        <translation>已完成。如需修改请重新打开，或签署并锁定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="360"/>
        <source>Revision {0}, correcting a signed record: {1}</source>
        <translation>第 {0} 版，更正已签署记录：{1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection_window.py" line="367"/>
        <source>Hazards (%Ln)</source>
        <translation>
            <numerusform>隐患（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection_window.py" line="368"/>
        <source>Photos (%Ln)</source>
        <translation>
            <numerusform>照片（%Ln）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="386"/>
        <source>Registered plans (revision due): {0}</source>
        <translation>已登记预案（应修订日期）：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="388"/>
        <source>No emergency plan of this company is registered.</source>
        <translation>该企业尚无登记的应急预案。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="389"/>
        <source>Last drill: {0}</source>
        <translation>最近一次演练：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="390"/>
        <source>No drill recorded.</source>
        <translation>无演练记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="391"/>
        <source>⚠ Overdue for revision: {0}</source>
        <translation>⚠ 逾期未修订：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="393"/>
        <source>⚠ No drill in the required period: {0} (due {1})</source>
        <translation>⚠ 未按规定频次演练：{0}（应于 {1} 前）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="443"/>
        <source>Every item is answered.</source>
        <translation>所有检查项均已作答。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="508"/>
        <source>Signatures will be cleared</source>
        <translation>签名将被清除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="509"/>
        <source>This record was signed as it stands by: {0}.

Changing it clears these signatures: they are no longer printed, and must be given again (Signatures…) before the record is signed and locked. Change it?</source>
        <translation>本记录已按现有内容由以下人员签名：{0}。

修改记录将清除这些签名：它们不再打印，须在签署并锁定记录前重新签名（“签名…”）。确定修改吗？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="550"/>
        <source>Hazard {0} withdrawn: what was typed in it is kept (see History). Ctrl+Z or answering non-compliant again brings it back.</source>
        <translation>隐患 {0} 已撤回：已填写的内容仍保留（见修改记录）。按 Ctrl+Z 或再次选择“不符合”即可恢复。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="555"/>
        <source>Hazard {0} restored as it was.</source>
        <translation>隐患 {0} 已按原样恢复。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="593"/>
        <source>Hazard {0}</source>
        <translation>隐患 {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="599"/>
        <source>The inspection as a whole</source>
        <translation>整个检查（不属于具体检查项）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="620"/>
        <source>description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="621"/>
        <source>rectification requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="622"/>
        <source>deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="623"/>
        <source>Hazard {0}: the {1} is missing</source>
        <translation>隐患 {0}：未填写{1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="672"/>
        <source>Delete hazard</source>
        <translation>删除隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="673"/>
        <source>Why is this hazard deleted?</source>
        <translation>请说明删除此隐患的原因：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="693"/>
        <source>Inspection completed. The record changed after it was signed; these signatures must be given again: {0}.</source>
        <translation>检查已完成。记录在签名后有修改，以下签名需要重新签署：{0}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="732"/>
        <source>Unlocking your signing key…</source>
        <translation>正在解锁签名密钥…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="758"/>
        <source>This computer has no signing identity ({0}), so the record can be locked but not signed digitally. Lock it without a digital signature?</source>
        <translation>本机没有签名证书（{0}），只能锁定记录而不能进行数字签名。是否在不加数字签名的情况下锁定？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="505"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="697"/>
        <source>Sign again</source>
        <translation>需要重新签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="699"/>
        <source>Inspection completed.</source>
        <translation>检查已完成。</translation>
    </message>
    <message>
        <source>an inspector</source>
        <translation type="vanished">一名检查人员</translation>
    </message>
    <message>
        <source>the company&apos;s person</source>
        <translation type="vanished">被检查单位负责人</translation>
    </message>
    <message>
        <source>the witness</source>
        <translation type="vanished">见证人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="734"/>
        <source>Passphrase of your signing identity ({0}):</source>
        <translation>签名证书（{0}）的口令：</translation>
    </message>
    <message>
        <source>{0} (again)</source>
        <translation type="vanished">{0}（需重新签名）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="753"/>
        <source>Signatures are still missing: {0}.</source>
        <translation>尚缺签名：{0}。</translation>
    </message>
    <message>
        <source>This computer has no signing identity (Tools → Signing identity), so the record can be locked but not signed digitally. Lock it without a digital signature?</source>
        <translation type="vanished">本机没有签名证书（工具 → 签名证书），只能锁定记录而不能进行数字签名。是否在不加数字签名的情况下锁定？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="768"/>
        <source>After signing, nothing in this record can change; corrections become a new revision. Sign it now?</source>
        <translation>签署后本记录的任何内容均不可更改，更正须另行生成修订版。现在签署吗？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="795"/>
        <location filename="../../inspector_app/ui/inspection_window.py" line="826"/>
        <source>Checking the photos…</source>
        <translation>正在核对照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="795"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="821"/>
        <source>Signing the record…</source>
        <translation>正在签署记录…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="825"/>
        <source>Checked photo {0} of {1}: {2}</source>
        <translation>已核对第 {0} 张照片（共 {1} 张）：{2}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="841"/>
        <source>Signed and locked.</source>
        <translation>已签署并锁定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="856"/>
        <source>Signing was cancelled: the record is not signed and not locked.</source>
        <translation>已取消签署：记录未签署，也未锁定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="865"/>
        <source>Amend</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection_window.py" line="866"/>
        <source>Why is the signed record corrected?</source>
        <translation>请说明更正已签署记录的原因：</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="100"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="100"/>
        <source>Company</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="100"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="100"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="101"/>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="101"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="101"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="101"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="102"/>
        <source>Hazards (major)</source>
        <translation>隐患（重大）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="102"/>
        <source>Open hazards</source>
        <translation>未销号隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/inspections_model.py" line="124"/>
        <source>Revision {0}</source>
        <translation>第{0}版</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="209"/>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="389"/>
        <source>All towns</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="210"/>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="391"/>
        <source>All inspectors</source>
        <translation>全部检查人员</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/inspections.py" line="308"/>
        <source>&amp;Planned (%Ln)…</source>
        <translation>
            <numerusform>计划检查（%Ln）(&amp;P)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/inspections.py" line="373"/>
        <source>%Ln inspection(s)</source>
        <translation>
            <numerusform>%Ln 条检查记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="376"/>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="345"/>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="380"/>
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="339"/>
        <source>Import the office&apos;s &amp;bundle…</source>
        <translation>导入单位数据包(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="342"/>
        <source>No inspections yet</source>
        <translation>还没有检查记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="343"/>
        <source>Start the first inspection: choose a company and its checklist. Colleagues&apos; inspections arrive with the office&apos;s bundle (Sync page).</source>
        <translation>开始第一次检查：选择被检查单位和检查表。同事的检查记录随单位数据包导入（“数据同步”页）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="345"/>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="354"/>
        <source>Add a &amp;company…</source>
        <translation>添加被检查单位(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="348"/>
        <source>Welcome: first add the companies you inspect</source>
        <translation>欢迎使用：请先添加要检查的单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="349"/>
        <source>1. Add a company, or import the list of companies (CSV or Excel).
2. Then start an inspection of one of them.
Working in an office team? Import the bundle the office gave you (USB stick): it brings the companies, templates and your colleagues&apos; records.</source>
        <translation>1. 添加被检查单位，或导入单位名单（CSV 或 Excel）。
2. 然后对其中一家单位开始检查。
在单位里与同事协同工作？请导入单位发给您的数据包（U 盘）：其中包括被检查单位、检查表模板和同事的检查记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="354"/>
        <source>&amp;Import companies…</source>
        <translation>导入被检查单位(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="381"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="383"/>
        <source>Search company name or number</source>
        <translation>搜索单位名称或文书编号</translation>
    </message>
    <message>
        <source>Search company name</source>
        <translation type="vanished">搜索单位名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="384"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="392"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="393"/>
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="394"/>
        <source>Only inspections started on or after this date</source>
        <translation>只显示在此日期当天或之后开始的检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="395"/>
        <source>Only inspections started on or before this date</source>
        <translation>只显示在此日期当天或之前开始的检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="396"/>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
</context>
<context>
    <name>InspectorPicker</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/inspector_picker.py" line="96"/>
        <source>no enforcement ID</source>
        <translation>无执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/inspector_picker.py" line="141"/>
        <source>Enter the new inspector&apos;s name.</source>
        <translation>请输入新检查人员的姓名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/inspector_picker.py" line="160"/>
        <source>Add inspector…</source>
        <translation>添加检查人员…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/inspector_picker.py" line="161"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/inspector_picker.py" line="162"/>
        <source>Enforcement-ID number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/inspector_picker.py" line="163"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="252"/>
        <source>&amp;Note (press N to type, Esc to go back):</source>
        <translation>备注(&amp;N)（按 N 输入，Esc 返回）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="95"/>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="124"/>
        <source>Choose an item on the left.</source>
        <translation>请在左侧选择检查项。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="131"/>
        <source> (required)</source>
        <translation>（必填）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="172"/>
        <source>Photos of this item — at least {0} needed</source>
        <translation>本项照片 — 至少需要 {0} 张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="175"/>
        <source>Photos of this item</source>
        <translation>本项照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="216"/>
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="216"/>
        <source>How to check</source>
        <translation>检查方法</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="217"/>
        <source>Situation (official wording)</source>
        <translation>情形（原文）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/item_panel.py" line="251"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>KeyboardHelpDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/keyboard_help.py" line="29"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/keyboard_help.py" line="30"/>
        <source>Main window</source>
        <translation>主窗口</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/keyboard_help.py" line="36"/>
        <source>Inspection window</source>
        <translation>检查窗口</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/keyboard_help.py" line="39"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/keyboard_help.py" line="39"/>
        <source>What they do</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/keyboard_help.py" line="51"/>
        <source>Text fields keep digits and letters for typing: press Esc to go back to the list first.</source>
        <translation>在文本框中数字和字母用于输入：请先按 Esc 返回列表。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="13"/>
        <source>Compliant</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="14"/>
        <source>Non-compliant</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="15"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="17"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="18"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="19"/>
        <source>%Ln photo(s)</source>
        <translation>%Ln 张照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="22"/>
        <source>Outside the allowed range {0} – {1}; not saved.</source>
        <translation>超出允许范围 {0} – {1}，未保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="23"/>
        <source>Outside the normal range {0} – {1}: check it.</source>
        <translation>超出正常范围 {0} – {1}，请核实。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="24"/>
        <source>Not a number; not saved.</source>
        <translation>不是数字，未保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="25"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="26"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="27"/>
        <source>%Ln photo(s) attached; at least {0} needed.</source>
        <translation>已附照片 %Ln 张，至少需要 {0} 张。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="28"/>
        <source>Signatures are collected when the record is signed.</source>
        <translation>签名在签署记录时采集。</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/licences_dialog.py" line="21"/>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/licences_dialog.py" line="22"/>
        <source>Inspector is free software under the Apache License 2.0. It includes the software below, each under its own licence; Qt and PySide6 are used under the GNU LGPL version 3.</source>
        <translation>本程序是以 Apache License 2.0 发布的自由软件。它包含下列软件，各自适用其许可证；Qt 和 PySide6 依 GNU LGPL 第 3 版使用。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="354"/>
        <source>Inspector</source>
        <translation>安全检查助手</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="355"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="356"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="357"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="358"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="359"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="371"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="372"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="373"/>
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="374"/>
        <source>&amp;Re-inspection…</source>
        <translation>复查(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="375"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="376"/>
        <source>Inspector &amp;profile…</source>
        <translation>检查人员信息(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="377"/>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="378"/>
        <source>&amp;User guide</source>
        <translation>用户手册(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="379"/>
        <source>&amp;About Inspector</source>
        <translation>关于安全检查助手(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="380"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="381"/>
        <source>&amp;Verify a signed PDF…</source>
        <translation>验证已签名的 PDF(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="382"/>
        <source>Signing &amp;identity…</source>
        <translation>签名证书(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="383"/>
        <source>Office signing &amp;authority…</source>
        <translation>单位签名证书管理(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="384"/>
        <source>Document-number &amp;blocks…</source>
        <translation>文书编号段(&amp;B)…</translation>
    </message>
    <message>
        <source>{0}: {1} left</source>
        <translation type="vanished">{0}：剩 {1} 个</translation>
    </message>
    <message>
        <source>Document numbers running low — {0}</source>
        <translation type="vanished">文书编号快用完了——{0}</translation>
    </message>
    <message>
        <source>, </source>
        <translation type="vanished">、</translation>
    </message>
    <message>
        <source>Fewer than {0} numbers of these documents are left in the blocks the office gave this computer.</source>
        <translation type="vanished">监管部门分配给本机的号段中，这些文书的编号已少于 {0} 个。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="401"/>
        <source>no inspector set</source>
        <translation>未设置检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="402"/>
        <source>{0} · prefix {1}</source>
        <translation>{0} · 编号前缀 {1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="493"/>
        <source>Cannot open this file</source>
        <translation>无法打开此文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="494"/>
        <source>{0} is neither an Inspector bundle (.inspx) nor a PDF.</source>
        <translation>{0} 既不是检查数据同步包（.inspx），也不是 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="603"/>
        <source>About Inspector</source>
        <translation>关于安全检查助手</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="604"/>
        <source>&lt;h3&gt;Inspector {0}&lt;/h3&gt;&lt;p&gt;Offline on-site work-safety inspections: checklists, photos, hazards and rectification, signed PDF records and USB sync.&lt;/p&gt;&lt;p&gt;Data folder: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;安全检查助手 {0}&lt;/h3&gt;&lt;p&gt;离线现场安全生产检查：检查表、现场照片、隐患与整改、带数字签名的PDF文书以及U盘数据同步。&lt;/p&gt;&lt;p&gt;数据文件夹：{1}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="609"/>
        <source>&amp;Licences…</source>
        <translation>许可证(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>MessageBridge</name>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="22"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="23"/>
        <source>File from a newer version</source>
        <translation>文件来自更新版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="24"/>
        <source>Damaged file</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="25"/>
        <source>Database in use</source>
        <translation>数据库正被使用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="26"/>
        <source>Disk full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="27"/>
        <source>Cannot write here</source>
        <translation>无法写入此位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="28"/>
        <source>Invalid input</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="29"/>
        <source>Record is locked</source>
        <translation>记录已锁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/message_bridge.py" line="30"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="89"/>
        <source>Milestone of %1</source>
        <translation>%1 的建设节点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="100"/>
        <source>Untick: no due date yet</source>
        <translation>不勾选：尚未定计划完成日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="103"/>
        <source>Milestone photos</source>
        <translation>节点照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="104"/>
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="105"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="106"/>
        <source>Due date</source>
        <translation>计划完成日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="107"/>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="108"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="47"/>
        <source>Not complete yet</source>
        <translation>尚未完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="48"/>
        <source>%Ln thing(s) still missing. Double-click one to go there.</source>
        <translation>
            <numerusform>还有 %Ln 项未完成，双击可跳转到该处。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="51"/>
        <source>Answer</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="51"/>
        <source>Photo</source>
        <translation>缺照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="52"/>
        <source>Signature</source>
        <translation>缺签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="52"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
</context>
<context>
    <name>NewHazardDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="136"/>
        <source>Add hazard</source>
        <translation>添加隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="136"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="159"/>
        <source>&amp;Description:</source>
        <translation>隐患描述(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="160"/>
        <source>&amp;Grade:</source>
        <translation>隐患等级(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="161"/>
        <source>Rectification &amp;requirement:</source>
        <translation>整改要求(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="162"/>
        <source>D&amp;eadline:</source>
        <translation>整改期限(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="163"/>
        <source>Responsible &amp;person:</source>
        <translation>整改责任人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="164"/>
        <source>On-the-&amp;spot measure:</source>
        <translation>现场处理措施(&amp;S)：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="vanished">隐患描述：</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation type="vanished">隐患等级：</translation>
    </message>
    <message>
        <source>Rectification requirement:</source>
        <translation type="vanished">整改要求：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation type="vanished">整改期限：</translation>
    </message>
    <message>
        <source>Responsible person:</source>
        <translation type="vanished">整改责任人：</translation>
    </message>
    <message>
        <source>On-the-spot measure:</source>
        <translation type="vanished">现场处理措施：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="193"/>
        <source>Describe the hazard.</source>
        <translation>请描述隐患。</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>no enforcement ID</source>
        <translation type="vanished">无执法证号</translation>
    </message>
    <message>
        <source>Enter the new inspector&apos;s name.</source>
        <translation type="vanished">请输入新检查人员的姓名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="248"/>
        <source>Choose the company to inspect.</source>
        <translation>请选择被检查单位。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="253"/>
        <source>The template library is empty: import a checklist template first.</source>
        <translation>检查表库为空，请先导入检查表模板。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="256"/>
        <source>Enter the place inspected (e.g. the workshop).</source>
        <translation>请填写检查地点（例如车间名称）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="260"/>
        <source>The start time is in the future: check the date and time.</source>
        <translation>开始时间晚于当前时间，请核对日期和时间。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="285"/>
        <source>confirmed at the start of an inspection</source>
        <translation>检查开始时确认</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="289"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="190"/>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="290"/>
        <source>&amp;Company:</source>
        <translation>被检查单位(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="190"/>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="296"/>
        <source>&amp;Unit:</source>
        <translation>被检查单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="245"/>
        <source>Choose the unit to inspect.</source>
        <translation>请选择被检查的乡镇或部门。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="290"/>
        <source>C&amp;hecklist:</source>
        <translation>检查表(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="290"/>
        <source>&amp;Kind:</source>
        <translation>检查类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="291"/>
        <source>&amp;Inspectors:</source>
        <translation>检查人员(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="291"/>
        <source>&amp;Place inspected:</source>
        <translation>检查场所(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="292"/>
        <source>&amp;Start:</source>
        <translation>开始时间(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="292"/>
        <source>Person in charge, p&amp;osition:</source>
        <translation>负责人及职务(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="297"/>
        <source>A company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="299"/>
        <source>A town&apos;s or department&apos;s work (supervision inspection)</source>
        <translation>乡镇、部门工作（督导检查）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="301"/>
        <source>Type part of the company name</source>
        <translation>输入单位名称的一部分</translation>
    </message>
    <message>
        <source>Add inspector…</source>
        <translation type="vanished">添加检查人员…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="vanished">姓名</translation>
    </message>
    <message>
        <source>Enforcement-ID number</source>
        <translation type="vanished">执法证号</translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="vanished">添加</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="305"/>
        <source>e.g. 一号车间</source>
        <translation>例如：一号车间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="306"/>
        <source>Legal representative or person in charge</source>
        <translation>法定代表人或负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/new_inspection.py" line="307"/>
        <source>Position, e.g. 总经理</source>
        <translation>职务，例如 总经理</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="138"/>
        <source>New emergency plan</source>
        <translation>新增应急预案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="152"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="153"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="154"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="155"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="156"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="128"/>
        <source>Drafting since</source>
        <translation>开始编制日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="129"/>
        <source>Reviewed on</source>
        <translation>评审/论证日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="130"/>
        <source>Issued on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="131"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>NewStationDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="45"/>
        <source>New station</source>
        <translation>新建站点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="52"/>
        <source>(no town)</source>
        <translation>（不属乡镇）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="56"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="57"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="58"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/station_dialogs.py" line="61"/>
        <source>due by</source>
        <translation>计划完成</translation>
    </message>
</context>
<context>
    <name>NumberBlocksDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="112"/>
        <source>Document-number blocks</source>
        <translation>文书编号段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="114"/>
        <source>The office gives each laptop blocks of document numbers per type and year; the laptop receives them with the office&apos;s next sync bundle and numbers only inside them. Used numbers are counted from the documents the laptops send back.</source>
        <translation>办公室按文书种类和年度为每台笔记本分配编号段；笔记本随办公室的下一个同步包收到编号段，只在编号段内编号。已用编号根据笔记本交回的文书统计。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="118"/>
        <source>Laptop</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="118"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="118"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="118"/>
        <source>Numbers</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="119"/>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="119"/>
        <source>Unused</source>
        <translation>未用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="120"/>
        <source>&amp;Laptop:</source>
        <translation>笔记本(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="120"/>
        <source>&amp;Document:</source>
        <translation>文书(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="120"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="121"/>
        <source>&amp;Numbers:</source>
        <translation>编号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="132"/>
        <source>Laptop name, prefix or device id</source>
        <translation>笔记本名称、前缀或设备编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="133"/>
        <source>&amp;Allocate block</source>
        <translation>分配编号段(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="161"/>
        <source>This laptop has %n number(s) of this type and year left in its blocks: give it another block.</source>
        <translation>
            <numerusform>该笔记本此类文书该年度的号段只剩 %n 个编号，请再给它分配一个号段。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="171"/>
        <source>{0}: {1}〔{2}〕 %n left</source>
        <translation>
            <numerusform>{0}：{1}〔{2}〕剩 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="175"/>
        <source>Nearly used up (fewer than {0} numbers left, counted from the documents the laptops sent back): {1}. Allocate another block before they run out.</source>
        <translation>编号快用完了（剩余少于 {0} 个，按各笔记本交回的文书统计）：{1}。请在用完前再分配一个号段。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="177"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="199"/>
        <source>Allocate block</source>
        <translation>分配号段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="200"/>
        <source>Give the numbers %1–%2 of %3 for %4 to %5?

The laptop receives them with the office&apos;s next bundle. A block cannot be taken back: no other computer will ever issue these numbers.</source>
        <translation>将 %4 年%3第 %1–%2 号分配给 %5？

该笔记本电脑将随办公室的下一个同步包收到这些编号。号段分配后不能收回：其他计算机永远不会再使用这些编号。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="206"/>
        <source>&amp;Allocate</source>
        <translation>分配(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NumbersLeftLabel</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/numbers_left.py" line="42"/>
        <source>{0}: {1} left</source>
        <translation>{0}：剩 {1} 个</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/numbers_left.py" line="43"/>
        <source>Document numbers running low — {0}</source>
        <translation>文书编号快用完了——{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/numbers_left.py" line="44"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/numbers_left.py" line="47"/>
        <source>Fewer than {0} numbers of these documents are left in the blocks the office gave this computer.</source>
        <translation>监管部门分配给本机的号段中，这些文书的编号已少于 {0} 个。</translation>
    </message>
</context>
<context>
    <name>OrgDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="172"/>
        <source>Office signing authority</source>
        <translation>单位签名证书管理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="177"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="177"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="177"/>
        <source>Enforcement ID</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="178"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="178"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="195"/>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="271"/>
        <source>Create the organisation</source>
        <translation>创建单位根证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="197"/>
        <source>Issue enrolment file…</source>
        <translation>签发证书文件…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="200"/>
        <source>Revoke selected</source>
        <translation>吊销所选证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="204"/>
        <source>Organisation:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="205"/>
        <source>Root key passphrase:</source>
        <translation>根证书私钥口令：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="206"/>
        <source>Repeat the passphrase:</source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="209"/>
        <source>Inspector&apos;s name:</source>
        <translation>检查人员姓名：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="210"/>
        <source>Enforcement ID:</source>
        <translation>执法证号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="211"/>
        <source>Valid for (days):</source>
        <translation>有效期（天）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="213"/>
        <source>Reason for revoking:</source>
        <translation>吊销原因：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="237"/>
        <source>Root certificate of {0}, fingerprint {1}</source>
        <translation>{0} 的根证书，指纹 {1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="240"/>
        <source>No organisation on this computer. Create it once, on the supervisor&apos;s computer only.</source>
        <translation>本机没有单位根证书。只需在管理人员的电脑上创建一次。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="245"/>
        <source>revoked {0}</source>
        <translation>已于 {0} 吊销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="246"/>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="266"/>
        <source>The two passphrases differ: type the root key passphrase again in both fields.</source>
        <translation>两次输入的口令不一致：请在两个输入框中重新输入根密钥口令。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="272"/>
        <source>Make this computer the office of %1?

Its root certificate is made once and cannot be made again or renamed: every laptop enrolled from here takes this computer as its office. Keep the root key passphrase safe; without it no enrolment file can be issued and no certificate revoked.</source>
        <translation>将本计算机设为%1的办公室？

根证书只生成一次，之后不能重新生成或改名：从这里登记的每台笔记本电脑都以本计算机为办公室。请妥善保管根密钥口令；没有它，既不能签发登记文件，也不能吊销证书。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="276"/>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="283"/>
        <source>Save enrolment file</source>
        <translation>保存证书文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="284"/>
        <source>Enrolment files (*.p12)</source>
        <translation>证书文件 (*.p12)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="295"/>
        <source>Wrote {0} for {1}. One-time passphrase (give it to the inspector separately from the file): {2}</source>
        <translation>已为 {1} 生成 {0}。一次性口令（请与文件分开交给检查人员）：{2}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="305"/>
        <source>Revoke the certificate</source>
        <translation>吊销证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="306"/>
        <source>Revoke the certificate of %1 (serial %2)?

Records signed with it that the office has not imported yet will be refused, and the laptops learn of the revocation with the office&apos;s next bundle. A revocation cannot be taken back: %1 will need a new enrolment file to sign again.</source>
        <translation>吊销%1的证书（序列号 %2）？

用它签名、办公室尚未导入的记录将被拒收；各笔记本电脑随办公室的下一个同步包得知此次吊销。吊销不能撤回：%1 需要新的登记文件才能再次签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="311"/>
        <source>&amp;Revoke</source>
        <translation>吊销(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/passphrase_dialog.py" line="24"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/passphrase_dialog.py" line="29"/>
        <source>&amp;Keep it until Inspector is closed</source>
        <translation>在程序关闭前记住口令(&amp;K)</translation>
    </message>
</context>
<context>
    <name>PhotoGallery</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="298"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="299"/>
        <source>Choose photo files; you can also drop them here or paste with Ctrl+V.</source>
        <translation>选择照片文件；也可将照片拖放到此处，或按 Ctrl+V 粘贴。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="315"/>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="630"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="321"/>
        <source>Drop photos here or paste with Ctrl+V.</source>
        <translation>将照片拖放到此处，或按 Ctrl+V 粘贴。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="377"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="378"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.heic *.heif);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.webp *.heic *.heif);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="414"/>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="438"/>
        <source>This inspection is not a draft: photos cannot be added.</source>
        <translation>本次检查已不是草稿，不能再添加照片。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="417"/>
        <source>The clipboard holds no image and no image file.</source>
        <translation>剪贴板中没有图片，也没有图片文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="447"/>
        <source>Adding photos…</source>
        <translation>正在添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="447"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="449"/>
        <source>Adding photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="457"/>
        <source>Stopping after the current photo…</source>
        <translation>当前照片处理完后停止…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="473"/>
        <source>Adding photo {0} of {1}: {2}</source>
        <translation>正在添加第 {0} 张，共 {1} 张：{2}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="491"/>
        <source>%Ln photo(s) added.</source>
        <translation>
            <numerusform>已添加 %Ln 张照片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="493"/>
        <source>%Ln already attached.</source>
        <translation>
            <numerusform>%Ln 张此前已添加。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="495"/>
        <source>%Ln not added.</source>
        <translation>
            <numerusform>%Ln 个文件未添加。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="497"/>
        <source>Stopped before the end.</source>
        <translation>已中途停止。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="526"/>
        <source>%Ln file(s) could not be added.</source>
        <translation>
            <numerusform>%Ln 个文件无法添加。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="528"/>
        <source>%Ln other photo(s) were added.</source>
        <translation>
            <numerusform>另有 %Ln 张照片已添加。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="529"/>
        <source>Photos not added</source>
        <translation>部分照片未添加</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be added; the others were added:</source>
        <translation type="vanished">
            <numerusform>%Ln 个文件无法添加，其余文件已添加：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="533"/>
        <source>… and %Ln more (see details).</source>
        <translation>
            <numerusform>……另有 %Ln 个（见详细信息）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="574"/>
        <source>This inspection is not a draft: photos cannot be deleted.</source>
        <translation>本次检查已不是草稿，不能删除照片。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="577"/>
        <source>Delete photos</source>
        <translation>删除照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="578"/>
        <source>Why are %Ln photo(s) deleted?</source>
        <translation>
            <numerusform>为什么删除这 %Ln 张照片？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="582"/>
        <source>A photo is deleted only with a reason.</source>
        <translation>删除照片必须填写理由。</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="78"/>
        <source>The photo {0} cannot be shown.</source>
        <translation>照片 {0} 无法显示。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="359"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="359"/>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="360"/>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="360"/>
        <source>Ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="361"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="361"/>
        <source>Erase mark</source>
        <translation>擦除标注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="364"/>
        <source>Click a mark to delete it</source>
        <translation>点击标注即可删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="365"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="365"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="365"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="366"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="366"/>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="368"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="371"/>
        <source>Zoom in (+, wheel)</source>
        <translation>放大（+ 或滚轮）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="372"/>
        <source>Zoom out (-, wheel)</source>
        <translation>缩小（- 或滚轮）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="373"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="374"/>
        <source>Fit the photo to the window (0)</source>
        <translation>使照片适应窗口（0）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="377"/>
        <source>Previous photo (←, Page Up)</source>
        <translation>上一张（←、Page Up）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="378"/>
        <source>Next photo (→, Page Down)</source>
        <translation>下一张（→、Page Down）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="379"/>
        <source>&amp;Caption:</source>
        <translation>说明(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="380"/>
        <source>What the photo shows</source>
        <translation>照片反映的内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="381"/>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="382"/>
        <source>Before (as found)</source>
        <translation>整改前（现场发现）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="383"/>
        <source>After rectification</source>
        <translation>整改后</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="384"/>
        <source>Delete photo…</source>
        <translation>删除照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="419"/>
        <source>Photo {0} of {1} — {2}</source>
        <translation>第 {0} 张，共 {1} 张 — {2}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="448"/>
        <source>The photo cannot be shown: {0}</source>
        <translation>无法显示照片：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="464"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="466"/>
        <source>Taken at</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="468"/>
        <source>Camera</source>
        <translation>相机</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="472"/>
        <source>GPS</source>
        <translation>GPS 位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="476"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="478"/>
        <source>Marks</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="589"/>
        <source>Text mark</source>
        <translation>文字标注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="589"/>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="658"/>
        <source>Delete photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="659"/>
        <source>Why is this photo deleted?</source>
        <translation>为什么删除这张照片？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="663"/>
        <source>A photo is deleted only with a reason.</source>
        <translation>删除照片必须填写理由。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="679"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>PhotosModel</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="176"/>
        <source>After: {0}</source>
        <translation>整改后：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="186"/>
        <source>Taken {0}</source>
        <translation>拍摄于 {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="188"/>
        <source>%Ln mark(s) drawn</source>
        <translation>
            <numerusform>已标注 %Ln 处</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotosRow</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/photos_row.py" line="34"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photos_row.py" line="36"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photos_row.py" line="37"/>
        <source>Take the selected photo out (the file stays where it is)</source>
        <translation>移除选中的照片（文件本身不受影响）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/photos_row.py" line="64"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photos_row.py" line="94"/>
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln 张照片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanTeamsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="69"/>
        <source>&amp;New team</source>
        <translation>录入新检查组(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="72"/>
        <source>&amp;Add team</source>
        <translation>新增检查组(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="74"/>
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="84"/>
        <source>Team name</source>
        <translation>组名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="85"/>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="102"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="86"/>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="102"/>
        <source>Visits a month</source>
        <translation>每月检查次数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="100"/>
        <source>Inspection teams</source>
        <translation>检查组</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="102"/>
        <source>Team</source>
        <translation>检查组</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="116"/>
        <source>in %1</source>
        <translation>已在%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="160"/>
        <source>%1 is already in %2, and an inspector is in one team only. To move them, select %2, untick %1 and save; then tick %1 here.</source>
        <translation>%1已在%2，一名检查人员只能在一个检查组。要调动，请先选中%2，取消勾选%1并保存，再在这里勾选%1。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plan_teams_dialog.py" line="173"/>
        <source>This team could not make an official inspection: {0}.</source>
        <translation>该组无法开展执法检查：{0}。</translation>
    </message>
</context>
<context>
    <name>PlansDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plans_dialog.py" line="39"/>
        <source>Planned inspections</source>
        <translation>计划检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plans_dialog.py" line="41"/>
        <source>Due</source>
        <translation>计划完成日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plans_dialog.py" line="41"/>
        <source>Company</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plans_dialog.py" line="42"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plans_dialog.py" line="42"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plans_dialog.py" line="50"/>
        <source>&amp;Start</source>
        <translation>开始检查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plans_dialog.py" line="52"/>
        <source>Cancel the &amp;plan…</source>
        <translation>取消计划(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plans_dialog.py" line="124"/>
        <source>Cancel the plan</source>
        <translation>取消计划</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/plans_dialog.py" line="125"/>
        <source>Why is this inspection not done?</source>
        <translation>请说明未进行此次检查的原因：</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/preferences.py" line="23"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/preferences.py" line="25"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/preferences.py" line="31"/>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="38"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="39"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="40"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="41"/>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="42"/>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="43"/>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="44"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="32"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="33"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="34"/>
        <source>Page &amp;order:</source>
        <translation>页面顺序(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="35"/>
        <source>Pages &amp;per sheet:</source>
        <translation>每张页数(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="36"/>
        <source>Page &amp;Set:</source>
        <translation>页面组(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>ReinspectionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="423"/>
        <source>{0} — {1} open</source>
        <translation>{0} — {1} 项未销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="425"/>
        <source>, {0} overdue</source>
        <translation>，{0} 项逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="430"/>
        <source>No company has open hazards: there is nothing to re-inspect.</source>
        <translation>没有单位存在未销号隐患，无需复查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="441"/>
        <source>This company has no open hazards.</source>
        <translation>该单位没有未销号隐患。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="456"/>
        <source>{0} of {1} — %Ln open hazard(s)</source>
        <translation>
            <numerusform>{0}（{1}）— %Ln 项未销号隐患</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="463"/>
        <source>The company has open hazards from %Ln inspection(s); a re-inspection follows up one of them. Hazards of the others are greyed.</source>
        <translation>
            <numerusform>该单位的未销号隐患来自 %Ln 次检查；一次复查只跟进其中一次检查，其他检查的隐患以灰色显示。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="487"/>
        <source>Overdue since {0}</source>
        <translation>自 {0} 起逾期</translation>
    </message>
    <message>
        <source>no enforcement ID</source>
        <translation type="vanished">无执法证号</translation>
    </message>
    <message>
        <source>Enter the new inspector&apos;s name.</source>
        <translation type="vanished">请输入新检查人员的姓名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="511"/>
        <source>Choose a company with open hazards.</source>
        <translation>请选择存在未销号隐患的单位。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="601"/>
        <source>Re-inspection {0}</source>
        <translation>复查 {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="605"/>
        <source>Follows up {0} of {1} · inspectors: {2}</source>
        <translation>跟进 {0}（{1}）· 检查人员：{2}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="611"/>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="712"/>
        <source>Re-inspection completed: {0} hazard(s) closed, {1} reopened.</source>
        <translation>复查完成：{0} 项隐患已销号，{1} 项复查未通过。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="653"/>
        <source>Add after-photos</source>
        <translation>添加整改后照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="654"/>
        <source>Photos ({0})</source>
        <translation>照片（{0}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="673"/>
        <source>Complete the re-inspection?

%1 hazard(s) found rectified will be closed and %2 not rectified will be reopened with their new deadlines. The results can no longer be changed afterwards, and a closed hazard stays closed.</source>
        <translation>完成复查？

已整改的 %1 项隐患将销号，未整改的 %2 项将按新的期限重新打开。完成后复查结果不能再修改，已销号的隐患不会恢复。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="677"/>
        <source>&amp;Complete</source>
        <translation>完成(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="692"/>
        <source>Signatures are still missing: {0}. Collect them with Signatures… before completing; nothing was changed.</source>
        <translation>尚缺签名：{0}。请先按“签名…”收集签名，再完成复查；未作任何更改。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="705"/>
        <source>%Ln hazard(s) have no result yet: {0}. Nothing was changed.</source>
        <translation>
            <numerusform>%Ln 项隐患尚无复查结果：{0}。未作任何更改。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="708"/>
        <source>Choose rectified or not rectified.</source>
        <translation>请选择“已整改”或“未整改”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="740"/>
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="741"/>
        <source>&amp;Company:</source>
        <translation>被检查单位(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="741"/>
        <source>&amp;Follow up:</source>
        <translation>复查对象(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="741"/>
        <source>Open hazards:</source>
        <translation>未销号隐患：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="742"/>
        <source>&amp;Inspectors:</source>
        <translation>检查人员(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="742"/>
        <source>&amp;Place:</source>
        <translation>检查场所(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="742"/>
        <source>&amp;Start:</source>
        <translation>开始时间(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="746"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="746"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="746"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="746"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="747"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="747"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New inspector&apos;s name</source>
        <translation type="vanished">新检查人员姓名</translation>
    </message>
    <message>
        <source>Enforcement-ID number</source>
        <translation type="vanished">执法证号</translation>
    </message>
    <message>
        <source>Add inspector</source>
        <translation type="vanished">添加检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="748"/>
        <source>e.g. 一号车间</source>
        <translation>例如：一号车间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="749"/>
        <source>Start re-inspection</source>
        <translation>开始复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="750"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="672"/>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="751"/>
        <source>Complete re-inspection</source>
        <translation>完成复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="752"/>
        <source>Signatures…</source>
        <translation>签名…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="753"/>
        <source>Documents…</source>
        <translation>文书…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="754"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SaveFolder</name>
    <message>
        <location filename="../../inspector_app/ui/save_folder.py" line="124"/>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/save_folder.py" line="125"/>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} 已存在。要替换它吗？</translation>
    </message>
</context>
<context>
    <name>SelfSignedDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="109"/>
        <source>Company&apos;s own signing identity</source>
        <translation>企业自有签名证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="113"/>
        <source>For a company&apos;s self-inspection. Documents signed with it are always shown as not issued by the office.</source>
        <translation>用于企业自查。用它签名的文书始终显示为“非机关签发”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="117"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="118"/>
        <source>Company:</source>
        <translation>企业：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="119"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="120"/>
        <source>Again:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="124"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/identity_dialogs.py" line="126"/>
        <source>Give the name and the company.</source>
        <translation>请填写姓名和企业名称。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/signature_pad.py" line="100"/>
        <location filename="../../inspector_app/ui/widgets/signature_pad.py" line="280"/>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/signature_pad.py" line="273"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SignaturesDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="88"/>
        <source>No inspection with id {0}.</source>
        <translation>找不到标识为 {0} 的检查记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="195"/>
        <source>no enforcement ID</source>
        <translation>无执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="196"/>
        <source>Inspector: {0} ({1})</source>
        <translation>检查人员：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="200"/>
        <source>Company: {0}</source>
        <translation>被检查单位：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="200"/>
        <source>on-site person</source>
        <translation>现场负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="204"/>
        <source>Witness: {0}</source>
        <translation>见证人：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="207"/>
        <source>Add a witness (optional)</source>
        <translation>添加见证人（可选）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="212"/>
        <source>not signed yet</source>
        <translation>尚未签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="215"/>
        <source>⚠ record changed: sign again</source>
        <translation>⚠ 记录已修改，需重新签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="217"/>
        <source>refused to sign, {0}</source>
        <translation>拒绝签字，{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="219"/>
        <source>✓ signed {0}</source>
        <translation>✓ 已签名 {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="302"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="303"/>
        <source>Company&apos;s on-site person in charge</source>
        <translation>被检查单位现场负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="304"/>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="327"/>
        <source>{0} refused to sign ({1}). Witness: {2}.</source>
        <translation>{0} 拒绝签字（{1}）。见证人：{2}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="329"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="344"/>
        <source>The company&apos;s person refuses to sign. A witness signs below to confirm the refusal.</source>
        <translation>被检查单位负责人拒绝签字。请见证人在下方签名，证明其拒签。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="363"/>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="469"/>
        <source>Save witness signature</source>
        <translation>保存见证人签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="364"/>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="469"/>
        <source>Save signature</source>
        <translation>保存签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="368"/>
        <source>The signature is too short or empty; please sign again.</source>
        <translation>签名过短或为空，请重新签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="376"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="377"/>
        <source>Still to sign: {0}</source>
        <translation>尚待签名：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="381"/>
        <source>Every required signature is collected.</source>
        <translation>所需签名已全部完成。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="386"/>
        <source>{0} (again)</source>
        <translation>{0}（需重新签名）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="391"/>
        <source>at least one inspector</source>
        <translation>至少一名检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="392"/>
        <source>the company&apos;s person (or a witnessed refusal)</source>
        <translation>被检查单位负责人（或有见证人的拒签）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="393"/>
        <source>a witness to the company&apos;s refusal</source>
        <translation>被检查单位拒签的见证人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="432"/>
        <source>Remove signature</source>
        <translation>删除签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="433"/>
        <source>Why is this signature removed?</source>
        <translation>为什么删除此签名？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="445"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="447"/>
        <source>This record is signed and locked: its signatures cannot change.</source>
        <translation>本记录已签署锁定，签名不能更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="450"/>
        <source>Who signs:</source>
        <translation>签名人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="451"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="452"/>
        <source>Enforcement ID:</source>
        <translation>执法证号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="453"/>
        <source>&amp;Witness name:</source>
        <translation>见证人姓名(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="455"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="456"/>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="457"/>
        <source>Company refuses to sign</source>
        <translation>被检查单位拒绝签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="458"/>
        <source>Remove signature…</source>
        <translation>删除签名…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/signatures_dialog.py" line="459"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Signers</name>
    <message>
        <location filename="../../inspector_app/ui/signers.py" line="16"/>
        <source>an inspector</source>
        <translation>一名检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/signers.py" line="17"/>
        <source>the company&apos;s person</source>
        <translation>被检查单位负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/signers.py" line="18"/>
        <source>the witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/signers.py" line="24"/>
        <source>{0} (again)</source>
        <translation>{0}（需重新签名）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/signers.py" line="25"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../inspector_app/ui/single_instance.py" line="145"/>
        <source>Inspector is already open on the data folder {0}, but that window does not answer. Close it (or end its process) and start Inspector again.</source>
        <translation>程序已在数据文件夹 {0} 上打开，但该窗口没有响应。请关闭它（或结束其进程）后重新启动。</translation>
    </message>
</context>
<context>
    <name>StandardisationDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="59"/>
        <source>Safety standardisation</source>
        <translation>安全生产标准化</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="62"/>
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="65"/>
        <source>No grade</source>
        <translation>无等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="67"/>
        <source>Expired or expiring within %1 days</source>
        <translation>已过期或%1天内到期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="68"/>
        <source>Expiring within %1 days</source>
        <translation>%1天内到期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="68"/>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="72"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="114"/>
        <source>On %1, of %2 companies: %3. By grade: %4.</source>
        <translation>截至%1，%2家企业：%3。按等级：%4。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="124"/>
        <source>Company</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="124"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="124"/>
        <source>Grade</source>
        <translation>标准化等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="125"/>
        <source>Certificate</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="125"/>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="125"/>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="126"/>
        <source>State</source>
        <translation>证书状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="150"/>
        <source>%Ln company(s) shown</source>
        <translation>
            <numerusform>显示 %Ln 家企业</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="167"/>
        <source>standardisation-{0}.csv</source>
        <translation>安全生产标准化-{0}.csv</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="166"/>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="168"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="180"/>
        <source>Written: %1 (%Ln company(s))</source>
        <translation>
            <numerusform>已写入：%1（%Ln 家企业）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="193"/>
        <source>Change status: %1</source>
        <translation>变更状态：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="207"/>
        <source>Now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/emergency.py" line="208"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Drafting since</source>
        <translation type="vanished">开始编制日期</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation type="vanished">评审/论证日期</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation type="vanished">发布日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="vanished">日期</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="169"/>
        <source>Sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="174"/>
        <source>Move records between this computer and the office on a USB stick: one export file per computer, merged without losing or doubling anything.</source>
        <translation>通过U盘在本机与单位之间传递记录：每台电脑导出一个文件，合并时不丢失、不重复。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="176"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="177"/>
        <source>&amp;Full export…</source>
        <translation>完整导出(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="178"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="179"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="vanished">时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="181"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="181"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="181"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="181"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="182"/>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="182"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="183"/>
        <source>Show the details (table by table)</source>
        <translation>显示详细信息（按数据表）</translation>
    </message>
    <message>
        <source>Conflicts: drafts changed here and on another computer, kept twice until you choose</source>
        <translation type="vanished">冲突：在本机和另一台电脑上都修改过的草稿，两个版本均已保留，请选择保留哪一个</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="187"/>
        <source>Keep this computer&apos;s</source>
        <translation>保留本机版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="188"/>
        <source>Take the other</source>
        <translation>采用另一版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="191"/>
        <source>Company</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="191"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="191"/>
        <source>What differs</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="192"/>
        <source>Changed by</source>
        <translation>修改者</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation type="vanished">时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="184"/>
        <source>Conflicts: drafts changed here and on another computer, and numbers printed on two records. Select one to see your choices.</source>
        <translation>冲突：在本机和另一台电脑上都修改过的草稿，以及印在两份记录上的同一编号。选中一项即可看到可做的选择。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="189"/>
        <location filename="../../inspector_app/ui/pages/sync.py" line="344"/>
        <source>Mark as reviewed</source>
        <translation>标记为已核对</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="192"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="201"/>
        <source>out</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="201"/>
        <source>in</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="234"/>
        <source>from a laptop</source>
        <translation>来自笔记本电脑</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="234"/>
        <source>from the office</source>
        <translation>来自单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="235"/>
        <source>full export</source>
        <translation>完整导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="238"/>
        <source>written</source>
        <translation>已写入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="238"/>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="239"/>
        <source>already imported</source>
        <translation>以前已导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="240"/>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="289"/>
        <source>the same record number was used twice</source>
        <translation>同一记录编号被使用了两次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="291"/>
        <source>{0} answer(s) differ</source>
        <translation>{0} 项检查结果不同</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="293"/>
        <source>; hazards: {0} here, {1} in the other</source>
        <translation>；隐患：本机 {0} 项，另一版本 {1} 项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="306"/>
        <source>Keeps this computer&apos;s version of the draft; the version from the other computer is deleted here.</source>
        <translation>保留本机的草稿版本；另一台电脑的版本在本机删除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="308"/>
        <source>Replaces this computer&apos;s version of the draft with the one from the other computer; this computer&apos;s version is deleted.</source>
        <translation>用另一台电脑的版本替换本机的草稿版本；本机的版本被删除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="310"/>
        <source>Both records keep the number; the clash leaves this list and the review is noted in both records&apos; history.</source>
        <translation>两份记录都保留该编号；此冲突移出列表，并在两份记录的历史中记下已核对。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="313"/>
        <source>Select a conflict in the list first.</source>
        <translation>请先在列表中选中一个冲突。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="316"/>
        <source>Only for a number printed on two records.</source>
        <translation>仅用于印在两份记录上的同一编号。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="317"/>
        <source>The same draft was changed here and on {0}: choose the version to keep.</source>
        <translation>同一份草稿在本机和 {0} 上都修改过：请选择保留哪个版本。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="320"/>
        <source>These are two different records, not two versions of one draft: neither is deleted, and a signed record&apos;s number never changes.</source>
        <translation>这是两份不同的记录，而不是同一份草稿的两个版本：两份都不会删除，已签署记录的编号永不更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="323"/>
        <source>{0} is printed on two records ({1}; {2}). Both keep it. Check both records (the same visit entered twice?), then mark the clash as reviewed.</source>
        <translation>{0} 印在两份记录上（{1}；{2}），两份都保留该编号。请核对这两份记录（是否同一次检查录入了两次？），然后标记为已核对。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="328"/>
        <source>Not two versions of one draft: correct the records by hand.</source>
        <translation>不是同一份草稿的两个版本：请手工修订记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="345"/>
        <source>Both records keep the number {0}. Take the clash off the list?</source>
        <translation>两份记录都保留编号 {0}。将此冲突移出列表吗？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="357"/>
        <source>Conflict marked as reviewed.</source>
        <translation>冲突已标记为已核对。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="365"/>
        <source>Keep this computer&apos;s version of {0} and delete the other one?</source>
        <translation>保留本机的 {0} 版本并删除另一版本吗？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="367"/>
        <source>Replace this computer&apos;s version of {0} with the one from {1}?</source>
        <translation>用来自 {1} 的版本替换本机的 {0} 吗？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="368"/>
        <source>Resolve the conflict</source>
        <translation>解决冲突</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="380"/>
        <source>Conflict resolved.</source>
        <translation>冲突已解决。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="391"/>
        <source>This computer has no signing identity, so it cannot sign an export: import the enrolment file from the office first ({0}).</source>
        <translation>本机没有签名证书，无法为导出文件签名：请先导入单位签发的证书文件（{0}）。</translation>
    </message>
    <message>
        <source>This computer has no signing identity, so it cannot sign an export: import the enrolment file from the office first (Tools → Signing identity…).</source>
        <translation type="vanished">本机没有签名证书，无法为导出文件签名：请先导入单位签发的证书文件（工具 → 签名证书…）。</translation>
    </message>
    <message>
        <source>This computer has no signing identity, so it cannot sign an export: import the enrolment file from the office first.</source>
        <translation type="vanished">本机没有签名证书，无法为导出文件签名：请先导入单位签发的证书文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="396"/>
        <source>Passphrase of your signing identity ({0}):</source>
        <translation>签名证书（{0}）的口令：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="398"/>
        <source>Passphrase of the organisation&apos;s root key:</source>
        <translation>单位根证书私钥的口令：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="406"/>
        <source>This bundle is encrypted for the office. Passphrase of the organisation&apos;s root key:</source>
        <translation>此数据包已为单位加密。请输入单位根证书私钥的口令：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="423"/>
        <source>Export to which folder (the USB stick)?</source>
        <translation>导出到哪个文件夹（U盘）？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="428"/>
        <location filename="../../inspector_app/ui/pages/sync.py" line="436"/>
        <source>Import a bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="429"/>
        <source>Inspector bundles (*.inspx)</source>
        <translation>检查数据包 (*.inspx)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="437"/>
        <source>Import the bundle {0}?

Everything in it is checked before anything changes; records already here are never overwritten.</source>
        <translation>导入同步包 {0}？

导入前会检查其中全部内容，再作任何更改；本机已有的记录不会被覆盖。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="440"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="449"/>
        <source>Another export or import is running; try again when it ends.</source>
        <translation>另一个导出或导入正在进行，请待其结束后再试。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="459"/>
        <source>Writing the export…</source>
        <translation>正在写入导出文件…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="464"/>
        <source>Checking and importing {0}…</source>
        <translation>正在校验并导入 {0}…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="503"/>
        <source>Export written: {0}</source>
        <translation>已写入导出文件：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/sync.py" line="552"/>
        <source>{0}: {1}〔{2}〕 %n left</source>
        <translation>
            <numerusform>{0}：{1}〔{2}〕剩 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="554"/>
        <source>Document numbers nearly used up (fewer than {0} left): {1}. Give these laptops another block ({2}) before they run out.</source>
        <translation>文书编号快用完了（剩余少于 {0} 个）：{1}。请在用完前给这些笔记本再分配号段（{2}）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="556"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="559"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sync.py" line="575"/>
        <source>Not imported: {0}</source>
        <translation>未导入：{0}</translation>
    </message>
</context>
<context>
    <name>TaskDoneDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/task_done_dialog.py" line="25"/>
        <source>Follow-up task done</source>
        <translation>办结整改任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/task_done_dialog.py" line="30"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/task_done_dialog.py" line="31"/>
        <source>Owner</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/task_done_dialog.py" line="32"/>
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/task_done_dialog.py" line="35"/>
        <source>How it was fixed</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/task_done_dialog.py" line="36"/>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/task_done_dialog.py" line="37"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TemplateDescriber</name>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="41"/>
        <source>Check</source>
        <translation>符合性检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="42"/>
        <source>Yes/No</source>
        <translation>是/否</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="43"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="44"/>
        <source>Long text</source>
        <translation>长文本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="45"/>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="46"/>
        <source>Single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="47"/>
        <source>Multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="48"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="49"/>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="50"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="51"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="52"/>
        <source>Information</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="56"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="56"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="60"/>
        <source>Major-hazard determination standard</source>
        <translation>重大事故隐患判定标准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="61"/>
        <source>Routine inspection</source>
        <translation>日常检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="62"/>
        <source>Readiness check</source>
        <translation>准备情况检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="63"/>
        <source>Audit</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="73"/>
        <source>Sections: {0}</source>
        <translation>部分：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="74"/>
        <source>Items: {0}</source>
        <translation>检查项：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="75"/>
        <source> ({0})</source>
        <translation>（{0}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="81"/>
        <source>Check items by grade: {0}</source>
        <translation>符合性检查项按等级：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="88"/>
        <source>retired version</source>
        <translation>已停用版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="106"/>
        <source>industries: {0}</source>
        <translation>行业：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="110"/>
        <source>special areas: {0}</source>
        <translation>特殊领域：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="113"/>
        <source>For {0}</source>
        <translation>适用于{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="117"/>
        <source>Type: {0}</source>
        <translation>类型：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="119"/>
        <source>Grade if non-compliant: {0}</source>
        <translation>不符合时隐患等级：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="122"/>
        <source>Weight: {0}</source>
        <translation>权重：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="124"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="124"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="125"/>
        <source>ID: {0}</source>
        <translation>编号：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="129"/>
        <source> (required)</source>
        <translation>（必填）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="135"/>
        <source>Situation (official wording): {0}</source>
        <translation>情形（原文）：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="144"/>
        <source>Allowed: {0} – {1} {2}</source>
        <translation>允许范围：{0} – {1} {2}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="147"/>
        <source>Normal: {0} – {1} {2}</source>
        <translation>正常范围：{0} – {1} {2}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="151"/>
        <source>Photos needed: at least {0}</source>
        <translation>照片：至少 {0} 张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="153"/>
        <source>Maximum length: {0} characters</source>
        <translation>最多 {0} 个字符</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="155"/>
        <source>inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="155"/>
        <source>company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="156"/>
        <source>witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="157"/>
        <source>Signed by: {0}</source>
        <translation>签名人：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="164"/>
        <source>Shown only when: {0}</source>
        <translation>仅在以下情况显示：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="175"/>
        <source> and </source>
        <translation> 且 </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="178"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="181"/>
        <source>not ({0})</source>
        <translation>非（{0}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="192"/>
        <source>{0} is answered</source>
        <translation>{0} 已作答</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="193"/>
        <source>{0} is not answered</source>
        <translation>{0} 未作答</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="197"/>
        <source>{0} is one of: {1}</source>
        <translation>{0} 为以下之一：{1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="200"/>
        <source>{0} is not {1}</source>
        <translation>{0} 不为“{1}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="201"/>
        <source>{0} is {1}</source>
        <translation>{0} 为“{1}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="205"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/template_describer.py" line="205"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>TemplateErrorsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/template_errors.py" line="88"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/template_errors.py" line="91"/>
        <source>Template not imported</source>
        <translation>模板未导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/template_errors.py" line="95"/>
        <source>{0} cannot be imported. Correct the problems below in the file and import it again; the library was not changed.</source>
        <translation>{0} 无法导入。请在文件中改正下列问题后重新导入；模板库未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/template_errors.py" line="99"/>
        <source>{0} was not imported. The library was not changed.</source>
        <translation>{0} 未导入，模板库未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/template_errors.py" line="100"/>
        <source>&amp;Copy all</source>
        <translation>全部复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>TemplateItemPreview</name>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="612"/>
        <source>How to check</source>
        <translation>检查方法</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="613"/>
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="614"/>
        <source>Answer (preview, not saved)</source>
        <translation>作答（预览，不保存）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="619"/>
        <source>This is how the answer looks in an inspection. It is given there: start an inspection with this template to answer it.</source>
        <translation>这是检查时作答控件的样子。作答在检查中进行：用此检查表开始一次检查即可作答。</translation>
    </message>
</context>
<context>
    <name>TemplatesModel</name>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="49"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="49"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="49"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="49"/>
        <source>Items</source>
        <translation>检查项数</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation type="vanished">内容哈希</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="50"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="50"/>
        <source>Fingerprint</source>
        <translation>识别码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="62"/>
        <source>Worked out from the checklist&apos;s content, the same on every computer.</source>
        <translation>由检查表的内容算出，在哪台电脑上都一样。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="63"/>
        <source>The same fingerprint: the same items, word for word.</source>
        <translation>识别码相同：检查项一字不差。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="64"/>
        <source>Another fingerprint: the content differs.</source>
        <translation>识别码不同：内容有改动。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="96"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="96"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="106"/>
        <source>Imported from {0}</source>
        <translation>导入自 {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models/templates_model.py" line="110"/>
        <source>Full value: {0}</source>
        <translation>完整识别码：{0}</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="189"/>
        <source>Templates</source>
        <translation>检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="193"/>
        <source>Show retired versions</source>
        <translation>显示已停用的版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="194"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Add a checklist template file (YAML) to the library</source>
        <translation type="vanished">将检查表模板文件（YAML）添加到模板库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="197"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="387"/>
        <source>Write the selected template to a YAML file</source>
        <translation>将所选模板导出为 YAML 文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="200"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="200"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="200"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="201"/>
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="246"/>
        <source>A template shipped with Inspector was not added: {0}</source>
        <translation>随程序提供的模板未能添加：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="283"/>
        <source>Import a checklist template</source>
        <translation>导入检查表模板</translation>
    </message>
    <message>
        <source>Checklist templates (*.yaml *.yml);;All files (*)</source>
        <translation type="vanished">检查表模板 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="310"/>
        <source>Template {0} ({1}) added to the library.</source>
        <translation>模板“{0}”（{1}）已添加到模板库。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="313"/>
        <source>Template {0} ({1}) is already in the library; nothing changed.</source>
        <translation>模板“{0}”（{1}）已在模板库中，未作更改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="332"/>
        <source>Export a checklist template</source>
        <translation>导出检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="330"/>
        <source>Checklist templates (*.yaml *.yml)</source>
        <translation>检查表模板 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="195"/>
        <source>Add a checklist template file (YAML or Excel workbook) to the library</source>
        <translation>将检查表模板文件（YAML 或 Excel 工作簿）添加到模板库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="198"/>
        <source>Write the selected template to a YAML file or an Excel workbook</source>
        <translation>将所选模板导出为 YAML 文件或 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="284"/>
        <source>Checklist templates (*.yaml *.yml *.xlsx);;All files (*)</source>
        <translation>检查表模板 (*.yaml *.yml *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="331"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="355"/>
        <source>Template {0} written to {1}.</source>
        <translation>模板 {0} 已导出到 {1}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="371"/>
        <source>Template {0} restored: it is offered for new inspections again.</source>
        <translation>模板 {0} 已恢复，新建检查时可再次选用。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="374"/>
        <source>Template {0} retired: it is no longer offered for new inspections; inspections made with it keep their copy.</source>
        <translation>模板 {0} 已停用：新建检查时不再提供；已使用该模板的检查保留各自的副本。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="383"/>
        <source>Select a template in the list first</source>
        <translation>请先在列表中选择一个检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="389"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="390"/>
        <source>Offer this version for new inspections again</source>
        <translation>新建检查时重新提供此版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="393"/>
        <location filename="../../inspector_app/ui/pages/templates.py" line="397"/>
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="394"/>
        <source>Stop offering this version for new inspections; existing records are kept</source>
        <translation>新建检查时不再提供此版本；已有记录保留不变</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="413"/>
        <source>No template selected</source>
        <translation>未选择模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="415"/>
        <source>Choose a template in the list to see it as the inspector will.</source>
        <translation>在列表中选择一个模板，即可按检查人员所见的样子预览。</translation>
    </message>
    <message>
        <source>Shown only when: {0}</source>
        <translation type="vanished">仅在以下情况显示：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="507"/>
        <source>Items in this section: {0}</source>
        <translation>本部分检查项：{0} 项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/templates.py" line="511"/>
        <source>Choose an item in the tree to see it as the inspector will.</source>
        <translation>在左侧树中选择一个检查项，即可按检查人员所见的样子预览。</translation>
    </message>
    <message>
        <source> (required)</source>
        <translation type="vanished">（必填）</translation>
    </message>
    <message>
        <source>Situation (official wording): {0}</source>
        <translation type="vanished">情形（原文）：{0}</translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="vanished">符合性检查</translation>
    </message>
    <message>
        <source>Yes/No</source>
        <translation type="vanished">是/否</translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="vanished">文本</translation>
    </message>
    <message>
        <source>Long text</source>
        <translation type="vanished">长文本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="vanished">数值</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation type="vanished">单选</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation type="vanished">多选</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="vanished">日期</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="vanished">日期时间</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="vanished">照片</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="vanished">签名</translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="vanished">说明</translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="vanished">重大</translation>
    </message>
    <message>
        <source>General</source>
        <translation type="vanished">一般</translation>
    </message>
    <message>
        <source>Major-hazard determination standard</source>
        <translation type="vanished">重大事故隐患判定标准</translation>
    </message>
    <message>
        <source>Routine inspection</source>
        <translation type="vanished">日常检查</translation>
    </message>
    <message>
        <source>Readiness check</source>
        <translation type="vanished">准备情况检查</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="vanished">审核</translation>
    </message>
    <message>
        <source>Sections: {0}</source>
        <translation type="vanished">部分：{0}</translation>
    </message>
    <message>
        <source>Items: {0}</source>
        <translation type="vanished">检查项：{0}</translation>
    </message>
    <message>
        <source> ({0})</source>
        <translation type="vanished">（{0}）</translation>
    </message>
    <message>
        <source>Check items by grade: {0}</source>
        <translation type="vanished">符合性检查项按等级：{0}</translation>
    </message>
    <message>
        <source>retired version</source>
        <translation type="vanished">已停用版本</translation>
    </message>
    <message>
        <source>industries: {0}</source>
        <translation type="vanished">行业：{0}</translation>
    </message>
    <message>
        <source>special areas: {0}</source>
        <translation type="vanished">特殊领域：{0}</translation>
    </message>
    <message>
        <source>For {0}</source>
        <translation type="vanished">适用于{0}</translation>
    </message>
    <message>
        <source>Type: {0}</source>
        <translation type="vanished">类型：{0}</translation>
    </message>
    <message>
        <source>Grade if non-compliant: {0}</source>
        <translation type="vanished">不符合时隐患等级：{0}</translation>
    </message>
    <message>
        <source>Weight: {0}</source>
        <translation type="vanished">权重：{0}</translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="vanished">必填</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="vanished">选填</translation>
    </message>
    <message>
        <source>ID: {0}</source>
        <translation type="vanished">编号：{0}</translation>
    </message>
    <message>
        <source>Allowed: {0} – {1} {2}</source>
        <translation type="vanished">允许范围：{0} – {1} {2}</translation>
    </message>
    <message>
        <source>Normal: {0} – {1} {2}</source>
        <translation type="vanished">正常范围：{0} – {1} {2}</translation>
    </message>
    <message>
        <source>Photos needed: at least {0}</source>
        <translation type="vanished">照片：至少 {0} 张</translation>
    </message>
    <message>
        <source>Maximum length: {0} characters</source>
        <translation type="vanished">最多 {0} 个字符</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation type="vanished">检查人员</translation>
    </message>
    <message>
        <source>company</source>
        <translation type="vanished">企业</translation>
    </message>
    <message>
        <source>witness</source>
        <translation type="vanished">见证人</translation>
    </message>
    <message>
        <source>Signed by: {0}</source>
        <translation type="vanished">签名人：{0}</translation>
    </message>
    <message>
        <source> and </source>
        <translation type="vanished"> 且 </translation>
    </message>
    <message>
        <source> or </source>
        <translation type="vanished"> 或 </translation>
    </message>
    <message>
        <source>not ({0})</source>
        <translation type="vanished">非（{0}）</translation>
    </message>
    <message>
        <source>{0} is answered</source>
        <translation type="vanished">{0} 已作答</translation>
    </message>
    <message>
        <source>{0} is not answered</source>
        <translation type="vanished">{0} 未作答</translation>
    </message>
    <message>
        <source>{0} is one of: {1}</source>
        <translation type="vanished">{0} 为以下之一：{1}</translation>
    </message>
    <message>
        <source>{0} is not {1}</source>
        <translation type="vanished">{0} 不为“{1}”</translation>
    </message>
    <message>
        <source>{0} is {1}</source>
        <translation type="vanished">{0} 为“{1}”</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="vanished">是</translation>
    </message>
    <message>
        <source>No</source>
        <translation type="vanished">否</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="123"/>
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="123"/>
        <source>Add a unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="136"/>
        <source>Sectors it supervises</source>
        <translation>主管行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="137"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="138"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="314"/>
        <source>Units and campaigns</source>
        <translation>单位与专项行动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="317"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="318"/>
        <source>Companies&apos; units</source>
        <translation>企业所属单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="319"/>
        <source>Campaigns</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="350"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="350"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="351"/>
        <source>Sectors</source>
        <translation>主管行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="351"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="354"/>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="617"/>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="355"/>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="618"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="356"/>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="434"/>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="389"/>
        <source>This computer&apos;s unit</source>
        <translation>本机所属单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="359"/>
        <source>The inspections made on this computer are recorded as carried out by the selected unit.</source>
        <translation>本机所做的检查记为由所选单位实施。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="358"/>
        <source>Set as this computer&apos;s unit</source>
        <translation>设为本机所属单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="387"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="402"/>
        <source>{0} is claimed by {1}: the first in the list supervises it.</source>
        <translation>{0}同时归属{1}：以列表中靠前者为行业主管部门。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="433"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="457"/>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="665"/>
        <source>Saved {0}.</source>
        <translation>已保存{0}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="471"/>
        <source>{0} is this computer&apos;s unit; choose another one first.</source>
        <translation>{0}是本机所属单位，请先另选本机所属单位。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="474"/>
        <source>{0} is at work again.</source>
        <translation>{0}已恢复使用。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="475"/>
        <source>{0} is retired: it keeps its history but takes no new companies.</source>
        <translation>{0}已停用：历史数据保留，但不再接收新的企业。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="487"/>
        <source>This computer&apos;s inspections are now carried out by {0}.</source>
        <translation>本机的检查今后记为由{0}实施。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="494"/>
        <source>Search name, code, town…</source>
        <translation>搜索名称、信用代码、乡镇…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="497"/>
        <source>Every industry</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="507"/>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="507"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="508"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="509"/>
        <source>Supervising department</source>
        <translation>行业主管部门</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="515"/>
        <source>Set town</source>
        <translation>设置乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="516"/>
        <source>Set department</source>
        <translation>设置主管部门</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="541"/>
        <source>Every town</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="547"/>
        <source>(no town)</source>
        <translation>（不填乡镇）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="552"/>
        <source>(by its industry)</source>
        <translation>（按所属行业确定）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="565"/>
        <source>{0} (by industry)</source>
        <translation>{0}（按行业）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="583"/>
        <source>to the selected companies ({0})</source>
        <translation>应用于所选企业（{0}家）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="585"/>
        <source>to all companies shown ({0})</source>
        <translation>应用于列出的全部企业（{0}家）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="587"/>
        <source>Companies shown: {0}</source>
        <translation>列出企业：{0}家</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="597"/>
        <source>Companies changed: {0}.</source>
        <translation>已修改企业：{0}家。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="614"/>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="614"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="615"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="615"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="635"/>
        <source>Every company</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/units_dialog.py" line="638"/>
        <source>named companies: {0}</source>
        <translation>指定企业{0}家</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="33"/>
        <source>Verify a signed PDF</source>
        <translation>验证已签名的 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="36"/>
        <source>Choose &amp;PDF…</source>
        <translation>选择 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="47"/>
        <source>Signed by:</source>
        <translation>签名人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="47"/>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="47"/>
        <source>Signed at:</source>
        <translation>签名时间：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="48"/>
        <source>Covers the whole file:</source>
        <translation>覆盖整个文件：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="48"/>
        <source>Unchanged since signing:</source>
        <translation>签名后未被修改：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="49"/>
        <source>Trusted (issued by the office, not revoked or expired):</source>
        <translation>可信（由机关签发，未吊销、未过期）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="56"/>
        <source>Each signature:</source>
        <translation>各个签名：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="67"/>
        <source>Choose a PDF</source>
        <translation>选择 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="68"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="83"/>
        <source>Valid: intact and trusted</source>
        <translation>有效：完整且可信</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="84"/>
        <source>Not valid: {0}</source>
        <translation>无效：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="85"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="85"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="91"/>
        <source>self-signed, not issued by the office</source>
        <translation>自签名，非机关签发</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/verify_dialog.py" line="92"/>
        <source>issued by {0}, valid until {1}</source>
        <translation>由 {0} 签发，有效期至 {1}</translation>
    </message>
</context>
<context>
    <name>YearPlanDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="122"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="124"/>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="431"/>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="126"/>
        <source>&amp;Issue as planned inspections</source>
        <translation>下达为计划检查(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="132"/>
        <source>&amp;Holidays…</source>
        <translation>节假日(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="134"/>
        <source>Add the official holidays and weekend working days of a year from a file (YAML)</source>
        <translation>从文件（YAML）添加某年的法定节假日和调休上班日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="136"/>
        <source>&amp;Teams…</source>
        <translation>检查组(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="137"/>
        <source>The inspection teams the plan shares the visits among: their inspectors and visits a month</source>
        <translation>计划在各检查组之间分配检查：组内检查人员和每月检查次数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="140"/>
        <source>Company &amp;closed…</source>
        <translation>企业停业(&amp;C)…</translation>
    </message>
    <message>
        <source>A company closed (停业) or moved away: drop its visits from a day on</source>
        <translation type="vanished">企业停业或迁出：删除其自某日起的计划检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="141"/>
        <source>A company closed or moved away: drop its visits from a day on</source>
        <translation>企业停业或迁出：删除其自某日起的计划检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="146"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="151"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="153"/>
        <source>Checklist:</source>
        <translation>检查表：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="159"/>
        <source>{0}</source>
        <comment>a month&apos;s column heading, its number (1月 in Chinese)</comment>
        <translation>{0}月</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="171"/>
        <source>&amp;Move</source>
        <translation>移动(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="215"/>
        <source>Yearly plan</source>
        <translation>年度监督检查计划</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="235"/>
        <source>%1 in month %2: %Ln visit(s) planned of the %3 the team can make</source>
        <translation>
            <numerusform>%1 %2月：已安排 %Ln 次检查，该组每月可完成 %3 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="247"/>
        <source>No plan for {0} yet. First set up the inspection teams (Teams…), then choose the checklist and generate it.</source>
        <translation>尚无{0}年度计划。请先设置检查组（“检查组…”按钮），再选择检查表并生成。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="251"/>
        <source>No plan for {0} yet: choose the checklist and generate it.</source>
        <translation>尚无{0}年度计划：请选择检查表并生成。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="258"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="258"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="259"/>
        <source>issued</source>
        <translation>已下达</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="260"/>
        <source>Plan %1: %2, %Ln visit(s)</source>
        <translation>
            <numerusform>%1年度计划：%2，共 %Ln 次检查</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="266"/>
        <source>The companies to visit were drawn at random with seed %1: the same data and seed make the same plan again.</source>
        <translation>受检企业按随机种子 %1 抽取：数据和种子相同，生成的计划也相同。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="291"/>
        <source>Visits are planned on working days: {0} official holidays of {1} are left out, {2} weekend days worked are used.</source>
        <translation>检查安排在工作日：避开{1}年法定节假日{0}天，调休上班日{2}天照常安排。</translation>
    </message>
    <message>
        <source>Plan {0}: {1}, {2} visits, seed {3}</source>
        <translation type="vanished">{0} 年计划：{1}，共 {2} 次检查，随机种子 {3}</translation>
    </message>
    <message>
        <source>Visits are planned on working days: {0} official holidays of {1} are left out, {2} weekend days worked (调休) are used.</source>
        <translation type="vanished">检查安排在工作日：避开{1}年法定节假日{0}天，调休上班日{2}天照常安排。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="295"/>
        <source>No holiday list for {0}: visits are planned Monday to Friday, less New Year&apos;s Day, Labour Day and National Day. Add the State Council&apos;s notice with the Holidays button for the Spring Festival and the other holidays.</source>
        <translation>尚无{0}年节假日安排：检查按周一至周五安排，避开元旦、劳动节、国庆节。春节等其他节假日请用“节假日”按钮添加国务院办公厅的通知。</translation>
    </message>
    <message>
        <source>No holiday list for {0}: visits are planned Monday to Friday. Add the State Council&apos;s notice with the Holidays button.</source>
        <translation type="vanished">尚无{0}年节假日安排：检查按周一至周五安排。请用“节假日”按钮添加国务院办公厅的通知。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="303"/>
        <source>Select a cell to see its visits.</source>
        <translation>选择一个单元格查看其中的检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="306"/>
        <source>{0}, month {1}</source>
        <translation>{0}，{1}月</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="341"/>
        <source>Cancelled; the plan was not changed.</source>
        <translation>已取消，计划未作改动。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="375"/>
        <source>Generating the plan for {0}…</source>
        <translation>正在生成{0}年度计划…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="396"/>
        <source>%Ln visit(s) dropped.</source>
        <translation>
            <numerusform>已删除 %Ln 次计划检查。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="400"/>
        <source>Holiday list</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="401"/>
        <source>Holiday list (*.yaml *.yml)</source>
        <translation>节假日安排 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="425"/>
        <source>Approve the plan for %1</source>
        <translation>批准%1年度计划</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="426"/>
        <source>Approve the plan for %1 with its %Ln visit(s)?

Once approved it can no longer be generated again, and no visit can be moved to another team or month. The next step is to issue it as planned inspections. Approval cannot be undone.</source>
        <translation>
            <numerusform>批准%1年度计划及其 %Ln 次检查？

批准后不能再重新生成，任何检查都不能再调到其他小组或月份。下一步是将其下达为计划检查。批准不能撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="437"/>
        <source>Issue the plan for %1</source>
        <translation>下达%1年度计划</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="438"/>
        <source>Issue the plan for %1 as %Ln planned inspection(s)?

Each visit becomes a planned inspection for its team&apos;s inspectors, due on the visit&apos;s day; the laptops receive them with the office&apos;s next bundle. A plan is issued once: afterwards a planned inspection is withdrawn only by cancelling it in the list of planned inspections.</source>
        <translation>
            <numerusform>将%1年度计划下达为 %Ln 项计划检查？

每次检查成为其小组检查人员的一项计划检查，期限为该次检查的日期；各笔记本电脑随办公室的下一个同步包收到。计划只下达一次：之后只能在计划检查列表中取消某项计划检查。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="445"/>
        <source>&amp;Issue</source>
        <translation>下达(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="447"/>
        <source>Issuing the plan for {0} as planned inspections…</source>
        <translation>正在将{0}年度计划下达为计划检查…</translation>
    </message>
</context>
</TS>
