"""A bundle's photo files are decoded (seconds each for a large one) only once its rows passed
the rules, and only the files of the photos the rules accepted; each is still checked before
anything changes. And nothing gets a photo file into the office's store unchecked: a file no
photo shows, a photo whose file nobody accounts for, a file carried twice, a path leaving the
bundle are each refused."""

from __future__ import annotations

import io
import uuid

import pytest

from inspector_app.errors import InspectorError
from inspector_app.services import photos as photos_module
from inspector_app.services.sync import bundle as bundle_mod
from inspector_app.services.sync import policy as policy_mod
from inspector_app.services.sync.bundle import BundleRefused
from tests.images import corrupt, noisy
from tests.unit.test_sync import laptop_work, photo_files, refused, rows, state
from tests.unit.test_sync_policy import Rows, forge, one, plain_export


@pytest.fixture
def decoded(monkeypatch) -> list[str]:
    """The hashes of the photo files the import decodes, in order."""
    seen: list[str] = []
    real = photos_module.inspect_file

    def inspect_file(path, sha, *args, **kwargs):
        seen.append(sha)
        return real(path, sha, *args, **kwargs)

    monkeypatch.setattr(photos_module, "inspect_file", inspect_file)
    return seen


def jpeg(seed: int = 0, size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    noisy(size, seed=seed).save(buffer, "JPEG")
    return buffer.getvalue()


def _cross(inspection_x: str, inspection_y: str):
    """A photo of one inspection showing a hazard of another: well formed, refused by the
    rules (the policy), not by the rows' schema."""
    def edit(tables: Rows) -> None:
        finding = one(tables, "findings", inspection_id=inspection_y)
        one(tables, "photos", inspection_id=inspection_x)["finding_id"] = finding["id"]
    return edit


def test_a_bundle_the_rules_refuse_has_none_of_its_photos_decoded(world, decoded):
    x = laptop_work(world, world.a, photos=2, seed=1)
    y = laptop_work(world, world.a, photos=2, seed=2)
    source = plain_export(world, world.a)
    bundle = forge(world, world.a, source, _cross(x, y))
    refused(world, bundle, BundleRefused, match="names hazard .* of another inspection")
    assert decoded == []
    # The same bundle without the forged hazard: its new photo files are decoded and kept.
    report = world.import_(forge(world, world.a, source))
    assert report.status == "imported" and report.photos_added == len(decoded) >= 2


def test_a_bundle_whose_rows_break_their_schema_has_none_of_its_photos_decoded(world, decoded):
    laptop_work(world, world.a, photos=3)
    source = plain_export(world, world.a)

    def bad(tables: Rows) -> None:
        tables["companies"][0]["name"] = "x" * 300

    refused(world, forge(world, world.a, source, bad), BundleRefused,
            match="company .*, name: longer than 200 characters")
    assert decoded == []


def test_an_accepted_photos_file_is_still_checked_after_the_rules(world, tmp_path,
                                                                  monkeypatch, decoded):
    # Valid rows, one photo's file not an image: refused naming the file, nothing changed,
    # and the rules ran before the file was opened.
    inspection = laptop_work(world, world.a)
    source = plain_export(world, world.a)
    data = corrupt(tmp_path / "bad.jpg").read_bytes()
    sha = bundle_mod.sha256(data)
    order: list[str] = []
    check = policy_mod.Policy.check
    monkeypatch.setattr(policy_mod.Policy, "check",
                        lambda self: order.append("rules") or check(self))
    real = photos_module.inspect_file
    monkeypatch.setattr(photos_module, "inspect_file",
                        lambda *a, **k: order.append("photo") or real(*a, **k))

    def point(tables: Rows) -> None:
        photo = one(tables, "photos", inspection_id=inspection)
        tables["photos"].append({**photo, "id": str(uuid.uuid4()), "sha256": sha})

    bundle = forge(world, world.a, source, point, files={f"photos/{sha}.jpg": data})
    refused(world, bundle, BundleRefused,
            match=f"the photo 'photos/{sha}.jpg' is not accepted: ")
    assert order[0] == "rules" and "photo" in order
    assert photo_files(world.office) == {}
    # A dry run checks the files too.
    refused(world, bundle, BundleRefused, match=f"the photo 'photos/{sha}.jpg' is not accepted",
            dry_run=True)


def test_a_photo_whose_file_nobody_accounts_for_is_refused(world):
    inspection = laptop_work(world, world.a)
    source = plain_export(world, world.a)
    sha = bundle_mod.sha256(jpeg(seed=9))  # a file the bundle does not carry
    photo_id = str(uuid.uuid4())

    def point(tables: Rows) -> None:
        photo = one(tables, "photos", inspection_id=inspection)
        tables["photos"].append({**photo, "id": photo_id, "sha256": sha})

    refused(world, forge(world, world.a, source, point), BundleRefused,
            match=f"photo {photo_id}, file fingerprint: names a photo file the bundle does not "
                  "carry, and the sending computer did not say it was missing there")
    # Said missing by the sender (its copy was lost): the photo comes without its file.
    report = world.import_(forge(world, world.a, source, point, manifest_edit=lambda m: m[
        "missing_photos"].append(sha)))
    assert report.status == "imported" and report.photos_added == 2
    assert rows(world.office, "photos")[photo_id]["sha256"] == sha
    assert not any(name.startswith(sha) for name in photo_files(world.office))


def test_a_photo_whose_file_is_already_here_needs_no_copy_of_it(world, decoded):
    # The file came in with another laptop's bundle, checked then: not carried again, not
    # decoded again.
    laptop_work(world, world.b, photos=1, seed=7)
    world.import_(world.export(world.b))
    (here,) = world.office.db.execute("SELECT DISTINCT sha256 FROM photos").fetchone()
    inspection = laptop_work(world, world.a, photos=1)
    source = plain_export(world, world.a)
    photo_id = str(uuid.uuid4())

    def point(tables: Rows) -> None:
        photo = one(tables, "photos", inspection_id=inspection)
        tables["photos"].append({**photo, "id": photo_id, "sha256": here})

    decoded.clear()
    report = world.import_(forge(world, world.a, source, point))
    assert report.status == "imported" and report.photos_added == 1
    assert rows(world.office, "photos")[photo_id]["sha256"] == here
    assert here not in decoded and len(decoded) == 1


def test_two_photos_showing_one_file_have_it_decoded_once(world, decoded):
    inspection = laptop_work(world, world.a, photos=1)
    source = plain_export(world, world.a)
    twin = str(uuid.uuid4())

    def twice(tables: Rows) -> None:
        photo = one(tables, "photos", inspection_id=inspection)
        tables["photos"].append({**photo, "id": twin, "caption": "同一张照片"})

    report = world.import_(forge(world, world.a, source, twice))
    assert report.status == "imported" and report.photos_added == 1
    assert len(decoded) == 1
    office = rows(world.office, "photos")
    assert office[twin]["sha256"] in decoded and len(photo_files(world.office)) == 1


def test_two_photos_showing_one_bad_file_are_refused(world, tmp_path, decoded):
    inspection = laptop_work(world, world.a)
    source = plain_export(world, world.a)
    data = corrupt(tmp_path / "bad.jpg").read_bytes()
    sha = bundle_mod.sha256(data)

    def point(tables: Rows) -> None:
        photo = one(tables, "photos", inspection_id=inspection)
        for _ in range(2):
            tables["photos"].append({**photo, "id": str(uuid.uuid4()), "sha256": sha})

    refused(world, forge(world, world.a, source, point, files={f"photos/{sha}.jpg": data}),
            BundleRefused, match=f"the photo 'photos/{sha}.jpg' is not accepted")
    assert decoded.count(sha) == 1


def test_one_photo_file_carried_under_two_names_is_refused(world, decoded):
    inspection = laptop_work(world, world.a)
    source = plain_export(world, world.a)
    data = jpeg(seed=5)
    sha = bundle_mod.sha256(data)

    def point(tables: Rows) -> None:
        photo = one(tables, "photos", inspection_id=inspection)
        tables["photos"].append({**photo, "id": str(uuid.uuid4()), "sha256": sha})

    bundle = forge(world, world.a, source, point,
                   files={f"photos/{sha}.jpg": data, f"photos/{sha}.jpeg": data})
    refused(world, bundle, BundleRefused,
            match=f"it carries the photo file 'photos/{sha}.jpg' twice "
                  f"\\(also as 'photos/{sha}.jpeg'\\)")
    assert decoded == []


def test_a_photo_file_of_a_photo_the_rules_leave_out_is_neither_decoded_nor_kept(
        world, monkeypatch, decoded):
    # No rule leaves a photo out today; should one, its file is as unchecked as one no photo
    # shows, and stays out of the store.
    x = laptop_work(world, world.a, photos=1, seed=1)
    y = laptop_work(world, world.a, photos=1, seed=2)
    left: list[tuple[str, str]] = []
    check = policy_mod.Policy.check

    def leave_out_x(self):
        decision = check(self)
        for row in self.rows["photos"]:
            if row["inspection_id"] == x:
                decision.skip.setdefault("photos", set()).add((row["id"],))
                left.append((row["id"], row["sha256"]))
        return decision

    monkeypatch.setattr(policy_mod.Policy, "check", leave_out_x)
    report = world.import_(world.export(world.a))
    assert report.status == "imported" and report.photos_added == 1
    ((left_id, left_sha),) = left
    assert left_sha not in decoded and len(decoded) == 1
    assert left_id not in rows(world.office, "photos")
    assert not any(name.startswith(left_sha) for name in photo_files(world.office))
    assert y


@pytest.mark.parametrize("entry", ["photos/../{sha}.jpg", "photos/x/../../{sha}.jpg"])
def test_a_photo_path_leaving_the_bundle_is_refused(world, entry, decoded):
    laptop_work(world, world.a)
    source = plain_export(world, world.a)
    data = jpeg(seed=3)
    name = entry.format(sha=bundle_mod.sha256(data))
    refused(world, forge(world, world.a, source, files={name: data}), BundleRefused,
            match="it holds an entry with a path outside the bundle")
    assert decoded == []


def test_a_photo_naming_a_path_instead_of_a_file_is_refused(world, decoded):
    inspection = laptop_work(world, world.a)
    source = plain_export(world, world.a)

    def point(tables: Rows) -> None:
        one(tables, "photos", inspection_id=inspection)["sha256"] = "../../../etc/passwd"

    before = state(world.office)
    refused(world, forge(world, world.a, source, point), BundleRefused,
            match="file fingerprint: is not a SHA-256 in hexadecimal")
    assert decoded == [] and state(world.office) == before


def _count_rules(monkeypatch) -> list[int]:
    runs: list[int] = []
    check = policy_mod.Policy.check
    monkeypatch.setattr(policy_mod.Policy, "check", lambda self: runs.append(1) or check(self))
    return runs


def test_the_rules_run_once_when_nothing_is_saved_meanwhile(world, monkeypatch):
    laptop_work(world, world.a, photos=2)
    runs = _count_rules(monkeypatch)
    assert world.import_(world.export(world.a)).status == "imported"
    assert len(runs) == 1


def test_the_window_may_save_while_the_photos_are_checked(world, monkeypatch):
    # The photos are checked with no transaction open (minutes, for many large ones): what
    # the window saves meanwhile is kept, and the import still goes through, its rules read
    # again on what is here now.
    import sqlite3

    from inspector_app.services.sync import importer

    laptop_work(world, world.a, photos=2)
    runs = _count_rules(monkeypatch)
    real = importer._stage_files
    saved: list[int] = []

    def save_meanwhile(*args, **kwargs):
        if not saved:
            window = sqlite3.connect(world.office.data_dir.database, timeout=0)
            with window:
                window.execute("INSERT OR REPLACE INTO settings (key, value) "
                               "VALUES ('saved meanwhile', 'yes')")
            window.close()
            saved.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "_stage_files", save_meanwhile)
    report = world.import_(world.export(world.a))
    assert report.status == "imported" and report.photos_added == 2
    assert len(runs) == 2
    assert world.office.db.execute("SELECT value FROM settings WHERE key = 'saved meanwhile'"
                                   ).fetchone()[0] == "yes"
    assert len(photo_files(world.office)) == 2


def test_a_save_during_the_merge_wins_and_the_import_says_to_import_again(world, monkeypatch):
    # What the user saves while a bundle is merged is kept (the window never waits for an
    # import); the import, which lost the race, changes nothing and says what happened and
    # what to do, not that another Inspector is open.
    import sqlite3

    from inspector_app.errors import DatabaseLockedError
    from inspector_app.services.sync import importer

    laptop_work(world, world.a, photos=2)
    before = {t: rows(world.office, t) for t in ("inspections", "answers", "photos")}
    run = importer.Merger.run

    def save_first(self, *args, **kwargs):
        window = sqlite3.connect(world.office.data_dir.database, timeout=0)
        with window:
            window.execute("INSERT OR REPLACE INTO settings (key, value) "
                           "VALUES ('saved meanwhile', 'yes')")
        window.close()
        return run(self, *args, **kwargs)

    monkeypatch.setattr(importer.Merger, "run", save_first)
    bundle = world.export(world.a)
    with pytest.raises(DatabaseLockedError) as caught:
        world.import_(bundle)
    text = caught.value.localized("en")
    assert "while the bundle was being merged" in text and "Import it again" in text
    assert "close it" not in text
    assert str(world.office.data_dir.root) in text
    assert "保存" in caught.value.localized("zh_CN")
    assert world.office.db.execute("SELECT value FROM settings WHERE key = 'saved meanwhile'"
                                   ).fetchone()[0] == "yes"
    assert {t: rows(world.office, t) for t in before} == before  # nothing of the bundle
    assert not photo_files(world.office)

    monkeypatch.setattr(importer.Merger, "run", run)
    assert world.import_(bundle).status == "imported"
    assert len(photo_files(world.office)) == 2


def test_the_rules_transaction_cannot_change_anything(world, monkeypatch):
    # The rules' own transaction is committed before the photos are checked: were a rule ever
    # to write, a photo refused afterwards would leave that write behind. It cannot write.
    import sqlite3

    laptop_work(world, world.a)
    check = policy_mod.Policy.check

    def writing_rule(self):
        self.db.execute("INSERT INTO settings (key, value) VALUES ('written by a rule', 'x')")
        return check(self)

    monkeypatch.setattr(policy_mod.Policy, "check", writing_rule)
    before = state(world.office)
    with pytest.raises((sqlite3.OperationalError, InspectorError)):
        world.import_(world.export(world.a))
    assert state(world.office) == before
    assert world.office.db.execute("SELECT count(*) FROM settings WHERE key = "
                                   "'written by a rule'").fetchone()[0] == 0


def test_a_photo_the_second_run_of_the_rules_leaves_out_is_not_kept(world, monkeypatch,
                                                                    decoded):
    # The window saved while the files were checked: the rules run again, and their second
    # verdict is the one the store follows. A photo it leaves out was checked after the first
    # run, yet its file stays out of the store, as one the first run had left out would.
    import sqlite3

    from inspector_app.services.sync import importer

    x = laptop_work(world, world.a, photos=1, seed=1)
    laptop_work(world, world.a, photos=1, seed=2)
    check = policy_mod.Policy.check
    runs: list[int] = []
    left: list[str] = []

    def second_run_leaves_out_x(self):
        decision = check(self)
        runs.append(1)
        if len(runs) == 2:
            for row in self.rows["photos"]:
                if row["inspection_id"] == x:
                    decision.skip.setdefault("photos", set()).add((row["id"],))
                    left.append(row["sha256"])
        return decision

    real = importer._stage_files

    def save_meanwhile(*args, **kwargs):
        if len(runs) == 1:
            window = sqlite3.connect(world.office.data_dir.database, timeout=0)
            with window:
                window.execute("INSERT OR REPLACE INTO settings (key, value) "
                               "VALUES ('saved meanwhile', 'yes')")
            window.close()
        return real(*args, **kwargs)

    monkeypatch.setattr(policy_mod.Policy, "check", second_run_leaves_out_x)
    monkeypatch.setattr(importer, "_stage_files", save_meanwhile)
    report = world.import_(world.export(world.a))
    assert report.status == "imported" and len(runs) == 2
    (left_sha,) = left
    assert left_sha in decoded  # checked after the first run, which still wanted it
    assert not any(name.startswith(left_sha) for name in photo_files(world.office))
    assert len(photo_files(world.office)) == 1 and report.photos_added == 1
