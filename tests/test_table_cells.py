"""A fitted table's cells are cut once (`render/terminal/cell.py`), not by rich on every
draw: the table must come out exactly as rich's own Table of Text cells draws it."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kpitrack.render.terminal.cell import cut
from kpitrack.render.terminal.layout import Column, fit
from kpitrack.render.terminal.table import fitted_table, table_width_of

NAMES = ["规模以上工业增加值增速", "固定资产投资", "A very long English target name indeed",
         "高新技术企业数量（家）含新认定与复审通过的企业", "x", "", "  leading and trailing  ",
         "全角　空格", "emoji 🚀 rocket", "混合 mixed 名称 that goes on", "窄"]
STYLES = ["", "bold red", "green", "dim strike", "bold blue", "yellow", "bright_black"]


def _columns(rows: int) -> tuple[list[Column], list[dict[str, str]], list[int]]:
    names = [NAMES[i % len(NAMES)] + ("" if i % 3 else f" {i}") for i in range(rows)]
    values = [f"{(i * 37.3) % 1000:.1f}亿元" if i % 4 else "" for i in range(rows)]
    gaps = [f"{(i * 7.1) % 30 - 15:+.1f}" + ("  " if i % 5 == 0 else "") for i in range(rows)]
    status = ["红色·滞后督办" if i % 2 else "绿色·推进正常 ✓" for i in range(rows)]
    columns = [Column("status", "状态", {"full": status, "short": [s[0] for s in status]}),
               Column("name", "指标", {"full": names}, flex=True),
               Column("value", "Value", {"full": values}, "right"),
               Column("gap", "差距", {"full": gaps}, "right"),
               Column("period", "截至", {"full": ["2025-12"] * rows})]
    styles = [{"status": STYLES[i % len(STYLES)], "gap": STYLES[(i + 2) % len(STYLES)],
               "name": "bold" if i % 6 == 0 else ""} for i in range(rows)]
    return columns, styles, [4, 9, 10, 17]


def _rich_table(title: str, columns, styles, layout, sections) -> Table:
    """The table as rich draws Text cells: kpitrack's fitted table before `FixedCell`."""
    table = Table(title=Text(title, style="table.title"), title_justify="left", pad_edge=False)
    for column in layout.columns:
        table.add_column(column.header, justify=column.justify, width=layout.widths[column.key],
                         no_wrap=True, overflow="ellipsis" if column.flex else "crop")
    for index in range(len(styles)):
        table.add_row(*[Text(c.cells[c.form][index], style=styles[index].get(c.key, ""))
                        for c in layout.columns], end_section=index + 1 in sections)
    return table


class _Ascii(io.StringIO):
    encoding = "ascii"


def _draw(table: Table, width: int, colour: str | None, ascii_only: bool = False) -> str:
    file = _Ascii() if ascii_only else io.StringIO()
    console = Console(file=file, width=width, color_system=colour,  # type: ignore[arg-type]
                      force_terminal=colour is not None, highlight=False, markup=False,
                      emoji=False, legacy_windows=False)
    console.print(table)
    return file.getvalue()


@pytest.mark.parametrize("available", [None, 24, 40, 47, 61, 80, 100, 160])
@pytest.mark.parametrize("colour", [None, "standard", "truecolor"])
def test_a_fitted_table_is_drawn_as_richs_own_table(available, colour):
    columns, styles, sections = _columns(23)
    steps = (("drop", "period"), ("short", "status"), ("drop", "value"))
    layout = fit(columns, steps, available, flex_min=8)
    ours = fitted_table("标题 Title", columns, styles, layout, sections)
    theirs = _rich_table("标题 Title", columns, styles, layout, sections)
    # As wide as the layout needs, and narrower: there rich shrinks every column itself.
    for width in {table_width_of(ours), available or 250, 30, 21}:
        assert _draw(ours, width, colour) == _draw(theirs, width, colour)
    assert _draw(ours, 120, colour, ascii_only=True) == _draw(theirs, 120, colour,
                                                              ascii_only=True)
    if available in (40, 47, 61):  # long names cut with …, a CJK name at an odd width
        assert "…" in _draw(ours, 200, None)


@pytest.mark.parametrize("rows, sections", [(0, []), (1, []), (5, [0, 5, 2, 2]), (8, [7])])
def test_empty_tables_and_odd_sections_are_drawn_as_rich_draws_them(rows, sections):
    columns, styles, _ = _columns(rows)
    layout = fit(columns, (), None)
    ours = fitted_table("t", columns, styles, layout, sections)
    theirs = _rich_table("t", columns, styles, layout, sections)
    assert _draw(ours, 120, "standard") == _draw(theirs, 120, "standard")


def test_a_cell_of_several_lines_is_left_to_rich():
    columns, styles, sections = _columns(6)
    columns[1].cells["full"][2] = "第一行\n第二行 second line"
    columns[3].cells["full"][4] = "tab\there"
    layout = fit(columns, (), 60)
    ours = fitted_table("t", columns, styles, layout, sections)
    theirs = _rich_table("t", columns, styles, layout, sections)
    for width in (60, 30):
        assert _draw(ours, width, "standard") == _draw(theirs, width, "standard")


@pytest.mark.parametrize("justify", ["left", "right"])
@pytest.mark.parametrize("overflow", ["ellipsis", "crop"])
def test_a_cell_is_cut_as_richs_text_wraps_it_without_wrapping(justify, overflow):
    console = Console(file=io.StringIO(), width=80)
    texts = [*NAMES, "ab\x07c\x08", "  ", "数字 12.5  ", "\u3000全角\u3000", "é́ combining",
             "👨‍👩‍👧 family", "ｆｕｌｌ ｗｉｄｔｈ", "…already…"]
    for text in texts:
        for width in range(1, 30):
            lines = Text(text).wrap(console, width, justify=justify, overflow=overflow,
                                    no_wrap=True)
            assert cut(text, width, justify, overflow) == lines[0].plain, (text, width)
