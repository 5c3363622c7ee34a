"""Markdown a person can paste into a meeting paper."""

from __future__ import annotations

from ..core.model import STATUS_ORDER, Status
from ..core.report import ReportRow, StatusReport
from ..i18n.reports import Say
from ..i18n.words import (
    Word,
    count_items,
    joined,
    month_heading,
    month_name,
    numbered,
    section_number,
    status_label,
    word,
)
from . import safe
from .cells import headline, human_cells, missing_cells
from .columns import (
    CHANGE_COLUMNS,
    CLOSED_COLUMNS,
    LATE_COLUMNS,
    MD_COLUMNS,
    MISSING_COLUMNS,
    RED_COLUMNS,
    RIGHT,
    STATUS_EMOJI,
    with_month,
)
from .legend import legend_items
from .owners import owners_markdown


def _status_cell(status: Status, lang: str) -> str:
    return f"{STATUS_EMOJI[status]} {status_label(status, lang)}"


def md_table(rows: list[ReportRow], lang: str, columns: tuple[str, ...] = MD_COLUMNS
             ) -> list[str]:
    columns = with_month(columns, rows)
    head = "| " + " | ".join(word(c, lang) for c in columns) + " |"
    rule = "|" + "|".join("---:" if c in RIGHT else "---" for c in columns) + "|"
    lines = [head, rule]
    for row in rows:
        cells = human_cells(row, lang)
        cells["status"] = cells["current"] = f"{STATUS_EMOJI[row.status]} {cells['status']}"
        if row.previous is not None:
            cells["previous"] = _status_cell(row.previous, lang)
        lines.append("| " + " | ".join(safe.markdown(cells.get(c, "")) for c in columns) + " |")
    return lines


def status_markdown(report: StatusReport, lang: str) -> str:
    """`status --format md`: the heading and one table."""
    heading = month_heading(str(report.as_of.period), lang)
    lines = [f"## {safe.markdown(report.plan.title)} {heading}", ""]
    lines += md_table(list(report.rows), lang)
    return "\n".join(lines) + "\n"


def report_markdown(report: StatusReport, lang: str) -> str:
    """`export`: headline, red list, colour changes, one table per section, legend."""
    rows = list(report.rows)
    title = safe.markdown(report.plan.title)
    heading = month_heading(str(report.as_of.period), lang)
    out = ["# " + Say.REPORT_TITLE.text(lang, title=title, as_of=heading), ""]
    examples = sum(1 for r in rows if r.ev.example)
    if examples:
        out += [f"> **{word('example_note', lang)}** "
                + Say.EXAMPLES_COUNT.text(lang, examples=examples, total=len(rows)), ""]
    out += [_headline(report, lang), ""]

    red = sorted((r for r in rows if r.status is Status.RED), key=lambda r: r.ev.gap or 0.0)
    closed = [r for r in rows if r.supervision == "closed"]
    changed = [r for r in rows if r.change]
    late = report.late()
    missing = missing_cells(report, lang)
    since = month_name(str(report.as_of.period.shifted(-1)), lang)
    sections = [
        (word("red_list", lang), count_items(len(red), lang),
         md_table(red, lang, RED_COLUMNS) if red else [word("no_red", lang)]),
        (word("closed_list", lang), count_items(len(closed), lang),
         md_table(closed, lang, CLOSED_COLUMNS) if closed else [word("no_closed", lang)]),
        (word("changes", lang), Say.CHANGES_COUNT.text(lang, since=since, n=len(changed)),
         md_table(changed, lang, CHANGE_COLUMNS) if changed else [word("no_changes", lang)]),
        (word("late_list", lang), count_items(len(late), lang),
         md_table(late, lang, LATE_COLUMNS) if late else [word("no_late", lang)]),
        (word("missing_list", lang),
         count_items(sum(len(rows) for rows in report.missing().values()), lang),
         _missing_table(missing, lang) if missing else [word("no_missing", lang)]),
        (word("league", lang), "", owners_markdown(report, lang)),
    ]
    for number, (heading, count, body) in enumerate(sections, start=1):
        out += [f"## {numbered(number, heading, lang)}{count}", "", *body, ""]

    out += [f"## {numbered(len(sections) + 1, word('by_section', lang), lang)}", ""]
    for index, (section, members) in enumerate(report.by_section().items(), start=1):
        name = safe.markdown(section or word("no_section", lang))
        out += [f"### {section_number(index, lang)}{name}", ""]
        out += md_table(members, lang)
        out.append("")

    out += [f"## {numbered(len(sections) + 2, word('legend', lang), lang)}", ""]
    out += _legend(report, lang)
    return "\n".join(out) + "\n"


def _missing_table(cells: list[dict[str, str]], lang: str) -> list[str]:
    lines = ["| " + " | ".join(word(c, lang) for c in MISSING_COLUMNS) + " |",
             "|" + "|".join("---:" if c in RIGHT else "---" for c in MISSING_COLUMNS) + "|"]
    return lines + ["| " + " | ".join(safe.markdown(row[c]) for c in MISSING_COLUMNS) + " |"
                    for row in cells]


def _headline(report: StatusReport, lang: str) -> str:
    parts = [f"{STATUS_EMOJI[s]} {status_label(s, lang)} "
             + Word.ITEMS.text(lang, n=report.summary.get(s, 0)) for s in STATUS_ORDER]
    counts = joined(parts, lang)
    return "**" + headline(report, counts, lang) + "**"


def _legend(report: StatusReport, lang: str) -> list[str]:
    lines = []
    for status, text in legend_items(report, lang):
        label = f"{STATUS_EMOJI[status]} " if status else ""
        # A leading `*` would open a nested list.
        lines.append(f"- {label}{text}" if not text.startswith("*") else f"- \\{text}")
    return lines
