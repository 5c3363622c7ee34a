"""The derived cache never serves stale data, and is always safe to lose."""

from __future__ import annotations

import json
import os

import pytest

from conftest import record, run, write_ws
from kpitrack import cache

TARGETS = '[targets.inv]\nname = "投资"\nkind = "cumulative"\ntarget = 100\nunit = "亿元"\n'


def actual_of(root) -> float:
    data = json.loads(run("-C", str(root), "status", "--format", "json").stdout)
    return data["targets"][0]["actual"]


@pytest.fixture
def ws(isolated):
    root = write_ws(isolated, TARGETS, {"2025-03": record("inv", "2025-03", 30)})
    assert actual_of(root) == 30  # fills the cache
    assert cache.cache_path(root).exists()
    return root


def test_edit_is_seen(ws):
    month = ws / "actuals" / "2025-03.toml"
    month.write_text(month.read_text(encoding="utf-8").replace("30", "31"), encoding="utf-8")
    assert actual_of(ws) == 31


def test_file_replaced_with_same_size_and_mtime_is_seen(ws):
    """Same size, same mtime_ns (as within one coarse clock tick): the hash still differs."""
    month = ws / "actuals" / "2025-03.toml"
    stat = month.stat()
    month.write_text(month.read_text(encoding="utf-8").replace("30", "45"), encoding="utf-8")
    os.utime(month, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert month.stat().st_size == stat.st_size and month.stat().st_mtime_ns == stat.st_mtime_ns
    assert actual_of(ws) == 45


def test_correction_through_add_is_seen(ws):
    result = run("add", "inv", "33", "--period", "2025-03", "--correct")
    assert result.exit_code == 0, result.stderr
    assert actual_of(ws) == 33


def test_new_month_file_and_deleted_month_file_are_seen(ws):
    # With the date-times `add` writes, which must be cached like everything else.
    for month, value in (("2025-03", 30), ("2025-04", 40)):
        (ws / "actuals" / f"{month}.toml").write_text(
            "schema = 1\n" + record("inv", month, value, recorded=f"{month}-28T09:30:00+08:00"),
            encoding="utf-8")
    assert actual_of(ws) == 40
    (ws / "actuals" / "2025-04.toml").unlink()
    assert actual_of(ws) == 30


def test_targets_edit_is_seen(ws):
    (ws / "targets.toml").write_text((ws / "targets.toml").read_text(encoding="utf-8")
                                     .replace("target = 100", "target = 60"), encoding="utf-8")
    data = json.loads(run("status", "--format", "json").stdout)
    assert data["targets"][0]["completion"] == pytest.approx(50.0)


def test_an_error_introduced_after_caching_is_reported(ws):
    (ws / "actuals" / "2025-03.toml").write_text("schema = 1\n[[actual]\n", encoding="utf-8")
    result = run("status")
    assert result.exit_code == 1 and "2025-03.toml:2" in result.stderr


@pytest.mark.parametrize("junk", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_corrupt_cache_is_a_miss(ws, junk):
    assert run("status").exit_code == 0  # a drawn table is kept too
    names = [cache.CACHE_FILE, cache.RESULT_FILE, cache.OUTPUT_FILE,
             f"{cache.MONTH_PREFIX}2025-03.toml.pickle"]
    for name in names:
        assert (cache.cache_path(ws).parent / name).exists(), name
        (cache.cache_path(ws).parent / name).write_bytes(junk)
    assert actual_of(ws) == 30
    assert "投资" in run("status").stdout
    assert run("check").exit_code == 0


def test_deleting_the_cache_is_safe_and_it_stays_out_of_git(ws):
    ignore = ws / ".kpitrack" / ".gitignore"
    assert ignore.read_text(encoding="utf-8").splitlines()[-1] == "*"
    for path in cache.cache_path(ws).parent.iterdir():
        path.unlink()
    assert actual_of(ws) == 30


def test_no_cache_variable_turns_it_off(isolated, monkeypatch):
    monkeypatch.setenv(cache.ENV_NO_CACHE, "1")
    root = write_ws(isolated, TARGETS, {"2025-03": record("inv", "2025-03", 30)})
    assert actual_of(root) == 30
    assert not (root / ".kpitrack").exists()


def test_unwritable_cache_folder_does_not_stop_a_report(ws):
    state = cache.cache_path(ws).parent
    for path in state.iterdir():
        path.unlink()
    state.rmdir()
    state.write_text("a file where the cache folder should be", encoding="utf-8")
    assert actual_of(ws) == 30


def test_other_as_of_is_computed_not_served(ws):
    # With the date-times `add` writes, which must be cached like everything else.
    for month, value in (("2025-03", 30), ("2025-04", 40)):
        (ws / "actuals" / f"{month}.toml").write_text(
            "schema = 1\n" + record("inv", month, value, recorded=f"{month}-28T09:30:00+08:00"),
            encoding="utf-8")
    assert actual_of(ws) == 40
    data = json.loads(run("status", "--format", "json", "--as-of", "2025-03").stdout)
    assert data["as_of"] == "2025-03" and data["targets"][0]["actual"] == 30
    again = json.loads(run("status", "--format", "json").stdout)
    assert again["as_of"] == "2025-04" and again["targets"][0]["actual"] == 40


def _record(value: float, correction: bool = False):
    from kpitrack.model import Actual, Period

    return Actual(target="inv", period=Period(2025, 3), value=value, correction=correction)


def test_add_trusts_a_parse_only_while_the_bytes_match(ws):
    """A figure added by someone else after our read still counts for the duplicate rule."""
    from kpitrack import store
    from kpitrack.model import KpiError

    loaded = cache.load(ws)
    assert loaded.digests  # the fast path is armed
    month = ws / "actuals" / "2025-03.toml"
    before = month.read_bytes()
    month.write_bytes(before.replace(b"value = 30", b"value = 30\ncorrection = false"))
    changed = month.read_bytes()
    with pytest.raises(KpiError, match="already has a figure"):
        store.append_actual(loaded, _record(31))
    assert month.read_bytes() == changed


def test_add_on_the_fast_path_appends_byte_exact(ws):
    from kpitrack import store

    loaded = cache.load(ws)
    month = ws / "actuals" / "2025-03.toml"
    before = month.read_bytes()
    store.append_actual(loaded, _record(35, correction=True), correct=True)
    after = month.read_bytes()
    assert after.startswith(before)
    assert actual_of(ws) == 35
    assert run("check").exit_code == 0


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md"])
def test_a_repeated_report_is_served_without_reading_the_workspace(ws, monkeypatch, fmt):
    from kpitrack import store

    first = run("status", "--format", fmt)
    assert first.exit_code == 0
    evaluations = []
    real_result = cache.result

    def counted(*args, **kwargs):
        evaluations.append(args)
        return real_result(*args, **kwargs)

    def refuse(*args, **kwargs):
        raise AssertionError("the workspace was read for a report the cache holds")

    monkeypatch.setattr(cache, "result", counted)
    monkeypatch.setattr(store, "load_workspace", refuse)
    again = run("status", "--format", fmt)
    assert again.exit_code == 0 and again.stdout == first.stdout
    assert evaluations == []
    # Any other selection is a different report: it is made afresh, not served.
    other = run("status", "--format", fmt, "--only", "red")
    assert other.exit_code == 0 and other.stdout != first.stdout
    assert len(evaluations) == 1


def test_a_report_after_an_edit_is_drawn_afresh(ws):
    assert "30" in run("status").stdout
    month = ws / "actuals" / "2025-03.toml"
    month.write_text(month.read_text(encoding="utf-8").replace("30", "47"), encoding="utf-8")
    table = run("status").stdout
    assert "47" in table and "30亿元" not in table


def test_a_table_drawn_for_one_output_is_not_replayed_to_another(ws, monkeypatch):
    plain = run("status").stdout
    assert "\x1b[" not in plain
    coloured = run("--color", "status").stdout
    assert "\x1b[" in coloured
    assert run("status").stdout == plain
    assert run("--no-color", "status").stdout == plain
    monkeypatch.setenv("COLUMNS", "60")
    narrow = run("--color", "status").stdout
    assert max(len(line) for line in _unstyled(narrow).splitlines()) <= 60
    assert max(len(line) for line in _unstyled(coloured).splitlines()) > 60


def _unstyled(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_fail_on_is_judged_the_same_when_served_from_the_cache(ws, fmt):
    # 30 of 100 in March: completion 30% against time 25%, so green.
    for _ in range(2):
        assert run("status", "--format", fmt, "--fail-on", "green").exit_code == 3
        assert run("status", "--format", fmt, "--fail-on", "yellow").exit_code == 0


def test_the_drawn_output_key_follows_what_rich_decided():
    from rich.console import Console

    from kpitrack.render.console import profile

    def console(**kwargs):
        import io

        return Console(file=io.StringIO(), **kwargs)

    wide = profile(console(width=300, force_terminal=True))
    assert wide != profile(console(width=80, force_terminal=True))
    assert wide != profile(console(width=300, force_terminal=True, no_color=True))
    assert wide != profile(console(width=300, force_terminal=True, color_system="256"))
    assert profile(console(width=300, force_terminal=True)) == wide
    assert profile(console(legacy_windows=True)) is None


TWO = (TARGETS.replace('unit = "亿元"\n', 'unit = "亿元"\nsection = "产业"\nowner = "发改局"\n')
       + '\n[targets.jobs]\nname = "就业"\nkind = "cumulative"\ntarget = 10\nunit = "万人"\n'
       'section = "民生"\nowner = "人社局"\n')
VARIANTS = [[], ["--section", "产业"], ["--section", "民生"], ["--owner", "发改局"],
            ["--owner", "人社局"], ["--only", "red"], ["--only", "green"],
            ["--as-of", "2025-03"], ["--as-of", "2025-04"]]


def test_every_option_of_a_report_is_part_of_its_key(isolated, monkeypatch):
    """Each variant, asked for in turn and again, is what an uncached run prints."""
    root = write_ws(isolated, TWO, {"2025-03": record("inv", "2025-03", 30)
                                    + record("jobs", "2025-03", 1),
                                    "2025-04": record("inv", "2025-04", 35)})
    expected = {}
    monkeypatch.setenv(cache.ENV_NO_CACHE, "1")
    # Neighbours differ in one option each, so a key missing it serves the wrong one.
    for variant in VARIANTS:
        for lang in ([], ["--lang", "en"]):
            for fmt in ("table", "json", "md"):
                args = (*lang, "-C", str(root), "status", "--format", fmt, *variant)
                expected[args] = run(*args).stdout
    monkeypatch.delenv(cache.ENV_NO_CACHE)
    assert len(set(expected.values())) >= 20  # the variants do differ
    for _ in range(2):
        for args, text in expected.items():
            assert run(*args).stdout == text, args


def test_after_an_edit_only_that_file_is_parsed_again(ws, monkeypatch):
    from kpitrack import store

    # With the date-times `add` writes, which must be cached like everything else.
    for month, value in (("2025-03", 30), ("2025-04", 40)):
        (ws / "actuals" / f"{month}.toml").write_text(
            "schema = 1\n" + record("inv", month, value, recorded=f"{month}-28T09:30:00+08:00"),
            encoding="utf-8")
    assert actual_of(ws) == 40
    parsed = []
    real = store.actuals_from_bytes

    def counted(path, *args):
        parsed.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(store, "actuals_from_bytes", counted)
    month = ws / "actuals" / "2025-04.toml"
    month.write_text(month.read_text(encoding="utf-8").replace("40", "41"), encoding="utf-8")
    assert actual_of(ws) == 41
    assert parsed == ["2025-04.toml"]


def test_a_targets_edit_checks_every_month_again(ws):
    """Unchanged month files are checked against the new targets, not served as they were."""
    assert run("check").exit_code == 0
    (ws / "targets.toml").write_text((ws / "targets.toml").read_text(encoding="utf-8")
                                     .replace("[targets.inv]", "[targets.investment]"),
                                     encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1 and "2025-03.toml:3: 未知指标 'inv'" in result.stdout


def test_records_read_back_from_the_cache_equal_a_fresh_parse(isolated):
    """Every field of every kind of record survives the cache's columns."""
    from kpitrack import store

    targets = TARGETS + ('[targets.lab]\nname = "实验室"\nkind = "milestone"\n'
                         "due = 2025-09-30\n")
    march = (record("inv", "2025-03", 30, recorded="2025-04-02T09:30:00+08:00", by="科技局",
                    note="1—3月累计 [red]|<b>", source="统计月报", example=True)
             + record("inv", "2025-03", 31.5, recorded="2025-04-03T10:00:00Z", correction=True)
             + record("lab", "2025-03", done=True, date="2025-03-20"))
    root = write_ws(isolated, targets, {"2025-03": march, "2025-04": ""})
    fresh = store.load_workspace(root)
    assert len(fresh.actuals) == 3 and not fresh.problems
    first, again = cache.load(root), cache.load(root)  # the second from the cache
    assert cache.cache_path(root).with_name("actuals-2025-03.toml.pickle").exists()
    for ws in (first, again):
        assert list(ws.actuals) == list(fresh.actuals)
        assert [tuple(map(type, r)) for r in ws.actuals] == \
            [tuple(map(type, r)) for r in fresh.actuals]
        assert [r.recorded.utcoffset() for r in ws.actuals if r.recorded] == \
            [r.recorded.utcoffset() for r in fresh.actuals if r.recorded]


def test_an_evaluation_read_back_from_the_cache_equals_a_fresh_one(isolated):
    """Every row, status and month-end of a whole evaluation survives the cache's columns."""
    from kpitrack import store
    from kpitrack.evaluate import evaluate, resolve_as_of

    targets = TARGETS + ('[targets.lab]\nname = "实验室"\nkind = "milestone"\n'
                         "due = 2025-09-30\n")
    months = {"2025-02": record("inv", "2025-02", 12),
              "2025-03": record("inv", "2025-03", 30, example=True)
              + record("lab", "2025-03", done=True, date="2025-03-20"),
              "2025-04": ""}
    root = write_ws(isolated, targets, months)
    ws = store.load_workspace(root)
    fresh = evaluate(ws.plan, ws.targets, ws.actuals, resolve_as_of(ws.plan, ws.actuals))
    assert len(fresh.rows) == 2 and sum(map(len, fresh.history.values())) > 2

    def compute():
        calls.append(1)
        return fresh

    calls: list = []
    first = cache.result(root, (None, None), compute)
    again = cache.result(root, (None, None), compute)  # from the cache
    assert calls == [1]
    assert again is not fresh and again == fresh and first == fresh
    assert list(again.history) == list(fresh.history)
    assert [tuple(map(type, ev)) for ev in again.rows] == \
        [tuple(map(type, ev)) for ev in fresh.rows]
    assert cache._unpacked_result(cache._packed_result(fresh)) == fresh
    empty = type(fresh)(fresh.plan, fresh.as_of, ())
    assert cache._unpacked_result(cache._packed_result(empty)) == empty


def test_file_hashes_are_blake2b_whichever_module_gives_it():
    import hashlib

    from kpitrack import layout

    assert layout.content_digest(b"kpitrack") == \
        hashlib.blake2b(b"kpitrack", digest_size=16).digest()
