"""A supervisor names a team's members the way the guide says: by 执法证号 or by name."""

from __future__ import annotations

import pytest

from inspector_app.cli import main
from inspector_app.services.year_plan import YearPlanService
from inspector_app.storage.repositories import InspectorRepo


@pytest.fixture
def people(ctx):
    repo = InspectorRepo(ctx.db, ctx.device.id)
    return {p.name: p for p in (repo.add("张伟", "32050012", "泉台区应急管理局"),
                                repo.add("李娜", "32050013", "泉台区应急管理局"),
                                repo.add("王芳", None, "泉台区应急管理局"))}


def _members(ctx, name: str) -> list[str]:
    team = YearPlanService(ctx.db, ctx.device, "王科长").team(name)
    return list(team.inspector_ids)


def test_team_members_by_enforcement_number_name_or_id(ctx, people, capsys):
    assert main(["year-plan", "team", "一组", "--inspector", "32050012", "--inspector", "李娜",
                 "--inspector", people["王芳"].id, "--capacity", "20"]) == 0
    assert _members(ctx, "一组") == [people["张伟"].id, people["李娜"].id, people["王芳"].id]
    assert main(["year-plan", "team-set", "一组", "--inspector", "32050013"]) == 0
    assert _members(ctx, "一组") == [people["李娜"].id]


def test_an_unknown_member_is_refused_with_who_is_known(ctx, people, capsys):
    assert main(["--lang", "en", "year-plan", "team", "一组", "--inspector", "32059999",
                 "--capacity", "20"]) == 1
    err = capsys.readouterr().err
    assert "32059999" in err and "张伟 32050012" in err and "李娜 32050013" in err
    assert YearPlanService(ctx.db, ctx.device, "王科长").teams() == []


def test_a_name_two_inspectors_share_asks_for_the_number(ctx, people, capsys):
    InspectorRepo(ctx.db, ctx.device.id).add("张伟", "32050099", "泉台区应急管理局")
    assert main(["--lang", "en", "year-plan", "team", "一组", "--inspector", "张伟",
                 "--capacity", "20"]) == 1
    err = capsys.readouterr().err
    assert "32050012" in err and "32050099" in err
    assert main(["year-plan", "teams"]) == 0
    assert "一组" not in capsys.readouterr().out


def test_a_number_that_reads_like_a_colleagues_name_is_not_taken_for_them(ctx, people,
                                                                         capsys):
    # An enforcement number is free text on another computer: 王五's reads "张伟".
    InspectorRepo(ctx.db, ctx.device.id).add("王五", "张伟", "泉台区应急管理局")
    assert main(["--lang", "en", "year-plan", "team", "一组", "--inspector", "张伟",
                 "--capacity", "20"]) == 1
    err = capsys.readouterr().err
    assert "names 2 inspectors" in err and "王五" in err and "32050012" in err
