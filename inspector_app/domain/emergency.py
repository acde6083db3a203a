"""Emergency plans (应急预案), drills (应急演练) and base-level stations (基层应急管理标准化):
their kinds, lifecycles and the date rules that say what is due. Plain rules, no storage.

The default frequencies follow 《生产安全事故应急预案管理办法》 (应急管理部令第2号修正) 第三十三条,
as quoted by the 国家安全生产应急救援中心 (reply of 2025-01-09,
https://yjj.bozhou.gov.cn/News/show/672924.html):
"每年至少组织一次综合应急预案演练或专项应急预案演练，每半年至少组织一次现场处置方案演练".
The three-year revision period is the district's default and a rule like the others: an office
changes it for its district.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from inspector_app.domain.bilingual import Bilingual
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, Message


class PlanType(StrEnum):
    COMPREHENSIVE = "comprehensive"
    SPECIAL = "special"
    ONSITE = "onsite"


PLAN_TYPE_LABELS: dict[PlanType, Bilingual] = {
    PlanType.COMPREHENSIVE: Bilingual(zh="综合应急预案", en="Comprehensive plan"),
    PlanType.SPECIAL: Bilingual(zh="专项应急预案", en="Special plan"),
    PlanType.ONSITE: Bilingual(zh="现场处置方案", en="On-site procedure"),
}


class PlanStatus(StrEnum):
    NOT_STARTED = "not_started"
    DRAFTING = "drafting"
    REVIEWED = "reviewed"
    ISSUED = "issued"
    FILED = "filed"


PLAN_STATUS_ORDER = tuple(PlanStatus)
PLAN_STATUS_LABELS: dict[PlanStatus, Bilingual] = {
    PlanStatus.NOT_STARTED: Bilingual(zh="未启动", en="Not started"),
    PlanStatus.DRAFTING: Bilingual(zh="编制中", en="Drafting"),
    PlanStatus.REVIEWED: Bilingual(zh="已评审/论证", en="Reviewed"),
    PlanStatus.ISSUED: Bilingual(zh="已发布", en="Issued"),
    PlanStatus.FILED: Bilingual(zh="已备案", en="Filed"),
}


class Progress(StrEnum):
    """Where an owner stands in the compile-and-file campaign."""
    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"


PROGRESS_LABELS: dict[Progress, Bilingual] = {
    Progress.DONE: Bilingual(zh="已完成", en="Done"),
    Progress.IN_PROGRESS: Bilingual(zh="推进中", en="In progress"),
    Progress.NOT_STARTED: Bilingual(zh="未启动", en="Not started"),
}


def plan_progress(status: PlanStatus | str) -> Progress:
    status = PlanStatus(status)
    if status == PlanStatus.FILED:
        return Progress.DONE
    if status == PlanStatus.NOT_STARTED:
        return Progress.NOT_STARTED
    return Progress.IN_PROGRESS


def owner_progress(statuses: list[PlanStatus | str]) -> Progress:
    """A unit is done when it has plans and every one is filed; not started when none moved."""
    progresses = [plan_progress(s) for s in statuses]
    if not progresses or all(p == Progress.NOT_STARTED for p in progresses):
        return Progress.NOT_STARTED
    if all(p == Progress.DONE for p in progresses):
        return Progress.DONE
    return Progress.IN_PROGRESS


class DrillForm(StrEnum):
    LIVE = "live"
    TABLETOP = "tabletop"


class DrillScope(StrEnum):
    COMPREHENSIVE = "comprehensive"
    SINGLE = "single"


# 《生产安全事故应急演练基本规范》(AQ/T 9007-2019): by content 综合演练/单项演练, by form
# 实战演练/桌面演练 (as the 应急管理部 reply on safehoo.cn, 2025-10-27, summarises it).
DRILL_FORM_LABELS: dict[DrillForm, Bilingual] = {
    DrillForm.LIVE: Bilingual(zh="实战演练", en="Live"),
    DrillForm.TABLETOP: Bilingual(zh="桌面演练", en="Tabletop"),
}
DRILL_SCOPE_LABELS: dict[DrillScope, Bilingual] = {
    DrillScope.COMPREHENSIVE: Bilingual(zh="综合演练", en="Comprehensive"),
    DrillScope.SINGLE: Bilingual(zh="单项演练", en="Single"),
}


class StationKind(StrEnum):
    VILLAGE = "village"
    COMMUNITY = "community"
    TOWN = "town"


STATION_KIND_LABELS: dict[StationKind, Bilingual] = {
    StationKind.VILLAGE: Bilingual(zh="村应急服务站", en="Village service point"),
    StationKind.COMMUNITY: Bilingual(zh="社区应急服务站", en="Community service point"),
    StationKind.TOWN: Bilingual(zh="乡镇应急管理站", en="Town station"),
}


class Milestone(StrEnum):
    DESIGN = "design"
    RENOVATION = "renovation"
    STAFFING = "staffing"
    TEAM = "team"
    SUPPLIES = "supplies"
    PLATFORM = "platform"


MILESTONE_LABELS: dict[Milestone, Bilingual] = {
    Milestone.DESIGN: Bilingual(zh="方案设计", en="Design"),
    Milestone.RENOVATION: Bilingual(zh="场地装修", en="Renovation"),
    Milestone.STAFFING: Bilingual(zh="人员统筹", en="Staffing"),
    Milestone.TEAM: Bilingual(zh="队伍建设", en="Team"),
    Milestone.SUPPLIES: Bilingual(zh="物资准备", en="Supplies"),
    Milestone.PLATFORM: Bilingual(zh="平台建设", en="Platform"),
}


class MilestoneStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


MILESTONE_STATUS_LABELS: dict[MilestoneStatus, Bilingual] = {
    MilestoneStatus.NOT_STARTED: Bilingual(zh="未开始", en="Not started"),
    MilestoneStatus.IN_PROGRESS: Bilingual(zh="进行中", en="In progress"),
    MilestoneStatus.DONE: Bilingual(zh="已完成", en="Done"),
}


def label(labels: Mapping[Any, Bilingual], key: str, lang: str | None) -> str:
    """The Chinese or English label of an enum value; the raw value when unknown."""
    for k, text in labels.items():
        if k == key:
            return text.zh if (lang or "zh").startswith("zh") else text.en
    return str(key)


# -- dates ----------------------------------------------------------------------------------

def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months; a day the target month lacks becomes its last day
    (31 August + 6 months is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    """29 February plus a year that is not a leap year is 28 February."""
    return add_months(day, 12 * years)


def parse_day(text: str | None, what: str | Message = "date") -> date | None:
    if text is None or str(text).strip() == "":
        return None
    try:
        return date.fromisoformat(str(text).strip()[:10])
    except ValueError:
        raise ValidationError(N_("{what}: {text!r} is not a date (use YYYY-MM-DD)."),
                              what=what, text=text) from None


@dataclass(frozen=True)
class EmergencyRules:
    """The district's configurable rules. Periods are whole years or months: a period ends on
    the same calendar day (clamped to month end), and is met on that day itself."""
    revision_years: int = 3
    drill_months: dict[str, int] = field(default_factory=lambda: {
        PlanType.COMPREHENSIVE.value: 12, PlanType.SPECIAL.value: 12, PlanType.ONSITE.value: 6})

    def validated(self) -> EmergencyRules:
        if not isinstance(self.revision_years, int) or not 1 <= self.revision_years <= 10:
            raise ValidationError(N_("Revision period: {revision_years!r} years is not "
                                     "a whole number from 1 to 10."),
                                  revision_years=self.revision_years)
        months = {}
        for key, value in self.drill_months.items():
            if key not in PlanType.__members__.values():
                raise ValidationError(N_("Drill frequency: unknown plan type {key!r} "
                                         "(use one of: {join})."),
                                      key=key, join=', '.join(PlanType))
            if not isinstance(value, int) or not 1 <= value <= 60:
                raise ValidationError(N_("Drill frequency for {key}: {value!r} months is not a "
                                         "whole number from 1 to 60."), key=key, value=value)
            months[key] = value
        for t in PlanType:
            months.setdefault(t.value, EmergencyRules().drill_months[t.value])
        return EmergencyRules(self.revision_years, months)

    def to_dict(self) -> dict[str, Any]:
        return {"revision_years": self.revision_years, "drill_months": dict(self.drill_months)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EmergencyRules:
        if not isinstance(data, dict):
            raise ValidationError(N_("Emergency rules must be an object."))
        unknown = set(data) - {"revision_years", "drill_months"}
        if unknown:
            raise ValidationError(N_("Emergency rules: unknown field(s) "
                                     "{join}."), join=', '.join(sorted(unknown)))
        default = cls()
        months = data.get("drill_months", default.drill_months)
        if not isinstance(months, dict):
            raise ValidationError(N_("Emergency rules: drill_months must map plan types to "
                                     "months."))
        return cls(data.get("revision_years", default.revision_years), dict(months)).validated()


def revision_base(evaluated_on: date | None, issued_on: date | None) -> date | None:
    """The period runs from the last evaluation (评估), or from issue when never evaluated."""
    return evaluated_on or issued_on


def next_revision_due(evaluated_on: date | None, issued_on: date | None,
                      rules: EmergencyRules) -> date | None:
    base = revision_base(evaluated_on, issued_on)
    return add_years(base, rules.revision_years) if base else None


def is_overdue(due: date | None, today: date) -> bool:
    """Due on a day means done on that day is in time; overdue from the day after."""
    return due is not None and today > due


def drill_due(plan_type: PlanType | str, last_drill: date | None, issued_on: date | None,
              rules: EmergencyRules) -> date | None:
    """When the next drill of a plan is due: one period after its last drill, or after the
    plan was issued when it was never drilled. A plan not yet issued owes no drill."""
    base = last_drill or issued_on
    if base is None:
        return None
    return add_months(base, rules.drill_months[PlanType(plan_type).value])
