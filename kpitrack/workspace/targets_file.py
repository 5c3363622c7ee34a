"""targets.toml into the plan and its targets: every problem at file:line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from typing import Any, TypeGuard

from ..core.errors import Problem
from ..core.model import (
    Bands,
    Checks,
    Direction,
    Frequency,
    Kind,
    Office,
    Plan,
    Report,
    Supervision,
    Target,
)
from ..core.period import Period
from ..core.recording import did_you_mean
from ..core.typed import MAX_ABS_VALUE
from ..i18n.base import LANGS
from ..i18n.messages import Msg
from .bands_file import check_catch_up, rules_table, target_rules
from .fields import (
    Collector,
    bool_field,
    check_schema,
    date_field,
    days_field,
    enum_field,
    number_field,
    parse_toml_bytes,
    table_field,
    text_field,
)
from .positions import Lines

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
TARGET_FIELDS = {"name", "kind", "target", "unit", "section", "direction", "report", "baseline",
                 "frequency", "schedule", "due", "owner", "tags", "quote", "last_year", "bands"}
_TOP_FIELDS = {"schema", "plan", "bands", "sections", "checks", "supervision", "office", "targets"}
_PLAN_FIELDS = {"title", "year", "start", "end", "source", "lang"}


def _names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


def _plan_dates(plan: dict[str, Any], c: Collector) -> tuple[dt.date, dt.date]:
    """year, or start and end."""
    if "year" in plan and ("start" in plan or "end" in plan):
        c.error(Msg.PLAN_YEAR_AND_DATES(), "plan", "year")
    if "year" in plan:
        year = plan["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2999:
            c.fail(Msg.BAD_PLAN_YEAR(), "plan", "year")
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if "start" not in plan or "end" not in plan:
        c.fail(Msg.PLAN_NEEDS_DATES(), "plan")
    start = date_field(c, plan["start"], "plan.start", "plan", "start")
    end = date_field(c, plan["end"], "plan.end", "plan", "end")
    for key, day in (("start", start), ("end", end)):
        if not 1900 <= day.year <= 2999:  # a report's dates must still be dates
            c.fail(Msg.BAD_PLAN_DATE(key=key), "plan", key)
    if end < start:
        c.fail(Msg.PLAN_END_BEFORE_START(), "plan", "end")
    return start, end


def _plan(data: dict[str, Any], c: Collector) -> Plan:
    for key in sorted(set(data) - _TOP_FIELDS):
        c.error(Msg.UNKNOWN_TOP_FIELD(key=key), key)
    plan = table_field(c, data.get("plan"), Msg.MISSING_PLAN())
    for key in sorted(set(plan) - _PLAN_FIELDS):
        c.error(Msg.UNKNOWN_PLAN_FIELD(key=key), "plan", key)
    title = text_field(c, plan.get("title", ""), "plan.title", "plan", "title")
    start, end = _plan_dates(plan, c)
    lang = plan.get("lang", "zh")
    if lang not in LANGS:
        c.error(Msg.BAD_PLAN_LANG(lang=lang), "plan", "lang")
        lang = "zh"
    source = text_field(c, plan.get("source", ""), "plan.source", "plan", "source")
    return Plan(title=title, start=start, end=end, source=source, lang=lang,
                bands=_plan_bands(data.get("bands", {}), c,
                                  Period.of(end).months_after(Period.of(start)) + 1),
                checks=_checks(data.get("checks", {}), c),
                supervision=_supervision(data.get("supervision", {}), c),
                office=_office(data.get("office", {}), c))


def _unknown_fields(c: Collector, data: dict[str, Any], known: list[str], *path: object
                    ) -> None:
    for key in sorted(set(data) - set(known)):
        c.error(Msg.UNKNOWN_FIELD(key=key, hint=did_you_mean(key, known)), *path, key)


def _supervision(data: object, c: Collector) -> Supervision:
    """[supervision]: reply_days (the days a unit has to answer a notice),
    interview_after and catch_up."""
    table = table_field(c, data, Msg.SUPERVISION_NOT_TABLE(), "supervision")
    _unknown_fields(c, table, _names(Supervision), "supervision")
    days = days_field(c, table.get("reply_days", Supervision().reply_days),
                      "supervision.reply_days", "supervision", "reply_days", most=366)
    interview = table.get("interview_after")
    if interview is not None and (isinstance(interview, bool) or not isinstance(interview, int)
                                  or not 1 <= interview <= 120):
        c.fail(Msg.BAD_INTERVIEW_AFTER(), "supervision", "interview_after")
    catch_up = bool_field(c, table.get("catch_up", False), "supervision.catch_up",
                          "supervision", "catch_up")
    report_day = table.get("report_day", Supervision().report_day)
    if isinstance(report_day, bool) or not isinstance(report_day, int) or \
            not 1 <= report_day <= 31:
        c.fail(Msg.BAD_REPORT_DAY(), "supervision", "report_day")
    return Supervision(days, interview, catch_up, report_day)


def _office(data: object, c: Collector) -> Office:
    """[office]: the issuing office's name, contact person, phone and notice prefix, each
    text and each optional."""
    table = table_field(c, data, Msg.OFFICE_NOT_TABLE(), "office")
    _unknown_fields(c, table, _names(Office), "office")
    found = {key: text_field(c, table[key], f"office.{key}", "office", key).strip()
             for key in _names(Office) if key in table}
    for key, text in found.items():
        if not _visible(text):  # it would print as 联系人：，
            c.error(Msg.OFFICE_EMPTY(field=f"office.{key}"), "office", key)
    return Office(**found)


_CHECK_MINIMA = (("magnitude", 1), ("growth_limit", 0), ("increment_jump", 1),
                 ("goal_multiple", 1), ("growth_jump", 0))


def _checks(data: object, c: Collector) -> Checks:
    """[checks]: the thresholds of the plausibility warnings, each with its default."""
    table = table_field(c, data, Msg.CHECKS_NOT_TABLE(), "checks")
    default = Checks()
    _unknown_fields(c, table, _names(Checks), "checks")
    numbers = {}
    for key, least in _CHECK_MINIMA:
        name = f"checks.{key}"
        numbers[key] = number_field(c, table.get(key, getattr(default, key)), name,
                                    "checks", key)
        if numbers[key] <= least:
            c.fail(Msg.CHECK_TOO_SMALL(name=name, n=least), "checks", key)
    fractions = bool_field(c, table.get("percent_fractions", True),
                           "checks.percent_fractions", "checks", "percent_fractions")
    return Checks(percent_fractions=fractions, **numbers)


def _plan_bands(data: object, c: Collector, months: int) -> Bands:
    table = table_field(c, data, Msg.BANDS_NOT_TABLE(), "bands")
    return rules_table(c, table, Bands(), months, "bands")


def _sections(data: object, plan: Plan, c: Collector) -> dict[str, Bands]:
    """`[sections."NAME".bands]`: one section's rules over the plan's."""
    table = table_field(c, data, Msg.SECTIONS_NOT_TABLES(), "sections")
    out = {}
    for name, raw in table.items():
        path = ("sections", name)
        section = table_field(c, raw, Msg.SECTIONS_NOT_TABLES(), *path)
        for key in sorted(set(section) - {"bands"}):
            c.error(Msg.UNKNOWN_SECTION_FIELD(key=key), *path, key)
        bands = table_field(c, section.get("bands", {}), Msg.BANDS_NOT_TABLE(), *path, "bands")
        out[name] = rules_table(c, bands, plan.bands, plan.months, *path, "bands")
    return out


def _target_table(tid: str, raw: object, c: Collector) -> dict[str, Any]:
    """The target's table, its id and field names checked."""
    path = ("targets", tid)
    if not _ID.match(tid):
        c.fail(Msg.BAD_ID(id=tid), *path, target=tid)
    table = table_field(c, raw, Msg.TARGET_NOT_TABLE(id=tid), *path, target=tid)
    for key in sorted(set(table) - TARGET_FIELDS):
        c.error(Msg.UNKNOWN_FIELD(key=key, hint=did_you_mean(key, sorted(TARGET_FIELDS))),
                *path, key, target=tid)
    return table


def _visible(text: str) -> bool:
    """Whether `text` shows anything: a name of only control characters, zero-width or
    direction marks (which every paper removes) would print as a blank."""
    return any(unicodedata.category(ch)[0] not in "CZ" for ch in text)


def _name_and_kind(tid: str, raw: dict[str, Any], c: Collector) -> tuple[str, Kind]:
    path = ("targets", tid)
    if "name" not in raw:
        c.fail(Msg.MISSING_NAME(), *path, target=tid)
    name = text_field(c, raw["name"], "name", *path, "name", target=tid).strip()
    if not _visible(name):  # empty, or only spaces, control, zero-width or direction marks
        c.fail(Msg.EMPTY_NAME(), *path, "name", target=tid)
    if "kind" not in raw:
        c.fail(Msg.MISSING_KIND(), *path, target=tid)
    return name, enum_field(c, Kind, raw["kind"], "kind", *path, "kind", target=tid)


class _Numbers:
    """target, baseline, last_year and due, each where it applies."""

    def __init__(self, plan: Plan, tid: str, raw: dict[str, Any], kind: Kind,
                 c: Collector) -> None:
        path = ("targets", tid)
        if "target" not in raw and kind is not Kind.MILESTONE:
            c.fail(Msg.MISSING_TARGET(), *path, target=tid)
        if "report" in raw and kind is not Kind.CUMULATIVE:
            c.error(Msg.REPORT_CUMULATIVE_ONLY(), *path, "report", target=tid)
        if "baseline" in raw and kind is not Kind.LEVEL:
            c.error(Msg.BASELINE_LEVEL_ONLY(), *path, "baseline", target=tid)

        def number(key: str) -> float | None:
            return number_field(c, raw[key], key, *path, key, target=tid) if key in raw \
                else None

        self.target, self.baseline, self.last_year = (number("target"), number("baseline"),
                                                      number("last_year"))
        self.due: dt.date | None = None
        if "due" in raw:
            self.due = due = date_field(c, raw["due"], "due", *path, "due", target=tid)
            if not plan.start <= due <= plan.end:
                c.warn(Msg.DUE_OUTSIDE_PLAN(due=due, start=plan.start, end=plan.end), *path,
                       "due", target=tid)


def _target_bands(plan: Plan, section: Bands | None, raw: object, kind: Kind, c: Collector,
                  tid: str) -> Bands | None:
    """The rules in force for a target: its own over its section's over the plan's; None
    when they are the plan's."""
    base = section or plan.bands
    if raw is not None:
        base = target_rules(c, raw, base, kind, plan.months, "targets", tid, "bands",
                            target=tid)
    return None if base == plan.bands else base


# A target of only these fields (most of a large plan) may be read by `_plain_target`.
_PLAIN_TARGET = frozenset({"name", "kind", "target", "baseline", "unit", "section", "owner",
                           "quote", "last_year"})
_TEXTS = ("unit", "section", "owner", "quote")
_KINDS = {kind.value: kind for kind in Kind}


def _plain_number(value: Any) -> TypeGuard[float]:
    """A finite int or float within range: what `number_field` takes as it stands."""
    return type(value) in (int, float) and -MAX_ABS_VALUE <= value <= MAX_ABS_VALUE


def _plain_numbers(kind: Kind, raw: dict[str, Any]) -> bool:
    """Whether the target and baseline are as `_Numbers` takes them with nothing to say:
    a cumulative target above zero, a level target above its baseline, a growth or
    threshold target, a milestone without a target."""
    if kind is Kind.MILESTONE:
        return "target" not in raw and "baseline" not in raw
    goal = raw.get("target")
    if not _plain_number(goal):
        return False
    if kind is Kind.LEVEL:
        baseline = raw.get("baseline")
        return _plain_number(baseline) and goal > baseline
    return "baseline" not in raw and (kind is not Kind.CUMULATIVE or goal > 0)


def _plain_target(plan: Plan, tid: str, raw: object, c: Collector,
                  sections: dict[str, Bands]) -> Target | None:
    """A target that the field-by-field reading would take as it stands, with nothing to
    say about it, built at once: of the fields in `_PLAIN_TARGET`, each of the right type,
    its numbers as `_plain_numbers` says and its name printable without spaces at either
    end. None for any other, which `_target` reads field by field, wording every problem.
    (tests/test_reading.py compares the two readings.)"""
    if type(raw) is not dict or not raw.keys() <= _PLAIN_TARGET or not _ID.match(tid):
        return None
    name, kind_text = raw.get("name"), raw.get("kind")
    kind = _KINDS.get(kind_text) if type(kind_text) is str else None
    if kind is None or type(name) is not str or not name or not name.isprintable() or \
            name.strip() != name or not _plain_numbers(kind, raw):
        return None
    unit, section, owner, quote = (raw.get(key, "") for key in _TEXTS)
    last_year = raw.get("last_year")
    if type(unit) is not str or type(section) is not str or type(owner) is not str or \
            type(quote) is not str or (last_year is not None and not _plain_number(last_year)):
        return None
    return Target(id=tid, name=name, kind=kind, target=raw.get("target"), unit=unit,
                  section=section, owner=owner, quote=quote, last_year=last_year,
                  baseline=raw.get("baseline"),
                  bands=_target_bands(plan, sections.get(section), None, kind, c, tid),
                  line=c.lines.table_line("targets", tid) if c.lines else None)


def _target(plan: Plan, tid: str, raw: object, c: Collector,
            sections: dict[str, Bands]) -> Target:
    plain = _plain_target(plan, tid, raw, c, sections)
    if plain is not None:
        return plain
    path = ("targets", tid)
    table = _target_table(tid, raw, c)
    name, kind = _name_and_kind(tid, table, c)
    numbers = _Numbers(plan, tid, table, kind, c)
    tags = table.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        c.fail(Msg.BAD_TAGS(), *path, "tags", target=tid)

    def text(key: str) -> str:
        return text_field(c, table.get(key, ""), key, *path, key, target=tid)

    target = Target(
        id=tid, name=name, kind=kind, unit=text("unit"), section=text("section"),
        direction=enum_field(c, Direction, table.get("direction", "up"), "direction", *path,
                             "direction", target=tid),
        report=enum_field(c, Report, table.get("report", "ytd"), "report", *path, "report",
                          target=tid),
        frequency=enum_field(c, Frequency, table.get("frequency", "monthly"), "frequency",
                             *path, "frequency", target=tid),
        schedule=_schedule(plan, table.get("schedule"), c, tid), owner=text("owner"),
        tags=tuple(tags), quote=text("quote"),
        bands=_target_bands(plan, sections.get(text("section")), table.get("bands"), kind, c,
                            tid),
        line=c.lines.table_line(*path) if c.lines else None, target=numbers.target,
        baseline=numbers.baseline, last_year=numbers.last_year, due=numbers.due)
    _warn_degenerate(target, c)
    return target


def _warn_degenerate(target: Target, c: Collector) -> None:
    path = ("targets", target.id, "target")
    if target.kind is Kind.CUMULATIVE and target.target is not None and target.target <= 0:
        c.warn(Msg.TARGET_NOT_POSITIVE(), *path, target=target.id)
    if target.kind is Kind.LEVEL and target.baseline is not None and target.target is not None:
        span = target.target - target.baseline
        if target.direction is Direction.DOWN:
            span = -span
        if span <= 0:
            c.warn(Msg.TARGET_AT_BASELINE(), *path, target=target.id)
    if target.kind is Kind.LEVEL and target.baseline is None and target.last_year is None:
        c.warn(Msg.BASELINE_ASSUMED(id=target.id, name=target.name), "targets", target.id,
               target=target.id)


def _schedule(plan: Plan, raw: object, c: Collector, tid: str) -> tuple[tuple[int, float], ...]:
    if raw is None:
        return ()
    path = ("targets", tid, "schedule")
    if not isinstance(raw, dict) or not raw:
        c.fail(Msg.BAD_SCHEDULE(), *path, target=tid)
    points = []
    for key, value in raw.items():
        if not str(key).isdigit() or not 1 <= int(key) <= plan.months:
            c.fail(Msg.BAD_SCHEDULE_MONTH(key=key, n=plan.months), *path, target=tid)
        points.append((int(key), number_field(c, value, f"schedule[{key}]", *path, target=tid)))
    points.sort()
    values = [v for _, v in points]
    if values != sorted(values):
        c.fail(Msg.SCHEDULE_FALLS(), *path, target=tid)
    return tuple(points)


def targets_from_bytes(data: bytes, shown: str,
                       problems: list[Problem]) -> tuple[Plan | None, list[Target]]:
    """A targets file's plan and targets from its bytes."""
    parsed = parse_toml_bytes(data, shown, problems)
    if parsed is None:
        return None, []
    return plan_and_targets(parsed[0], parsed[1], shown, problems)


def plan_and_targets(data: dict[str, Any], lines: Lines | None, shown: str,
                     problems: list[Problem]) -> tuple[Plan | None, list[Target]]:
    c = Collector(problems, shown, lines)
    try:
        check_schema(data, c)
        plan = _plan(data, c)
    except Collector.Skip:
        return None, []
    try:
        sections = _sections(data.get("sections", {}), plan, c)
    except Collector.Skip:
        sections = {}
    plan = dataclasses.replace(plan, sections=tuple(sections.items()))
    raw_targets = data.get("targets", {})
    if not isinstance(raw_targets, dict):
        c.error(Msg.TARGETS_NOT_TABLES(), "targets")
        return plan, []
    if not raw_targets:
        c.warn(Msg.NO_TARGETS())
    targets = []
    for tid, raw in raw_targets.items():
        try:
            targets.append(_target(plan, tid, raw, c, sections))
        except Collector.Skip:
            continue
    _warn_names(targets, c)
    for name in sorted(set(sections) - {t.section for t in targets}):
        c.warn(Msg.SECTION_UNUSED(name=name), "sections", name)
    check_catch_up(c, plan.supervision.catch_up,
                   [plan.bands, *sections.values(), *(t.bands for t in targets if t.bands)])
    return plan, targets


def _warn_names(targets: list[Target], c: Collector) -> None:
    """A name that is another target's id, or that two targets share, cannot name one."""
    ids = {t.id for t in targets}
    named: dict[str, list[Target]] = {}
    for target in targets:
        named.setdefault(target.name, []).append(target)
        if target.name in ids and target.name != target.id:
            c.warn(Msg.NAME_IS_AN_ID(name=target.name), "targets", target.id, "name",
                   target=target.id)
    for name, group in named.items():
        for target in group[1:]:
            c.warn(Msg.NAME_TWICE(name=name, ids=", ".join(t.id for t in group)),
                   "targets", target.id, "name", target=target.id)
