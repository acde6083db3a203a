"""Reading and writing records. Each public write is one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector_app.domain.profile import (
    CIRCULAR_WORD_SETTING,
    Device,
    Inspector,
    Profile,
    default_prefix,
)
from inspector_app.domain.records import new_id, record_stamp, utcnow_iso

if TYPE_CHECKING:
    from sqlite_utils import Database


class SettingsRepo:
    """Local key/value settings of this data dir (never synced)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str | None) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def get_or_put(self, key: str, value: str) -> str:
        """The value of ``key``; ``value`` stored first when it has none (two connections
        asking at once both get the one stored first)."""
        with self.db.atomic():
            self.db.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                            "ON CONFLICT(key) DO NOTHING", [key, value])
            row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return str(row[0])


class DeviceRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def find_self(self) -> Device | None:
        """This device, or None before its first use."""
        row = self.db.execute(
            "SELECT id, name, doc_prefix FROM devices WHERE is_self = 1"
        ).fetchone()
        return Device(*row) if row else None

    def self_device(self) -> Device:
        """This device, created on first use."""
        found = self.find_self()
        if found is not None:
            return found
        device_id = new_id()
        import platform  # once per data dir, not at each start

        device = Device(device_id, platform.node() or "device", default_prefix(device_id))
        with self.db.atomic():
            self.db.table("devices").insert(
                {
                    "id": device.id,
                    "name": device.name,
                    "doc_prefix": device.doc_prefix,
                    "is_self": 1,
                    **record_stamp(device.id),
                }
            )
        return device

    def others(self) -> list[Device]:
        """The other computers this one knows (from their bundles), by name."""
        return [Device(*row) for row in self.db.execute(
            "SELECT id, name, doc_prefix FROM devices WHERE is_self = 0 ORDER BY name")]

    def ids_named(self, ref: str) -> list[str]:
        """The ids of the computers whose id, number prefix or name is ``ref``, sorted."""
        rows = self.db.execute(
            "SELECT id FROM devices WHERE id = ? OR doc_prefix = ? OR name = ?",
            [ref, ref, ref]).fetchall()
        return sorted({str(r[0]) for r in rows})

    def label(self, device_id: str) -> str | None:
        """"name (prefix)" of a computer known here, None for one never heard of."""
        row = self.db.execute("SELECT name, doc_prefix FROM devices WHERE id = ?",
                              [device_id]).fetchone()
        return f"{row[0]} ({row[1]})" if row else None

    def set_prefix(self, prefix: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE devices SET doc_prefix = ?, updated_at = ? WHERE is_self = 1",
                [prefix, utcnow_iso()],
            )


class InspectorRepo:
    def __init__(self, db: Database, device_id: str) -> None:
        self.db = db
        self.device_id = device_id

    def get(self, inspector_id: str) -> Inspector | None:
        row = self.db.execute(
            "SELECT id, name, enforcement_id, organisation, phone FROM inspectors WHERE id = ?",
            [inspector_id],
        ).fetchone()
        return Inspector(*row) if row else None

    def all(self) -> list[Inspector]:
        rows = self.db.execute(
            "SELECT id, name, enforcement_id, organisation, phone FROM inspectors "
            "WHERE active = 1 ORDER BY name"
        ).fetchall()
        return [Inspector(*r) for r in rows]

    def add(self, name: str, enforcement_id: str | None, organisation: str | None,
            phone: str | None = None) -> Inspector:
        inspector = Inspector(new_id(), name, enforcement_id, organisation, phone)
        with self.db.atomic():
            self.db.table("inspectors").insert(
                {
                    "id": inspector.id,
                    "name": name,
                    "enforcement_id": enforcement_id,
                    "organisation": organisation,
                    "phone": phone,
                    **record_stamp(self.device_id),
                }
            )
        return inspector


class ProfileRepo:
    """The profile of whoever uses this device: the first-run answers."""

    def __init__(self, db: Database, device: Device) -> None:
        self.db = db
        self.device = device
        self.settings = SettingsRepo(db)

    def current_inspector(self) -> Inspector | None:
        inspector_id = self.settings.get("current_inspector_id")
        return InspectorRepo(self.db, self.device.id).get(inspector_id) if inspector_id else None

    def is_set_up(self) -> bool:
        return self.current_inspector() is not None

    def save(self, profile: Profile) -> Inspector:
        profile = profile.validated()
        current = self.current_inspector()
        with self.db.atomic():
            if current is None:
                inspector = InspectorRepo(self.db, self.device.id).add(
                    profile.name, profile.enforcement_id or None, profile.organisation)
            else:
                # The same person correcting the profile: one inspector row, updated in place.
                inspector = Inspector(current.id, profile.name, profile.enforcement_id or None,
                                      profile.organisation, current.phone)
                self.db.execute(
                    "UPDATE inspectors SET name = ?, enforcement_id = ?, organisation = ?, "
                    "updated_at = ?, device_id = ? WHERE id = ?",
                    [inspector.name, inspector.enforcement_id, inspector.organisation,
                     utcnow_iso(), self.device.id, inspector.id])
            self.settings.set("current_inspector_id", inspector.id)
            self.settings.set("organisation", profile.organisation)
            self.settings.set("authority_short", profile.authority_short or None)
            self.settings.set("review_government", profile.review_government or None)
            self.settings.set("review_department", profile.review_department or None)
            self.settings.set("review_court", profile.review_court or None)
            if profile.circular_word is not None:
                self.settings.set(CIRCULAR_WORD_SETTING, profile.circular_word or None)
            DeviceRepo(self.db).set_prefix(profile.doc_prefix)
        return inspector
