"""Synchronisation by USB stick: signed (and for the office, encrypted) bundles, merged by UUID."""

from inspector_app.services.sync.bundle import FORMAT, VERSION, BundleRefused
from inspector_app.services.sync.export import export_bundle
from inspector_app.services.sync.importer import history, import_bundle
from inspector_app.services.sync.report import ImportReport

__all__ = ["FORMAT", "VERSION", "BundleRefused", "ImportReport", "export_bundle", "history",
           "import_bundle"]
