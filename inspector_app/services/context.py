"""What one run of the program works on: a data dir, its database and this device."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property

from sqlite_utils import Database

from inspector_app.domain.profile import Device, Inspector
from inspector_app.paths import DataDir
from inspector_app.storage.db import close_database, connect, open_database, open_read_only
from inspector_app.storage.repositories import DeviceRepo, InspectorRepo, ProfileRepo
from inspector_app.storage.scratch import clean_stale


@contextmanager
def worker_database(data_dir: DataDir) -> Iterator[Database]:
    """A worker thread's own connection, closed when its work ends: an SQLite connection
    belongs to the thread that opened it, so a worker never uses the window's."""
    db = connect(data_dir.database)
    try:
        yield db
    finally:
        db.close()


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

    def current_inspector(self) -> Inspector | None:
        """Who uses this computer (the profile), or None before the first run."""
        return ProfileRepo(self.db, self.device).current_inspector()

    @property
    def actor(self) -> str | None:
        """The name the audit log records for what this program does now."""
        inspector = self.current_inspector()
        return inspector.name if inspector else None

    def inspectors(self) -> list[Inspector]:
        """Every inspector this computer knows, its own and those learnt by sync."""
        return InspectorRepo(self.db, self.device.id).all()

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
