"""Rich terminal tables. User text goes in as Text, so it is never read as markup."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..labels import STATUS_SHORT, STATUS_STYLE, month_heading, status_label, word
from ..model import STATUS_ORDER, Plan, Status
from ..report import ReportRow, StatusReport
from . import text as safe
from .console import fit
from .rows import human_cells, signed, value_text

_NUMERIC = {"target", "actual", "completion", "time_progress", "gap", "forecast",
            "red_months"}
STATUS_COLUMNS = ("status", "change", "name", "target", "actual", "period", "completion",
                  "time_progress", "gap", "trend", "red_months", "forecast")
_NO_WRAP = {"status", "change", "period", "trend", "red_months"}


def _status_text(status: Status, lang: str) -> Text:
    return Text(status_label(status, lang), style=STATUS_STYLE[status])


def status_table(report: StatusReport, lang: str) -> Group:
    title = f"{safe.plain(report.plan.title)}  {month_heading(str(report.as_of.period), lang)}"
    table = Table(title=title, title_justify="left", show_lines=False, pad_edge=False)
    for key in STATUS_COLUMNS:
        justify = "right" if key in _NUMERIC else "left"
        table.add_column(word(key, lang), justify=justify, no_wrap=key in _NO_WRAP,
                         overflow="fold")
    for index, (section, rows) in enumerate(report.by_section().items()):
        if index:
            table.add_section()
        table.add_row(Text(""), Text(""), Text(safe.plain(section or word("no_section", lang)),
                                               style="bold"))
        for row in rows:
            _add_status_row(table, row, lang)
    return Group(table, legend(report, lang))


def _add_status_row(table: Table, row: ReportRow, lang: str) -> None:
    cells = human_cells(row, lang)
    status = row.status
    rendered = [_status_text(status, lang)]
    for key in STATUS_COLUMNS[1:]:
        style = STATUS_STYLE[status] if key in ("gap", "trend") else ""
        rendered.append(Text(safe.plain(cells[key]), style=style))
    table.add_row(*rendered)


def legend(report: StatusReport, lang: str) -> Text:
    """Legend and counts: colour never carries the meaning alone."""
    plan = report.plan
    pace = plan.bands.pace
    edges = {
        Status.BLUE: f"≥{signed(pace.blue)}",
        Status.GREEN: f"{signed(pace.green)}~{signed(pace.blue)}",
        Status.YELLOW: f"{signed(pace.yellow)}~{signed(pace.green)}",
        Status.RED: f"<{signed(pace.yellow)}",
        Status.NONE: "",
    }
    out = Text()
    out.append(f"{word('legend', lang)}: ")
    for status in STATUS_ORDER:
        out.append(status_label(status, lang), style=STATUS_STYLE[status])
        if edges[status]:
            out.append(f" {edges[status]}")
        out.append("  ")
    diff = plan.bands.difference
    kinds = "增速/保持类" if lang == "zh" else "growth/threshold"
    out.append(f"\n{kinds}: ≥{signed(diff.blue)} / {signed(diff.green)}~{signed(diff.blue)} / "
               f"{signed(diff.yellow)}~{signed(diff.green)} / <{signed(diff.yellow)}\n")
    counts = "  ".join(f"{STATUS_SHORT[lang][s]} {report.summary.get(s, 0)}"
                       for s in STATUS_ORDER)
    out.append(f"{word('count', lang)}: {counts}  ({len(report.rows)})\n")
    out.append(f"{word('change_note', lang)}   {word('trend_note', lang)}\n", style="dim")
    out.append(f"{word('stale_note', lang)}   {word('assumed_note', lang)}", style="dim")
    if report.has_examples:
        out.append(f"\n{word('example_note', lang)}", style="bold")
    return out


def print_fitted(console: Console, renderable) -> None:
    """Print, giving a pipe or file the width a wide table needs."""
    fit(console)
    console.print(renderable)


def print_status(console: Console, report: StatusReport, lang: str) -> None:
    print_fitted(console, status_table(report, lang))


def targets_table(plan: Plan, targets: list, lang: str) -> Table:
    from ..labels import kind_name

    table = Table(title=safe.plain(plan.title), title_justify="left", pad_edge=False)
    for key in ("id", "name", "kind", "target", "section", "owner"):
        table.add_column(word(key, lang), justify="right" if key == "target" else "left")
    for t in targets:
        goal = str(t.due or plan.end) if t.kind.value == "milestone" else \
            value_text(t.target, t, lang)
        table.add_row(*(Text(safe.plain(v)) for v in (
            t.id, t.name, kind_name(t.kind.value, lang), goal, t.section, t.owner)))
    return table

