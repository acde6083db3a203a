"""Signing identities as the program shows them: who, issued by whom, valid when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class CertInfo:
    serial: str              # hex
    subject_name: str
    enforcement_id: str | None
    organisation: str | None
    issuer_name: str
    fingerprint: str         # SHA-256 of the DER certificate, hex
    not_before: datetime
    not_after: datetime
    self_signed: bool

    def describe(self) -> str:
        who = self.subject_name + (f"（{self.enforcement_id}）" if self.enforcement_id else "")
        origin = "self-signed, not issued by the office" if self.self_signed else \
            f"issued by {self.issuer_name}"
        return f"{who}, {origin}, valid until {self.not_after:%Y-%m-%d}"


MIN_PASSPHRASE = 8


def passphrase_problem(passphrase: str) -> str | None:
    if len(passphrase) < MIN_PASSPHRASE:
        return f"A passphrase has at least {MIN_PASSPHRASE} characters."
    return None
