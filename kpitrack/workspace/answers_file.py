"""Checking the answers of a responses file (responses/YYYY-MM.toml) into `Response`s.

An answer is a unit's reason and measures on a target it is supervised
on, for one month. Like figures they are appended, never rewritten: a newer answer for the
same target and month replaces the older one in reports, and both stay in the file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.errors import Problem
from ..core.model import Plan, Response, Target
from ..core.period import Period
from ..core.recording import unknown_target_message
from ..i18n.messages import Msg
from .fields import Collector, check_schema, date_field, table_field, text_field
from .figures_file import RECORD_ID
from .month_files import parse_month_file, record_period, recorded_field

RESPONSES_DIR = "responses"
_FIELDS = {"target", "period", "reason", "measures", "by", "due", "recorded", "id"}


def responses_from_bytes(name: str, shown: str, data: bytes, plan: Plan,
                         targets: dict[str, Target], problems: list[Problem]) -> list[Response]:
    found = parse_month_file(name, shown, data, problems)
    if found is None:
        return []
    period, parsed, lines = found
    c = Collector(problems, shown, lines)
    try:
        check_schema(data=parsed, c=c)
        for key in sorted(set(parsed) - {"schema", "response"}):
            c.error(Msg.UNKNOWN_TOP_FIELD(key=key), key)
        raw = parsed.get("response", [])
        if not isinstance(raw, list):
            c.fail(Msg.RESPONSES_NOT_TABLES(), "response")
    except Collector.Skip:
        return []
    out = []
    clean = _Clean(period, plan, targets, c, len(raw))
    for index, item in enumerate(raw):
        try:
            out.append(clean.response(item, index) or
                       _response(item, index, len(raw), period, plan, targets, c))
        except Collector.Skip:
            continue
    return out


class _Clean:
    """A clean answer read in a straight line of type checks, as a figure is
    (`figures_file._File.record`); one that fails any goes through `_response`, which
    words the problem at its line."""

    def __init__(self, period: Period, plan: Plan, targets: dict[str, Target], c: Collector,
                 count: int) -> None:
        self.period, self.targets, self.c, self.count = period, targets, c, count
        self.period_text = str(period) if plan.contains(period) else None

    def response(self, item: object, index: int) -> Response | None:
        if type(item) is not dict or not item.keys() <= _FIELDS:
            return None
        get = item.get
        tid, reason, measures, by = get("target"), get("reason"), get("measures"), get("by", "")
        due, recorded, uid = get("due"), get("recorded"), get("id", "")
        if not (type(tid) is str and tid in self.targets and self.period_text is not None
                and get("period") == self.period_text and type(reason) is str
                and type(measures) is str and type(by) is str and reason.strip()
                and measures.strip() and (due is None or type(due) is dt.date)
                and (recorded is None or (type(recorded) is dt.datetime
                                          and recorded.tzinfo is not None))
                and (uid == "" or (type(uid) is str and RECORD_ID.match(uid)))):
            return None
        lines = self.c.lines
        line = lines.record_line("response", index, self.count) if lines else None
        return Response(tid, self.period, reason.strip(), measures.strip(), by.strip(), due,
                        recorded, self.c.file, line, index, uid)


def _response(item: object, index: int, count: int, file_period: Period, plan: Plan,
              targets: dict[str, Target], c: Collector) -> Response:
    path = ("response", index)
    raw: dict[str, Any] = table_field(c, item, Msg.RESPONSE_NOT_TABLE(), *path)
    tid = raw.get("target")
    if not isinstance(tid, str):
        c.fail(Msg.NO_RECORD_TARGET() if tid is None else Msg.RECORD_TARGET_NOT_TEXT(), *path)
    for key in sorted(set(raw) - _FIELDS):
        c.error(Msg.UNKNOWN_RECORD_FIELD(key=key), *path, key, target=tid)
    if tid not in targets:
        c.fail(unknown_target_message(tid, list(targets.values())), *path, "target", target=tid)
    period = record_period(raw, path, file_period, plan, tid, c)
    texts: dict[str, str] = {}
    for key in ("reason", "measures", "by"):
        texts[key] = text_field(c, raw.get(key, ""), key, *path, key, target=tid).strip()
    for key in ("reason", "measures"):
        if not texts[key]:
            c.fail(Msg.EMPTY_ANSWER(field=key), *path, key, target=tid)
    due = date_field(c, raw["due"], "due", *path, "due", target=tid) if "due" in raw else None
    line = c.lines.record_line("response", index, count) if c.lines else None
    uid = raw.get("id", "")
    if uid != "" and (not isinstance(uid, str) or not RECORD_ID.match(uid)):
        c.fail(Msg.BAD_RECORD_ID(), *path, "id", target=tid)
    return Response(tid, period, texts["reason"], texts["measures"], texts["by"], due,
                    recorded_field(raw, path, tid, c), c.file, line, index, uid)
