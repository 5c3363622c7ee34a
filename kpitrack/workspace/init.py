"""`kpitrack init`: a new workspace from the commented template or from another plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.errors import KpiError, Problem
from ..i18n.messages import Msg
from .find import ACTUALS_DIR, TARGETS_FILE, display_path
from .git import write_git_files
from .targets_file import targets_from_bytes

TEMPLATE = '''\
# kpitrack targets. Every field is explained below; delete what you do not need.
# Check the file with `kpitrack check`; see the README for the full format.
schema = 1

[plan]
title = "年度重点工作目标"      # shown at the top of every report
year = {year}                 # calendar year; or: start = {year}-01-01 and end = {year}-12-31
source = ""                   # the document the targets come from
lang = "zh"                   # label language: zh or en

[bands]                       # pace bands: gap = completion − time progress, in points
blue = 10.0                   # gap >= 10          -> 蓝色·超前示范
green = -5.0                  # -5 <= gap < 10     -> 绿色·推进正常
yellow = -15.0                # -15 <= gap < -5    -> 黄色·超期预警; below -> 红色·滞后督办

[bands.difference]            # growth and threshold targets: gap = figure − target
blue = 2.0
green = 0.0
yellow = -1.0

[bands.milestone]
warn_days = 30                # not done and due within 30 days -> yellow; past due -> red
early_days = 30               # done at least 30 days early -> blue

# One table per target: [targets.<id>], the id made of letters, digits, _ and -.
[targets.example_investment]
name = "年度投资"              # what people call it
kind = "cumulative"           # cumulative | level | growth | threshold | milestone
target = 620                  # the annual figure, in `unit`
unit = "亿元"
section = "扩大有效需求"        # grouping in reports
report = "ytd"                # ytd: each figure is the year-to-date total; increment: they add up
owner = "发展改革局"            # responsible unit
quote = ""                    # the source's own words
# direction = "up"            # up: more is better; down: a ceiling
# frequency = "monthly"       # monthly | quarterly | yearly: how often figures are due
# schedule = {{ "3" = 15, "6" = 45, "9" = 75, "12" = 100 }}   # planned cumulative %, by month
# last_year = 571             # last year's actual, for context
# bands = {{ green = -3 }}      # override band edges for this target

[targets.example_firms]
name = "高新技术企业"
kind = "level"                # a count that stands at some level: figures are the level itself
target = 700
unit = "家"
baseline = 620                # the level at the start of the year; completion counts the rise
section = "科技创新"

[targets.example_growth]
name = "社会消费品零售总额增速"
kind = "growth"               # the figure is the year-to-date growth in %: 4.8 means +4.8%
target = 5
unit = "%"
section = "扩大有效需求"

[targets.example_satisfaction]
name = "群众满意率"
kind = "threshold"            # a rate that must be held every period
target = 95
unit = "%"

[targets.example_lab]
name = "实验室挂牌"
kind = "milestone"            # record it with `kpitrack add example_lab --done`
due = {year}-12-31
'''


def init_workspace(directory: Path, year: int, source: Path | None = None,
                   new_year: int | None = None) -> Path:
    """Create targets.toml and actuals/ in `directory`; never overwrite a file.

    With `source` (a targets file or a workspace folder) its plan and targets are
    copied, comments and all; `new_year` moves the copy to another year.
    """
    text = TEMPLATE.format(year=year) if source is None else copied_targets(source, new_year)
    if directory.exists() and not directory.is_dir():
        raise KpiError(Msg.DIR_IS_FILE(path=directory))
    path = directory / TARGETS_FILE
    if path.exists():
        raise KpiError(Msg.ALREADY_EXISTS(path=display_path(path)))
    directory.mkdir(parents=True, exist_ok=True)
    (directory / ACTUALS_DIR).mkdir(exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except FileExistsError:
        raise KpiError(Msg.ALREADY_EXISTS(path=display_path(path))) from None
    write_git_files(directory)
    return path


def copied_targets(source: Path, new_year: int | None = None) -> str:
    """Another plan's targets file, checked; for `new_year`, its dates moved to that year.

    Moving a plan to a new year moves the plan's year (or start and end), each
    milestone's due date and the year in the title, and drops `last_year`, which
    described the year before the old plan. Target values are kept for the user to edit.
    """
    if source.is_dir():
        source = source / TARGETS_FILE
    shown = display_path(source)
    data = source.read_bytes()
    problems: list[Problem] = []
    plan, _ = targets_from_bytes(data, shown, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise KpiError(Msg.FIX_PLAN_FIRST(msg=errors[0].msg), errors[0].file, errors[0].line)
    if plan is None:
        raise KpiError(Msg.MISSING_PLAN(), shown)
    text = data.decode("utf-8-sig")
    if new_year is None or new_year == plan.start.year:
        return text
    moved = _moved(text, plan.start.year, new_year)
    targets_from_bytes(moved.encode("utf-8"), shown, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise KpiError(Msg.MOVING_PLAN(year=new_year, msg=errors[0].msg))
    return moved


def _moved(text: str, old_year: int, new_year: int) -> str:
    """A plan's text with its year, dates and title moved from `old_year` to `new_year`."""
    # tomlkit takes 60 ms to import: only `init --year` edits a plan.
    import tomlkit

    doc = tomlkit.parse(text)
    shift = new_year - old_year
    table = doc["plan"]
    if "year" in table:
        table["year"] = new_year
    for key in ("start", "end"):
        if key in table:
            table[key] = _shift_year(table[key], shift)
    if "title" in table:
        table["title"] = str(table["title"]).replace(str(old_year), str(new_year))
    for target in doc.get("targets", {}).values():
        if "due" in target:
            target["due"] = _shift_year(target["due"], shift)
        if "last_year" in target:
            del target["last_year"]
    return tomlkit.dumps(doc)


def _shift_year(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
