"""Rows of the emergency registry: plans, deadlines, rules, drills and their tasks, stations
with milestones and checks, and attached files. Each public write is one transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from inspector_app.domain.emergency import EmergencyRules, Milestone
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso
from inspector_app.errors import NotFoundError
from inspector_app.i18n import N_, Message

if TYPE_CHECKING:
    from sqlite_utils import Database

# What a row of each table is called in a message ("No drill with id …").
_KINDS = {
    "emergency_plans": N_("emergency plan"),
    "drills": N_("drill"),
    "drill_tasks": N_("drill task"),
    "stations": N_("station"),
    "station_milestones": N_("station milestone"),
    "station_checks": N_("station check"),
    "emergency_deadlines": N_("emergency deadline"),
    "emergency_files": N_("emergency file"),
}


def _kind(table: str) -> Message | str:
    return Message(_KINDS[table]) if table in _KINDS else table

RULES_KEY = "rules"
# The table of each kind of record a file can be attached to.
OWNER_TABLES = {"plan": "emergency_plans", "drill": "drills", "station": "stations",
                "milestone": "station_milestones", "check": "station_checks"}


def _rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cur = db.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


class EmergencyRepo:
    def __init__(self, db: Database, device_id: str) -> None:
        self.db = db
        self.device_id = device_id

    def _insert(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        row = {"id": new_id(), **row, **record_stamp(self.device_id)}
        self.db.table(table).insert(row)
        return row

    def _update(self, table: str, row_id: str, changes: dict[str, Any]) -> None:
        changes = {**changes, "updated_at": utcnow_iso(), "device_id": self.device_id}
        sets = ", ".join(f"{k} = ?" for k in changes)
        cur = self.db.execute(f"UPDATE {table} SET {sets} WHERE id = ?",
                              [*changes.values(), row_id])
        if cur.rowcount == 0:
            raise NotFoundError(N_("No {what} with id {row_id}."), what=_kind(table),
                                row_id=row_id)

    def _one(self, table: str, row_id: str) -> dict[str, Any]:
        rows = _rows(self.db, f"SELECT * FROM {table} WHERE id = ?", [row_id])
        if not rows:
            raise NotFoundError(N_("No {what} with id {row_id}."), what=_kind(table),
                                row_id=row_id)
        return rows[0]

    def _find(self, table: str, text: str, name_col: str) -> dict[str, Any]:
        text = text.strip()
        rows = _rows(self.db, f"SELECT * FROM {table} WHERE id = ? OR {name_col} = ?",
                     [text, text])
        if not rows and len(text) >= 6:
            rows = _rows(self.db, f"SELECT * FROM {table} WHERE id LIKE ?", [text + "%"])
        if not rows:
            raise NotFoundError(N_("No {what} {text!r}."), what=_kind(table), text=text)
        if len(rows) > 1:
            raise NotFoundError(N_("{count} records of the kind “{what}” match {text!r}: give "
                                   "the id."), count=len(rows), what=_kind(table), text=text)
        return rows[0]

    # -- plans --
    def plans(self) -> list[dict[str, Any]]:
        return _rows(self.db, """
            SELECT p.*, COALESCE(u.name, c.name) AS owner_name,
                   CASE WHEN p.unit_id IS NULL THEN 'company' ELSE 'unit' END AS owner_kind,
                   (SELECT MAX(held_on) FROM drills d WHERE d.plan_id = p.id) AS last_drill,
                   (SELECT COUNT(*) FROM emergency_files f
                     WHERE f.owner_kind = 'plan' AND f.owner_id = p.id) AS files
            FROM emergency_plans p
            LEFT JOIN units u ON u.id = p.unit_id
            LEFT JOIN companies c ON c.id = p.company_id
            ORDER BY COALESCE(u.position, 9999), owner_name, p.plan_type, p.title""")

    def plan(self, plan_id: str) -> dict[str, Any]:
        return self._one("emergency_plans", plan_id)

    def find_plan(self, text: str) -> dict[str, Any]:
        return self._find("emergency_plans", text, "title")

    def add_plan(self, row: dict[str, Any]) -> dict[str, Any]:
        with self.db.atomic():
            return self._insert("emergency_plans", row)

    def update_plan(self, plan_id: str, changes: dict[str, Any]) -> None:
        with self.db.atomic():
            self._update("emergency_plans", plan_id, changes)

    def company_plans(self, company_id: str) -> list[dict[str, Any]]:
        return [p for p in self.plans() if p["company_id"] == company_id]

    # -- deadlines and rules --
    def deadlines(self) -> dict[str, dict[str, Any]]:
        return {r["unit_id"]: r for r in _rows(self.db, "SELECT * FROM emergency_deadlines")}

    def set_deadline(self, unit_id: str, due_on: str, text: str) -> None:
        with self.db.atomic():
            existing = self.deadlines().get(unit_id)
            if existing:
                self._update("emergency_deadlines", existing["id"],
                             {"due_on": due_on, "text": text})
            else:
                self._insert("emergency_deadlines",
                             {"unit_id": unit_id, "due_on": due_on, "text": text})

    def rules(self) -> EmergencyRules:
        row = self.db.execute("SELECT value FROM emergency_rules WHERE key = ?",
                              [RULES_KEY]).fetchone()
        return EmergencyRules.from_dict(json.loads(row[0])) if row else EmergencyRules()

    def set_rules(self, rules: EmergencyRules) -> None:
        value = json.dumps(rules.validated().to_dict(), ensure_ascii=False)
        with self.db.atomic():
            if self.db.execute("SELECT 1 FROM emergency_rules WHERE key = ?",
                               [RULES_KEY]).fetchone():
                self.db.execute("UPDATE emergency_rules SET value = ?, updated_at = ?, "
                                "device_id = ? WHERE key = ?",
                                [value, utcnow_iso(), self.device_id, RULES_KEY])
            else:
                self.db.table("emergency_rules").insert(
                    {"key": RULES_KEY, "value": value, **record_stamp(self.device_id)})

    # -- drills and tasks --
    def drills(self) -> list[dict[str, Any]]:
        return _rows(self.db, """
            SELECT d.*, p.title AS plan_title, p.plan_type,
                   COALESCE(u.name, c.name) AS owner_name, p.unit_id, p.company_id,
                   (SELECT COUNT(*) FROM drill_tasks t WHERE t.drill_id = d.id) AS tasks,
                   (SELECT COUNT(*) FROM emergency_files f
                     WHERE f.owner_kind = 'drill' AND f.owner_id = d.id) AS photos
            FROM drills d JOIN emergency_plans p ON p.id = d.plan_id
            LEFT JOIN units u ON u.id = p.unit_id
            LEFT JOIN companies c ON c.id = p.company_id
            ORDER BY d.held_on DESC""")

    def drill(self, drill_id: str) -> dict[str, Any]:
        return self._one("drills", drill_id)

    def find_drill(self, text: str) -> dict[str, Any]:
        return self._find("drills", text, "id")

    def add_drill(self, row: dict[str, Any], tasks: list[dict[str, Any]]) -> dict[str, Any]:
        with self.db.atomic():
            drill = self._insert("drills", row)
            for task in tasks:
                self._insert("drill_tasks", {**task, "drill_id": drill["id"]})
        return drill

    def tasks(self) -> list[dict[str, Any]]:
        return _rows(self.db, """
            SELECT t.*, d.held_on, p.title AS plan_title, COALESCE(u.name, c.name) AS owner_name,
                   p.unit_id
            FROM drill_tasks t JOIN drills d ON d.id = t.drill_id
            JOIN emergency_plans p ON p.id = d.plan_id
            LEFT JOIN units u ON u.id = p.unit_id
            LEFT JOIN companies c ON c.id = p.company_id
            ORDER BY t.done_on IS NOT NULL, t.due_on""")

    def add_task(self, drill_id: str, task: dict[str, Any]) -> dict[str, Any]:
        with self.db.atomic():
            self.drill(drill_id)
            return self._insert("drill_tasks", {**task, "drill_id": drill_id})

    def task(self, task_id: str) -> dict[str, Any]:
        """One follow-up task with the day its drill was held and whose plan it follows."""
        rows = _rows(self.db, """
            SELECT t.*, d.held_on, p.title AS plan_title, COALESCE(u.name, c.name) AS owner_name
            FROM drill_tasks t JOIN drills d ON d.id = t.drill_id
            JOIN emergency_plans p ON p.id = d.plan_id
            LEFT JOIN units u ON u.id = p.unit_id
            LEFT JOIN companies c ON c.id = p.company_id
            WHERE t.id = ?""", [task_id])
        if not rows:
            raise NotFoundError(N_("No {what} with id {row_id}."), what=_kind("drill_tasks"),
                                row_id=task_id)
        return rows[0]

    def close_task(self, task_id: str, done_on: str, note: str = "") -> None:
        with self.db.atomic():
            self._update("drill_tasks", task_id, {"done_on": done_on, "done_note": note})

    def find_task(self, text: str) -> dict[str, Any]:
        return self._find("drill_tasks", text, "problem")

    # -- stations --
    def stations(self) -> list[dict[str, Any]]:
        return _rows(self.db, """
            SELECT s.*, u.name AS unit_name,
                   (SELECT MAX(checked_on) FROM station_checks k WHERE k.station_id = s.id)
                       AS last_check
            FROM stations s LEFT JOIN units u ON u.id = s.unit_id ORDER BY s.name""")

    def find_station(self, text: str) -> dict[str, Any]:
        return self._find("stations", text, "name")

    def station(self, station_id: str) -> dict[str, Any]:
        return self._one("stations", station_id)

    def stations_named(self, name: str) -> list[dict[str, Any]]:
        """The stations called exactly ``name`` (a name names one station, as the command line
        finds it by its name)."""
        return _rows(self.db, "SELECT * FROM stations WHERE name = ?", [name])

    def add_station(self, row: dict[str, Any], dues: dict[str, str | None]) -> dict[str, Any]:
        with self.db.atomic():
            station = self._insert("stations", row)
            for m in Milestone:
                self._insert("station_milestones", {
                    "station_id": station["id"], "milestone": m.value,
                    "due_on": dues.get(m.value), "status": "not_started"})
        return station

    def milestones(self, station_id: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT m.*, s.name AS station_name, "
               "(SELECT COUNT(*) FROM emergency_files f WHERE f.owner_kind = 'milestone' "
               "AND f.owner_id = m.id) AS photos FROM station_milestones m "
               "JOIN stations s ON s.id = m.station_id")
        if station_id:
            return _rows(self.db, sql + " WHERE m.station_id = ? ORDER BY m.rowid", [station_id])
        return _rows(self.db, sql + " ORDER BY s.name, m.rowid")

    def milestone(self, station_id: str, milestone: str) -> dict[str, Any]:
        rows = _rows(self.db, "SELECT * FROM station_milestones WHERE station_id = ? AND "
                              "milestone = ?", [station_id, milestone])
        if not rows:
            raise NotFoundError(N_("The station has no milestone {milestone}."),
                                milestone=milestone)
        return rows[0]

    def update_milestone(self, milestone_id: str, changes: dict[str, Any]) -> None:
        with self.db.atomic():
            self._update("station_milestones", milestone_id, changes)

    def add_check(self, row: dict[str, Any]) -> dict[str, Any]:
        with self.db.atomic():
            return self._insert("station_checks", row)

    def checks(self, station_id: str) -> list[dict[str, Any]]:
        return _rows(self.db, "SELECT * FROM station_checks WHERE station_id = ? "
                              "ORDER BY checked_on DESC", [station_id])

    # -- files --
    def owner_exists(self, owner_kind: str, owner_id: str) -> bool:
        """True when the record a file would be attached to (a plan, drill, station, milestone
        or check, by ``owner_kind``) exists; KeyError for another kind."""
        table = OWNER_TABLES[owner_kind]
        return self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?",
                               [owner_id]).fetchone() is not None

    def files(self, owner_kind: str, owner_id: str) -> list[dict[str, Any]]:
        return _rows(self.db, "SELECT * FROM emergency_files WHERE owner_kind = ? AND "
                              "owner_id = ? ORDER BY created_at", [owner_kind, owner_id])

    def add_file(self, row: dict[str, Any]) -> dict[str, Any]:
        with self.db.atomic():
            same = _rows(self.db, "SELECT * FROM emergency_files WHERE owner_kind = ? AND "
                                  "owner_id = ? AND sha256 = ?",
                         [row["owner_kind"], row["owner_id"], row["sha256"]])
            if same:
                return same[0]
            return self._insert("emergency_files", row)
