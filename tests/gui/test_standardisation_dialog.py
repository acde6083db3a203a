"""The standardisation overview from the Companies page: a supervisor sees which certificates
have expired or expire within 90 days, how many per grade, narrows the list, renews one, and
saves the list as CSV."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from inspector_app.domain.risk import Standardisation
from inspector_app.services.classification import ClassificationService
from inspector_app.ui.dialogs.standardisation_dialog import (
    EXPIRED,
    EXPIRING,
    StandardisationDialog,
)
from inspector_app.ui.pages.companies import CompaniesPage
from tests.factories import add_company

TODAY = date.today()


def _day(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


@pytest.fixture
def district(ctx):
    service = ClassificationService(ctx.db, ctx.device)
    for name, grade, expires in (("甲厂", "三级", _day(-3)), ("乙厂", "二级", _day(30)),
                                 ("丙厂", "一级", _day(400)), ("丁厂", "三级", _day(120))):
        company = add_company(ctx.db, name=name)
        service.set_standardisation(company, Standardisation(grade, f"AQB-{name}",
                                                             "2023-01-10", expires))
    add_company(ctx.db, name="戊厂")
    return service


@pytest.fixture
def dialog(qtbot, ctx, district, languages):
    widget = StandardisationDialog(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _column(dialog, c):
    return [dialog.table.item(r, c).text() for r in range(dialog.table.rowCount())]


def test_expired_and_expiring_certificates_come_first_with_the_counts(dialog):
    assert _column(dialog, 0) == ["甲厂", "乙厂"]           # the office's first question
    assert _column(dialog, 6) == ["Expired", "Expiring soon"]
    assert dialog.table.item(0, 0).background().color() == EXPIRED
    assert dialog.table.item(1, 0).background().color() == EXPIRING
    counts = dialog.counts.text()
    assert "of 5 companies" in counts
    assert "Expired 1 · Expiring soon 1 · Valid 2 · No expiry date 0 · No certificate 1" in counts
    assert "Grade 1 1 · Grade 2 1 · Grade 3 2 · Small and micro company 0 · No grade 1" in counts
    assert dialog.shown_label.text() == "2 companies shown"


def test_the_list_narrows_by_grade_and_state(dialog):
    dialog.grade.setCurrentIndex(dialog.grade.findData("grade3"))
    assert _column(dialog, 0) == ["甲厂"]
    dialog.state.setCurrentIndex(dialog.state.findData("*"))
    assert _column(dialog, 0) == ["甲厂", "丁厂"]
    dialog.grade.setCurrentIndex(dialog.grade.findData(None))
    assert _column(dialog, 0) == ["戊厂"] and _column(dialog, 6) == ["No certificate"]
    assert dialog.shown_label.text() == "1 company shown"


def test_a_renewal_recorded_from_the_list_takes_the_company_off_it(dialog, district,
                                                                   monkeypatch):
    from inspector_app.ui.dialogs.classification_dialog import ClassificationDialog

    def renew(class_dialog):
        class_dialog.expires.setText(_day(3 * 365))
        assert class_dialog.save_facts()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ClassificationDialog, "exec", renew)
    dialog.table.selectRow(0)
    dialog.open_company()
    assert _column(dialog, 0) == ["乙厂"]
    assert "Expired 0 · Expiring soon 1 · Valid 3" in dialog.counts.text()


def test_the_list_shown_is_saved_as_csv(dialog, tmp_path):
    from inspector_app.ui import messages

    shown = []
    messages.install_sink(lambda level, title, text: shown.append(text))
    target = tmp_path / "certificates.csv"
    assert dialog.export(target)
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [r[0] for r in rows[1:]] == ["甲厂", "乙厂"] and rows[1][6] == "Expired"
    assert shown == [f"Written: {target} (2 companies)"]
    assert not dialog.export(tmp_path / "no-such-folder" / "x.csv")


def test_the_companies_page_opens_the_overview(qtbot, ctx, district, profile, languages):
    page = CompaniesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    assert page.standardisation_button.text() == "&Standardisation…"
    page.standardisation_button.click()
    assert isinstance(page.dialog, StandardisationDialog)
    assert page.dialog.table.rowCount() == 2
    page.dialog.reject()
