"""Names in the window's tables show control and bidi-override characters as marks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector_app.domain.company import Company
from inspector_app.storage.companies_repo import CompanyRepo
from inspector_app.ui.models.companies_model import CompaniesModel


def test_a_company_name_cannot_reverse_or_hide_text_in_the_table(qapp, ctx):
    repo = CompanyRepo(ctx.db, ctx.device.id, "张伟")
    repo.add(Company(name="泉台\u202egpj.exe纺织有限公司", address="工业路\u2066 1 号"))
    model = CompaniesModel(repo)
    model.reload()  # as the page does when first shown
    name = model.index(0, 0)
    assert model.data(name) == "泉台[U+202E]gpj.exe纺织有限公司"
    assert model.data(name, Qt.ItemDataRole.ToolTipRole) == "工业路[U+2066] 1 号"
    # The stored company is unchanged: only what is shown is marked.
    assert model.data(name, CompaniesModel.CompanyRole).name == "泉台\u202egpj.exe纺织有限公司"
