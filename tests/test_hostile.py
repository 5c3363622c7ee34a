"""User text is data: hostile names stay literal; random files never cause a traceback."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
import tomlkit
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import md_tables, run, write_ws

HOSTILE = [
    "[bold red]假名[/]",
    "[/]",
    "\x1b[31m红\x1b[0m",
    "a | b || c",
    "<script>alert(1)</script>",
    "=cmd()",
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "**粗** _斜_ `code` [链接](http://x)",
    ":smile: :red_circle:",
    "line\nbreak",
]


def hostile_ws(root: Path, text: str) -> None:
    write_ws(root, f"""
[targets.x]
name = {json.dumps(text)}
section = {json.dumps(text)}
owner = {json.dumps(text)}
kind = "cumulative"
target = 10
""", {"2025-02": f'[[actual]]\ntarget = "x"\nperiod = "2025-02"\nvalue = 1\n'
      f"note = {json.dumps(text)}\n"})


@pytest.mark.parametrize("text", HOSTILE)
def test_table_shows_markup_literally_and_strips_escapes(isolated, text):
    hostile_ws(isolated, text)
    plain = run("--no-color", "status").stdout
    assert "\x1b" not in plain
    if "\x1b" in text:
        assert "红" in plain and "[31m" not in plain
    else:
        assert text.replace("\n", " ") in plain
    coloured = run("--color", "status").stdout
    assert "\x1b[31m红" not in coloured and "\x1b[0m红" not in coloured


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_cells_stay_cells(isolated, text):
    from markdown_it import MarkdownIt

    hostile_ws(isolated, text)
    md = run("status", "--format", "md").stdout
    tokens = MarkdownIt().enable("table").parse(md)
    header_cells = sum(1 for t in tokens if t.type == "th_open")
    rows = [t for t in tokens if t.type == "tr_open"]
    cells = sum(1 for t in tokens if t.type == "td_open")
    assert cells == header_cells * (len(rows) - 1)
    assert "<script>" not in md and "\x1b" not in md
    html = MarkdownIt().enable("table").render(md)
    assert "<script>" not in html and "<strong>" not in html and "<a href" not in html


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_neutralises_formulas(isolated, text):
    hostile_ws(isolated, text)
    rows = list(csv.reader(io.StringIO(run("status", "--format", "csv").stdout)))
    name = rows[1][3]
    assert not name.startswith(("=", "+", "-", "@"))
    assert name.lstrip("'") == text.replace("\n", " ").replace("\x1b[31m", "").replace(
        "\x1b[0m", "")


@pytest.mark.parametrize("text", HOSTILE)
def test_json_is_exact(isolated, text):
    hostile_ws(isolated, text)
    row = json.loads(run("status", "--format", "json").stdout)["targets"][0]
    assert row["name"] == text and row["owner"] == text and row["section"] == text


@pytest.mark.parametrize("text", HOSTILE)
def test_show_keeps_user_text_literal(isolated, text):
    hostile_ws(isolated, text)
    shown = text.replace("\x1b[31m", "").replace("\x1b[0m", "").replace("\n", " ")
    plain = run("--no-color", "show", "x").stdout
    assert "\x1b" not in plain and shown in plain
    coloured = run("--color", "show", "x").stdout
    assert "\x1b[31m红" not in coloured
    data = json.loads(run("show", "x", "--format", "json").stdout)
    assert data["target"]["name"] == text and data["figures"][0]["note"] == text


@pytest.mark.parametrize("text", HOSTILE)
def test_a_withdrawal_note_and_a_warning_keep_user_text_literal(isolated, text):
    hostile_ws(isolated, text)
    withdrawn = run("--no-color", "withdraw", "x", "--period", "2025-02", "--note", text,
                    "--by", text)
    assert withdrawn.exit_code == 0, withdrawn.stderr
    assert "\x1b" not in withdrawn.stdout
    shown = text.replace("\x1b[31m", "").replace("\x1b[0m", "").replace("\n", " ")
    assert shown in run("--no-color", "show", "x", "--wide").stdout
    data = json.loads(run("show", "x", "--format", "json").stdout)
    assert data["figures"][-1]["note"] == text and data["figures"][-1]["withdrawn"]
    added = run("--no-color", "add", "x", "90", "--period", "2025-03", "--note", text)
    assert added.exit_code == 0 and "\x1b" not in added.stdout + added.stderr


@pytest.mark.parametrize("text", HOSTILE)
def test_export_report_keeps_cells_and_neutralises_formulas(isolated, text):
    from markdown_it import MarkdownIt

    hostile_ws(isolated, text)
    md = run("export").stdout
    tables = md_tables(md)
    # the changes table (x went from none to a colour), the league table (the owner is
    # hostile too) and its section
    assert len(tables) == 3
    assert all(rows and all(c == header for c in rows) for header, rows in tables)
    html = MarkdownIt().enable("table").render(md)
    assert "<script>" not in html and "<a href" not in html and "\x1b" not in md
    # Our own headline is bold; nothing the user wrote may be.
    assert html.count("<strong>") == 1 and "<strong>共1项指标" in html
    rows = list(csv.reader(io.StringIO(run("export", "--format", "csv").stdout.lstrip("\ufeff"))))
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "@")) or cell.startswith("'")


@pytest.mark.parametrize("text", HOSTILE)
def test_export_xlsx_keeps_user_text_as_text(isolated, text):
    import zipfile

    from openpyxl import load_workbook

    hostile_ws(isolated, text)
    data = run("export", "--format", "xlsx").stdout_bytes
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet  # no formula, whatever the name says
    book = load_workbook(io.BytesIO(data))
    values = [c.value for row in book.active.iter_rows() for c in row if c.value is not None]
    expected = text.replace("\n", " ") if "\x1b" not in text else "红"
    assert values.count(expected) >= 3  # name, section and owner, exactly as written


# ------------------------------------------------------------------ fuzzing

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
BASE = """
[targets.inv]
name = "投资"
kind = "cumulative"
target = 620

[targets.ms]
name = "节点"
kind = "milestone"
"""


@pytest.mark.slow  # hundreds of generated files
@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_as_a_month_file_never_traceback(data):
    with tempfile.TemporaryDirectory() as tmp:
        root = write_ws(Path(tmp), BASE)
        (root / "actuals" / "2025-03.toml").write_bytes(b"schema = 1\n" + data)
        for args in (["status"], ["check", "--format", "json"]):
            result = run("-C", str(root), *args)
            assert result.exit_code in (0, 1)
            if result.exit_code == 1 and args[0] == "status":
                assert len(result.stderr.strip().splitlines()) == 1


toml_scalars = st.one_of(st.integers(-10**6, 10**6), st.floats(), st.booleans(),
                         st.text(max_size=10), st.dates())
record_values = st.dictionaries(
    st.sampled_from(["target", "period", "value", "done", "date", "recorded", "by", "note",
                     "correction", "junk"]),
    st.one_of(toml_scalars, st.sampled_from(["inv", "ms", "2025-03", "2025-04"])), max_size=8)


@SETTINGS
@given(st.lists(record_values, max_size=5), st.sampled_from([1, 2, 0, "1"]))
def test_arbitrary_toml_as_a_month_file_never_traceback(records, schema):
    doc = tomlkit.document()
    doc.add("schema", schema)
    aot = tomlkit.aot()
    for rec in records:
        aot.append(tomlkit.item(rec))
    if records:
        doc.add("actual", aot)
    with tempfile.TemporaryDirectory() as tmp:
        root = write_ws(Path(tmp), BASE)
        (root / "actuals" / "2025-03.toml").write_text(tomlkit.dumps(doc), encoding="utf-8")
        result = run("-C", str(root), "status", "--format", "json")
        assert result.exit_code in (0, 1)
        check = run("-C", str(root), "check")
        assert (check.exit_code == 0) == (result.exit_code == 0)


kinds = st.sampled_from(["cumulative", "level", "growth", "threshold", "milestone"])
target_spec = st.fixed_dictionaries({
    "kind": kinds,
    "target": st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    "baseline": st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)),
    "direction": st.sampled_from(["up", "down"]),
    "report": st.sampled_from(["ytd", "increment"]),
    "frequency": st.sampled_from(["monthly", "quarterly", "yearly"]),
    "figures": st.lists(st.tuples(st.integers(1, 12), st.floats(0, 1e6, allow_nan=False),
                                  st.booleans()), max_size=6),
})


@pytest.mark.slow  # hundreds of generated workspaces
@SETTINGS
@given(st.lists(target_spec, min_size=1, max_size=4), st.integers(1, 12))
def test_any_workspace_check_accepts_can_be_reported(specs, as_of):
    lines, months = [], {}
    for i, spec in enumerate(specs):
        kind = spec["kind"]
        lines += [f"[targets.t{i}]", f'name = "T{i}"', f'kind = "{kind}"',
                  f'direction = "{spec["direction"]}"', f'frequency = "{spec["frequency"]}"']
        if kind != "milestone":
            lines.append(f"target = {spec['target']!r}")
        if kind == "cumulative":
            lines.append(f'report = "{spec["report"]}"')
        if kind == "level" and spec["baseline"] is not None:
            lines.append(f"baseline = {spec['baseline']!r}")
        for n, (month, value, flag) in enumerate(spec["figures"]):
            body = f'[[actual]]\ntarget = "t{i}"\nperiod = "2025-{month:02d}"\n'
            body += f"done = {str(flag).lower()}\n" if kind == "milestone" else \
                f"value = {value!r}\n"
            body += f"recorded = 2025-12-01T00:00:{n:02d}Z\ncorrection = true\n"
            months.setdefault(f"2025-{month:02d}", []).append(body)
    with tempfile.TemporaryDirectory() as tmp:
        root = write_ws(Path(tmp), "\n".join(lines) + "\n",
                        {m: "\n".join(b) for m, b in months.items()})
        assume(run("-C", str(root), "check").exit_code == 0)
        for fmt in ("table", "json", "csv", "md"):
            result = run("-C", str(root), "status", "--as-of", f"2025-{as_of:02d}",
                         "--format", fmt)
            assert result.exit_code == 0, result.stderr
        data = json.loads(run("-C", str(root), "status", "--format", "json").stdout)
        assert sum(data["summary"].values()) == len(specs)
        for args in (["export"], ["export", "--format", "csv"], ["--lang", "en", "export"],
                     ["export", "--format", "xlsx"],
                     ["show", "t0"], ["show", "t0", "--format", "json"]):
            result = run("-C", str(root), "--no-color", *args)
            assert result.exit_code == 0, (args, result.stderr)
