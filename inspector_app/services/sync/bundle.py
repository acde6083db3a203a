"""The ``inspector-bundle/1`` format: names, the signed manifest, and the checks a bundle must
pass before anything in it is believed.

Layout of the (inner) zip::

    manifest.json        format, bundle_id, kind, device, created_at, watermark, entries, counts
    manifest.sig.json    signer certificate + chain (PEM), base64 ECDSA-SHA256 over manifest.json
    rows/<table>.jsonl   one JSON object per row
    photos/<sha256><ext> photo originals, exactly as stored
    documents/<sha256>.pdf  the PDFs made, exactly as written (the documents rows' file_sha256)

An encrypted bundle is an outer zip of ``envelope.json`` + ``payload.bin`` (see envelope.py).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import stat
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from inspector_app.errors import CorruptFileError, InspectorError, NewerVersionError
from inspector_app.i18n import N_, Message
from inspector_app.services.pki import PkiService, cert_info, fingerprint, load_pem
from inspector_app.services.sync.tables import BY_NAME

FORMAT = "inspector-bundle"
VERSION = 2  # 2: checklists travel once, in template_snapshots (1 still imports)
SUFFIX = ".inspx"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig.json"
ENVELOPE = "envelope.json"
PAYLOAD = "payload.bin"
KINDS = ("laptop", "office", "full")

# Declared uncompressed bytes of all entries: what no district's full bundle reaches (100,000
# inspections are about 4 GB). Below it, the room an import needs must be free on the data
# folder's disk (``check_room``): the limit scales with what this computer can hold.
MAX_TOTAL = 64 * 1024**3
# Free space an import leaves on the data folder's disk, and what it needs per byte of rows:
# the scratch copy of the checked rows, then the rows in the database and its journal.
RESERVE = 1024**3
ROOM_PER_ROW_BYTE = 3
MAX_RATIO = 200                  # uncompressed / compressed, for entries over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ENTRIES = 200_000
MAX_MANIFEST = 64 * 1024 * 1024
PHOTO_EXTS = (".jpg", ".jpeg", ".png", ".webp", ".heic")
_PHOTO_RE = re.compile(r"^photos/([0-9a-f]{64})(\.[a-z0-9]{1,5})$")
_ROWS_RE = re.compile(r"^rows/([a-z_]+)\.jsonl$")
_DOCUMENT_RE = re.compile(r"^documents/([0-9a-f]{64})\.pdf$")
# Files of emergency plans, drills and stations, named as their store names them.
_ATTACHMENT_RE = re.compile(r"^emergency_files/([0-9a-f]{64})\.(pdf|docx|jpg|png)$")


class BundleRefused(InspectorError):
    """The bundle is not imported; the message says why. Nothing was changed."""

    title = N_("Bundle refused")


REFUSED = N_("The bundle was refused: {reason}. Nothing was changed.")


def refuse(reason: str, /, **params: Any) -> BundleRefused:
    """The bundle refused for ``reason``, a catalogue message id with its ``params``."""
    return BundleRefused(REFUSED, reason=Message(reason, **params))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- zip safety --
def check_zip_entries(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Refuse zip slip, symlinks, directories and zip bombs, from the central directory alone."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise refuse(N_("it holds far too many files"))
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        parts = name.split("/")
        if (name.startswith(("/", "\\")) or "\\" in name or ":" in name or ".." in parts
                or "" in parts or "." in parts):
            raise refuse(N_("it holds an entry with a path outside the bundle ({name!r})"),
                         name=name)
        if (not 0 <= info.header_offset < getattr(zf, "start_dir", MAX_TOTAL)
                or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
                or info.flag_bits & 0x41  # encrypted by zip itself: never written by Inspector
                or info.extract_version > zipfile.MAX_EXTRACT_VERSION):
            raise refuse(N_("its table of contents is damaged (entry {name!r})"), name=name)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise refuse(N_("it holds a symbolic link ({name!r})"), name=name)
        if info.is_dir():
            raise refuse(N_("it holds an unexpected folder entry ({name!r})"), name=name)
        if name in seen:
            raise refuse(N_("it holds the entry {name!r} twice"), name=name)
        seen.add(name)
        total += info.file_size
        if total > MAX_TOTAL:
            raise refuse(N_("its content would unpack to an absurd size (over {limit} GB)"),
                         limit=MAX_TOTAL // 1024**3)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refuse(N_("the entry {name!r} is compressed suspiciously well (a zip bomb)"),
                         name=name)
    return infos


def check_room(infos: list[zipfile.ZipInfo], folder: Path) -> None:
    """Refuse a bundle whose import would fill the disk of ``folder`` (the data folder): its
    rows are copied to a scratch database, then into the database with its journal, and its
    files into the stores, with ``RESERVE`` left free."""
    need = RESERVE + sum(info.file_size * (ROOM_PER_ROW_BYTE if info.filename.startswith("rows/")
                                           else 1) for info in infos)
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # unknown: the writes themselves report a full disk, and roll back
    if need > free:
        raise refuse(N_("importing it needs about {need:.1f} GB of free disk space, and the data "
                        "folder's disk has {free:.1f} GB"), need=need / 1e9, free=free / 1e9)


def read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The entry's bytes, never more than ``limit`` whatever the headers claim."""
    with zf.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise refuse(N_("the entry {filename!r} is larger than it says"), filename=info.filename)
    return data


def entry_kind(path: str) -> tuple[str, str]:
    """('rows', table), ('photo' | 'document' | 'attachment', sha256); refuses anything else.
    The whole name must match: ``$`` alone also matches before a final line break."""
    if m := _ROWS_RE.fullmatch(path):
        if m.group(1) not in BY_NAME:
            raise refuse(N_("it carries a table this program does not accept ({table})"),
                         table=m.group(1))
        return "rows", m.group(1)
    if (m := _PHOTO_RE.fullmatch(path)) and m.group(2) in PHOTO_EXTS:
        return "photo", m.group(1)
    if m := _DOCUMENT_RE.fullmatch(path):
        return "document", m.group(1)
    if m := _ATTACHMENT_RE.fullmatch(path):
        return "attachment", m.group(1)
    raise refuse(N_("it holds an unexpected file ({path!r})"), path=path)


# -- the manifest and its signature --
def sign_manifest(manifest_raw: bytes, cert: x509.Certificate,
                  key: ec.EllipticCurvePrivateKey, chain: list[x509.Certificate]) -> bytes:
    from inspector_app.services.pki import pem

    signature = key.sign(manifest_raw, ec.ECDSA(hashes.SHA256()))
    return json.dumps({"algorithm": "ECDSA-P256-SHA256", "cert_pem": pem(cert),
                       "chain_pem": "".join(pem(c) for c in chain),
                       "signature": base64.b64encode(signature).decode()},
                      indent=1).encode()


@dataclass(frozen=True)
class Signer:
    name: str
    fingerprint: str
    serial: str
    expired_on: str | None = None
    is_root: bool = False             # signed by a trusted office root itself
    enforcement_id: str | None = None


def verify_manifest(manifest_raw: bytes, sig_raw: bytes, pki: PkiService) -> Signer:
    """The manifest is signed by a device whose certificate a trusted office issued and did not
    revoke (or by the office's root itself, for office bundles)."""
    try:
        sig = json.loads(sig_raw)
        cert = load_pem(sig["cert_pem"])
        signature = base64.b64decode(sig["signature"], validate=True)
    except (ValueError, KeyError, TypeError):
        raise refuse(N_("its signature file is damaged")) from None
    roots = pki.trust_roots()
    root_fps = {fingerprint(r): r for r in roots}
    info = cert_info(cert)
    if fingerprint(cert) in root_fps:
        issuer_fp = fingerprint(cert)
    else:
        issuer = next((r for r in roots if r.subject == cert.issuer), None)
        try:
            if issuer is None:
                raise ValueError
            cert.verify_directly_issued_by(issuer)
        except (ValueError, TypeError, InvalidSignature):
            raise refuse(N_("it was signed by an unknown device ({certificate}), not one issued by"
                            " a trusted office"), certificate=info.described()) from None
        issuer_fp = fingerprint(issuer)
    # An expired but unrevoked certificate still proves where the data came from; refusing it
    # would strand an inspector's records on the laptop. The report says so.
    revoked_at = pki.revoked(issuer_fp, info.serial)
    if revoked_at:
        raise refuse(N_("it was signed by a revoked device certificate ({certificate}, revoked "
                        "{revoked_at})"), certificate=info.described(), revoked_at=revoked_at[:10])
    now = datetime.now(UTC)
    if now < info.not_before:
        raise refuse(N_("the signer's certificate is not valid yet ({certificate})"),
                     certificate=info.described())
    public = cert.public_key()
    try:
        if not isinstance(public, ec.EllipticCurvePublicKey):
            raise InvalidSignature
        public.verify(signature, manifest_raw, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise refuse(N_("its manifest signature is invalid (the bundle was altered)")) from None
    return Signer(info.subject_name, fingerprint(cert), info.serial,
                  expired_on=f"{info.not_after:%Y-%m-%d}" if now > info.not_after else None,
                  is_root=fingerprint(cert) in root_fps, enforcement_id=info.enforcement_id)


def parse_manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw)
    except ValueError:
        raise refuse(N_("its manifest is damaged")) from None
    if not isinstance(manifest, dict):
        raise refuse(N_("its manifest is damaged"))
    fmt = str(manifest.get("format", ""))
    name, _, version = fmt.partition("/")
    if name != FORMAT or not version.isdigit():
        raise refuse(N_("it is not an Inspector bundle"))
    if int(version) > VERSION:
        raise NewerVersionError(
            N_("The bundle was made by a newer version of Inspector (format {fmt}; this program "
               "reads up to {format}/{version}). Install the newer version; nothing was changed."),
            fmt=fmt, format=FORMAT, version=VERSION)
    entries = manifest.get("entries")
    if (not isinstance(entries, list) or not isinstance(manifest.get("bundle_id"), str)
            or manifest.get("kind") not in KINDS or not isinstance(manifest.get("device_id"), str)
            or not all(isinstance(e, dict) and isinstance(e.get("path"), str)
                       and isinstance(e.get("sha256"), str) and isinstance(e.get("size"), int)
                       for e in entries)):
        raise refuse(N_("its manifest is incomplete"))
    return manifest


def not_a_bundle(detail: str = "") -> CorruptFileError:
    return CorruptFileError(N_("The file is not a complete Inspector bundle (damaged, cut off "
                               "or not "
                               "a bundle{value}). Nothing was changed."),
                            value=': ' + detail if detail else '')
