"""JSON, as every command writes it: the report's rows unrounded, null where a value does
not apply, and the same keys wherever a row appears (SPEC.md holds the contract)."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from ..core import trends
from ..core.errors import Problem
from ..core.model import (
    STATUS_ORDER,
    Actual,
    Detail,
    Kind,
    MonthStatus,
    Response,
    Status,
    Target,
)
from ..core.report import ReportRow, StatusReport
from ..core.supervision import Notice, league
from .notice import notice_number
from .story import story

JSON_SCHEMA = 1
Json = dict[str, Any]


def dumps(data: Json) -> str:
    """JSON as every command writes it: UTF-8 text, indented, no NaN.

    The standard library's indented encoder is written in Python (0.62 s for the
    benchmark's 8,500 targets); orjson writes the same text in C (0.04 s), and takes
    25 ms to import, so it writes only a document of many rows. Its text
    differs from the standard library's only for a float between 1e-10 and 1e-4
    (`1e-5` against `1e-05`), NaN and infinity (which orjson writes as null), an
    integer beyond 64 bits and a key that is not text: a document holding any of them
    is written by the standard library, so the text is always the same. (orjson refuses
    the last two itself, so the check need not look at keys.)
    """
    rows = sum(len(part) for part in data.values() if isinstance(part, list))
    if rows >= _MANY_ROWS and _same_in_orjson(data):
        try:
            import orjson
        except ImportError:  # an installation without it still writes the same text
            pass
        else:
            try:
                return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
            except orjson.JSONEncodeError:  # a key that is not text, an integer too long
                pass
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)


_INT_LIMIT = 2**63
# The types whose every value orjson writes as the standard library does.
_TEXT_LIKE = frozenset({str, type(None), bool})
# From about this many rows the standard library takes longer than importing orjson.
_MANY_ROWS = 500


def _same_in_orjson(value: object) -> bool:
    """Whether orjson writes `value` as the standard library does (see `dumps`).

    One loop over a stack of containers, each value's exact type looked up once: a
    document's 300,000 values are mostly text, None and booleans, which cannot differ.
    A value of any other type (a subclass) is checked by `_same_slowly`; keys are left
    to orjson, which refuses a key that is not text."""
    stack: list[Any] = [[value]]
    while stack:
        container = stack.pop()
        items = container.values() if type(container) is dict else container
        for item in items:
            kind = type(item)
            if kind in _TEXT_LIKE:
                continue
            if kind is float:
                size = abs(item)
                # NaN fails both comparisons; infinity the first.
                if not (1e-4 <= size < math.inf or size < 1e-10):
                    return False
            elif kind is int:
                if not -_INT_LIMIT < item < _INT_LIMIT:
                    return False
            elif kind is dict or kind is list:
                stack.append(item)
            elif not _same_slowly(item):
                return False
    return True


def _same_slowly(value: object) -> bool:
    """`_same_in_orjson` by isinstance, for a value of a type derived from JSON's own."""
    if isinstance(value, str) or value is None or isinstance(value, bool):
        return True
    if isinstance(value, float):
        size = abs(value)
        return math.isfinite(size) and not 1e-10 <= size < 1e-4
    if isinstance(value, int):
        return -_INT_LIMIT < value < _INT_LIMIT
    if isinstance(value, dict):
        return all(isinstance(key, str) and _same_slowly(item)
                   for key, item in value.items())
    if isinstance(value, list):
        return all(_same_slowly(item) for item in value)
    return False



def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def json_row(row: ReportRow) -> Json:
    """A target's evaluation, unrounded, with null where a value does not apply.

    With its month-end statuses it also carries the trend, the red streak and the change.
    """
    ev, t = row.ev, row.target
    out: Json = {
        "id": t.id, "name": t.name, "section": t.section, "kind": t.kind.value, "unit": t.unit,
        "target": t.target, "actual": ev.actual,
        "period": str(ev.period) if ev.period else None,
        "completion": ev.completion, "time_progress": ev.time_progress, "gap": ev.gap,
        "status": ev.status.value,
        "status_uncapped": (ev.uncapped or ev.status).value, "stale": ev.stale,
        "met": ev.met, "escalated_from": ev.escalated.value if ev.escalated else None,
        "ratio": ev.ratio, "month_actual": ev.month_actual, "month_task": ev.month_task,
        "year_completion": ev.year_completion, "forecast": ev.forecast,
        "needed_per_month": ev.needed_per_month, "owner": t.owner,
        "direction": t.direction.value,
        "baseline": ev.baseline if t.kind is Kind.LEVEL else None,
        "baseline_assumed": ev.baseline_assumed,
        "baseline_from": ev.baseline_from.value if ev.baseline_from else None,
        "last_year": t.last_year,
        "example": ev.example,
    }
    if row.trend:
        out |= {"previous_status": row.previous.value if row.previous else None,
                "change": row.change, "red_months": row.red_months, "trend": list(row.trend),
                "supervision": row.supervision,
                "supervision_level": row.supervision_level,
                "answer": answer_json(row.answer)}
    if t.kind is Kind.MILESTONE:
        out.update(due=_day(ev.due), done=ev.done, done_date=_day(ev.done_date))
    return out


def answer_json(answer: Response | None) -> Json | None:
    if answer is None:
        return None
    return {"period": str(answer.period), "reason": answer.reason, "measures": answer.measures,
            "by": answer.by, "due": _day(answer.due),
            "recorded": answer.recorded.isoformat() if answer.recorded else None,
            "file": answer.file, "line": answer.line}


def report_json(report: StatusReport) -> Json:
    plan = report.plan
    return {
        "schema": JSON_SCHEMA,
        "as_of": str(report.as_of.period),
        "plan": {"title": plan.title, "start": plan.start.isoformat(),
                 "end": plan.end.isoformat()},
        "summary": {s.value: report.summary.get(s, 0) for s in Status},
        "targets": [json_row(row) for row in report.rows],
    }


def target_json(t: Target) -> Json:
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


def figure_json(record: Actual, counts: bool) -> Json:
    return {
        "period": str(record.period), "value": record.value, "done": record.done,
        "date": record.date.isoformat() if record.date else None,
        "recorded": record.recorded.isoformat() if record.recorded else None,
        "by": record.by, "note": record.note, "source": record.source,
        "correction": record.correction, "example": record.example, "counts": counts,
        "withdrawn": record.withdrawn,
        "file": record.file, "line": record.line,
    }


def month_json(month: MonthStatus) -> Json:
    return {"period": str(month.period), "status": month.status.value,
            "completion": month.completion, "gap": month.gap, "actual": month.actual,
            "time_progress": month.time_progress}


def show_json(detail: Detail, lang: str) -> Json:
    plan = detail.plan
    since = trends.red_since(detail.months)
    return {
        "schema": JSON_SCHEMA,
        "as_of": str(detail.as_of.period),
        "plan": {"title": plan.title, "start": plan.start.isoformat(),
                 "end": plan.end.isoformat()},
        "target": target_json(detail.evaluation.target),
        "evaluation": json_row(ReportRow.of(detail.evaluation, detail.months)),
        "figures": [figure_json(r, c) for r, c in zip(detail.records, detail.counts,
                                                      strict=True)],
        "history": [month_json(m) for m in detail.months],
        "red_months": trends.red_streak(detail.months),
        "red_since": str(since) if since else None,
        "story": story(detail, lang),
    }




def owners_json(report: StatusReport) -> Json:
    """`owners --format json`; a unit with no targets' data has on_track null."""
    return {"as_of": str(report.as_of.period),
            "owners": [{"owner": row.owner or None,
                        **{s.value: row.counts[s] for s in STATUS_ORDER},
                        "total": row.total, "on_track": row.on_track, "rank": row.rank,
                        "missing": row.missing}
                       for row in league(report)]}




def notice_json(notices: list[Notice], report: StatusReport, lang: str) -> Json:
    """`notice --format json`: the month's notice number (as the papers print it, in
    `lang`), the issuing office's details (`null` where `[office]` leaves one out), and
    each unit's items."""
    def item(row: ReportRow) -> Json:
        return {**json_row(row), "answer": answer_json(row.answer)}

    office = report.plan.office
    return {"schema": 1, "as_of": str(report.as_of.period),
            "number": notice_number(report, lang),
            "office": {"name": office.name or None, "contact": office.contact or None,
                       "phone": office.phone or None},
            "notices": [{"owner": n.owner or None, "reply_by": n.reply_by.isoformat(),
                         "red": [item(r) for r in n.red],
                         "yellow": [item(r) for r in n.yellow]} for n in notices]}



def check_json(problems: list[Problem], lang: str) -> str:
    """`check --format json`: {errors, warnings}, each with file, line, target and message."""
    return dumps({kind + "s": [p.as_dict(lang) for p in problems if p.severity == kind]
                  for kind in ("error", "warning")})


