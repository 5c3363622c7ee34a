"""The one set of rows every format is drawn from, and the one number format."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

from .. import trends
from ..labels import STATUS_SHORT, kind_name, status_label, supervision_label, word
from ..model import Actual, Evaluation, Kind, Response, Status, Target
from ..report import ReportRow, StatusReport

JSON_SCHEMA = 1


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


def _joined(text: str, unit: str, lang: str) -> str:
    """620亿元 in Chinese; 620 亿元 in English, the unit kept as written; 4.8% in both."""
    if not text or not unit:
        return text
    return f"{text}{unit}" if lang == "zh" or unit == "%" else f"{text} {unit}"


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
    if target.kind in (Kind.GROWTH, Kind.THRESHOLD) and not target.unit:
        return "%"
    return target.unit


def value_text(value: float | None, target: Target, lang: str) -> str:
    """One of a target's figures (a record, its goal, last year's) as people read it."""
    return with_unit(value, shown_unit(target), lang)


def record_text(record: Actual, target: Target, lang: str) -> str:
    """A recorded figure: `已完成 2025-06-18` for a milestone done, else its value."""
    parts = []
    if record.done is not None:
        done = word("done" if record.done else "not_done", lang)
        parts.append(f"{done} {record.date}" if record.done and record.date else done)
    if record.value is not None:
        parts.append(value_text(record.value, target, lang))
    return " ".join(parts)


_ARROWS = {"better": "↑", "worse": "↓", "changed": "↕"}


def change_marker(row: ReportRow, lang: str) -> str:
    """↓黄: worse than last month, when it was yellow. Empty when the colour held."""
    if not row.change or row.previous is None:
        return ""
    before = STATUS_SHORT[lang][row.previous]
    return f"{_ARROWS[row.change]}{before}" if lang == "zh" else \
        f"{_ARROWS[row.change]} {before}"


def _day(day) -> str | None:
    return day.isoformat() if day else None


def json_row(row: ReportRow) -> dict:
    """A target's evaluation, unrounded, with null where a value does not apply.

    With its month-end statuses it also carries the trend, the red streak and the change.
    """
    ev, t = row.ev, row.target
    out = {
        "id": t.id, "name": t.name, "section": t.section, "kind": t.kind.value, "unit": t.unit,
        "target": t.target, "actual": ev.actual,
        "period": str(ev.period) if ev.period else None,
        "completion": ev.completion, "time_progress": ev.time_progress, "gap": ev.gap,
        "status": ev.status.value, "stale": ev.stale, "forecast": ev.forecast,
        "needed_per_month": ev.needed_per_month, "owner": t.owner,
        "direction": t.direction.value,
        "baseline": ev.baseline if t.kind is Kind.LEVEL else None,
        "baseline_assumed": ev.baseline_assumed,
        "last_year": t.last_year,
        "example": ev.example,
    }
    if row.trend:
        out.update(previous_status=row.previous.value if row.previous else None,
                   change=row.change, red_months=row.red_months, trend=list(row.trend),
                   supervision=row.supervision, answer=answer_json(row.answer))
    if t.kind is Kind.MILESTONE:
        out.update(due=_day(ev.due), done=ev.done, done_date=_day(ev.done_date))
    return out


def answer_json(answer: Response | None) -> dict | None:
    if answer is None:
        return None
    return {"period": str(answer.period), "reason": answer.reason, "measures": answer.measures,
            "by": answer.by, "due": _day(answer.due),
            "recorded": answer.recorded.isoformat() if answer.recorded else None,
            "file": answer.file, "line": answer.line}


def report_json(report: StatusReport) -> dict:
    plan = report.plan
    return {
        "schema": JSON_SCHEMA,
        "as_of": str(report.as_of.period),
        "plan": {"title": plan.title, "start": plan.start.isoformat(),
                 "end": plan.end.isoformat()},
        "summary": {s.value: report.summary.get(s, 0) for s in Status},
        "targets": [json_row(row) for row in report.rows],
    }


def _actual_text(ev: Evaluation, lang: str) -> str:
    t = ev.target
    if t.kind is Kind.MILESTONE and ev.done:
        return f"{word('done', lang)} {_day(ev.done_date)}"
    if t.kind is Kind.MILESTONE and ev.done is False and ev.actual is None:
        return word("not_done", lang)
    text = value_text(ev.actual, t, lang)
    return text + " †" if ev.baseline_assumed and ev.actual is not None else text


def human_cells(row: ReportRow, lang: str) -> dict[str, str]:
    """Display strings for one row; the table, Markdown, CSV and the workbook all use these."""
    ev, t = row.ev, row.target
    goal = _day(ev.due) or "" if t.kind is Kind.MILESTONE else value_text(t.target, t, lang)
    period = (str(ev.period) if ev.period else "") + (" *" if ev.stale else "")
    return {
        "status": status_label(ev.status, lang),
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
        "supervision": supervision_label(row.supervision, row.red_months, lang),
        "answer": answer_text(row, lang),
    }


def answer_text(row: ReportRow, lang: str) -> str:
    """The unit's latest answer, or 未反馈 for a target on the list without one."""
    answer = row.answer
    if answer is None:
        return word("no_answer", lang) if row.supervision in ("new", "continuing") else ""
    who = f"（{answer.by}）" if lang == "zh" else f" ({answer.by})"
    text = (f"原因：{answer.reason}；措施：{answer.measures}" if lang == "zh" else
            f"Reason: {answer.reason}; measures: {answer.measures}")
    return text + (who if answer.by else "")


def target_json(t: Target) -> dict:
    """A target's definition as in targets.toml."""
    return {
        "id": t.id, "name": t.name, "kind": t.kind.value, "target": t.target, "unit": t.unit,
        "section": t.section, "direction": t.direction.value,
        "report": t.report.value if t.kind is Kind.CUMULATIVE else None,
        "baseline": t.baseline, "frequency": t.frequency.value,
        "schedule": {str(m): v for m, v in t.schedule} or None,
        "due": t.due.isoformat() if t.due else None, "owner": t.owner, "tags": list(t.tags),
        "quote": t.quote, "last_year": t.last_year,
    }
