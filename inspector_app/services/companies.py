"""The register of inspected companies as the front-ends use it (``ctx.companies``): search,
read, add and edit, each change audited under the acting inspector. The rows are kept by
``storage/companies_repo.py``; an import from a spreadsheet is ``services/company_import.py``."""

from __future__ import annotations

from inspector_app.storage.companies_repo import COMPANY_SORTS, CompanyRepo, UpsertOutcome

__all__ = ["COMPANY_SORTS", "CompanyRepo", "UpsertOutcome"]
