"""Which tables travel in a bundle, and how each one is keyed, dated and owned.

settings, org_keys, identities, number_sequences and issued_certificates never leave the machine:
they hold secrets or this device's own counters; neither do the office's classification and yearly
plan tables (company_supervision, company_classifications, plan_teams, year_plans,
year_plan_visits). number_blocks travel from the office only: a
laptop receives its blocks and never hands any out. So do the district's units, campaigns,
campaign tags and escalation decisions: the office keeps them; an inspection's ``unit_id``
comes back with it.
The emergency registry (plans, drills and their tasks, stations with milestones and checks,
attached files) travels both ways; the office's deadlines and rules travel from the office only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableSpec:
    name: str
    key: tuple[str, ...]
    stamp: str | None = "updated_at"     # None: travels only with its inspection
    parent: str | None = None           # column naming the inspection it belongs to


# Reference data first, then the parts of an inspection; order matters only for readability,
# foreign keys are deferred during an import.
TABLES: tuple[TableSpec, ...] = (
    TableSpec("devices", ("id",)),
    TableSpec("inspectors", ("id",)),
    TableSpec("companies", ("id",)),
    TableSpec("templates", ("key",)),
    # The checklist each inspection was started with, once per content hash; never changes.
    TableSpec("template_snapshots", ("content_hash",), None),
    TableSpec("planned_inspections", ("id",)),
    TableSpec("number_blocks", ("id",)),
    TableSpec("units", ("id",)),
    TableSpec("campaigns", ("id",)),
    TableSpec("campaign_tags", ("id",)),
    TableSpec("emergency_deadlines", ("id",)),
    TableSpec("emergency_rules", ("key",)),
    TableSpec("emergency_plans", ("id",)),
    TableSpec("drills", ("id",)),
    TableSpec("drill_tasks", ("id",)),
    TableSpec("stations", ("id",)),
    TableSpec("station_milestones", ("id",)),
    TableSpec("station_checks", ("id",)),
    TableSpec("emergency_files", ("id",)),
    TableSpec("escalations", ("id",)),
    TableSpec("trust_roots", ("fingerprint",)),
    TableSpec("revocations", ("id",)),
    TableSpec("inspections", ("id",)),
    TableSpec("inspection_inspectors", ("inspection_id", "inspector_id"), None, "inspection_id"),
    TableSpec("answers", ("id",), parent="inspection_id"),
    TableSpec("findings", ("id",), parent="inspection_id"),
    TableSpec("photos", ("id",), parent="inspection_id"),
    TableSpec("signatures", ("id",), parent="inspection_id"),
    TableSpec("documents", ("id",), parent="inspection_id"),
    TableSpec("reinspection_results", ("id",), parent="reinspection_id"),
    TableSpec("record_signatures", ("id",), parent="inspection_id"),
    TableSpec("audit_log", ("id",), "at"),
)
BY_NAME = {t.name: t for t in TABLES}
CHILDREN = tuple(t for t in TABLES if t.parent)
REFERENCE = tuple(t for t in TABLES if not t.parent and t.name not in ("inspections", "audit_log"))
OFFICE_ONLY = frozenset({"number_blocks", "units", "campaigns", "campaign_tags",
                         "emergency_deadlines", "emergency_rules", "escalations"})
# Every other table, with the reason it stays on this machine; a new table goes in TABLES or
# here (tests/unit/test_layers.py checks that each table of the schema is in one of the two).
NEVER_CARRIED: dict[str, str] = {
    "_sqlite_migrations": "the migrations this database has run",
    "settings": "this computer's own choices (current inspector, review bodies, ...)",
    "org_keys": "the organisation's root key: a secret of the supervisor's computer",
    "identities": "this laptop's encrypted signing key: a secret",
    "number_sequences": "this device's own document-number counters",
    "issued_circulars": "the office's register of the circulars it issued and their numbers",
    "issued_certificates": "the supervisor's register of what it issued (revocations travel)",
    "sync_history": "this computer's log of its own exports and imports",
    "sync_seen": "what this computer last saw of each inspection from each peer",
    "conflicts": "conflicts found here, to be resolved here",
    "sync_device_signers": "who this computer learnt speaks for each device",
    "hazard_ledger": "derived from hazards, inspections and companies by this database itself",
    "render_ledger": "which rendering this computer's render cache holds, to vouch for its bytes",
    # the office's classification and yearly plan: what reaches the laptops is
    # companies.risk_level and the planned inspections the plan issues
    "company_supervision": "the office's supervision facts and standardisation certificates",
    "company_classifications": "the office's classification decisions",
    "plan_teams": "the office's inspection teams for the yearly plan",
    "year_plans": "the office's yearly enforcement plans",
    "year_plan_visits": "the visits of a yearly plan (issued ones travel as planned inspections)",
}
# Columns that describe this machine, not the record.
LOCAL_COLUMNS = {"devices": ("is_self",), "inspections": ("conflict_of",)}
