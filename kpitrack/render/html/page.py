"""One self-contained HTML page for the meeting: the report's tables and four charts.

Written with jinja2, escaping by default; styles inline; charts inline SVG (charts.py);
no script, font, image or style sheet is loaded from anywhere, so the file works mailed,
offline or on an intranet. Print styles: A4 landscape, table headers repeated on each
page, no row split across pages, charts kept whole. Every status cell has its colour and
its label, so the page reads in black and white.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core.model import RATE_KINDS, STATUS_ORDER, MonthStatus, Status
from ...core.report import ReportRow, StatusReport
from ...core.supervision import OwnerRow, league
from ...i18n.reports import Say
from ...i18n.words import (
    LANGUAGE_TAGS,
    Word,
    count_items,
    month_heading,
    month_name,
    numbered,
    section_number,
    status_label,
    word,
)
from ..cells import count_text, human_cells, missing_cells, owner_cells, value_text
from ..columns import (
    CHANGE_COLUMNS,
    CLOSED_COLUMNS,
    FILLS,
    LATE_COLUMNS,
    MD_COLUMNS,
    MISSING_COLUMNS,
    OWNER_COLUMNS,
    RED_COLUMNS,
    RIGHT,
    with_month,
)
from ..legend import legend_items
from . import charts

# A month-by-month chart for each red item, the furthest behind first, up to this many: a
# zone has a dozen, and a page of hundreds of charts (a city of 1,700 targets) is read by
# no one and takes a minute to draw. The page says how many more there are.
RED_CHARTS = 40

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ html_lang }}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
  "PingFang SC", "SimHei", sans-serif; margin: 1.5em; color: #111; line-height: 1.45; }
@media (max-width: 40em) { body { margin: .8em; } }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
.example { border: 2px solid #c00000; padding: .5em; font-weight: bold; }
.headline { font-weight: bold; }
.chip { display: inline-block; padding: .1em .5em; margin: 0 .4em .3em 0;
  border: 1px solid #888; border-radius: .3em; white-space: nowrap; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em;
  border: 1px solid #666; vertical-align: -.1em; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
th, td { border: 1px solid #999; padding: .2em .5em; vertical-align: top; }
th { background: #eee; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.status { white-space: nowrap; font-weight: bold; }
td.name { min-width: 9em; } td.text { min-width: 5em; } td.answer { min-width: 14em; }
td.keep { white-space: nowrap; }
{% for status, fill in fills %}.s-{{ status }} { background: #{{ fill }}; }
{% endfor %}
figure { margin: 1em 0; max-width: 40em; }
#chart-colours { max-width: 30em; }
figure.short { break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: .3em; }
figcaption .figs { font-weight: normal; white-space: nowrap; }
.key { font-size: .85em; color: #333; margin: .2em 0 .5em; }
.key .line { display: inline-block; width: 1.6em; height: 0; margin-right: .3em;
  vertical-align: .3em; border-top: 2px solid #cc3333; }
.key .line.plan { border-top: 2px dashed #222; }
.key .mark { display: inline-block; width: 2px; height: 1em; background: #222;
  margin: 0 .3em; vertical-align: -.15em; }
/* A chart's figures, for screen readers: a box of 1 px that clips its table (a table
   itself cannot be made narrower than its text, and would widen the page). */
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
.charts-red { display: grid; gap: 0 1.5em;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 24em), 1fr)); }
.charts-red figure { margin: .5em 0; }
.group { font-weight: bold; margin: 1em 0 0; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; }
  .scroll { overflow: visible; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, figcaption, .key, .group { break-after: avoid; page-break-after: avoid; }
  .key, figcaption { break-inside: avoid; page-break-inside: avoid; }
  .sr-only { display: none; }
}
</style>
</head>
<body>
<h1>{{ title }}</h1>
{% if example %}<p class="example">{{ example }}</p>{% endif %}
<p class="headline">{{ headline.lead }}{% for item in headline["items"] %}<span
 class="chip s-{{ item.status }}">{{ item.label }} {{ item.count }}</span>{% endfor %}</p>

{% macro data_table(caption, columns, rows) -%}
<div class="sr-only"><table><caption>{{ caption }}</caption>
<thead><tr>{% for c in columns %}<th>{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table></div>
{%- endmacro %}

{% macro status_table(table) -%}
{% if table.rows %}
<div class="scroll"><table>
<thead><tr>{% for c in table.columns %}<th>{{ c.label }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in table.rows %}{{ row }}
{% endfor %}</tbody>
</table></div>
{% else %}<p>{{ table.empty }}</p>{% endif %}
{%- endmacro %}

{% macro colour_key() -%}
<p class="key">{% for item in headline["items"] %}<span class="chip"><span
 class="swatch s-{{ item.status }}"></span>{{ item.label }}</span>{% endfor %}</p>
{%- endmacro %}

<figure id="chart-colours" class="short"><figcaption>{{ words.chart_colours }}</figcaption>
{% for svg in charts.colours %}{{ svg }}{% endfor %}
{{ data_table(words.chart_colours, colour_data.columns, colour_data.rows) }}
</figure>

{% for part in parts %}
<h2>{{ part.heading }}</h2>
{{ status_table(part.table) }}
{% if loop.first and red_charts %}
<p class="group">{{ words.chart_red }}</p>
<p class="key"><span class="line"></span>{{ words.history_line }}
<span class="line plan"></span>{{ words.history_plan }} {{ words.chart_dot }}</p>
{% if red_more %}<p>{{ red_more }}</p>{% endif %}
<div class="charts-red">
{% for chart in red_charts %}
<figure class="chart-red short" data-target="{{ chart.id }}">
<figcaption>{{ chart.name }} <span class="figs">{{ chart.figures }}</span></figcaption>
{{ chart.svg }}
{{ data_table(chart.name, chart.columns, chart.rows) }}
</figure>
{% endfor %}
</div>
{% endif %}
{% if loop.last %}
<figure id="chart-units"><figcaption>{{ words.chart_units }}</figcaption>
{{ colour_key() }}
{% for svg in charts.units %}{{ svg }}{% endfor %}
</figure>
{% endif %}
{% endfor %}

<h2>{{ words.sections }}</h2>
{% for section in sections %}
<h3>{{ section.heading }}</h3>
{% if section.chart %}
<figure class="chart-pace"><figcaption>{{ section.caption }}</figcaption>
<p class="key">{{ words.pace_axis }}</p>
{% for svg in section.chart %}{{ svg }}{% endfor %}
{{ data_table(section.name, section.data.columns, section.data.rows) }}
</figure>
{% endif %}
{{ status_table(section.table) }}
{% endfor %}

<h2>{{ words.legend }}</h2>
<ul>{% for status, item in legend %}<li>{% if status %}<span class="swatch s-{{ status
}}"></span>{% endif %}{{ item }}</li>{% endfor %}</ul>
</body>
</html>
"""

# A table cell's class by its column: numbers to the right, names and answers kept wide
# enough not to wrap a character a line on a phone (their table scrolls in its box).
CELL_CLASSES = {"name": "name", "answer": "answer", "owner": "text", "section": "text",
                "supervision": "keep", "period": "keep", "change": "keep",
                "missing_targets": "text"}


def _cell_class(column: str) -> str | None:
    return "num" if column in RIGHT else CELL_CLASSES.get(column)


def _row(key: str, cells: Sequence[tuple[str, str]]) -> str:
    """A table row: each cell's text escaped, its class (ours: a column's, a colour's)
    as it is. Written as a string, not by the template: a city's report has 20,000 rows."""
    from markupsafe import Markup, escape  # jinja2's own, loaded with it

    tds = "".join(f'<td class="{cls}">{escape(text)}</td>' if cls else f"<td>{escape(text)}</td>"
                  for cls, text in cells)
    return Markup(f'<tr data-target="{escape(key)}">{tds}</tr>')


def _table(rows: Sequence[ReportRow], columns: Sequence[str], lang: str,
           empty: str = "") -> dict[str, Any]:
    columns = with_month(tuple(columns), rows)
    classes = [_cell_class(c) or "" for c in columns]
    out = []
    for row in rows:
        human = human_cells(row, lang)
        human["current"] = human["status"]
        statuses = {"status": row.status, "current": row.status}
        if row.previous is not None:
            human["previous"] = status_label(row.previous, lang)
            statuses["previous"] = row.previous
        cells = [(f"status s-{statuses[c].value}" if c in statuses else cls, human.get(c, ""))
                 for c, cls in zip(columns, classes, strict=True)]
        out.append(_row(row.target.id, cells))
    return {"columns": [{"label": word(c, lang)} for c in columns], "rows": out,
            "empty": empty}


def _headline(report: StatusReport, lang: str) -> dict[str, Any]:
    """The count of targets, and a chip per colour in its colour, with its label."""
    lead = Say.HEADLINE_LEAD.text(lang, total=len(report.rows)) if report.of_total is None \
        else count_text(report, lang) + Say.LEAD_COLON.text(lang)
    return {"lead": lead,
            "items": [{"status": s.value, "label": status_label(s, lang),
                       "count": Word.ITEMS.text(lang, n=report.summary.get(s, 0))}
                      for s in STATUS_ORDER]}


def _sections(report: StatusReport, lang: str) -> list[dict[str, Any]]:
    """Each section: its chart of every target against the calendar (with the chart's
    figures as a table) and its table."""
    out = []
    columns = [word("name", lang), f"{word('completion', lang)} / {word('actual', lang)}",
               f"{word('time_progress', lang)} / {word('target', lang)}", word("status", lang)]
    for index, (name, members) in enumerate(report.by_section().items(), start=1):
        shown = name or word("no_section", lang)
        data = [[r.target.name, *charts.figures(r, lang), status_label(r.status, lang)]
                for r in members if charts.is_charted(r)]
        out.append({
            "heading": f"{section_number(index, lang)}{shown}", "name": shown,
            "caption": Say.CHART_PACE_CAPTION.text(lang, chart=word("chart_pace", lang),
                                                   section=shown),
            "chart": [_markup(svg) for svg in charts.pace_chart(members, lang)] if data else [],
            "data": {"columns": columns, "rows": data},
            "table": _table(members, MD_COLUMNS, lang)})
    return out


def _red_charts(red: Sequence[ReportRow], histories: Mapping[str, Sequence[MonthStatus]],
                lang: str) -> list[dict[str, Any]]:
    """The furthest-behind red items' month-by-month charts, with their figures."""
    out = []
    for r in red[:RED_CHARTS]:
        months = histories.get(r.target.id)
        if not months:
            continue
        rate = r.target.kind in RATE_KINDS
        columns = [word("month", lang), word("actual", lang) if rate else "%",
                   word("target", lang) if rate else word("time_progress", lang),
                   word("status", lang)]
        rows = [[str(m.period), value_text(m.actual, r.target, lang),
                 value_text(r.target.target, r.target, lang), status_label(m.status, lang)]
                if rate else [str(m.period), _pct(m.trend_value), _pct(m.time_progress),
                              status_label(m.status, lang)] for m in months]
        out.append({"id": r.target.id, "name": r.target.name, "columns": columns,
                    "figures": charts.figures_text(r, lang) if charts.is_charted(r) else "",
                    "rows": rows, "svg": _markup(charts.history_chart(r, months, lang))})
    return out


def part_headings(report: StatusReport, lang: str) -> list[str]:
    """The numbered headings of the report's parts, as the Markdown report writes them:
    the red list with its count first, … the sections seventh, the legend eighth."""
    rows = report.rows
    red = sum(1 for r in rows if r.status is Status.RED)
    since = month_name(str(report.as_of.period.shifted(-1)), lang)
    parts = [
        (word("red_list", lang), count_items(red, lang)),
        (word("closed_list", lang),
         count_items(sum(1 for r in rows if r.supervision == "closed"), lang)),
        (word("changes", lang), Say.CHANGES_COUNT.text(
            lang, since=since, n=sum(1 for r in rows if r.change))),
        (word("late_list", lang), count_items(len(report.late()), lang)),
        (word("missing_list", lang),
         count_items(sum(len(m) for m in report.missing().values()), lang)),
        (word("league", lang), ""),
        (word("by_section", lang), ""),
        (word("legend", lang), ""),
    ]
    return [numbered(n, heading, lang) + count for n, (heading, count) in
            enumerate(parts, start=1)]


def report_html(report: StatusReport, histories: Mapping[str, Sequence[MonthStatus]],
                lang: str) -> str:
    """The page; `histories` holds the month-end statuses from plan start of the red
    targets charted (the first RED_CHARTS of them, furthest behind first)."""
    heading = month_heading(str(report.as_of.period), lang)
    rows = list(report.rows)
    red = sorted((r for r in rows if r.status is Status.RED), key=lambda r: r.ev.gap or 0.0)
    units = league(report)
    headings = part_headings(report, lang)
    tables = [
        _table(red, RED_COLUMNS, lang, word("no_red", lang)),
        _table([r for r in rows if r.supervision == "closed"], CLOSED_COLUMNS, lang,
               word("no_closed", lang)),
        _table([r for r in rows if r.change], CHANGE_COLUMNS, lang, word("no_changes", lang)),
        _table(report.late(), LATE_COLUMNS, lang, word("no_late", lang)),
        _missing(report, lang),
        _owners(units, lang),
    ]
    more = len(red) - RED_CHARTS
    examples = sum(1 for r in rows if r.ev.example)
    page: str = charts.environment().from_string(TEMPLATE).render(
        html_lang=LANGUAGE_TAGS.get(lang, "en"),
        title=Say.REPORT_TITLE.text(lang, title=report.plan.title, as_of=heading),
        example=word("example_note", lang) + " " + Say.EXAMPLES_COUNT.text(
            lang, examples=examples, total=len(rows)) if examples else "",
        headline=_headline(report, lang),
        fills=[(s.value, FILLS[s]) for s in STATUS_ORDER],
        words={key: word(key, lang) for key in ("chart_colours", "chart_units", "chart_red",
                                                "pace_axis", "chart_dot")}
        | {"sections": headings[6], "legend": headings[7],
           "history_line": f"{word('completion', lang)} / {word('actual', lang)}",
           "history_plan": f"{word('time_progress', lang)} / {word('target', lang)}"},
        charts={"colours": [_markup(svg) for svg in charts.colours_chart(report.summary, lang)],
                "units": [_markup(svg) for svg in charts.owners_chart(units, lang)]},
        colour_data={"columns": [word("status", lang), word("count", lang)],
                     "rows": [[status_label(s, lang), report.summary.get(s, 0)]
                              for s in STATUS_ORDER]},
        parts=[{"heading": h, "table": t} for h, t in zip(headings, tables, strict=False)],
        sections=_sections(report, lang), red_charts=_red_charts(red, histories, lang),
        red_more="" if more <= 0 else Say.RED_MORE.text(lang, n=more),
        legend=[(status.value if status else "", text)
                for status, text in legend_items(report, lang)])
    return page


def _markup(svg: str) -> Any:
    """An SVG drawn from the chart templates, its user text already escaped."""
    from markupsafe import Markup  # jinja2's own, loaded with it

    return Markup(svg)


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _missing(report: StatusReport, lang: str) -> dict[str, Any]:
    rows = [_row(cells["owner"], [(_cell_class(c) or "", cells[c]) for c in MISSING_COLUMNS])
            for cells in missing_cells(report, lang)]
    return {"columns": [{"label": word(c, lang)} for c in MISSING_COLUMNS], "rows": rows,
            "empty": word("no_missing", lang)}


def _owners(units: Sequence[OwnerRow], lang: str) -> dict[str, Any]:
    rows = []
    for unit in units:
        cells = owner_cells(unit, lang)
        rows.append(_row(unit.owner, [
            (f"num s-{c}" if c in ("blue", "green", "yellow", "red", "none") and
             unit.counts[Status(c)] else _cell_class(c) or "", cells[c])
            for c in OWNER_COLUMNS]))
    return {"columns": [{"label": word(c, lang)} for c in OWNER_COLUMNS], "rows": rows,
            "empty": ""}
