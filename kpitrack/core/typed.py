"""What users type: periods, dates and figures with magnitudes (35 million written with
the Chinese magnitude for ten thousand). Pure; the words and patterns are in
`i18n.vocabulary`."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ..i18n.base import Message
from ..i18n.messages import Msg
from ..i18n.vocabulary import (
    DATE_DAY_MARK,
    DATE_MARKS,
    DATED_SPAN_PATTERN,
    MAGNITUDES,
    PERIOD_PATTERNS,
    QUARTER_NUMERALS,
    QUARTER_PATTERNS,
    TODAY_WORDS,
    YEARLESS_PATTERNS,
)
from ..i18n.words import Word
from .errors import KpiError
from .model import Plan
from .period import Period

# A figure beyond this is a typo, not a statistic; it also keeps floats exact enough.
MAX_ABS_VALUE = 1e15

_NUMBER_TEXT = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_NUMBER = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$")


def _normalise(text: str) -> str:
    """Full-width digits and punctuation become ASCII; thousands separators go."""
    return unicodedata.normalize("NFKC", text).strip()


def parse_period(text: str, plan: Plan) -> Period:
    """`2025-03`, `2025/3`, the Chinese year-and-month form, `202503`, a quarter `2025Q1`
    (its last month), or a month as sheets write it (`i18n.vocabulary`): December with
    the Chinese month mark, the year-to-date span from January to December (the month it
    runs to, with its year or without), a bare `12`. A month without its year is in the
    plan's year; a plan across two calendar years needs the year written."""
    raw = _normalise(text)
    found = _dated_period(raw, text)
    if found is not None:
        return found
    for pattern in YEARLESS_PATTERNS:
        match = pattern.match(raw)
        if match:
            return _in_plan_year(plan, text,
                                 _span_end(text, match.group(1) or "", match.group(2)))
    raise KpiError(Msg.BAD_PERIOD_TEXT(text=text))


def _dated_period(raw: str, text: str) -> Period | None:
    """A period that gives its year, or None."""
    for pattern in PERIOD_PATTERNS:
        match = pattern.match(raw)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            return Period(year, month) if 1 <= month <= 12 else None
    for pattern in QUARTER_PATTERNS:
        match = pattern.match(raw)
        if match:
            q = match.group(2)
            quarter = QUARTER_NUMERALS.get(q) or int(q)
            return Period(int(match.group(1)), quarter * 3)
    match = DATED_SPAN_PATTERN.match(raw)
    if match:
        return Period(int(match.group(1)), _span_end(text, match.group(2), match.group(3)))
    return None


def _span_end(text: str, first: str, last: str) -> int:
    """The month a figure runs to: `last`, once `first` (empty for a single month) starts
    the year. A period is a month or a year-to-date span from January, never March to
    May."""
    month = int(last)
    if not 1 <= month <= 12:
        raise KpiError(Msg.BAD_PERIOD_TEXT(text=text))
    if first and int(first) != 1:
        raise KpiError(Msg.PERIOD_SPAN_NOT_YTD(text=text, first=int(first), last=month))
    return month


def _in_plan_year(plan: Plan, text: str, month: int) -> Period:
    """`month` of the plan's calendar year; a plan across two years cannot tell which."""
    first, last = plan.first_period, plan.last_period
    if first.year == last.year:
        return Period(first.year, month)
    inside = [p for p in (Period(y, month) for y in range(first.year, last.year + 1))
              if plan.contains(p)]
    example = inside[0] if inside else last
    raise KpiError(Msg.PERIOD_NEEDS_YEAR(text=text, first=first, last=last, example=example))


def is_unread_period(exc: KpiError) -> bool:
    """Whether `parse_period` failed to read the text at all (a date may still be meant),
    rather than reading it and refusing it."""
    return exc.msg.id is Msg.BAD_PERIOD_TEXT


def parse_date(text: str) -> dt.date:
    """A calendar date: 2025-06-30, 2025/6/30, the Chinese year-month-day form, 30 June
    2025, …"""
    raw = _normalise(text)
    raw = DATE_MARKS.sub(r"\1-", raw).replace(DATE_DAY_MARK, "").strip("-")
    if not re.search(r"\d{1,2}\D+\d{1,2}\D+\d{2,4}|\d{4}\D+\d{1,2}\D+\d{1,2}|^\d{8}$", raw) \
            and not re.search(r"[A-Za-z]{3,}", raw):
        raise KpiError(Msg.BAD_DATE_TEXT(text=text))
    # dateutil takes 50 ms to import: only a date typed by hand needs it.
    from dateutil import parser as date_parser

    try:
        day: dt.date = date_parser.parse(raw, yearfirst=True, dayfirst=False).date()
    except (ValueError, OverflowError) as exc:
        raise KpiError(Msg.BAD_DATE_TEXT(text=text)) from exc
    return day


def parse_month_or_date(text: str, plan: Plan, today: dt.date
                        ) -> tuple[Period, dt.date | None]:
    """For --as-of: `today`, a month (its end is the day; one written without its year is
    in the plan's year), or a full date."""
    raw = _normalise(text).lower()
    if raw in TODAY_WORDS:
        return Period.of(today), today
    try:
        return parse_period(raw, plan), None
    except KpiError as exc:
        if not is_unread_period(exc):
            raise
    try:
        day = parse_date(raw)
    except KpiError:
        raise KpiError(Msg.BAD_AS_OF_TEXT(text=text)) from None
    return Period.of(day), day


def split_unit(unit: str) -> tuple[int, str]:
    """A unit's magnitude and its base: hundred million yuan is (10**8, yuan), ten thousand
    people is (10**4, people), a unit with no magnitude is (1, the unit)."""
    unit = _normalise(unit)
    for prefix, factor in MAGNITUDES:
        if unit.startswith(prefix):
            return factor, unit[len(prefix):].strip()
    return 1, unit


def check_number(value: object, what: str | Message = "value") -> float:
    """A finite number within range; `what` names it in a message (a field name, or a
    `Message` such as the figure as typed)."""
    if isinstance(value, str) and _NUMBER_TEXT.match(value.strip()):
        raise KpiError(Msg.NUMBER_IN_QUOTES(name=what, text=value.strip()))
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise KpiError(Msg.NOT_NUMBER(name=what, type=value_kind(value)))
    if math.isnan(value) or math.isinf(value):
        raise KpiError(Msg.NOT_FINITE(name=what, value=value))
    if abs(value) > MAX_ABS_VALUE:
        raise KpiError(Msg.TOO_LARGE(name=what, value=value, limit=MAX_ABS_VALUE))
    return value  # an int stays an int, so JSON shows 620 as written


def value_kind(value: object) -> Message:
    """What a value in a file is, in words: text, true or false, a date, a list…"""
    if isinstance(value, bool):
        return Word.VALUE_BOOL()
    if isinstance(value, str):
        return Word.VALUE_TEXT()
    if isinstance(value, dt.date | dt.time):
        return Word.VALUE_DATE()
    if isinstance(value, list):
        return Word.VALUE_LIST()
    if isinstance(value, dict):
        return Word.VALUE_TABLE()
    return Word.VALUE_OTHER()


def parse_value(text: str, target_unit: str = "") -> float:
    """A figure as typed, converted into the target's unit: 35 million (typed with the
    magnitude for ten thousand) is 0.35 for a target in hundreds of millions."""
    raw = _normalise(text).replace(",", "").replace("_", "").replace(" ", "")
    match = _NUMBER.match(raw)
    if not match:
        raise KpiError(Msg.BAD_FIGURE(text=text))
    try:
        number = Decimal(match.group(1))
    except InvalidOperation:
        raise KpiError(Msg.BAD_FIGURE(text=text)) from None
    suffix = match.group(2)
    target_factor, target_base = split_unit(target_unit)
    # A bare number is already in the target's unit; a magnitude converts.
    factor, base = split_unit(suffix) if suffix else (target_factor, target_base)
    if base and base != target_base:
        wanted = target_unit or Msg.PLAIN_NUMBER()
        raise KpiError(Msg.FIGURE_WRONG_UNIT(text=text, unit=suffix, wanted=wanted))
    if number.is_nan() or abs(number.adjusted()) > 30:
        raise KpiError(Msg.FIGURE_OUT_OF_RANGE(text=text))
    value = float(number * factor / target_factor)
    return check_number(value, Msg.FIGURE_NAMED(text=text))
