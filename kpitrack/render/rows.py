"""The one set of rows every format is drawn from, and the one number format."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal

from .. import trends
from ..labels import STATUS_SHORT, kind_name, status_label, word
from ..model import Evaluation, Kind, MonthStatus, Result, Status

JSON_SCHEMA = 1
HUMAN_COLUMNS = ("status", "name", "target", "actual", "period", "completion",
                 "time_progress", "gap", "forecast", "owner")


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


def amount(value: float | None, unit: str, lang: str) -> str:
    """A computed amount (forecast, pace needed): one decimal, with the unit."""
    text = one_decimal(value)
    if not text or not unit:
        return text
    return f"{text}{unit}" if lang == "zh" or unit == "%" else f"{text} {unit}"


_ARROWS = {"better": "↑", "worse": "↓", "changed": "↕"}


def change_marker(row: dict, lang: str) -> str:
    """↓黄: worse than last month, when it was yellow. Empty when the colour held."""
    if not row.get("change"):
        return ""
    before = STATUS_SHORT[lang][Status(row["previous_status"])]
    return f"{_ARROWS[row['change']]}{before}" if lang == "zh" else \
        f"{_ARROWS[row['change']]} {before}"


def with_unit(value: float | None, unit: str, lang: str) -> str:
    """620亿元 in Chinese; 620 亿元 in English, the unit kept as written."""
    text = figure(value)
    if not text or not unit:
        return text
    return f"{text}{unit}" if lang == "zh" or unit == "%" else f"{text} {unit}"


def json_row(ev: Evaluation, months: Sequence[MonthStatus] = ()) -> dict:
    """A target's evaluation, unrounded, with null where a value does not apply.

    With its month-end statuses it also carries the trend, the red streak and the change.
    """
    t = ev.target
    row = {
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
    if months:
        before = trends.previous_status(months)
        row.update(previous_status=before.value if before else None,
                   change=trends.change(months), red_months=trends.red_streak(months),
                   trend=trends.recent(months))
    if t.kind is Kind.MILESTONE:
        row.update(due=ev.due.isoformat() if ev.due else None, done=ev.done,
                   done_date=ev.done_date.isoformat() if ev.done_date else None)
    return row


def result_json(result: Result) -> dict:
    plan = result.plan
    return {
        "schema": JSON_SCHEMA,
        "as_of": str(result.as_of.period),
        "plan": {"title": plan.title, "start": plan.start.isoformat(),
                 "end": plan.end.isoformat()},
        "summary": {s.value: result.summary.get(s, 0) for s in Status},
        "targets": [json_row(ev, result.history.get(ev.target.id, ())) for ev in result.rows],
    }


def by_section(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows grouped by section, sections in order of first appearance; one order everywhere."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["section"], []).append(row)
    return grouped


def human_cells(row: dict, lang: str) -> dict[str, str]:
    """Display strings for one JSON row; table, Markdown and CSV all use these."""
    unit = row["unit"]
    kind = row["kind"]
    actual = with_unit(row["actual"], unit, lang)
    if kind == "milestone":
        done_word = {"zh": ("已完成", "未完成"), "en": ("done", "not done")}[lang]
        if row["done"]:
            actual = f"{done_word[0]} {row['done_date']}"
        elif row["done"] is False:
            actual = f"{figure(row['actual'])}%" if row["actual"] is not None else done_word[1]
        target = row["due"] or ""
    else:
        target = with_unit(row["target"], unit, lang)
    if kind in ("growth", "threshold"):
        # The figure itself is the rate: show 4.8% rather than 4.8 of "%".
        target = f"{figure(row['target'])}%" if unit in ("%", "") else target
        actual = f"{figure(row['actual'])}%" if unit in ("%", "") and row["actual"] is not None \
            else actual
    if row["baseline_assumed"] and row["actual"] is not None:
        actual += " †"
    period = row["period"] or ""
    if row["stale"]:
        period += " *"
    return {
        "status": status_label(Status(row["status"]), lang),
        "id": row["id"],
        "name": row["name"],
        "section": row["section"],
        "kind": kind_name(kind, lang),
        "target": target,
        "actual": actual,
        "period": period,
        "completion": one_decimal(row["completion"]),
        "time_progress": one_decimal(row["time_progress"]),
        "gap": signed(row["gap"]),
        "forecast": one_decimal(row["forecast"]),
        "needed_per_month": one_decimal(row["needed_per_month"]),
        "needed": amount(row["needed_per_month"], unit, lang),
        "owner": row["owner"],
        "last_year": _last_year(row, lang),
        "trend": trends.sparkline(row.get("trend", ())),
        "red_months": str(row.get("red_months") or ""),
        "change": change_marker(row, lang),
        "example": word("example", lang) if row["example"] else "",
    }


def _last_year(row: dict, lang: str) -> str:
    if row["last_year"] is None:
        return ""
    if row["kind"] in ("growth", "threshold") and row["unit"] in ("%", ""):
        return f"{figure(row['last_year'])}%"
    return with_unit(row["last_year"], row["unit"], lang)


def target_json(t) -> dict:
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
