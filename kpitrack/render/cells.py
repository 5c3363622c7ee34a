"""The cells every human format shows (the table, Markdown, CSV, the workbook, Word,
HTML), and the one number format."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Context, Decimal

from ..core import trends
from ..core.model import RATE_KINDS, Actual, BaselineFrom, Evaluation, Kind, Target
from ..core.report import ReportRow, StatusReport
from ..core.supervision import OwnerRow
from ..i18n.reports import Say
from ..i18n.words import (
    Word,
    joined,
    kind_name,
    status_label,
    status_short,
    supervision_label,
    word,
)


def one_decimal(value: float | None) -> str:
    """Human formats round to one decimal, half away from zero."""
    if value is None or not math.isfinite(value):
        return ""
    rounded = Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP,
                                            context=Context(prec=400))
    return f"{rounded + 0:.1f}" if rounded != 0 else "0.0"


def signed(value: float | None) -> str:
    """A gap as +7.3 or -2.7."""
    if value is None:
        return ""
    text = one_decimal(value)
    return text if text.startswith("-") else "+" + text


def figure(value: float | None) -> str:
    """A reported figure or a target as entered: trailing zeros dropped, never rounded away."""
    if value is None:
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _short(value: float | None) -> str:
    """A month's figure or task: at most two decimals, trailing zeros dropped (a month's
    0.05 must not read 0.1)."""
    if value is None or not math.isfinite(value):
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _joined(text: str, unit: str, lang: str) -> str:
    """A figure and its unit: Chinese sets them together, English with a space, the unit
    kept as written; a percentage (4.8%) is set together in both."""
    if not text or not unit:
        return text
    return text + unit if unit == "%" else Word.WITH_UNIT.text(lang, value=text, unit=unit)


def with_unit(value: float | None, unit: str, lang: str) -> str:
    """A figure as entered, with its unit."""
    return _joined(figure(value), unit, lang)


def amount(value: float | None, unit: str, lang: str) -> str:
    """A computed amount (forecast, pace needed): one decimal, with the unit."""
    return _joined(one_decimal(value), unit, lang)


def shown_unit(target: Target) -> str:
    """The unit a target's figures are shown in: a milestone's figure is its percent
    complete, and a rate with no unit is a percentage (4.8 means 4.8%)."""
    if target.kind is Kind.MILESTONE:
        return "%"
    if target.kind in RATE_KINDS and not target.unit:
        return "%"
    return target.unit


def value_text(value: float | None, target: Target, lang: str) -> str:
    """One of a target's figures (a record, its goal, last year's) as people read it."""
    return with_unit(value, shown_unit(target), lang)


def record_text(record: Actual, target: Target, lang: str) -> str:
    """A recorded figure: the word for done and the date (`done 2025-06-18`) for a
    milestone done, else its value."""
    parts = []
    if record.done is not None:
        done = word("done" if record.done else "not_done", lang)
        parts.append(f"{done} {record.date}" if record.done and record.date else done)
    if record.value is not None:
        parts.append(value_text(record.value, target, lang))
    return " ".join(parts)


_ARROWS = {"better": "↑", "worse": "↓", "changed": "↕"}


def change_marker(row: ReportRow, lang: str) -> str:
    """`↓ warning`: worse than last month, when it was yellow (Chinese sets the arrow and
    the colour together). Empty when the colour held."""
    if not row.change or row.previous is None:
        return ""
    return Word.CHANGE_MARK.text(lang, arrow=_ARROWS[row.change],
                                 status=status_short(row.previous, lang))


STALE_MARK, MET_MARK, ASSUMED_MARK, LAST_YEAR_MARK = "*", "✓", "†", "‡"


def status_marks(ev: Evaluation) -> str:
    """The marks that travel with a status: `*` for an out-of-date figure, `✓` for a
    year's goal met. Every format shows them beside the colour, at every width."""
    return (STALE_MARK if ev.stale else "") + (MET_MARK if ev.met else "")


def status_text(ev: Evaluation, lang: str) -> str:
    """The status cell: its label, then its marks (`Green *`)."""
    marks = status_marks(ev)
    label = status_label(ev.status, lang)
    return f"{label} {marks}" if marks else label


def mark_notes(report: StatusReport, lang: str) -> list[str]:
    """What each mark the report shows means, for its legend (only the marks it shows)."""
    evs = [row.ev for row in report.rows]
    cap = report.plan.bands.stale
    notes = []
    if any(ev.stale for ev in evs):
        notes.append(Word.STALE_CAPPED_NOTE.text(lang, label=status_label(cap, lang)) if cap
                     else word("stale_note", lang))
    if any(ev.met for ev in evs):
        notes.append(word("met_note", lang))
    marks = {_baseline_mark(ev) for ev in evs}
    notes += [word(key, lang) for mark, key in ((ASSUMED_MARK, "assumed_note"),
                                                (LAST_YEAR_MARK, "last_year_note"))
              if mark in marks]
    return notes


def count_text(report: StatusReport, lang: str) -> str:
    """How many targets the counts count: `57`, or with a filter `22 shown of 57`."""
    shown = len(report.rows)
    if report.of_total is None:
        return str(shown)
    return Say.FILTERED_COUNT.text(lang, shown=shown, total=report.of_total)


def headline(report: StatusReport, counts: str, lang: str) -> str:
    """The headline: every target and its counts, or with a filter, those shown of all."""
    if report.of_total is None:
        return Say.HEADLINE.text(lang, total=len(report.rows), counts=counts)
    return Say.FILTERED_HEADLINE.text(lang, shown=len(report.rows), total=report.of_total,
                                      counts=counts)


def _baseline_mark(ev: Evaluation) -> str:
    if ev.actual is None or ev.baseline_from is None:
        return ""
    return {BaselineFrom.FIRST_FIGURE: ASSUMED_MARK,
            BaselineFrom.LAST_YEAR: LAST_YEAR_MARK}.get(ev.baseline_from, "")


def _actual_text(ev: Evaluation, lang: str) -> str:
    t = ev.target
    if t.kind is Kind.MILESTONE and ev.done:
        return f"{word('done', lang)} {day_text(ev.done_date)}"
    if t.kind is Kind.MILESTONE and ev.done is False and ev.actual is None:
        return word("not_done", lang)
    text = value_text(ev.actual, t, lang)
    mark = _baseline_mark(ev)
    return f"{text} {mark}" if mark else text


def human_cells(row: ReportRow, lang: str) -> dict[str, str]:
    """Display strings for one row; the table, Markdown, CSV and the workbook all use these."""
    ev, t = row.ev, row.target
    goal = day_text(ev.due) if t.kind is Kind.MILESTONE else value_text(t.target, t, lang)
    period = str(ev.period) if ev.period else ""
    return {
        "status": status_text(ev, lang),
        "id": t.id,
        "name": t.name,
        "section": t.section,
        "kind": kind_name(t.kind.value, lang),
        "target": goal,
        "actual": _actual_text(ev, lang),
        "period": period,
        "completion": one_decimal(ev.completion),
        "time_progress": one_decimal(ev.time_progress),
        "gap": signed(ev.gap),
        "forecast": one_decimal(ev.forecast),
        "needed_per_month": one_decimal(ev.needed_per_month),
        "needed": amount(ev.needed_per_month, t.unit, lang),
        "owner": t.owner,
        "last_year": value_text(t.last_year, t, lang),
        "trend": trends.sparkline(row.trend),
        "red_months": str(row.red_months or ""),
        "change": change_marker(row, lang),
        "example": word("example", lang) if ev.example else "",
        "supervision": supervision_label(row.supervision, row.red_months, lang)
        + (Word.INTERVIEW_MARK.text(lang) if row.interview else ""),
        "month_actual": _joined(_short(ev.month_actual), t.unit, lang),
        "month_task": _joined(_short(ev.month_task), t.unit, lang),
        "answer": answer_text(row, lang),
    }


def answer_text(row: ReportRow, lang: str) -> str:
    """The unit's latest answer, or `no answer yet` for a target on the list without one."""
    answer = row.answer
    if answer is None:
        return word("no_answer", lang) if row.supervision in ("new", "continuing") else ""
    if answer.by:
        return Say.ANSWER_BY.text(lang, reason=answer.reason, measures=answer.measures,
                                  by=answer.by)
    return Say.ANSWER.text(lang, reason=answer.reason, measures=answer.measures)


def day_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def owner_name(row: OwnerRow, lang: str) -> str:
    return row.owner or word("unassigned", lang)


def missing_cells(report: StatusReport, lang: str) -> list[dict[str, str]]:
    """The units not reported on time: one row per unit, with how many figures it owes
    for the as-of month and which."""
    return [{"owner": owner or word("unassigned", lang), "missing": str(len(rows)),
             "missing_targets": joined([r.target.name for r in rows], lang)}
            for owner, rows in report.missing().items()]


def owner_cells(row: OwnerRow, lang: str) -> dict[str, str]:
    """One unit's row of the league table (the units side by side)."""
    cells = {s.value: str(n) for s, n in row.counts.items()}
    return {**cells, "rank": str(row.rank), "owner": owner_name(row, lang),
            "total": str(row.total), "on_track": one_decimal(row.on_track),
            "missing": str(row.missing)}


def gap_signed(ev: Evaluation, lang: str) -> str:
    """The gap as text that keeps its sign in a spreadsheet: `gap +9.5 points`, `gap -2
    days`. It begins with a word, as a spreadsheet reads a bare `+9.5` as the number 9.5
    and may take `-9.5 points` for a formula."""
    text = signed(ev.gap)
    if not text:
        return ""
    unit = shown_unit(ev.target)
    if ev.target.kind is Kind.THRESHOLD and unit != "%":
        return Word.GAP_IN_UNIT.text(lang, gap=text, unit=unit)
    return Word.GAP_POINTS.text(lang, gap=text)


_BASELINE_NOTES = {ASSUMED_MARK: "assumed_note", LAST_YEAR_MARK: "last_year_note"}


def baseline_mark(ev: Evaluation) -> str:
    """`†` beside a level target's figure whose baseline is its first figure, `‡` when it
    is last year's; else empty."""
    return _baseline_mark(ev)


def sheet_cells(row: ReportRow, lang: str) -> dict[str, str]:
    """The CSV's cells: `human_cells`, with a target's figures bare (620, its unit apart) and
    their unit in a column of its own, the gap also worded with its sign, the baseline's
    mark spelled out beside the figure, and the unit's answer in two columns."""
    ev, t = row.ev, row.target
    cells = human_cells(row, lang)
    milestone_words = t.kind is Kind.MILESTONE and (ev.done or ev.actual is None)
    mark = _baseline_mark(ev)
    cells.update({
        "unit": shown_unit(t),
        "last_year": figure(t.last_year),
        "actual": cells["actual"] if milestone_words else figure(ev.actual),
        "month_actual": _short(ev.month_actual),
        "month_task": _short(ev.month_task),
        "gap_signed": gap_signed(ev, lang),
        "baseline_note": word(_BASELINE_NOTES[mark], lang) if mark else "",
        **answer_cells(row, lang),
    })
    if t.kind is not Kind.MILESTONE:
        cells["target"] = figure(t.target)
    return cells


def answer_cells(row: ReportRow, lang: str) -> dict[str, str]:
    """The unit's latest answer as two cells (the reason, the measures); `no answer yet` for a
    target on the list without one."""
    answer = row.answer
    if answer is None:
        waiting = row.supervision in ("new", "continuing")
        return {"answer_reason": word("no_answer", lang) if waiting else "",
                "answer_measures": ""}
    return {"answer_reason": answer.reason, "answer_measures": answer.measures}
