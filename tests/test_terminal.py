"""Tables as a person sees them: kpitrack run in a real pseudo-terminal of a set width,
its output drawn by the pyte terminal emulator."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pyte
import pytest
from rich.cells import cell_len

from conftest import REPO, run

# A real pseudo-terminal, browser or git clones: the slow set (`pytest -m slow`).
pytestmark = pytest.mark.slow

GOLDEN_WS = Path(__file__).resolve().parent / "golden" / "workspace"
WIDTHS = (80, 100, 120, 160, 200)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
STATUS_WORDS = {
    "zh": {"blue": ("蓝色·超前示范", "蓝"), "green": ("绿色·推进正常", "绿"),
           "yellow": ("黄色·超期预警", "黄"), "red": ("红色·滞后督办", "红"),
           "none": ("灰色·未报送", "灰")},
    "en": {"blue": ("Ahead",), "green": ("On track",), "yellow": ("Warning",),
           "red": ("Lagging",), "none": ("No data",)},
}


def in_pty(root: Path, args: list[str], cols: int, color: bool,
           code: int = 0) -> tuple[list[str], list[str]]:
    """Run kpitrack in a pseudo-terminal `cols` wide: (raw lines without escape codes,
    the lines on the emulated screen)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, cols, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env.update(TERM="xterm-256color", PYTHONIOENCODING="utf-8")
    if not color:
        env["NO_COLOR"] = "1"
    proc = subprocess.Popen([sys.executable, "-m", "kpitrack", "-C", str(root), *args],
                            stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed its side
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=60) == code
    data = b"".join(chunks)
    raw = [ANSI.sub("", line).rstrip("\r") for line in data.decode("utf-8").split("\n")]
    screen = pyte.Screen(cols, 2000)
    pyte.ByteStream(screen).feed(data.replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n"))
    return raw, [line.rstrip() for line in screen.display]


def shows(line: str, name: str) -> bool:
    """Whether a table line has a cell holding `name`, whole or cut short with `…`."""
    for cell in (c.strip() for c in line.split("│")):
        if cell == name:
            return True
        if cell.endswith("…") and len(cell) > 2 and name.startswith(cell[:-1].rstrip()):
            return True
    return False


@pytest.fixture(scope="module")
def workspaces(tmp_path_factory):
    """The repository's workspace and the golden fixture, copied."""
    base = tmp_path_factory.mktemp("terminal")
    repo = base / "repo"
    repo.mkdir()
    shutil.copy(REPO / "targets.toml", repo)
    shutil.copytree(REPO / "actuals", repo / "actuals")
    golden = base / "golden"
    shutil.copytree(GOLDEN_WS, golden)
    return {"repo": repo, "golden": golden}


def check_one_line_each(raw: list[str], screen: list[str], cols: int, rows: list[dict],
                        lang: str, key: str = "name") -> None:
    for line in raw:
        assert cell_len(line) <= cols, (cols, line)
    body = [line for line in screen if line.startswith("│")]
    for row in rows:
        lines = [line for line in body if shows(line, row[key])]
        assert len(lines) == 1, (cols, lang, row[key], lines)
        words = STATUS_WORDS[lang][row["status"]]
        assert any(word in lines[0] for word in words), (cols, lines[0], words)
        # the marks travel with the status itself, at every width: * late, ✓ goal met
        status_cell = lines[0].split("│")[1]
        assert ("*" in status_cell) == row["stale"], (cols, lines[0])
        assert ("✓" in status_cell) == bool(row["met"]), (cols, lines[0])


@pytest.mark.parametrize("cols", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("where", ["repo", "golden"])
def test_status_is_one_line_per_target_at_every_width(workspaces, where, lang, cols):
    root = workspaces[where]
    rows = json.loads(run("-C", str(root), "status", "--format", "json").stdout)["targets"]
    color = cols in (80, 160)  # with colour at some widths, NO_COLOR at the others
    raw, screen = in_pty(root, ["--lang", lang, "status"], cols, color)
    check_one_line_each(raw, screen, cols, rows, lang)
    for section in {row["section"] for row in rows}:  # each section heading is one line too
        assert sum(1 for line in screen if line.startswith("│") and shows(line, section)) == 1


def test_a_late_report_shows_its_mark_at_80_columns_and_is_capped_by_the_rule(tmp_path):
    """工业投资's last figure is July's: in October it is late. Its mark stands beside its
    status in the narrowest table; with `[bands] stale = "yellow"` it shows yellow."""
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copytree(REPO / "actuals", root / "actuals")
    text = (REPO / "targets.toml").read_text(encoding="utf-8")
    (root / "targets.toml").write_text(text, encoding="utf-8")
    _, screen = in_pty(root, ["status", "--as-of", "2025-10"], 80, False)
    line = next(line for line in screen if shows(line, "工业投资"))
    assert line.split("│")[1].strip() == "绿*", line
    assert any("* 数据未按期更新（逾期未报）" in line for line in screen)
    capped = re.sub(r"^\[bands\][^\n]*\n", '\\g<0>stale = "yellow"\n', text, count=1,
                    flags=re.M)
    assert capped != text
    (root / "targets.toml").write_text(capped, encoding="utf-8")
    _, screen = in_pty(root, ["status", "--as-of", "2025-10"], 80, False)
    line = next(line for line in screen if shows(line, "工业投资"))
    assert line.split("│")[1].strip() == "黄*", line
    assert any("最高显示为黄色" in line for line in screen)
    row = next(r for r in json.loads(run("-C", str(root), "status", "--as-of", "2025-10",
                                         "--format", "json").stdout)["targets"]
               if r["name"] == "工业投资")
    assert (row["status"], row["status_uncapped"], row["stale"]) == ("yellow", "green", True)


@pytest.mark.parametrize("cols", (80, 120, 200))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_targets_and_show_fit_every_width(workspaces, lang, cols):
    root = workspaces["repo"]
    raw, screen = in_pty(root, ["--lang", lang, "targets"], cols, cols == 80)
    listed = json.loads(run("-C", str(root), "targets", "--format", "json").stdout)["targets"]
    for line in raw:
        assert cell_len(line) <= cols, (cols, line)
    for target in listed:
        assert sum(1 for line in screen if line.startswith("│") and
                   shows(line, target["name"])) == 1, (cols, target["name"])
    raw, screen = in_pty(root, ["--lang", lang, "show", "fixed_investment"], cols, cols == 80)
    for line in raw:
        assert cell_len(line) <= cols, (cols, line)
    figures = json.loads(run("-C", str(root), "show", "fixed_investment", "--format",
                             "json").stdout)["figures"]
    table = [line for line in screen if line.startswith("│")]
    assert len(table) == len(figures)
    for line, figure in zip(table, figures, strict=True):
        assert line.startswith("│" + figure["period"])
    assert "年度投资" in screen[0]


@pytest.mark.parametrize("cols", (80, 120))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_import_preview_fits(workspaces, tmp_path, lang, cols):
    root = workspaces["repo"]
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("指标,期间,数值,备注\nfixed_investment,2025-11,612,1—11月累计（含新开工项目）\n"
                     "high_tech_enterprises,2025-11,lots,\n"
                     "tech_smes,2025-11,3391,\n", encoding="utf-8")
    raw, screen = in_pty(root, ["--lang", lang, "import", str(sheet), "--dry-run"], cols,
                         False, code=1)
    for line in raw:
        assert cell_len(line) <= cols, (cols, line)
    body = [line for line in screen if line.startswith("│")]
    assert len(body) == 3
    assert "年度投资" in body[0] and "✗" in body[1]
    assert any("lots" in line and "✗" in line and not line.startswith("│") for line in screen)


def test_wide_and_a_pipe_draw_every_column(workspaces):
    root = workspaces["repo"]
    raw, _ = in_pty(root, ["status", "--wide"], 80, False)
    header = next(line for line in raw if "指标" in line)
    assert "趋势" in header and "连续红色月数" in header and cell_len(header) > 80
    piped = run("-C", str(root), "status").stdout
    assert "连续红色月数" in piped and "预计全年" in piped
