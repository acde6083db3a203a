"""Two inspections take in the same photo at once: a refused or interrupted ingest never
removes the original the other one's row names."""

from __future__ import annotations

import hashlib
import threading

from inspector_app.domain.profile import Profile
from inspector_app.services import photos as photos_module
from inspector_app.services.inspections import InspectionService
from inspector_app.services.photos import PhotoService
from inspector_app.storage.repositories import InspectorRepo, ProfileRepo
from tests import images
from tests.factories import add_company, add_template


def _two_inspections(ctx) -> tuple[str, str]:
    key = add_template(ctx.db)
    ProfileRepo(ctx.db, ctx.device).save(Profile("张伟", "3205001", "泉台区应急管理局", "QT01",
                                                 "泉台"))
    people = InspectorRepo(ctx.db, ctx.device.id)
    team = [people.add("张伟", "32050011", "局").id, people.add("李娜", "32050012", "局").id]
    service = InspectionService(ctx.db, ctx.device, actor="张伟")
    return tuple(service.start(company_id=add_company(ctx.db, name=name), template_key=key,
                               kind="official", inspector_ids=team)
                 for name in ("泉台纺织有限公司", "金桥机械厂"))


def test_an_interrupted_ingest_keeps_the_original_another_ingest_committed(ctx, tmp_path,
                                                                          monkeypatch):
    first, second = _two_inspections(ctx)
    photos = PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟")
    source = images.jpeg(tmp_path / "DSC_0001.jpg", (640, 480), seed=5)
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    real = photos_module._read_image
    other_committed = threading.Event()

    def read_image(stream, size):
        if threading.current_thread().name == "interrupted":
            assert other_committed.wait(30)
            raise MemoryError  # as Ctrl-C or no memory would, after the other row is in
        return real(stream, size)

    monkeypatch.setattr(photos_module, "_read_image", read_image)
    raised: list[BaseException] = []

    def interrupted() -> None:
        try:
            photos.add_files(first, [source])
        except MemoryError as exc:
            raised.append(exc)

    thread = threading.Thread(target=interrupted, name="interrupted")
    thread.start()
    # The interrupted ingest has put the original under its final name before the other starts.
    deadline = threading.Event()
    while photos.store.find_original(sha) is None:
        assert not deadline.wait(0.01) and thread.is_alive()
    (added,) = photos.add_files(second, [source])
    other_committed.set()
    thread.join(30)
    assert added.status == "added" and raised
    assert photos.store.find_original(sha) is not None
    assert photos.original_path(photos.get(added.photo_id)).read_bytes() == source.read_bytes()


def test_an_original_removed_before_the_row_is_written_again(ctx, tmp_path, monkeypatch):
    (first, _second) = _two_inspections(ctx)
    photos = PhotoService(ctx.db, ctx.data_dir, ctx.device, "张伟")
    source = images.jpeg(tmp_path / "DSC_0002.jpg", (640, 480), seed=6)
    photos.store.put(source, hashlib.sha256(source.read_bytes()).hexdigest(), ".jpg")
    same_photo = photos.repo.same_photo

    def removed_meanwhile(*args, **kwargs):
        # What a refused ingest of the same bytes does between this one's staging and row.
        photos.store.find_original(args[1]).unlink()
        return same_photo(*args, **kwargs)

    monkeypatch.setattr(photos.repo, "same_photo", removed_meanwhile)
    (added,) = photos.add_files(first, [source])
    assert added.status == "added"
    assert photos.original_path(photos.get(added.photo_id)).read_bytes() == source.read_bytes()
