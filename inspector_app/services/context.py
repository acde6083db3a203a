"""What one run of the program works on: a data dir, its database and this device."""

from __future__ import annotations

from functools import cached_property

from sqlite_utils import Database

from inspector_app.domain.profile import Device
from inspector_app.paths import DataDir
from inspector_app.storage.db import close_database, open_database
from inspector_app.storage.repositories import DeviceRepo


class AppContext:
    def __init__(self, data_dir: DataDir, lang: str | None = None) -> None:
        self.data_dir = data_dir
        self.lang = lang

    @cached_property
    def db(self) -> Database:
        self.data_dir.ensure()
        return open_database(self.data_dir.database)

    @property
    def device(self) -> Device:
        # Not cached: the first-run dialog changes the prefix.
        return DeviceRepo(self.db).self_device()

    def close(self) -> None:
        if "db" in self.__dict__:
            close_database(self.db)
            del self.__dict__["db"]
