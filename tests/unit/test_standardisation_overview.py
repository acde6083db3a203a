"""The district's standardisation overview: every company's certificate on a day, expired and
expiring within 90 days, counted by grade and state, and the list as the CSV Excel opens."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from inspector_app.domain.risk import Standardisation
from inspector_app.services.classification import ANY, ClassificationService
from inspector_app.services.reports.standardisation_csv import (
    standardisation_csv,
    write_standardisation_csv,
)
from tests.factories import add_company

TODAY = date(2026, 12, 1)


def _day(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def _district(ctx):
    service = ClassificationService(ctx.db, ctx.device)
    certificates = {
        "甲厂": ("三级", "AQBIII2023001", _day(-1)),       # expired yesterday
        "乙厂": ("三级", "AQBIII2023002", _day(0)),        # valid today, its last day
        "丙厂": ("二级", "AQBII2024003", _day(90)),        # the 90th day: expiring
        "丁厂": ("一级", "AQBI2025004", _day(91)),         # beyond the 90 days
        "戊厂": ("小微企业", "XW2025005", None),            # no expiry date recorded
    }
    for name, (grade, number, expires) in certificates.items():
        company = add_company(ctx.db, name=name)
        service.set_standardisation(company, Standardisation(grade, number, "2023-01-10",
                                                             expires))
    add_company(ctx.db, name="己厂")                                # no certificate
    return service


def test_each_certificate_stands_where_its_expiry_day_puts_it(ctx):
    overview = _district(ctx).standardisation_overview(TODAY)
    assert {r.name: r.state for r in overview.rows} == {
        "甲厂": "expired", "乙厂": "expiring", "丙厂": "expiring", "丁厂": "valid",
        "戊厂": "undated", "己厂": "none"}
    assert overview.by_state() == {"expired": 1, "expiring": 2, "valid": 1, "undated": 1,
                                   "none": 1}
    assert overview.by_grade() == {"grade1": 1, "grade2": 1, "grade3": 2, "small": 1,
                                   None: 1}


def test_the_office_chooses_a_grade_and_states_soonest_expiry_first(ctx):
    overview = _district(ctx).standardisation_overview(TODAY)
    due = overview.chosen(ANY, ("expired", "expiring"))
    assert [r.name for r in due] == ["甲厂", "乙厂", "丙厂"]
    assert [r.name for r in overview.chosen("grade3", ("expired", "expiring"))] == ["甲厂",
                                                                                    "乙厂"]
    assert [r.name for r in overview.chosen(None)] == ["己厂"]
    assert len(overview.chosen()) == 6


def test_the_list_is_written_as_csv_in_the_readers_language(ctx, tmp_path):
    overview = _district(ctx).standardisation_overview(TODAY)
    rows = overview.chosen(ANY, ("expired", "expiring"))
    data = standardisation_csv(rows, "zh_CN")
    assert data.startswith(b"\xef\xbb\xbf")                       # Excel reads UTF-8
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == ["企业名称", "乡镇（街道）", "标准化等级", "证书编号", "发证日期",
                        "有效期至", "证书状态"]
    assert table[1][0] == "甲厂" and table[1][2] == "三级" and table[1][6] == "已过期"
    assert table[3][6] == "即将到期"
    path = tmp_path / "standardisation.csv"
    assert write_standardisation_csv(path, rows, "en") == 3
    english = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert english[1][2] == "Grade 3" and english[1][6] == "Expired"
