"""Checklist templates written as Excel workbooks (docs/template-format.md, "Spreadsheet layout").

A workbook is turned into the same definition a YAML file gives and checked by the same rules
(``forms.check_definition``), so it gets the same content hash and versioning; only the places
differ: every problem names ``SHEET!CELL``. The file is sized up before openpyxl sees it (file
size, expanded size and compression ratio of the zip, row counts), so a huge or hostile workbook is
refused in milliseconds, and sheets are read in openpyxl's read-only (streaming) mode.
"""

from __future__ import annotations

import logging
import re
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from inspector_app.domain.checklist import LoadedTemplate, Template, content_hash
from inspector_app.errors import Hint
from inspector_app.i18n import N_, Listing, Message
from inspector_app.services.forms import (
    FragmentInvalid,
    Problem,
    TemplateInvalid,
    check_definition,
    load_template_file,
    parse_fragment,
    with_detail,
)
from inspector_app.storage.files import write_atomic_checked

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_EXPANDED_BYTES = 40 * 1024 * 1024
MAX_RATIO = 100  # a real sheet compresses about 5-15 times; a zip bomb thousands of times
MAX_MEMBERS = 500
MAX_ROWS = 5000  # the largest shipped checklist has under 100 rows

INFO_SHEET = "模板"
ITEMS_SHEET = "检查项"
HELP_SHEET = "填写说明"
FORMAT = "inspector-template/1"

__all__ = [
    "CellProblem",
    "export_workbook",
    "is_workbook",
    "layout_workbook",
    "load_checklist",
    "load_workbook_template",
    "write_layout_workbook",
]


@dataclass(frozen=True, order=True)
class CellProblem(Problem):
    """A problem at a cell: shown as ``FILE: SHEET!CELL: message``; ``line`` orders them."""

    cell: str = ""

    def localized(self, lang: str | None = None) -> str:
        return f"{self.file}: {self.cell}: {self.message_in(lang)}"

    def __str__(self) -> str:
        return self.localized()


def is_workbook(path: Path | str) -> bool:
    return Path(path).suffix.lower() in (".xlsx", ".xlsm")


def load_checklist(path: Path | str) -> LoadedTemplate:
    """A template from a YAML file or an Excel workbook, chosen by the file's extension."""
    return load_workbook_template(path) if is_workbook(path) else load_template_file(path)


# --- the layout ---------------------------------------------------------------------------------

# Template fields on the info sheet: (path in the definition, label in column A, how written).
_INFO: list[tuple[str, str, str]] = [
    ("id", "编号", "text"),
    ("version", "版本", "text"),
    ("title.zh", "标题", "text"),
    ("title.en", "标题（英文）", "text"),
    ("kind", "类别", "kind"),
    ("authority.zh", "发布机关", "text"),
    ("authority.en", "发布机关（英文）", "text"),
    ("legal_basis.zh", "依据", "text"),
    ("legal_basis.en", "依据（英文）", "text"),
    ("description.zh", "说明", "text"),
    ("description.en", "说明（英文）", "text"),
    ("language", "语言", "text"),
    ("retired", "停用", "bool"),
    ("applicability", "适用范围", "yaml"),
    ("citation", "引用", "yaml"),
    ("sources", "来源", "yaml"),
]

_INFO_HINTS = {
    "id": "小写字母、数字和 . _ -，各版本不变",
    "version": "文字，如 2027.1；新版本与旧版本并存",
    "kind": "日常检查 | 审核 | 准备情况检查 | 重大事故隐患判定标准",
    "language": "zh_CN 或 en",
    "retired": "是 / 否",
    "applicability": "同 YAML 写法，如 {industries: [chemical], special_areas: [liquid_ammonia]}",
    "citation": "判定标准才需要，同 YAML 写法",
    "sources": "判定标准才需要，同 YAML 写法（列表）",
}

# Item columns: (header, path within the item, how written). Headers are matched after
# normalising brackets and spaces, so "检查内容(英文)" and "检查内容（英文）" are the same column.
_COLUMNS: list[tuple[str, str, str]] = [
    ("序号", "id", "id"),
    ("类型", "type", "type"),
    ("检查内容", "text.zh", "text"),
    ("检查内容（英文）", "text.en", "text"),
    ("检查方法", "guidance.zh", "text"),
    ("检查方法（英文）", "guidance.en", "text"),
    ("依据", "legal_basis.zh", "text"),
    ("依据（英文）", "legal_basis.en", "text"),
    ("隐患等级", "grade", "grade"),
    ("必填", "required", "bool"),
    ("需拍照", "photo", "bool"),
    ("适用条件", "show_if", "yaml"),
    ("隐患描述", "hazard.zh", "text"),
    ("隐患描述（英文）", "hazard.en", "text"),
    ("选项", "choices", "choices"),
    ("单位", "unit", "unit"),
    ("单位（英文）", "unit.en", "text"),
    ("最小值", "min", "number"),
    ("最大值", "max", "number"),
    ("正常下限", "normal_min", "number"),
    ("正常上限", "normal_max", "number"),
    ("最多字数", "max_length", "integer"),
    ("最少照片", "min_photos", "integer"),
    ("签名人", "role", "role"),
    ("权重", "weight", "number"),
    ("情形", "situation", "yaml"),
]
_WIDTHS = {"序号": 12, "类型": 8, "检查内容": 46, "检查内容（英文）": 40, "检查方法": 30,
           "检查方法（英文）": 26, "依据": 24, "依据（英文）": 20, "隐患等级": 8, "必填": 6,
           "需拍照": 7, "适用条件": 24, "隐患描述": 24, "隐患描述（英文）": 20, "选项": 22,
           "情形": 30}

SECTION = "分节"
_TYPES = {
    "分节": SECTION, "section": SECTION,
    "检查": "check", "是否": "yes_no", "文本": "text", "长文本": "long_text", "数字": "number",
    "单选": "single_choice", "多选": "multi_choice", "日期": "date", "日期时间": "datetime",
    "照片": "photo", "签名": "signature", "说明": "info",
}
_TYPE_NAMES = {v: k for k, v in _TYPES.items() if k != "section"}
# The names the Templates page shows; the others are accepted as written by hand.
_KIND_NAMES = {"routine": "日常检查", "audit": "审核", "readiness": "准备情况检查",
               "major_hazard_standard": "重大事故隐患判定标准"}
_KINDS = {**{v: k for k, v in _KIND_NAMES.items()}, "专项检查": "audit", "应急准备": "readiness",
          "重大隐患判定标准": "major_hazard_standard"}
_GRADES = {"一般": "general", "重大": "major", "一般隐患": "general", "重大隐患": "major"}
_ROLES = {"检查人员": "inspector", "企业": "company", "见证人": "witness"}
_ROLE_NAMES = {v: k for k, v in _ROLES.items()}
_YES = {"是", "yes", "y", "true", "1", "√", "✓"}
_NO = {"否", "no", "n", "false", "0"}

# The photo item that 需拍照 = 是 adds after a check item: taken when the item is not met.
_PHOTO_TEXT = {"zh": "不符合情况拍照留证", "en": "Photograph the non-compliance"}


def _photo_item(item_id: str) -> dict[str, Any]:
    return {"id": f"{item_id}-photo", "type": "photo", "text": dict(_PHOTO_TEXT),
            "show_if": {"item": item_id, "equals": "non_compliant"}}


def _norm(header: Any) -> str:
    text = str(header).strip().replace("(", "（").replace(")", "）")
    return re.sub(r"\s+", "", text).lower()


_BY_HEADER = {_norm(h): (h, p, how) for h, p, how in _COLUMNS}
_INFO_BY_LABEL = {_norm(label): (p, label, how) for p, label, how in _INFO}
_INFO_BY_LABEL.update({_norm(p): (p, label, how) for p, label, how in _INFO})


# --- reading ------------------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, cell: str, said: Message) -> None:
        super().__init__(str(said))
        self.cell = cell
        self.said = said


@dataclass
class _Where:
    """Which cell each part of the definition came from; stands in for YAML line numbers.

    ``forms.check_definition`` asks for "the line" of a path; the answer is an ordinal into
    ``cells``, turned back into ``SHEET!CELL`` once the problems come back.
    """

    cells: list[str] = field(default_factory=list)
    paths: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    values: dict[Any, Any] = field(default_factory=dict)  # no YAML nodes here
    problems: list[tuple[int, Message]] = field(default_factory=list)

    def at(self, cell: str) -> int:
        self.cells.append(cell)
        return len(self.cells)  # 1-based, like a line

    def mark(self, path: Sequence[str | int], cell: str) -> None:
        self.paths.setdefault(tuple(path), self.at(cell))

    def problem(self, cell: str, said: Message) -> None:
        self.problems.append((self.at(cell), said))

    def line(self, path: Sequence[str | int]) -> int:
        p = tuple(path)
        while p not in self.paths:
            if not p:
                return 1 if self.cells else self.at(f"{INFO_SHEET}!A1")
            p = p[:-1]
        return self.paths[p]

    def cell(self, ordinal: int) -> str:
        return self.cells[ordinal - 1] if 0 < ordinal <= len(self.cells) else f"{INFO_SHEET}!A1"


def load_workbook_template(path: Path | str) -> LoadedTemplate:
    """The template in an Excel workbook; ``TemplateInvalid`` listing every problem by cell."""
    path = Path(path)
    file = str(path)
    where = _Where()
    try:
        _size_up(path)
        data = _read(path, where)
    except _Refused as exc:
        raise TemplateInvalid([_cell_problem(file, 1, exc.said, exc.cell)]) from None
    found = list(where.problems)
    # A cell already reported (a grade that is not 一般/重大) also leaves its field missing:
    # say it once, in the words about the cell.
    reported = {where.cell(line) for line, _ in found}
    found += [(line, message) for line, message in check_definition(data, where)
              if where.cell(line) not in reported]
    if found:
        problems = sorted({
            _cell_problem(file, line, _cells_in(said, where), where.cell(line))
            for line, said in found
        })
        raise TemplateInvalid(problems)
    return LoadedTemplate(Template.from_dict(data), data, content_hash(data), path)


def _cell_problem(file: str, line: int, said: Message, cell: str) -> CellProblem:
    return CellProblem(file, line, str(said), cell, said=said)


# Messages written for YAML that say "first on line 12", as they name the cell instead.
_AT_CELL = {
    "duplicate section id '{id}' (first used on line {line})":
        N_("duplicate section id '{id}' (first used at {cell})"),
    "duplicate item id '{id}' (first used on line {line})":
        N_("duplicate item id '{id}' (first used at {cell})"),
    "{owner}: duplicate choice value {value} (first on line {line})":
        N_("{owner}: duplicate choice value {value} (first at {cell})"),
    "{owner}: show_if refers to item '{target}' (line {line}), which comes later; a condition "
    "can only use earlier items":
        N_("{owner}: show_if refers to item '{target}' ({cell}), which comes later; a "
           "condition can only use earlier items"),
}


def _cells_in(said: Any, where: _Where) -> Any:
    """``said`` with the cell where a YAML message names a line (and its parameters too)."""
    if isinstance(said, Listing):
        return Listing([_cells_in(item, where) for item in said.items], said.separator)
    if not isinstance(said, Message):
        return said
    params = {key: _cells_in(value, where) for key, value in said.params.items()}
    msgid = said.msgid
    if msgid in _AT_CELL and isinstance(params.get("line"), int):
        msgid = _AT_CELL[msgid]
        params["cell"] = where.cell(params.pop("line"))
    return Message(msgid, hint=said.hint, **params)


def _size_up(path: Path) -> None:
    """Refuse, before any parsing, a workbook too large to be a checklist or built to explode."""
    book = "A1"
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(exc) from exc
    if size > MAX_FILE_BYTES:
        raise _Refused(book, Message(N_("the workbook is too large ({size} MB); a checklist "
                                        "workbook is at most {limit} MB"),
                                     size=f"{size / 2**20:.1f}", limit=MAX_FILE_BYTES // 2**20))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except OSError as exc:  # the file, not its content: a USB stick pulled out, say
        raise _unreadable(exc) from exc
    except zipfile.BadZipFile as exc:
        raise _Refused(book, Message(N_("this is not an Excel workbook (.xlsx); in Excel or "
                                        "WPS use \"Save as\" → Excel Workbook (*.xlsx)"))) from exc
    if len(members) > MAX_MEMBERS:
        raise _Refused(book, Message(N_("the workbook holds {count} parts; a checklist needs "
                                        "far fewer — it is not an ordinary workbook"),
                                     count=len(members)))
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_EXPANDED_BYTES:
        raise _Refused(book, Message(N_("the workbook expands to {size} MB when opened (at "
                                        "most {limit} MB); it is not a checklist or is damaged"),
                                     size=f"{expanded / 2**20:.0f}",
                                     limit=MAX_EXPANDED_BYTES // 2**20))
    for m in members:
        if m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            times = m.file_size // max(m.compress_size, 1)
            raise _Refused(book, Message(N_("the part {part} expands {times} times when opened; "
                                            "the file looks like a zip bomb and is refused"),
                                         part=m.filename, times=times))
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise _Refused(book, Message(N_("this zip file is not an Excel workbook (no "
                                        "xl/workbook.xml)")))


# A part of the zip that cannot be unpacked: found when it is read, which in read-only mode is
# while the rows stream, not only when the workbook opens.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError)


def _unreadable(exc: OSError) -> _Refused:
    """The workbook's file could not be read (not its content's fault), in the system's words."""
    return _Refused("A1", Message(N_("cannot read the file: {reason}"),
                                  reason=exc.strerror or exc))


def _read(path: Path, where: _Where) -> dict[str, Any]:
    try:
        return _read_sheets(path, where)
    except OSError as exc:
        # Read-only mode reads the rows from the file while they stream: a USB stick pulled
        # out shows up here, long after the workbook opened.
        raise _unreadable(exc) from exc
    except _DAMAGED as exc:
        log.info("damaged checklist workbook %s: %r", path, exc)
        raise _Refused("A1", Message(N_("the workbook is damaged: a part of it cannot be "
                                        "unpacked; open it in Excel or WPS and save it again "
                                        "as Excel Workbook (*.xlsx)"))) from exc


def _read_sheets(path: Path, where: _Where) -> dict[str, Any]:
    merged = _merged_ranges(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except (*_DAMAGED, OSError):
        raise
    except Exception as exc:  # openpyxl raises many types for a file it cannot make sense of
        log.info("checklist workbook %s cannot be opened: %r", path, exc)
        raise _Refused("A1", with_detail(
            Message(N_("the workbook cannot be opened; open it in Excel or WPS and save it "
                       "again as Excel Workbook (*.xlsx)")),
            str(exc) or type(exc).__name__)) from exc
    try:
        missing = [s for s in (INFO_SHEET, ITEMS_SHEET) if s not in wb.sheetnames]
        if missing:
            raise _Refused("A1", Message(N_("the workbook has no sheet named {missing} (sheets "
                                            "found: {found})."), hint=Hint.LAYOUT_WORKBOOK,
                                         missing="、".join(missing),
                                         found="、".join(wb.sheetnames)))
        for sheet in (INFO_SHEET, ITEMS_SHEET):
            for ref in merged.get(sheet, []):
                where.problem(f"{sheet}!{ref.split(':')[0]}", Message(N_(
                    "merged cells {cells}: unmerge them and write the value in every row it "
                    "applies to"), cells=f"{sheet}!{ref}"))
        data: dict[str, Any] = {"format": FORMAT}
        _read_info(wb[INFO_SHEET], data, where)
        data["sections"] = _read_items(wb[ITEMS_SHEET], where)
    finally:
        wb.close()
    return data


def _merged_ranges(path: Path) -> dict[str, list[str]]:
    """Merged ranges per sheet name (read-only mode does not report them), from the raw XML."""
    out: dict[str, list[str]] = {}
    with zipfile.ZipFile(path) as archive:
        try:
            book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        except KeyError:
            return out
        targets = dict(re.findall(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
        targets.update({k: v for v, k in
                        re.findall(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
        for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
            name = re.search(r'\bname="([^"]*)"', tag)
            rid = re.search(r'\br:id="([^"]*)"|\b\w+:id="([^"]*)"', tag)
            if not name or not rid:
                continue
            target = targets.get(rid.group(1) or rid.group(2) or "")
            if not target:
                continue
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            try:
                xml = archive.read(member).decode("utf-8", "replace")
            except KeyError:
                continue
            refs = re.findall(r'<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"', xml)
            if refs:
                out[_unescape(name.group(1))] = refs
    return out


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def _rows(ws: Any, sheet: str) -> Iterable[tuple[int, tuple[Any, ...]]]:
    """(row number, cells) of a sheet, refusing a sheet longer than any checklist."""
    declared = ws.max_row or 0
    if declared > MAX_ROWS + 1:
        raise _Refused(f"{sheet}!A{MAX_ROWS + 2}", Message(N_(
            "the sheet {sheet} has {count} rows; a checklist has at most {limit} — this is not "
            "a checklist"), sheet=sheet, count=declared, limit=MAX_ROWS))
    for number, row in enumerate(ws.iter_rows(), start=1):
        if number > MAX_ROWS + 1:
            raise _Refused(f"{sheet}!A{number}", Message(N_(
                "the sheet {sheet} has more than {limit} rows; a checklist has far fewer — this "
                "is not a checklist"), sheet=sheet, limit=MAX_ROWS))
        yield number, tuple(row)


class _Cell:
    """One cell's value with its address, checked for what a checklist cell may hold."""

    def __init__(self, sheet: str, row: int, col: int, cell: Any, where: _Where) -> None:
        self.ref = f"{sheet}!{get_column_letter(col)}{row}"
        self.where = where
        self.value = getattr(cell, "value", None)
        if getattr(cell, "data_type", None) == "f" or (
            isinstance(self.value, str) and self.value.startswith("=") and len(self.value) > 1
            and getattr(cell, "data_type", None) == "f"
        ):
            where.problem(self.ref, Message(N_("a formula ({formula}): write the value itself, "
                                               "a checklist does not compute"),
                                            formula=self.value))
            self.value = None
        if isinstance(self.value, str) and not self.value.strip():
            self.value = None

    @property
    def empty(self) -> bool:
        return self.value is None

    def bad(self, said: Message) -> None:
        self.where.problem(self.ref, said)

    def text(self, label: str) -> str | None:
        v = self.value
        if v is None:
            return None
        if isinstance(v, bool):
            self.bad(Message(N_("{label} must be text, not TRUE/FALSE"), label=label))
            return None
        if isinstance(v, int | float):
            return str(int(v)) if float(v).is_integer() else str(v)
        if not isinstance(v, str):
            self.bad(Message(N_("{label} must be text, not a date or time; format the cell as "
                                "text"), label=label))
            return None
        return v.strip() if "\n" not in v else v.strip("\r\n ")

    def number(self, label: str, integer: bool = False) -> int | float | None:
        v = self.value
        if v is None:
            return None
        if isinstance(v, str):
            if re.fullmatch(r"\s*[-+]?\d+(\.\d+)?\s*", v):
                self.bad(Message(N_("{label}: the number {number} is stored as text; format "
                                    "the cell as a number and enter it again"),
                                 label=label, number=v.strip()))
            else:
                self.bad(Message(N_("{label} must be a number, not {value}"), label=label,
                                 value=repr(v)))
            return None
        if isinstance(v, bool) or not isinstance(v, int | float):
            self.bad(Message(N_("{label} must be a number"), label=label))
            return None
        if integer:
            if not float(v).is_integer():
                self.bad(Message(N_("{label} must be a whole number (found {value})"),
                                 label=label, value=v))
                return None
            return int(v)
        return v

    def flag(self, label: str) -> bool | None:
        v = self.value
        if v is None:
            return None
        if isinstance(v, bool):
            return v
        word = str(v).strip().lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
        self.bad(Message(N_("{label} must be 是 or 否 (found {value})"), label=label,
                         value=repr(v)))
        return None

    def yaml(self, label: str) -> Any:
        text = self.text(label)
        if text is None:
            return None
        try:
            return parse_fragment(text)
        except FragmentInvalid as exc:
            self.bad(with_detail(Message(N_("{label} is not valid: {reason}; write it as in "
                                            "YAML, e.g. {{item: ID, equals: true}}"),
                                         label=label, reason=exc.said), exc.detail))
            return None

    def word(self, label: str, words: dict[str, str], allowed: Iterable[str]) -> str | None:
        text = self.text(label)
        if text is None:
            return None
        if text in words:
            return words[text]
        if text.lower() in set(allowed):
            return text.lower()
        options = "、".join(k for k in words if not k.isascii())
        self.bad(Message(N_("{label} {value} is not one of {options}"), label=label,
                         value=repr(text), options=options))
        return None


def _put(target: dict[str, Any], dotted: str, value: Any) -> None:
    head, _, rest = dotted.partition(".")
    if rest:
        target.setdefault(head, {})[rest] = value
    else:
        target[head] = value


def _read_info(ws: Any, data: dict[str, Any], where: _Where) -> None:
    seen: dict[str, str] = {}
    for number, row in _rows(ws, INFO_SHEET):
        label_cell = _Cell(INFO_SHEET, number, 1, row[0] if row else None, where)
        value_cell = _Cell(INFO_SHEET, number, 2, row[1] if len(row) > 1 else None, where)
        if label_cell.empty or (number == 1 and _norm(label_cell.value) == _norm("字段")):
            continue
        label = str(label_cell.value)
        known = _INFO_BY_LABEL.get(_norm(label))
        if known is None:
            labels = "、".join(lb for _, lb, _ in _INFO)
            label_cell.bad(Message(N_("unknown field {label} (the fields are {labels})"),
                                   label=repr(label), labels=labels))
            continue
        key, name, how = known
        if key in seen:
            label_cell.bad(Message(N_("{name} is written twice (first at {cell})"), name=name,
                                   cell=seen[key]))
            continue
        seen[key] = label_cell.ref
        if value_cell.empty:
            continue
        where.mark(key.split("."), value_cell.ref)
        if key == "version" and isinstance(value_cell.value, int | float) and not isinstance(
            value_cell.value, bool
        ):
            value_cell.bad(Message(N_("版本 must be text: {value} is a number, so 2027.10 "
                                      "would read as 2027.1; format the cell as text and enter "
                                      "it again"), value=value_cell.value))
            continue
        if how == "text":
            value: Any = value_cell.text(name)
        elif how == "bool":
            value = value_cell.flag(name)
        elif how == "kind":
            value = value_cell.word(name, _KINDS, _KIND_NAMES)
        else:
            value = value_cell.yaml(name)
        if value is not None:
            _put(data, key, value)
    for key in ("title", "authority", "legal_basis", "description"):
        if key in data and "zh" not in data[key]:
            where.problem(where.cell(where.line([key])),
                          Message(N_("{key}: the Chinese text is missing"), key=key))


def _read_items(ws: Any, where: _Where) -> list[dict[str, Any]]:
    rows = iter(_rows(ws, ITEMS_SHEET))
    header: list[tuple[str, str, str] | None] = []
    for number, row in rows:
        cells = [_Cell(ITEMS_SHEET, number, c, cell, where) for c, cell in enumerate(row, 1)]
        if all(c.empty for c in cells):
            continue
        seen: dict[str, str] = {}
        for c in cells:
            if c.empty:
                header.append(None)
                continue
            known = _BY_HEADER.get(_norm(c.value))
            if known is None:
                c.bad(Message(N_("unknown column {column} (the columns are {columns})"),
                              column=repr(c.value), columns="、".join(h for h, _, _ in _COLUMNS)))
            elif known[0] in seen:
                c.bad(Message(N_("the column {column} appears twice (first at {cell})"),
                              column=known[0], cell=seen[known[0]]))
                known = None
            else:
                seen[known[0]] = c.ref
            header.append(known)
        for needed in ("序号", "检查内容"):
            if needed not in seen:
                where.problem(f"{ITEMS_SHEET}!A{number}", Message(N_(
                    "the header row has no column {column}"), column=needed))
        break
    sections: list[dict[str, Any]] = []
    for number, row in rows:
        cells = [_Cell(ITEMS_SHEET, number, c, cell, where) for c, cell in enumerate(row, 1)]
        filled = {}
        blank: dict[str, _Cell] = {}
        for index, c in enumerate(cells):
            column = header[index] if index < len(header) else None
            if c.empty:
                if column is not None:
                    blank[column[0]] = c
                continue
            if column is None:
                c.bad(Message(N_("a value in a column without a header; give the column a "
                                 "header or clear the cell")))
                continue
            filled[column[0]] = (c, column)
        if not filled:
            continue  # blank rows between groups are harmless
        _read_row(number, filled, blank, sections, where)
    return sections


def _read_row(number: int, filled: dict[str, tuple[_Cell, tuple[str, str, str]]],
              blank: dict[str, _Cell], sections: list[dict[str, Any]], where: _Where) -> None:
    """One section row or item; ``blank`` are the row's empty cells, so that a missing field
    (no 检查内容, no 隐患等级) is reported at the cell where it should be."""
    type_cell = filled.get("类型", (None, None))[0]
    kind = type_cell.word("类型", _TYPES, list(_TYPE_NAMES)) if type_cell else "check"
    first_ref = next(iter(filled.values()))[0].ref
    if kind == SECTION:
        s_index = len(sections)
        section: dict[str, Any] = {}
        path: tuple[str | int, ...] = ("sections", s_index)
        where.mark(path, first_ref)
        for header, key in (("序号", "id"), ("检查内容", "title")):
            if header in blank:
                where.mark((*path, key), blank[header].ref)
        for header, (c, _col) in filled.items():
            if header == "序号":
                where.mark((*path, "id"), c.ref)
                if (v := c.text(header)) is not None:
                    section["id"] = v
            elif header in ("检查内容", "检查内容（英文）"):
                where.mark((*path, "title"), c.ref)
                if (v := c.text(header)) is not None:
                    section.setdefault("title", {})["zh" if header == "检查内容" else "en"] = v
            elif header == "适用条件":
                where.mark((*path, "applies_to"), c.ref)
                if (v := c.yaml(header)) is not None:
                    section["applies_to"] = v
            elif header != "类型":
                c.bad(Message(N_("a section row (类型 = {section}) has only 序号, 检查内容 and "
                                 "适用条件; clear {column}"), section=SECTION, column=header))
        section["items"] = []
        sections.append(section)
        return
    if kind is None:
        return
    if not sections:
        where.problem(first_ref, Message(N_("an item before the first section row: add a row "
                                            "with 类型 {section} above it"), section=SECTION))
        return
    section = sections[-1]
    i_index = len(section["items"])
    path = ("sections", len(sections) - 1, "items", i_index)
    where.mark(path, first_ref)
    cells = sorted([*blank.items(), *((h, c) for h, (c, _col) in filled.items())],
                   key=lambda hc: _column_order(hc[1].ref))
    for header, c in cells:  # in column order: "text" is where its Chinese is written
        key = _BY_HEADER[_norm(header)][1]
        where.mark((*path, key.split(".")[0]), c.ref)
        where.mark((*path, *key.split(".")), c.ref)
    item: dict[str, Any] = {}
    photo = False
    unit_en: tuple[_Cell, str] | None = None
    for header, (c, (_h, key, how)) in filled.items():
        where.mark((*path, *key.split(".")[:1]), c.ref)
        value: Any
        if how in ("id", "text"):
            value = c.text(header)
        elif how == "type":
            value = kind
        elif how == "grade":
            value = c.word(header, _GRADES, ("general", "major"))
        elif how == "bool":
            value = c.flag(header)
        elif how == "yaml":
            value = c.yaml(header)
        elif how == "number":
            value = c.number(header)
        elif how == "integer":
            value = c.number(header, integer=True)
        elif how == "role":
            value = c.word(header, _ROLES, _ROLE_NAMES)
        elif how == "choices":
            value = _parse_choices(c)
        else:  # unit: text, or a {zh, en} mapping written in YAML
            text = c.text(header)
            value = c.yaml(header) if text and text.startswith("{") else text
        if value is None:
            continue
        if key == "unit.en":
            unit_en = (c, value)
            continue
        if key == "photo":
            photo = value
            continue
        _put(item, key, value)
    if unit_en is not None:
        if isinstance(item.get("unit"), str):
            item["unit"] = {"zh": item["unit"], "en": unit_en[1]}
        else:
            unit_en[0].bad(Message(N_("单位（英文） needs the Chinese unit in 单位 (plain text)")))
    if "type" not in item:
        item["type"] = kind
    section["items"].append(item)
    if photo:
        if item.get("type") != "check" or "id" not in item:
            where.problem(filled["需拍照"][0].ref,
                          Message(N_("需拍照 is for check items (类型 检查) with a 序号")))
            return
        photo_path = ("sections", len(sections) - 1, "items", i_index + 1)
        where.mark(photo_path, filled["需拍照"][0].ref)
        section["items"].append(_photo_item(item["id"]))


def _column_order(ref: str) -> tuple[int, str]:
    letters = re.search(r"!([A-Z]+)", ref)
    name = letters[1] if letters else ""
    return len(name), name


def _parse_choices(c: _Cell) -> list[dict[str, Any]] | None:
    """Choices, one per line: ``value = 中文 | English``; or a YAML list."""
    text = c.text("选项")
    if text is None:
        return None
    if text.lstrip().startswith("["):
        value = c.yaml("选项")
        return value if value is not None else None
    out: list[dict[str, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        value, eq, rest = line.partition("=")
        if not eq or not value.strip() or not rest.strip():
            c.bad(Message(N_("选项 line {number} ({text}) must read value = 中文 | English"),
                          number=n, text=repr(line.strip())))
            return None
        zh, bar, en = rest.partition("|")
        text_pair: dict[str, str] = {"zh": zh.strip()}
        if bar:
            text_pair["en"] = en.strip()
        out.append({"value": _choice_value(value.strip()), "text": text_pair})
    return out or None


def _choice_value(token: str) -> str | int:
    if len(token) >= 2 and token[0] == token[-1] == '"':
        return token[1:-1]
    return int(token) if re.fullmatch(r"-?\d+", token) else token


# --- writing ------------------------------------------------------------------------------------

_HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
_SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin", color="B0B0B0")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")


def _flow(value: Any) -> str:
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True,
                          sort_keys=False, width=2**31 - 1).strip()


def _choices_text(choices: list[dict[str, Any]]) -> str:
    plain = True
    lines = []
    for choice in choices:
        value, text = choice.get("value"), choice.get("text", {})
        texts = [text.get("zh", ""), text.get("en")] if isinstance(text, dict) else [None]
        if (not isinstance(value, str | int) or isinstance(value, bool)
                or set(choice) != {"value", "text"} or not isinstance(text, dict)
                or set(text) - {"zh", "en"} or "zh" not in text
                or any(t is not None and ("|" in t or "\n" in t or t != t.strip() or not t)
                       for t in texts)):
            plain = False
            break
        if isinstance(value, str):
            if (value != value.strip() or not value or "=" in value or '"' in value
                    or re.fullmatch(r"-?\d+", value)):
                if '"' in value or "=" in value or value != value.strip() or not value:
                    plain = False
                    break
                token = f'"{value}"'
            else:
                token = value
        else:
            token = str(value)
        lines.append(f"{token} = {text['zh']}" + (f" | {text['en']}" if "en" in text else ""))
    return "\n".join(lines) if plain else _flow(choices)


def _item_cells(item: dict[str, Any], photo: bool) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for header, key, how in _COLUMNS:
        if key == "photo":
            if photo:
                row[header] = "是"
            continue
        head, _, sub = key.partition(".")
        if head not in item:
            continue
        value = item[head]
        if how == "unit":
            pair = isinstance(value, dict) and set(value) == {"zh", "en"}
            row[header] = value["zh"] if pair else (
                _flow(value) if isinstance(value, dict) or str(value).startswith("{") else value)
            continue
        if key == "unit.en":
            if isinstance(value, dict) and set(value) == {"zh", "en"}:
                row[header] = value["en"]
            continue
        if sub:
            if isinstance(value, dict) and sub in value:
                row[header] = value[sub]
            continue
        if how == "type":
            row[header] = _TYPE_NAMES.get(value, value)
        elif how == "grade":
            row[header] = {"general": "一般", "major": "重大"}.get(value, value)
        elif how == "bool":
            row[header] = "是" if value else "否"
        elif how == "role":
            row[header] = _ROLE_NAMES.get(value, value)
        elif how == "yaml":
            row[header] = _flow(value)
        elif how == "choices":
            row[header] = _choices_text(value)
        else:
            row[header] = value
    return row


def _info_cells(definition: dict[str, Any]) -> list[tuple[str, str, Any]]:
    rows = []
    for key, label, how in _INFO:
        head, _, sub = key.partition(".")
        value = definition.get(head)
        if sub:
            value = value.get(sub) if isinstance(value, dict) else None
        if value is None:
            rows.append((label, key, None))
        elif how == "bool":
            rows.append((label, key, "是" if value else "否"))
        elif how == "kind":
            rows.append((label, key, _KIND_NAMES.get(value, value)))
        elif how == "yaml":
            rows.append((label, key, _flow(value)))
        else:
            rows.append((label, key, value))
    return rows


def _is_folded_photo(items: list[dict[str, Any]], index: int) -> bool:
    """Whether items[index] is exactly the photo item 需拍照 adds after items[index - 1]."""
    if index == 0:
        return False
    previous = items[index - 1]
    return (previous.get("type") == "check" and isinstance(previous.get("id"), str)
            and items[index] == _photo_item(previous["id"]))


def _build(definition: dict[str, Any] | None) -> Workbook:
    wb = Workbook()
    info = wb.active
    info.title = INFO_SHEET
    info.append(["字段", "值", "说明"])
    for label, key, value in _info_cells(definition or {}):
        info.append([label, value, _INFO_HINTS.get(key, "")])
    for cell in info[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
    for row in info.iter_rows(min_row=1):
        for cell in row:
            cell.alignment = _WRAP
            cell.border = _BORDER
            if cell.column == 2:
                cell.number_format = "@"  # text: a version 2027.10 stays 2027.10
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 70
    info.column_dimensions["C"].width = 48

    ws = wb.create_sheet(ITEMS_SHEET)
    headers = [h for h, _, _ in _COLUMNS]
    ws.append(headers)
    if definition is not None:
        for section in definition.get("sections", []):
            ws.append(_section_row(section, headers))
            for cell in ws[ws.max_row]:
                cell.fill = _SECTION_FILL
                cell.font = Font(bold=True)
            items = section.get("items", [])
            for index, item in enumerate(items):
                if _is_folded_photo(items, index):
                    continue
                photo = index + 1 < len(items) and _is_folded_photo(items, index + 1)
                cells = _item_cells(item, photo)
                ws.append([cells.get(h) for h in headers])
    _style_items(ws, headers)
    _help_sheet(wb)
    return wb


def _section_row(section: dict[str, Any], headers: list[str]) -> list[Any]:
    title = section.get("title", {})
    values = {"序号": section.get("id"), "类型": SECTION, "检查内容": title.get("zh"),
              "检查内容（英文）": title.get("en")}
    if "applies_to" in section:
        values["适用条件"] = _flow(section["applies_to"])
    return [values.get(h) for h in headers]


def _style_items(ws: Any, headers: list[str]) -> None:
    for col, header in enumerate(headers, 1):
        ws.column_dimensions[get_column_letter(col)].width = _WIDTHS.get(header, 10)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        for cell in row:
            cell.alignment = _WRAP
            cell.border = _BORDER
            text_column = headers[cell.column - 1] in ("序号", "检查内容", "检查方法", "依据")
            if text_column and cell.row > 1:
                cell.number_format = "@"
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(ws.max_row, 1)}"
    last = max(ws.max_row + 200, 500)
    lists = {"类型": ",".join(k for k in _TYPES if k != "section"), "隐患等级": "一般,重大",
             "必填": "是,否", "需拍照": "是,否", "签名人": ",".join(_ROLES)}
    for header, options in lists.items():
        letter = get_column_letter(headers.index(header) + 1)
        dv = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
        dv.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(dv)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


_HELP = [
    ("工作表", "「模板」写模板的编号、版本、标题等；「检查项」每行一个检查项，"
              "类型为「分节」的行开始一个新的分节。"),
    ("序号", "检查项编号：小写字母、数字和 . _ -，在整个模板内唯一，各版本保持不变"
             "（分节行写分节编号）。"),
    ("类型", "检查（默认）、是否、文本、长文本、数字、单选、多选、日期、日期时间、"
             "照片、签名、说明、分节。"),
    ("检查内容", "检查项的内容（中文，必填）；分节行写分节标题。「（英文）」列写英文。"),
    ("检查方法", "现场如何检查（可空）。"),
    ("依据", "法规、标准的条款（可空）。"),
    ("隐患等级", "一般 或 重大：不符合时形成的隐患等级；类型为「检查」的行必填。"),
    ("必填", "是 / 否；空着按默认（可作答的类型为必填）。"),
    ("需拍照", "是：在该检查项后增加一项「不符合情况拍照留证」，判为不符合时须拍照。"),
    ("适用条件", "何时显示本项，写法同 YAML 的 show_if，如 {item: fire-mgmt-05, equals: true}；"
             "分节行写适用企业，如 {special_areas: [combustible_dust]}。"),
    ("选项", "单选、多选的选项，每行一个：值 = 中文 | English。"),
    ("数字列", "最小值、最大值、正常下限、正常上限、最多字数、最少照片、权重："
               "填数字，不要以文本格式保存。"),
    ("不允许", "合并单元格、公式、模板以外的列。空行可以保留，导入时忽略。"),
    ("导入", "在「检查表模板」页点「导入…」，也可用命令行导入；出错时提示「工作表!单元格」。"),
]


def _help_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet(HELP_SHEET)
    ws.append(["项目", "说明"])
    for row in _HELP:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = _WRAP
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 100


def export_workbook(definition: dict[str, Any], path: Path | str) -> None:
    """Write ``definition`` as a workbook in the layout; replaced whole or not at all."""
    _save(_build(definition), Path(path))


_EXAMPLE: dict[str, Any] = {
    "format": FORMAT,
    "id": "my-checklist",
    "version": "2027.1",
    "title": {"zh": "（检查表名称）", "en": "(Checklist title)"},
    "kind": "routine",
    "language": "zh_CN",
    "sections": [{
        "id": "management",
        "title": {"zh": "安全管理", "en": "Safety management"},
        "items": [
            {"id": "mgmt-01", "type": "check",
             "text": {"zh": "建立健全全员安全生产责任制", "en": "A safety responsibility system "
                      "covering all staff is established"},
             "guidance": {"zh": "查阅责任制文件和考核记录。", "en": "Read the documents and "
                          "assessment records."},
             "legal_basis": {"zh": "《中华人民共和国安全生产法》第四条", "en": "Work Safety Law "
                             "Art. 4"},
             "grade": "general"},
            _photo_item("mgmt-01"),
        ],
    }],
}


def layout_workbook() -> Workbook:
    """The blank layout: every column, the help sheet and one example section with one item."""
    return _build(_EXAMPLE)


def write_layout_workbook(path: Path | str) -> None:
    _save(layout_workbook(), Path(path))


def _save(wb: Workbook, path: Path) -> None:
    from io import BytesIO

    buffer = BytesIO()
    wb.save(buffer)
    write_atomic_checked(path, buffer.getvalue())

