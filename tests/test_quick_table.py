"""The quick table drawing gives exactly rich's output, and is really taken."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from conftest import REPO
from kpitrack import store
from kpitrack.evaluate import evaluate, resolve_as_of
from kpitrack.render.console import PIPE_WIDTH
from kpitrack.render.quick_table import QuickTable
from kpitrack.render.table import status_table


class _AsciiFile(io.StringIO):
    encoding = "ascii"


def _console(width: int, colour: str | None, legacy: bool = False, ascii_only: bool = False,
             markup: bool = False) -> Console:
    kwargs: dict = {"force_terminal": True, "color_system": colour} if colour else \
        {"no_color": True}
    return Console(file=_AsciiFile() if ascii_only else io.StringIO(), width=width,
                   legacy_windows=legacy, highlight=False, markup=markup, emoji=False,
                   **kwargs)


def _drawn(console: Console, renderable) -> str:
    console.print(renderable)
    return console.file.getvalue()


# Text as kpitrack's tables hold it, and the kinds rich treats specially.
_PIECES = ["a", "Zone 7", "620亿元", "红色·滞后督办", "↓黄", "▁▃▅█", "-98.8", "+7.3", "2025-06 *",
           " ", "  ", "é", "e\u0301", "📈", "[red]x[/]", ":smile:", "|", "<script>", "=cmd()",
           "\u3000", "\u200b", "\t", "\n", "x\ny", "\x1b[31m"]
_text = st.lists(st.sampled_from(_PIECES), max_size=4).map("".join)
_STYLES = ["", "none", "bold", "red", "bold red", "dim", "on blue", "bold green on black"]
_style = st.sampled_from(_STYLES)
# Every part of this box differs, so a row drawn with the wrong edge shows.
_DISTINCT = box.Box("╔═╦╗\n║A║B\n╠═╬╣\n│C│D\n├─┼┤\n┝━┿┥\nEFGH\n└─┴┘\n")
_BOXES = [box.HEAVY_HEAD, box.ROUNDED, box.ASCII, box.SQUARE, box.MINIMAL, box.SIMPLE,
          _DISTINCT]


@st.composite
def tables(draw, plain_only: bool = False):
    """A (table factory, description) pair: the same table built twice, for two draws."""
    text = st.lists(st.sampled_from(_PIECES[:19]), max_size=3).map("".join) \
        if plain_only else _text
    count = draw(st.integers(1, 6))
    # kpitrack's headers are never empty; an empty column is left to rich.
    header = st.sampled_from(_PIECES[:10]) if plain_only else text
    columns = [(draw(header), draw(st.sampled_from(["left", "right"])), draw(st.booleans()),
                draw(st.one_of(st.none(), _style))) for _ in range(count)]
    # A style of None stands for a plain str cell; True for Text with a styled span.
    kinds = [_style, st.none()] if plain_only else [_style, st.none(), st.just(True)]
    cell = st.tuples(text, st.one_of(*kinds))
    rows = draw(st.lists(st.tuples(st.lists(cell, max_size=count), st.booleans()),
                         max_size=8))
    title = draw(st.one_of(st.none(), text, st.tuples(text, _style)))
    options = {
        "title_justify": draw(st.sampled_from(["left", "center", "right"])),
        "pad_edge": draw(st.booleans()),
        # A box with blank dividers (SIMPLE) is left to rich.
        "box": draw(st.sampled_from(_BOXES[:4] + _BOXES[-1:] if plain_only else _BOXES)),
    }

    def build() -> Table:
        heading = Text(title[0], style=title[1]) if isinstance(title, tuple) else title
        table = Table(title=heading, show_lines=False, **options)
        for header, justify, no_wrap, header_style in columns:
            # A header is a str, or Text with a style of its own.
            table.add_column(header if header_style is None else Text(header, style=header_style),
                             justify=justify, no_wrap=no_wrap, overflow="fold")
        for cells, section in rows:
            table.add_row(*(_cell(value, style) for value, style in cells))
            if section:
                table.add_section()
        return table

    return build


def _cell(value: str, style: str | bool | None):
    if style is None:
        return value
    if style is True:
        cell = Text(value)
        cell.stylize("bold", 0, 1)
        return cell
    return Text(value, style=style)


_colour = st.sampled_from([None, "standard", "256", "truecolor", "windows"])


@settings(max_examples=300, deadline=None)
@given(tables(), st.integers(1, 200), _colour, st.booleans(), st.booleans(), st.booleans())
def test_quick_drawing_is_rich_drawing(build, width, colour, legacy, ascii_only, markup):
    expected = _drawn(_console(width, colour, legacy, ascii_only, markup), build())
    table = QuickTable(build())
    assert _drawn(_console(width, colour, legacy, ascii_only, markup), table) == expected


@settings(max_examples=200, deadline=None)
@given(tables(plain_only=True), _colour, st.booleans(), st.booleans())
def test_a_table_that_fits_is_drawn_quickly(build, colour, legacy, ascii_only):
    """Printable one-line cells in a wide output: the quick way, and still rich's lines."""
    expected = _drawn(_console(250, colour, legacy, ascii_only), build())
    table = QuickTable(build())
    assert _drawn(_console(250, colour, legacy, ascii_only), table) == expected
    assert table.quick is True


def _sample() -> Table:
    table = Table(title="计划  截至2025年6月", title_justify="left", pad_edge=False)
    table.add_column("状态", no_wrap=True, overflow="fold")
    table.add_column("指标", overflow="fold")
    table.add_column("差距", justify="right", overflow="fold")
    table.add_row(Text(""), Text("板块一", style="bold"))
    table.add_row(Text("红色·滞后督办", style="bold red"), Text("[red]高企"),
                  Text("-20.3", style="bold red"))
    table.add_section()
    table.add_row(Text("绿色·推进正常", style="green"), Text("科企 | <script>"),
                  Text("+1.0", style="green"))
    return table


def test_the_quick_way_is_taken_only_where_it_gives_rich_lines():
    wide = QuickTable(_sample())
    assert _drawn(_console(100, "truecolor"), wide) == _drawn(_console(100, "truecolor"),
                                                              _sample())
    assert wide.quick is True
    narrow = QuickTable(_sample())  # the name column must wrap: rich draws it
    assert _drawn(_console(30, None), narrow) == _drawn(_console(30, None), _sample())
    assert narrow.quick is False
    wrapped = _sample()
    wrapped.add_row(Text("x"), Text("two\nlines"))
    drawn = QuickTable(wrapped)
    _drawn(_console(100, None), drawn)
    assert drawn.quick is False


@pytest.mark.parametrize("colour", [None, "truecolor"])
def test_each_edge_of_the_box_and_each_style_is_rich_s(colour):
    """The header, middle, last and section lines of a box whose parts all differ."""
    def build() -> Table:
        table = _sample()
        table.box = _DISTINCT
        table.columns[0].header = Text("状态", style="italic blue")
        table.add_row(Text("蓝色", style="blue"), Text("末行"), Text("+30.0", style="blue"))
        return table

    drawn = QuickTable(build())
    assert _drawn(_console(100, colour), drawn) == _drawn(_console(100, colour), build())
    assert drawn.quick is True
    lines = _drawn(_console(100, None), QuickTable(build())).splitlines()
    # The header's edges, a middle row's and the last row's, as the box names them.
    assert lines[2][0] + lines[2][-1] == "║B"
    assert lines[4][0] + lines[4][-1] == "│D"
    assert lines[-2][0] + lines[-2][-1] == "EH"


def test_a_table_exactly_as_wide_as_the_output_and_one_cell_wider():
    full = len(_drawn(_console(200, None), _sample()).splitlines()[1])
    for width in range(full - 3, full + 3):
        drawn = QuickTable(_sample())
        assert _drawn(_console(width, None), drawn) == _drawn(_console(width, None), _sample())
        assert drawn.quick is (width >= full), width


def test_text_with_styled_spans_is_left_to_rich():
    table = _sample()
    spanned = Text("高企 新增")
    spanned.stylize("bold", 0, 2)
    table.add_row(Text("x"), spanned)
    drawn = QuickTable(table)
    copy = _sample()
    copy.add_row(Text("x"), spanned)
    assert _drawn(_console(100, "truecolor"), drawn) == _drawn(_console(100, "truecolor"), copy)
    assert drawn.quick is False


def test_user_text_stays_literal_in_the_quick_drawing():
    text = _drawn(_console(100, None), QuickTable(_sample()))
    assert "[red]高企" in text and "科企 | <script>" in text
    assert isinstance(QuickTable(_sample()), QuickTable)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("colour", [None, "truecolor"])
def test_the_repository_status_table_is_drawn_quickly_and_as_rich_draws_it(lang, colour):
    ws = store.load_workspace(REPO)
    result = evaluate(ws.plan, ws.targets, ws.actuals, resolve_as_of(ws.plan, ws.actuals))
    group = status_table(result, lang)
    drawn = group.renderables[0]
    assert isinstance(drawn, QuickTable)
    assert _drawn(_console(PIPE_WIDTH, colour), group) == \
        _drawn(_console(PIPE_WIDTH, colour), Group(drawn.table, *group.renderables[1:]))
    assert drawn.quick is True
