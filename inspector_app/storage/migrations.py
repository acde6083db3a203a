"""The schema, built by named, ordered, transactional migrations.

Append new migrations at the end; never edit or reorder one that has shipped. ``PRAGMA
user_version`` holds the number of migrations applied, so an older program can tell at a glance
that a database is newer than it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations


class _Migration(NamedTuple):  # not a dataclass: every command's start loads this module
    name: str
    fn: Callable[[Database], None]
    transactional: bool = True


class MigrationSet:
    """sqlite-utils' ``Migrations``, registered without importing sqlite-utils.

    The names alone say whether a database is current; sqlite-utils (and the libraries it
    loads, most of a short command's start) is imported only when one has to be applied.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[_Migration] = []

    def __call__(self, *, name: str | None = None, transactional: bool = True
                 ) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
        def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            migration = _Migration(name or fn.__name__, fn, transactional)
            if any(m.name == migration.name for m in self._migrations):
                raise ValueError(f"Migration {migration.name!r} is already registered")
            self._migrations.append(migration)
            return fn

        return register

    def _set(self) -> Migrations:
        from sqlite_utils import Migrations

        built = Migrations(self.name)
        for m in self._migrations:
            built(name=m.name, transactional=m.transactional)(m.fn)
        return built

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> Any:
        return self._set().apply(db, stop_before=stop_before)

    def pending(self, db: Database) -> list[Any]:
        return self._set().pending(db)


MIGRATION_SET = "inspector"
migrations = MigrationSet(MIGRATION_SET)

# Columns every synced record carries (docs/DESIGN.md, "Data rules").
_RECORD = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id TEXT NOT NULL
"""


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    run_script(
        db,
        f"""
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    doc_prefix TEXT NOT NULL,
    is_self INTEGER NOT NULL DEFAULT 0,
    {_RECORD}
);
CREATE UNIQUE INDEX devices_one_self ON devices(is_self) WHERE is_self = 1;

CREATE TABLE inspectors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    enforcement_id TEXT,
    organisation TEXT,
    phone TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    {_RECORD}
);

CREATE TABLE companies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    credit_code TEXT,
    address TEXT,
    town TEXT,
    industry TEXT,
    special_areas TEXT NOT NULL DEFAULT '[]',
    legal_rep TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    risk_level TEXT,
    notes TEXT,
    {_RECORD}
);
CREATE UNIQUE INDEX companies_credit_code ON companies(credit_code) WHERE credit_code IS NOT NULL;

CREATE TABLE templates (
    key TEXT PRIMARY KEY,               -- "<template id>@<version>"
    template_id TEXT NOT NULL,
    version TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    title_en TEXT,
    content_hash TEXT NOT NULL,
    definition TEXT NOT NULL,           -- canonical JSON of the whole template
    item_count INTEGER NOT NULL,
    source_file TEXT,
    retired INTEGER NOT NULL DEFAULT 0,
    {_RECORD},
    UNIQUE (template_id, version)
);

CREATE TABLE inspections (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL DEFAULT 1,
    supersedes_id TEXT REFERENCES inspections(id),
    amend_reason TEXT,
    company_id TEXT NOT NULL REFERENCES companies(id),
    template_key TEXT NOT NULL,
    template_id TEXT NOT NULL,
    template_version TEXT NOT NULL,
    template_hash TEXT NOT NULL,
    template_snapshot TEXT NOT NULL,    -- the definition the inspection was started with
    kind TEXT NOT NULL CHECK (kind IN ('official', 'self', 'reinspection')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed', 'signed')),
    number TEXT,
    place TEXT,
    started_at TEXT,
    ended_at TEXT,
    signed_at TEXT,
    current_item TEXT,
    follows_inspection_id TEXT REFERENCES inspections(id),
    {_RECORD}
);
CREATE INDEX inspections_company ON inspections(company_id);
CREATE UNIQUE INDEX inspections_number ON inspections(number) WHERE number IS NOT NULL;

CREATE TABLE inspection_inspectors (
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    inspector_id TEXT NOT NULL REFERENCES inspectors(id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (inspection_id, inspector_id)
);

CREATE TABLE answers (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    item_id TEXT NOT NULL,
    value TEXT,                         -- JSON
    note TEXT,
    {_RECORD},
    UNIQUE (inspection_id, item_id)
);

CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    item_id TEXT,
    seq INTEGER NOT NULL,
    description TEXT NOT NULL,
    grade TEXT NOT NULL CHECK (grade IN ('general', 'major')),
    legal_basis TEXT,
    requirement TEXT,
    deadline TEXT,
    responsible TEXT,
    onsite_measure TEXT,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'rectified', 'closed', 'reopened')),
    reinspection_result TEXT,
    reinspected_at TEXT,
    closed_at TEXT,
    origin_finding_id TEXT REFERENCES findings(id),
    {_RECORD}
);
CREATE INDEX findings_inspection ON findings(inspection_id);

CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    item_id TEXT,
    finding_id TEXT REFERENCES findings(id),
    caption TEXT,
    tag TEXT NOT NULL DEFAULT 'before' CHECK (tag IN ('before', 'after')),
    original_name TEXT,
    mime TEXT,
    size_bytes INTEGER,
    width INTEGER,
    height INTEGER,
    orientation INTEGER,
    taken_at TEXT,
    gps_lat REAL,
    gps_lon REAL,
    camera TEXT,
    annotations TEXT NOT NULL DEFAULT '[]',
    deleted_at TEXT,
    {_RECORD}
);
CREATE INDEX photos_inspection ON photos(inspection_id);
CREATE INDEX photos_sha ON photos(sha256);

CREATE TABLE signatures (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    role TEXT NOT NULL CHECK (role IN ('inspector', 'company', 'witness')),
    signer_name TEXT NOT NULL,
    signer_id_number TEXT,
    inspector_id TEXT REFERENCES inspectors(id),
    strokes TEXT,                       -- JSON vector strokes
    png BLOB,
    refused INTEGER NOT NULL DEFAULT 0,
    signed_at TEXT NOT NULL,
    {_RECORD}
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    doc_type TEXT NOT NULL CHECK (doc_type IN ('record', 'order', 'reinspection')),
    number TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    follows_document_id TEXT REFERENCES documents(id),
    lang TEXT,
    file_sha256 TEXT,
    file_name TEXT,
    issued_at TEXT NOT NULL,
    {_RECORD}
);

CREATE TABLE number_sequences (
    prefix TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (prefix, doc_type, year)
);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    device_id TEXT NOT NULL,
    actor TEXT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    inspection_id TEXT,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    reason TEXT
);
CREATE INDEX audit_inspection ON audit_log(inspection_id, at);

-- The audit log is append-only; the database itself refuses to rewrite history.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- A signed inspection is never modified: a backstop under the domain rules.
CREATE TRIGGER inspections_signed_locked BEFORE UPDATE ON inspections
WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END;
CREATE TRIGGER answers_signed_locked_upd BEFORE UPDATE ON answers
WHEN (SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END;
CREATE TRIGGER answers_signed_locked_ins BEFORE INSERT ON answers
WHEN (SELECT status FROM inspections WHERE id = NEW.inspection_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END;
CREATE TRIGGER answers_signed_locked_del BEFORE DELETE ON answers
WHEN (SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'inspection is signed and locked'); END;
"""
    )


@migrations(name="0002_inspection_scope")
def _inspection_scope(db: Database) -> None:
    # The template sections that applied to the company when the inspection started, so later
    # edits of the company never change which items a record contains.
    db.execute("ALTER TABLE inspections ADD COLUMN section_ids TEXT")



@migrations(name="0003_reinspection_results")
def _reinspection_results(db: Database) -> None:
    # A re-inspection (an inspection of kind 'reinspection' whose follows_inspection_id is the
    # inspection that found the hazards) records one result per hazard it re-checks.
    run_script(
        db,
        f"""
CREATE TABLE reinspection_results (
    id TEXT PRIMARY KEY,
    reinspection_id TEXT NOT NULL REFERENCES inspections(id),
    finding_id TEXT NOT NULL REFERENCES findings(id),
    result TEXT NOT NULL CHECK (result IN ('rectified', 'not_rectified')),
    new_deadline TEXT,
    note TEXT,
    {_RECORD},
    UNIQUE (reinspection_id, finding_id)
);
CREATE INDEX reinspection_results_finding ON reinspection_results(finding_id);
CREATE INDEX inspections_follows ON inspections(follows_inspection_id);
CREATE UNIQUE INDEX documents_one_per_type ON documents(inspection_id, doc_type);
""",
    )



@migrations(name="0004_pki")
def _pki(db: Database) -> None:
    # Private keys are stored only encrypted with the owner's passphrase. trust_roots and
    # revocations travel by sync; org_keys and identities never leave the machine.
    run_script(
        db,
        f"""
CREATE TABLE org_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    cert_pem TEXT NOT NULL,
    key_pem TEXT NOT NULL,             -- PKCS#8, encrypted with the supervisor's passphrase
    created_at TEXT NOT NULL
);
CREATE TABLE trust_roots (
    fingerprint TEXT PRIMARY KEY,      -- SHA-256 of the DER certificate
    name TEXT NOT NULL,
    cert_pem TEXT NOT NULL,
    {_RECORD}
);
CREATE TABLE issued_certificates (
    serial TEXT PRIMARY KEY,           -- hex
    issuer_fingerprint TEXT NOT NULL,
    subject_name TEXT NOT NULL,
    enforcement_id TEXT,
    not_after TEXT NOT NULL,
    cert_pem TEXT NOT NULL,
    {_RECORD}
);
CREATE TABLE revocations (
    id TEXT PRIMARY KEY,
    issuer_fingerprint TEXT NOT NULL,
    serial TEXT NOT NULL,
    revoked_at TEXT NOT NULL,
    reason TEXT,
    {_RECORD},
    UNIQUE (issuer_fingerprint, serial)
);
CREATE TABLE identities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('issued', 'self_signed')),
    subject_name TEXT NOT NULL,
    enforcement_id TEXT,
    cert_pem TEXT NOT NULL,
    chain_pem TEXT NOT NULL DEFAULT '',
    key_pem TEXT NOT NULL,             -- PKCS#8, encrypted with the inspector's passphrase
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE record_signatures (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    revision INTEGER NOT NULL,
    data_sha256 TEXT NOT NULL,
    signature TEXT NOT NULL,           -- base64 signature over the canonical record data
    cert_pem TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    {_RECORD}
);
CREATE INDEX record_signatures_inspection ON record_signatures(inspection_id);
""",
    )


@migrations(name="0005_sync")
def _sync(db: Database) -> None:
    # sync_history: every bundle written or read, with its report; the newest export's
    # watermark decides what the next incremental export carries. sync_seen: the version of an
    # inspection last imported from each device, so "changed on both machines" can be told from
    # "changed on one". conflicts: both versions kept, for a person to resolve.
    run_script(
        db,
        """
CREATE TABLE sync_history (
    id TEXT PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    bundle_id TEXT NOT NULL,
    kind TEXT,
    file_name TEXT,
    device_id TEXT NOT NULL,
    peer_device TEXT,
    peer_name TEXT,
    watermark TEXT,
    created_at TEXT NOT NULL,
    report TEXT,
    status TEXT NOT NULL
);
CREATE INDEX sync_history_bundle ON sync_history(bundle_id, direction);
CREATE TABLE sync_seen (
    inspection_id TEXT NOT NULL,
    peer_device TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (inspection_id, peer_device)
);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    local_id TEXT NOT NULL,
    incoming_id TEXT,
    bundle_id TEXT NOT NULL,
    peer_device TEXT,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX conflicts_open ON conflicts(resolved_at);
ALTER TABLE inspections ADD COLUMN conflict_of TEXT;
""",
    )



@migrations(name="0006_company_snapshot")
def _company_snapshot(db: Database) -> None:
    # The company as it was when the record was signed: a later edit of the company (here or
    # arriving by sync) must not change what a signed record says, nor break its signature.
    db.execute("ALTER TABLE inspections ADD COLUMN company_snapshot TEXT")



@migrations(name="0007_planned_inspections")
def _planned_inspections(db: Database) -> None:
    # The office plans who inspects which company with which checklist by when; plans travel
    # to the laptops in the office's bundle and come back started or cancelled.
    run_script(
        db,
        f"""
CREATE TABLE planned_inspections (
    id TEXT PRIMARY KEY,
    company_id TEXT NOT NULL REFERENCES companies(id),
    template_key TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'official',
    due_date TEXT NOT NULL,
    inspector_ids TEXT NOT NULL DEFAULT '[]',
    note TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'started', 'cancelled')),
    inspection_id TEXT,
    {_RECORD}
);
CREATE INDEX planned_inspections_due ON planned_inspections(status, due_date);
""",
    )



@migrations(name="0008_current_deadline")
def _current_deadline(db: Database) -> None:
    # A re-inspection that finds a hazard not rectified sets a new deadline; the one the order
    # gave stays in ``deadline``, so signed records and issued orders never change.
    db.execute("ALTER TABLE findings ADD COLUMN current_deadline TEXT")


@migrations(name="0009_governance_plans")
def _governance_plans(db: Database) -> None:
    # A major hazard carries its governance plan (治理方案, 暂行规定 Art. 15: six elements) and,
    # once closed, the acceptance (评估/验收) it was closed on. The re-inspection result records
    # the acceptance; closing copies it to the hazard so the ledger shows it. Lifecycle data:
    # it is not part of a signed record's canonical content, and it travels with its row.
    for column in ("plan_goal", "plan_method", "plan_funds", "plan_organisation",
                   "plan_timeline", "plan_safety", "accepted_on", "accepted_by",
                   "acceptance_conclusion"):
        db.execute(f"ALTER TABLE findings ADD COLUMN {column} TEXT")
    for column in ("accepted_on", "accepted_by", "acceptance_conclusion"):
        db.execute(f"ALTER TABLE reinspection_results ADD COLUMN {column} TEXT")


@migrations(name="0010_number_blocks")
def _number_blocks(db: Database) -> None:
    # The office allocates each laptop blocks of sequences per document type and year; its sync
    # bundle carries them. Numbers already issued keep their text (with the device prefix).
    run_script(
        db,
        f"""
CREATE TABLE number_blocks (
    id TEXT PRIMARY KEY,
    holder_device_id TEXT NOT NULL,
    doc_type TEXT NOT NULL CHECK (doc_type IN ('record', 'order', 'reinspection', 'onsite')),
    year INTEGER NOT NULL,
    first_seq INTEGER NOT NULL CHECK (first_seq >= 1),
    last_seq INTEGER NOT NULL CHECK (last_seq >= first_seq),
    note TEXT,
    {_RECORD}
);
CREATE INDEX number_blocks_holder ON number_blocks(holder_device_id, doc_type, year);
""",
    )


@migrations(name="0010_onsite_documents")
def _onsite_documents(db: Database) -> None:
    # 现场处理措施决定书 is a fourth kind of document: the table's CHECK must admit it, which in
    # SQLite means building the table again. Rows, numbers and dates are copied unchanged.
    db.execute("PRAGMA defer_foreign_keys = ON")
    # Built from the table's own definition, so columns added by any earlier migration stay.
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' "
                        "AND name = 'documents'").fetchone()
    old_check = "CHECK (doc_type IN ('record', 'order', 'reinspection'))"
    if old_check not in sql:
        raise ValueError("documents: unexpected definition, cannot admit on-site decisions")
    sql = sql.replace(old_check, "CHECK (doc_type IN ('record', 'order', 'reinspection', "
                      "'onsite'))")
    sql = re.sub(r'^CREATE TABLE\s+"?documents"?', "CREATE TABLE documents_new", sql, count=1)
    indexes = [r[0] for r in db.execute("SELECT sql FROM sqlite_master WHERE type = 'index' "
                                        "AND tbl_name = 'documents' AND sql IS NOT NULL")]
    columns = ", ".join(r[1] for r in db.execute("PRAGMA table_info(documents)"))
    db.execute(sql)
    db.execute(f"INSERT INTO documents_new ({columns}) SELECT {columns} FROM documents")
    db.execute("DROP TABLE documents")
    db.execute("ALTER TABLE documents_new RENAME TO documents")
    for index in indexes:
        db.execute(index)


@migrations(name="0010_company_position")
def _company_position(db: Database) -> None:
    # 职务: the position of the company's legal representative or person in charge, which the
    # 现场检查记录 prints beside the name.
    db.execute("ALTER TABLE companies ADD COLUMN legal_rep_position TEXT")



@migrations(name="0011_withdrawn_hazards")
def _withdrawn_hazards(db: Database) -> None:
    # A hazard whose answer changed away from non-compliant is withdrawn, not deleted: what the
    # inspector typed into it is kept, and answering non-compliant again brings it back.
    db.execute("ALTER TABLE findings ADD COLUMN withdrawn_at TEXT")



@migrations(name="0011_signature_fingerprints")
def _signature_fingerprints(db: Database) -> None:
    # A handwritten signature is given on the record as it stood: the SHA-256 of what the
    # signer saw. A later change of answers, hazards or photos makes the signature stale.
    db.execute("ALTER TABLE signatures ADD COLUMN record_fingerprint TEXT")


@migrations(name="0012_sync_device_signers")
def _sync_device_signers(db: Database) -> None:
    # The signer that first spoke for a laptop's device id; later bundles claiming that device
    # must come from the same person (until that person's certificate is revoked), so one
    # laptop cannot pass for another.
    run_script(
        db,
        """
CREATE TABLE sync_device_signers (
    device_id TEXT PRIMARY KEY,
    signer_name TEXT NOT NULL,
    enforcement_id TEXT,
    cert_fingerprint TEXT NOT NULL,
    cert_serial TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    bound_at TEXT NOT NULL
);
""",
    )


@migrations(name="0012_team_snapshot")
def _team_snapshot(db: Database) -> None:
    # The inspectors as they were when the record was signed: renaming an inspector later (here
    # or arriving by sync) must not change what a signed record says, nor break its signature.
    db.execute("ALTER TABLE inspections ADD COLUMN team_snapshot TEXT")


@migrations(name="0015_query_indexes")
def _query_indexes(db: Database) -> None:
    # Every foreign key and every column a list filters, sorts or counts on. Without them each
    # list row ran a full scan of a child table (the latest-revision check alone scanned every
    # inspection, each carrying its template snapshot), so lists grew with the square of the data.
    run_script(
        db,
        """
-- Partial where the column is mostly NULL: the statistics then describe the rows that have a
-- value, so the planner keeps using the index for "= ?" once ANALYZE has run.
CREATE INDEX IF NOT EXISTS inspections_supersedes ON inspections(supersedes_id)
    WHERE supersedes_id IS NOT NULL;
-- Every inspection row carries its template snapshot (~20 KB) before the columns a list shows,
-- so reading status or number from the row walks its overflow pages. These two indexes hold
-- what the lists and the ledger read: the newest-first list and the joins by company are
-- answered from the index alone.
CREATE INDEX IF NOT EXISTS inspections_started ON inspections(
    started_at, number, id, status, kind, revision, ended_at, company_id, template_key,
    template_id, template_version, supersedes_id);
DROP INDEX IF EXISTS inspections_company;
CREATE INDEX inspections_company ON inspections(
    company_id, id, status, number, started_at, kind, supersedes_id);
CREATE INDEX IF NOT EXISTS inspections_status ON inspections(status, started_at);
CREATE INDEX IF NOT EXISTS inspection_inspectors_inspector
    ON inspection_inspectors(inspector_id);
CREATE INDEX IF NOT EXISTS findings_counts ON findings(inspection_id, grade, status);
CREATE INDEX IF NOT EXISTS findings_origin ON findings(origin_finding_id)
    WHERE origin_finding_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS photos_finding ON photos(finding_id) WHERE finding_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS signatures_inspection ON signatures(inspection_id, role);
CREATE INDEX IF NOT EXISTS signatures_inspector ON signatures(inspector_id)
    WHERE inspector_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS documents_follows ON documents(follows_document_id)
    WHERE follows_document_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS planned_inspections_company ON planned_inspections(company_id);
CREATE INDEX IF NOT EXISTS planned_inspections_inspection
    ON planned_inspections(inspection_id) WHERE inspection_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS companies_name ON companies(name, id);
CREATE INDEX IF NOT EXISTS companies_town ON companies(town);
CREATE INDEX IF NOT EXISTS audit_at ON audit_log(at, id);
CREATE INDEX IF NOT EXISTS conflicts_local ON conflicts(local_id);
""",
    )


@migrations(name="0019_classification_and_year_plan")
def _classification_and_year_plan(db: Database) -> None:
    # Office data, never carried by sync: the class decided travels as companies.risk_level,
    # the plan as planned_inspections. company_supervision holds what the office knows beyond
    # the company card (重大危险源, accidents, 安全生产标准化); company_classifications every
    # decision with who, when and why; the newest one is the company's class.
    run_script(
        db,
        f"""
CREATE TABLE company_supervision (
    company_id TEXT PRIMARY KEY REFERENCES companies(id),
    major_hazard_source INTEGER NOT NULL DEFAULT 0,
    accidents INTEGER NOT NULL DEFAULT 0 CHECK (accidents >= 0),
    std_grade TEXT CHECK (std_grade IN ('grade1', 'grade2', 'grade3', 'small')),
    std_certificate TEXT,
    std_issued_on TEXT,
    std_expires_on TEXT,
    {_RECORD}
);
CREATE INDEX company_supervision_expiry ON company_supervision(std_expires_on);

CREATE TABLE company_classifications (
    id TEXT PRIMARY KEY,
    company_id TEXT NOT NULL REFERENCES companies(id),
    risk_class TEXT NOT NULL,
    suggested_class TEXT,
    reasons TEXT NOT NULL DEFAULT '[]',
    why TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT NOT NULL,
    {_RECORD}
);
CREATE INDEX company_classifications_company ON company_classifications(company_id, decided_at);

CREATE TABLE plan_teams (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    inspector_ids TEXT NOT NULL DEFAULT '[]',
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    towns TEXT NOT NULL DEFAULT '[]',
    {_RECORD}
);

CREATE TABLE year_plans (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'issued')),
    scheme TEXT NOT NULL,
    template_key TEXT NOT NULL,
    sampled TEXT NOT NULL DEFAULT '{{}}',
    created_by TEXT,
    approved_by TEXT,
    approved_at TEXT,
    {_RECORD}
);
CREATE UNIQUE INDEX year_plans_one_per_year ON year_plans(year);

CREATE TABLE year_plan_visits (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES year_plans(id),
    company_id TEXT NOT NULL REFERENCES companies(id),
    team_id TEXT NOT NULL REFERENCES plan_teams(id),
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day TEXT NOT NULL,
    seq INTEGER NOT NULL,
    planned_inspection_id TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'dropped')),
    {_RECORD}
);
CREATE INDEX year_plan_visits_plan ON year_plan_visits(plan_id, team_id, month);
""",
    )


@migrations(name="0017_dispatch")
def _dispatch(db: Database) -> None:
    # The district's units (the district, its towns, sector departments with the industries
    # they supervise, state-owned groups) and its campaigns (专项行动). Units and campaigns
    # travel from the office to the laptops; each inspection records the unit that carried it
    # out, and travels back with it.
    run_script(
        db,
        f"""
CREATE TABLE units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('district', 'town', 'department', 'group')),
    parent_id TEXT REFERENCES units(id),
    sectors TEXT NOT NULL DEFAULT '[]',     -- JSON list of industry codes it supervises
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    {_RECORD}
);
CREATE INDEX units_kind ON units(kind, position);
ALTER TABLE companies ADD COLUMN department_id TEXT;  -- overrides the one its industry gives
ALTER TABLE inspections ADD COLUMN unit_id TEXT;
CREATE INDEX dispatch_inspections_started ON inspections(started_at);

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
    phases TEXT NOT NULL DEFAULT '[]',      -- JSON [{{"name", "starts_on", "ends_on"}}]
    industries TEXT NOT NULL DEFAULT '[]',  -- scope: JSON lists; all empty means every company
    towns TEXT NOT NULL DEFAULT '[]',
    company_ids TEXT NOT NULL DEFAULT '[]',
    targets TEXT NOT NULL DEFAULT '[]',     -- JSON [{{"text", "min_inspections"}}]
    {_RECORD}
);
-- A person's correction of the automatic tagging: include or exclude one inspection.
CREATE TABLE campaign_tags (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    included INTEGER NOT NULL CHECK (included IN (0, 1)),
    {_RECORD},
    UNIQUE (campaign_id, inspection_id)
);
""",
    )


@migrations(name="0018_emergency")
def _emergency(db: Database) -> None:
    # Emergency plans (应急预案) owned by a unit or a company, their drills (应急演练) with
    # follow-up tasks, the base-level stations (基层应急管理标准化) with their milestones and
    # supervisors' checks, files attached to any of them (kept by content hash, never altered),
    # and the office's deadlines and rules.
    run_script(
        db,
        f"""
CREATE TABLE emergency_plans (
    id TEXT PRIMARY KEY,
    unit_id TEXT REFERENCES units(id),
    company_id TEXT REFERENCES companies(id),
    plan_type TEXT NOT NULL CHECK (plan_type IN ('comprehensive', 'special', 'onsite')),
    title TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN
        ('not_started', 'drafting', 'reviewed', 'issued', 'filed')),
    compiled_on TEXT, reviewed_on TEXT, issued_on TEXT, evaluated_on TEXT,
    filed_on TEXT,
    filing_authority TEXT NOT NULL DEFAULT '',
    filing_number TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    {_RECORD},
    CHECK ((unit_id IS NULL) <> (company_id IS NULL))
);
CREATE INDEX emergency_plans_unit ON emergency_plans(unit_id);
CREATE INDEX emergency_plans_company ON emergency_plans(company_id);

CREATE TABLE emergency_deadlines (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL UNIQUE REFERENCES units(id),
    due_on TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    {_RECORD}
);

CREATE TABLE emergency_rules (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,          -- JSON
    {_RECORD}
);

CREATE TABLE drills (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES emergency_plans(id),
    held_on TEXT NOT NULL,
    form TEXT NOT NULL CHECK (form IN ('live', 'tabletop')),
    scope TEXT NOT NULL CHECK (scope IN ('comprehensive', 'single')),
    organiser TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '',
    scenario TEXT NOT NULL DEFAULT '',
    went_well TEXT NOT NULL DEFAULT '',
    {_RECORD}
);
CREATE INDEX drills_plan ON drills(plan_id, held_on);

CREATE TABLE drill_tasks (
    id TEXT PRIMARY KEY,
    drill_id TEXT NOT NULL REFERENCES drills(id),
    problem TEXT NOT NULL,
    action TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL,
    done_on TEXT,
    {_RECORD}
);
CREATE INDEX drill_tasks_drill ON drill_tasks(drill_id);

CREATE TABLE stations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('village', 'community', 'town')),
    unit_id TEXT REFERENCES units(id),
    {_RECORD}
);
CREATE TABLE station_milestones (
    id TEXT PRIMARY KEY,
    station_id TEXT NOT NULL REFERENCES stations(id),
    milestone TEXT NOT NULL CHECK (milestone IN
        ('design', 'renovation', 'staffing', 'team', 'supplies', 'platform')),
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'done')),
    done_on TEXT,
    note TEXT NOT NULL DEFAULT '',
    {_RECORD},
    UNIQUE (station_id, milestone)
);
CREATE TABLE station_checks (
    id TEXT PRIMARY KEY,
    station_id TEXT NOT NULL REFERENCES stations(id),
    checked_on TEXT NOT NULL,
    checker TEXT NOT NULL DEFAULT '',
    findings TEXT NOT NULL DEFAULT '',
    {_RECORD}
);

-- Files of a plan, drill, station or milestone: metadata here, bytes under their SHA-256.
CREATE TABLE emergency_files (
    id TEXT PRIMARY KEY,
    owner_kind TEXT NOT NULL
        CHECK (owner_kind IN ('plan', 'drill', 'station', 'milestone', 'check')),
    owner_id TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    name TEXT NOT NULL,
    media TEXT NOT NULL CHECK (media IN ('pdf', 'docx', 'jpeg', 'png')),
    size INTEGER NOT NULL,
    {_RECORD}
);
CREATE INDEX emergency_files_owner ON emergency_files(owner_kind, owner_id);
""",
    )


@migrations(name="0017_escalations")
def _escalations(db: Database) -> None:
    # Companies that do not rectify are escalated (曝光, 立案查处, 停产整顿, 关闭取缔); the office
    # records that the step was taken, not the enforcement case itself.
    run_script(
        db,
        f"""
CREATE TABLE escalations (
    id TEXT PRIMARY KEY,
    company_id TEXT NOT NULL REFERENCES companies(id),
    finding_id TEXT REFERENCES findings(id),
    reason TEXT NOT NULL CHECK (reason IN ('overdue', 'reopened', 'refused')),
    measure TEXT NOT NULL CHECK (measure IN ('exposure', 'case', 'suspension', 'closure')),
    decided_on TEXT NOT NULL,
    case_number TEXT,
    fine_amount REAL CHECK (fine_amount IS NULL OR fine_amount >= 0),
    document TEXT,
    note TEXT,
    {_RECORD}
);
CREATE INDEX escalations_company ON escalations(company_id, decided_on);
""",
    )


def run_script(db: Database, script: str) -> None:
    """Run several statements inside the migration's transaction.

    ``sqlite3.executescript`` would COMMIT first and break the migration's atomicity.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement[:60]!r}")


def known_migrations() -> list[str]:
    return [m.name for m in migrations._migrations]


def schema_version() -> int:
    """The ``user_version`` this program writes: one per known migration."""
    return len(known_migrations())


@migrations(name="0013_company_name_index")
def _company_name_index(db: Database) -> None:
    # Importing a list matches each row by name (or credit code): without an index every row
    # scans the whole table, and a 100,000-row import takes hours instead of seconds.
    db.execute("CREATE INDEX IF NOT EXISTS companies_name ON companies(name)")


@migrations(name="0024_unit_subject")
def _unit_subject(db: Database) -> None:
    # The subject of an inspection is a company or a unit (a town's or a department's work,
    # checked by a supervision inspection, 督导检查): exactly one of company_id and
    # subject_unit_id. Dropping company_id's NOT NULL is the change SQLite documents as safe
    # to make in the stored definition (lang_altertable.html, "Making Other Kinds Of Table
    # Schema Changes"): no row is rewritten, and the tables that reference inspections, its
    # indexes and its triggers stay as they are. Rebuilding the table instead would need
    # foreign keys off, which cannot be switched inside the migration's transaction.
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' "
                        "AND name = 'inspections'").fetchone()
    old = "company_id TEXT NOT NULL REFERENCES companies(id)"
    if sql.count(old) != 1:
        raise ValueError("inspections: unexpected definition, cannot admit unit subjects")
    (version,) = db.execute("PRAGMA schema_version").fetchone()
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' "
                   "AND name = 'inspections'",
                   [sql.replace(old, "company_id TEXT REFERENCES companies(id)")])
        db.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
    db.execute("ALTER TABLE inspections ADD COLUMN subject_unit_id TEXT REFERENCES units(id) "
               "CHECK ((company_id IS NULL) <> (subject_unit_id IS NULL))")
    db.execute("CREATE INDEX inspections_subject_unit ON inspections(subject_unit_id) "
               "WHERE subject_unit_id IS NOT NULL")
    (check,) = db.execute("PRAGMA integrity_check(inspections)").fetchone()
    if check != "ok":
        raise ValueError(f"inspections: the database is not intact after the change: {check}")


@migrations(name="0021_ledger_indexes")
def _ledger_indexes(db: Database) -> None:
    # Every inspection row carries its template snapshot (tens of KB) before its status and
    # number: a list that looks an inspection up by id read through those pages for each
    # hazard. This index answers the lookup by itself.
    db.execute("CREATE INDEX IF NOT EXISTS inspections_by_id ON inspections("
               "id, status, number, company_id, started_at, kind, supersedes_id)")
    # The overdue filter and its counts: only hazards awaiting the company, by deadline.
    db.execute("CREATE INDEX IF NOT EXISTS findings_awaiting ON findings("
               "COALESCE(current_deadline, deadline)) "
               "WHERE status IN ('open', 'reopened') AND withdrawn_at IS NULL")


@migrations(name="0023_findings_dispatch_index")
def _findings_dispatch_index(db: Database) -> None:
    # The dispatch statistics add up every hazard of a year by inspection: with every column
    # they read in one index, they read it in order and never the table (500,000 hazards).
    db.execute("CREATE INDEX IF NOT EXISTS findings_dispatch ON findings(inspection_id, grade, "
               "status, current_deadline, deadline, onsite_measure)")



@migrations(name="0020_template_snapshots")
def _template_snapshots(db: Database) -> None:
    # Every inspection row carried a copy of its checklist (~20 KB), so a district's year was
    # mostly the same few definitions repeated. Each definition is now kept once, under the
    # content hash the inspection already names (template_hash). The text moves unchanged, so
    # what a record shows, its fingerprint and its signatures stay as they were.
    run_script(
        db,
        """
CREATE TABLE template_snapshots (
    content_hash TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    version TEXT NOT NULL,
    definition TEXT NOT NULL            -- the JSON text, exactly as the inspections held it
);
""",
    )
    kept: dict[str, str] = {}
    cursor = db.execute("SELECT template_hash, template_id, template_version, template_snapshot "
                        "FROM inspections ORDER BY created_at, rowid")
    while batch := cursor.fetchmany(200):
        for content_hash, template_id, version, text in batch:
            first = kept.get(content_hash)
            if first is None:
                kept[content_hash] = text
                db.execute("INSERT INTO template_snapshots (content_hash, template_id, version, "
                           "definition) VALUES (?, ?, ?, ?)",
                           [content_hash, template_id, version, text])
            elif text != first and _json_or_text(text) != _json_or_text(first):
                # One hash, two contents: keeping one would change the other record.
                raise ValueError(f"inspections with template hash {content_hash} hold "
                                 "different checklists; the database was not changed")
    db.execute("ALTER TABLE inspections DROP COLUMN template_snapshot")


def _json_or_text(text: str) -> object:
    import json

    try:
        return json.loads(text)
    except ValueError:
        return text


# One row per hazard of the ledger (隐患台账): the latest revision's hazards that were not
# withdrawn, with what the Hazards page filters, sorts and counts by (its inspection's number
# and date, its company's name, town and industry, its deadline and whether it is awaiting the
# company). Joining findings, inspections and companies for 150,000 hazards at each filter
# took a second; this narrow copy is read through its indexes. It is derived data, kept by the
# triggers below: every write to the three tables brings the rows it touches up to date, so it
# never travels in a bundle and never needs a rebuild.
_LEDGER_COLUMNS = """finding_id, inspection_id, company_id, inspection_status, kind, status,
    grade, issued, due, deadline, found_at, number, seq, company_name, town, industry,
    description, responsible, reinspection_result, reinspected_at, closed_at"""
# The deadline as a day when the hazard awaits the company on an issued order (what can be
# overdue); NULL otherwise, and when the deadline is not a date.
_LEDGER_DEADLINE = "COALESCE(f.current_deadline, f.deadline)"
_LEDGER_ISSUED = "(i.status != 'draft' OR f.origin_finding_id IS NOT NULL)"
_LEDGER_SELECT = f"""SELECT f.id, f.inspection_id, i.company_id, i.status, i.kind, f.status,
    f.grade, {_LEDGER_ISSUED},
    CASE WHEN f.status IN ('open', 'reopened') AND {_LEDGER_ISSUED}
          AND date(substr({_LEDGER_DEADLINE}, 1, 10)) = substr({_LEDGER_DEADLINE}, 1, 10)
         THEN substr({_LEDGER_DEADLINE}, 1, 10) END,
    {_LEDGER_DEADLINE}, i.started_at, i.number, f.seq, c.name, c.town, c.industry,
    f.description, f.responsible, f.reinspection_result, f.reinspected_at, f.closed_at
FROM findings f
JOIN inspections i ON i.id = f.inspection_id
JOIN companies c ON c.id = i.company_id
WHERE f.withdrawn_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM inspections n WHERE n.supersedes_id = i.id)"""


def _ledger_refresh(inspection: str) -> str:
    """The statements that bring the ledger rows of one inspection up to date."""
    return (f"DELETE FROM hazard_ledger WHERE inspection_id = {inspection};\n"
            f"INSERT INTO hazard_ledger ({_LEDGER_COLUMNS})\n"
            f"{_LEDGER_SELECT} AND f.inspection_id = {inspection};\n")


# The whole ledger in one statement, for a load into an empty database that set the triggers
# aside and fills the ledger once at its end (storage/bulk_writer.py): the triggers' own query,
# so that the table is the one they would have kept.
HAZARD_LEDGER_FILL = f"INSERT INTO hazard_ledger ({_LEDGER_COLUMNS})\n{_LEDGER_SELECT}"


@migrations(name="0025_hazard_ledger")
def _hazard_ledger(db: Database) -> None:
    inspection_changed = " OR ".join(
        f"NEW.{c} IS NOT OLD.{c}"
        for c in ("status", "kind", "number", "started_at", "company_id", "supersedes_id"))
    run_script(
        db,
        f"""
CREATE TABLE hazard_ledger (
    finding_id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL,
    company_id TEXT NOT NULL,
    inspection_status TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    grade TEXT NOT NULL,
    issued INTEGER NOT NULL,            -- a rectification order was issued for it
    due TEXT,                           -- YYYY-MM-DD while it awaits the company on an order
    deadline TEXT,                      -- the deadline in force (a new one replaces the first)
    found_at TEXT,                      -- the inspection's start
    number TEXT,                        -- the inspection's number
    seq INTEGER NOT NULL,
    company_name TEXT NOT NULL,
    town TEXT,
    industry TEXT,
    description TEXT NOT NULL,
    responsible TEXT,
    reinspection_result TEXT,
    reinspected_at TEXT,
    closed_at TEXT
);
INSERT INTO hazard_ledger ({_LEDGER_COLUMNS})
{_LEDGER_SELECT};

-- Each filter of the Hazards page and each sort it reads a page in (hazards_repo.LEDGER_SORTS).
CREATE INDEX hazard_ledger_inspection ON hazard_ledger(inspection_id);
CREATE INDEX hazard_ledger_company ON hazard_ledger(company_id, due, deadline);
CREATE INDEX hazard_ledger_due ON hazard_ledger(due, deadline) WHERE due IS NOT NULL;
CREATE INDEX hazard_ledger_deadline ON hazard_ledger(deadline);
CREATE INDEX hazard_ledger_by_deadline ON hazard_ledger(deadline IS NULL, deadline, found_at);
CREATE INDEX hazard_ledger_found ON hazard_ledger(found_at, seq);
CREATE INDEX hazard_ledger_town ON hazard_ledger(town, due, deadline);
CREATE INDEX hazard_ledger_town_deadline ON hazard_ledger(town, deadline);
CREATE INDEX hazard_ledger_company_name ON hazard_ledger(company_name, deadline);
CREATE INDEX hazard_ledger_number ON hazard_ledger(length(number), number, seq);
CREATE INDEX hazard_ledger_grade ON hazard_ledger(
    (CASE grade WHEN 'major' THEN 0 ELSE 1 END), deadline);
CREATE INDEX hazard_ledger_status ON hazard_ledger((CASE status WHEN 'reopened' THEN 0
    WHEN 'open' THEN 1 WHEN 'rectified' THEN 2 ELSE 3 END), deadline);
CREATE INDEX hazard_ledger_description ON hazard_ledger(description);
CREATE INDEX hazard_ledger_responsible ON hazard_ledger(responsible);
CREATE INDEX hazard_ledger_result ON hazard_ledger(reinspection_result);
CREATE INDEX hazard_ledger_reinspected ON hazard_ledger(reinspected_at);
CREATE INDEX hazard_ledger_closed ON hazard_ledger(closed_at);
-- The counts, grouped in the order of this index and read from it alone.
CREATE INDEX hazard_ledger_counts ON hazard_ledger(status, grade, town, industry, due);

CREATE TRIGGER hazard_ledger_finding_added AFTER INSERT ON findings BEGIN
DELETE FROM hazard_ledger WHERE finding_id = NEW.id;
INSERT INTO hazard_ledger ({_LEDGER_COLUMNS})
{_LEDGER_SELECT} AND f.id = NEW.id;
END;
CREATE TRIGGER hazard_ledger_finding_changed AFTER UPDATE ON findings BEGIN
DELETE FROM hazard_ledger WHERE finding_id IN (OLD.id, NEW.id);
INSERT INTO hazard_ledger ({_LEDGER_COLUMNS})
{_LEDGER_SELECT} AND f.id = NEW.id;
END;
CREATE TRIGGER hazard_ledger_finding_deleted AFTER DELETE ON findings BEGIN
DELETE FROM hazard_ledger WHERE finding_id = OLD.id;
END;

CREATE TRIGGER hazard_ledger_inspection_added AFTER INSERT ON inspections BEGIN
{_ledger_refresh("NEW.id")}{_ledger_refresh("NEW.supersedes_id")}END;
CREATE TRIGGER hazard_ledger_inspection_changed AFTER UPDATE ON inspections
WHEN {inspection_changed} BEGIN
{_ledger_refresh("NEW.id")}{_ledger_refresh("OLD.supersedes_id")}{_ledger_refresh("NEW.supersedes_id")}END;
CREATE TRIGGER hazard_ledger_inspection_deleted AFTER DELETE ON inspections BEGIN
DELETE FROM hazard_ledger WHERE inspection_id = OLD.id;
{_ledger_refresh("OLD.supersedes_id")}END;

CREATE TRIGGER hazard_ledger_company_added AFTER INSERT ON companies BEGIN
DELETE FROM hazard_ledger WHERE company_id = NEW.id;
INSERT INTO hazard_ledger ({_LEDGER_COLUMNS})
{_LEDGER_SELECT} AND i.company_id = NEW.id;
END;
CREATE TRIGGER hazard_ledger_company_changed AFTER UPDATE OF name, town, industry ON companies
BEGIN
UPDATE hazard_ledger SET company_name = NEW.name, town = NEW.town, industry = NEW.industry
WHERE company_id = NEW.id;
END;
CREATE TRIGGER hazard_ledger_company_deleted AFTER DELETE ON companies BEGIN
DELETE FROM hazard_ledger WHERE company_id = OLD.id;
END;
""",
    )


@migrations(name="0026_issued_circulars")
def _issued_circulars(db: Database) -> None:
    # A circular keeps the number it was issued with: written again (as PDF and as xlsx, or
    # reprinted) it is the same document, not a new one that uses up a number.
    db.execute("""CREATE TABLE IF NOT EXISTS issued_circulars (
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        word TEXT NOT NULL,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        number TEXT NOT NULL,
        title TEXT NOT NULL,
        issued_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (kind, subject),
        UNIQUE (word, year, seq))""")


@migrations(name="0027_drill_task_note")
def _drill_task_note(db: Database) -> None:
    # A follow-up task closed says how it was fixed (the new radios, the refilled stock): the
    # supervisor's note beside the date, read where the task is listed, not only in the audit.
    db.execute("ALTER TABLE drill_tasks ADD COLUMN done_note TEXT NOT NULL DEFAULT ''")


@migrations(name="0028_numbers_printed_twice")
def _numbers_printed_twice(db: Database) -> None:
    # A number printed on two records (a laptop that numbered before the office gave it a
    # block) is kept on both: a signed record's number was handed over on paper and may never
    # be lost or changed, so the import records a conflict instead of dropping one. Numbers
    # issued here stay unique: the numbering skips every number present. documents.number's
    # UNIQUE is part of the table, which in SQLite means building it again (as 0010 did).
    db.execute("DROP INDEX IF EXISTS inspections_number")
    db.execute("CREATE INDEX inspections_number ON inspections(number) WHERE number IS NOT NULL")
    db.execute("PRAGMA defer_foreign_keys = ON")
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' "
                        "AND name = 'documents'").fetchone()
    if "number TEXT NOT NULL UNIQUE" not in sql:
        raise ValueError("documents: unexpected definition, cannot keep a number twice")
    sql = sql.replace("number TEXT NOT NULL UNIQUE", "number TEXT NOT NULL")
    sql = re.sub(r'^CREATE TABLE\s+"?documents"?', "CREATE TABLE documents_new", sql, count=1)
    indexes = [r[0] for r in db.execute("SELECT sql FROM sqlite_master WHERE type = 'index' "
                                        "AND tbl_name = 'documents' AND sql IS NOT NULL")]
    triggers = [r[0] for r in db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                         "AND tbl_name = 'documents'")]
    columns = ", ".join(r[1] for r in db.execute("PRAGMA table_info(documents)"))
    db.execute(sql)
    db.execute(f"INSERT INTO documents_new ({columns}) SELECT {columns} FROM documents")
    db.execute("DROP TABLE documents")
    db.execute("ALTER TABLE documents_new RENAME TO documents")
    for statement in (*indexes, *triggers):
        db.execute(statement)
    db.execute("CREATE INDEX documents_number ON documents(number)")


@migrations(name="0029_render_ledger")
def _render_ledger(db: Database) -> None:
    # The render cache's entries vouch for themselves only by the hash in their names, which
    # anyone who can write the data folder can compute for a file of their own: the hash of
    # the rendering this computer made for each slot is kept here, where the cache cannot
    # forge it, and an entry is used only when its bytes are those.
    db.execute("""CREATE TABLE IF NOT EXISTS render_ledger (
        slot TEXT PRIMARY KEY,
        render_key TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        written_at TEXT NOT NULL)""")
