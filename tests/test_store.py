"""Reading and writing files: byte-exact appends, atomic writes, problems with lines."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, record, run, write_ws
from kpitrack.core.errors import KpiError
from kpitrack.core.model import Actual
from kpitrack.core.period import Period
from kpitrack.workspace.append import append_actual
from kpitrack.workspace.find import find_workspace
from kpitrack.workspace.load import load_workspace
from kpitrack.workspace.positions import Lines

TZ = dt.timezone(dt.timedelta(hours=8))
TARGETS = """
[targets.inv]
name = "年度投资"
kind = "cumulative"
target = 620
unit = "亿元"

[targets.jobs]
name = "新增就业"
kind = "cumulative"
target = 2.5
unit = "万人"
report = "increment"
"""


def actual(target="inv", month=3, value=1.5, **kw) -> Actual:
    return Actual(target=target, period=Period(2025, month), value=value,
                  recorded=dt.datetime(2025, 4, 1, 9, 0, tzinfo=TZ), **kw)


@pytest.mark.parametrize("old", [
    b"schema = 1\n# a comment the office wrote\n\n[[actual]]\ntarget = \"inv\"\n"
    b"period = \"2025-03\"\nvalue = 1  # trailing comment\n",
    b"schema = 1\r\n\r\n[[actual]]\r\ntarget = \"jobs\"\r\nperiod = \"2025-03\"\r\nvalue = 1\r\n",
    b"schema = 1",  # no final newline
    b"\xef\xbb\xbfschema = 1\n",  # a BOM from Notepad
])
def test_append_is_old_bytes_plus_the_new_record(isolated, old):
    ws_root = write_ws(isolated, TARGETS)
    path = ws_root / "actuals" / "2025-03.toml"
    path.write_bytes(old)
    ws = load_workspace(ws_root)
    append_actual(ws, actual("jobs", value=0.2), correct=False)
    new = path.read_bytes()
    assert new.startswith(old)
    added = new[len(old):].decode()
    newline = "\r\n" if b"\r\n" in old else "\n"
    assert added.startswith(newline)
    assert added.count("[[actual]]") == 1 and 'target = "jobs"' in added
    if newline == "\r\n":
        assert "\n" not in added.replace("\r\n", "")
    records = tomllib.loads(new.decode("utf-8-sig"))["actual"]
    assert records[-1]["value"] == 0.2


def test_new_month_file_has_schema_and_record(isolated):
    ws = load_workspace(write_ws(isolated, TARGETS))
    path = append_actual(ws, actual(note='含"引号"与\\反斜杠', by="[red]局"))
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == 1
    assert data["actual"][0]["note"] == '含"引号"与\\反斜杠'
    assert data["actual"][0]["by"] == "[red]局"
    again = load_workspace(isolated)
    assert again.problems == [] and again.actuals[0].note == '含"引号"与\\反斜杠'


def test_refuses_to_append_to_a_broken_file(isolated):
    ws_root = write_ws(isolated, TARGETS)
    path = ws_root / "actuals" / "2025-03.toml"
    path.write_bytes(b"schema = 1\n[[actual]]\nvalue = = 3\n")
    ws = load_workspace(ws_root)
    with pytest.raises(KpiError) as info:
        append_actual(ws, actual())
    assert "2025-03.toml:3" in str(info.value) and "fix this file" in str(info.value)
    assert path.read_bytes() == b"schema = 1\n[[actual]]\nvalue = = 3\n"


def test_increment_targets_accept_several_figures_a_month(isolated):
    ws = load_workspace(write_ws(isolated, TARGETS))
    append_actual(ws, actual("jobs", value=0.1))
    append_actual(load_workspace(isolated), actual("jobs", value=0.2))
    assert [a.value for a in load_workspace(isolated).actuals] == [0.1, 0.2]


def test_a_failed_write_leaves_the_old_file(isolated, monkeypatch):
    ws_root = write_ws(isolated, TARGETS, {"2025-03": record("inv", "2025-03", 1)})
    path = ws_root / "actuals" / "2025-03.toml"
    before = path.read_bytes()

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)  # fail between fsync and rename
    with pytest.raises(OSError):
        append_actual(load_workspace(ws_root), actual("jobs"))
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["2025-03.toml"]  # no temp file left


def test_a_failed_fsync_leaves_the_old_file(isolated, monkeypatch):
    ws_root = write_ws(isolated, TARGETS, {"2025-03": record("inv", "2025-03", 1)})
    path = ws_root / "actuals" / "2025-03.toml"
    before = path.read_bytes()
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    result = run("add", "jobs", "0.1", "--period", "2025-03")
    assert result.exit_code == 1 and "I/O error" in result.stderr
    assert path.read_bytes() == before

@pytest.mark.slow  # twenty processes

def test_twenty_concurrent_adds_all_land(isolated):
    ws_root = write_ws(isolated, TARGETS)
    env = {**os.environ, "KPITRACK_WORKSPACE": str(ws_root), "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-m", "kpitrack", "add", "jobs", f"0.0{i % 10}1",
                               "--period", "2025-03", "--note", f"n{i}"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for i in range(20)]
    codes = [p.wait(timeout=120) for p in procs]
    assert codes == [0] * 20, [p.stderr.read() for p in procs]
    ws = load_workspace(ws_root)
    assert ws.problems == []
    assert sorted(a.note for a in ws.actuals) == sorted(f"n{i}" for i in range(20))
    assert run("check").exit_code == 0


def test_lines_finds_keys_and_array_tables():
    lines = Lines('schema = 1\n\n[[actual]]\ntarget = "a"\n\n[[actual]]\n'
                        'target = "b"\nvalue = 3\n[targets.x]\n"name" = 1\n')
    assert lines.of("actual", 0, "target") == 4
    assert lines.of("actual", 1, "value") == 8
    assert lines.of("actual", 1, "missing") == 6
    assert lines.of("targets", "x", "name") == 10


@pytest.mark.parametrize("text", [
    (REPO / "targets.toml").read_text(encoding="utf-8"),
    '[plan]\nyear = 2025\n\n  [ targets.a ]  # 注释\nname = "x"\n[targets."b-2"]\r\nname = 1\r\n'
    '[targets.c.bands]\ngreen = 1\n[targets]\nd = { name = "inline" }\n'
    'e.name = "dotted"\n[[targets.f]]\n',
])
def test_the_quick_table_scan_finds_the_lines_the_full_index_does(text):
    quick, full = Lines(text), Lines(text)
    full.of("never", "there")  # builds the full index
    paths = [p for p in full.tables if p and not isinstance(p[-1], int)]
    paths += [("targets", "d"), ("targets", "e"), ("targets", "nowhere")]
    assert len(paths) > 5
    for path in paths:
        assert quick.table_line(*path) == full.of(*path), path


def test_find_workspace_order(isolated, monkeypatch):
    (isolated / "a").mkdir()
    a = write_ws(isolated / "a", TARGETS)
    monkeypatch.setenv("KPITRACK_WORKSPACE", str(a))
    assert find_workspace(None) == a
    assert find_workspace(str(REPO)) == REPO
    monkeypatch.delenv("KPITRACK_WORKSPACE")
    monkeypatch.chdir(a / "actuals")
    assert find_workspace(None) == a.resolve()


def test_shipped_quotes_are_the_sources_own_words():
    source = (REPO / "docs" / "sources" / "gxq-2024-review-2025-plan.txt").read_text("utf-8")
    plan_part = source[source.index("二、2025年重点工作"):]
    targets = tomllib.loads((REPO / "targets.toml").read_text("utf-8"))["targets"]
    assert len(targets) >= 50
    for tid, t in targets.items():
        assert t["quote"] and t["quote"] in plan_part, tid
    sections = {t["section"] for t in targets.values()}
    assert sections == {"加快提升科技创新能级", "培育壮大现代产业集群", "提档升级城市功能品质",
                        "持续激发改革动力活力", "千方百计扩大有效需求", "扎实推动惠民富民安民"}


def test_shipped_figures_are_labelled_illustrative():
    for path in sorted((REPO / "actuals").glob("*.toml")):
        text = path.read_text("utf-8")
        assert text.startswith("# 示例数据（非官方统计）"), path.name
        for rec in tomllib.loads(text)["actual"]:
            assert "示例" in rec["source"], path.name


def _check_messages(root) -> list[tuple[str, int | None, str]]:
    ws = load_workspace(root)
    return [(p.severity, p.line, p.message) for p in ws.problems]


def _month(*records: str) -> dict[str, str]:
    return {"2025-03": "".join(records)}


def test_two_different_figures_without_a_correction_are_an_error(isolated):
    write_ws(isolated, TARGETS, _month(
        record("inv", "2025-03", 30, recorded="2025-04-01T09:00:00+08:00", by="甲"),
        record("inv", "2025-03", 31, recorded="2025-04-02T09:00:00+08:00", by="乙")))
    [(severity, line, message)] = _check_messages(isolated)
    assert severity == "error" and line == 9
    assert message.startswith("second figure for inv 2025-03 without correction = true "
                              "(the first is at line 2)")


def test_a_newer_correction_settles_two_different_figures(isolated):
    write_ws(isolated, TARGETS, _month(
        record("inv", "2025-03", 30, recorded="2025-04-01T09:00:00+08:00"),
        record("inv", "2025-03", 31, recorded="2025-04-02T09:00:00+08:00"),
        record("inv", "2025-03", 32, recorded="2025-04-03T09:00:00+08:00", correction=True)))
    assert _check_messages(isolated) == []


def test_a_correction_older_than_a_differing_figure_settles_nothing(isolated):
    write_ws(isolated, TARGETS, _month(
        record("inv", "2025-03", 30, recorded="2025-04-01T09:00:00+08:00"),
        record("inv", "2025-03", 32, recorded="2025-04-02T09:00:00+08:00", correction=True),
        record("inv", "2025-03", 31, recorded="2025-04-03T09:00:00+08:00")))
    assert [s for s, _, _ in _check_messages(isolated)] == ["error"]


def test_the_same_figure_twice_is_a_warning(isolated):
    write_ws(isolated, TARGETS, _month(
        record("inv", "2025-03", 30, recorded="2025-04-01T09:00:00+08:00", by="甲"),
        record("inv", "2025-03", 30, recorded="2025-04-02T09:00:00+08:00", by="乙")))
    [(severity, line, message)] = _check_messages(isolated)
    assert (severity, line) == ("warning", 9)
    assert "recorded twice with the same figure (lines 2 and 9)" in message


def test_two_corrections_at_the_same_moment_are_a_warning(isolated):
    write_ws(isolated, TARGETS, _month(
        record("inv", "2025-03", 30, recorded="2025-04-01T09:00:00+08:00"),
        record("inv", "2025-03", 31, recorded="2025-04-02T09:00:00+08:00", correction=True,
               by="乙"),
        record("inv", "2025-03", 32, recorded="2025-04-02T09:00:00+08:00", correction=True,
               by="甲")))
    [(severity, line, message)] = _check_messages(isolated)
    assert severity == "warning"
    # The one written later in the file counts.
    assert line == 16
    assert message.endswith("(lines 8 and 16); the one at line 16 counts")


def test_written_files_keep_the_mode_a_colleague_needs(isolated):
    """A shared folder: what kpitrack writes is as readable as any file the user makes."""
    ws_root = write_ws(isolated, TARGETS)
    umask = os.umask(0o022)
    try:
        append_actual(load_workspace(ws_root), actual("inv", month=4))
        month = ws_root / "actuals" / "2025-04.toml"
        assert month.stat().st_mode & 0o777 == 0o644
        month.chmod(0o664)
        append_actual(load_workspace(ws_root), actual("inv", month=4, value=2,
                                                                  correction=True))
        assert month.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(umask)


def test_a_figure_another_writer_added_after_the_load_is_seen_by_the_next_add(isolated):
    """The append reads the month file again under the lock: a first figure for a target
    and month that another writer added after this process read the workspace counts."""
    ws_root = write_ws(isolated, TARGETS, {"2025-03": record("jobs", "2025-03", 0.1)})
    stale = load_workspace(ws_root)
    # Another department adds the first figure for inv 2025-03 in the meantime.
    append_actual(load_workspace(ws_root), actual("inv", value=1.5))
    with pytest.raises(KpiError, match="inv already has a figure for 2025-03"):
        append_actual(stale, actual("inv", value=2.0))
    ws = load_workspace(ws_root)
    assert [(a.target, a.value) for a in ws.actuals] == [("jobs", 0.1), ("inv", 1.5)]
    assert ws.problems == []


MULTILINE_NOTE = '''schema = 1

[[actual]]
target = "inv"
period = "2025-03"
value = 1
note = """copied from the sheet:
[[actual]]
valeu = 3
"""

[[actual]]
target = "inv"
period = "2025-03"
value = 2
valeu = 4
'''


def test_lines_are_right_when_a_note_holds_a_record_header_in_a_multiline_string(isolated):
    write_ws(isolated, TARGETS)
    (isolated / "actuals" / "2025-03.toml").write_text(MULTILINE_NOTE, encoding="utf-8")
    ws = load_workspace(isolated)
    assert [a.line for a in ws.actuals] == [3, 12]
    found = {(p.line, p.msg.id.name) for p in ws.problems}
    # The unknown field is the one on line 16, not the text on line 9 inside the note;
    # the second figure is the record at line 12, not the header inside the note.
    assert found == {(16, "UNKNOWN_RECORD_FIELD"), (12, "SECOND_FIGURE")}
    lines = Lines(MULTILINE_NOTE)
    assert lines.record_lines() == [3, 12]
    assert lines.of("actual", 1, "valeu") == 16
    assert lines.of("actual", 0, "note") == 7


def test_an_append_is_checked_as_the_whole_file_it_makes(isolated):
    """A month file of inline records passes check, but a block cannot follow it: the
    append refuses, naming the file, and writes nothing."""
    ws_root = write_ws(isolated, TARGETS)
    path = ws_root / "actuals" / "2025-03.toml"
    path.write_text('schema = 1\nactual = [{ target = "inv", period = "2025-03", value = 1 }]\n',
                    encoding="utf-8")
    assert run("check").exit_code == 0
    before = path.read_bytes()
    result = run("--lang", "en", "add", "inv", "2", "--period", "2025-03", "--correct")
    assert result.exit_code == 1
    assert "2025-03.toml: this file writes its records as `actual = [ … ]`" in result.stderr
    assert path.read_bytes() == before
    assert run("check").exit_code == 0 and run("status").exit_code == 0


def test_an_append_that_would_not_parse_is_refused(isolated, monkeypatch):
    """Whatever the cause, the new file must read back whole before it replaces the old."""
    ws_root = write_ws(isolated, TARGETS, {"2025-03": record("inv", "2025-03", 1)})
    path = ws_root / "actuals" / "2025-03.toml"
    before = path.read_bytes()
    from kpitrack.workspace import append

    monkeypatch.setattr(append, "render_record", lambda actual, newline="\n": "[[actual]\n")
    result = run("add", "inv", "2", "--period", "2025-03", "--correct")
    assert result.exit_code == 1 and "内部校验失败" in result.stderr
    assert path.read_bytes() == before


def _tomlkit_block(name: str, fields: list[tuple[str, object]], newline: str) -> str:
    """A block as tomlkit lays out a document of one array of tables: the reference."""
    import tomlkit

    table = tomlkit.table()
    for key, value in fields:
        if value is not None and value != "" and value is not False:
            table.add(key, value)
    doc = tomlkit.document()
    aot = tomlkit.aot()
    aot.append(table)
    doc.append(name, aot)
    return tomlkit.dumps(doc).replace("\n", newline)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_FIELD_VALUES = st.one_of(
    _TEXT, st.sampled_from(["", "2025-03", "统计局", 'a"b', "a'b", "c\\d", "e\nf", "\x1b[31m"]),
    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from([0.0, -0.0, 1.0, 1e16]),
    st.integers(-10**16, 10**16), st.booleans(), st.none(), st.dates(),
    st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=8)),
                                            dt.timezone(dt.timedelta(hours=-5))])))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["target", "period", "value", "note", "recorded",
                                           "date", "correction", "id"]), _FIELD_VALUES),
                max_size=8, unique_by=lambda f: f[0]),
       st.sampled_from(["\n", "\r\n"]))
def test_a_block_is_what_tomlkit_writes(fields, newline):
    """Each value is written by tomlkit (and kept for the next record that repeats it): the
    block is what tomlkit's own document gives, and reads back as the values."""
    from kpitrack.workspace.append import _block

    for _ in range(2):  # the second time from the kept texts
        assert _block("actual", fields, newline) == _tomlkit_block("actual", fields, newline)


def test_one_moment_at_two_offsets_is_written_as_each():
    from kpitrack.workspace.append import _block

    here = dt.datetime(2025, 4, 2, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    there = here.astimezone(dt.UTC)
    assert here == there
    assert "recorded = 2025-04-02T09:00:00+08:00" in _block("actual", [("recorded", here)], "\n")
    assert "recorded = 2025-04-02T01:00:00Z" in _block("actual", [("recorded", there)],
                                                    "\n")
    # 0.0 and -0.0 compare equal too
    assert _block("actual", [("value", -0.0)], "\n") == "[[actual]]\nvalue = -0.0\n"
    assert _block("actual", [("value", 0.0)], "\n") == "[[actual]]\nvalue = 0.0\n"
