"""Pure readings of a target's month-end statuses: streaks, changes, recent trend."""

from __future__ import annotations

from collections.abc import Sequence

from .model import MonthStatus, Status
from .period import Period

TREND_MONTHS = 6  # the sparkline covers the as-of month and the five before it


def red_streak(months: Sequence[MonthStatus]) -> int:
    """How many months in a row, ending at the as-of month, the target has been red."""
    count = 0
    for month in reversed(months):
        if month.status is not Status.RED:
            break
        count += 1
    return count


def red_since(months: Sequence[MonthStatus]) -> Period | None:
    """The month the current red run began, or None if the target is not red."""
    streak = red_streak(months)
    return months[-streak].period if streak else None


def previous_status(months: Sequence[MonthStatus]) -> Status | None:
    """The status at the end of the month before the as-of month."""
    return months[-2].status if len(months) >= 2 else None


def change(months: Sequence[MonthStatus]) -> str | None:
    """`better`, `worse` or `changed` (to or from no data) since last month; None if the same."""
    before = previous_status(months)
    if before is None or not months or before is months[-1].status:
        return None
    now = months[-1].status
    if Status.NONE in (before, now):
        return "changed"
    return "better" if now.severity < before.severity else "worse"


NEW, CONTINUING, CLOSED = "new", "continuing", "closed"


def supervision(months: Sequence[MonthStatus]) -> str | None:
    """The target's place on the supervision list, against the month before:
    `new` (red now, not then; also in the plan's first month), `continuing` (red both
    months), `closed` (red then, not now: struck off the list), or None."""
    if not months:
        return None
    now, before = months[-1].status, previous_status(months)
    if now is Status.RED:
        return CONTINUING if before is Status.RED else NEW
    return CLOSED if before is Status.RED else None


def recent(months: Sequence[MonthStatus], count: int = TREND_MONTHS) -> list[float | None]:
    """The trend values of the last `count` months, oldest first."""
    return [m.trend_value for m in months[-count:]]


_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """One character per month on a fixed 0–100% scale, so rows compare; `·` has no value."""
    out = []
    for value in values:
        if value is None:
            out.append("·")
            continue
        level = int(max(0.0, min(value, 100.0)) / 100.0 * (len(_BARS) - 1) + 0.5)
        out.append(_BARS[level])
    return "".join(out)
