"""Rows of the office's certificates: the organisation's root key, certificates issued here,
revocations, trusted roots and this computer's signing identities.

Keys arrive and leave here already encrypted (PEM text); this module never sees a passphrase.
Writes do not open a transaction of their own: the PKI service wraps each change in one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inspector_app.domain.records import new_id, record_stamp, utcnow_iso

if TYPE_CHECKING:
    from sqlite_utils import Database


class PkiRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- the organisation's root (supervisor's computer) --
    def org(self) -> tuple[str, str, str] | None:
        """(organisation name, root certificate PEM, encrypted root key PEM), or None on a
        computer without an organisation."""
        row = self.db.execute("SELECT name, cert_pem, key_pem FROM org_keys LIMIT 1").fetchone()
        return (str(row[0]), str(row[1]), str(row[2])) if row else None

    def add_org(self, name: str, cert_pem: str, key_pem: str) -> None:
        """Store the organisation's root certificate and its encrypted key."""
        self.db.table("org_keys").insert({"id": new_id(), "name": name, "cert_pem": cert_pem,
                                          "key_pem": key_pem, "created_at": utcnow_iso()})

    def replace_org_key(self, old_key_pem: str, new_key_pem: str) -> None:
        """Store the root key encrypted anew (same key, stronger encryption)."""
        self.db.execute("UPDATE org_keys SET key_pem = ? WHERE key_pem = ?",
                        [new_key_pem, old_key_pem])

    # -- certificates issued here, and revocations --
    def add_issued(self, record: dict[str, Any]) -> None:
        """Record a certificate issued to an inspector (a row of ``issued_certificates``)."""
        self.db.table("issued_certificates").insert(record)

    def was_issued(self, serial: str) -> bool:
        """True when a certificate with this (hex) serial was issued on this computer."""
        return self.db.execute("SELECT 1 FROM issued_certificates WHERE serial = ?",
                               [serial]).fetchone() is not None

    def issued(self) -> list[tuple[str, str, str | None]]:
        """Certificates issued here, oldest first: (serial, certificate PEM, when revoked or
        None)."""
        rows = self.db.execute(
            "SELECT c.serial, c.cert_pem, r.revoked_at FROM issued_certificates c "
            "LEFT JOIN revocations r ON r.serial = c.serial ORDER BY c.created_at").fetchall()
        return [(str(serial), str(cert_pem), revoked) for serial, cert_pem, revoked in rows]

    def add_revocation(self, issuer_fingerprint: str, serial: str, reason: str | None,
                       device_id: str) -> None:
        """Record that the issuer revoked ``serial`` now; a certificate already revoked keeps
        its first revocation."""
        self.db.execute(
            "INSERT INTO revocations (id, issuer_fingerprint, serial, revoked_at, reason, "
            "created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(issuer_fingerprint, serial) DO NOTHING",
            [new_id(), issuer_fingerprint, serial, utcnow_iso(), reason,
             *record_stamp(device_id).values()])

    def revoked_at(self, issuer_fingerprint: str, serial: str) -> str | None:
        """When the issuer revoked the certificate with ``serial``, or None if it did not."""
        row = self.db.execute(
            "SELECT revoked_at FROM revocations WHERE issuer_fingerprint = ? AND serial = ?",
            [issuer_fingerprint, serial]).fetchone()
        return str(row[0]) if row else None

    # -- trusted roots --
    def add_trust_root(self, fingerprint: str, name: str, cert_pem: str,
                       device_id: str) -> None:
        """Trust a root certificate; one already trusted is left as it is."""
        self.db.execute(
            "INSERT INTO trust_roots (fingerprint, name, cert_pem, created_at, updated_at, "
            "device_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING",
            [fingerprint, name, cert_pem, *record_stamp(device_id).values()])

    def trust_root_pems(self) -> list[str]:
        """The PEM text of every trusted root certificate."""
        return [str(r[0]) for r in self.db.execute("SELECT cert_pem FROM trust_roots")]

    # -- this computer's signing identities --
    def add_identity(self, *, kind: str, subject_name: str, enforcement_id: str | None,
                     cert_pem: str, chain_pem: str, key_pem: str) -> None:
        """Store a new signing identity and make it the active one (the others stay, inactive)."""
        self.db.execute("UPDATE identities SET active = 0")
        self.db.table("identities").insert({
            "id": new_id(), "kind": kind, "subject_name": subject_name,
            "enforcement_id": enforcement_id, "cert_pem": cert_pem, "chain_pem": chain_pem,
            "key_pem": key_pem, "created_at": utcnow_iso()})

    def active_identity(self) -> tuple[str, str, str] | None:
        """(certificate PEM, chain PEM, encrypted key PEM) of the active identity (the newest
        if several are), or None."""
        row = self.db.execute("SELECT cert_pem, chain_pem, key_pem FROM identities "
                              "WHERE active = 1 ORDER BY created_at DESC LIMIT 1").fetchone()
        return (str(row[0]), str(row[1]), str(row[2])) if row else None

    def replace_identity_key(self, old_key_pem: str, new_key_pem: str) -> None:
        """Store an identity's key encrypted anew (same key, stronger encryption)."""
        self.db.execute("UPDATE identities SET key_pem = ? WHERE key_pem = ?",
                        [new_key_pem, old_key_pem])
