"""The dispatch circular (通报): a numbered document with the figures, a chart, the overdue
major hazards (every one, naming its company, in the annex 附件), and the units that lag.

The wording is the office's own, not a legal text: a plain report of the figures the dispatch
statistics computed. Numbered per office and year (e.g. 台安办〔2026〕12号) from a counter kept
on this computer, taken when the file is first written; the register of issued circulars gives
the same circular (same period and campaign; the plans circular: same day) its number again.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from inspector_app.domain.bilingual import Bilingual, counted, written_day
from inspector_app.domain.escalation import MEASURE_LABELS, Measure
from inspector_app.domain.profile import CIRCULAR_WORD_SETTING, DEFAULT_CIRCULAR_WORD
from inspector_app.domain.text import printable, truncated
from inspector_app.services.pdf.fonts import register_fonts
from inspector_app.services.pdf.layout import CUT_MARK, esc
from inspector_app.services.reports.dispatch_xlsx import ANNEX_TITLE, HEADER
from inspector_app.storage.circulars_repo import IssuedCircular, circular_number, issued_circulars
from inspector_app.storage.dispatch_stats import DispatchRow, drill_down
from inspector_app.storage.repositories import SettingsRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector_app.services.dispatch import DispatchReport

RED = colors.HexColor("#c00000")


@dataclass(frozen=True)
class CircularStyles:
    """The paragraph styles every circular (通报) of the office prints with."""

    base: ParagraphStyle       # body text, first line indented
    plain: ParagraphStyle
    head: ParagraphStyle
    red_title: ParagraphStyle
    centered: ParagraphStyle
    title: ParagraphStyle
    right: ParagraphStyle
    small: ParagraphStyle


def circular_styles(font: str) -> CircularStyles:
    plain = ParagraphStyle("plain", fontName=font, fontSize=11, leading=19, wordWrap="CJK")
    return CircularStyles(
        base=ParagraphStyle("body", parent=plain, firstLineIndent=22),
        plain=plain,
        # A heading is never the last line of a page, apart from what it heads.
        head=ParagraphStyle("head", parent=plain, fontSize=12, leading=20, spaceBefore=6,
                            keepWithNext=1),
        red_title=ParagraphStyle("red", parent=plain, fontSize=22, leading=30,
                                 alignment=TA_CENTER, textColor=RED),
        centered=ParagraphStyle("c", parent=plain, alignment=TA_CENTER),
        title=ParagraphStyle("t", parent=plain, fontSize=15, leading=24, alignment=TA_CENTER,
                             spaceBefore=8, spaceAfter=8),
        right=ParagraphStyle("r", parent=plain, alignment=TA_RIGHT),
        small=ParagraphStyle("s", parent=plain, fontSize=8, leading=10))


def letterhead(db: Database, number: str, zh: bool, st: CircularStyles) -> list:
    """The red heading of a circular: the issuing office, the number, the red rule."""
    issuer = SettingsRepo(db).get("organisation") or ""
    return [Paragraph(f"{esc(issuer)}{'文件' if zh else ''}", st.red_title),
            Paragraph(esc(number), st.centered),
            HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=4, spaceAfter=8)]


def signed_off(story: list, issuer: str, day: str, st: CircularStyles,
               notes: Sequence[Flowable] = ()) -> list:
    """``story`` closed by ``notes`` (the annex's note), the issuing office and the date, kept
    on one page with the body's last paragraph: a last page that bears only the name and the
    date, none of the text, reads as a page of its own that anyone could have put under
    another circular."""
    # The heading over that paragraph comes along: a KeepTogether is not kept with the
    # flowable before it.
    tail = len(story) - 1
    while tail > 0 and story[tail - 1].getKeepWithNext():
        tail -= 1
    return [*story[:tail], KeepTogether([*story[tail:], *notes, Spacer(1, 10 * mm),
                                         Paragraph(esc(issuer), st.right),
                                         Paragraph(day, st.right)])]
WORD_SETTING = CIRCULAR_WORD_SETTING     # e.g. 台安办: the office's short name in numbers


def circular_word(db: Database) -> str:
    return SettingsRepo(db).get(WORD_SETTING) or DEFAULT_CIRCULAR_WORD


def circular_number_for(db: Database, kind: str, subject: str, issued_on: date, title: str,
                        *, word: str | None = None) -> str:
    """This circular's number: the one it was first issued with (the same ``kind`` and
    ``subject``), else the next of the office's word and the year. Call it inside the
    transaction that writes the file."""
    return circular_number(db, kind, subject, word or circular_word(db), issued_on.year, title,
                           issued_on.isoformat()).number


def dispatch_circular_number(db: Database, report: DispatchReport, issued_on: date, *,
                             word: str | None = None) -> str:
    """The number of the dispatch circular of ``report``: the same document, and number, only
    when everything its figures show is the same."""
    query = report.query
    subject = " ".join([
        f"{query.period.start.isoformat()}..{query.period.end.isoformat()}",
        f"by:{query.by}", f"as-of:{issue_day(report).isoformat()}",
        *([f"campaign:{query.campaign.id}"] if query.campaign else []),
        *([f"unit:{report.unit.id}"] if report.unit else [])])
    return circular_number_for(db, "dispatch", subject, issued_on, dispatch_title(report),
                               word=word)


def circulars_issued(db: Database, year: int | None = None) -> list[IssuedCircular]:
    """The office's register of circulars, the latest issued first."""
    return issued_circulars(db, year)


def issue_day(report: DispatchReport) -> date:
    return report.query.as_of or date.today()


def dispatch_title(report: DispatchReport) -> str:
    # A campaign's name already says what it is (…专项排查整治行动): "关于…隐患排查整治工作
    # 情况的通报" after it repeated itself.
    campaign = report.query.campaign
    if report.zh:
        return (f"关于{campaign.name}工作情况的通报" if campaign
                else "关于安全生产隐患排查整治工作情况的通报")
    return (f"Circular on the progress of the campaign {campaign.name}" if campaign
            else "Circular on the district's hazard investigation and rectification")


def _deadline(value: str | None, zh: bool) -> str:
    try:
        return written_day(date.fromisoformat((value or "")[:10]), zh)
    except ValueError:
        return value or ""


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def lagging(rows: list[DispatchRow]) -> list[tuple[DispatchRow, Bilingual]]:
    """Units to name, with the reason: no inspection in the period (re-inspections follow up
    hazards found before: they do not cover a company, and the reason says there were some),
    or overdue hazards while coverage is below the district's. A unit with no company in
    scope (a town without companies, the fire-safety committee's office, a department outside
    a campaign's industries) had nothing to inspect: it is not named for that."""
    out = []
    scope = sum(r.figures["companies_in_scope"] for r in rows)
    inspected = sum(r.figures["companies_inspected"] for r in rows)
    average = inspected / scope if scope else None
    for row in rows:
        if not row.key:
            continue
        if row.silent and row.figures["companies_in_scope"] and row.figures["reinspections"]:
            out.append((row, Bilingual(zh="本期无检查记录，仅有复查",
                                       en="no inspection in the period, re-inspections only")))
        elif row.silent and row.figures["companies_in_scope"]:
            out.append((row, Bilingual(zh="本期无检查记录", en="no inspection in the period")))
        elif row.figures["overdue"] and average is not None and (row.coverage or 0) < average:
            out.append((row, Bilingual(
                zh=f"覆盖率{_pct(row.coverage)}低于全区{_pct(average)}，"
                   f"逾期未整改{row.figures['overdue']}项",
                en=f"coverage {_pct(row.coverage)} below the district's "
                   f"{_pct(average)}, {row.figures['overdue']} overdue")))
    return out


def _chart(rows: list[DispatchRow], font: str, zh: bool) -> Drawing:
    shown = [r for r in rows if r.key][:16]
    width, height = 170 * mm, 70 * mm
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 18 * mm
    chart.width, chart.height = width - 20 * mm, height - 28 * mm
    chart.data = [[r.figures["hazards_major"] for r in shown],
                  [r.figures["hazards_general"] for r in shown],
                  [r.figures["rectified"] for r in shown]] if shown else [[0]]
    # Whole names, five characters a line: cut to six, 综合执法与应急管理局 read 综合执法与应.
    chart.categoryAxis.categoryNames = [
        "\n".join(r.label[i:i + 5] for i in range(0, len(r.label), 5)) for r in shown] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    palette = (RED, colors.HexColor("#f0a030"), colors.HexColor("#2e7d32"))
    for i, colour in enumerate(palette[:len(chart.data)]):
        chart.bars[i].fillColor = colour
    d.add(chart)
    legend = Legend()
    legend.fontName = font
    legend.fontSize = 8
    # Hung from the chart's right edge: the English names are longer than the Chinese ones,
    # and a legend placed from its left ran past the page's margin.
    legend.x, legend.y = width, height - 2 * mm
    legend.boxAnchor = "ne"
    legend.columnMaximum = 1
    legend.alignment = "right"
    names = ("重大隐患", "一般隐患", "已整改") if zh else ("Major", "General", "Rectified")
    legend.colorNamePairs = list(zip(palette, names, strict=True))
    d.add(legend)
    d.add(String(12 * mm, height - 4 * mm,
                 "各单位排查隐患及整改情况" if zh else "Hazards and rectification by unit",
                 fontName=font, fontSize=9))
    return d


def annexed_hazards(db: Database, report: DispatchReport) -> list[dict[str, Any]]:
    """Every overdue major hazard the circular counts (of the unit's row, for a unit's own),
    with its days overdue on the day the figures are taken: the annex's rows."""
    group = report.rows[0].key if report.rows else None
    as_of = report.query.as_of or date.today()
    hazards = drill_down(db, report.query, "overdue_major", group)
    for hazard in hazards:
        try:
            hazard["days_overdue"] = (as_of - date.fromisoformat(hazard["deadline"][:10])).days
        except (TypeError, ValueError):
            hazard["days_overdue"] = None
    return hazards


# A hazard's description in the annex: a row taller than a page cannot be laid out, and the
# whole circular would fail for one long text (the sync schema allows 20,000 characters). The
# rest is in the hazard's record; the cut is marked.
ANNEX_TEXT_LIMIT = 500


def _cell(text: str | None, limit: int) -> str:
    """A value of the annex as plain text in a paragraph: never mark-up, never taller than a
    page."""
    return esc(truncated(printable(text or ""), limit, CUT_MARK))


def _annex(hazards: list[dict[str, Any]], font: str, zh: bool, st: CircularStyles) -> list:
    """附件: the list of overdue major hazards, its heading repeated on every page."""
    small = st.small
    lines: list[list[Any]] = [
        ["序号", "企业名称", "乡镇（街道）", "隐患", "整改期限", "逾期天数", "整改责任人"] if zh
        else ["No.", "Company", "Town", "Hazard", "Deadline", "Days overdue", "Responsible"]]
    # English headings wrap between words, not inside them as Chinese may.
    heading = small if zh else ParagraphStyle("heading", parent=small, wordWrap=None)
    lines[0] = [Paragraph(text, heading) for text in lines[0]]
    for n, h in enumerate(hazards, start=1):
        lines.append([n, Paragraph(_cell(h["company_name"], 120), small),
                      Paragraph(_cell(h["town"], 60), small),
                      Paragraph(_cell(h["description"], ANNEX_TEXT_LIMIT), small),
                      Paragraph(esc(_deadline(h["deadline"], zh)), small),
                      "" if h["days_overdue"] is None else h["days_overdue"],
                      Paragraph(_cell(h["responsible"], 60), small)])
    # In Chinese each heading, a town such as 开发区管委会 and a day such as 2026年11月28日 keep
    # to one line: a heading broken as 逾期天/数 or a day whose 日 stands alone reads badly. The
    # right padding keeps a mark hung at a line's end (”, ，) inside its cell.
    widths = (9, 32, 21, 51, 25, 15, 17) if zh else (10, 34, 18, 48, 19, 16, 25)
    table = Table(lines, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 8), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (5, 1), (5, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]))
    return [Paragraph("附件" if zh else "Annex", st.head),
            Paragraph(ANNEX_TITLE.zh if zh else ANNEX_TITLE.en, st.title), table]


# The figures of the circular's table, headed as the statistics table heads them (HEADER): a
# group's name over its columns, a column alone in its group under both header rows. Whole words
# in either language: the English headers once were cut to fit ("Insp.", "Cov.", "Rect.").
CIRCULAR_FIGURES = ("companies_in_scope", "companies_inspected", "coverage",
                    "inspections_official", "inspections_self", "hazards_major",
                    "hazards_general", "rectified", "rectification_rate", "overdue", "orders")
TABLE_FONT_SIZE = 8
CELL_PADDING = 3        # pt each side of a cell's text
TEXT_WIDTH = A4[0] - 40 * mm - 12   # the page between its margins, less the frame's padding
UNIT_LEAST = 24 * mm    # a longer unit name wraps
UNIT_MOST = 38 * mm


def _pieces(text: str, zh: bool) -> list[str]:
    """What a header's lines are at the narrowest: its words; a Chinese header of four
    characters whole (执法检查, never 执法检/查), a longer one on two lines."""
    if zh:
        half = len(text) if len(text) <= 4 else math.ceil(len(text) / 2)
        return [text[i:i + half] for i in range(0, len(text), half)]
    return text.split()


def _figure_cell(row: DispatchRow, name: str) -> str:
    if name in ("coverage", "rectification_rate"):
        return _pct(getattr(row, name))
    return str(row[name])


def _figures_table(rows: list[DispatchRow], font: str, zh: bool, st: CircularStyles) -> Table:
    """The units' figures, the total last, under two rows of whole-word headers; each figure
    column as wide as its widest word or figure, the unit column the rest."""
    def width(text: str) -> float:
        return stringWidth(text, font, TABLE_FONT_SIZE) + 2 * CELL_PADDING + 1

    heading = ParagraphStyle("figure heading", parent=st.small, alignment=TA_CENTER,
                             wordWrap="CJK" if zh else None)
    top: list[Any] = ["单位" if zh else "Unit"]
    under: list[Any] = [""]
    spans: list[tuple] = [("SPAN", (0, 0), (0, 1))]
    widths: list[float] = []
    for group, columns in HEADER:
        shown = [(name, text) for name, text in columns if name in CIRCULAR_FIGURES]
        first = len(top)
        for name, text in shown:
            words = _pieces(text.in_("zh_CN" if zh else "en"), zh)
            widths.append(max(width(w) for w in [*words, *(_figure_cell(r, name) for r in rows)]))
        if len(shown) == 1:
            top.append(shown[0][1].in_("zh_CN" if zh else "en"))
            under.append("")
            spans.append(("SPAN", (first, 0), (first, 1)))
        elif shown:
            top += [group.in_("zh_CN" if zh else "en"), *[""] * (len(shown) - 1)]
            under += [text.in_("zh_CN" if zh else "en") for _, text in shown]
            spans.append(("SPAN", (first, 0), (first + len(shown) - 1, 0)))
    unit = min(UNIT_MOST, max(UNIT_LEAST, *(width(r.label) for r in rows)))
    spare = TEXT_WIDTH - unit - sum(widths)
    if spare < 0:        # the unit's names wrap before a figure's header does
        unit = max(UNIT_LEAST, unit + spare)
        spare = max(0.0, TEXT_WIDTH - unit - sum(widths))
    widths = [w + spare / len(widths) for w in widths]
    header = [[Paragraph(esc(t), heading) if t else "" for t in line] for line in (top, under)]
    body = [[Paragraph(esc(r.label), st.small), *(_figure_cell(r, n) for n in CIRCULAR_FIGURES)]
            for r in rows]
    table = Table([*header, *body], colWidths=[unit, *widths], repeatRows=2)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, TABLE_FONT_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#eeeeee")),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#eeeeee")), *spans]))
    return table


def circular_pdf(db: Database, report: DispatchReport, number: str | None = None,
                 issued_on: date | None = None) -> bytes:
    font = register_fonts()
    zh = report.zh
    issued_on = issued_on or issue_day(report)
    if number is None:
        number = dispatch_circular_number(db, report, issued_on)
    st = circular_styles(font)
    base, plain, head, title = st.base, st.plain, st.head, st.title
    issuer = SettingsRepo(db).get("organisation") or ""

    total = report.table.total
    rows = report.rows if report.rows is not None else report.table.rows
    story: list = letterhead(db, number, zh, st)
    if zh:
        story += [Paragraph(esc(dispatch_title(report)), title),
                  Paragraph("各乡镇（街道）、区直有关部门：", plain),
                  Paragraph(
                      f"{report.title.period}，全区应检企业{total['companies_in_scope']}家，"
                      f"已检查{total['companies_inspected']}家（覆盖率{_pct(total.coverage)}），"
                      f"开展执法检查{total['inspections_official']}次、企业自查"
                      f"{total['inspections_self']}次、复查{total['reinspections']}次；排查"
                      f"重大事故隐患{total['hazards_major']}项、一般隐患"
                      f"{total['hazards_general']}项，已整改{total['rectified']}项，整改率"
                      f"{_pct(total.rectification_rate)}；逾期未整改{total['overdue']}项（其中"
                      f"重大事故隐患{total['overdue_major']}项）；下达责令限期整改指令书"
                      f"{total['orders']}份，采取现场处理措施{total['onsite_measures']}项。"
                      "现将有关情况通报如下：", base)]
    else:
        story += [Paragraph(esc(dispatch_title(report)), title),
                  Paragraph(
                      f"{report.title.period}: {total['companies_inspected']} of "
                      f"{counted(total['companies_in_scope'], 'company', 'companies')} "
                      f"inspected ({_pct(total.coverage)}); "
                      f"{counted(total['inspections_official'], 'official inspection')}, "
                      f"{counted(total['inspections_self'], 'self-inspection')}, "
                      f"{counted(total['reinspections'], 're-inspection')}; "
                      f"{total['hazards_major']} major and "
                      f"{counted(total['hazards_general'], 'general hazard')}, "
                      f"{total['rectified']} rectified ({_pct(total.rectification_rate)}); "
                      f"{total['overdue']} overdue ({total['overdue_major']} major); "
                      f"{counted(total['orders'], 'order')}, "
                      f"{counted(total['onsite_measures'], 'on-site measure')}.", base)]

    # 一、the table and the chart
    story.append(Paragraph("一、各单位工作情况" if zh else "1. By unit", head))
    story.append(_figures_table([*rows, total], font, zh, st))
    story += [Spacer(1, 4 * mm), KeepTogether([_chart(rows, font, zh)])]

    # 二、overdue major hazards: counted here, each one named in the annex. Towns have no copy of
    # the office's ledger, so a circular that sent them there named only the first ones.
    story.append(Paragraph("二、逾期未整改的重大事故隐患" if zh else
                           "2. Overdue major accident hazards", head))
    group = rows[0].key if report.rows else None
    overdue = annexed_hazards(db, report)
    if overdue:
        companies = len({h["company_name"] for h in overdue})
        as_of = written_day(report.query.as_of or issued_on, zh)
        story.append(Paragraph(
            f"截至{as_of}，逾期未整改的重大事故隐患{len(overdue)}项，涉及企业{companies}家，"
            f"清单见附件。" if zh else
            f"As of {as_of}, {len(overdue)} major accident hazards at {companies} companies are "
            "past their deadline; the annex lists each of them.", base))
    else:
        story.append(Paragraph("无。" if zh else "None.", base))

    # 三、units that lag
    story.append(Paragraph("三、工作滞后的单位" if zh else "3. Units that lag", head))
    lag = lagging(rows)
    if lag:
        for row, why in lag:
            story.append(Paragraph(f"{esc(row.label)}：{why.zh}。" if zh else
                                   f"{esc(row.label)}: {why.en}.", base))
    else:
        story.append(Paragraph("无。" if zh else "None.", base))
    # 四、escalation decisions taken in the period
    story.append(Paragraph("四、曝光和查处情况" if zh else "4. Escalation", head))
    decided = drill_down(db, report.query, "escalations", group)
    if decided:
        for n, e in enumerate(decided, start=1):
            measure = MEASURE_LABELS[Measure(e["measure"])].in_("zh_CN" if zh else "en")
            number_ = esc(e["case_number"] or "")
            case = f"（{number_}）" if zh and number_ else (f" ({number_})" if number_ else "")
            company, day_ = esc(e["company_name"]), esc(e["decided_on"])
            story.append(Paragraph(f"{n}. {company}：{day_} {measure}{case}" if zh else
                                   f"{n}. {company}: {measure} on {day_}{case}", plain))
    else:
        story.append(Paragraph("无。" if zh else "None.", base))
    if zh:
        story.append(Paragraph("请被通报的单位督促相关企业限期整改到位，并将整改情况报送"
                               f"{esc(issuer) or '区安办'}。", base))
    # The annex's note under the body, the annex on a page of its own (GB/T 9704-2012,
    # 党政机关公文格式: 附件说明, 附件).
    note = [Spacer(1, 5 * mm), Paragraph(
        f"附件：{ANNEX_TITLE.zh}" if zh else f"Annex: {ANNEX_TITLE.en}", base)] if overdue else []
    story = signed_off(story, issuer, written_day(issued_on, zh), st, note)
    if overdue:
        story += [PageBreak(), *_annex(overdue, font, zh, st)]

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm,
                            title=number, author=issuer)

    def footer(canvas, doc_) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"— {doc_.page} —")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
