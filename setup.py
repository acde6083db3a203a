"""Packaging: everything static is in pyproject.toml; this file only maps data folders.

``resources/`` (font, translations, icons) and ``forms/`` (the shipped templates) live at the
top of the repository; the wheel carries them inside the package as ``inspector_app/resources``
and ``inspector_app/forms``, where ``inspector_app.paths`` finds them through importlib.resources.
"""

from setuptools import find_packages, setup

DATA_FOLDERS = {"inspector_app.resources": "resources", "inspector_app.forms": "forms"}

setup(
    packages=find_packages(include=["inspector_app", "inspector_app.*"]) + list(DATA_FOLDERS),
    package_dir=DATA_FOLDERS,
    package_data={
        "inspector_app": ["schemas/*.json"],
        "inspector_app.resources": ["**/*"],
        "inspector_app.forms": ["*.yaml"],
    },
    exclude_package_data={"inspector_app.resources": ["translations/*.ts"]},
)
