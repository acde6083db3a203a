"""The synchronised tables as a person names what they hold, for refusals and reports: a
supervisor reading "stations refer to units" cannot tell what to fix, "emergency stations
name units" she can."""

from __future__ import annotations

from inspector_app.i18n import N_, Message

# What the rows of each table are, in the plural (a refusal speaks of some of them).
TABLE_WORDS: dict[str, str] = {
    "devices": N_("computers"),
    "inspectors": N_("inspectors"),
    "companies": N_("companies"),
    "templates": N_("checklists"),
    "template_snapshots": N_("checklist copies"),
    "planned_inspections": N_("planned inspections"),
    "number_blocks": N_("document number blocks"),
    "units": N_("units"),
    "campaigns": N_("campaigns"),
    "campaign_tags": N_("campaign tags"),
    "emergency_deadlines": N_("emergency plan deadlines"),
    "emergency_rules": N_("emergency plan rules"),
    "emergency_plans": N_("emergency plans"),
    "drills": N_("drills"),
    "drill_tasks": N_("drill follow-up tasks"),
    "stations": N_("emergency stations"),
    "station_milestones": N_("station milestones"),
    "station_checks": N_("station checks"),
    "emergency_files": N_("emergency plan files"),
    "escalations": N_("escalations"),
    "trust_roots": N_("office root certificates"),
    "revocations": N_("certificate revocations"),
    "inspections": N_("inspection records"),
    "inspection_inspectors": N_("inspection teams"),
    "answers": N_("checklist answers"),
    "findings": N_("hazards"),
    "photos": N_("photos"),
    "signatures": N_("handwritten signatures"),
    "documents": N_("documents"),
    "reinspection_results": N_("re-inspection results"),
    "record_signatures": N_("digital signatures"),
    "audit_log": N_("audit log entries"),
}


def table_words(table: str) -> Message | str:
    """What ``table``'s rows are, to be rendered in the reader's language; a table this list
    does not know (a newer program's) by its own name."""
    words = TABLE_WORDS.get(table)
    return Message(words) if words is not None else table.replace("_", " ")
