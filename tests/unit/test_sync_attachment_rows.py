"""An emergency plan's, drill's or station's file row from a laptop says what the window would
have recorded: the size of the file it names, a name the window would take, and a file that
is in the bundle or here, else the import says it is missing (as it does of photos)."""

from __future__ import annotations

import pytest

from inspector_app.services.emergency import attachment_folder
from inspector_app.services.sync.bundle import BundleRefused
from inspector_app.services.sync.report import summary
from tests.unit.test_sync import World, refused, state
from tests.unit.test_sync_attachment_order import (
    _image,
    _svc,
    office_plan_attached_on_the_laptop,
    stored,
)
from tests.unit.test_sync_policy import Rows, forge, later, one, plain_export


def _office_file(world: World, attached: dict) -> dict | None:
    return world.office.db.execute("SELECT name, size FROM emergency_files WHERE id = ?",
                                   [attached["id"]]).fetchone()


# -- the size a row records is its file's --
@pytest.mark.parametrize("off_by", [1, -1])
def test_a_file_row_whose_size_is_not_its_carried_files_is_refused(world, off_by):
    attached = office_plan_attached_on_the_laptop(world)
    source = plain_export(world, world.a)

    def resize(tables: Rows) -> None:
        one(tables, "emergency_files", id=attached["id"])["size"] = attached["size"] + off_by

    refused(world, forge(world, world.a, source, resize), BundleRefused,
            match=f"emergency plan file {attached['id']}, file size: says "
                  f"{attached['size'] + off_by:,} bytes, but its file "
                  f"'emergency_files/{attached['sha256']}.jpg' has {attached['size']:,}")
    assert stored(world.office) == set()


def test_a_file_row_whose_size_is_not_its_file_here_is_refused(world):
    # The file came with an earlier bundle; a later row naming it says another size.
    attached = office_plan_attached_on_the_laptop(world)
    assert world.import_(world.export(world.a)).status == "imported"
    source = plain_export(world, world.a, full=True)

    def resize(tables: Rows) -> None:
        one(tables, "emergency_files", id=attached["id"]).update(
            size=attached["size"] * 2, updated_at=later())

    refused(world, forge(world, world.a, source, resize, drop=("emergency_files/",)),
            BundleRefused,
            match=f"emergency plan file {attached['id']}, file size: says "
                  f"{attached['size'] * 2:,} bytes, but its file here has "
                  f"{attached['size']:,}")


def test_a_file_row_of_the_right_size_is_taken(world):
    attached = office_plan_attached_on_the_laptop(world)
    report = world.import_(world.export(world.a))
    assert report.status == "imported" and report.tables["emergency_files"].added == 1
    assert _office_file(world, attached) == (attached["name"], attached["size"])


# -- the name a row records is one the window takes --
@pytest.mark.parametrize(("name", "why"), [
    ("../../etc/passwd.jpg", "names folders (/, \\, :, ..); a file's name must not"),
    ("scans\\plan.jpg", "names folders"),
    ("C:plan.jpg", "names folders"),
    ("..", "is empty; a file needs a name"),
    ("   ", "is empty; a file needs a name"),
    ("预" * 201 + ".jpg", "not a usable file name"),
    (" 现场照片.jpg", "begins or ends with a space or another blank"),
    ("现场照片.jpg  ", "begins or ends with a space"),
    ("现场照片.jpg\u3000", "begins or ends with a space"),    # the ideographic space
])
def test_a_file_name_the_window_refuses_is_refused(world, name, why):
    attached = office_plan_attached_on_the_laptop(world)
    source = plain_export(world, world.a)

    def rename(tables: Rows) -> None:
        one(tables, "emergency_files", id=attached["id"])["name"] = name

    bundle = forge(world, world.a, source, rename)
    before = state(world.office)
    with pytest.raises(BundleRefused) as caught:
        world.import_(bundle)
    assert state(world.office) == before
    text = str(caught.value)
    assert f"emergency plan file {attached['id']}, name: " in text and why in text
    assert text.endswith(". Nothing was changed.") and ".." not in text[-30:]
    assert stored(world.office) == set()
    chinese = caught.value.localized("zh_CN")
    assert attached["id"] in chinese and why not in chinese and "。。" not in chinese


def test_a_long_name_the_window_takes_is_taken(world):
    attached = office_plan_attached_on_the_laptop(world)
    source = plain_export(world, world.a)
    name = "预" * 196 + ".jpg"  # 200 characters, as the window allows

    def rename(tables: Rows) -> None:
        one(tables, "emergency_files", id=attached["id"])["name"] = name

    assert world.import_(forge(world, world.a, source, rename)).status == "imported"
    assert _office_file(world, attached) == (name, attached["size"])


# -- a file neither carried nor here is said missing --
def test_a_file_lost_on_the_laptop_is_said_missing_and_its_row_arrives(world):
    attached = office_plan_attached_on_the_laptop(world)
    lost = _svc(world.a).attach("plan", attached["owner_id"],
                                _image(world.root / "现场照片.png", "green", "PNG"))
    (attachment_folder(world.a.data_dir) / f"{lost['sha256']}.png").unlink()

    report = world.import_(world.export(world.a))
    assert report.status == "imported" and report.tables["emergency_files"].added == 2
    assert _office_file(world, lost) == ("现场照片.png", lost["size"])
    assert stored(world.office) == {f"{attached['sha256']}.jpg"}
    line = ("  ! 1 emergency plan file(s) were missing on the sending computer; their records "
            "came without them: 现场照片.png")
    assert line in report.lines()
    assert line[4:] in summary(report.to_json(), "in", "en")
    chinese = "\n".join(report.lines("zh_CN"))
    assert "现场照片.png" in chinese and "were missing" not in chinese


def test_a_file_already_here_is_not_said_missing(world):
    attached = office_plan_attached_on_the_laptop(world)
    assert world.import_(world.export(world.a)).status == "imported"
    source = plain_export(world, world.a, full=True)

    def renamed(tables: Rows) -> None:
        one(tables, "emergency_files", id=attached["id"]).update(name="扫描件.jpg",
                                                                  updated_at=later())

    report = world.import_(forge(world, world.a, source, renamed, drop=("emergency_files/",)))
    assert report.status == "imported"
    assert not [line for line in report.lines() if "missing" in line]
    assert _office_file(world, attached) == ("扫描件.jpg", attached["size"])
