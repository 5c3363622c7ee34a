"""`kpitrack init`: a new workspace from the commented template or from another plan."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from ..core.errors import KpiError, Problem
from ..i18n.base import LANGS
from ..i18n.messages import Msg
from .files import read_file
from .find import ACTUALS_DIR, TARGETS_FILE, display_path
from .git import write_git_files
from .targets_file import targets_from_bytes

# The commented targets.toml `init` writes, one per language (templates/targets.<lang>.toml);
# `{year}` in it is the plan's year.
TEMPLATES = "templates"


def template(lang: str, year: int) -> str:
    """The commented targets.toml for a new plan of `year`, its comments in `lang` (zh or
    en; Chinese for any other)."""
    name = f"targets.{lang if lang in LANGS else 'zh'}.toml"
    folder = resources.files("kpitrack.workspace").joinpath(TEMPLATES)
    text = folder.joinpath(name).read_text(encoding="utf-8")
    return text.replace("{year}", str(year))


def init_workspace(directory: Path, year: int, source: Path | None = None,
                   new_year: int | None = None, lang: str = "zh") -> Path:
    """Create targets.toml and actuals/ in `directory`; never overwrite a file.

    Without `source`, targets.toml is the commented template in `lang`. With `source` (a
    targets file or a workspace folder) its plan and targets are copied, comments and
    all; `new_year` moves the copy to another year.
    """
    text = template(lang, year) if source is None else copied_targets(source, new_year)
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
    data = read_file(source)
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
