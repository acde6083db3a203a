"""The inspectors' quick-start card: one printable A4 page, Chinese or English.

Made with the documents' own font and styles, so it prints like them; its steps follow the user
guide's pages (``docs/guide``), which say more.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from inspector_app import __version__
from inspector_app.errors import from_os_error
from inspector_app.services.pdf.layout import FRAME_W, LINE, SHADE, esc, styles
from inspector_app.storage.files import write_atomic_checked

_CARD = {
    "zh_CN": {
        "title": "安全检查助手 · 检查人员快速上手",
        "before": "检查前（只需一次）",
        "before_steps": [
            "首次启动：填写姓名、执法证号、所属单位、机关简称和办公室分配给本机的文书编号前缀。",
            "数据同步页 → 导入…：导入办公室的数据包（被检查单位、检查表模板、文书编号段）。",
            "工具 → 签名证书… → 导入证书文件…：输入办公室的一次性口令，再设置自己的口令并牢记。",
        ],
        "steps_title": "一次检查",
        "steps": [
            "Ctrl+N 新建检查：选择被检查单位和检查表；执法检查至少两名检查人员。",
            "逐项检查：1 符合、2 不符合、3 不适用；N 写备注；F3 跳到下一个未检查项。",
            "不符合时填写隐患：整改要求、整改期限、整改责任人（Ctrl+H 另加隐患）。",
            "添加照片：添加照片…、拖放，或 Ctrl+V 粘贴。",
            "签名…：检查人员和企业负责人签名；企业拒签时由见证人签名。",
            "Ctrl+Return 完成检查：按列表补齐缺少的内容。",
            "签署并锁定：输入签名证书口令；之后只能通过“修订…”更正。",
            "文书…：打印或导出现场检查记录和责令限期整改指令书。",
            "回到办公室：数据同步页 → 导出…，选择 U 盘。",
        ],
        "keys_title": "常用按键",
        "keys": [
            ("1 / 2 / 3", "符合 / 不符合 / 不适用"), ("N, Esc", "写备注，返回"),
            ("Ctrl+↓ / Ctrl+↑", "下一项 / 上一项"), ("F3", "下一个未检查项"),
            ("Ctrl+L", "法律依据和检查方法"), ("Ctrl+H", "添加隐患"),
            ("Ctrl+Return", "完成检查"), ("Ctrl+R", "复查"),
            ("Ctrl+/", "全部快捷键"), ("F1", "当前界面的用户手册"),
        ],
        "help": "遇到问题：按 F1 或 帮助 → 用户手册，“常见问题”一页说明数据包被拒绝、"
                "忘记口令、U 盘只读等情况。",
    },
    "en": {
        "title": "Inspector · quick start for inspectors",
        "before": "Before the first inspection (once)",
        "before_steps": [
            "First start: your name, enforcement-ID number, organisation, the authority's short "
            "name and the document-number prefix the office gave this computer.",
            "Sync page → Import…: the office's bundle (companies, checklist templates, "
            "document-number blocks).",
            "Tools → Signing identity… → Import enrolment file…: the office's one-time "
            "passphrase, then your own passphrase. Remember it.",
        ],
        "steps_title": "An inspection",
        "steps": [
            "Ctrl+N New inspection: company and checklist; an official inspection needs two "
            "inspectors.",
            "Answer every item: 1 compliant, 2 non-compliant, 3 not applicable; N for a note; "
            "F3 next unanswered.",
            "A non-compliant answer opens its hazard: requirement, deadline, responsible person "
            "(Ctrl+H adds another).",
            "Photos: Add photos…, drag and drop, or paste with Ctrl+V.",
            "Signatures…: the inspectors and the company's person; a witness signs a refusal.",
            "Ctrl+Return completes: fix what the list says is missing.",
            "Sign and lock with your passphrase; afterwards only Amend… corrects it.",
            "Documents…: print or export the inspection record and the order to rectify.",
            "Back at the office: Sync page → Export… to the USB stick.",
        ],
        "keys_title": "Keys",
        "keys": [
            ("1 / 2 / 3", "compliant / non-compliant / n.a."), ("N, Esc", "note, back"),
            ("Ctrl+↓ / Ctrl+↑", "next / previous item"), ("F3", "next unanswered item"),
            ("Ctrl+L", "legal basis, how to check"), ("Ctrl+H", "add a hazard"),
            ("Ctrl+Return", "complete"), ("Ctrl+R", "re-inspection"),
            ("Ctrl+/", "all shortcuts"), ("F1", "the guide for this screen"),
        ],
        "help": "Stuck? F1 or Help → User guide. Its Troubleshooting page covers refused "
                "bundles, forgotten passphrases, read-only USB sticks and more.",
    },
}


def card_text(lang: str) -> dict:
    return _CARD["zh_CN" if lang.lower().startswith("zh") else "en"]


def write_quick_card(path: Path, lang: str) -> Path:
    """Write the one-page card to ``path``."""
    text = card_text(lang)
    s = styles("zh_CN" if lang.lower().startswith("zh") else "en")
    story: list = [Paragraph(esc(text["title"]), s.title), Spacer(1, 6 * mm)]

    def numbered(title: str, lines: list[str]) -> None:
        story.append(Paragraph(esc(title), s.heading))
        rows = [[Paragraph(f"{n}", s.body), Paragraph(esc(line), s.body)]
                for n, line in enumerate(lines, 1)]
        table = Table(rows, colWidths=[8 * mm, FRAME_W - 8 * mm])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2)]))
        story.append(table)

    numbered(text["before"], text["before_steps"])
    numbered(text["steps_title"], text["steps"])
    story.append(Paragraph(esc(text["keys_title"]), s.heading))
    keys = text["keys"]
    half = (len(keys) + 1) // 2
    rows = []
    for left, right in zip(keys[:half], keys[half:] + [("", "")] * (2 * half - len(keys)),
                           strict=True):
        rows.append([Paragraph(esc(left[0]), s.body), Paragraph(esc(left[1]), s.body),
                     Paragraph(esc(right[0]), s.body), Paragraph(esc(right[1]), s.body)])
    key_w = 30 * mm
    table = Table(rows, colWidths=[key_w, FRAME_W / 2 - key_w] * 2)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, LINE),
                               ("BACKGROUND", (0, 0), (0, -1), SHADE),
                               ("BACKGROUND", (2, 0), (2, -1), SHADE),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story += [table, Spacer(1, 4 * mm), Paragraph(esc(text["help"]), s.body),
              Paragraph(esc(f"Inspector {__version__}"), s.small)]
    # Laid out in memory and written whole or not at all: reportlab writing the file itself
    # leaves half a card, that looks finished, on a disk that fills up.
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=(210 * mm, 297 * mm), leftMargin=18 * mm,
                            rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=14 * mm,
                            title=text["title"], author="Inspector")
    # Shrunk rather than spilled onto a second page, whatever the wording's length.
    frame_h = 297 * mm - 30 * mm
    doc.build([KeepInFrame(FRAME_W, frame_h, story, mode="shrink")])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise from_os_error(exc, path) from exc
    write_atomic_checked(path, buffer.getvalue())
    return path



