"""A major hazard's governance plan (治理方案) and its acceptance (评估/验收) before closure.

安全生产事故隐患排查治理暂行规定 (国家安全监管总局令第16号) Art. 15 asks a company with a major
hazard for a governance plan with six elements; a major hazard is closed (销号) only when the plan
is complete and its rectification was assessed and accepted — recorded with date, by whom and
the conclusion. The element names follow the wording commonly used for Art. 15 (目标和任务、
方法和措施、经费和物资、负责的机构和人员、时限和要求、安全措施和应急预案).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inspector_app.domain.bilingual import Bilingual
from inspector_app.errors import ValidationError
from inspector_app.i18n import ENUMERATION, N_, Listing, Message

__all__ = ["ACCEPTANCE_COLUMNS", "PLAN_COLUMNS", "PLAN_ELEMENTS", "Acceptance", "GovernancePlan",
           "missing_plan_elements"]

# (column, label), in the order Art. 15 lists them.
PLAN_ELEMENTS: tuple[tuple[str, Bilingual], ...] = (
    ("plan_goal", Bilingual(zh="治理的目标和任务", en="Goal and tasks")),
    ("plan_method", Bilingual(zh="采取的方法和措施", en="Methods and measures")),
    ("plan_funds", Bilingual(zh="经费和物资的落实", en="Funds and materials")),
    ("plan_organisation", Bilingual(zh="负责治理的机构和人员", en="Body and people responsible")),
    ("plan_timeline", Bilingual(zh="治理的时限和要求", en="Time limit and requirements")),
    ("plan_safety", Bilingual(zh="安全措施和应急预案", en="Safety measures and emergency plan")),
)
PLAN_COLUMNS = tuple(column for column, _label in PLAN_ELEMENTS)
ACCEPTANCE_COLUMNS = ("accepted_on", "accepted_by", "acceptance_conclusion")


@dataclass(frozen=True)
class GovernancePlan:
    plan_goal: str | None = None
    plan_method: str | None = None
    plan_funds: str | None = None
    plan_organisation: str | None = None
    plan_timeline: str | None = None
    plan_safety: str | None = None

    @classmethod
    def of(cls, values: object) -> GovernancePlan:
        """The plan held by anything with the plan attributes (a Finding, a row object)."""
        return cls(**{c: _clean(getattr(values, c, None)) for c in PLAN_COLUMNS})

    def missing(self) -> list[str]:
        return missing_plan_elements(self)

    @property
    def complete(self) -> bool:
        return not self.missing()


def missing_plan_elements(plan: object) -> list[str]:
    """The columns of the six elements that are still empty, in Art. 15's order."""
    return [c for c in PLAN_COLUMNS if not _clean(getattr(plan, c, None))]


@dataclass(frozen=True)
class Acceptance:
    """The assessment and acceptance (评估/验收) of a major hazard's rectification."""

    accepted_on: str
    accepted_by: str
    acceptance_conclusion: str

    @classmethod
    def parse(cls, on: str | None, by: str | None, conclusion: str | None, *,
              today: date) -> Acceptance:
        """Check the three parts; the message says what is missing or wrong."""
        # Each part named as a message of its own, so that a Chinese sentence names it in
        # Chinese too (not "缺少the conclusion").
        missing = [Message(name) for name, value in (
            (N_("the acceptance date"), on), (N_("who accepted it"), by),
            (N_("the acceptance conclusion"), conclusion)) if not _clean(value)]
        if missing:
            raise ValidationError(N_("A major hazard is closed only with a recorded acceptance: "
                                     "{join} missing."),
                                  join=Listing(missing, ENUMERATION))
        try:
            day = date.fromisoformat(str(on).strip())
        except ValueError:
            raise ValidationError(N_("The acceptance date must be a date (YYYY-MM-DD).")) from None
        if day > today:
            raise ValidationError(N_("The acceptance date cannot be in the future."))
        return cls(day.isoformat(), str(by).strip(), str(conclusion).strip())


def _clean(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None
