"""Who uses this computer and the people it knows: the first-run profile, the settings that
go on every document (organisation, authority, where to appeal), and the inspectors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector_app.domain.profile import Device, Inspector, Profile
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo, SettingsRepo

if TYPE_CHECKING:
    from sqlite_utils import Database


class ProfileService:
    def __init__(self, db: Database, device: Device) -> None:
        self.db = db
        self.device = device
        self._profiles = ProfileRepo(db, device)
        self._settings = SettingsRepo(db)
        self._inspectors = InspectorRepo(db, device.id)

    def current_inspector(self) -> Inspector | None:
        """Who uses this computer, or None before the first run."""
        return self._profiles.current_inspector()

    def is_set_up(self) -> bool:
        return self._profiles.is_set_up()

    def save(self, profile: Profile) -> Inspector:
        """The first-run answers (checked first), or a correction of them."""
        return self._profiles.save(profile)

    def setting(self, key: str) -> str | None:
        return self._settings.get(key)

    def set_setting(self, key: str, value: str | None) -> None:
        self._settings.set(key, value)

    def inspectors(self) -> list[Inspector]:
        """Every active inspector this computer knows, by name."""
        return self._inspectors.all()

    def add_inspector(self, name: str, enforcement_id: str | None) -> Inspector:
        """A colleague typed in on this computer, of this computer's organisation."""
        return self._inspectors.add(name, enforcement_id, self.setting("organisation"))
