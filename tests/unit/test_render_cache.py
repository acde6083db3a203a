"""A document whose content has not changed is laid out once: later exports reuse the pages,
still give a whole, verifiable (and when asked, digitally signed) PDF, and any change to what
the pages show lays them out anew."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from inspector_app.cli import main
from inspector_app.services import signing
from inspector_app.services.pki import PkiService
from inspector_app.services.progress import Cancelled
from inspector_app.storage.render_cache import RenderCache
from tests import pdf_scenarios as sc
from tests.factories import completed_self_inspection
from tests.pdf_scenarios import sign_missing

OWN = "my-own-passphrase"


@pytest.fixture
def built(ctx):
    b = sc.official_inspection(ctx)
    sc.sign_all(ctx, b)
    return b




def test_an_unchanged_record_is_laid_out_once_per_language(ctx, built, layouts, tmp_path):
    _, _, docs = sc.services(ctx)
    first = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "one.pdf")
    again = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "two.pdf")
    assert layouts == ["zh_CN"]
    assert again.read_bytes() == first.read_bytes()
    assert "现场检查记录" in sc.pdf_text(again).replace(" ", "").replace("\u2002", "")
    english = docs.export(built.inspection_id, "record", "en", tmp_path / "en.pdf")
    docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "three.pdf")
    assert layouts == ["zh_CN", "en"]
    assert "On-site inspection record" in sc.pdf_text(english)
    # The kept copy sync carries is the exported file.
    issued = docs.issued(built.inspection_id, "record")
    assert (ctx.data_dir.documents / f"{issued.file_sha256}.pdf").read_bytes() == \
        first.read_bytes()


def test_a_change_to_what_the_pages_show_lays_them_out_anew(ctx, built, layouts, tmp_path):
    _, _, docs = sc.services(ctx)
    docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "before.pdf")
    docs.settings.set("organisation", "泉台区应急管理局第二执法大队")
    after = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "after.pdf")
    assert len(layouts) == 2
    assert "第二执法大队" in sc.pdf_text(after)


def test_a_draft_changed_between_exports_prints_its_new_answer(ctx, layouts, tmp_path):
    b = sc.official_inspection(ctx)
    insp, _, docs = sc.services(ctx)
    docs.export(b.inspection_id, "record", "zh_CN", tmp_path / "before.pdf")
    insp.set_note(b.inspection_id, "a1", "配电箱门已当场关闭")
    after = docs.export(b.inspection_id, "record", "zh_CN", tmp_path / "after.pdf")
    assert len(layouts) == 2
    assert "配电箱门已当场关闭" in sc.pdf_text(after).replace(" ", "")


def test_a_damaged_kept_rendering_is_made_again(ctx, built, layouts, tmp_path):
    _, _, docs = sc.services(ctx)
    good = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "good.pdf")
    (kept,) = ctx.data_dir.rendered_documents.glob("*.pdf")
    kept.write_bytes(kept.read_bytes()[: kept.stat().st_size // 2])  # a power cut, a bad disk
    again = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "again.pdf")
    assert len(layouts) == 2
    assert sc.pdf_text(again) == sc.pdf_text(good)
    (remade,) = ctx.data_dir.rendered_documents.glob("*.pdf")
    assert remade.read_bytes() == again.read_bytes()


def test_a_cache_that_cannot_be_written_costs_only_time(ctx, built, layouts, tmp_path):
    _, _, docs = sc.services(ctx)
    ctx.data_dir.rendered_documents.parent.mkdir(parents=True)
    ctx.data_dir.rendered_documents.write_text("not a folder")
    one = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "one.pdf")
    two = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "two.pdf")
    assert len(layouts) == 2
    assert sc.pdf_text(one) == sc.pdf_text(two)


def test_the_renderings_used_longest_ago_go_when_the_cache_is_full(tmp_path):
    cache = RenderCache(tmp_path / "cache", max_bytes=3100)  # three of ~1 kB fit, not four
    pdf_of = {slot: b"%PDF-1.4 " + slot.encode() * 1000 + b"\n%%EOF\n" for slot in "abcd"}
    for n, slot in enumerate("abc"):
        cache.put(slot, "k1", pdf_of[slot])
        os.utime(cache.find(slot, "k1").path, (1000 + n, 1000 + n))
    assert cache.find("a", "k1") is not None  # used again now: "b" is the oldest
    cache.put("d", "k1", pdf_of["d"])
    assert [s for s in "abcd" if cache.find(s, "k1") is not None] == ["a", "c", "d"]
    assert cache.find("d", "k1").read() == pdf_of["d"]


@pytest.fixture
def signed_self_inspection(ctx):
    inspection = completed_self_inspection(ctx)
    office = PkiService(ctx.db, ctx.device)
    office.create_self_signed("张伟", "泉台纺织有限公司", OWN)
    office.init_org("泉台区应急管理局", "office-secret-1")
    data, _ = office.issue("张伟", "32050012", "office-secret-1", "one-time-pass-2")
    office.import_identity(data, "one-time-pass-2", OWN)
    sign_missing(ctx, inspection)
    return inspection


class _Clock(datetime):
    """The signing time, set by the test: the stamp prints it to the minute."""

    at: datetime | None = None

    @classmethod
    def now(cls, tz=None):
        return cls.at if cls.at is not None else datetime.now(tz)


def _without_stamp_time(text: str) -> str:
    # The visible stamp says when the export was signed, to the minute: two signatures of the
    # same pages differ there and nowhere else.
    return re.sub(r"时间 Time: [0-9: +-]+", "", text)


def test_every_digitally_signed_export_of_a_reused_rendering_verifies(
        ctx, signed_self_inspection, tmp_path, capsys, monkeypatch):
    ctx.close()
    secret = tmp_path / "pass"
    secret.write_text(OWN)
    base = ["--data-dir", str(ctx.data_dir.root)]
    assert main([*base, "sign", signed_self_inspection, "--passphrase-file", str(secret)]) == 0
    monkeypatch.setattr(signing, "datetime", _Clock)
    # The two exports signed either side of a minute's turn (it once happened by chance).
    minute = (datetime.now(UTC) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    files = []
    for name, at in (("first.pdf", minute - timedelta(seconds=1)), ("second.pdf", minute)):
        monkeypatch.setattr(_Clock, "at", at)
        target = tmp_path / name
        assert main([*base, "export", "pdf", signed_self_inspection, "--document", "record",
                     "-o", str(target), "--sign", "--passphrase-file", str(secret)]) == 0
        assert main([*base, "verify", str(target)]) == 0
        files.append(target)
        if shutil.which("pdfsig"):
            out = subprocess.run(["pdfsig", str(target)], capture_output=True,
                                 text=True).stdout
            assert "Signature is Valid" in out and "Total document signed" in out
    assert len(list(ctx.data_dir.rendered_documents.glob("*.pdf"))) == 1
    first, second = (sc.pdf_text(f) for f in files)
    assert first != second  # the stamps' times
    assert _without_stamp_time(first) == _without_stamp_time(second)
    plain = tmp_path / "plain.pdf"
    assert main([*base, "export", "pdf", signed_self_inspection, "--document", "record",
                 "-o", str(plain)]) == 0
    assert main([*base, "verify", str(plain)]) == 1  # the unsigned copy is not passed off
    capsys.readouterr()


# -- a cache entry is used only as it was kept ------------------------------------------------
def _entry(ctx) -> Path:
    (path,) = ctx.data_dir.rendered_documents.glob("*.pdf")
    return path


def test_a_swapped_entry_is_not_exported_nor_signed_as_the_record(ctx, built, layouts,
                                                                   tmp_path):
    _, _, docs = sc.services(ctx)
    first = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "one.pdf")
    entry = _entry(ctx)
    # Another whole PDF under the entry's name (same end-of-file mark, same size or not).
    other = docs.render(built.inspection_id, "record", "en")
    entry.write_bytes(other)
    again = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "two.pdf")
    assert again.read_bytes() != other
    assert sc.pdf_text(again) == sc.pdf_text(first)  # the record, laid out anew
    assert layouts.count("zh_CN") == 2  # the changed entry was a miss
    issued = docs.issued(built.inspection_id, "record")
    assert issued.file_sha256 == hashlib.sha256(again.read_bytes()).hexdigest()


def test_what_an_inspector_signs_is_laid_out_from_the_record_not_read_from_the_cache(
        ctx, built, layouts, tmp_path):
    # An entry vouches for itself by the hash in its name, which anyone writing the folder
    # can compute: a signature never goes on bytes read from there.
    _, _, docs = sc.services(ctx)
    first = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "one.pdf")
    entry = _entry(ctx)
    other = docs.render(built.inspection_id, "record", "en")
    slot, key, _sha, suffix = entry.name.split(".")
    entry.unlink()
    (entry.parent / f"{slot}.{key}.{hashlib.sha256(other).hexdigest()}.{suffix}").write_bytes(
        other)
    signed: list[bytes] = []
    target = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "signed.pdf",
                         sign=lambda data: signed.append(data) or data)
    assert signed and signed[0] != other
    assert sc.pdf_text(target) == sc.pdf_text(first)


def test_a_damaged_entry_with_its_end_mark_is_a_miss(ctx, built, layouts, tmp_path):
    _, _, docs = sc.services(ctx)
    first = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "one.pdf")
    entry = _entry(ctx)
    data = bytearray(entry.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = bytes(4096)
    entry.write_bytes(bytes(data))
    again = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "two.pdf")
    assert again.read_bytes() != bytes(data)
    assert sc.pdf_text(again) == sc.pdf_text(first)
    assert layouts.count("zh_CN") == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_link_or_a_pipe_in_place_of_an_entry_is_a_miss_and_does_not_hang(ctx, built,
                                                                            tmp_path):
    _, _, docs = sc.services(ctx)
    first = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "one.pdf")
    entry = _entry(ctx)
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(outside)
    assert sc.pdf_text(docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "two.pdf")
                   ) == sc.pdf_text(first)
    assert not _entry(ctx).is_symlink()
    assert outside.exists()  # the link went, not what it pointed at
    entry = _entry(ctx)
    entry.unlink()
    os.mkfifo(entry)
    assert sc.pdf_text(docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "three.pdf")
                   ) == sc.pdf_text(first)


def test_trimming_deletes_only_its_own_renderings_and_a_linked_folder_is_not_used(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    users = folder / "report.pdf"
    users.write_bytes(b"%PDF-1.4 someone's own file %%EOF")
    cache = RenderCache(folder, max_bytes=10)
    cache.put("a", "k1", b"%PDF-1.4 " + b"x" * 100 + b" %%EOF")
    cache.put("b", "k1", b"%PDF-1.4 " + b"y" * 100 + b" %%EOF")
    assert users.exists()
    elsewhere = tmp_path / "Documents"
    elsewhere.mkdir()
    kept = elsewhere / "a.k1.{}.pdf".format("0" * 64)
    kept.write_bytes(b"%PDF-1.4 %%EOF")
    linked = tmp_path / "linked"
    linked.symlink_to(elsewhere)
    cache = RenderCache(linked, max_bytes=1)
    assert cache.put("c", "k1", b"%PDF-1.4 z %%EOF") is None
    assert cache.find("a", "k1") is None
    assert kept.exists() and sorted(p.name for p in elsewhere.iterdir()) == [kept.name]


def test_a_record_laid_out_ahead_is_exported_as_a_copy(ctx, built, layouts, tmp_path):
    _, _, docs = sc.services(ctx)
    assert docs.lay_out_ahead(built.inspection_id, "zh_CN")
    assert layouts == ["zh_CN"]
    assert docs.issued(built.inspection_id, "record") is None  # nothing issued ahead
    path = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "record.pdf")
    assert layouts == ["zh_CN"]  # the export laid nothing out
    issued = docs.issued(built.inspection_id, "record")
    assert issued is not None and issued.file_sha256 == hashlib.sha256(
        path.read_bytes()).hexdigest()
    shutil.rmtree(ctx.data_dir.rendered_documents)
    again = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "again.pdf")
    # The same pages (only the creation time differs).
    assert sc.pdf_text(again) == sc.pdf_text(path)


def test_a_record_not_yet_signed_by_its_inspectors_is_left_for_the_export(ctx, layouts):
    b = sc.official_inspection(ctx)
    _, _, docs = sc.services(ctx)
    assert not docs.lay_out_ahead(b.inspection_id, "zh_CN")
    assert layouts == []


def test_the_window_lays_a_record_out_after_its_copies_are_made(ctx, built, layouts,
                                                                tmp_path):
    maker = ctx.make_print_copies_ahead()
    photo_ids = sc.add_photos(ctx, built.inspection_id, tmp_path / "photos", 2,
                              size=(1200, 900))
    ctx.lay_out_ahead(built.inspection_id, "en")
    assert maker.wait(60)
    assert layouts == ["en"]
    photos = ctx.photos
    assert all(photos.print_copy_made(photos.get(p)) is not None for p in photo_ids)
    ctx.documents.export(built.inspection_id, "record", "en", tmp_path / "record.pdf")
    assert layouts == ["en"]


def test_a_changed_entry_written_while_its_hash_is_checked_never_replaces_the_target(tmp_path):
    from inspector_app.storage.files import write_atomic
    from inspector_app.storage.render_cache import EntryChanged

    cache = RenderCache(tmp_path / "cache")
    kept = cache.put("slot", "key", b"%PDF-1.4 the record\n%%EOF\n")
    kept.path.write_bytes(b"%PDF-1.4 another document\n%%EOF\n")  # changed in place
    target = tmp_path / "out" / "record.pdf"
    target.parent.mkdir()
    target.write_bytes(b"an older export")
    checking = cache.checking("slot", "key")
    with pytest.raises(EntryChanged):
        write_atomic(target, checking.data, check=checking.confirm)
    assert target.read_bytes() == b"an older export"
    assert list(target.parent.iterdir()) == [target]  # no temporary file left
    assert not kept.path.exists() and cache.find("slot", "key") is None


# -- the copy sync carries -----------------------------------------------------------------------
def test_the_copy_sync_carries_is_the_kept_rendering_under_a_second_name(ctx, built, tmp_path):
    _, _, docs = sc.services(ctx)
    exported = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "record.pdf")
    issued = docs.issued(built.inspection_id, "record")
    copy = ctx.data_dir.documents / f"{issued.file_sha256}.pdf"
    assert copy.samefile(_entry(ctx))  # its bytes were not written a second time
    assert not copy.samefile(exported)  # never the user's own file, which they may edit
    shutil.rmtree(ctx.data_dir.rendered_documents)  # the cache emptied, as it may be
    assert copy.read_bytes() == exported.read_bytes()


def test_where_no_link_can_be_made_the_copy_sync_carries_is_written(ctx, built, tmp_path,
                                                                    monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    _, _, docs = sc.services(ctx)
    exported = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "record.pdf")
    issued = docs.issued(built.inspection_id, "record")
    copy = ctx.data_dir.documents / f"{issued.file_sha256}.pdf"
    assert copy.read_bytes() == exported.read_bytes()
    assert not copy.samefile(_entry(ctx))


def test_a_rendering_replaced_after_it_was_read_is_not_linked_as_the_copy(tmp_path):
    from inspector_app.storage.document_store import keep_document

    cache = RenderCache(tmp_path / "cache")
    read = cache.put("slot", "key", b"%PDF-1.4 the record\n%%EOF\n")
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4 another document\n%%EOF\n")
    os.replace(other, read.path)  # swapped under the same name
    folder = tmp_path / "documents"
    assert keep_document(folder, read.sha256, read.data, (read.path, read.identity))
    (copy,) = folder.iterdir()
    assert copy.read_bytes() == b"%PDF-1.4 the record\n%%EOF\n"
    assert list(folder.iterdir()) == [copy]


def test_an_entry_changed_in_place_is_not_written_over_an_older_export(tmp_path):
    cache = RenderCache(tmp_path / "cache")
    kept = cache.put("slot", "key", b"%PDF-1.4 the record\n%%EOF\n")
    target = tmp_path / "out" / "record.pdf"
    target.parent.mkdir()
    target.write_bytes(b"an older export")
    kept.path.write_bytes(b"%PDF-1.4 the recorD\n%%EOF\n")  # same size, one byte changed
    assert cache.write_entry("slot", "key", target) is None
    assert target.read_bytes() == b"an older export"
    assert list(target.parent.iterdir()) == [target]  # no temporary file left
    assert not kept.path.exists()
    photos = b"%PDF-1.4 " + os.urandom(700_000) + b"\n%%EOF\n"  # written in several pieces
    whole = cache.put("slot", "key", photos)
    written = cache.write_entry("slot", "key", target)
    assert written is not None and written.sha256 == whole.sha256
    assert target.read_bytes() == photos


# -- the kept rendering written while the sheet is put together --------------------------------
class _AfterStaging:
    """Progress that waits for the kept rendering to be staged beside the target (so that the
    export meets it staged, whatever the machine's speed), then goes on or stops."""

    def __init__(self, monkeypatch, stop: bool) -> None:
        self.staged = threading.Event()
        self.stop = stop
        real = RenderCache.stage_entry

        def staging(cache, *args):
            try:
                return real(cache, *args)
            finally:
                self.staged.set()

        monkeypatch.setattr(RenderCache, "stage_entry", staging)

    def progress(self, done: int, total: int, text: str = "") -> None:
        assert self.staged.wait(30)
        if self.stop:
            raise Cancelled

    def check_cancelled(self) -> None:
        pass


def test_a_kept_rendering_of_older_content_is_not_left_in_the_folder(ctx, layouts, tmp_path,
                                                                     monkeypatch):
    b = sc.official_inspection(ctx)
    insp, _, docs = sc.services(ctx)
    folder = tmp_path / "out"
    folder.mkdir()
    target = docs.export(b.inspection_id, "record", "zh_CN", folder / "record.pdf")
    insp.set_note(b.inspection_id, "a1", "配电箱门已当场关闭")
    docs.export(b.inspection_id, "record", "zh_CN", target,
                control=_AfterStaging(monkeypatch, stop=False))
    assert "配电箱门已当场关闭" in sc.pdf_text(target).replace(" ", "")
    assert list(folder.iterdir()) == [target]  # nothing staged is left beside it
    assert len(layouts) == 2


def test_an_export_stopped_after_the_kept_rendering_was_staged_leaves_the_file_as_it_was(
        ctx, built, tmp_path, monkeypatch):
    _, _, docs = sc.services(ctx)
    folder = tmp_path / "out"
    folder.mkdir()
    target = docs.export(built.inspection_id, "record", "zh_CN", folder / "record.pdf")
    target.write_bytes(b"the user's own older file")
    with pytest.raises(Cancelled):
        docs.export(built.inspection_id, "record", "zh_CN", target,
                    control=_AfterStaging(monkeypatch, stop=True))
    assert target.read_bytes() == b"the user's own older file"
    assert list(folder.iterdir()) == [target]
    again = docs.export(built.inspection_id, "record", "zh_CN", target,
                        control=_AfterStaging(monkeypatch, stop=False))
    assert "现场检查记录" in sc.pdf_text(again).replace(" ", "").replace("\u2002", "")


def test_a_rendering_forged_in_the_cache_folder_is_never_exported(ctx, built, layouts, tmp_path):
    """A file put in the cache under the slot and key of the record, named by the hash of its
    own bytes, looks like a kept rendering: only the one whose hash this computer recorded
    when it laid the pages out is used."""
    _, _, docs = sc.services(ctx)
    good = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / "good.pdf")
    (kept,) = ctx.data_dir.rendered_documents.glob("*.pdf")
    slot, key, _sha, _ = kept.name.split(".")
    forged = good.read_bytes().replace(b"%%EOF", b"% forged pages\n%%EOF")
    kept.unlink()
    (kept.parent / f"{slot}.{key}.{hashlib.sha256(forged).hexdigest()}.pdf").write_bytes(forged)
    for n in range(2):  # the export that finds the file, and the one after it
        out = docs.export(built.inspection_id, "record", "zh_CN", tmp_path / f"out-{n}.pdf")
        assert b"forged" not in out.read_bytes()
        assert sc.pdf_text(out) == sc.pdf_text(good)
    assert len(layouts) == 2  # laid out again once, then the rendering made here is used
    preview = docs.render(built.inspection_id, "record", "zh_CN")
    assert b"forged" not in preview
