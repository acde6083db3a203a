"""The words printed on the documents, in Chinese and English, and how dates are written.

Documents are legal papers: their wording lives here as data (not in Qt translations) so the CLI
prints exactly what the window prints, whatever the interface language.

The fixed Chinese sentences marked FORM below are those of the 安全生产行政执法文书 formats
(安全生产监管监察执法文书式样, the 2017 set used with 《安全生产执法程序规定》（安监总政法〔2016〕
72号）; the 应急管理 bureaus print the same texts under the type words 应急检记 / 应急责改 /
应急现决 / 应急复查). docs/documents.md lists every field and where each wording comes from. The
English texts are this program's translations.
"""

from __future__ import annotations

from datetime import date, datetime

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.checklist import Answer
from inspector_app.domain.finding import GRADE_LABELS, Grade

_TEXTS: dict[str, Bilingual] = {
    # page furniture
    "page": Bilingual("第 {0} 页 共 {1} 页", "Page {0} of {1}"),
    "check_code": Bilingual("记录 {0}　第{1}版　校验码 {2}",
                            "Record {0}  revision {1}  check code {2}"),
    "continued": Bilingual("（续）", " (continued)"),
    # header fields
    "company": Bilingual("被检查单位", "Inspected company"),
    "unit_subject": Bilingual("被检查单位", "Inspected unit"),
    "credit_code": Bilingual("统一社会信用代码", "Unified social credit code"),
    "address": Bilingual("地址", "Address"),
    "legal_rep": Bilingual("法定代表人（负责人）", "Legal representative / person in charge"),
    "position": Bilingual("职务", "Position"),
    "contact": Bilingual("现场负责人", "On-site person in charge"),
    "phone": Bilingual("联系电话", "Phone"),
    "place": Bilingual("检查场所", "Place inspected"),
    "time": Bilingual("检查时间", "Time of inspection"),
    "time_range": Bilingual("{0} 至 {1}", "{0} to {1}"),
    "in_progress": Bilingual("（检查中）", "(in progress)"),
    "inspectors": Bilingual("检查人员及执法证号", "Inspectors and enforcement-ID numbers"),
    "enforcement_id": Bilingual("执法证号", "ID"),
    "basis": Bilingual("检查依据", "Checklist"),
    "kind": Bilingual("检查类型", "Type of inspection"),
    "revision": Bilingual("版本", "Revision"),
    "revision_of": Bilingual("本记录为第{0}版，更正原因：{1}",
                             "Revision {0} of this record; reason: {1}"),
    # record sections
    "sec_findings": Bilingual("一、检查情况", "1. What was found"),
    "sec_score": Bilingual("二、检查结果汇总", "2. Summary"),
    "sec_hazards": Bilingual("三、发现的事故隐患", "3. Hazards found"),
    "sec_photos": Bilingual("四、现场照片", "4. Photographs"),
    "sec_signatures": Bilingual("五、签名", "5. Signatures"),
    "col_no": Bilingual("序号", "No."),
    "col_item": Bilingual("检查内容", "Item"),
    "col_result": Bilingual("检查结果", "Result"),
    "col_note": Bilingual("备注", "Notes"),
    "not_applicable_line": Bilingual("不适用：第{0}项", "Not applicable: items {0}"),
    "not_applicable_one": Bilingual("不适用：第{0}项", "Not applicable: item {0}"),
    "not_answered": Bilingual("未检查", "Not checked"),
    "not_filled": Bilingual("未填写", "Not filled in"),
    "yes": Bilingual("是", "Yes"),
    "no": Bilingual("否", "No"),
    "photos_n": Bilingual("{0} 张照片", "{0} photo(s)"),
    "no_items": Bilingual("本次检查未包含检查表项目。",
                          "No checklist items were part of this inspection."),
    "score_line": Bilingual(
        "检查项 {total} 项：符合 {ok} 项，不符合 {bad} 项，不适用 {na} 项{open}；符合率 {pct}。",
        "{total} checks: {ok} compliant, {bad} non-compliant, {na} not applicable{open}; "
        "compliance {pct}."),
    "score_open": Bilingual("，未检查 {0} 项", ", {0} not checked"),
    "score_none": Bilingual("—", "n/a"),
    "hazard_line": Bilingual(
        "发现事故隐患 {n} 项，其中重大事故隐患 {major} 项，一般事故隐患 {general} 项。",
        "{n} hazard(s) found: {major} major accident hazard(s), {general} general hazard(s)."),
    "no_hazards": Bilingual("本次检查未发现事故隐患。", "No hazards were found."),
    "col_hazard": Bilingual("隐患描述", "Hazard"),
    "col_grade": Bilingual("等级", "Grade"),
    "col_requirement": Bilingual("整改要求", "Requirement"),
    "col_deadline": Bilingual("整改期限", "Deadline"),
    "legal_basis": Bilingual("依据：{0}", "Legal basis: {0}"),
    "onsite": Bilingual("现场处理措施：{0}", "Measure taken on site: {0}"),
    "responsible": Bilingual("责任人：{0}", "Responsible: {0}"),
    "no_photos": Bilingual("无。", "None."),
    "photo_no": Bilingual("图{0}", "Fig. {0}"),
    "photo_missing": Bilingual("照片文件缺失：{0}", "Photo file missing: {0}"),
    "photo_of_item": Bilingual("检查项：{0}", "Item: {0}"),
    "photo_of_hazard": Bilingual("隐患{0}：{1}", "Hazard {0}: {1}"),
    "photo_taken": Bilingual("拍摄于 {0}", "taken {0}"),
    # signatures
    # FORM: 现场检查记录
    "sig_company": Bilingual(
        "被检查单位现场负责人（签名）",
        "Company's on-site person in charge (signature)"),
    "sig_inspectors": Bilingual("检查人员（签名）", "Inspectors (signature)"),
    "sig_witness": Bilingual("见证人（签名）", "Witness (signature)"),
    # FORM: 责令限期整改指令书, 现场处理措施决定书, 整改复查意见书
    "sig_officers": Bilingual("安全生产监管行政执法人员（签名）",
                              "Law-enforcement officers (signature)"),
    "sig_receiver": Bilingual("被检查单位负责人（签名）",
                              "Person in charge of the company (signature)"),
    "sig_reinsp_receiver": Bilingual(
        "被复查单位负责人（签名）",
        "Person in charge of the re-inspected company (signature)"),
    "sig_refused": Bilingual("被检查单位拒绝签名", "The company refused to sign"),
    "sig_date": Bilingual("日期：{0}", "Date: {0}"),
    "sig_blank_date": Bilingual("日期：________年_____月_____日", "Date: ______________"),
    "date_line": Bilingual("{0}", "{0}"),
    "seal": Bilingual("（印章）", " (seal)"),
    # FORM: 现场检查记录 (the identity statement read out before the inspection)
    "identity": Bilingual(
        "我们是{org}行政执法人员{names}，证件号码为{ids}，这是我们的证件（出示证件）。"
        "现依法对你单位进行现场检查，请予以配合。",
        "We are {names}, administrative law-enforcement officers of {org}; our "
        "credential numbers are {ids}. These are our credentials (credentials shown). "
        "We are inspecting your company according to law; please cooperate."),
    # A unit's work inspected (督导检查): the Chinese says 你单位 already; the English names no
    # company.
    "identity_unit": Bilingual(
        "我们是{org}行政执法人员{names}，证件号码为{ids}，这是我们的证件（出示证件）。"
        "现依法对你单位进行现场检查，请予以配合。",
        "We are {names}, administrative law-enforcement officers of {org}; our "
        "credential numbers are {ids}. These are our credentials (credentials shown). "
        "We are inspecting your organisation's work according to law; please cooperate."),
    # order
    # FORM: 责令限期整改指令书
    "order_found": Bilingual(
        "经查，你单位存在下列问题：",
        "On inspection, your company was found to have the following problems:"),
    "order_by": Bilingual("于{0}前整改完毕", "to be rectified by {0}"),
    "order_group": Bilingual("第{nums}项问题于{date}前整改完毕", "{nums} by {date}"),
    "order_rectify": Bilingual(
        "现责令你单位对上述{groups}，达到有关法律法规规章和标准规定的要求。由此造成"
        "事故的，依法追究有关人员的责任。",
        "Your company is ordered to rectify the problems above: {groups}, so that "
        "they meet the requirements of the laws, regulations, rules and standards. "
        "Those responsible for any accident caused by them will be held liable "
        "according to law."),
    "order_meanwhile": Bilingual(
        "整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以"
        "行政处罚。",
        "During rectification your company shall take measures to ensure safe "
        "production. Violations of work-safety law will be punished according to "
        "law."),
    "review_order": Bilingual(
        "如果不服本指令，可以依法在60日内向{gov}人民政府或者{dept}申请行政复议，或者"
        "在6个月内依法向{court}人民法院提起行政诉讼，但本指令不停止执行，法律另有规定"
        "的除外。",
        "If your company disagrees with this order, it may apply for administrative "
        "reconsideration to the people's government of {gov} or to {dept} within 60 "
        "days, or bring an administrative lawsuit before the people's court of "
        "{court} within 6 months; the order is not suspended meanwhile, except as "
        "otherwise provided by law."),
    "review_order_no_dept": Bilingual(
        "如果不服本指令，可以依法在60日内向{gov}人民政府申请行政复议，或者在"
        "6个月内依法向{court}人民法院提起行政诉讼，但本指令不停止执行，法律"
        "另有规定的除外。",
        "If your company disagrees with this order, it may apply for "
        "administrative reconsideration to the people's government of {gov} "
        "within 60 days, or bring an administrative lawsuit before the "
        "people's court of {court} within 6 months; the order is not "
        "suspended meanwhile, except as otherwise provided by law."),
    "order_copies": Bilingual(
        "本文书一式两份：一份由安全生产监督管理部门备案，一份交被检查单位。",
        "Made in duplicate: one copy kept on file by the work-safety authority, one "
        "for the inspected company."),
    "blank": Bilingual("__________", "__________"),
    # FORM: 现场处理措施决定书
    "onsite_found": Bilingual(
        "本机关于{date}现场检查时，发现你单位有下列违法违规行为和事故隐患：",
        "During the on-site inspection on {date} this authority found the following "
        "violations and accident hazards at your company:"),
    "onsite_basis": Bilingual(
        "以上存在的问题无法保证安全生产，依据{basis}的规定，现作出如下现场处理决定：",
        "Safe production cannot be ensured with the problems above. Under {basis}, "
        "this authority decides on the spot as follows:"),
    "onsite_law": Bilingual(
        "《中华人民共和国安全生产法》第六十五条第一款第（三）项",
        "Article 65(1)(3) of the Work Safety Law of the People's Republic of China"),
    "review_onsite": Bilingual(
        "如果不服本决定，可以依法在60日内向{gov}人民政府或者{dept}申请行政复议，"
        "或者在6个月内依法向{court}人民法院提起行政诉讼，但本决定不停止执行，法律"
        "另有规定的除外。",
        "If your company disagrees with this decision, it may apply for "
        "administrative reconsideration to the people's government of {gov} or to "
        "{dept} within 60 days, or bring an administrative lawsuit before the "
        "people's court of {court} within 6 months; the decision is not suspended "
        "meanwhile, except as otherwise provided by law."),
    "review_onsite_no_dept": Bilingual(
        "如果不服本决定，可以依法在60日内向{gov}人民政府申请行政复议，或者在"
        "6个月内依法向{court}人民法院提起行政诉讼，但本决定不停止执行，法律"
        "另有规定的除外。",
        "If your company disagrees with this decision, it may apply for "
        "administrative reconsideration to the people's government of "
        "{gov} within 60 days, or bring an administrative lawsuit before "
        "the people's court of {court} within 6 months; the decision is "
        "not suspended meanwhile, except as otherwise provided by law."),
    "col_measure": Bilingual("现场处理决定", "Decision"),
    "col_for": Bilingual("针对", "For"),
    "for_problem": Bilingual("第{0}项", "problem {0}"),
    # re-inspection opinion
    # FORM: 整改复查意见书 (the decision named is the order to rectify)
    "reinsp_intro": Bilingual(
        "本机关于{order_date}作出了责令限期整改的决定[{order_number}]，经对你单位整改情况进行复查，"
        "提出如下意见：",
        "On {order_date} this authority ordered your company to rectify within a deadline "
        "[{order_number}]. Having re-inspected your company's rectification on {date}, it gives "
        "the following opinion:"),
    "reinsp_copies": Bilingual(
        "本文书一式两份：一份由安全生产监督管理部门备案，一份交被复查单位。",
        "Made in duplicate: one copy kept on file by the work-safety authority, "
        "one for the re-inspected company."),
    "col_problem": Bilingual("问题", "Problem"),
    "col_old_deadline": Bilingual("原整改期限", "Deadline"),
    "col_reinsp_result": Bilingual("复查结果", "Result"),
    "col_new_deadline": Bilingual("新整改期限", "New deadline"),
    "rectified": Bilingual("已整改", "Rectified"),
    "not_rectified": Bilingual("未整改到位", "Not rectified"),
    "not_reinspected": Bilingual("未复查", "Not re-inspected"),
    "plan_complete": Bilingual("治理方案：六项内容齐全", "Governance plan: all six elements"),
    "plan_incomplete": Bilingual("治理方案：内容不全", "Governance plan: incomplete"),
    "acceptance": Bilingual("评估验收：{0}，{1}；结论：{2}", "Accepted {0} by {1}: {2}"),
    "sec_reinsp_results": Bilingual("一、复查情况", "1. Results"),
    "sec_reinsp_photos": Bilingual("二、整改前后照片", "2. Before and after"),
    "sec_reinsp_opinion": Bilingual("三、复查意见", "3. Opinion"),
    "sec_reinsp_signatures": Bilingual("四、签名", "4. Signatures"),
    "before": Bilingual("整改前", "Before"),
    "after": Bilingual("整改后", "After"),
    "no_photo": Bilingual("（无照片）", "(no photo)"),
    "hazard_heading": Bilingual("隐患{0}：{1}", "Hazard {0}: {1}"),
    # The opinion itself is free text on the form; these sentences are the program's own and
    # name every problem: none is ever said to be accepted unless its result says so.
    "opinion_accepted": Bilingual(
        "经复查，{0}问题已整改完毕，同意销号。",
        "On re-inspection, {0} rectified; accepted and closed."),
    "opinion_not_rectified": Bilingual(
        "{nums}问题未整改到位，责令你单位于{date}前整改完毕。",
        "{nums} not rectified: to be rectified by {date}."),
    "opinion_not_rectified_no_date": Bilingual(
        "{nums}问题未整改到位，责令你单位继续整改。",
        "{nums} not rectified: rectification to continue."),
    "opinion_pending": Bilingual(
        "{0}问题本次未复查，不予销号。",
        "{0} not re-inspected this time; not closed."),
    "opinion_none": Bilingual("本次复查无待复查的问题。", "There was nothing to re-inspect."),
}

_ANSWERS = {
    Answer.COMPLIANT: Bilingual("符合", "Compliant"),
    Answer.NON_COMPLIANT: Bilingual("不符合", "Non-compliant"),
    Answer.NOT_APPLICABLE: Bilingual("不适用", "Not applicable"),
}


def is_en(lang: str) -> bool:
    return lang.lower().startswith("en")


def t(lang: str, key: str, *args: object, **kwargs: object) -> str:
    text = _TEXTS[key].in_(lang)
    return text.format(*args, **kwargs) if args or kwargs else text


def pick(lang: str, labels: Bilingual) -> str:
    return labels.in_(lang)


def answer_label(lang: str, answer: Answer) -> str:
    return pick(lang, _ANSWERS[answer])


def grade_label(lang: str, grade: Grade) -> str:
    return pick(lang, GRADE_LABELS[grade])


def problem_numbers(lang: str, numbers: list[int]) -> str:
    """"第1、3项" / "problem 1" / "problems 1, 3"."""
    if is_en(lang):
        return ("problem " if len(numbers) == 1 else "problems ") + list_join(lang, numbers)
    return f"第{list_join(lang, numbers)}项"


def list_join(lang: str, numbers: list[int] | list[str]) -> str:
    """"3、5" in Chinese, "3, 5" in English."""
    return (", " if is_en(lang) else "、").join(str(n) for n in numbers)


def _parse(value: str) -> datetime | date | None:
    """A date, or a wall-clock time: times stored in UTC ("…Z") are shown in local time, times
    stored with the inspector's own offset as they were recorded."""
    try:
        if len(value) <= 10:
            return date.fromisoformat(value)
        if value.endswith("Z"):
            return datetime.fromisoformat(value[:-1] + "+00:00").astimezone()
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def fmt_date(lang: str, value: str | None) -> str:
    """2026年11月28日 / 2026-11-28; the text as stored when it is no date."""
    if not value:
        return ""
    parsed = _parse(value)
    if parsed is None:
        return value
    day = parsed.date() if isinstance(parsed, datetime) else parsed
    if is_en(lang):
        return day.isoformat()
    return f"{day.year}年{day.month}月{day.day}日"


def fmt_datetime(lang: str, value: str | None) -> str:
    """2026年11月28日 09:00 / 2026-11-28 09:00."""
    if not value:
        return ""
    parsed = _parse(value)
    if not isinstance(parsed, datetime):
        return fmt_date(lang, value)
    return f"{fmt_date(lang, parsed.date().isoformat())} {parsed:%H:%M}"
