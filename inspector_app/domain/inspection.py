"""The inspection's lifecycle: draft → completed → signed (locked), and who may inspect."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from inspector_app.domain.bilingual import Bilingual
from inspector_app.domain.profile import Inspector
from inspector_app.errors import LockedRecordError, ValidationError
from inspector_app.i18n import ENUMERATION, N_, Listing, Message


class Status(StrEnum):
    DRAFT = "draft"
    COMPLETED = "completed"
    SIGNED = "signed"


class Kind(StrEnum):
    OFFICIAL = "official"          # 执法检查: at least two inspectors with enforcement IDs
    SELF = "self"                  # 企业自查
    REINSPECTION = "reinspection"  # 复查


STATUS_LABELS = {
    Status.DRAFT: Bilingual(zh="草稿", en="Draft"),
    Status.COMPLETED: Bilingual(zh="已完成", en="Completed"),
    Status.SIGNED: Bilingual(zh="已签署", en="Signed"),
}
KIND_LABELS = {
    Kind.OFFICIAL: Bilingual(zh="执法检查", en="Official inspection"),
    Kind.SELF: Bilingual(zh="企业自查", en="Company self-inspection"),
    Kind.REINSPECTION: Bilingual(zh="复查", en="Re-inspection"),
}

# Completed can go back to draft (the inspector found something to add before signing).
_ALLOWED = {
    Status.DRAFT: {Status.COMPLETED},
    Status.COMPLETED: {Status.DRAFT, Status.SIGNED},
    Status.SIGNED: set(),
}


def check_transition(old: Status, new: Status) -> None:
    if new not in _ALLOWED[old]:
        if old is Status.SIGNED:
            raise LockedRecordError(
                N_("This inspection is signed and locked. Use Amend to make a corrected revision."))
        raise ValidationError(N_("An inspection cannot go from {value} to {value2}."),
                              value=old.value, value2=new.value)


def ensure_editable(status: Status) -> None:
    if status is Status.SIGNED:
        raise LockedRecordError(
            N_("This inspection is signed and locked; nothing in it can change. "
               "Use Amend to make a corrected revision."))
    if status is Status.COMPLETED:
        raise LockedRecordError(
            N_("This inspection is completed. Reopen it as a draft to change answers."))


def inspector_problems(kind: Kind, inspectors: Sequence[Inspector]) -> list[Message]:
    """What keeps this team from doing this kind of inspection (empty when fine): clauses to
    follow "Cannot start: "."""
    problems = []
    if not inspectors:
        problems.append(Message(N_("at least one inspector is needed")))
    if kind is Kind.OFFICIAL:
        if len(inspectors) < 2:
            problems.append(Message(N_("an official inspection needs at least two inspectors")))
        missing = [i.name for i in inspectors if not (i.enforcement_id or "").strip()]
        if missing:
            problems.append(Message(N_("no enforcement-ID number for {names}"),
                                    names=Listing(missing, ENUMERATION)))
    return problems


@dataclass(frozen=True)
class Missing:
    """One thing that keeps an inspection from being completed, and where to go to fix it."""

    kind: str            # "answer" | "photo" | "signature" | "hazard"
    item_id: str | None
    section_id: str | None
    text: str
    finding_id: str | None = None
    field: str | None = None  # the hazard field that is empty


# Whose work a supervision inspection (督导检查) can check: a town's territorial duties or a
# department's sector duties, in a campaign such as the 2023 重大事故隐患专项排查整治行动.
SUBJECT_UNIT_KINDS = ("town", "department")


def subject_problem(company_id: str | None, unit_id: str | None, unit_kind: str | None,
                    kind: Kind) -> Message | None:
    """Why this subject cannot be inspected this way, or None.

    An inspection is of one company or of one unit. A unit is checked by an official
    inspection: it does no self-inspection, and a re-inspection follows a company's hazards.
    """
    if (company_id is None) == (unit_id is None):
        return Message(N_("an inspection is of one company or of one unit: choose exactly one"))
    if unit_id is None:
        return None
    if unit_kind not in SUBJECT_UNIT_KINDS:
        return Message(N_("only a town or a sector department is inspected as a unit"))
    if kind is Kind.SELF:
        return Message(N_("a unit is inspected by an official (supervision) inspection, not by "
                          "a self-inspection"))
    if kind is not Kind.OFFICIAL:
        return Message(N_("a unit is inspected by an official (supervision) inspection, not by "
                          "a re-inspection"))
    return None
    if unit_kind not in SUBJECT_UNIT_KINDS:
        return "Only a town or a sector department is inspected as a unit"
    if kind is not Kind.OFFICIAL:
        return ("A unit is inspected by an official (supervision) inspection, not by a "
                f"{kind.value} inspection")
    return None
