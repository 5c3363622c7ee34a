"""An office's colour rules as `targets.toml` writes them: `[bands]` for the plan,
`[sections."NAME".bands]` for a section, a target's own `bands`; each level overrides the
keys it gives. Every contradiction is an error at its line."""

from __future__ import annotations

from typing import Any

from ..core.model import (
    RATIO_PACE,
    Bands,
    Basis,
    Escalation,
    Kind,
    Measure,
    MilestoneBands,
    PaceBands,
    Status,
)
from ..i18n.messages import Msg
from .fields import Collector, days_field, enum_field, number_field, table_field

PACE_KEYS = ("blue", "green", "yellow")
MILESTONE_KEYS = ("warn_days", "early_days", "warn_share")
# What a plan's or a section's `bands` may hold; a target's may also hold the milestone
# keys at its top (`bands = { warn_days = 10 }`), and for a rate its edges are the
# difference bands.
RULE_KEYS = {*PACE_KEYS, "measure", "basis", "stale", "escalate", "difference", "milestone"}
_COLOURS = {"blue": Status.BLUE, "green": Status.GREEN, "yellow": Status.YELLOW,
            "red": Status.RED}
_STALE_CAPS = {"yellow": Status.YELLOW, "red": Status.RED}


def pace_bands(c: Collector, table: dict[str, Any], base: PaceBands, *path: object,
               target: str | None = None, measured: bool = True) -> PaceBands:
    """The edges, and (when `measured`) the measure, over `base`. A scheme that turns to
    a ratio starts from the ratio defaults, not from the points edges."""
    measure = base.measure
    if measured and "measure" in table:
        measure = enum_field(c, Measure, table["measure"], "measure", *path, "measure",
                             target=target)
    if measure is not base.measure:
        base = RATIO_PACE if measure is Measure.RATIO else Bands().pace
    blue: float | None = base.blue
    if "blue" in table:
        raw = table["blue"]
        blue = None if raw is False else number_field(c, raw, Msg.BLUE_EDGE(), *path, "blue",
                                                      target=target)
    green, yellow = (number_field(c, table.get(key, getattr(base, key)), Msg.BAND_EDGE(key=key),
                                  *path, key, target=target) for key in ("green", "yellow"))
    if not (blue is None or blue >= green) or not green >= yellow:
        c.fail(Msg.BAND_ORDER(), *path, target=target)
    if measure is Measure.RATIO and yellow < 0:
        c.fail(Msg.RATIO_EDGE_NEGATIVE(), *path, "yellow", target=target)
    return PaceBands(blue, green, yellow, measure)


def milestone_bands(c: Collector, data: dict[str, Any], base: MilestoneBands, *path: object,
                    target: str | None = None) -> MilestoneBands:
    warn, early = (days_field(c, data.get(key, getattr(base, key)), key, *path, key,
                              target=target) for key in ("warn_days", "early_days"))
    share = base.warn_share
    if "warn_share" in data:
        share = number_field(c, data["warn_share"], "warn_share", *path, "warn_share",
                             target=target)
        if not 0 < share < 100:
            c.fail(Msg.BAD_WARN_SHARE(), *path, "warn_share", target=target)
    return MilestoneBands(warn, early, share)


def _stale_cap(c: Collector, table: dict[str, Any], base: Status | None, *path: object,
               target: str | None = None) -> Status | None:
    """`stale = "yellow"` or `"red"`: the best colour a target with an out-of-date figure
    may show; `false` keeps the colour its figures give."""
    if "stale" not in table:
        return base
    raw = table["stale"]
    if raw is False:
        return None
    cap = _STALE_CAPS.get(raw) if isinstance(raw, str) else None
    if cap is None:
        c.error(Msg.BAD_STALE_CAP(), *path, "stale", target=target)
    return cap


def _escalations(c: Collector, raw: object, months_in_plan: int, *path: object,
                 target: str | None = None) -> tuple[Escalation, ...]:
    """`[[bands.escalate]]`: from, months, to; a rule may only make a colour worse."""
    if not isinstance(raw, list) or not all(isinstance(rule, dict) for rule in raw):
        c.fail(Msg.ESCALATE_NOT_TABLES(), *path, "escalate", target=target)
    out = []
    for index, rule in enumerate(raw):
        where = (*path, "escalate", index)
        for key in sorted(set(rule) - {"from", "months", "to"}):
            c.error(Msg.UNKNOWN_ESCALATE_FIELD(key=key), *where, key, target=target)
        colours = []
        for key in ("from", "to"):
            colour = _COLOURS.get(rule.get(key)) if isinstance(rule.get(key), str) else None
            if colour is None:
                c.fail(Msg.ESCALATE_COLOUR(key=key), *where, key, target=target)
            colours.append(colour)
        months = rule.get("months")
        if isinstance(months, bool) or not isinstance(months, int) or \
                not 1 <= months <= months_in_plan:
            c.fail(Msg.ESCALATE_MONTHS(n=months_in_plan), *where, "months", target=target)
        source, to = colours
        if to.severity <= source.severity:
            c.fail(Msg.ESCALATE_BETTER(source=source.value, to=to.value), *where, "to",
                   target=target)
        out.append(Escalation(source, months, to))
    return tuple(out)


def rules_table(c: Collector, table: dict[str, Any], base: Bands, months_in_plan: int,
                *path: object, target: str | None = None) -> Bands:
    """A plan's or a section's `bands` over `base`."""
    for key in sorted(set(table) - RULE_KEYS):
        c.error(Msg.UNKNOWN_BANDS_FIELD(key=key), *path, key, target=target)
    difference = table_field(c, table.get("difference", {}), Msg.PACE_BANDS_NOT_TABLE(),
                             *path, "difference", target=target)
    if table.get("blue") is False and "blue" not in difference:
        difference = {**difference, "blue": False}  # three colours: nothing is blue
    milestone = table_field(c, table.get("milestone", {}), Msg.MILESTONE_BANDS_NOT_TABLE(),
                            *path, "milestone", target=target)
    return Bands(
        pace_bands(c, table, base.pace, *path, target=target),
        pace_bands(c, difference, base.difference, *path, "difference", target=target,
                   measured=False),
        milestone_bands(c, milestone, base.milestone, *path, "milestone", target=target),
        _stale_cap(c, table, base.stale, *path, target=target),
        enum_field(c, Basis, table["basis"], "basis", *path, "basis", target=target)
        if "basis" in table else base.basis,
        _escalations(c, table["escalate"], months_in_plan, *path, target=target)
        if "escalate" in table else base.escalate)


def target_rules(c: Collector, raw: object, base: Bands, kind: Kind, months_in_plan: int,
                 *path: object, target: str) -> Bands:
    """A target's own `bands` over its section's or the plan's rules. For a growth or
    threshold target its edges are the difference bands; for the others the pace bands,
    and the milestone keys may sit at its top."""
    table = table_field(c, raw, Msg.TARGET_BANDS_NOT_TABLE(), *path, target=target)
    known = RULE_KEYS | set(MILESTONE_KEYS)
    for key in sorted(set(table) - known):
        c.error(Msg.UNKNOWN_BAND_EDGE(key=key), *path, key, target=target)
    rules = rules_table(c, {k: v for k, v in table.items() if k in RULE_KEYS}, base,
                        months_in_plan, *path, target=target)
    if kind in (Kind.GROWTH, Kind.THRESHOLD):
        edges = {k: v for k, v in table.items() if k in PACE_KEYS}
        return Bands(base.pace, pace_bands(c, edges, base.difference, *path, target=target,
                                           measured=False),
                     rules.milestone, rules.stale, rules.basis, rules.escalate)
    top = {k: v for k, v in table.items() if k in MILESTONE_KEYS}
    milestone = milestone_bands(c, top, rules.milestone, *path, target=target) if top \
        else rules.milestone
    return Bands(rules.pace, rules.difference, milestone, rules.stale, rules.basis,
                 rules.escalate)


def check_catch_up(c: Collector, catch_up: bool, bands: list[Bands]) -> None:
    """`catch_up` reads months judged on their own task: it needs `basis = "month"`."""
    if catch_up and not any(b.basis is Basis.MONTH for b in bands):
        c.warn(Msg.CATCH_UP_NEEDS_MONTH(), "supervision", "catch_up")
