"""The command line in the reader's language: help, click's own errors, Chinese words."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
import unicodedata

import pytest
from rich.cells import cell_len

from conftest import REPO, record, run, write_ws
from kpitrack.cli.help import paragraphs, wrap_cells
from kpitrack.cli.main import COMMANDS as COMMAND_MODULES
from kpitrack.cli.main import cli
from kpitrack.i18n.help import Help

COMMANDS = sorted(COMMAND_MODULES)
COMMAND_OBJECTS = {name: cli.get_command(None, name) for name in COMMANDS}  # type: ignore[arg-type]
TARGETS = """
[targets.inv]
name = "年度投资"
kind = "cumulative"
target = 620
unit = "亿元"
section = "需求"
"""


@pytest.fixture
def zh_ws(isolated):
    return write_ws(isolated, TARGETS, {"2025-03": record("inv", "2025-03", 100)})


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_follows_the_workspace_language_and_fits_80_cells(zh_ws, name):
    args = [name, "--help"] if name else ["--help"]
    chinese = run(*args)
    assert chinese.exit_code == 0
    assert "用法：" in chinese.stdout and "示例：" in chinese.stdout
    english = run("--lang", "en", *args)
    assert "Usage: " in english.stdout and "Examples:" in english.stdout
    for result in (chinese, english):
        wide = [line for line in result.stdout.splitlines() if cell_len(line) > 80]
        assert wide == []


def test_help_outside_a_workspace_follows_the_computer(isolated, monkeypatch):
    monkeypatch.delenv("KPITRACK_WORKSPACE")
    assert "Usage: " in run("--help").stdout
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "用法：" in run("--help").stdout
    monkeypatch.setenv("KPITRACK_LANG", "en")
    assert "Usage: " in run("--help").stdout


def test_the_repository_help_is_chinese(monkeypatch):
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("KPITRACK_WORKSPACE")
    assert run("--help").stdout.startswith("用法：")


def test_every_command_and_option_has_help_in_both_languages():
    assert len(COMMAND_OBJECTS) == 17
    for command in COMMAND_OBJECTS.values():
        assert getattr(command, "help_id", None) is not None, command.name
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help_id", None) is not None, (command.name, param.name)


@pytest.mark.parametrize("args, expected", [
    (["status", "--only", "紫"], "'紫' 不是可选值"),
    (["respond", "inv"], "缺少必填的 --reason"),
    (["respond", "X"], "缺少必填的 --reason"),
    (["status", "--onyl", "red"], "没有 --onyl 这个选项（是否想写 '--only'？）"),
    (["stauts"], "没有名为 'stauts' 的命令（是否想写 'status'？）"),
    (["add", "inv", "95", "亿", "--period", "2025-03"], "多余的参数：亿"),
    (["add", "inv", "--period"], "--period 后面需要写一个值"),
    (["status", "--format", "pdf"], "'pdf' 不是可选值"),
    (["show"], "缺少 TARGET"),
])
def test_clicks_own_errors_are_one_chinese_line_with_exit_2(zh_ws, args, expected):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：") and expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    english = run("--lang", "en", *args)
    assert english.exit_code == 2 and english.stderr.startswith("Error: ")
    assert len(english.stderr.strip().splitlines()) == 1
    said = english.stderr
    for typed in args:
        said = said.replace(typed, "")
    assert not any("\u4e00" <= c <= "\u9fff" for c in said), said


@pytest.mark.parametrize("words, colours", [
    ("红,黄", {"red", "yellow"}), ("red，yellow", {"red", "yellow"}),
    ("绿色·推进正常", {"green"}), ("灰", {"none"}), ("Lagging", {"red"}),
])
def test_colours_are_accepted_in_either_language(zh_ws, words, colours):
    import json

    result = run("status", "--only", words, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert {t["status"] for t in json.loads(result.stdout)["targets"]} <= colours
    assert run("status", "--fail-on", "红", "--format", "json").exit_code in (0, 3)


def test_formats_are_accepted_in_chinese(zh_ws):
    assert run("status", "--format", "表格").exit_code == 0
    assert run("export", "--format", "网页", "-o", "r.html").exit_code == 0


def test_tab_offers_chinese_colour_words(zh_ws):
    from click.shell_completion import ShellComplete

    complete = ShellComplete(cli, {}, "kpitrack", "_KPITRACK_COMPLETE")
    found = [c.value for c in complete.get_completions(["status", "--only"], "红")]
    assert "红" in found and "红色" in found
    found = [c.value for c in complete.get_completions(["status", "--only"], "red,")]
    assert "red,yellow" in found


def test_wrapping_counts_cjk_as_two_cells_and_keeps_punctuation_with_its_word():
    text = "只显示这些颜色，如 红,黄（也可写 red,yellow）。" * 4
    for width in (20, 33, 40, 80):
        lines = wrap_cells(text, width, "  ")
        assert all(cell_len(line) <= width for line in lines)
        assert not any(line.strip()[0] in "，。）" for line in lines)
        assert "".join(line.strip() for line in lines).replace(" ", "") == \
            text.replace(" ", "")


def test_every_example_line_fits_80_cells_with_its_indent():
    for entry in Help:
        for text in (entry.english, entry.chinese):
            for keep, lines in paragraphs(text):
                for line in lines if keep else ():
                    assert cell_len(line) <= 78, (entry.name, line)


def in_terminal(args: list[str], cwd, columns: int = 80) -> str:
    """What `kpitrack ARGS` shows in a real terminal `columns` wide (COLUMNS unset)."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items()
           if k not in ("COLUMNS", "KPITRACK_WORKSPACE", "KPITRACK_LANG")}
    env.update(NO_COLOR="1", PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "kpitrack", *args], cwd=cwd, env=env,
                            stdin=child, stdout=child, stderr=child, close_fds=True)
    os.close(child)
    out, deadline = b"", time.monotonic() + 60
    while time.monotonic() < deadline:
        if select.select([main], [], [], 0.5)[0]:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=10)
    os.close(main)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode("utf-8")).replace("\r", "")


def cells(line: str) -> int:
    """A line's width in a terminal: a wide (CJK) character takes two cells."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.slow
@pytest.mark.parametrize("args", [["--help"], ["status", "--help"], ["add", "--help"]])
def test_the_repository_help_in_a_real_80_column_terminal(args):
    chinese = in_terminal(args, REPO)
    assert chinese.startswith("用法：") and "示例：" in chinese, chinese
    english = in_terminal(["--lang", "en", *args], REPO)
    assert english.startswith("Usage: ") and "Examples:" in english, english
    assert not re.search(r"[\u4e00-\u9fff]", english)
    for said in (chinese, english):
        wide = [line for line in said.splitlines() if cells(line) > 80]
        assert wide == [], wide
