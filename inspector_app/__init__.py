"""Inspector: offline on-site work-safety inspections."""

__version__ = "0.1.0"
APP_NAME = "Inspector"
APP_ID = "inspector-app"

# Where PySide was loaded before this package (a test, a benchmark), its check of each module
# imported from now on is made quicker at once (``ui`` does it after loading PySide itself).
from inspector_app.pyside_check import quicken_pyside_check  # noqa: E402

quicken_pyside_check()
