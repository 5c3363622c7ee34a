"""An import over several months is all or nothing, whatever stops it: real signals sent
to a real process at the worst moment, then the next command looks at what is left."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import REPO, run, write_ws

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.name != "posix", reason="POSIX signals")]

TARGETS = """
[targets.inv]
name = "投资"
kind = "cumulative"
target = 100

[targets.jobs]
name = "交付"
kind = "cumulative"
target = 50
report = "increment"
"""

SHEET = "指标,期间,数值\ninv,2025-01,10\ninv,2025-02,20\njobs,2025-03,5\njobs,2025-03,5\n"

# The child imports the sheet with one of os.replace or the staging write wrapped, and
# sends itself a signal at the chosen moment.
CHILD = textwrap.dedent("""
    import os, signal, sys
    from kpitrack.workspace import journal
    how, when = sys.argv[1], sys.argv[2]
    sig = getattr(signal, how)
    # Run under nohup, the child inherits SIGHUP ignored: the test sends it to be obeyed.
    if signal.getsignal(sig) == signal.SIG_IGN:
        signal.signal(sig, signal.SIG_DFL)
    seen = []
    real_replace, real_stage = os.replace, journal.staged_write

    def replace(a, b):
        real_replace(a, b)
        if when == "after-first-month" and str(b).endswith(".toml"):
            seen.append(b)
            if len(seen) == 1:
                os.kill(os.getpid(), sig)

    def stage(folder, name, data, like=None):
        found = real_stage(folder, name, data, like)
        if when == "while-staging" and name == "2025-02.toml":
            os.kill(os.getpid(), sig)
        return found

    os.replace = replace
    journal.staged_write = stage
    from kpitrack.cli.main import main
    sys.argv = ["kpitrack", "import", sys.argv[3]]
    main()
""")


@pytest.fixture
def ws(isolated):
    write_ws(isolated, TARGETS)
    (isolated / "sheet.csv").write_text(SHEET, encoding="utf-8")
    return isolated


def interrupt(ws, how: str, when: str) -> int:
    env = {**os.environ, "KPITRACK_WORKSPACE": str(ws), "PYTHONPATH": str(REPO)}
    child = subprocess.run([sys.executable, "-c", CHILD, how, when, str(ws / "sheet.csv")],
                           env=env, capture_output=True, text=True, timeout=60, check=False)
    return child.returncode


def figures(ws) -> dict[str, float]:
    rows = json.loads(run("status", "--format", "json", "--as-of", "2025-03").stdout)
    return {row["id"]: row["actual"] for row in rows["targets"]}


def no_stray_files(ws) -> bool:
    """Nothing in actuals/ but month files: `git add actuals` takes nothing half-done."""
    return all(p.suffix == ".toml" and not p.name.startswith(".")
               for p in (ws / "actuals").iterdir())


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM", "SIGHUP", "SIGINT"])
def test_stopped_after_the_first_month_is_renamed_the_import_is_whole(ws, how):
    code = interrupt(ws, how, "after-first-month")
    assert code != 0  # the process was stopped
    assert no_stray_files(ws)
    # The import was decided before the first rename: the next command finishes it.
    result = run("check")
    assert result.exit_code == 0, result.stdout
    assert sorted(p.name for p in (ws / "actuals").glob("*.toml")) == \
        ["2025-01.toml", "2025-02.toml", "2025-03.toml"]
    assert figures(ws) == {"inv": 20, "jobs": 10}
    assert not (ws / ".kpitrack" / "journal.json").exists()
    if how == "SIGKILL":  # a killed import is finished by the next command, which says so
        assert "已补完" in result.stdout or "已补完" in result.stderr
    # Importing the sheet again now adds the increment rows again, as a second import
    # always does; the ytd rows are skipped as already recorded.
    again = run("import", str(ws / "sheet.csv"), "--dry-run")
    assert "已有相同数据" in again.stdout


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_stopped_before_the_import_is_decided_nothing_is_written(ws, how):
    code = interrupt(ws, how, "while-staging")
    assert code != 0
    assert list((ws / "actuals").glob("*.toml")) == []
    assert no_stray_files(ws)
    assert run("check").exit_code == 0
    # The next import writes the whole sheet once, and tidies what the stopped one left.
    assert run("import", str(ws / "sheet.csv")).exit_code == 0
    assert figures(ws) == {"inv": 20, "jobs": 10}
    assert [p.name for p in (ws / ".kpitrack" / "tmp").iterdir()] == []


def test_a_planted_journal_cannot_write_outside_the_month_files(ws):
    """The journal is read back as data: an entry naming another file is ignored."""
    state = ws / ".kpitrack"
    (state / "tmp").mkdir(parents=True)
    (state / "tmp" / "x.tmp").write_text("schema = 1\n", encoding="utf-8")
    (state / "journal.json").write_text(json.dumps(
        [{"path": "targets.toml", "staged": "x.tmp"},
         {"path": "../outside.toml", "staged": "x.tmp"}]), encoding="utf-8")
    before = (ws / "targets.toml").read_bytes()
    assert run("status").exit_code == 0
    assert (ws / "targets.toml").read_bytes() == before
    assert not (ws.parent / "outside.toml").exists()
    assert not (state / "journal.json").exists()
