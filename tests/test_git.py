"""Several departments, one repository: real git clones that add figures and merge."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run
from kpitrack.workspace.load import load_workspace
from kpitrack.workspace.merge import merge_months

# Real git clones: the slow set (`pytest -m slow`).
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")]

PLAN = """\
schema = 1

[plan]
title = "两个部门"
year = 2025

[targets.inv]
name = "投资"
kind = "cumulative"
target = 100
unit = "亿元"

[targets.firms]
name = "企业"
kind = "cumulative"
target = 50
unit = "家"

[targets.jobs]
name = "就业"
kind = "cumulative"
target = 20
unit = "万人"
"""


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    """git that reads no user or system config, with a fixed identity."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "科技创新局")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "unit@example.org")
    monkeypatch.delenv("KPITRACK_WORKSPACE")
    return tmp_path


def git(cwd: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                            check=False)
    if ok:
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


def kp(clone: Path, *args: str):
    result = run("-C", str(clone), *args)
    assert result.exit_code == 0, (args, result.stderr)
    return result


@pytest.fixture
def clones(git_env):
    """A plan made with `kpitrack init --from`, pushed to a shared repository, cloned twice."""
    plan = git_env / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    seed = git_env / "seed"
    kp(git_env, "init", str(seed), "--from", str(plan))
    assert "merge=kpitrack" in (seed / ".gitattributes").read_text(encoding="utf-8")
    assert ".kpitrack/" in (seed / ".gitignore").read_text(encoding="utf-8")
    origin = git_env / "origin.git"
    git(git_env, "init", "-q", "--bare", "-b", "main", str(origin))
    git(seed, "init", "-q", "-b", "main")
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "plan")
    git(seed, "push", "-q", str(origin), "main")
    pair = []
    for name in ("a", "b"):
        git(git_env, "clone", "-q", str(origin), name)
        git(git_env / name, "config", "pull.rebase", "false")
        pair.append(git_env / name)
    return pair


def commit(clone: Path, message: str) -> None:
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", message)


def sync(first: Path, second: Path) -> subprocess.CompletedProcess:
    """`first` pushes; `second` pulls (a merge) and pushes the merge back."""
    git(first, "push", "-q", "origin", "main")
    pulled = git(second, "pull", "-q", "--no-edit", "origin", "main", ok=False)
    if pulled.returncode == 0:
        git(second, "push", "-q", "origin", "main")
        git(first, "pull", "-q", "--no-edit", "origin", "main")
    return pulled


def records(clone: Path) -> set[tuple]:
    ws = load_workspace(clone)
    return {(a.target, str(a.period), a.value, a.correction, a.recorded, a.by)
            for a in ws.actuals}


def actuals(clone: Path) -> dict[str, float | None]:
    data = json.loads(kp(clone, "status", "--format", "json").stdout)
    return {row["id"]: row["actual"] for row in data["targets"]}


def check(clone: Path):
    return run("-C", str(clone), "check")


def test_two_clones_adding_to_one_month_merge_with_nothing_lost(clones):
    a, b = clones
    # A new month file on both sides (git's add/add case).
    kp(a, "add", "inv", "30", "--period", "2025-03", "--by", "发展改革局")
    commit(a, "inv March")
    kp(b, "add", "firms", "12", "--period", "2025-03", "--by", "发展改革局")
    commit(b, "firms March")
    assert git(b, "config", "--get", "merge.kpitrack.driver").stdout.strip()
    expected = records(a) | records(b)
    pulled = sync(a, b)
    assert pulled.returncode == 0, pulled.stderr
    assert records(b) == expected == records(a)
    assert check(b).exit_code == 0
    assert actuals(b) == {"inv": 30, "firms": 12, "jobs": None}
    # The month file exists on both sides now; both append to it again.
    kp(a, "add", "jobs", "5", "--period", "2025-03", "--by", "发展改革局")
    commit(a, "jobs March")
    kp(b, "add", "inv", "40", "--period", "2025-04", "--by", "发展改革局")
    kp(b, "add", "firms", "15", "--period", "2025-04")
    commit(b, "April")
    expected = records(a) | records(b)
    assert sync(b, a).returncode == 0
    assert records(a) == expected == records(b)
    assert check(a).exit_code == 0
    assert git(a, "status", "--porcelain").stdout == ""


def test_a_correction_on_one_side_and_a_new_figure_on_the_other(clones):
    a, b = clones
    kp(a, "add", "inv", "30", "--period", "2025-03")
    commit(a, "inv")
    assert sync(a, b).returncode == 0
    kp(a, "add", "inv", "33", "--period", "2025-03", "--correct")
    commit(a, "correct inv")
    kp(b, "add", "firms", "9", "--period", "2025-03")
    commit(b, "firms")
    expected = records(a) | records(b)
    assert sync(a, b).returncode == 0
    assert records(b) == expected
    assert check(b).exit_code == 0
    assert actuals(b)["inv"] == 33 and actuals(b)["firms"] == 9


def test_the_same_figure_added_on_both_sides(clones):
    a, b = clones
    kp(a, "add", "inv", "30", "--period", "2025-03", "--by", "发展改革局")
    commit(a, "inv")
    kp(b, "add", "inv", "30", "--period", "2025-03", "--by", "统计局")
    commit(b, "inv too")
    expected = records(a) | records(b)
    assert len(expected) == 2  # recorded by two people
    assert sync(a, b).returncode == 0
    assert records(b) == expected
    result = check(b)
    assert result.exit_code == 0
    assert "recorded twice with the same figure" in result.stdout or "重复记录" in result.stdout
    assert actuals(b)["inv"] == 30


def test_two_different_figures_merge_and_check_asks_for_a_correction(clones):
    a, b = clones
    kp(a, "add", "inv", "30", "--period", "2025-03")
    commit(a, "inv 30")
    kp(b, "add", "inv", "31", "--period", "2025-03")
    commit(b, "inv 31")
    expected = records(a) | records(b)
    assert sync(a, b).returncode == 0
    assert records(b) == expected
    result = run("-C", str(b), "--lang", "en", "check")
    assert result.exit_code == 1
    assert "second figure for inv 2025-03 without correction" in result.stdout
    assert "--correct" in result.stdout
    kp(b, "add", "inv", "31", "--period", "2025-03", "--correct")
    assert check(b).exit_code == 0
    assert actuals(b)["inv"] == 31


def test_a_record_edited_differently_on_both_sides_is_a_true_conflict(clones):
    a, b = clones
    kp(a, "add", "inv", "30", "--period", "2025-03")
    commit(a, "inv")
    assert sync(a, b).returncode == 0
    month = Path("actuals") / "2025-03.toml"
    for clone, value in ((a, "35"), (b, "36")):
        text = (clone / month).read_text(encoding="utf-8")
        (clone / month).write_text(text.replace("value = 30", f"value = {value}"),
                                   encoding="utf-8")
        commit(clone, f"edit to {value}")
    pulled = sync(a, b)
    assert pulled.returncode != 0
    merged = (b / month).read_text(encoding="utf-8")
    assert "<<<<<<<" in merged and "value = 35" in merged and "value = 36" in merged


# ── the merge itself, without git ───────────────────────────────────────────────

HEAD = "# kpitrack figures for 2025-03.\nschema = 1\n"
R1 = '\n[[actual]]\ntarget = "inv"\nperiod = "2025-03"\nvalue = 1\nby = "局"\n'
R2 = '\n[[actual]]\ntarget = "firms"\nperiod = "2025-03"\nvalue = 2\nby = "局"\n'
R3 = '\n[[actual]]\ntarget = "jobs"\nperiod = "2025-03"\nvalue = 3\nby = "局"\n'


def test_records_appended_on_both_sides_stay_whole_blocks():
    merged = merge_months(HEAD + R1, HEAD + R1 + R2, HEAD + R1 + R3)
    assert merged == HEAD + R1 + R2 + R3


def test_a_new_file_on_both_sides_keeps_one_head():
    assert merge_months("", HEAD + R2, HEAD + R3) == HEAD + R2 + R3


def test_the_same_record_on_both_sides_is_kept_once():
    assert merge_months(HEAD, HEAD + R1 + R2, HEAD + R1 + R3) == HEAD + R1 + R2 + R3


def test_crlf_files_stay_crlf():
    crlf = (HEAD + R1).replace("\n", "\r\n")
    merged = merge_months(crlf, crlf + R2.replace("\n", "\r\n"), crlf + R3)
    assert merged is not None
    assert merged == (HEAD + R1 + R2 + R3).replace("\n", "\r\n")


def test_an_edited_or_dropped_record_is_a_conflict():
    assert merge_months(HEAD + R1, HEAD + R1.replace("1", "9") + R2, HEAD + R1 + R3) is None
    assert merge_months(HEAD + R1, HEAD + R2, HEAD + R1 + R3) is None
    assert merge_months(HEAD, "# other\n" + HEAD + R2, HEAD + R3) is None


def test_one_side_unchanged_takes_the_other():
    assert merge_months(HEAD + R1, HEAD + R1, HEAD + R1.replace("1", "9")) == \
        HEAD + R1.replace("1", "9")
    assert merge_months(HEAD + R1, HEAD + R1 + R2, HEAD + R1) == HEAD + R1 + R2


INCREMENT = """
[targets.deliveries]
name = "交付"
kind = "cumulative"
target = 100
unit = "台"
report = "increment"
"""


def _with_increment(clones):
    a, b = clones
    with (a / "targets.toml").open("a", encoding="utf-8") as handle:
        handle.write(INCREMENT)
    commit(a, "an increment target")
    assert sync(a, b).returncode == 0
    return a, b


def _sheet(clone: Path, rows: list[str]) -> Path:
    path = clone.parent / f"{clone.name}-sheet.csv"
    path.write_text("指标,期间,数值\n" + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def test_two_equal_rows_of_an_increment_target_survive_a_merge(clones):
    a, b = _with_increment(clones)
    # Two deliveries of 5 on one day: two records, equal but for their ids.
    kp(a, "import", str(_sheet(a, ["deliveries,2025-03,5", "deliveries,2025-03,5"])))
    commit(a, "two deliveries")
    kp(b, "add", "inv", "30", "--period", "2025-03")
    commit(b, "inv")
    assert sync(a, b).returncode == 0
    assert actuals(b)["deliveries"] == 10 == actuals(a)["deliveries"]
    assert check(b).exit_code == 0


def test_a_rebase_keeps_a_clones_own_second_equal_record(clones):
    a, b = _with_increment(clones)
    kp(b, "import", str(_sheet(b, ["deliveries,2025-03,5", "deliveries,2025-03,5"])))
    commit(b, "two deliveries")
    kp(a, "add", "deliveries", "7", "--period", "2025-03")
    commit(a, "one delivery")
    git(a, "push", "-q", "origin", "main")
    git(b, "pull", "-q", "--rebase", "origin", "main")
    assert actuals(b)["deliveries"] == 17
    assert check(b).exit_code == 0


def test_equal_records_without_ids_are_kept_as_often_as_either_side_holds_them():
    base = "schema = 1\n"
    block = '\n[[actual]]\ntarget = "t"\nperiod = "2025-03"\nvalue = 5\n'
    ours = base + block + block  # a file written before records had ids
    theirs = base + block
    merged = merge_months(base, ours, theirs)
    assert merged is not None and merged.count("[[actual]]") == 2
    merged = merge_months(base, theirs, ours)
    assert merged is not None and merged.count("[[actual]]") == 2


def test_a_withdrawal_and_a_correction_in_two_clones_leave_the_correction_standing(clones):
    a, b = clones
    kp(a, "add", "inv", "30", "--period", "2025-03")
    commit(a, "inv 30")
    assert sync(a, b).returncode == 0
    kp(a, "withdraw", "inv", "--period", "2025-03", "--note", "误录")
    commit(a, "withdraw")
    kp(b, "add", "inv", "33", "--period", "2025-03", "--correct")
    commit(b, "correct")
    assert sync(a, b).returncode == 0
    # The figure both replaced is not back: the correction counts, and check says why.
    assert actuals(b)["inv"] == 33
    result = run("-C", str(b), "--lang", "en", "check")
    assert result.exit_code == 0
    assert "corrected at line" in result.stdout and "had not seen the withdrawal" in result.stdout


def test_the_correction_first_then_the_withdrawal_elsewhere(clones):
    a, b = clones
    kp(a, "add", "inv", "30", "--period", "2025-03")
    commit(a, "inv 30")
    assert sync(a, b).returncode == 0
    kp(b, "add", "inv", "33", "--period", "2025-03", "--correct")
    commit(b, "correct")
    kp(a, "withdraw", "inv", "--period", "2025-03")
    commit(a, "withdraw")
    assert sync(b, a).returncode == 0
    assert actuals(a)["inv"] == 33
    assert "被更正" in run("-C", str(a), "check").stdout


def test_a_driver_whose_python_is_gone_leaves_markers_and_check_names_the_file(clones):
    a, b = clones
    kp(a, "add", "inv", "30", "--period", "2025-03")
    commit(a, "inv")
    kp(b, "add", "firms", "12", "--period", "2025-03")
    commit(b, "firms")
    # The clone's registered Python was removed (a recreated virtual environment).
    from kpitrack.workspace.git import driver_command

    git(b, "config", "merge.kpitrack.driver", driver_command(str(b.parent / "gone/python")))
    pulled = sync(a, b)
    assert pulled.returncode != 0  # a conflict git reports, not a silent merge
    text = (b / "actuals" / "2025-03.toml").read_text(encoding="utf-8")
    assert "<<<<<<<" in text and ">>>>>>>" in text  # both sides are there, marked
    result = run("-C", str(b), "--lang", "en", "check")
    assert result.exit_code == 1
    assert "actuals/2025-03.toml" in result.stdout and "git has not finished merging" in \
        result.stdout
    assert "no longer exists" in result.stdout
    # check registered this kpitrack again: the next merge is record by record.
    assert git(b, "config", "--get", "merge.kpitrack.driver").stdout.strip() == \
        driver_command()
