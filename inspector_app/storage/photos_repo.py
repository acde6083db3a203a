"""The ``photos`` table: a photo's metadata, and the few facts about its inspection that decide
whether it may change. The files themselves are ``photo_store``'s; the rules are
``services.photos``'.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from inspector_app.domain.photo import Photo, PhotoTag, shapes_from_json

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = ("id, sha256, inspection_id, item_id, finding_id, caption, tag, original_name, mime, "
            "size_bytes, width, height, orientation, taken_at, gps_lat, gps_lon, camera, "
            "annotations, deleted_at, created_at")


def _photo(row: Sequence[Any]) -> Photo:
    (id_, sha, inspection_id, item_id, finding_id, caption, tag, original_name, mime, size,
     width, height, orientation, taken_at, gps_lat, gps_lon, camera, annotations, deleted_at,
     created_at) = row
    return Photo(id_, sha, inspection_id, item_id, finding_id, caption, PhotoTag(tag),
                 original_name, mime, size, width, height, orientation, taken_at, gps_lat,
                 gps_lon, camera, annotations=shapes_from_json(annotations),
                 deleted_at=deleted_at, created_at=created_at)


class PhotosRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, photo_id: str) -> Photo | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM photos WHERE id = ?", [photo_id]).fetchone()
        return _photo(row) if row is not None else None

    def list(self, inspection_id: str, *, item_id: str | None = None,
             finding_id: str | None = None, tag: PhotoTag | None = None,
             whole_inspection: bool = False) -> list[Photo]:
        """The inspection's photos not deleted, in the order they were added."""
        sql = f"SELECT {_COLUMNS} FROM photos WHERE inspection_id = ? AND deleted_at IS NULL"
        params: list[Any] = [inspection_id]
        if item_id is not None:
            sql += " AND item_id = ?"
            params.append(item_id)
        if finding_id is not None:
            sql += " AND finding_id = ?"
            params.append(finding_id)
        if whole_inspection:
            sql += " AND item_id IS NULL AND finding_id IS NULL"
        if tag is not None:
            sql += " AND tag = ?"
            params.append(tag.value)
        return [_photo(r) for r in self.db.execute(sql + " ORDER BY created_at, rowid", params)]

    def inspection_status(self, inspection_id: str) -> str | None:
        """The inspection's status, or None when there is no such inspection."""
        row = self.db.execute("SELECT status FROM inspections WHERE id = ?",
                              [inspection_id]).fetchone()
        return row[0] if row is not None else None

    def hazard_photographable(self, inspection_id: str, finding_id: str) -> bool:
        """The hazard is the inspection's own, or one of the inspection it re-inspects (its
        after-photos belong there)."""
        row = self.db.execute(
            "SELECT 1 FROM findings f JOIN inspections i ON i.id = ? "
            "WHERE f.id = ? AND f.inspection_id IN (i.id, i.follows_inspection_id)",
            [inspection_id, finding_id]).fetchone()
        return row is not None

    def same_photo(self, inspection_id: str, sha: str, item_id: str | None,
                   finding_id: str | None, tag: PhotoTag) -> str | None:
        """The id of the same picture already attached to the same place with the same tag."""
        row = self.db.execute(
            "SELECT id FROM photos WHERE inspection_id = ? AND sha256 = ? AND deleted_at IS NULL"
            " AND item_id IS ? AND finding_id IS ? AND tag = ?",
            [inspection_id, sha, item_id, finding_id, tag.value]).fetchone()
        return row[0] if row is not None else None

    def original_in_use(self, sha: str) -> bool:
        """Whether a row names this original, asked with the write lock held (inside the
        caller's transaction): no other ingest can commit a row on it until that ends."""
        # A write, even of nothing, takes the database's write lock; the read then sees every
        # row committed before it, and none can be committed after it until the caller ends.
        self.db.execute("UPDATE photos SET sha256 = sha256 WHERE 0")
        return self.db.execute("SELECT 1 FROM photos WHERE sha256 = ? LIMIT 1",
                               [sha]).fetchone() is not None

    def insert(self, row: dict[str, Any]) -> None:
        """Inside the caller's transaction (with its audit row)."""
        self.db.table("photos").insert(row)

    def update(self, photo_id: str, fields: dict[str, Any]) -> None:
        """Inside the caller's transaction (with its audit row)."""
        self.db.table("photos").update(photo_id, fields)
