"""Encryption for the office: ephemeral ECDH with the organisation's root key, HKDF-SHA256, then
AES-256-GCM in 1 MiB chunks.

The key is fresh for every bundle (a new ephemeral key), so chunk nonces can be a counter; the
last chunk is flagged in its nonce, so a cut-off payload, reordered or dropped chunks all fail
authentication. Chunking keeps memory flat for a bundle of several gigabytes of photos.
"""

from __future__ import annotations

import json
from typing import IO, Any

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from inspector_app.errors import CorruptFileError
from inspector_app.i18n import N_
from inspector_app.services.pki import fingerprint
from inspector_app.services.progress import Progress

ENVELOPE_FORMAT = "inspector-envelope/1"
CHUNK = 1024 * 1024
TAG = 16


class EnvelopeError(CorruptFileError):
    title = N_("Cannot decrypt")


def _key(private: ec.EllipticCurvePrivateKey, public: ec.EllipticCurvePublicKey,
         header: bytes) -> bytes:
    shared = private.exchange(ec.ECDH(), public)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"inspector-bundle/1 " + header).derive(shared)


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def make_header(recipient: x509.Certificate, bundle_id: str
                ) -> tuple[dict[str, Any], bytes, ec.EllipticCurvePrivateKey]:
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    header = {
        "format": ENVELOPE_FORMAT,
        "bundle_id": bundle_id,
        "recipient_fingerprint": fingerprint(recipient),
        "ephemeral_public_key": ephemeral.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode(),
        "cipher": "ECDH-P256+HKDF-SHA256+AES-256-GCM, 1 MiB chunks",
    }
    raw = json.dumps(header, sort_keys=True, ensure_ascii=False).encode()
    return header, raw, ephemeral


def encrypt_stream(recipient: x509.Certificate, header_raw: bytes,
                   ephemeral: ec.EllipticCurvePrivateKey, source: IO[bytes], sink: IO[bytes],
                   size: int, progress: Progress | None = None) -> None:
    public = recipient.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey):
        raise EnvelopeError(N_("The organisation's certificate has no EC key to encrypt for."))
    aead = AESGCM(_key(ephemeral, public, header_raw))
    counter, done = 0, 0
    while True:
        chunk = source.read(CHUNK)
        done += len(chunk)
        last = done >= size
        sink.write(aead.encrypt(_nonce(counter, last), chunk, header_raw))
        counter += 1
        if progress is not None:
            progress.progress(done, size, "encrypting")
            progress.check_cancelled()
        if last:
            return


def read_header(raw: bytes) -> dict[str, Any]:
    try:
        header = json.loads(raw)
        ok = isinstance(header, dict) and all(
            isinstance(header.get(k), str)
            for k in ("format", "bundle_id", "recipient_fingerprint", "ephemeral_public_key"))
    except ValueError:
        ok = False
    if not ok:
        raise EnvelopeError(N_("The bundle's envelope is damaged."))
    return header


def decrypt_stream(key: ec.EllipticCurvePrivateKey, header_raw: bytes, header: dict[str, Any],
                   source: IO[bytes], sink: IO[bytes], limit: int) -> None:
    """Decrypt into ``sink``; any damage anywhere raises EnvelopeError."""
    try:
        public = serialization.load_pem_public_key(header["ephemeral_public_key"].encode())
    except ValueError:
        raise EnvelopeError(N_("The bundle's envelope is damaged (bad public key).")) from None
    if not isinstance(public, ec.EllipticCurvePublicKey):
        raise EnvelopeError(N_("The bundle's envelope is damaged (not an EC key)."))
    aead = AESGCM(_key(key, public, header_raw))
    counter, written = 0, 0
    chunk = source.read(CHUNK + TAG)
    while True:
        following = source.read(CHUNK + TAG)
        last = not following
        try:
            plain = aead.decrypt(_nonce(counter, last), chunk, header_raw)
        except InvalidTag:
            raise EnvelopeError(N_("The bundle was altered or cut off: its encrypted content does "
                                   "not authenticate. Nothing was imported.")) from None
        written += len(plain)
        if written > limit:
            raise EnvelopeError(N_("The bundle is absurdly large; nothing was imported."))
        sink.write(plain)
        if last:
            return
        counter += 1
        chunk = following
