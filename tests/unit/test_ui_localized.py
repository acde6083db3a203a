"""Texts handed up from the services are shown in the user's language."""

from __future__ import annotations

from inspector_app import i18n
from inspector_app.errors import ValidationError
from inspector_app.i18n import N_
from inspector_app.ui import messages


def test_an_error_or_a_message_id_from_below_is_shown_in_the_users_language() -> None:
    refusal = ValidationError(N_("A campaign needs a name."))
    i18n.set_language("zh_CN")
    assert messages.localized(refusal) == "专项行动需要名称。"
    assert messages.localized("Invalid input") == "输入无效"  # a plain message id
    assert messages.localized("a text the catalogue does not have") \
        == "a text the catalogue does not have"
    assert messages.localized("") == ""
    i18n.set_language("en")
    assert messages.localized(refusal) == "A campaign needs a name."
    assert messages.localized("Invalid input") == "Invalid input"


def test_an_error_shown_through_the_bridge_is_logged_in_english(caplog) -> None:
    shown = []
    messages.install_sink(lambda level, title, text: shown.append((level, title, text)))
    i18n.set_language("zh_CN")
    messages.error(ValidationError(N_("A campaign needs a name.")))
    assert shown == [(messages.Level.ERROR, "输入无效", "专项行动需要名称。")]
    assert "A campaign needs a name." in caplog.text
    assert "专项行动" not in caplog.text


def test_starting_the_window_without_a_display_says_so_in_the_systems_language(tmp_path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["LANG"] = "zh_CN.UTF-8"
    result = subprocess.run([sys.executable, "-m", "inspector_app", "--data-dir", str(tmp_path)],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "没有可用的显示器" in line and "QT_QPA_PLATFORM=offscreen" in line
    assert "no display available" not in line
