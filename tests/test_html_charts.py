"""The HTML page's SVG charts, read as geometry: text never scaled and never under 12 px,
no time-progress mark crossing a label, rates in their own unit, headings as the
Markdown's, user text literal. (The browser's own view of the page at 390 px is in
test_html.py, in the slow set.)"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from conftest import REPO, record, run, write_ws

FONT_FLOOR = 12.0


class Svg(HTMLParser):
    """Each chart's elements, with their attributes, the font size in force and text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.charts: list[list[dict]] = []
        self.sizes: list[float] = []
        self.open: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.heading: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h2", "h3"):
            self.heading, self.headings = tag, [*self.headings, (tag, "")]
        if tag == "svg":
            self.charts.append([])
            self.sizes = []
        if not self.charts or (tag != "svg" and not self.open):
            return
        if tag == "svg" or self.open:
            size = float(attrs["font-size"]) if "font-size" in attrs else \
                (self.sizes[-1] if self.sizes else 16.0)
            self.charts[-1].append({"tag": tag, "attrs": attrs, "size": size, "text": "",
                                    "group": len([t for t in self.open if t == "g"])})
            if tag not in ("rect", "line", "circle"):
                self.open.append(tag)
                self.sizes.append(size)

    def handle_endtag(self, tag):
        if tag in ("h2", "h3"):
            self.heading = None
        if self.open and self.open[-1] == tag:
            self.open.pop()
            self.sizes.pop()

    def handle_data(self, data):
        if self.heading:
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)
        if self.open and self.open[-1] == "text":
            self.charts[-1][-1]["text"] += data


@pytest.fixture(scope="module")
def repo_html() -> str:
    result = run("-C", str(REPO), "export", "--format", "html")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_chart_text_is_never_scaled_and_never_under_12px(repo_html):
    parsed = Svg(repo_html)
    assert len(parsed.charts) >= 4
    texts = 0
    for chart in parsed.charts:
        root = chart[0]["attrs"]
        # No viewBox: a user unit is a CSS pixel at every width, so a font size is the size
        # drawn, on a 390 px phone as on a desktop.
        assert "viewbox" not in root and root["width"] == "100%"
        for element in chart:
            if element["tag"] == "text":
                texts += 1
                assert element["size"] >= FONT_FLOOR, element
    assert texts > 100


def _bands(chart: list[dict]) -> list[tuple[list[tuple[float, float]], list[tuple[float, float]]]]:
    """Per row of a bar chart: the text boxes' vertical extents, the bar's and mark's."""
    rows: list[tuple[list, list]] = []
    for element in chart:
        tag, attrs = element["tag"], element["attrs"]
        if tag == "g":
            rows.append(([], []))
        elif tag == "text" and rows:
            y, size = float(attrs["y"]), element["size"]
            rows[-1][0].append((y - size, y + 0.25 * size))  # ascent and descent
        elif tag == "rect" and rows:
            y = float(attrs["y"])
            rows[-1][1].append((y, y + float(attrs["height"])))
        elif tag == "line" and rows:
            rows[-1][1].append(tuple(sorted((float(attrs["y1"]), float(attrs["y2"])))))
    return rows


def test_no_mark_or_bar_crosses_a_label(repo_html):
    """The bug was `8|.7%`: the time-progress mark drawn through a bar's figure. Each
    row's text now sits above its bar's band; the mark stays in the band."""
    checked = 0
    for chart in Svg(repo_html).charts:
        if not any(e["tag"] == "rect" for e in chart):
            continue  # a month-by-month line chart
        for texts, shapes in _bands(chart):
            for top, bottom in texts:
                for start, end in shapes:
                    assert bottom <= start or top >= end, (texts, shapes)
                    checked += 1
    assert checked > 100


def test_the_check_of_overprinting_can_fail():
    chart = [{"tag": "svg", "attrs": {}, "size": 13.0},
             {"tag": "g", "attrs": {}, "size": 13.0},
             {"tag": "text", "attrs": {"y": "30"}, "size": 12.0},
             {"tag": "line", "attrs": {"y1": "20", "y2": "34"}, "size": 12.0}]
    (texts, shapes), = _bands(chart)
    assert not all(bottom <= start or top >= end
                   for top, bottom in texts for start, end in shapes)


def test_growth_and_threshold_targets_are_charted_in_their_own_unit(repo_html):
    charts = Svg(repo_html).charts
    texts = [e["text"] for chart in charts for e in chart if e["tag"] == "text"]
    assert "绿 5.6%（目标5%）" in texts  # 集成电路产值增速, not "112.0%"
    assert "黄 -0.6%（目标0%）" in texts  # 生物医药产值增速（正增长）
    assert "112.0%" not in " ".join(texts)
    # Its bar is drawn from zero to 5.6 on a scale where the mark, 5, sits before the end.
    bar = re.search(r'<rect id="pace-ic_output_growth" x="([\d.]+)%" y="[\d.]+" '
                    r'width="([\d.]+)%"', repo_html)
    mark = re.search(r'id="pace-ic_output_growth"[^>]*/><line class="mark" x1="([\d.]+)%"',
                     repo_html)
    assert bar and mark
    start, width, at = float(bar[1]), float(bar[2]), float(mark[1])
    assert start < at < start + width
    assert abs((at - start) / width - 5 / 5.6) < 0.01


def test_a_completion_row_says_its_colour_and_both_figures(repo_html):
    texts = [e["text"] for chart in Svg(repo_html).charts for e in chart if e["tag"] == "text"]
    assert "红 58.0%（时序83.3%）" in texts  # 促进科技成果转化
    for label in ("蓝色·超前示范", "绿色·推进正常", "黄色·超期预警", "红色·滞后督办",
                  "灰色·未报送"):
        assert label in texts  # the colours chart names each colour


def test_headings_are_the_markdown_headings(repo_html):
    markdown = run("-C", str(REPO), "export", "--format", "md").stdout
    md = [(("h2" if line.startswith("## ") else "h3"), line.split(" ", 1)[1])
          for line in markdown.splitlines() if line.startswith(("## ", "### "))]
    html = [(tag, text.strip()) for tag, text in Svg(repo_html).headings]
    assert html == md
    assert html[0] == ("h2", "一、红色滞后督办清单（9项）") and html[-1] == ("h2", "八、图例")


def test_the_page_allows_no_script_and_no_fetch(repo_html):
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
                       repo_html)
    assert policy and "default-src 'none'" in policy[1] and "script-src" not in policy[1]


HOSTILE = ["</svg><script>alert(1)</script>", "A & B &amp; C", "\"double\" 'single'",
           "bell\x07tab\there", "\u202eRTL override", "\u200fmark", "]]>"]


def test_user_text_is_literal_in_the_svg(isolated):
    targets = "".join(
        f"[targets.h{i}]\nname = {json.dumps(text)}\nowner = {json.dumps(text)}\n"
        f"kind = \"cumulative\"\ntarget = 10\n\n" for i, text in enumerate(HOSTILE))
    figures = "".join(record(f"h{i}", "2025-03", 0.5) for i in range(len(HOSTILE)))
    write_ws(isolated, targets, {"2025-03": figures})
    result = run("export", "--format", "html")
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    assert "<script" not in html
    texts = [e["text"] for chart in Svg(html).charts for e in chart if e["tag"] == "text"]
    for text in HOSTILE:
        assert texts.count(text) >= 2, text  # a bar's name and a unit's, as typed


def test_only_the_charted_red_targets_get_a_history(isolated, monkeypatch):
    """A city's report has thousands of red targets and charts RED_CHARTS of them: only
    those have their months worked out, and the other formats work out none."""
    from kpitrack.app import reports
    from kpitrack.render.html.page import RED_CHARTS

    count = RED_CHARTS + 5
    targets = "".join(f"[targets.r{i}]\nname = \"红{i}\"\nkind = \"cumulative\"\n"
                      f"target = 100\n\n" for i in range(count))
    write_ws(isolated, targets, {"2025-06": "".join(record(f"r{i}", "2025-06", i / 10)
                                                    for i in range(count))})
    built: list[str] = []
    original = reports.month_statuses

    def counted(plan, target, records, as_of):
        built.append(target.id)
        return original(plan, target, records, as_of)

    monkeypatch.setattr(reports, "month_statuses", counted)
    result = run("export", "--format", "html")
    assert result.exit_code == 0, result.stderr
    # The furthest behind first: r0 (0.0) … r39 (3.9).
    assert sorted(built) == sorted(f"r{i}" for i in range(RED_CHARTS))
    assert result.stdout.count('class="chart-red') == RED_CHARTS
    assert "另有5项红色指标未绘图" in result.stdout
    built.clear()
    assert run("export", "--format", "md").exit_code == 0 and built == []


def test_a_long_name_is_wrapped_to_the_width_of_a_phone(isolated):
    from kpitrack.render.html.charts import FONT, NARROW, text_width

    name = "加快建设具有全国影响力的科技创新中心核心区和西部科学城重庆高新区先行示范区"
    write_ws(isolated, f'[targets.x]\nname = "{name}"\nowner = "局"\nkind = "cumulative"\n'
             "target = 10\n", {"2025-03": record("x", "2025-03", 2.5)})
    html = run("export", "--format", "html").stdout
    pace = next(chart for chart in Svg(html).charts
                if any(e["attrs"].get("id") == "pace-x" for e in chart))
    lines = [e["text"] for e in pace if e["tag"] == "text" and e["size"] == FONT]
    assert len(lines) >= 2 and "".join(lines) == name
    assert all(text_width(line, FONT) <= NARROW for line in lines)
