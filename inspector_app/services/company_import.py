"""Importing a list of companies from CSV or Excel (.xlsx): preview first, then apply.

The preview says, row by row, what importing would do (add / update / unchanged) or what is wrong
with the row, in English or Chinese. Applying imports every valid row in one transaction; a
company already on this computer is updated, never doubled (see ``CompanyIndex``).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from inspector_app.domain.company import (
    AmbiguousMatchError,
    Company,
    Problem,
    industry_code,
    normalise_credit_code,
    plan_upsert,
    problem,
    risk_level_code,
    special_area_code,
)
from inspector_app.errors import InspectorError, from_read_error
from inspector_app.i18n import N_, Message, render
from inspector_app.storage.companies_repo import CompanyRepo

MAX_FILE_BYTES = 20 * 1024 * 1024
# Limits that stop a crafted file (a "zip bomb" of an .xlsx, millions of empty rows, one cell of
# megabytes) quickly, with a message, long before it fills the memory. A district's company
# list is a few thousand rows of short cells; the limits leave a hundred times that.
MAX_UNPACKED_BYTES = 80 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 60
MAX_CELL_CHARS = 5_000
HEADER_SEARCH_ROWS = 10  # a title line or two above the header is common in office lists
CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")

Action = Literal["add", "update", "unchanged", "error"]
_ACTION_OF: dict[str, Action] = {"added": "add", "updated": "update", "unchanged": "unchanged"}

# Accepted header names per field; compared after _header_key(), so case, spaces, "_", "-",
# full-width characters, a "*" marking a required column and "(...)" notes do not matter.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("单位名称", "企业名称", "公司名称", "名称", "被检查单位", "name", "company",
             "company name"),
    "credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "credit code", "uscc"),
    "address": ("地址", "单位地址", "企业地址", "经营地址", "注册地址", "address"),
    "town": ("乡镇", "乡镇街道", "所属乡镇", "街道", "镇街", "town"),
    "industry": ("行业", "所属行业", "行业类别", "行业分类", "industry"),
    "special_areas": ("涉及领域", "专项领域", "重点领域", "特殊领域", "special areas"),
    "legal_rep": ("法定代表人", "法人代表", "法人", "legal rep", "legal representative"),
    "legal_rep_position": ("职务", "负责人职务", "position"),
    "contact_name": ("现场负责人", "联系人", "安全负责人", "contact name", "contact"),
    "contact_phone": ("联系电话", "电话", "手机", "联系方式", "contact phone", "phone"),
    "risk_level": ("风险等级", "风险级别", "risk level", "risk"),
    "notes": ("备注", "notes", "note", "remarks"),
}

# The texts of this module (catalogue message ids); placeholders filled with str.format.
_TEXTS: dict[str, str] = {
    "row": N_("Row {row}, {text}"),
    "unsupported": N_("{file} is not a CSV or Excel (.xlsx) file."),
    "old_xls": N_("{file} is an old Excel (.xls) file: open it in Excel or WPS and save it as "
                  ".xlsx."),
    "too_big": N_("{file} is {size:.1f} MB; files over 20 MB are refused."),
    "empty": N_("{file} is empty."),
    "unpacked": N_("{file} would unpack to {size:.0f} MB; workbooks over {limit} MB unpacked "
                   "are refused."),
    "too_many_rows": N_("{file} has more than {limit} rows; split it into smaller files."),
    "long_cell": N_("{file}, row {row}: a cell has {length} characters; at most {limit} are "
                    "accepted."),
    "bad_xlsx": N_("{file} cannot be read as an Excel workbook ({reason})."),
    "bad_csv": N_("{file} cannot be read as CSV ({reason})."),
    "encoding": N_("{file} is neither UTF-8 nor GB18030 (GBK) text: save it as CSV UTF-8."),
    "no_header": N_("{file} has no header row with a company-name column (单位名称 or name) in "
                    "its first 10 rows."),
    "no_rows": N_("{file} has a header row but no companies below it."),
    "ignored_column": N_("Column “{column}” is not recognised and was ignored."),
    "repeated_column": N_("Column “{column}” repeats an earlier column and was ignored."),
    "preview_summary": N_("{add} to add, {update} to update, {unchanged} unchanged, "
                          "{error} with errors."),
    "result_summary": N_("{added} added, {updated} updated, {unchanged} unchanged, "
                         "{skipped} skipped."),
}


def _t(key: str, lang: str | None, **params: Any) -> str:
    return render(_TEXTS[key], params, lang)


def _refuse(key: str, lang: str | None, **params: Any) -> InspectorError:
    """The error is shown in the language of whoever reads it; ``lang`` is kept for callers."""
    del lang
    return InspectorError(_TEXTS[key], **params)


# -- the preview -------------------------------------------------------------------------------

@dataclass
class ImportRow:
    row: int                              # as the spreadsheet program numbers it (header = 1..)
    values: dict[str, str]                # the cells, by field
    company: Company | None = None        # parsed; None when the row has errors
    errors: list[Problem] = field(default_factory=list)
    action: Action = "error"
    existing_id: str | None = None        # the stored company an update would change

    def messages(self, lang: str | None = "en") -> list[str]:
        return [_t("row", lang, row=self.row, text=p) for p in self.errors]


@dataclass
class ImportPreview:
    path: Path
    rows: list[ImportRow]
    columns: dict[str, str]               # field -> the header as written in the file
    ignored_columns: list[str] = field(default_factory=list)
    repeated_columns: list[str] = field(default_factory=list)
    lang: str = "en"
    planned_on: tuple[int, str | None] | None = None  # the companies' state when planned

    def warnings(self, lang: str | None = None) -> list[str]:
        lang = lang or self.lang
        return ([_t("ignored_column", lang, column=c) for c in self.ignored_columns]
                + [_t("repeated_column", lang, column=c) for c in self.repeated_columns])

    def counts(self) -> dict[str, int]:
        counted = Counter(r.action for r in self.rows)
        return {a: counted.get(a, 0) for a in ("add", "update", "unchanged", "error")}

    def summary(self, lang: str | None = None) -> str:
        return _t("preview_summary", lang or self.lang, **self.counts())

    @property
    def has_changes(self) -> bool:
        counts = self.counts()
        return counts["add"] + counts["update"] > 0


@dataclass(frozen=True)
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    # Rows refused while applying (the data changed since), said in the reader's language.
    failures: tuple[Message, ...] = ()

    def failure_lines(self, lang: str | None = None) -> list[str]:
        return [failure.localized(lang) for failure in self.failures]

    def summary(self, lang: str | None = "en") -> str:
        return _t("result_summary", lang, added=self.added, updated=self.updated,
                  unchanged=self.unchanged, skipped=self.skipped)


def preview(path: Path | str, repo: CompanyRepo, lang: str = "en") -> ImportPreview:
    """Read ``path`` and tell what importing it into ``repo`` would do; nothing is written.

    Raises InspectorError, naming the file, when the file as a whole cannot be used.
    """
    path = Path(path)
    table = read_table(path, lang)
    header_at, columns, ignored, repeated = _find_header(table, path, lang)
    rows = [
        ImportRow(row=number, values={f: _cell(cells, i) for f, i in columns.items()})
        for number, cells in table[header_at + 1:]
        if any(_text(c) for c in cells)
    ]
    if not rows:
        raise _refuse("no_rows", lang, file=path.name)
    planned_on = repo.state()
    _plan(rows, repo)
    header = table[header_at][1]
    return ImportPreview(path, rows, {f: str(header[i]).strip() for f, i in columns.items()},
                         ignored, repeated, lang, planned_on)


def apply(preview: ImportPreview, repo: CompanyRepo) -> ImportResult:
    """Import every valid row of ``preview`` in one transaction; rows with errors are skipped."""
    counts: Counter[str] = Counter()
    failures: list[Message] = []
    reason = f"import {preview.path.name}"
    with repo.db.atomic():
        rows = preview.rows
        if preview.planned_on is not None and repo.state() == preview.planned_on:
            # Nothing changed since the preview: its new companies are new, in one go.
            new = [r for r in rows if r.company is not None and r.action == "add"]
            counts["added"] += repo.add_new([r.company for r in new if r.company], reason)
            rows = [r for r in rows if not (r.company is not None and r.action == "add")]
        for row in rows:
            if row.company is None or row.action == "error":
                counts["skipped"] += 1
                continue
            try:
                # Each upsert is a savepoint inside this transaction: a refused row is undone
                # alone and the others still land.
                counts[repo.upsert_by_credit_code(row.company, reason=reason)] += 1
            except InspectorError as exc:
                counts["skipped"] += 1
                failures.append(Message(_TEXTS["row"], row=row.row, text=exc))
    return ImportResult(counts["added"], counts["updated"], counts["unchanged"],
                        counts["skipped"], tuple(failures))


# -- reading files -----------------------------------------------------------------------------

Table = list[tuple[int, tuple[Any, ...]]]  # (row number, cells)


def read_table(path: Path, lang: str = "en") -> Table:
    """The rows of a CSV file or of an .xlsx workbook's first sheet."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _refuse("old_xls", lang, file=path.name)
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise _refuse("unsupported", lang, file=path.name)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise from_read_error(exc, path) from exc
    if size > MAX_FILE_BYTES:
        raise _refuse("too_big", lang, file=path.name, size=size / 1024 / 1024)
    if size == 0:
        raise _refuse("empty", lang, file=path.name)
    table = _read_xlsx(path, lang) if suffix in XLSX_SUFFIXES else _read_csv(path, lang)
    if not any(any(_text(c) for c in cells) for _, cells in table):
        raise _refuse("empty", lang, file=path.name)
    return table


def _decode(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return data.decode("utf-16")
    # Chinese Excel saves "CSV" in GBK; GB18030 is its superset. UTF-8 is tried first because
    # valid UTF-8 is almost never valid GBK text by accident, while the reverse happens.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _read_csv(path: Path, lang: str) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise from_read_error(exc, path) from exc
    text = _decode(data)
    if text is None:
        raise _refuse("encoding", lang, file=path.name)
    head = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    delimiter = max(",\t;", key=head.count)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return _limited(path, lang, enumerate(reader, start=1))
    except csv.Error as exc:
        raise _refuse("bad_csv", lang, file=path.name, reason=exc) from exc


def _limited(path: Path, lang: str, rows: Any) -> Table:
    """The rows, refusing the file at the first one past MAX_ROWS or with a cell too long."""
    table: Table = []
    for number, cells in rows:
        if number > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise _refuse("too_many_rows", lang, file=path.name, limit=f"{MAX_ROWS:,}")
        cells = tuple(cells[:MAX_COLUMNS])
        for cell in cells:
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise _refuse("long_cell", lang, file=path.name, row=number,
                              length=f"{len(cell):,}", limit=f"{MAX_CELL_CHARS:,}")
        table.append((number, cells))
    return table


def _check_unpacked_size(path: Path, lang: str) -> None:
    """An .xlsx is a zip: refuse one whose parts unpack to more than MAX_UNPACKED_BYTES before
    any XML is parsed. The sizes in the zip's directory bound what reading can produce (a part
    longer than its stated size fails its check)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _refuse("bad_xlsx", lang, file=path.name, reason=str(exc)) from exc
    except OSError as exc:
        raise from_read_error(exc, path) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise _refuse("unpacked", lang, file=path.name, size=unpacked / 1024 / 1024,
                      limit=MAX_UNPACKED_BYTES // 1024 // 1024)


def _read_xlsx(path: Path, lang: str) -> Table:
    import openpyxl  # only needed here; keeps the CLI quick to start

    _check_unpacked_size(path, lang)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it skips; none matter for a list.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                # max_col: a cell far to the right (XFD1) would pad every row to 16,384 cells.
                return _limited(path, lang, enumerate(
                    sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1))
            finally:
                workbook.close()
    except InspectorError:
        raise
    except OSError as exc:
        raise from_read_error(exc, path) from exc
    except Exception as exc:  # any parser failure on a user's file is a bad file, not a bug
        raise _refuse("bad_xlsx", lang, file=path.name,
                      reason=str(exc) or type(exc).__name__) from exc


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number stored as a number in Excel
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _cell(cells: tuple[Any, ...], index: int) -> str:
    return _text(cells[index]) if index < len(cells) else ""


# -- headers -----------------------------------------------------------------------------------

def _header_key(text: str) -> str:
    key = unicodedata.normalize("NFKC", text).lower()
    key = re.sub(r"\(.*?\)", "", key)  # "乡镇（街道）" -> "乡镇"
    return re.sub(r"[\s_\-*:：]+", "", key)


_FIELD_BY_HEADER = {_header_key(alias): f for f, aliases in COLUMN_ALIASES.items()
                    for alias in (*aliases, f)}


def _find_header(table: Table, path: Path, lang: str
                 ) -> tuple[int, dict[str, int], list[str], list[str]]:
    for at, (_, cells) in enumerate(table[:HEADER_SEARCH_ROWS]):
        keys = [_header_key(_text(c)) for c in cells]
        if "name" not in {_FIELD_BY_HEADER.get(k) for k in keys}:
            continue
        columns: dict[str, int] = {}
        ignored: list[str] = []
        repeated: list[str] = []
        for index, key in enumerate(keys):
            written = _text(cells[index])
            target = _FIELD_BY_HEADER.get(key)
            if target is None:
                if written:
                    ignored.append(written)
            elif target in columns:
                repeated.append(written)
            else:
                columns[target] = index
        return at, columns, ignored, repeated
    raise _refuse("no_header", lang, file=path.name)


# -- rows --------------------------------------------------------------------------------------

_AREA_SPLIT = re.compile(r"[、,，;；/\s]+")


def parse_row(values: dict[str, str]) -> tuple[Company | None, list[Problem]]:
    """A company from one row's cells, or the problems that keep it from being one."""
    found: list[Problem] = []

    def coded(field_name: str, text: str, lookup: Any, vocabulary: str) -> str | None:
        code = lookup(text) if text else None
        if text and code is None:
            found.append(problem(field_name, f"unknown_{field_name}", value=text,
                                 vocabulary=vocabulary))
        return code

    industry = coded("industry", values.get("industry", ""), industry_code, "industry")
    risk = coded("risk_level", values.get("risk_level", ""), risk_level_code, "risk_level")
    areas: list[str] = []
    for part in _AREA_SPLIT.split(values.get("special_areas", "")):
        if part:
            code = special_area_code(part)
            if code is None:
                found.append(problem("special_areas", "unknown_special_area", value=part,
                                     vocabulary="special_areas"))
            elif code not in areas:
                areas.append(code)
    company = Company(
        name=values.get("name", ""),
        credit_code=normalise_credit_code(values.get("credit_code")) or None,
        address=values.get("address"), town=values.get("town"), industry=industry,
        special_areas=tuple(areas), legal_rep=values.get("legal_rep"),
        legal_rep_position=values.get("legal_rep_position"),
        contact_name=values.get("contact_name"), contact_phone=values.get("contact_phone"),
        risk_level=risk, notes=values.get("notes"),
    ).normalised()
    found = company.problems() + found
    return (None if found else company), found


def _plan(rows: list[ImportRow], repo: CompanyRepo) -> None:
    """Fill in each row's company, errors and action, as applying them in order would go."""
    index = repo.index()
    first_code: dict[str, int] = {}
    first_name: dict[str, tuple[int, str | None]] = {}
    for row in rows:
        company, row.errors = parse_row(row.values)
        # Duplicates are judged on the raw cells, so a copy of a bad row is reported too.
        code = normalise_credit_code(row.values.get("credit_code")) or None
        name = row.values.get("name", "").strip()
        earlier = first_name.get(name)
        if code and code in first_code:
            row.errors.append(problem("credit_code", "duplicate_code", other=first_code[code]))
        elif name and earlier and not (code and earlier[1]):
            # The same name twice, once without a code: one company listed twice.
            row.errors.append(problem("name", "duplicate_name", other=earlier[0]))
        if code:
            first_code.setdefault(code, row.row)
        if name:
            first_name.setdefault(name, (row.row, code))
        if company is None or row.errors:
            continue
        try:
            existing = index.match(company)
        except AmbiguousMatchError as exc:
            row.errors.append(exc.problem)
            continue
        outcome, stored = plan_upsert(existing, company)
        row.company, row.action = company, _ACTION_OF[outcome]
        row.existing_id = existing.id if existing else None
        # Later rows are matched against the data as this row leaves it.
        index.put(stored if existing else replace(stored, id=f"row:{row.row}"))

