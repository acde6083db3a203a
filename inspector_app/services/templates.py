"""The template library as the front-ends use it (``ctx.templates``): the stored checklists,
their versions, import, export and retirement. The rows are kept by
``storage/templates_repo.py``; reading and checking a template file is ``services/forms.py``."""

from __future__ import annotations

from inspector_app.storage.templates_repo import ImportResult, TemplateRecord, TemplateRepo

__all__ = ["ImportResult", "TemplateRecord", "TemplateRepo"]
