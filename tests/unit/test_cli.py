import os
import subprocess
import sys

import pytest

from inspector_app import __version__
from inspector_app.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_info_uses_the_given_data_dir(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "info"]) == 0
    out = capsys.readouterr().out
    assert f"data_dir: {tmp_path / 'd'}" in out
    assert (tmp_path / "d" / "inspector.sqlite3").exists()


def test_profile_set_and_show(tmp_path, capsys):
    args = ["--data-dir", str(tmp_path)]
    assert main([*args, "profile", "set", "--name", "王芳", "--organisation", "泉台区应急管理局",
                 "--prefix", "QT02"]) == 0
    capsys.readouterr()
    assert main([*args, "profile", "show"]) == 0
    out = capsys.readouterr().out
    assert "inspector: 王芳" in out
    assert "prefix: QT02" in out


def test_profile_names_where_redress_is_sought_and_keeps_it(tmp_path, capsys):
    args = ["--data-dir", str(tmp_path), "profile", "set", "--name", "王芳",
            "--organisation", "泉台区应急管理局", "--prefix", "QT02"]
    assert main([*args, "--review-government", "泉台区人民政府", "--review-department",
                 "泉州市应急管理局", "--review-court", "泉台区人民法院"]) == 0
    capsys.readouterr()
    assert main([*args]) == 0  # not given again: kept
    out = capsys.readouterr().out
    assert "review_government: 泉台区\n" in out and "review_court: 泉台区\n" in out
    assert "review_department: 泉州市应急管理局" in out
    assert main([*args, "--review-department", ""]) == 0  # reconsideration by the government only
    assert "review_department: \n" in capsys.readouterr().out


def test_bad_profile_is_one_line_on_stderr(tmp_path, capsys):
    code = main(["--data-dir", str(tmp_path), "profile", "set", "--name", "x",
                 "--organisation", "y", "--prefix", "has space"])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("inspector-app: error:") and "prefix" in err[0]


def test_newer_database_gives_one_line_and_exit_1(tmp_path, capsys):
    import sqlite3

    conn = sqlite3.connect(tmp_path / "inspector.sqlite3")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    assert main(["--data-dir", str(tmp_path), "info"]) == 1
    assert "newer version" in capsys.readouterr().err


def test_gui_without_display_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "inspector_app", "--data-dir", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "no display available" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_profile_set_again_updates_the_same_inspector_and_keeps_what_is_not_given(tmp_path,
                                                                                  capsys):
    args = ["--data-dir", str(tmp_path), "profile", "set", "--organisation", "泉台区应急管理局",
            "--prefix", "QT01"]
    assert main([*args, "--name", "张伟", "--enforcement-id", "32050012",
                 "--authority", "泉台"]) == 0
    assert main([*args, "--name", "张伟"]) == 0
    out = capsys.readouterr().out
    assert "enforcement_id: 32050012" in out.split("inspector: 张伟")[-1]
    assert "authority: 泉台" in out.split("inspector: 张伟")[-1]
    import sqlite3

    conn = sqlite3.connect(tmp_path / "inspector.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM inspectors").fetchone()[0] == 1
    conn.close()


def test_a_data_dir_that_is_a_file_is_explained(tmp_path, capsys):
    afile = tmp_path / "notes.txt"
    afile.write_text("not a folder")
    assert main(["--data-dir", str(afile), "info"]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
    assert afile.read_text() == "not a folder"


def test_a_file_the_system_cannot_read_is_said_as_the_window_says_it(tmp_path, capsys,
                                                                    monkeypatch):
    # A USB stick pulled out under a command that had no words for it: the system's reason,
    # in the user's language, exit 1; not "internal error", exit 70.
    import errno

    from inspector_app.commands import info

    def stick_gone(args, ctx):
        raise OSError(errno.EIO, "Input/output error", str(tmp_path / "stick" / "a.inspx"))

    monkeypatch.setattr(info, "run", stick_gone)
    code = main(["--lang", "zh_CN", "--data-dir", str(tmp_path / "d"), "info"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "internal error" not in err and "内部错误" not in err and "Traceback" not in err
    assert "文件或设备不可用" in err and "a.inspx" in err and "U盘" in err


def test_a_bundle_on_a_stick_that_answers_eio_is_named_not_a_traceback(tmp_path, capsys,
                                                                      monkeypatch):
    import errno
    import pathlib

    bundle = tmp_path / "stick" / "office.inspx"
    real = pathlib.Path.is_file

    def is_file(self):
        if self.name == bundle.name:
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "is_file", is_file)
    import inspector_app.app as app

    monkeypatch.setattr(app, "run_gui", lambda *a, **k: pytest.fail("the window opened"))
    code = main(["--lang", "zh_CN", "--data-dir", str(tmp_path / "d"), str(bundle)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"{bundle}：无法读取（Input/output error）" in err and "U盘" in err, err
    assert "Traceback" not in err
