"""The words printed on the documents, in Chinese and English, and how dates are written.

Documents are legal papers: their wording lives here as data (not in Qt translations) so the CLI
prints exactly what the window prints, whatever the interface language.
"""

from __future__ import annotations

from datetime import date, datetime

from inspector_app.domain.checklist import Answer
from inspector_app.domain.finding import GRADE_LABELS, Grade

_TEXTS: dict[str, tuple[str, str]] = {
    # page furniture
    "page": ("第 {0} 页 共 {1} 页", "Page {0} of {1}"),
    "check_code": ("记录 {0}　第{1}版　校验码 {2}", "Record {0}  revision {1}  check code {2}"),
    "continued": ("（续）", " (continued)"),
    # header fields
    "company": ("被检查单位", "Inspected company"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    "address": ("地址", "Address"),
    "legal_rep": ("法定代表人（负责人）", "Legal representative / person in charge"),
    "position": ("职务", "Position"),
    "contact": ("现场负责人", "On-site person in charge"),
    "phone": ("联系电话", "Phone"),
    "place": ("检查场所", "Place inspected"),
    "time": ("检查时间", "Time of inspection"),
    "time_range": ("{0} 至 {1}", "{0} to {1}"),
    "in_progress": ("（检查中）", "(in progress)"),
    "inspectors": ("检查人员及执法证号", "Inspectors and enforcement-ID numbers"),
    "enforcement_id": ("执法证号", "ID"),
    "basis": ("检查依据", "Checklist"),
    "kind": ("检查类型", "Type of inspection"),
    "revision": ("版本", "Revision"),
    "revision_of": ("本记录为第{0}版，更正原因：{1}", "Revision {0} of this record; reason: {1}"),
    # record sections
    "sec_findings": ("一、检查情况", "1. What was found"),
    "sec_score": ("二、检查结果汇总", "2. Summary"),
    "sec_hazards": ("三、发现的事故隐患", "3. Hazards found"),
    "sec_photos": ("四、现场照片", "4. Photographs"),
    "sec_signatures": ("五、签字", "5. Signatures"),
    "col_no": ("序号", "No."),
    "col_item": ("检查内容", "Item"),
    "col_result": ("检查结果", "Result"),
    "col_note": ("备注", "Notes"),
    "not_applicable_line": ("不适用：第{0}项", "Not applicable: items {0}"),
    "not_applicable_one": ("不适用：第{0}项", "Not applicable: item {0}"),
    "not_answered": ("未检查", "Not checked"),
    "not_filled": ("未填写", "Not filled in"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "photos_n": ("{0} 张照片", "{0} photo(s)"),
    "no_items": ("本次检查未包含检查表项目。", "No checklist items were part of this inspection."),
    "score_line": (
        "检查项 {total} 项：符合 {ok} 项，不符合 {bad} 项，不适用 {na} 项{open}；符合率 {pct}。",
        "{total} checks: {ok} compliant, {bad} non-compliant, {na} not applicable{open}; "
        "compliance {pct}."),
    "score_open": ("，未检查 {0} 项", ", {0} not checked"),
    "score_none": ("—", "n/a"),
    "hazard_line": (
        "发现事故隐患 {n} 项，其中重大事故隐患 {major} 项，一般事故隐患 {general} 项。",
        "{n} hazard(s) found: {major} major accident hazard(s), {general} general hazard(s)."),
    "no_hazards": ("本次检查未发现事故隐患。", "No hazards were found."),
    "col_hazard": ("隐患描述", "Hazard"),
    "col_grade": ("等级", "Grade"),
    "col_requirement": ("整改要求", "Requirement"),
    "col_deadline": ("整改期限", "Deadline"),
    "legal_basis": ("依据：{0}", "Legal basis: {0}"),
    "onsite": ("现场处理措施：{0}", "Measure taken on site: {0}"),
    "responsible": ("责任人：{0}", "Responsible: {0}"),
    "no_photos": ("无。", "None."),
    "photo_no": ("图{0}", "Fig. {0}"),
    "photo_missing": ("照片文件缺失：{0}", "Photo file missing: {0}"),
    "photo_of_item": ("检查项：{0}", "Item: {0}"),
    "photo_of_hazard": ("隐患{0}：{1}", "Hazard {0}: {1}"),
    "photo_taken": ("拍摄于 {0}", "taken {0}"),
    # signatures
    "sig_company": ("被检查单位现场负责人（签字）", "Company's on-site person (signature)"),
    "sig_inspectors": ("检查人员（签字）", "Inspectors (signature)"),
    "sig_witness": ("见证人（签字）", "Witness (signature)"),
    "sig_receiver": ("被检查单位负责人（签收）", "Received for the company by (signature)"),
    "sig_refused": ("被检查单位拒绝签字", "The company refused to sign"),
    "sig_date": ("日期：{0}", "Date: {0}"),
    "sig_blank_date": ("日期：________年_____月_____日", "Date: ______________"),
    "date_line": ("{0}", "{0}"),
    "seal": ("（印章）", " (seal)"),
    # order
    "order_found": ("经检查，你单位存在下列事故隐患和问题：",
                    "On inspection, the following accident hazards and problems were found at "
                    "your company:"),
    "order_found_record": ("经现场检查（现场检查记录{0}），你单位存在下列事故隐患和问题：",
                           "The on-site inspection (record {0}) found the following accident "
                           "hazards and problems at your company:"),
    "order_by": ("于{0}前整改完毕", "to be rectified by {0}"),
    "order_copies": ("本文书一式两份：一份存档，一份交被检查单位。",
                     "Made in duplicate: one copy for the file, one for the inspected company."),
    # re-inspection opinion
    "reinsp_intro": (
        "本机关于{order_date}以{order_number}《责令限期整改指令书》责令你单位对所列问题限期整改。"
        "根据你单位的整改情况，本机关于{date}进行了复查，复查意见如下：",
        "On {order_date} this authority ordered your company, by Order to rectify within a "
        "deadline {order_number}, to rectify the problems listed in it. Following your "
        "company's rectification, this authority re-inspected them on {date}. The opinion is "
        "as follows:"),
    "col_problem": ("问题", "Problem"),
    "col_old_deadline": ("原整改期限", "Deadline"),
    "col_reinsp_result": ("复查结果", "Result"),
    "col_new_deadline": ("新整改期限", "New deadline"),
    "rectified": ("已整改", "Rectified"),
    "not_rectified": ("未整改到位", "Not rectified"),
    "not_reinspected": ("未复查", "Not re-inspected"),
    "plan_complete": ("治理方案：六项内容齐全", "Governance plan: all six elements"),
    "plan_incomplete": ("治理方案：内容不全", "Governance plan: incomplete"),
    "acceptance": ("评估验收：{0}，{1}；结论：{2}", "Accepted {0} by {1}: {2}"),
    "sec_reinsp_results": ("一、复查情况", "1. Results"),
    "sec_reinsp_photos": ("二、整改前后照片", "2. Before and after"),
    "sec_reinsp_opinion": ("三、复查意见", "3. Opinion"),
    "sec_reinsp_signatures": ("四、签字", "4. Signatures"),
    "before": ("整改前", "Before"),
    "after": ("整改后", "After"),
    "no_photo": ("（无照片）", "(no photo)"),
    "hazard_heading": ("隐患{0}：{1}", "Hazard {0}: {1}"),
    "opinion_all": ("经复查，上述问题均已整改完毕，同意销号。",
                    "All the problems above have been rectified. The hazards are closed."),
    "opinion_some": (
        "经复查，{open}问题尚未整改到位，责令你单位于新的整改期限前整改完毕；逾期未整改的，"
        "本机关将依法处理。{closed}",
        "On re-inspection, the following were found not rectified: {open}. Your company is "
        "ordered to rectify them by the new deadline; failing that, this authority will act "
        "according to law. {closed}"),
    "opinion_closed": ("其余问题已整改完毕，同意销号。",
                       "The other problems have been rectified and are closed."),
    "opinion_pending": ("{0}问题尚未复查。", "Not yet re-inspected: {0}."),
}

# The fixed wording of the order, paragraph by paragraph (DOMAIN.md "THE DOCUMENTS").
ORDER_WORDING: dict[str, tuple[str, ...]] = {
    "zh": (
        "现责令你单位对上述问题按照所列期限逐项整改完毕，使其达到有关法律、法规、规章和国家标准、"
        "行业标准的要求。整改完成前因上述问题发生生产安全事故的，由你单位依法承担相应的法律责任。",
        "整改期间，你单位应当采取必要的防范措施，确保生产经营安全；不能保证安全的，应当停止相关"
        "作业或者停止使用相关设施、设备。整改完成后，应当及时书面报告本机关，本机关将依法进行复查。",
        "如不服本指令，可以自收到本指令书之日起六十日内依法申请行政复议，或者自收到本指令书之日起"
        "六个月内依法向人民法院提起行政诉讼。行政复议或者行政诉讼期间，本指令不停止执行，法律另有"
        "规定的除外。",
    ),
    "en": (
        "Your company is hereby ordered to rectify each of the problems above by the deadline "
        "stated for it, so that it meets the requirements of the applicable laws, regulations, "
        "rules and national or industry standards. Your company bears legal liability for any "
        "production safety accident caused by these problems before they are rectified.",
        "During rectification your company shall take the necessary precautions to keep its "
        "operations safe; where safety cannot be ensured, the work concerned shall be stopped or "
        "the facilities and equipment concerned taken out of use. When the rectification is "
        "complete, report it to this authority in writing without delay; this authority will "
        "re-inspect according to law.",
        "If your company disagrees with this order, it may apply for administrative "
        "reconsideration within 60 days of receiving it, or bring an administrative lawsuit "
        "before a people's court within 6 months of receiving it. The order is not suspended "
        "during reconsideration or litigation, except as otherwise provided by law.",
    ),
}

_ANSWERS = {
    Answer.COMPLIANT: ("符合", "Compliant"),
    Answer.NON_COMPLIANT: ("不符合", "Non-compliant"),
    Answer.NOT_APPLICABLE: ("不适用", "Not applicable"),
}


def is_en(lang: str) -> bool:
    return lang.lower().startswith("en")


def t(lang: str, key: str, *args: object, **kwargs: object) -> str:
    zh, en = _TEXTS[key]
    text = en if is_en(lang) else zh
    return text.format(*args, **kwargs) if args or kwargs else text


def pick(lang: str, labels: tuple[str, str]) -> str:
    return labels[1] if is_en(lang) else labels[0]


def answer_label(lang: str, answer: Answer) -> str:
    return pick(lang, _ANSWERS[answer])


def grade_label(lang: str, grade: Grade) -> str:
    return pick(lang, GRADE_LABELS[grade])


def order_wording(lang: str) -> tuple[str, ...]:
    return ORDER_WORDING["en" if is_en(lang) else "zh"]


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
