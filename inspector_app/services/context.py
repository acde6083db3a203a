"""What one run of the program works on: a data dir, its database and this device."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property

from sqlite_utils import Database

from inspector_app.domain.profile import Device
from inspector_app.paths import DataDir
from inspector_app.storage.db import close_database, open_database, open_read_only
from inspector_app.storage.repositories import DeviceRepo
from inspector_app.storage.scratch import clean_stale


class AppContext:
    def __init__(self, data_dir: DataDir, lang: str | None = None) -> None:
        self.data_dir = data_dir
        self.lang = lang

    @cached_property
    def db(self) -> Database:
        self.data_dir.ensure()
        db = open_database(self.data_dir.database)
        # What a killed run left: a decrypted bundle's scratch folder, half-written files.
        clean_stale(self.data_dir.root)
        return db

    @property
    def device(self) -> Device:
        # Not cached: the first-run dialog changes the prefix.
        return DeviceRepo(self.db).self_device()

    @contextmanager
    def read_only_db(self) -> Iterator[Database]:
        """The database for reading only (``verify``): never created, migrated or written, so
        a read-only data dir works. A data dir without a database gets an empty one, as any
        other command would make it."""
        if "db" in self.__dict__ or not self.data_dir.database.exists():
            yield self.db
            return
        db = open_read_only(self.data_dir.database)
        try:
            yield db
        finally:
            db.close()

    def close(self) -> None:
        if "db" in self.__dict__:
            close_database(self.db)
            del self.__dict__["db"]
