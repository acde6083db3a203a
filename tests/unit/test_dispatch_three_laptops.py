"""From the office's registry to the circular: three laptops of three units inspect, their
bundles come back, and the dispatch figures, the xlsx and the circular say what happened."""

from __future__ import annotations

import subprocess
from datetime import date

from openpyxl import load_workbook

from inspector_app.cli import main
from inspector_app.domain.inspection import Kind
from inspector_app.domain.records import new_id
from inspector_app.domain.units import Campaign, Period, Phase, Target, UnitKind
from inspector_app.services.inspections import InspectionService
from inspector_app.services.sync import export_bundle, import_bundle
from inspector_app.services.units import UnitsService
from inspector_app.storage.dispatch_stats import DispatchQuery, dispatch_table
from tests.factories import SMALL_TEMPLATE, add_company, add_template
from tests.pdf_scenarios import set_up_profile
from tests.unit.test_sync import ORG_PASS

TODAY = date(2026, 11, 30)
TOWNS = ("东园镇", "洛阳镇", "张坂镇")
KEY = f"{SMALL_TEMPLATE['id']}@{SMALL_TEMPLATE['version']}"


def _inspect(laptop, company_id: str, day: str, general: int) -> str:
    """An official inspection: the major hazard the checklist's a2 gives, and ``general``
    general ones, completed."""
    team = set_up_profile(laptop)
    insp = InspectionService(laptop.db, laptop.device, "张伟")
    inspection_id = insp.start(company_id=company_id, template_key=KEY, kind=Kind.OFFICIAL,
                               inspector_ids=team, place="生产车间",
                               started_at=f"{day}T09:00+08:00")
    for item, value in (("a1", "compliant"), ("a2", "non_compliant"), ("dust", False),
                        ("n1", 4), ("t1", "not_applicable")):
        insp.set_answer(inspection_id, item, value)
    finding = insp.get(inspection_id).finding_for_item("a2")
    insp.update_finding(finding.id, requirement="立即停止作业并整改", responsible="车间主任")
    for n in range(general):
        insp.add_finding(inspection_id, description=f"配电箱门缺失{n + 1}", grade="general",
                         requirement="更换配电箱门并上锁", deadline="2026-11-20",
                         legal_basis="《用电安全导则》")
    assert insp.complete(inspection_id) == []
    return inspection_id


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_three_laptops_bundles_make_the_dispatch_figures_table_and_circular(
        world, tmp_path):
    office = world.office
    laptops = [world.a, world.b, world.laptop("c", "王芳")]
    # The office configures its units, its companies' towns and a campaign.
    registry = UnitsService(office.db, office.device.id)
    towns = [registry.add_unit(name, UnitKind.TOWN) for name in TOWNS]
    chemical = registry.add_unit("综合执法与应急管理局", UnitKind.DEPARTMENT, ("chemical",))
    textile = registry.add_unit("经济发展局", UnitKind.DEPARTMENT, ("textile",))
    registry.add_unit("消安办", UnitKind.DEPARTMENT)
    companies = {town: [add_company(office.db, f"{town}化工有限公司", "chemical", town=""),
                        add_company(office.db, f"{town}纺织有限公司", "textile", town="")]
                 for town in TOWNS}
    for town, ids in companies.items():
        assert registry.assign(ids, town=town) == 2
    registry.save_campaign(Campaign(
        new_id(), "重大事故隐患专项排查整治2026行动", "2026-11-01", "2026-12-31",
        (Phase("集中攻坚", "2026-11-15", "2026-12-31"),),
        targets=(Target("每家重点企业至少检查一次"),)))
    out = tmp_path / "to-laptops"
    out.mkdir()
    office_bundle = export_bundle(office.db, office.data_dir, office.device, out,
                                  passphrase=ORG_PASS)

    # Each laptop learns the registry, belongs to one town and inspects that town's companies.
    general = {"东园镇": 1, "洛阳镇": 2, "张坂镇": 0}
    for laptop, town in zip(laptops, towns, strict=True):
        report = import_bundle(laptop.db, laptop.data_dir, laptop.device, office_bundle)
        assert report.tables["units"].added == 6 and report.tables["campaigns"].added == 1
        UnitsService(laptop.db, laptop.device.id).set_own_unit(town.id)
        add_template(laptop.db, SMALL_TEMPLATE)
        for n, company_id in enumerate(companies[town.name]):
            _inspect(laptop, company_id, f"2026-11-2{n}", general[town.name])
        world.import_(world.export(laptop))

    # The office has every inspection, each recorded as carried out by its laptop's unit.
    by_unit = dict(office.db.execute(
        "SELECT u.name, COUNT(*) FROM inspections i JOIN units u ON u.id = i.unit_id "
        "GROUP BY u.name").fetchall())
    assert by_unit == dict.fromkeys(TOWNS, 2)

    period = Period(date(2026, 11, 1), TODAY)
    by_town = dispatch_table(office.db, DispatchQuery(period, "town", as_of=TODAY))
    rows = {r.label: r for r in by_town.rows}
    assert [r.label for r in by_town.rows] == list(TOWNS)
    for town in TOWNS:
        row = rows[town]
        assert (row["companies_in_scope"], row["companies_inspected"]) == (2, 2)
        assert row["inspections_official"] == 2 and row["hazards_major"] == 2
        assert row["hazards_general"] == 2 * general[town]
        assert row["overdue"] == 2 * general[town]     # their deadline, 20 November, passed
    by_department = dispatch_table(office.db, DispatchQuery(period, "department", as_of=TODAY))
    departments = {r.label: r for r in by_department.rows}
    assert departments[chemical.name]["inspections_official"] == 3
    assert departments[textile.name]["inspections_official"] == 3
    assert departments[chemical.name].hazards == 3 + sum(general.values())
    assert departments["消安办"].silent
    assert by_department.total.figures == by_town.total.figures

    # The per-department table, as the office hands it over, and the circular.
    def report(*args: str) -> int:
        return main(["--data-dir", str(office.data_dir.root), "--lang", "zh_CN", "report",
                     "dispatch", "--from", "2026-11-01", "--to", "2026-11-30", "--today",
                     "2026-11-30", *args])

    table = tmp_path / "按部门.xlsx"
    assert report("--by", "department", "-o", str(table)) == 0
    ws = load_workbook(table).active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A3:A4", "B3:B4", "C3:E3"} <= merged                 # the two-row header
    last = ws.max_row - 1         # under 合计, what the figures count
    assert ws.cell(last, 1).value == "合计" and f"A{last}:B{last}" in merged
    names = [ws.cell(r, 2).value for r in range(5, last)]
    assert names[:3] == [chemical.name, textile.name, "消安办"]
    official = next(c for c in range(3, ws.max_column + 1) if ws.cell(4, c).value == "执法检查")
    assert ws.cell(last, official).value == 6 == sum(
        ws.cell(r, official).value for r in range(5, last))
    assert ws.freeze_panes == "C5"
    assert ws.print_area.endswith(f"$A$1:$S${last + 1}")
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)

    own = tmp_path / "综合执法与应急管理局.xlsx"
    assert report("--unit", chemical.name, "-o", str(own)) == 0
    mine = load_workbook(own)
    assert mine.active["A1"].value == f"{chemical.name}所排查发现的隐患问题及整改落实情况表"
    assert mine["隐患明细"].max_row - 1 == departments[chemical.name].hazards

    circular = tmp_path / "通报.pdf"
    assert report("--word", "台安办", "-o", str(circular)) == 0
    text = _pdf_text(circular).replace("\n", "")
    assert "台安办〔2026〕1号" in text
    assert "关于安全生产隐患排查整治工作情况的通报" in text
    assert f"排查重大事故隐患{by_town.total['hazards_major']}项" in text
    assert all(town in text for town in TOWNS)
