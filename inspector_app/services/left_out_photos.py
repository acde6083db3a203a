"""Photos a document leaves out, named so that an inspector can find and mend them.

A photo whose original is missing or was changed on disk since it was taken in cannot be
printed: its place in the document is an empty box. That is said to whoever exports the
document, and nobody signs pages (or a record) that leave a photo out: the signer is told which
photo, where it belongs, and what to do, before anything is signed.
"""

from __future__ import annotations

from collections.abc import Iterable

from inspector_app.domain.photo import Photo
from inspector_app.errors import InspectorError
from inspector_app.i18n import N_, Listing, Message
from inspector_app.services.pdf.model import RecordData, Sheet

# What the user does about it, the same in every message below.
_MEND = N_("Put each original back from a backup, or remove the photo and attach it again")


class PhotosLeftOut(InspectorError):
    title = N_("Photos left out")


def left_out_of(sheet: Sheet) -> list[Photo]:
    """The photos ``sheet`` shows as an empty box (no print copy could be made or checked)."""
    return [photo for photo in _photos(sheet) if sheet.photo_files.get(photo.id, "") is None]


def named(photos: Iterable[Photo], records: Iterable[RecordData]) -> Listing:
    """Each photo by its file name and where it belongs (hazard number or checklist item)."""
    records = list(records)
    return Listing(_named_one(photo, records) for photo in photos)


def unsigned_warning(sheet: Sheet) -> Message | None:
    """What an export of ``sheet`` without a signature tells its user, or None."""
    photos = left_out_of(sheet)
    if not photos:
        return None
    return Message(N_("These photos were left out of the PDF (an empty box in their place): "
                      "{photos}. Their originals are missing or were changed on disk since "
                      "they were taken in. {mend}."),
                   photos=named(photos, _records(sheet)), mend=Message(_MEND))


def refuse_signing_pages(sheet: Sheet) -> None:
    """Refuse to sign pages that leave a photo out (PhotosLeftOut)."""
    photos = left_out_of(sheet)
    if photos:
        raise PhotosLeftOut(
            N_("The PDF was not signed or written: these photos would be left out of it, "
               "their originals missing or changed on disk since they were taken in: "
               "{photos}. {mend} (a signed record: in a new revision, Amend), then export "
               "again."),
            photos=named(photos, _records(sheet)), mend=Message(_MEND))


def refuse_signing_record(photos: list[Photo], record: RecordData) -> None:
    """Refuse to sign and lock a record whose photos' originals are not as taken in."""
    if photos:
        raise PhotosLeftOut(
            N_("The record was not signed: the originals of these photos are missing or were "
               "changed on disk since they were taken in, so its documents would leave them "
               "out: {photos}. {mend}, then sign."),
            photos=named(photos, [record]), mend=Message(_MEND))


def _photos(sheet: Sheet) -> list[Photo]:
    photos = list(sheet.data.photos)
    if sheet.followed is not None:
        photos += sheet.followed.photos
    return photos


def _records(sheet: Sheet) -> list[RecordData]:
    return [sheet.data] + ([sheet.followed] if sheet.followed is not None else [])


def _named_one(photo: Photo, records: list[RecordData]) -> Message | str:
    name = photo.original_name or photo.sha256[:12]
    for data in records:
        record = data.record
        if photo.inspection_id != record.id:
            continue
        for finding in record.findings:
            if finding.id == photo.finding_id:
                return Message(N_("{name} (hazard {seq})"), name=name, seq=finding.seq)
        if photo.item_id:
            try:
                item = record.template.item(photo.item_id).text
            except KeyError:
                break
            return Message(N_("{name} (item “{item}”)"), name=name, item=item)
    return name
