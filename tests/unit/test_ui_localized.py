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
