"""Third-party notices: who made the software Inspector ships, under which licence.

Built from the installed distributions' metadata (name, version, licence, licence files) by
following Inspector's runtime requirements. The PyInstaller build writes the text into the
bundle (``resources/THIRD_PARTY_NOTICES.txt``), where no metadata is left to read; a checkout
or a wheel builds it when asked.
"""

from __future__ import annotations

import re
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from inspector_app import APP_ID, __version__
from inspector_app.paths import chinese_font, resources_dir

NOTICES_NAME = "THIRD_PARTY_NOTICES.txt"
_LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.IGNORECASE)
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
# Packages whose wheels carry no licence text: the texts their licence names, from resources.
_SHIPPED_TEXTS = {
    "pyside6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "pyside6-essentials": ("LGPL-3.0.txt",),
    "pyside6-addons": ("LGPL-3.0.txt",),
    "shiboken6": ("LGPL-3.0.txt",),
}
_RULE = "=" * 78


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    home: str
    texts: tuple[tuple[str, str], ...]  # (file name, text)


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 120:
        return text
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return "; ".join(classifiers) or (text.splitlines()[0] if text else "see the licence text")


def _home(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return meta["Home-page"]
    for url in meta.get_all("Project-URL") or []:
        label, _, link = url.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return link.strip()
    return ""


def _texts(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    found = []
    for file in dist.files or ():
        name = str(file)
        if _LICENCE_FILE.search(name) and not name.endswith((".py", ".pyc")):
            try:
                text = Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            found.append((name, text))
    if not found:
        for shipped in _SHIPPED_TEXTS.get(_key(dist.metadata["Name"]), ()):
            path = resources_dir() / "licenses" / shipped
            found.append((shipped, path.read_text(encoding="utf-8")))
    return tuple(found)


def runtime_distributions(root: str = APP_ID) -> list[metadata.Distribution]:
    """Every installed distribution Inspector needs at run time, by name."""
    seen: dict[str, metadata.Distribution] = {}
    pending = [req for req in metadata.requires(root) or () if "extra ==" not in req]
    while pending:
        requirement = pending.pop()
        match = _NAME.match(requirement)
        if not match or "extra ==" in requirement.partition(";")[2]:
            continue
        key = _key(match.group(1))
        if key in seen:
            continue
        try:
            dist = metadata.distribution(match.group(1))
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform
        seen[key] = dist
        pending += [r for r in dist.requires or () if "extra ==" not in r.partition(";")[2]]
    return sorted(seen.values(), key=lambda d: _key(d.metadata["Name"]))


def components(leave_out: Iterable[str] = ()) -> list[Component]:
    """The shipped components; ``leave_out``: distributions a build does not ship."""
    skipped = {_key(name) for name in leave_out}
    found = [Component(d.metadata["Name"], d.version, _licence(d), _home(d), _texts(d))
             for d in runtime_distributions() if _key(d.metadata["Name"]) not in skipped]
    font_licence = chinese_font().with_name("LICENSE-wqy-microhei.txt")
    found.append(Component(
        "WenQuanYi Micro Hei (font)", "0.2.0-beta", "Apache-2.0 OR GPL-3.0-only WITH "
        "Font-exception-2.0", "http://wenq.org/", (
            (font_licence.name, font_licence.read_text(encoding="utf-8")),)))
    python_licence = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    if getattr(sys, "frozen", False) or python_licence.exists():
        texts = ((python_licence.name, python_licence.read_text(encoding="utf-8")),) \
            if python_licence.exists() else ()
        found.append(Component("Python", sys.version.split()[0], "PSF-2.0",
                               "https://www.python.org/", texts))
    return found


def build_notices(leave_out: Iterable[str] = ()) -> str:
    parts = [f"Inspector {__version__} is licensed under the Apache License 2.0 (LICENSE).",
             "",
             "It includes the following third-party software, each under its own licence:",
             ""]
    items = components(leave_out)
    width = max(len(c.name) for c in items) + 2
    parts += [f"  {c.name.ljust(width)}{c.version.ljust(18)}{c.licence}" for c in items]
    for c in items:
        parts += ["", _RULE, f"{c.name} {c.version}", f"Licence: {c.licence}"]
        if c.home:
            parts.append(f"Home: {c.home}")
        for name, text in c.texts:
            parts += ["", f"--- {name} ---", "", text.rstrip()]
    return "\n".join(parts) + "\n"


def notices_text() -> str:
    """The notices shipped with a bundle, or built from the installed metadata."""
    shipped = resources_dir() / NOTICES_NAME
    if shipped.exists():
        return shipped.read_text(encoding="utf-8")
    return build_notices()


def write_notices(target: Path, leave_out: Iterable[str] = ()) -> Path:
    """Write the notices (at build time, for the bundle)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(build_notices(leave_out), encoding="utf-8")
    return target
