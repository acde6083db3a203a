"""Packaging: everything static is in pyproject.toml; this file only maps data folders.

``resources/`` (font, translations, icons), ``forms/`` (the shipped templates) and ``docs/guide``
(the user guide) live in the repository; the wheel carries them inside the package as
``inspector_app/resources``, ``inspector_app/forms`` and ``inspector_app/guide``, where
``inspector_app.paths`` finds them through importlib.resources.
"""

from setuptools import find_packages, setup

DATA_FOLDERS = {"inspector_app.resources": "resources", "inspector_app.forms": "forms",
                "inspector_app.guide": "docs/guide"}

setup(
    packages=find_packages(include=["inspector_app", "inspector_app.*"]) + list(DATA_FOLDERS),
    package_dir=DATA_FOLDERS,
    package_data={
        "inspector_app": ["schemas/*.json", "locale/*/LC_MESSAGES/*.mo"],
        "inspector_app.resources": ["**/*"],
        "inspector_app.forms": ["*.yaml"],
        "inspector_app.guide": ["**/*"],
    },
    exclude_package_data={"inspector_app.resources": ["translations/*.ts"]},
)
