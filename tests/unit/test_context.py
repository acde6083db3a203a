"""AppContext, the spine both front-ends work through: who acts, one service per concern, and a
context of its own for each worker thread."""

import sqlite3
import threading

import pytest

from inspector_app.domain.profile import Profile
from inspector_app.paths import DataDir
from inspector_app.services.context import AppContext
from inspector_app.services.print_copies import kept_print_copy_seal, print_copy_seal
from inspector_app.storage.repositories import ProfileRepo


def set_profile(ctx: AppContext, name: str, prefix: str = "QT1") -> None:
    ProfileRepo(ctx.db, ctx.device).save(Profile(name=name, enforcement_id="", organisation="安监",
                                                 doc_prefix=prefix))


@pytest.fixture
def ctx(tmp_path):
    context = AppContext(DataDir(tmp_path / "data"))
    yield context
    context.close()


def test_the_actor_is_the_profiles_inspector(ctx):
    assert ctx.actor is None  # before the first run
    set_profile(ctx, "张三")
    assert ctx.actor == "张三"
    assert ctx.current_inspector().name == "张三"


def test_one_service_per_concern_kept_between_uses(ctx):
    set_profile(ctx, "张三")
    assert ctx.inspections is ctx.inspections
    assert ctx.photos is ctx.photos
    assert ctx.pki is ctx.pki
    assert ctx.inspections.actor == "张三"
    assert ctx.inspections.db is ctx.db


def test_a_service_follows_a_new_actor_and_a_new_prefix(ctx):
    set_profile(ctx, "张三")
    before = ctx.inspections
    set_profile(ctx, "李四")
    assert ctx.inspections is not before
    assert ctx.inspections.actor == "李四"
    set_profile(ctx, "李四", prefix="QT2")
    assert ctx.numbers.device.doc_prefix == "QT2"


def test_a_worker_gets_its_own_connection_and_closes_it(ctx):
    set_profile(ctx, "张三")
    window_service = ctx.inspections  # on the window's connection
    seen = {}

    def work():
        with ctx.for_worker() as worker:
            seen["db"] = worker.db
            seen["actor"] = worker.actor
            seen["device"] = worker.device
            seen["service_db"] = worker.photos.db
            seen["rows"] = worker.db.execute("SELECT count(*) FROM inspections").fetchone()[0]

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen["db"] is not ctx.db
    assert seen["service_db"] is seen["db"]
    assert window_service.db is ctx.db
    assert (seen["actor"], seen["device"]) == ("张三", ctx.device)
    assert seen["rows"] == 0
    with pytest.raises(sqlite3.ProgrammingError):  # closed when the work ended
        seen["db"].execute("SELECT 1")
    assert ctx.db.execute("SELECT 1").fetchone()[0] == 1  # the window's is untouched


def test_a_colleague_typed_in_belongs_to_this_computers_organisation(ctx):
    set_profile(ctx, "张三")
    colleague = ctx.profile.add_inspector("李四", "32050099")
    assert (colleague.name, colleague.enforcement_id, colleague.organisation) == (
        "李四", "32050099", "安监")
    assert [p.name for p in ctx.profile.inspectors()] == sorted(["张三", "李四"])
    assert ctx.profile.current_inspector().name == "张三"


def _set_up_data_dir(data_dir: DataDir) -> None:
    first = AppContext(data_dir)
    set_profile(first, "张三", prefix="QT7")
    first.close()


def test_the_window_reads_on_one_plain_connection_until_something_writes(tmp_path):
    data_dir = DataDir(tmp_path / "data")
    _set_up_data_dir(data_dir)
    ctx = AppContext(data_dir)
    try:
        ctx.open_plain()
        assert "db" not in ctx.__dict__  # nothing asked for sqlite-utils yet
        assert isinstance(ctx.reader, sqlite3.Connection)
        assert ctx.actor == "张三" and ctx.device.doc_prefix == "QT7"
        before = ctx.database_version()
        assert "db" not in ctx.__dict__
        set_profile(ctx, "李四", prefix="QT7")  # the first write: sqlite-utils, same connection
        assert ctx.db.conn is ctx.reader
        assert ctx.actor == "李四"
        assert ctx.database_version() != before
    finally:
        ctx.close()
    assert not data_dir.database.with_name(data_dir.database.name + "-wal").exists()  # closed
    db = sqlite3.connect(data_dir.database)
    try:
        assert db.execute("SELECT COUNT(*) FROM inspectors WHERE name = '李四'").fetchone() == (1,)
    finally:
        db.close()


def test_a_worker_s_commit_moves_the_plain_connection_s_version(tmp_path):
    data_dir = DataDir(tmp_path / "data")
    _set_up_data_dir(data_dir)
    ctx = AppContext(data_dir)
    try:
        ctx.open_plain()
        before = ctx.database_version()
        with ctx.for_worker() as worker:
            set_profile(worker, "王五", prefix="QT7")
        assert ctx.database_version() != before
        assert ctx.actor == "王五"
        assert "db" not in ctx.__dict__
    finally:
        ctx.close()


def test_a_database_to_create_is_opened_as_db_opens_it(tmp_path):
    ctx = AppContext(DataDir(tmp_path / "new"))
    try:
        ctx.open_plain()
        assert "db" in ctx.__dict__  # created and migrated by open_database
        assert ctx.reader is ctx.db.conn
        assert ctx.actor is None
    finally:
        ctx.close()


def test_print_copies_made_ahead_read_the_kept_seal_without_sqlite_utils(tmp_path):
    """The window's start turns the maker on after the first page: where the data dir's seal
    is kept already, it is read on the plain connection (loading sqlite-utils would stop the
    window for a tenth of a second); the first time it is made, once, and kept."""
    data_dir = DataDir(tmp_path / "data")
    _set_up_data_dir(data_dir)
    ctx = AppContext(data_dir)
    try:
        ctx.open_plain()
        ctx.make_print_copies_ahead()
        assert "db" in ctx.__dict__  # none kept yet: made and written
        first = print_copy_seal(ctx.db)
    finally:
        ctx.close()
    ctx = AppContext(data_dir)
    try:
        ctx.open_plain()
        maker = ctx.make_print_copies_ahead()
        assert "db" not in ctx.__dict__
        assert kept_print_copy_seal(ctx.for_reading()) == first
        assert maker is ctx.print_copies
    finally:
        ctx.close()
