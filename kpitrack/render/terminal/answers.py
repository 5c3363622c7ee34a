"""What importing a reply form would record (or recorded), row by row, and its summary."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.text import Text

from ...core.recording import BLANK_ROW, UNFILLED_ROW
from ...core.replies import NEW_ANSWER, SAME_ANSWER, AnswerRow
from ...i18n.base import Message
from ...i18n.reports import Say
from ...i18n.words import Word, severity, word
from .. import safe
from .imports import counted, first_bad_row
from .layout import Column, available_width, fit
from .table import fitted_table, print_table

ACTIONS = {NEW_ANSWER: Word.ACTION_ANSWER_NEW, SAME_ANSWER: Word.ACTION_ANSWER_SAME,
           UNFILLED_ROW: Word.ACTION_ANSWER_UNFILLED, BLANK_ROW: Word.ACTION_BLANK}
_COUNTED = {NEW_ANSWER: Say.COUNTED_ANSWERS_NEW, SAME_ANSWER: Say.COUNTED_ANSWERS_SAME,
            UNFILLED_ROW: Say.COUNTED_UNFILLED, BLANK_ROW: Say.COUNTED_BLANK}
_STYLE = {NEW_ANSWER: "", SAME_ANSWER: "dim", UNFILLED_ROW: "dim", BLANK_ROW: "dim"}
COLUMNS = ("row", "name", "month", "reply_reason", "reply_measures", "reply_due", "action")
STEPS = (("short", "reply_measures"), ("short", "reply_reason"), ("drop", "reply_due"),
         ("drop", "month"))
SHORT = 16  # a reason or measures cut to this many characters in a narrow terminal


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[:SHORT - 1] + "…"


def _values(row: AnswerRow) -> tuple[str, ...]:
    name = row.target.name if row.target else row.cells.get("target", row.cells.get("name", ""))
    answer = row.response
    if answer is None:
        return (str(row.number), name, row.cells.get("period", ""), row.cells.get("reason", ""),
                row.cells.get("measures", ""), row.cells.get("due", ""))
    return (str(row.number), name, str(answer.period), answer.reason, answer.measures,
            answer.due.isoformat() if answer.due else "")


def answers_table(title: str, rows: Sequence[AnswerRow], lang: str,
                  width: int | None = None) -> Group:
    """One line per row: its number, the answer it records and what happens to it; each
    bad row's problem, and each note, in full under the table."""
    cells: dict[str, list[str]] = {key: [] for key in COLUMNS}
    styles: list[dict[str, str]] = []
    under = []
    for row in rows:
        where = Word.ROW_NUMBER.text(lang, n=row.number)
        if row.error:
            action, style = "✗ " + word("problem", lang), "bold red"
            under.append(Text(f"{where}  ✗ " + safe.plain(row.error.text(lang)), style="red"))
        else:
            assert row.action is not None
            action, style = ACTIONS[row.action].text(lang), _STYLE[row.action]
        if row.renamed is not None:
            under.append(Text(f"{where}  ⚠ " + safe.plain(row.renamed.text(lang)),
                              style="yellow"))
        if row.note is not None:
            under.append(Text(f"{where}  " + safe.plain(severity("note", lang)
                                                         + row.note.text(lang))))
        for key, value in zip(COLUMNS, (*_values(row), action), strict=True):
            cells[key].append(safe.plain(value))
        styles.append({"action": style})
    columns = [Column(key, word(key, lang), {"full": cells[key]},
                      "right" if key == "row" else "left", flex=key == "name")
               for key in COLUMNS]
    for column in columns:
        if column.key in ("reply_reason", "reply_measures"):
            column.cells["short"] = [_short(text) for text in column.cells["full"]]
    layout = fit(columns, STEPS, width)
    return Group(fitted_table(safe.plain(title), columns, styles, layout), *under)


def print_answers(console: Console, title: str, rows: Sequence[AnswerRow], lang: str) -> None:
    width = available_width(console)
    print_table(console, answers_table(title, rows, lang, width), width)


def counts_text(rows: Sequence[AnswerRow], lang: str) -> str:
    """`2 new answers, 1 row not filled in, skipped`: only the actions that occur."""
    return counted(rows, _COUNTED, lang)


def first_error(file: str | Message, rows: Sequence[AnswerRow], elsewhere: int = 0) -> Message:
    """The one line for a refused form."""
    return first_bad_row(file, rows, elsewhere)


def answers_message(file: str, rows: Sequence[AnswerRow], paths: Sequence[str],
                    dry_run: bool, lang: str) -> str:
    counts = counts_text(rows, lang) or Say.NO_ROWS.text(lang)
    if dry_run:
        return Say.IMPORT_PREVIEW.text(lang, file=file, counts=counts)
    if not paths:
        return Say.IMPORT_NOTHING_NEW.text(lang, file=file, counts=counts)
    return Say.IMPORTED.text(lang, file=file, counts=counts, paths=", ".join(paths))
