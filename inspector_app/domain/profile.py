"""This device and the people who use it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspector_app.errors import ValidationError
from inspector_app.i18n import N_, SENTENCES, Listing, Message

# A prefix goes into document numbers: short, no spaces or brackets that would confuse a number.
_PREFIX_RE = r"^[0-9A-Za-z\u4e00-\u9fff-]{1,12}$"  # compiled when a prefix is checked
# The office's short name in its circulars' numbers (台安办〔2026〕12号), a setting of this
# computer (its circular counter is kept here); 安办 until the office sets its own.
CIRCULAR_WORD_SETTING = "circular_word"
DEFAULT_CIRCULAR_WORD = "安办"


@dataclass(frozen=True)
class Device:
    id: str
    name: str
    doc_prefix: str


@dataclass(frozen=True)
class Inspector:
    id: str
    name: str
    enforcement_id: str | None = None
    organisation: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Profile:
    """What the first-run dialog asks for."""

    name: str
    enforcement_id: str
    organisation: str
    doc_prefix: str
    authority_short: str = ""
    # Named on every order and decision: "…向{government}人民政府或者{department}申请行政复议，
    # 或者…向{court}人民法院提起行政诉讼" (the 安全生产行政执法文书 formats leave them blank).
    review_government: str = ""
    review_department: str = ""
    review_court: str = ""
    # None leaves the word kept as it is (a profile given on the command line does not ask it).
    circular_word: str | None = None

    def validated(self) -> Profile:
        problems = []
        if not self.name.strip():
            problems.append(Message(N_("The inspector's name is empty.")))
        if not self.organisation.strip():
            problems.append(Message(N_("The organisation is empty.")))
        if not re.match(_PREFIX_RE, self.doc_prefix.strip()):
            problems.append(Message(N_(
                "The document-number prefix must be 1 to 12 letters, digits, Chinese "
                "characters or '-'."
            )))
        word = (self.circular_word or "").strip()
        if word and normal_circular_word(word) is None:
            problems.append(Message(N_(
                "The short name in circular numbers must be 1 to 10 letters, digits or Chinese "
                "characters, without spaces, brackets or punctuation, e.g. 台安办.")))
        if problems:
            raise ValidationError(N_("{problems}"), problems=Listing(problems, SENTENCES))
        return Profile(
            name=self.name.strip(),
            enforcement_id=self.enforcement_id.strip(),
            organisation=self.organisation.strip(),
            doc_prefix=self.doc_prefix.strip(),
            authority_short=self.authority_short.strip(),
            review_government=_without_suffix(self.review_government, "人民政府"),
            review_department=self.review_department.strip(),
            review_court=_without_suffix(self.review_court, "人民法院"),
            circular_word=None if self.circular_word is None else (
                normal_circular_word(word) if word else ""),
        )


def normal_circular_word(given: str) -> str | None:
    """The office's short name as circular numbers print it, or None if ``given`` is not one:
    1 to 10 letters, digits or CJK characters, read as NFKC (a look-alike or an invisible character
    would start a sequence of numbers of its own)."""
    import unicodedata

    word = unicodedata.normalize("NFKC", given).strip()
    if not 1 <= len(word) <= 10 or not all(unicodedata.category(c)[0] in "LN" for c in word):
        return None
    return word


def _without_suffix(text: str, suffix: str) -> str:
    """The form prints the suffix itself: "泉台区" + "人民政府", so a typed suffix is dropped."""
    text = text.strip()
    return text[:-len(suffix)].strip() if text.endswith(suffix) else text


def default_prefix(device_id: str) -> str:
    """Until the office assigns one: four hex digits of the device id, unique in practice."""
    return device_id.replace("-", "")[:4].upper()
