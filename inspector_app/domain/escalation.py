"""Escalation of companies that do not rectify: why, and which step the office took.

惩戒一家、教育一片: a hazard overdue past a grace period, a hazard found not rectified at two
re-inspections, or a company that refused to sign for its hazards is put on the escalation list;
the office records the measure it decided (曝光 / 立案查处 / 停产整顿 / 关闭取缔). Recording it
does not replace the enforcement case: it records that the step was taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.units import parse_day
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, Message

DEFAULT_GRACE_DAYS = 30
REOPENED_TIMES = 2


class Reason(StrEnum):
    OVERDUE = "overdue"
    REOPENED = "reopened"
    REFUSED = "refused"


class Measure(StrEnum):
    EXPOSURE = "exposure"
    CASE = "case"
    SUSPENSION = "suspension"
    CLOSURE = "closure"


REASON_LABELS = {
    Reason.OVERDUE: Bilingual(zh="逾期未整改", en="Overdue past the grace period"),
    Reason.REOPENED: Bilingual(zh="两次复查未通过", en="Not rectified at two re-inspections"),
    Reason.REFUSED: Bilingual(zh="拒不签收整改", en="Refused to sign"),
}
MEASURE_LABELS = {Measure.EXPOSURE: Bilingual(zh="曝光", en="Exposure"),
                  Measure.CASE: Bilingual(zh="立案查处", en="Case opened"),
                  Measure.SUSPENSION: Bilingual(zh="停产整顿", en="Suspension"),
                  Measure.CLOSURE: Bilingual(zh="关闭取缔", en="Closure")}


@dataclass(frozen=True)
class Decision:
    company_id: str
    reason: Reason
    measure: Measure
    decided_on: str
    finding_id: str | None = None
    case_number: str | None = None
    fine_amount: float | None = None
    document: str | None = None
    note: str | None = None

    def validated(self) -> Decision:
        try:
            reason, measure = Reason(self.reason), Measure(self.measure)
        except ValueError as exc:
            raise ValidationError(N_("Escalation: {exc}."), exc=exc) from None
        day = parse_day(self.decided_on, Message(N_("decision date"))).isoformat()
        if self.fine_amount is not None and self.fine_amount < 0:
            raise ValidationError(N_("Escalation: a fine cannot be negative."))
        if measure == Measure.CASE and not (self.case_number or "").strip():
            raise ValidationError(N_("Escalation: a case opened needs its case number."))
        return Decision(self.company_id, reason, measure, day, self.finding_id,
                        (self.case_number or "").strip() or None, self.fine_amount,
                        (self.document or "").strip() or None, (self.note or "").strip() or None)
