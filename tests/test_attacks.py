"""The data-safety promises under attack, class by class: reports that would overwrite
data, escape sequences meant for the terminal, shell completion that would run code,
files that would exhaust memory or hang, files that used to end in a traceback, a name
that would capture another target's figures, and writes through links."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, digest, record, run, write_ws

TARGETS = """
[targets.inv]
name = "投资"
kind = "cumulative"
target = 100
unit = "亿元"
section = "需求"
owner = "发改局"
"""


@pytest.fixture
def ws(isolated):
    return write_ws(isolated, TARGETS, {"2025-02": record("inv", "2025-02", 10)})


# ── 3. a report never lands in the workspace's data ────────────────────────────


@pytest.mark.parametrize("args", [
    ["export", "--format", "md", "-o", "responses/2025-03.toml"],
    ["export", "-o", "responses/new-report.md"],
    ["notice", "-o", "responses/2025-03.md"],
    ["export", "-o", ".git/report.md"],
    ["export", "-o", ".kpitrack/report.md"],
    ["export", "--format", "md", "-o", "targets.toml"],
])
def test_no_report_is_written_into_the_workspaces_data(ws, args):
    (ws / "responses").mkdir()
    (ws / "responses" / "2025-03.toml").write_text("schema = 1\n", encoding="utf-8")
    (ws / ".git").mkdir()
    before = digest(ws)
    result = run(*args)
    assert result.exit_code == 1
    assert "工作区自身的数据" in result.stderr
    assert digest(ws) == before


# ── 4. nothing from the workspace acts on the terminal ─────────────────────────

ESCAPES = "\x1b]0;owned\x07\x1b[2J\u202e\u2066evil\u2069"


def in_pty(args: list[str], cwd: Path, extra: dict[str, str] | None = None) -> bytes:
    """What a real terminal receives from `kpitrack ARGS` (stdout and stderr)."""
    main, child = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "KPITRACK_WORKSPACE": str(cwd),
           "PYTHONPATH": str(REPO), "COLUMNS": "120", **(extra or {})}
    proc = subprocess.Popen([sys.executable, "-m", "kpitrack", *args], cwd=cwd, env=env,
                            stdin=child, stdout=child, stderr=child, close_fds=True)
    os.close(child)
    out = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.5)
        if ready:
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
    return out


@pytest.mark.slow
@pytest.mark.parametrize("args", [
    ["add", "evil", "5", "--period", "2025-03"],
    ["withdraw", "evil", "--period", "2025-02"],
    ["show", "evil"],
    ["add", "evil", "5万人", "--period", "2025-03"],
    ["status", "--owner", "nobody"],
    ["status", "--section", "nowhere"],
    ["status"],
    ["import", f"{ESCAPES}.csv"],
])
def test_escape_and_bidi_characters_never_reach_the_terminal(isolated, args):
    write_ws(isolated, f"""
[targets.evil]
name = {json.dumps(ESCAPES)}
kind = "cumulative"
target = 100
unit = {json.dumps("亿元" + ESCAPES)}
section = {json.dumps(ESCAPES)}
owner = {json.dumps(ESCAPES)}
""", {"2025-02": record("evil", "2025-02", 10) + f"note = {json.dumps(ESCAPES)}\n"})
    if args == ["status"]:  # a month file whose very name is an escape sequence
        (isolated / "actuals" / f"{ESCAPES}.toml").write_text("schema = 1\n")
    said = in_pty(args, isolated).decode("utf-8", "replace")
    # rich's own bold and dim may be there; what the workspace held may not.
    assert "\x1b]" not in said and "\x1b[2J" not in said, said
    assert not any(c in said for c in "\u202e\u2066\u2069\x07"), said
    assert "evil" in said or "owned" in said or "nobody" in said or "nowhere" in said


MARKUP = "[red]红[/red][link=https://example.com]点我[/link][bold"


@pytest.mark.slow
@pytest.mark.parametrize("args", [["status"], ["show", "m"], ["targets"]])
def test_brackets_in_user_text_are_shown_as_written_not_read_as_markup(isolated, args):
    plan = f"schema = 1\n\n[plan]\ntitle = {json.dumps(MARKUP)}\nyear = 2025\n"
    write_ws(isolated, f"""
[targets.m]
name = {json.dumps(MARKUP)}
kind = "cumulative"
target = 100
unit = {json.dumps("亿元" + MARKUP)}
section = {json.dumps(MARKUP)}
""", {"2025-02": record("m", "2025-02", 10) + f"note = {json.dumps(MARKUP)}\n"}, plan=plan)
    env = {"COLUMNS": "200"}
    said = in_pty(args, isolated, env).decode("utf-8", "replace")
    assert "\x1b]8;" not in said, said  # no hyperlink was made of it
    assert "[red]红[/red]" in said, said


def test_user_text_in_a_file_is_still_written_as_it_was(ws):
    result = run("add", "inv", "5", "--period", "2025-03", "--note", ESCAPES)
    assert result.exit_code == 0
    text = (ws / "actuals" / "2025-03.toml").read_text(encoding="utf-8")
    assert json.loads(run("status", "--format", "json").stdout)["targets"][0]["actual"] == 5
    assert "\\u001B]0;owned" in text or "\\u001b]0;owned" in text  # escaped, not lost


# ── 5. completion inserts text, never code ─────────────────────────────────────


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completion_quotes_what_it_inserts(isolated, tmp_path):
    marker = tmp_path / "ran"
    owner = f"$(touch {marker})"
    write_ws(isolated, f"""
[targets.x]
name = "X"
kind = "cumulative"
target = 1
owner = {json.dumps(owner)}
""")
    script = subprocess.run([sys.executable, "-m", "kpitrack", "completion", "bash"],
                            capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)}).stdout
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "kpitrack"
    launcher.write_text(f"#!/bin/sh\nexec {sys.executable} -m kpitrack \"$@\"\n")
    launcher.chmod(0o755)
    test = (script + "\nCOMP_WORDS=(kpitrack status --owner '')\nCOMP_CWORD=3\n"
            "_kpitrack_completion kpitrack\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}",
           "PYTHONPATH": str(REPO), "KPITRACK_WORKSPACE": str(isolated)}
    replies = subprocess.run(["bash", "-c", test], capture_output=True, text=True,
                             env=env, check=True).stdout.splitlines()
    assert replies and not marker.exists()
    # What bash would insert, once the line is entered, is the owner's name as text.
    typed = subprocess.run(["bash", "-c", f"printf '%s' {replies[0]}"], capture_output=True,
                           text=True, check=True).stdout
    assert typed == owner
    assert not marker.exists()


# ── 7. bounded reading ─────────────────────────────────────────────────────────


@pytest.mark.parametrize("far", [b"", b'<row r="1048576"><c r="XFD1048576" t="n"/></row>'])
def test_a_tiny_workbook_claiming_a_huge_sheet_is_read_as_the_cells_it_holds(ws, far):
    """The claim is the sheet's dimension, or an empty cell at its far corner."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["指标", "期间", "数值"])
    sheet.append(["inv", "2025-03", 12])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:C2"/>',
                                    b'<dimension ref="A1:XFD1048576"/>')
                data = data.replace(b"</sheetData>", far + b"</sheetData>")
                assert b"XFD1048576" in data
            target.writestr(item, data)
    (ws / "big.xlsx").write_bytes(out.getvalue())
    assert len(out.getvalue()) < 10_000
    result = run("import", "big.xlsx", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "新增" in result.stdout


def test_a_sheet_of_too_many_rows_is_one_line(ws):
    rows = "".join(f"inv,2025-03,{i}\n" for i in range(100_001))
    (ws / "huge.csv").write_text("指标,期间,数值\n" + rows, encoding="utf-8")
    result = run("--lang", "en", "import", "huge.csv", "--dry-run")
    assert result.exit_code == 1 and "more than 100000 rows" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_in_actuals_is_an_error_not_a_hang(ws):
    os.mkfifo(ws / "actuals" / "2025-03.toml")
    started = time.monotonic()
    result = run("--lang", "en", "status")
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    assert "2025-03.toml" in result.stderr and "not a regular file" in result.stderr


# ── 8. no traceback from bad data ──────────────────────────────────────────────


@pytest.mark.parametrize("body", [
    "schema = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n",
    "schema = 1\n" + "a." * 50_000 + "b = 1\n",
])
def test_deep_nesting_in_a_month_file_is_one_line_and_other_months_still_take_figures(
        ws, body):
    (ws / "actuals" / "2025-03.toml").write_text(body, encoding="utf-8")
    result = run("status")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert run("add", "inv", "20", "--period", "2025-04").exit_code == 0


def test_a_huge_dotted_key_in_targets_is_one_line(ws):
    with (ws / "targets.toml").open("a", encoding="utf-8") as handle:
        handle.write("a." * 100_000 + "b = 1\n")
    result = run("status")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1


def test_a_month_file_linked_to_itself_is_one_line(ws):
    path = ws / "actuals" / "2025-03.toml"
    path.symlink_to(path)
    result = run("status")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_truncated_sheet_part_is_one_line(ws):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["指标", "期间", "数值"])
    book.active.append(["inv", "2025-03", 12])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    (ws / "cut.xlsx").write_bytes(out.getvalue())
    result = run("import", "cut.xlsx")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_undecodable_bytes_in_an_argument_are_one_line(ws):
    env = {**os.environ, "PYTHONPATH": str(REPO), "KPITRACK_WORKSPACE": str(ws),
           "LC_ALL": "C.UTF-8"}
    result = subprocess.run([sys.executable, "-m", "kpitrack", "show", b"\xff\xfe".decode(
        "utf-8", "surrogateescape")], capture_output=True, env=env, check=False)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and b"Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html", "md", "csv", "pdf"])
def test_noncharacters_in_a_name_do_not_break_an_export(isolated, fmt):
    write_ws(isolated, """
[targets.x]
name = "名\\uFFFE称\\uFFFF"
kind = "cumulative"
target = 10
""", {"2025-02": record("x", "2025-02", 1, note="说明\uffff")})
    assert run("check").exit_code == 0
    result = run("export", "-o", f"report.{fmt}")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_a_plan_ending_in_9999_is_refused_by_check(isolated):
    write_ws(isolated, TARGETS, plan='schema = 1\n[plan]\ntitle = "t"\nstart = 2025-01-01\n'
             'end = 9999-12-31\n')
    for args in (["check"], ["status"]):
        result = run("--lang", "en", *args)
        assert result.exit_code == 1 and "plan.end must be a date between 1900" in \
            (result.stdout + result.stderr)


# ── 9. ids come first ──────────────────────────────────────────────────────────

CAPTURE = """
[targets.inv]
name = "投资"
kind = "cumulative"
target = 100

[targets.other]
name = "inv"
kind = "cumulative"
target = 100

[targets.a]
name = "同名"
kind = "cumulative"
target = 1

[targets.b]
name = "同名"
kind = "cumulative"
target = 1
"""


def test_a_name_equal_to_another_id_cannot_capture_its_figures(isolated):
    write_ws(isolated, CAPTURE)
    assert run("add", "inv", "5", "--period", "2025-03").exit_code == 0
    rows = {r["id"]: r["actual"] for r in
            json.loads(run("status", "--format", "json").stdout)["targets"]}
    assert rows["inv"] == 5 and rows["other"] is None
    assert run("show", "inv", "--format", "json").stdout.count('"id": "inv"') >= 1
    (isolated / "s.csv").write_text("指标,期间,数值\ninv,2025-04,6\n", encoding="utf-8")
    assert run("import", "s.csv").exit_code == 0
    rows = {r["id"]: r["actual"] for r in
            json.loads(run("status", "--format", "json").stdout)["targets"]}
    assert rows["inv"] == 6 and rows["other"] is None
    checked = run("--lang", "en", "check").stdout
    assert "is another target's id" in checked and "names more than one target" in checked


def test_a_name_two_targets_share_finds_neither(isolated):
    write_ws(isolated, CAPTURE)
    (isolated / "s.csv").write_text("指标,期间,数值\n同名,2025-03,1\n", encoding="utf-8")
    before = digest(isolated)
    for args in (["add", "同名", "1", "--period", "2025-03"], ["show", "同名"],
                 ["respond", "同名", "--reason", "r", "--measures", "m"]):
        result = run("--lang", "en", *args)
        assert result.exit_code == 1 and "give the id" in result.stderr
    assert run("import", "s.csv").exit_code == 1
    assert digest(isolated) == before


# ── 10. no write through a link ────────────────────────────────────────────────


def test_a_dangling_gitignore_link_in_the_state_folder_is_not_followed(ws, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside-gitignore"
    (ws / ".kpitrack").mkdir()
    (ws / ".kpitrack" / ".gitignore").symlink_to(outside)
    assert run("add", "inv", "5", "--period", "2025-03").exit_code == 0
    assert not outside.exists()


def test_a_lock_file_linked_elsewhere_is_not_written_through(ws, tmp_path):
    victim = tmp_path.parent / f"{tmp_path.name}-victim"
    victim.write_text("precious\n")
    (ws / ".kpitrack").mkdir()
    (ws / ".kpitrack" / "write.lock").symlink_to(victim)
    assert run("add", "inv", "5", "--period", "2025-03").exit_code == 0
    assert victim.read_text() == "precious\n"


def test_init_writes_through_no_linked_git_file(tmp_path):
    target = tmp_path / "new"
    target.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    (target / ".gitattributes").symlink_to(victim)
    (target / ".gitignore").symlink_to(tmp_path / "dangling")
    result = run("--lang", "en", "init", str(target))
    assert result.exit_code == 1 and "is a link to" in result.stderr
    assert victim.read_text() == "precious\n"
    assert not (tmp_path / "dangling").exists()


@pytest.mark.parametrize("columns", ["0", "abc", "5"])
def test_an_unusable_columns_setting_still_draws_the_table(ws, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    result = run("status")
    assert result.exit_code == 0 and "投资" in result.stdout
