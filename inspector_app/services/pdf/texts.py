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

from inspector_app.domain.bilingual import Bilingual, written_day
from inspector_app.domain.checklist import Answer
from inspector_app.domain.finding import GRADE_LABELS, Grade

_TEXTS: dict[str, Bilingual] = {
    # page furniture
    "page": Bilingual(zh="第 {0} 页 共 {1} 页", en="Page {0} of {1}"),
    "check_code": Bilingual(zh="记录 {0}　第{1}版　校验码 {2}",
                            en="Record {0}  revision {1}  check code {2}"),
    "continued": Bilingual(zh="（续）", en=" (continued)"),
    # header fields
    "company": Bilingual(zh="被检查单位", en="Inspected company"),
    "unit_subject": Bilingual(zh="被检查单位", en="Inspected unit"),
    "credit_code": Bilingual(zh="统一社会信用代码", en="Unified social credit code"),
    "address": Bilingual(zh="地址", en="Address"),
    "legal_rep": Bilingual(zh="法定代表人（负责人）", en="Legal representative / person in charge"),
    "position": Bilingual(zh="职务", en="Position"),
    "contact": Bilingual(zh="现场负责人", en="On-site person in charge"),
    "phone": Bilingual(zh="联系电话", en="Phone"),
    "place": Bilingual(zh="检查场所", en="Place inspected"),
    "time": Bilingual(zh="检查时间", en="Time of inspection"),
    "time_range": Bilingual(zh="{0} 至 {1}", en="{0} to {1}"),
    "in_progress": Bilingual(zh="（检查中）", en="(in progress)"),
    "inspectors": Bilingual(zh="检查人员及执法证号", en="Inspectors and enforcement-ID numbers"),
    "enforcement_id": Bilingual(zh="执法证号", en="ID"),
    "basis": Bilingual(zh="检查依据", en="Checklist"),
    "kind": Bilingual(zh="检查类型", en="Type of inspection"),
    "revision": Bilingual(zh="版本", en="Revision"),
    "revision_of": Bilingual(zh="本记录为第{0}版，更正原因：{1}",
                             en="Revision {0} of this record; reason: {1}"),
    # record sections
    "sec_findings": Bilingual(zh="一、检查情况", en="1. What was found"),
    "sec_score": Bilingual(zh="二、检查结果汇总", en="2. Summary"),
    "sec_hazards": Bilingual(zh="三、发现的事故隐患", en="3. Hazards found"),
    "sec_photos": Bilingual(zh="四、现场照片", en="4. Photographs"),
    "sec_signatures": Bilingual(zh="五、签名", en="5. Signatures"),
    "col_no": Bilingual(zh="序号", en="No."),
    "col_item": Bilingual(zh="检查内容", en="Item"),
    "col_result": Bilingual(zh="检查结果", en="Result"),
    "col_note": Bilingual(zh="备注", en="Notes"),
    "not_applicable_line": Bilingual(zh="不适用：第{0}项", en="Not applicable: items {0}"),
    "not_applicable_one": Bilingual(zh="不适用：第{0}项", en="Not applicable: item {0}"),
    "not_answered": Bilingual(zh="未检查", en="Not checked"),
    "not_filled": Bilingual(zh="未填写", en="Not filled in"),
    "yes": Bilingual(zh="是", en="Yes"),
    "no": Bilingual(zh="否", en="No"),
    "photos_n": Bilingual(zh="{0} 张照片", en="{0} photo(s)"),
    "no_items": Bilingual(zh="本次检查未包含检查表项目。",
                          en="No checklist items were part of this inspection."),
    "score_line": Bilingual(
        zh="检查项 {total} 项：符合 {ok} 项，不符合 {bad} 项，不适用 {na} 项{open}；符合率 {pct}。",
        en="{total} checks: {ok} compliant, {bad} non-compliant, {na} not applicable{open}; "
        "compliance {pct}."),
    "score_open": Bilingual(zh="，未检查 {0} 项", en=", {0} not checked"),
    "score_none": Bilingual(zh="—", en="n/a"),
    "hazard_line": Bilingual(
        zh="发现事故隐患 {n} 项，其中重大事故隐患 {major} 项，一般事故隐患 {general} 项。",
        en="{n} hazard(s) found: {major} major accident hazard(s), {general} general hazard(s)."),
    "no_hazards": Bilingual(zh="本次检查未发现事故隐患。", en="No hazards were found."),
    "col_hazard": Bilingual(zh="隐患描述", en="Hazard"),
    "col_grade": Bilingual(zh="等级", en="Grade"),
    "col_requirement": Bilingual(zh="整改要求", en="Requirement"),
    "col_deadline": Bilingual(zh="整改期限", en="Deadline"),
    "legal_basis": Bilingual(zh="依据：{0}", en="Legal basis: {0}"),
    "onsite": Bilingual(zh="现场处理措施：{0}", en="Measure taken on site: {0}"),
    "responsible": Bilingual(zh="责任人：{0}", en="Responsible: {0}"),
    "no_photos": Bilingual(zh="无。", en="None."),
    "photo_no": Bilingual(zh="图{0}", en="Fig. {0}"),
    "photo_missing": Bilingual(zh="照片文件缺失：{0}", en="Photo file missing: {0}"),
    "photo_of_item": Bilingual(zh="检查项：{0}", en="Item: {0}"),
    "photo_of_hazard": Bilingual(zh="隐患{0}：{1}", en="Hazard {0}: {1}"),
    "photo_taken": Bilingual(zh="拍摄于 {0}", en="taken {0}"),
    # signatures
    # FORM: 现场检查记录
    "sig_company": Bilingual(zh="被检查单位现场负责人（签名）",
                             en="Company's on-site person in charge (signature)"),
    "sig_inspectors": Bilingual(zh="检查人员（签名）", en="Inspectors (signature)"),
    "sig_witness": Bilingual(zh="见证人（签名）", en="Witness (signature)"),
    # FORM: 责令限期整改指令书, 现场处理措施决定书, 整改复查意见书
    "sig_officers": Bilingual(zh="安全生产监管行政执法人员（签名）",
                              en="Law-enforcement officers (signature)"),
    "sig_receiver": Bilingual(zh="被检查单位负责人（签名）",
                              en="Person in charge of the company (signature)"),
    "sig_reinsp_receiver": Bilingual(zh="被复查单位负责人（签名）",
                                     en="Person in charge of the re-inspected company (signature)"),
    "sig_refused": Bilingual(zh="被检查单位拒绝签名", en="The company refused to sign"),
    "sig_date": Bilingual(zh="日期：{0}", en="Date: {0}"),
    "sig_blank_date": Bilingual(zh="日期：________年_____月_____日", en="Date: ______________"),
    "date_line": Bilingual(zh="{0}", en="{0}"),
    "seal": Bilingual(zh="（印章）", en=" (seal)"),
    # FORM: 现场检查记录 (the identity statement read out before the inspection)
    "identity": Bilingual(
        zh="我们是{org}行政执法人员{names}，证件号码为{ids}，这是我们的证件（出示证件）。"
        "现依法对你单位进行现场检查，请予以配合。",
        en="We are {names}, administrative law-enforcement officers of {org}; our "
        "credential numbers are {ids}. These are our credentials (credentials shown). "
        "We are inspecting your company according to law; please cooperate."),
    # A unit's work inspected (督导检查): the Chinese says 你单位 already; the English names no
    # company.
    "identity_unit": Bilingual(
        zh="我们是{org}行政执法人员{names}，证件号码为{ids}，这是我们的证件（出示证件）。"
        "现依法对你单位进行现场检查，请予以配合。",
        en="We are {names}, administrative law-enforcement officers of {org}; our "
        "credential numbers are {ids}. These are our credentials (credentials shown). "
        "We are inspecting your organisation's work according to law; please cooperate."),
    # order
    # FORM: 责令限期整改指令书
    "order_found": Bilingual(
        zh="经查，你单位存在下列问题：",
        en="On inspection, your company was found to have the following problems:"),
    "order_by": Bilingual(zh="于{0}前整改完毕", en="to be rectified by {0}"),
    "order_group": Bilingual(zh="第{nums}项问题于{date}前整改完毕", en="{nums} by {date}"),
    "order_rectify": Bilingual(
        zh="现责令你单位对上述{groups}，达到有关法律法规规章和标准规定的要求。由此造成"
        "事故的，依法追究有关人员的责任。",
        en="Your company is ordered to rectify the problems above: {groups}, so that "
        "they meet the requirements of the laws, regulations, rules and standards. "
        "Those responsible for any accident caused by them will be held liable "
        "according to law."),
    "order_meanwhile": Bilingual(
        zh="整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以"
        "行政处罚。",
        en="During rectification your company shall take measures to ensure safe "
        "production. Violations of work-safety law will be punished according to "
        "law."),
    "review_order": Bilingual(
        zh="如果不服本指令，可以依法在60日内向{gov}人民政府或者{dept}申请行政复议，或者"
        "在6个月内依法向{court}人民法院提起行政诉讼，但本指令不停止执行，法律另有规定"
        "的除外。",
        en="If your company disagrees with this order, it may apply for administrative "
        "reconsideration to the people's government of {gov} or to {dept} within 60 "
        "days, or bring an administrative lawsuit before the people's court of "
        "{court} within 6 months; the order is not suspended meanwhile, except as "
        "otherwise provided by law."),
    "review_order_no_dept": Bilingual(
        zh="如果不服本指令，可以依法在60日内向{gov}人民政府申请行政复议，或者在"
        "6个月内依法向{court}人民法院提起行政诉讼，但本指令不停止执行，法律"
        "另有规定的除外。",
        en="If your company disagrees with this order, it may apply for "
        "administrative reconsideration to the people's government of {gov} "
        "within 60 days, or bring an administrative lawsuit before the "
        "people's court of {court} within 6 months; the order is not "
        "suspended meanwhile, except as otherwise provided by law."),
    "order_copies": Bilingual(
        zh="本文书一式两份：一份由安全生产监督管理部门备案，一份交被检查单位。",
        en="Made in duplicate: one copy kept on file by the work-safety authority, one "
        "for the inspected company."),
    "blank": Bilingual(zh="__________", en="__________"),
    # FORM: 现场处理措施决定书
    "onsite_found": Bilingual(
        zh="本机关于{date}现场检查时，发现你单位有下列违法违规行为和事故隐患：",
        en="During the on-site inspection on {date} this authority found the following "
        "violations and accident hazards at your company:"),
    "onsite_basis": Bilingual(
        zh="以上存在的问题无法保证安全生产，依据{basis}的规定，现作出如下现场处理决定：",
        en="Safe production cannot be ensured with the problems above. Under {basis}, "
        "this authority decides on the spot as follows:"),
    "onsite_law": Bilingual(
        zh="《中华人民共和国安全生产法》第六十五条第一款第（三）项",
        en="Article 65(1)(3) of the Work Safety Law of the People's Republic of China"),
    "review_onsite": Bilingual(
        zh="如果不服本决定，可以依法在60日内向{gov}人民政府或者{dept}申请行政复议，"
        "或者在6个月内依法向{court}人民法院提起行政诉讼，但本决定不停止执行，法律"
        "另有规定的除外。",
        en="If your company disagrees with this decision, it may apply for "
        "administrative reconsideration to the people's government of {gov} or to "
        "{dept} within 60 days, or bring an administrative lawsuit before the "
        "people's court of {court} within 6 months; the decision is not suspended "
        "meanwhile, except as otherwise provided by law."),
    "review_onsite_no_dept": Bilingual(
        zh="如果不服本决定，可以依法在60日内向{gov}人民政府申请行政复议，或者在"
        "6个月内依法向{court}人民法院提起行政诉讼，但本决定不停止执行，法律"
        "另有规定的除外。",
        en="If your company disagrees with this decision, it may apply for "
        "administrative reconsideration to the people's government of "
        "{gov} within 60 days, or bring an administrative lawsuit before "
        "the people's court of {court} within 6 months; the decision is "
        "not suspended meanwhile, except as otherwise provided by law."),
    "col_measure": Bilingual(zh="现场处理决定", en="Decision"),
    "col_for": Bilingual(zh="针对", en="For"),
    "for_problem": Bilingual(zh="第{0}项", en="problem {0}"),
    # re-inspection opinion
    # FORM: 整改复查意见书 (the decision named is the order to rectify, its number in the
    # form's full-width ［］: a half-width [ reads as a slip in Chinese text)
    "reinsp_intro": Bilingual(
        zh="本机关于{order_date}作出了责令限期整改的决定［{order_number}］，经对你单位整改情况进行复查，"
        "提出如下意见：",
        en="On {order_date} this authority ordered your company to rectify within a deadline "
        "[{order_number}]. Having re-inspected your company's rectification on {date}, it gives "
        "the following opinion:"),
    "reinsp_copies": Bilingual(
        zh="本文书一式两份：一份由安全生产监督管理部门备案，一份交被复查单位。",
        en="Made in duplicate: one copy kept on file by the work-safety authority, "
        "one for the re-inspected company."),
    # The program's own words (no published form has them): a draft opinion is marked on every
    # page, so that nobody serves it as the document issued on completion.
    "draft_number": Bilingual(zh="草稿（未编号）", en="DRAFT (not numbered)"),
    "draft_mark": Bilingual(zh="草稿", en="DRAFT"),
    "draft_banner": Bilingual(
        zh="草稿：复查尚未完成，本意见书未编号、未生效，不得作为正式文书送达。"
        "复查完成后再打印正式文书。",
        en="DRAFT: the re-inspection is not completed. This opinion has no number and is not "
        "in force; do not serve it. Print the document again once the re-inspection is "
        "completed."),
    "col_problem": Bilingual(zh="问题", en="Problem"),
    "col_old_deadline": Bilingual(zh="原整改期限", en="Deadline"),
    "col_reinsp_result": Bilingual(zh="复查结果", en="Result"),
    "col_new_deadline": Bilingual(zh="新整改期限", en="New deadline"),
    "rectified": Bilingual(zh="已整改", en="Rectified"),
    "not_rectified": Bilingual(zh="未整改到位", en="Not rectified"),
    "not_reinspected": Bilingual(zh="未复查", en="Not re-inspected"),
    "plan_complete": Bilingual(zh="治理方案：六项内容齐全", en="Governance plan: all six elements"),
    "plan_incomplete": Bilingual(zh="治理方案：内容不全", en="Governance plan: incomplete"),
    "acceptance": Bilingual(zh="评估验收：{0}，{1}；结论：{2}", en="Accepted {0} by {1}: {2}"),
    "sec_reinsp_results": Bilingual(zh="一、复查情况", en="1. Results"),
    "sec_reinsp_photos": Bilingual(zh="二、整改前后照片", en="2. Before and after"),
    "sec_reinsp_opinion": Bilingual(zh="三、复查意见", en="3. Opinion"),
    "sec_reinsp_signatures": Bilingual(zh="四、签名", en="4. Signatures"),
    "before": Bilingual(zh="整改前", en="Before"),
    "after": Bilingual(zh="整改后", en="After"),
    "no_photo": Bilingual(zh="（无照片）", en="(no photo)"),
    "hazard_heading": Bilingual(zh="隐患{0}：{1}", en="Hazard {0}: {1}"),
    # The opinion itself is free text on the form; these sentences are the program's own and
    # name every problem: none is ever said to be accepted unless its result says so.
    "opinion_accepted": Bilingual(zh="经复查，{0}问题已整改完毕，同意销号。",
                                  en="On re-inspection, {0} rectified; accepted and closed."),
    "opinion_not_rectified": Bilingual(zh="{nums}问题未整改到位，责令你单位于{date}前整改完毕。",
                                       en="{nums} not rectified: to be rectified by {date}."),
    "opinion_not_rectified_no_date": Bilingual(
        zh="{nums}问题未整改到位，责令你单位继续整改。",
        en="{nums} not rectified: rectification to continue."),
    "opinion_pending": Bilingual(zh="{0}问题本次未复查，不予销号。",
                                 en="{0} not re-inspected this time; not closed."),
    "opinion_none": Bilingual(zh="本次复查无待复查的问题。", en="There was nothing to re-inspect."),
}

_ANSWERS = {
    Answer.COMPLIANT: Bilingual(zh="符合", en="Compliant"),
    Answer.NON_COMPLIANT: Bilingual(zh="不符合", en="Non-compliant"),
    Answer.NOT_APPLICABLE: Bilingual(zh="不适用", en="Not applicable"),
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
    return written_day(day, not is_en(lang))


def fmt_datetime(lang: str, value: str | None) -> str:
    """2026年11月28日 09:00 / 2026-11-28 09:00."""
    if not value:
        return ""
    parsed = _parse(value)
    if not isinstance(parsed, datetime):
        return fmt_date(lang, value)
    return f"{fmt_date(lang, parsed.date().isoformat())} {parsed:%H:%M}"
