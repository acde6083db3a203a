"""Inspector: offline on-site work-safety inspections."""

__version__ = "0.1.0"
APP_NAME = "Inspector"
APP_ID = "inspector-app"
