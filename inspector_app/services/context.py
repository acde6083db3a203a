"""What one run of the program works on: a data dir, its database and this device."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar, cast

from inspector_app.paths import DataDir
from inspector_app.storage.db import (
    close_database,
    connect,
    data_version,
    open_database,
    open_plain,
    open_read_only,
    open_reader,
    wrap,
)

# The profile's repositories and the scratch clean-up are imported where they are used: a
# listing or a count (``reader``) needs neither, and must start fast.
if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

    from sqlite_utils import Database

    from inspector_app.domain.photo import Photo
    from inspector_app.domain.profile import Device, Inspector
    from inspector_app.services.classification import ClassificationService
    from inspector_app.services.companies import CompanyRepo
    from inspector_app.services.documents import DocumentService
    from inspector_app.services.emergency import EmergencyService
    from inspector_app.services.inspections import InspectionService
    from inspector_app.services.numbers import NumberService
    from inspector_app.services.photos import PhotoService
    from inspector_app.services.pki import PkiService
    from inspector_app.services.plans import PlanService
    from inspector_app.services.print_copies import PrintCopyMaker
    from inspector_app.services.profile import ProfileService
    from inspector_app.services.reinspection import ReinspectionService
    from inspector_app.services.signatures import SignatureService
    from inspector_app.services.signing import SigningService
    from inspector_app.services.templates import TemplateRepo
    from inspector_app.services.units import CampaignRepo, EscalationRepo, UnitRepo, UnitsService
    from inspector_app.services.year_plan import YearPlanService

S = TypeVar("S")


class AppContext:
    """The spine of a run: its data dir, the connection of the thread it belongs to, this
    device, who acts, and one service per concern (``ctx.inspections``, ``ctx.photos``, …).

    A worker thread never uses the window's context: ``with ctx.for_worker() as wctx:`` gives
    it a context of its own on its own connection, closed when the work ends."""

    def __init__(self, data_dir: DataDir, lang: str | None = None) -> None:
        self.data_dir = data_dir
        self.lang = lang
        self._services: dict[str, tuple[tuple[Device, str | None], Any]] = {}
        # Shared with the contexts of worker threads; closed with this context.
        self.print_copies: PrintCopyMaker | None = None
        self._plain: sqlite3.Connection | None = None  # see open_plain

    def make_print_copies_ahead(self) -> PrintCopyMaker:
        """From now on the photos taken in get their print copies made in the background
        (the window does this; a command that ends at once would only abandon them)."""
        if self.print_copies is None:
            from inspector_app.services.print_copies import (
                PrintCopyMaker,
                kept_print_copy_seal,
                print_copy_seal,
            )

            photo_folder = self.data_dir.photos
            # Here: the maker's thread never reads the database. Read on the plain connection
            # where the seal is kept already, as at every start but the first: sqlite-utils is
            # loaded on a thread meanwhile, not on the window's.
            seal = kept_print_copy_seal(self.for_reading()) or print_copy_seal(self.db)

            def make(photo: Photo, stop: Callable[[], None]) -> Path:
                # Imported when the first photo comes, not when the window starts.
                from inspector_app.services.photos import make_print_copy
                from inspector_app.storage.photo_store import PhotoStore

                return make_print_copy(PhotoStore(photo_folder), photo, seal, stop)

            self.print_copies = PrintCopyMaker(make)
            self._services.pop("photos", None)
        return self.print_copies

    def lay_out_ahead(self, inspection_id: str, lang: str) -> None:
        """Once the photos queued meanwhile have their print copies, lay the record out into the
        render cache in the background (on a connection of its own), so that its first export
        is a copy; nothing when nothing is made ahead (``make_print_copies_ahead``)."""
        if self.print_copies is None:
            return

        def job(stop: Callable[[], None]) -> None:
            with self.for_worker() as worker:
                worker.documents.lay_out_ahead(inspection_id, lang, stop)

        self.print_copies.then(f"record {inspection_id} ({lang}) laid out", job)

    @cached_property
    def db(self) -> Database:
        if self._plain is not None:
            return wrap(self._plain)
        self.data_dir.ensure()
        db = open_database(self.data_dir.database)
        from inspector_app.storage.scratch import clean_stale

        # What a killed run left: a decrypted bundle's scratch folder, half-written files.
        clean_stale(self.data_dir.root)
        return db

    def open_plain(self) -> None:
        """Open the database now, without sqlite-utils where it is current (the window's
        start): what only reads runs on this plain connection (``reader``, ``device``,
        ``actor``, ``database_version``), and ``db`` is sqlite-utils' ``Database`` on the same
        connection once something asks for it. A database to create or migrate is opened
        as ``db`` opens it; one that cannot be opened is refused here."""
        if "db" in self.__dict__ or self._plain is not None:
            return
        self.data_dir.ensure()
        self._plain = open_plain(self.data_dir.database)
        if self._plain is None:
            self.db  # noqa: B018 - created or migrated
        # What a killed run left is swept once the window shows (``sweep_scratch``).

    def sweep_scratch(self) -> None:
        """Remove what a killed run left: a decrypted bundle's scratch folder, half-written
        files. Nothing this run writes is touched (only dead runs' folders, old ``.part``
        files), so it may run any time; the window's start runs it after the first page."""
        from inspector_app.storage.scratch import clean_stale

        clean_stale(self.data_dir.root)

    def for_reading(self) -> Database:
        """What reads, as ``db`` reads: the plain connection until ``db`` is asked for (it
        runs SQL alike, on the same connection)."""
        if self._plain is not None and "db" not in self.__dict__:
            return cast("Database", self._plain)
        return self.db

    @cached_property
    def reader(self) -> sqlite3.Connection:
        """A connection for what only reads (a listing, a count): plain sqlite3 after one
        cheap version check, so a short command loads neither sqlite-utils nor the migration
        machinery. A missing or older database is opened as ``db`` opens it (created,
        migrated), and read through that connection."""
        if self._plain is not None:
            return self._plain
        if "db" not in self.__dict__:
            conn = open_reader(self.data_dir.database)
            if conn is not None:
                return conn
        return self.db.conn

    @property
    def device(self) -> Device:
        # Not cached: the first-run dialog changes the prefix.
        from inspector_app.storage.repositories import DeviceRepo

        reading = self.for_reading()
        found = DeviceRepo(reading).find_self()
        return found if found is not None else DeviceRepo(self.db).self_device()

    def current_inspector(self) -> Inspector | None:
        """Who uses this computer (the profile), or None before the first run."""
        from inspector_app.storage.repositories import ProfileRepo

        return ProfileRepo(self.for_reading(), self.device).current_inspector()

    @property
    def actor(self) -> str | None:
        """The name the audit log records for what this program does now."""
        inspector = self.current_inspector()
        return inspector.name if inspector else None

    def database_version(self) -> tuple[int, int]:
        """Changes whenever anything is written to the database, by this connection or
        another: a page reads again only when it moved."""
        return data_version(self.for_reading())

    def inspectors(self) -> list[Inspector]:
        """Every inspector this computer knows, its own and those learnt by sync."""
        from inspector_app.storage.repositories import InspectorRepo

        return InspectorRepo(self.db, self.device.id).all()

    # -- one service per concern ---------------------------------------------------------------
    # Each is built once and kept while this device and the person acting stay the same: the
    # first-run dialog changes the device's prefix and a profile edit changes the actor, and a
    # service built before would stamp the old ones. The services are imported when first asked
    # for, so a command that needs none of them does not load PDF or image libraries.

    def _service(self, name: str, build: Callable[[Device, str | None], S]) -> S:
        key = (self.device, self.actor)
        kept = self._services.get(name)
        if kept is None or kept[0] != key:
            kept = (key, build(*key))
            self._services[name] = kept
        service: S = kept[1]
        return service

    @property
    def profile(self) -> ProfileService:
        from inspector_app.services.profile import ProfileService

        return self._service("profile", lambda device, _actor: ProfileService(self.db, device))

    @property
    def companies(self) -> CompanyRepo:
        """The register of inspected companies; changes are audited under ``ctx.actor``."""
        from inspector_app.services.companies import CompanyRepo

        return self._service("companies", lambda device, actor: CompanyRepo(
            self.db, device.id, actor))

    @property
    def templates(self) -> TemplateRepo:
        from inspector_app.services.templates import TemplateRepo

        return self._service("templates", lambda device, _actor: TemplateRepo(self.db, device.id))

    @property
    def units(self) -> UnitRepo:
        from inspector_app.services.units import UnitRepo

        return self._service("units", lambda device, _actor: UnitRepo(self.db, device.id))

    @property
    def campaigns(self) -> CampaignRepo:
        from inspector_app.services.units import CampaignRepo

        return self._service("campaigns", lambda device, _actor: CampaignRepo(self.db, device.id))

    @property
    def registry(self) -> UnitsService:
        """The office's registry of units and campaigns as the window edits it: checked, and
        all or nothing; changes to companies are audited under ``ctx.actor``."""
        from inspector_app.services.units import UnitsService

        return self._service("registry", lambda device, actor: UnitsService(
            self.db, device.id, actor))

    @property
    def escalations(self) -> EscalationRepo:
        from inspector_app.services.units import EscalationRepo

        return self._service("escalations", lambda device, _actor: EscalationRepo(
            self.db, device.id))

    @property
    def inspections(self) -> InspectionService:
        from inspector_app.services.inspections import InspectionService

        return self._service("inspections", lambda device, actor: InspectionService(
            self.db, device, actor))

    @property
    def photos(self) -> PhotoService:
        from inspector_app.services.photos import PhotoService

        return self._service("photos", lambda device, actor: PhotoService(
            self.db, self.data_dir, device, actor, self.print_copies))

    @property
    def documents(self) -> DocumentService:
        from inspector_app.services.documents import DocumentService

        return self._service("documents", lambda device, actor: DocumentService(
            self.db, self.data_dir, device, actor))

    @property
    def pki(self) -> PkiService:
        from inspector_app.services.pki import PkiService

        return self._service("pki", lambda device, _actor: PkiService(self.db, device))

    @property
    def signatures(self) -> SignatureService:
        from inspector_app.services.signatures import SignatureService

        return self._service("signatures", lambda device, actor: SignatureService(
            self.db, device, actor))

    @property
    def signing(self) -> SigningService:
        from inspector_app.services.signing import SigningService

        return self._service("signing", lambda device, _actor: SigningService(
            self.db, device, self.data_dir.photos))

    @property
    def numbers(self) -> NumberService:
        from inspector_app.services.numbers import NumberService

        return self._service("numbers", lambda device, actor: NumberService(
            self.db, device, actor))

    @property
    def plans(self) -> PlanService:
        from inspector_app.services.plans import PlanService

        return self._service("plans", lambda device, actor: PlanService(self.db, device, actor))

    @property
    def reinspection(self) -> ReinspectionService:
        from inspector_app.services.reinspection import ReinspectionService

        return self._service("reinspection", lambda device, actor: ReinspectionService(
            self.db, device, actor))

    @property
    def year_plan(self) -> YearPlanService:
        from inspector_app.services.year_plan import YearPlanService

        return self._service("year_plan", lambda device, actor: YearPlanService(
            self.db, device, actor))

    @property
    def classification(self) -> ClassificationService:
        from inspector_app.services.classification import ClassificationService

        return self._service("classification", lambda device, actor: ClassificationService(
            self.db, device, actor))

    @property
    def emergency(self) -> EmergencyService:
        from inspector_app.services.emergency import EmergencyService

        return self._service("emergency", lambda device, actor: EmergencyService(
            self.db, device.id, self.data_dir, actor))

    # -- threads -------------------------------------------------------------------------------

    @contextmanager
    def for_worker(self) -> Iterator[AppContext]:
        """A context for a worker thread: the same data dir on a connection of its own, with
        services of its own, all closed when the work ends. Safe to call from the worker
        (it reads only the data dir and the language of this context)."""
        worker = AppContext(self.data_dir, self.lang)
        worker.print_copies = self.print_copies
        worker.__dict__["db"] = connect(self.data_dir.database)
        try:
            yield worker
        finally:
            worker._services.clear()
            worker.__dict__.pop("db").close()

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
        if self.print_copies is not None:
            self.print_copies.close()
            self.print_copies = None
        self._services.clear()
        reader = self.__dict__.pop("reader", None)
        if reader is not None and ("db" not in self.__dict__ or reader is not self.db.conn):
            reader.close()
        if "db" in self.__dict__:
            close_database(self.db)
            del self.__dict__["db"]
        elif self._plain is not None:
            self._plain.close()  # nothing was written through sqlite-utils: nothing to analyse
        self._plain = None
