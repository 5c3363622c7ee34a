"""A shared workspace is data, never code: planted state runs nothing and changes no figure."""

from __future__ import annotations

import json
import pickle
import shutil

import pytest

from conftest import REPO, record, run, write_ws
from kpitrack.core.errors import KpiError
from kpitrack.core.model import Actual
from kpitrack.core.period import Period
from kpitrack.workspace.append import append_actual
from kpitrack.workspace.files import workspace_lock
from kpitrack.workspace.load import load_workspace

TARGETS = '[targets.inv]\nname = "投资"\nkind = "cumulative"\ntarget = 100\nunit = "亿元"\n'


def status_json(root) -> dict:
    result = run("-C", str(root), "status", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


class _Planted:
    """What an attacker would pickle: unpickling it runs a command."""

    def __init__(self, marker) -> None:
        self.marker = marker

    def __reduce__(self):
        return (shutil.copy, (str(REPO / "targets.toml"), str(self.marker)))


def test_planted_pickles_in_the_state_folder_run_nothing_and_change_nothing(isolated):
    root = write_ws(isolated, TARGETS, {"2025-03": record("inv", "2025-03", 30)})
    before = status_json(root)
    marker = isolated.parent / f"{isolated.name}-pwned"
    state = root / ".kpitrack"
    (state / "cache").mkdir(parents=True, exist_ok=True)
    for name in ("targets.pickle", "result.pickle", "output.pickle",
                 "actuals-2025-03.toml.pickle"):
        (state / "cache" / name).write_bytes(pickle.dumps(_Planted(marker)))
    (state / "result.pickle").write_bytes(pickle.dumps(_Planted(marker)))
    for args in (["status"], ["status", "--format", "json"], ["export"], ["check"],
                 ["show", "inv"], ["targets"], ["add", "inv", "31", "--period", "2025-04"]):
        assert run("-C", str(root), *args).exit_code == 0, args
    assert not marker.exists()
    after = status_json(root)
    assert after["targets"][0]["actual"] == 31
    assert before["targets"][0]["actual"] == 30


def test_a_state_folder_from_another_workspace_changes_no_figure(isolated):
    (isolated / "one").mkdir()
    (isolated / "two").mkdir()
    one = write_ws(isolated / "one", TARGETS, {"2025-03": record("inv", "2025-03", 30)})
    two = write_ws(isolated / "two", TARGETS, {"2025-03": record("inv", "2025-03", 70)})
    run("-C", str(one), "add", "inv", "40", "--period", "2025-04")
    assert (one / ".kpitrack").is_dir()
    expected = status_json(two)
    shutil.copytree(one / ".kpitrack", two / ".kpitrack", dirs_exist_ok=True)
    assert status_json(two) == expected


def _record(value: float, correction: bool = False) -> Actual:
    return Actual(target="inv", period=Period(2025, 3), value=value, correction=correction)


@pytest.fixture
def ws(isolated):
    return write_ws(isolated, TARGETS, {"2025-03": record("inv", "2025-03", 30)})


def test_add_trusts_what_it_read_only_while_the_bytes_match(ws):
    """A figure added by someone else after our read still counts for the duplicate rule."""
    loaded = load_workspace(ws)
    month = ws / "actuals" / "2025-03.toml"
    assert loaded.sources[month.name] == month.read_bytes()
    month.write_bytes(month.read_bytes().replace(b"value = 30", b"value = 30\ncorrection = false"))
    changed = month.read_bytes()
    with pytest.raises(KpiError, match="already has a figure"):
        append_actual(loaded, _record(31))
    assert month.read_bytes() == changed


def test_an_append_to_a_file_read_a_moment_ago_is_byte_exact(ws):
    loaded = load_workspace(ws)
    month = ws / "actuals" / "2025-03.toml"
    before = month.read_bytes()
    append_actual(loaded, _record(35, correction=True), correct=True)
    assert month.read_bytes().startswith(before)
    assert status_json(ws)["targets"][0]["actual"] == 35
    assert run("check").exit_code == 0


# ── other state in the workspace ────────────────────────────────────────────────


def test_a_writer_killed_while_holding_the_lock_does_not_block_the_next_add(ws):
    """`kill -9` during an add leaves write.lock behind; the lock itself died with it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path\n"
         "from kpitrack.workspace.files import workspace_lock\n"
         "with workspace_lock(Path(sys.argv[1])):\n"
         "    print('locked', flush=True); time.sleep(60)", str(ws)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        # While it is alive, a second writer waits and then gives up with one line.
        with pytest.raises(KpiError, match="another kpitrack is writing"):
            with workspace_lock(ws, timeout=0.2):
                pass
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        holder.kill()
    assert (ws / ".kpitrack" / "write.lock").exists()
    started = time.monotonic()
    result = run("add", "inv", "40", "--period", "2025-04")
    assert result.exit_code == 0, result.stderr
    assert time.monotonic() - started < 5


@pytest.fixture
def elsewhere(isolated):
    folder = isolated.parent / f"{isolated.name}-elsewhere"
    folder.mkdir()
    return folder


def _unchanged(folder) -> dict:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_month_file_linked_out_of_the_workspace_is_neither_read_nor_written(ws, elsewhere):
    outside = elsewhere / "2025-04.toml"
    outside.write_text("schema = 1\n" + record("inv", "2025-04", 99), encoding="utf-8")
    (ws / "actuals" / "2025-04.toml").symlink_to(outside)
    before = _unchanged(elsewhere)
    added = run("--lang", "en", "add", "inv", "40", "--period", "2025-04")
    assert added.exit_code == 1
    assert added.stderr.count("\n") == 1
    assert "is a link to" in added.stderr and "inside the workspace" in added.stderr
    checked = run("--lang", "en", "check")
    assert checked.exit_code == 1 and "outside the workspace" in checked.stdout
    assert _unchanged(elsewhere) == before


def test_an_actuals_folder_linked_out_of_the_workspace_is_refused(ws, elsewhere):
    shutil.move(ws / "actuals", elsewhere / "actuals")
    (ws / "actuals").symlink_to(elsewhere / "actuals")
    before = _unchanged(elsewhere)
    assert run("add", "inv", "40", "--period", "2025-04").exit_code == 1
    result = run("--lang", "en", "status")
    assert result.exit_code == 1 and "outside the workspace" in result.stderr
    assert _unchanged(elsewhere) == before


def test_a_state_folder_linked_out_of_the_workspace_is_not_written(ws, elsewhere):
    (ws / ".kpitrack").symlink_to(elsewhere)
    result = run("--lang", "en", "add", "inv", "40", "--period", "2025-04")
    assert result.exit_code == 1 and "inside the workspace" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_export_onto_a_link_replaces_the_link_not_the_file_it_points_to(ws, elsewhere):
    precious = elsewhere / "precious.md"
    precious.write_text("keep me\n", encoding="utf-8")
    link = ws / "report.md"
    link.symlink_to(precious)
    assert run("export", "-o", "report.md").exit_code == 0
    assert precious.read_text(encoding="utf-8") == "keep me\n"
    assert not link.is_symlink()
    assert "投资" in link.read_text(encoding="utf-8")
    # A link onto the workspace's own targets.toml is replaced too, never followed.
    link.unlink()
    link.symlink_to(ws / "targets.toml")
    plan = (ws / "targets.toml").read_bytes()
    assert run("export", "-o", "report.md").exit_code == 0
    assert (ws / "targets.toml").read_bytes() == plan
