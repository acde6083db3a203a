"""The office's certificates: an offline root, inspectors' signing identities, revocations.

The supervisor's machine holds the organisation's root key (encrypted with a passphrase). It
issues each inspector a certificate with digital-signature and non-repudiation key usage, handed
over as a PKCS#12 enrolment file protected by a one-time passphrase. A laptop stores the imported
key re-encrypted with the inspector's own passphrase; no private key is ever stored in clear.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID

from inspector_app.domain.pki import CertInfo, passphrase_problem
from inspector_app.domain.profile import Device
from inspector_app.domain.records import record_stamp
from inspector_app.errors import (
    CorruptFileError,
    Hint,
    InspectorError,
    NotFoundError,
    ValidationError,
)
from inspector_app.i18n import N_, Message
from inspector_app.services import key_encryption
from inspector_app.services.key_encryption import encrypt_private_key, needs_stronger_encryption
from inspector_app.storage.files import PRIVATE_FILE, check_output_target, write_atomic_checked
from inspector_app.storage.pki_repo import PkiRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

ROOT_YEARS = 20
DEFAULT_DAYS = 3 * 365
MAX_DAYS = 10 * 365  # longer than any laptop lives; a longer certificate is a typing error
MAX_ENROLMENT_BYTES = 1_000_000
WORDS_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def check_enrolment_target(target: Path) -> None:
    """Refuse an enrolment file's target before a certificate number is spent on it."""
    check_output_target(target)


def save_enrolment_file(target: Path, data: bytes) -> None:
    # The enrolment file holds a private key: for its owner's eyes only.
    write_atomic_checked(target, data, mode=PRIVATE_FILE)


def one_time_passphrase() -> str:
    """Easy to read aloud or copy from paper: four groups of four, no look-alike characters."""
    return "-".join("".join(secrets.choice(WORDS_ALPHABET) for _ in range(4)) for _ in range(4))


class WrongPassphrase(InspectorError):
    title = N_("Wrong passphrase")


# -- certificates --
def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def _name_value(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else None


def cert_info(cert: x509.Certificate) -> CertInfo:
    return CertInfo(
        serial=format(cert.serial_number, "x"),
        subject_name=_name_value(cert.subject, NameOID.COMMON_NAME) or "?",
        enforcement_id=_name_value(cert.subject, NameOID.SERIAL_NUMBER),
        organisation=_name_value(cert.subject, NameOID.ORGANIZATION_NAME),
        issuer_name=_name_value(cert.issuer, NameOID.COMMON_NAME) or "?",
        fingerprint=fingerprint(cert),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        self_signed=cert.issuer == cert.subject,
    )


def load_pem(pem: str | bytes) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem.encode() if isinstance(pem, str) else pem)


def pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def _encrypt_key(key: ec.EllipticCurvePrivateKey, passphrase: str) -> str:
    return encrypt_private_key(key, passphrase)


def _enrolment_encryption(passphrase: str) -> serialization.KeySerializationEncryption:
    """PKCS#12 with AES-256 and PBKDF2 at the same cost as keys at rest (the library's
    default uses far fewer rounds); OpenSSL 3, Windows and macOS read it."""
    return (serialization.PrivateFormat.PKCS12.encryption_builder()
            .kdf_rounds(key_encryption.KDF_ITERATIONS)
            .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
            .hmac_hash(hashes.SHA256())
            .build(passphrase.encode()))


# Runs ``fn(*args)`` and returns what it returns (raising what it raises), on a thread of its
# choosing: the window's waits off its own thread, a command's runs it in place.
Runner = Callable[..., Any]


def _here(fn: Callable[..., T], *args: Any) -> T:
    return fn(*args)


def decrypt_key(key_pem: str, passphrase: str) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(key_pem.encode(), passphrase.encode())
    except (ValueError, TypeError):
        raise WrongPassphrase(N_("The passphrase is wrong.")) from None
    return key  # type: ignore[return-value]


T = TypeVar("T")

# RFC 5280's upper bound for a common name, an organisation name and a serial number; the
# cryptography library counts it in UTF-8 bytes, so 21 Chinese characters at most.
NAME_FIELD_BYTES = 64
ROOT_SUFFIX = " 检查文书根证书"
ROOT_SUFFIX_EN = " Inspector Root"
_PRINTABLE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?")


def fit_field(text: str, limit: int = NAME_FIELD_BYTES) -> str:
    """``text`` cut (with "…") to ``limit`` UTF-8 bytes, never inside a character.

    For fields that only label a certificate (the office's name in it): the full name is kept
    in the database and shown from there.
    """
    if len(text.encode("utf-8")) <= limit:
        return text
    room = limit - len("…".encode())
    cut = text.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    return cut.rstrip() + "…"


def person_field(value: str, what: Message) -> str:
    """A field that identifies a person is never shortened: too long is refused, clearly."""
    if len(value.encode("utf-8")) > NAME_FIELD_BYTES:
        raise ValidationError(
            N_("The {what} \"{value}…\" is too long for a certificate: at most "
               "{name_field_bytes} bytes (21 Chinese characters or 64 letters)."),
            what=what, value=value[:30], name_field_bytes=NAME_FIELD_BYTES)
    return value


def root_common_name(org_name: str) -> str:
    """The root's name: the office's name and what the certificate is for, as far as it fits."""
    for suffix in (ROOT_SUFFIX + ROOT_SUFFIX_EN, ROOT_SUFFIX):
        if len((org_name + suffix).encode("utf-8")) <= NAME_FIELD_BYTES:
            return org_name + suffix
    return fit_field(org_name, NAME_FIELD_BYTES - len(ROOT_SUFFIX.encode())) + ROOT_SUFFIX


def _name(common_name: str, organisation: str | None,
          enforcement_id: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organisation:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, fit_field(organisation)))
    if enforcement_id:
        # X.520 wants a PrintableString; an ID with Chinese characters (闽A…) is kept as
        # UTF8String rather than refused or mangled.
        printable = set(enforcement_id) <= _PRINTABLE
        attrs.append(x509.NameAttribute(
            NameOID.SERIAL_NUMBER, enforcement_id,
            None if printable else _ASN1Type.UTF8String))
    return x509.Name(attrs)


def _signing_extensions(builder: x509.CertificateBuilder,
                        key: ec.EllipticCurvePrivateKey) -> x509.CertificateBuilder:
    return (builder
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False))


def make_root(org_name: str, *, now: datetime | None = None
              ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(root_common_name(org_name), org_name)
    cert = (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=365 * ROOT_YEARS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    return cert, key


def issue_cert(root: x509.Certificate, root_key: ec.EllipticCurvePrivateKey, name: str,
               enforcement_id: str | None, organisation: str, *, days: int = DEFAULT_DAYS,
               now: datetime | None = None
               ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (x509.CertificateBuilder()
               .subject_name(_name(name, organisation, enforcement_id))
               .issuer_name(root.subject).public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - timedelta(minutes=5))
               .not_valid_after(now + timedelta(days=days))
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                   root_key.public_key()), critical=False))
    return _signing_extensions(builder, key).sign(root_key, hashes.SHA256()), key


def self_signed_cert(name: str, organisation: str, *, days: int = DEFAULT_DAYS,
                     now: datetime | None = None
                     ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(name, organisation)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - timedelta(minutes=5))
               .not_valid_after(now + timedelta(days=days)))
    return _signing_extensions(builder, key).sign(key, hashes.SHA256()), key


def read_enrolment(data: bytes, passphrase: str
                   ) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate, list[x509.Certificate]]:
    """Open a PKCS#12 enrolment file, telling a damaged file from a wrong passphrase."""
    if len(data) > MAX_ENROLMENT_BYTES:
        raise CorruptFileError(N_("This is not an enrolment file (far too large)."))
    try:
        asn1_pkcs12.Pfx.load(data).native  # noqa: B018 - parses the whole structure
    except Exception:
        raise CorruptFileError(N_("The enrolment file is damaged or is not an enrolment file "
                                  "(PKCS#12).")) from None
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase.encode())
    except ValueError:
        raise WrongPassphrase(N_("The enrolment passphrase is wrong (or the file was "
                                 "altered).")) from None
    if key is None or cert is None or not isinstance(key, ec.EllipticCurvePrivateKey):
        raise CorruptFileError(N_("The enrolment file holds no usable signing key."))
    return key, cert, list(extra or [])


def verify_detached(cert_pem: str, signature: bytes, data: bytes) -> bool:
    cert = load_pem(cert_pem)
    try:
        cert.public_key().verify(signature, data, ec.ECDSA(hashes.SHA256()))  # type: ignore[call-arg]
    except InvalidSignature:
        return False
    return True


# -- the service --
class PkiService:
    # Without a device (None) the service only reads: trust roots and revocations.
    def __init__(self, db: Database, device: Device | None) -> None:
        self.db = db
        self.device = device
        self.repo = PkiRepo(db)

    # organisation (supervisor's machine)
    def org(self) -> tuple[str, x509.Certificate, str] | None:
        row = self.repo.org()
        return (row[0], load_pem(row[1]), row[2]) if row else None

    def init_org(self, name: str, passphrase: str) -> CertInfo:
        if not name.strip():
            raise ValidationError(N_("The organisation needs a name."))
        problem = passphrase_problem(passphrase)
        if problem:
            raise ValidationError(problem)
        if self.org() is not None:
            raise ValidationError(N_("This computer already holds an organisation's root "
                                     "certificate; it is made once."))
        cert, key = make_root(name.strip())
        with self.db.atomic():
            self.repo.add_org(name.strip(), pem(cert), _encrypt_key(key, passphrase))
            self._trust(cert)
        return cert_info(cert)

    def _org_key(self, passphrase: str) -> tuple[str, x509.Certificate,
                                                 ec.EllipticCurvePrivateKey]:
        org = self.org()
        if org is None:
            raise NotFoundError(N_("No organisation on this computer: its signing authority "
                                   "is created once, on the supervisor's computer."),
                                hint=Hint.CREATE_ORG)
        key = decrypt_key(org[2], passphrase)
        if needs_stronger_encryption(org[2]):
            with self.db.atomic():
                self.repo.replace_org_key(org[2], _encrypt_key(key, passphrase))
        return org[0], org[1], key

    def issue(self, name: str, enforcement_id: str | None, org_passphrase: str,
              enrolment_passphrase: str, *, days: int = DEFAULT_DAYS,
              now: datetime | None = None, target: Path | None = None
              ) -> tuple[bytes, CertInfo]:
        """A PKCS#12 enrolment file for an inspector and what it holds.

        With ``target`` the file is written there before the certificate is recorded as
        issued, in one step: a file that cannot be written leaves no certificate listed as
        valid that nobody holds."""
        if not 1 <= days <= MAX_DAYS:
            raise ValidationError(N_("A certificate is valid for 1 to {max_days} days (ten years); "
                                     "{days} days was asked for."), max_days=MAX_DAYS, days=days)
        problem = passphrase_problem(enrolment_passphrase)
        if problem:
            raise ValidationError(problem)
        if not name.strip():
            raise ValidationError(N_("The inspector needs a name."))
        if not 1 <= days <= ROOT_YEARS * 365:
            # Beyond the root's own life the certificate could never be trusted.
            raise ValidationError(N_("A certificate is valid for 1 to {number} days, "
                                     "not {days}."), number=ROOT_YEARS * 365, days=days)
        person_field(name.strip(), Message(N_("inspector's name")))
        person_field((enforcement_id or "").strip(), Message(N_("enforcement-ID number")))
        org_name, root, root_key = self._org_key(org_passphrase)
        cert, key = issue_cert(root, root_key, name.strip(), (enforcement_id or "").strip()
                               or None, org_name, days=days, now=now)
        data = pkcs12.serialize_key_and_certificates(
            name.strip().encode(), key, cert, [root],
            _enrolment_encryption(enrolment_passphrase))
        info = cert_info(cert)
        written = False
        try:
            with self.db.atomic():
                self.repo.add_issued({
                    "serial": info.serial, "issuer_fingerprint": fingerprint(root),
                    "subject_name": info.subject_name, "enforcement_id": info.enforcement_id,
                    "not_after": info.not_after.isoformat(), "cert_pem": pem(cert),
                    **record_stamp(self.device.id)})
                if target is not None:
                    save_enrolment_file(target, data)
                    written = True
        except BaseException:
            # The commit failed after the file was written (a full disk): a key for a
            # certificate the office has no record of, and so could never revoke, must not
            # stay on the stick.
            if written and target is not None:
                target.unlink(missing_ok=True)
            raise
        return data, info

    def revoke(self, serial: str, org_passphrase: str, reason: str = "") -> None:
        """Revoke an inspector's certificate (a lost laptop); laptops learn it by sync."""
        serial = serial.lower().lstrip("0") or "0"
        _, root, _ = self._org_key(org_passphrase)  # only the key holder may revoke
        if not self.repo.was_issued(serial):
            raise NotFoundError(N_("No certificate with serial {serial} was issued here."),
                                serial=serial)
        with self.db.atomic():
            self.repo.add_revocation(fingerprint(root), serial, reason or None, self.device.id)

    def issued(self) -> list[tuple[str, CertInfo, str | None]]:
        """Certificates issued here, oldest first: serial, what each says, when revoked (or
        None)."""
        return [(serial, cert_info(load_pem(cert_pem)), revoked)
                for serial, cert_pem, revoked in self.repo.issued()]

    # trust store
    def _trust(self, cert: x509.Certificate) -> None:
        self.repo.add_trust_root(fingerprint(cert), cert_info(cert).subject_name, pem(cert),
                                 self.device.id)

    def trust_roots(self) -> list[x509.Certificate]:
        return [load_pem(text) for text in self.repo.trust_root_pems()]

    def revoked(self, issuer_fingerprint: str, serial: str) -> str | None:
        return self.repo.revoked_at(issuer_fingerprint, serial)

    # this laptop's identity
    def import_identity(self, data: bytes, enrolment_passphrase: str,
                        new_passphrase: str) -> CertInfo:
        problem = passphrase_problem(new_passphrase)
        if problem:
            raise ValidationError(problem)
        key, cert, chain = read_enrolment(data, enrolment_passphrase)
        info = cert_info(cert)
        roots = [c for c in chain if c.issuer == c.subject and c.subject == cert.issuer]
        if not roots:
            raise CorruptFileError(N_("The enrolment file does not carry the office's root "
                                      "certificate."))
        with self.db.atomic():
            self.repo.add_identity(
                kind="issued", subject_name=info.subject_name,
                enforcement_id=info.enforcement_id, cert_pem=pem(cert),
                chain_pem="".join(pem(c) for c in roots),
                key_pem=_encrypt_key(key, new_passphrase))
            for root in roots:
                self._trust(root)
        return info

    def create_self_signed(self, name: str, organisation: str, passphrase: str) -> CertInfo:
        """For a company's own self-inspection: always shown as not issued by the office."""
        problem = passphrase_problem(passphrase)
        if problem:
            raise ValidationError(problem)
        if not name.strip():
            raise ValidationError(N_("The signing identity needs a name."))
        person_field(name.strip(), Message(N_("signer's name")))
        cert, key = self_signed_cert(name.strip(), organisation.strip())
        info = cert_info(cert)
        with self.db.atomic():
            self.repo.add_identity(
                kind="self_signed", subject_name=info.subject_name, enforcement_id=None,
                cert_pem=pem(cert), chain_pem="", key_pem=_encrypt_key(key, passphrase))
        return info

    def identity(self) -> tuple[CertInfo, str, str, str] | None:
        """(info, cert PEM, chain PEM, encrypted key PEM) of the active identity."""
        row = self.repo.active_identity()
        return (cert_info(load_pem(row[0])), row[0], row[1], row[2]) if row else None

    def unlock(self, passphrase: str, run: Runner | None = None
               ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey, list[x509.Certificate]]:
        """The identity's certificate, key and chain. ``run(fn, *args)`` runs the key
        derivation (600,000 PBKDF2 rounds, a few tenths of a second; the rounds touch no
        database), e.g. off the window's thread; by default here."""
        identity = self.identity()
        if identity is None:
            raise NotFoundError(N_("No signing identity on this computer."),
                                hint=Hint.IMPORT_IDENTITY)
        _, cert_pem, chain_pem, key_pem = identity
        run = run or _here
        key = run(decrypt_key, key_pem, passphrase)
        if needs_stronger_encryption(key_pem):
            # A key stored by an older version, with a weaker key derivation: the passphrase
            # is known right now, so it is re-encrypted at today's cost.
            stronger = run(_encrypt_key, key, passphrase)
            with self.db.atomic():
                self.repo.replace_identity_key(key_pem, stronger)
        chain = [x509.load_pem_x509_certificate(block.encode())
                 for block in _pem_blocks(chain_pem)]
        return load_pem(cert_pem), key, chain


def _pem_blocks(text: str) -> list[str]:
    marker = "-----END CERTIFICATE-----"
    return [b + marker + "\n" for b in text.split(marker) if "-----BEGIN CERTIFICATE-----" in b]
