"""What `import` would record (or recorded), row by row, and its one-line summary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from rich.console import Console, Group
from rich.text import Text

from ...core.model import Evaluation
from ...core.recording import (
    ADDS_UP,
    BLANK_ROW,
    CORRECTION,
    NEW,
    SAME,
    TOTAL_ROW,
    UNFILLED_ROW,
    ImportRow,
)
from ...i18n.base import Message, MessageId
from ...i18n.messages import Msg
from ...i18n.reports import Say
from ...i18n.words import Word, joined, status_cell, status_label, word
from .. import safe
from ..cells import record_text
from .console import STATUS_STYLE
from .layout import Column, available_width, fit
from .table import fitted_table, print_table

# What each action is called in the table, and how a count of its rows reads.
ACTIONS = {NEW: Word.ACTION_NEW, CORRECTION: Word.ACTION_CORRECTION, SAME: Word.ACTION_SAME,
           ADDS_UP: Word.ACTION_ADDS_UP, TOTAL_ROW: Word.ACTION_TOTAL,
           BLANK_ROW: Word.ACTION_BLANK, UNFILLED_ROW: Word.ACTION_UNFILLED}
# In the order the counts are said.
_COUNTED = {NEW: Say.COUNTED_NEW, CORRECTION: Say.COUNTED_CORRECTION,
            ADDS_UP: Say.COUNTED_ADDS_UP, SAME: Say.COUNTED_SAME, TOTAL_ROW: Say.COUNTED_TOTAL,
            BLANK_ROW: Say.COUNTED_BLANK, UNFILLED_ROW: Say.COUNTED_UNFILLED}
_ACTION_STYLE = {NEW: "", CORRECTION: "yellow", SAME: "dim", ADDS_UP: "", TOTAL_ROW: "dim",
                 BLANK_ROW: "dim", UNFILLED_ROW: "dim"}


def action_label(action: str, lang: str) -> str:
    return ACTIONS[action].text(lang)


def row_value(row: ImportRow, lang: str) -> str:
    """The figure as it will be recorded, in the target's unit."""
    if row.record is None or row.target is None:
        return row.cells.get("value", "")
    return record_text(row.record, row.target, lang)


IMPORT_COLUMNS = ("row", "name", "month", "value", "action", "status", "note")
IMPORT_STEPS = (("drop", "note"), ("short", "status"), ("drop", "month"))


def import_table(title: str, rows: Sequence[ImportRow], after: Mapping[int, Evaluation],
                 lang: str, width: int | None = None,
                 warnings: Mapping[int, Sequence[Message]] | None = None) -> Group:
    """One line per row: the sheet's row number, what it records, and what follows; each
    bad row's problem, and each warning, in full under the table."""
    cells: dict[str, list[str]] = {key: [] for key in IMPORT_COLUMNS}
    short: list[str] = []
    styles: list[dict[str, str]] = []
    problems = []
    for row in rows:
        ev = after.get(row.number)
        name = row.target.name if row.target else row.cells.get("target",
                                                                row.cells.get("name", ""))
        if row.error:
            action, style = "✗ " + word("problem", lang), "bold red"
            where = Word.ROW_NUMBER.text(lang, n=row.number)
            problems.append(Text(f"{where}  ✗ " + safe.plain(row.error.text(lang)),
                                 style="red"))
        else:
            assert row.action is not None
            action, style = action_label(row.action, lang), _ACTION_STYLE[row.action]
        found = [*(warnings or {}).get(row.number, ()),
                 *([row.renamed] if row.renamed is not None else [])]
        for warning in found:
            where = Word.ROW_NUMBER.text(lang, n=row.number)
            problems.append(Text(f"{where}  ⚠ " + safe.plain(warning.text(lang)),
                                 style="yellow"))
        if found:
            action = f"⚠ {action}"
        values = (str(row.number), name,
                  str(row.record.period) if row.record else row.cells.get("period", ""),
                  row_value(row, lang), action, status_label(ev.status, lang) if ev else "",
                  row.record.note if row.record else row.cells.get("note", ""))
        for key, value in zip(IMPORT_COLUMNS, values, strict=True):
            cells[key].append(safe.plain(value))
        short.append(status_cell(ev.status, lang) if ev else "")
        styles.append({"action": style, "status": STATUS_STYLE[ev.status] if ev else ""})
    columns = [Column(key, word(key, lang), {"full": cells[key]},
                      "right" if key in ("row", "value") else "left", flex=key == "name")
               for key in IMPORT_COLUMNS]
    columns[5].cells["short"] = short
    layout = fit(columns, IMPORT_STEPS, width)
    return Group(fitted_table(safe.plain(title), columns, styles, layout), *problems)


def print_import(console: Console, title: str, rows: Sequence[ImportRow],
                 after: Mapping[int, Evaluation], warnings: Mapping[int, Sequence[Message]],
                 lang: str) -> None:
    width = available_width(console)
    print_table(console, import_table(title, rows, after, lang, width, warnings), width)


def import_title(file: str, dry_run: bool, lang: str) -> str:
    return f"{word('import_title' if dry_run else 'import_done', lang)}: {file}"


class RowOutcome(Protocol):
    """What a sheet's row and a reply form's row both tell: their number, what importing
    them does, and what is wrong."""

    @property
    def number(self) -> int: ...
    @property
    def action(self) -> str | None: ...
    @property
    def error(self) -> Message | None: ...


def counted(rows: Sequence[RowOutcome], said: Mapping[str, MessageId], lang: str) -> str:
    """Each action's count as `said` words it, in its order, only those that occur, and
    the rows with a problem."""
    parts = []
    for action, message in said.items():
        n = sum(1 for r in rows if r.action == action and not r.error)
        if n:
            parts.append(message.text(lang, n=n))
    bad = sum(1 for r in rows if r.error)
    if bad:
        parts.append(Say.COUNTED_PROBLEMS.text(lang, n=bad))
    return joined(parts, lang)


def first_bad_row(file: str | Message, rows: Sequence[RowOutcome],
                  elsewhere: int = 0) -> Message:
    """The one line for a refused sheet or form: the first bad row, and how many more
    there are (`elsewhere`: bad rows of the workbook's other worksheets)."""
    bad = [r for r in rows if r.error]
    first = bad[0]
    assert first.error is not None
    more = Msg.AND_MORE_ROWS(n=len(bad) - 1 + elsewhere) if len(bad) + elsewhere > 1 else ""
    return Msg.IMPORT_FAILED(file=file, row=first.number, error=first.error, more=more)


def counts_text(rows: Sequence[ImportRow], lang: str) -> str:
    """`10 new, 1 correction`: only the actions that occur."""
    return counted(rows, _COUNTED, lang)


def first_error(file: str | Message, rows: Sequence[ImportRow], elsewhere: int = 0) -> Message:
    """The one line for a failed import."""
    return first_bad_row(file, rows, elsewhere)


def import_message(file: str, rows: Sequence[ImportRow], paths: Sequence[str], dry_run: bool,
                   lang: str) -> str:
    counts = counts_text(rows, lang) or Say.NO_ROWS.text(lang)
    if dry_run:
        return Say.IMPORT_PREVIEW.text(lang, file=file, counts=counts)
    if not paths:
        return Say.IMPORT_NOTHING_NEW.text(lang, file=file, counts=counts)
    return Say.IMPORTED.text(lang, file=file, counts=counts, paths=", ".join(paths))
