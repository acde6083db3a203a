"""Who still has to sign a record, in the window's language (for refusals that name them)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from inspector_app.domain.signature import Required


def signer_name(required: Required) -> str:
    """One missing signer: the inspector's name, or who the company or witness is."""
    if required.inspector is not None:
        return required.inspector.name
    return {"any_inspector": QCoreApplication.translate("Signers", "an inspector"),
            "company": QCoreApplication.translate("Signers", "the company's person"),
            "refusal_witness": QCoreApplication.translate("Signers", "the witness"),
            }.get(required.what, required.what)


def signer_names(missing: Sequence[Required]) -> str:
    """Every missing signer, those who signed before the record changed marked "again"."""
    again = QCoreApplication.translate("Signers", "{0} (again)")
    return QCoreApplication.translate("Signers", "; ").join(
        again.format(signer_name(r)) if r.again else signer_name(r) for r in missing)
