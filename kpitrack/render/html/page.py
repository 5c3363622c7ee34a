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

from ...core.model import STATUS_ORDER, MonthStatus, Status
from ...core.report import ReportRow, StatusReport
from ...core.supervision import OwnerRow, league
from ...i18n.reports import Say
from ...i18n.words import (
    LANGUAGE_TAGS,
    Word,
    month_heading,
    numbered,
    section_number,
    status_label,
    word,
)
from ..cells import count_text, human_cells, missing_cells, owner_cells
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
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
  "PingFang SC", "SimHei", sans-serif; margin: 1.5em; color: #111; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
.example { border: 2px solid #c00000; padding: .5em; font-weight: bold; }
.headline { font-weight: bold; }
.chip { display: inline-block; padding: .1em .5em; margin: 0 .4em .3em 0;
  border: 1px solid #888; border-radius: .3em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
th, td { border: 1px solid #999; padding: .2em .5em; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td.status { white-space: nowrap; font-weight: bold; }
{% for status, fill in fills %}.s-{{ status }} { background: #{{ fill }}; }
{% endfor %}
figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: .3em; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.charts-red { display: flex; flex-wrap: wrap; gap: 1em; }
.charts-red figure { flex: 1 1 28em; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .sr-only { display: none; }
  figure svg { max-height: 165mm; width: auto; }
}
</style>
</head>
<body>
<h1>{{ title }}</h1>
{% if example %}<p class="example">{{ example }}</p>{% endif %}
<p class="headline">{{ headline.lead }}{% for item in headline["items"] %}<span
 class="chip s-{{ item.status }}">{{ item.label }} {{ item.count }}</span>{% endfor %}</p>

{% macro data_table(caption, columns, rows) -%}
<table class="sr-only"><caption>{{ caption }}</caption>
<thead><tr>{% for c in columns %}<th>{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table>
{%- endmacro %}

{% macro status_table(table) -%}
{% if table.rows %}
<table>
<thead><tr>{% for c in table.columns %}<th>{{ c.label }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in table.rows %}<tr data-target="{{ row.id }}">{% for cell in row.cells %}<td
{%- if cell.status %} class="status s-{{ cell.status }}"{% elif cell.fill %} class="num s-{{
cell.fill }}"{% elif cell.num %} class="num"{% endif %}>{{ cell.text }}</td>{% endfor %}</tr>
{% endfor %}</tbody>
</table>
{% else %}<p>{{ table.empty }}</p>{% endif %}
{%- endmacro %}

<figure id="chart-colours"><figcaption>{{ words.chart_colours }}</figcaption>
{{ charts.colours }}
{{ data_table(words.chart_colours, colour_data.columns, colour_data.rows) }}
</figure>

{% for part in parts %}
<h2>{{ part.heading }}</h2>
{{ status_table(part.table) }}
{% endfor %}

<h2>{{ words.chart_units }}</h2>
<figure id="chart-units"><figcaption>{{ words.chart_units }}</figcaption>
{{ charts.units }}
</figure>

{% if red_charts %}
<h2>{{ words.chart_red }}</h2>
<div class="charts-red">
{% if red_more %}<p>{{ red_more }}</p>{% endif %}
{% for chart in red_charts %}
<figure class="chart-red" data-target="{{ chart.id }}"><figcaption>{{ chart.name }}</figcaption>
{{ chart.svg }}
{{ data_table(chart.name, chart.columns, chart.rows) }}
</figure>
{% endfor %}
</div>
{% endif %}

<h2>{{ words.sections }}</h2>
{% for section in sections %}
<h3>{{ section.heading }}</h3>
{% if section.chart %}
<figure class="chart-pace"><figcaption>{{ section.caption }}</figcaption>
{{ section.chart }}
{{ data_table(section.name, section.data.columns, section.data.rows) }}
</figure>
{% endif %}
{{ status_table(section.table) }}
{% endfor %}

<h2>{{ words.legend }}</h2>
<ul>{% for item in legend %}<li>{{ item }}</li>{% endfor %}</ul>
</body>
</html>
"""


def _table(rows: Sequence[ReportRow], columns: Sequence[str], lang: str,
           empty: str = "") -> dict[str, Any]:
    columns = with_month(tuple(columns), rows)
    out = []
    for row in rows:
        human = human_cells(row, lang)
        human["current"] = human["status"]
        statuses = {"status": row.status, "current": row.status}
        if row.previous is not None:
            human["previous"] = status_label(row.previous, lang)
            statuses["previous"] = row.previous
        cells = [{"text": human.get(c, ""), "num": c in RIGHT,
                  "status": statuses[c].value if c in statuses else None} for c in columns]
        out.append({"id": row.target.id, "cells": cells})
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
    for index, (name, members) in enumerate(report.by_section().items(), start=1):
        shown = name or word("no_section", lang)
        charted = [(r, charts.chart_value(r)) for r in members]
        data = [[r.target.name, f"{v[0]:.1f}", f"{v[1]:.1f}", status_label(r.status, lang)]
                for r, v in charted if v is not None]
        out.append({
            "heading": f"{section_number(index, lang)}{shown}", "name": shown,
            "caption": Say.CHART_PACE_CAPTION.text(lang, chart=word("chart_pace", lang),
                                                   section=shown),
            "chart": _markup(charts.pace_chart(members, lang)) if data else "",
            "data": {"columns": [word("name", lang), "%", word("time_progress", lang) + " %",
                                 word("status", lang)], "rows": data},
            "table": _table(members, MD_COLUMNS, lang)})
    return out


def _red_charts(red: Sequence[ReportRow], histories: Mapping[str, Sequence[MonthStatus]],
                lang: str) -> list[dict[str, Any]]:
    """The furthest-behind red items' month-by-month charts, with their figures."""
    return [{"id": r.target.id, "name": r.target.name,
             "svg": _markup(charts.history_chart(r, histories[r.target.id], lang)),
             "columns": [word("month", lang), "%", word("time_progress", lang)],
             "rows": [[str(m.period), _pct(m.trend_value), _pct(m.time_progress)]
                      for m in histories[r.target.id]]}
            for r in red[:RED_CHARTS] if histories.get(r.target.id)]


def report_html(report: StatusReport, histories: Mapping[str, Sequence[MonthStatus]],
                lang: str) -> str:
    """The page; `histories` holds each red target's month-end statuses from plan start."""
    # jinja2 takes 30 ms to import: only the HTML report needs it.
    from jinja2 import Environment

    heading = month_heading(str(report.as_of.period), lang)
    rows = list(report.rows)
    red = sorted((r for r in rows if r.status is Status.RED), key=lambda r: r.ev.gap or 0.0)
    units = league(report)
    parts = [
        (word("red_list", lang), _table(red, RED_COLUMNS, lang, word("no_red", lang))),
        (word("closed_list", lang), _table([r for r in rows if r.supervision == "closed"],
                                           CLOSED_COLUMNS, lang, word("no_closed", lang))),
        (word("changes", lang), _table([r for r in rows if r.change], CHANGE_COLUMNS, lang,
                                       word("no_changes", lang))),
        (word("late_list", lang), _table(report.late(), LATE_COLUMNS, lang, word("no_late", lang))),
        (word("missing_list", lang), _missing(report, lang)),
        (word("league", lang), _owners(units, lang)),
    ]
    more = len(red) - RED_CHARTS
    return Environment(autoescape=True).from_string(TEMPLATE).render(
        html_lang=LANGUAGE_TAGS.get(lang, "en"),
        title=Say.REPORT_TITLE.text(lang, title=report.plan.title, as_of=heading),
        example=word("example_note", lang) if report.has_examples else "",
        headline=_headline(report, lang),
        fills=[(s.value, FILLS[s]) for s in STATUS_ORDER],
        words={key: word(key, lang) for key in ("chart_colours", "chart_units", "chart_red",
                                                "legend")}
        | {"sections": numbered(len(parts) + 1, word("by_section", lang), lang)},
        charts={"colours": _markup(charts.colours_chart(report.summary, lang)),
                "units": _markup(charts.owners_chart(units, lang))},
        colour_data={"columns": [word("status", lang), word("count", lang)],
                     "rows": [[status_label(s, lang), report.summary.get(s, 0)]
                              for s in STATUS_ORDER]},
        parts=[{"heading": numbered(n, h, lang), "table": t}
               for n, (h, t) in enumerate(parts, start=1)],
        sections=_sections(report, lang), red_charts=_red_charts(red, histories, lang),
        red_more="" if more <= 0 else Say.RED_MORE.text(lang, n=more),
        legend=[text for _, text in legend_items(report, lang)])


def _markup(svg: str) -> Any:
    """An SVG the chart library wrote, its user text already escaped as XML."""
    from markupsafe import Markup  # jinja2's own, loaded with it

    return Markup(svg)


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _missing(report: StatusReport, lang: str) -> dict[str, Any]:
    rows = [{"id": cells["owner"], "cells": [{"text": cells[c], "num": c in RIGHT, "fill": None}
                                            for c in MISSING_COLUMNS]}
            for cells in missing_cells(report, lang)]
    return {"columns": [{"label": word(c, lang)} for c in MISSING_COLUMNS], "rows": rows,
            "empty": word("no_missing", lang)}


def _owners(units: Sequence[OwnerRow], lang: str) -> dict[str, Any]:
    rows = []
    for unit in units:
        cells = owner_cells(unit, lang)
        rows.append({"id": unit.owner, "cells": [
            {"text": cells[c], "num": c in RIGHT,
             "fill": c if c in ("blue", "green", "yellow", "red", "none") and
             unit.counts[Status(c)] else None} for c in OWNER_COLUMNS]})
    return {"columns": [{"label": word(c, lang)} for c in OWNER_COLUMNS], "rows": rows,
            "empty": ""}
