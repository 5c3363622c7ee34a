"""Which columns each report shows, which of them are numbers, and the status colours:
shared by every format, so they cannot disagree."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.model import Status
from ..core.report import ReportRow

# A report's section table, its red list, its closed items and its colour changes.
MD_COLUMNS = ("status", "change", "name", "target", "last_year", "actual", "period",
              "completion", "time_progress", "gap", "trend", "owner")
RED_COLUMNS = ("name", "owner", "supervision", "completion", "time_progress", "gap",
               "red_months", "needed", "answer")
CLOSED_COLUMNS = ("name", "owner", "previous", "current", "gap", "answer")
CHANGE_COLUMNS = ("name", "owner", "previous", "current", "gap")
# Late reports (逾期未报): whose latest figure is out of date, and what it still shows.
LATE_COLUMNS = ("name", "owner", "period", "actual", "status")
# One row per target, every column: the CSV. Columns are added at the end, so a script
# reading them by place keeps working; the figures are bare numbers, their unit apart.
CSV_COLUMNS = ("id", "status", "section", "name", "kind", "target", "last_year", "actual",
               "period", "completion", "time_progress", "gap", "forecast", "needed_per_month",
               "red_months", "change", "owner", "example", "unit", "gap_signed",
               "supervision", "answer_reason", "answer_measures", "baseline_note")
# The workbook, to read and to print: the name first, the answer beside the figures, the
# id (for scripts) last.
XLSX_COLUMNS = ("name", "status", "supervision", "owner", "target", "actual", "period",
                "completion", "time_progress", "gap", "forecast", "needed_per_month",
                "red_months", "change", "last_year", "answer_reason", "answer_measures",
                "section", "kind", "example", "id")
MONTH_COLUMNS = ("month_actual", "month_task")


def with_month(columns: tuple[str, ...], rows: Sequence[ReportRow]) -> tuple[str, ...]:
    """`columns`, with the month's figure and task after `actual` when any row is judged
    by the month (`basis = "month"`)."""
    if "actual" not in columns or not any(r.ev.month_task is not None for r in rows):
        return columns
    at = columns.index("actual") + 1
    return (*columns[:at], *MONTH_COLUMNS, *columns[at:])


# The units side by side (晾晒).
OWNER_COLUMNS = ("rank", "owner", "blue", "green", "yellow", "red", "none", "total",
                 "on_track", "missing")
OWNER_NUMBERS = frozenset({"rank", "blue", "green", "yellow", "red", "none", "total",
                           "on_track", "missing"})
# The units that have not reported the as-of month's figures (未按时报送).
MISSING_COLUMNS = ("owner", "missing", "missing_targets")
# Columns aligned right: figures and computed numbers.
RIGHT = frozenset({"target", "last_year", "actual", "completion", "time_progress", "gap",
                   "forecast", "red_months", "needed", *MONTH_COLUMNS}) | OWNER_NUMBERS
# Computed numbers (ours, not user text): a leading minus is a sign, not a formula.
NUMBERS = frozenset({"completion", "time_progress", "gap", "forecast", "needed_per_month",
                     "red_months"})

# Light fills that print well and keep black text readable (workbook, Word, HTML).
FILLS = {Status.BLUE: "9BC2E6", Status.GREEN: "A9D08E", Status.YELLOW: "FFE699",
         Status.RED: "FF8B8B", Status.NONE: "D9D9D9"}
# The Markdown's colour marks, beside each label.
STATUS_EMOJI = {Status.BLUE: "🔵", Status.GREEN: "🟢", Status.YELLOW: "🟡", Status.RED: "🔴",
                Status.NONE: "⚪"}
