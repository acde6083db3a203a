"""Signing identities as the program shows them: who, issued by whom, valid when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from inspector_app.i18n import N_, Message


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

    def described(self) -> Message:
        """Who, issued by whom, valid until when: in the language it is shown in."""
        who = self.subject_name + (f"（{self.enforcement_id}）" if self.enforcement_id else "")
        until = f"{self.not_after:%Y-%m-%d}"
        if self.self_signed:
            return Message(N_("{who}, self-signed, not issued by the office, valid until "
                              "{until}"), who=who, until=until)
        return Message(N_("{who}, issued by {issuer}, valid until {until}"), who=who,
                       issuer=self.issuer_name, until=until)

    def describe(self) -> str:
        """:meth:`described` in the user's language."""
        return self.described().localized()


# The rule, as told to users: at least 12 characters, at least 6 different ones, and not a
# well-known password or a run of keys. Length counts most (NIST SP 800-63B, 5.1.1.2);
# no rules about character classes, which push people to "Password1!".
MIN_PASSPHRASE = 12
MIN_DISTINCT = 6
PASSPHRASE_RULE = Message(
    N_("A passphrase has at least {length} characters, at least {distinct} of them different, "
       "and is not a well-known password or a run of keys such as 123456789012 or qwertyuiop."),
    length=MIN_PASSPHRASE, distinct=MIN_DISTINCT)
_RUNS = ("0123456789012345678901234567890", "9876543210987654321098765432109",
         "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm",
         "1qaz2wsx3edc4rfv5tgb6yhn7ujm", "zaq12wsxcde34rfvbgt56yhnmju78ik")
_WELL_KNOWN = ("password", "passw0rd", "p@ssw0rd", "iloveyou", "admin", "welcome", "letmein",
               "inspector", "woaini", "qwerty", "abc123", "123456", "111111", "000000", "888888",
               "666666", "123123", "112233", "1q2w3e4r")


def passphrase_problem(passphrase: str) -> Message | None:
    """None for a passphrase good enough to protect a signing key; otherwise the rule."""
    text = passphrase.strip().lower()
    if len(passphrase) < MIN_PASSPHRASE or len(set(passphrase)) < MIN_DISTINCT:
        return PASSPHRASE_RULE
    if any(text in run for run in _RUNS):
        return PASSPHRASE_RULE
    # A well-known password with a few digits or signs around it is still well known.
    core = text.strip("0123456789!@#$%^&*.-_ ")
    if any(core == word or (len(core) < MIN_PASSPHRASE and word in core)
           for word in _WELL_KNOWN):
        return PASSPHRASE_RULE
    return None
