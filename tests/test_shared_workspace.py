"""A shared workspace is data, never code: planted state runs nothing and changes no figure."""

from __future__ import annotations

import json
import pickle
import shutil

import pytest

from conftest import REPO, record, run, write_ws
from kpitrack import store
from kpitrack.model import Actual, KpiError, Period

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
    loaded = store.load_workspace(ws)
    month = ws / "actuals" / "2025-03.toml"
    assert loaded.sources[month.name] == month.read_bytes()
    month.write_bytes(month.read_bytes().replace(b"value = 30", b"value = 30\ncorrection = false"))
    changed = month.read_bytes()
    with pytest.raises(KpiError, match="already has a figure"):
        store.append_actual(loaded, _record(31))
    assert month.read_bytes() == changed


def test_an_append_to_a_file_read_a_moment_ago_is_byte_exact(ws):
    loaded = store.load_workspace(ws)
    month = ws / "actuals" / "2025-03.toml"
    before = month.read_bytes()
    store.append_actual(loaded, _record(35, correction=True), correct=True)
    assert month.read_bytes().startswith(before)
    assert status_json(ws)["targets"][0]["actual"] == 35
    assert run("check").exit_code == 0
