"""The HTML meeting report: self-contained, complete, literal, and looked at in a real
headless Chromium (Debian's; skipped with a reason where it is not installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, record, run, write_ws

# A real pseudo-terminal, browser or git clones: the slow set (`pytest -m slow`).
pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(CHROMIUM is None,
                                   reason="no chromium (apt-get install chromium)")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="no pdftotext (apt-get install poppler-utils)")


class Page(HTMLParser):
    """What a page holds: its elements, their attributes, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def ids(self, prefix: str) -> list[str]:
        return [a["id"] for _, a in self.tags if a.get("id", "").startswith(prefix)]


@pytest.fixture(scope="module")
def repo_page(tmp_path_factory) -> tuple[Path, str, dict]:
    out = tmp_path_factory.mktemp("html") / "report.html"
    result = run("-C", str(REPO), "export", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    data = json.loads(run("-C", str(REPO), "status", "--format", "json").stdout)
    return out, out.read_text(encoding="utf-8"), data


def charted(row: dict) -> bool:
    """Whether the 挂图作战 chart has a bar for this target (as charts.chart_value)."""
    if row["kind"] == "milestone":
        return False
    if row["completion"] is not None and row["time_progress"] is not None:
        return True
    # A growth or threshold target: its figure against its target, in its own unit (a
    # target of 0%, which no percent of the target could show, included).
    return row["kind"] in ("growth", "threshold") and row["actual"] is not None and \
        row["target"] is not None


def test_the_page_is_self_contained(repo_page):
    _, html, _ = repo_page
    assert not re.search(r"https?://", html, re.IGNORECASE)
    page = Page(html)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert "@import" not in html
    assert not re.search(r"url\((?!#)", html)  # only references inside the page
    assert "<style>" in html and html.count("<svg") >= 4


def test_every_target_is_a_row_and_every_numeric_one_a_bar(repo_page):
    _, html, data = repo_page
    page = Page(html)
    rows = data["targets"]
    section_rows = [a["data-target"] for tag, a in page.tags
                    if tag == "tr" and "data-target" in a]
    # Each target appears once in its section's table (and red, closed and changed
    # targets once more in their lists).
    assert set(section_rows) >= {r["id"] for r in rows}
    bars = page.ids("pace-")
    assert sorted(bars) == sorted(f"pace-{r['id']}" for r in rows if charted(r))
    assert sorted(page.ids("colour-")) == sorted(f"colour-{s}" for s in data["summary"])
    red = [r for r in rows if r["status"] == "red"]
    assert sorted(page.ids("history-")) == sorted(f"history-{r['id']}" for r in red)
    owners = json.loads(run("-C", str(REPO), "owners", "--format", "json").stdout)["owners"]
    unit_bars = page.ids("unit-")
    assert len(unit_bars) == 5 * len(owners)
    for owner in owners:
        for colour in ("blue", "green", "yellow", "red", "none"):
            assert f"unit-{owner['rank']}-{colour}" in unit_bars


def test_each_chart_has_a_title_and_its_figures_as_a_table(repo_page):
    _, html, data = repo_page
    figures = re.findall(r"<figure.*?</figure>", html, re.DOTALL)
    assert len(figures) >= 4
    for figure in figures:
        assert "<figcaption>" in figure
        assert '<div class="sr-only"><table>' in figure or 'id="chart-units"' in figure
    colours = next(f for f in figures if 'id="chart-colours"' in f)
    for label, count in (("红色·滞后督办", data["summary"]["red"]),
                         ("蓝色·超前示范", data["summary"]["blue"])):
        assert f"<td>{label}</td><td>{count}</td>" in colours


def test_status_cells_have_colour_and_label(repo_page):
    _, html, _ = repo_page
    cells = re.findall(r'<td class="status s-(\w+)">([^<]*)</td>', html)
    assert cells
    labels = {"blue": "蓝色·超前示范", "green": "绿色·推进正常", "yellow": "黄色·超期预警",
              "red": "红色·滞后督办", "none": "灰色·未报送"}
    for status, text in cells:  # the label, then any mark (* late, ✓ goal met)
        assert re.fullmatch(re.escape(labels[status]) + r"(?: [*✓]+)?", text), text
    assert any(text.endswith(" *") for _, text in cells)  # 工业投资 is late


def test_print_styles(repo_page):
    _, html, _ = repo_page
    assert "@page { size: A4 landscape" in html
    assert "thead { display: table-header-group; }" in html
    assert "break-inside: avoid" in html


HOSTILE = ['<script>alert(1)</script>', '"onmouseover=alert(1) x="', "]]>", "</svg>",
           "$x^2$", "[red]x[/]"]


@pytest.fixture
def hostile_page(isolated) -> tuple[Path, str]:
    targets = ""
    figures = ""
    for index, text in enumerate(HOSTILE):
        targets += (f"[targets.h{index}]\nname = {json.dumps(text)}\nsection = "
                    f"{json.dumps(text)}\nowner = {json.dumps(text)}\nkind = \"cumulative\"\n"
                    "target = 10\n\n")
        figures += (record(f"h{index}", "2025-03", 0 if index % 2 else 2.5).rstrip()
                    + f"\nnote = {json.dumps(text)}\n\n")
    write_ws(isolated, targets, {"2025-03": figures})
    assert run("respond", "h1", "--reason", HOSTILE[0], "--measures", HOSTILE[3], "--period",
               "2025-03").exit_code == 0
    result = run("export", "-o", "report.html")
    assert result.exit_code == 0, result.stderr
    return isolated / "report.html", (isolated / "report.html").read_text(encoding="utf-8")


def test_hostile_text_is_literal_in_html_attributes_and_svg(hostile_page):
    _, html = hostile_page
    page = Page(html)
    assert not any(tag == "script" for tag, _ in page.tags)
    assert not any(any(k.startswith("on") for k in attrs) for _, attrs in page.tags)
    text = "".join(page.text)
    for hostile in HOSTILE:
        assert hostile in text, hostile
    # Inside the SVG charts too: a name is a label of the 挂图作战 chart.
    svg = "".join(re.findall(r"<svg.*?</svg>", html, re.DOTALL))
    assert "&lt;/svg&gt;" in svg and "]]&gt;" in svg and "&lt;script&gt;" in svg
    assert "$x^2$" in svg  # maths is not parsed: the name stays as typed


def chromium(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    profile = cwd / "profile"
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions", f"--user-data-dir={profile}", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


@needs_browser
@needs_pdftotext
def test_the_page_prints_to_a_pdf_holding_its_text(repo_page, tmp_path):
    path, _, data = repo_page
    pdf = tmp_path / "report.pdf"
    result = chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri(),
                      cwd=tmp_path)
    assert pdf.exists() and pdf.stat().st_size > 10_000, result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "西部科学城重庆高新区2025年重点工作目标推进情况" in text
    assert "截至2025年10月" in text and "红色滞后督办清单" in text
    red = [r["name"] for r in data["targets"] if r["status"] == "red"]
    assert all(name[:6] in text.replace(" ", "") for name in red)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width > height  # landscape
    assert abs(width - 842) < 3 and abs(height - 595) < 3  # A4, in points


def page_requests(page: Path, tmp_path: Path) -> list[str]:
    """The URLs a page asked for while Chromium loaded it (from its network log; the
    browser's own background requests, made for no page, are left out)."""
    netlog = tmp_path / "net.json"
    chromium(f"--log-net-log={netlog}", "--net-log-capture-mode=Everything", "--dump-dom",
             page.as_uri(), cwd=tmp_path)
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"]["url"] for e in log["events"]
            if e["type"] == start and "url" in e.get("params", {})
            and e["params"].get("initiator") != "not an origin"]


@needs_browser
def test_no_request_leaves_the_page(repo_page, tmp_path):
    path, _, _ = repo_page
    requests = page_requests(path, tmp_path)
    assert not [u for u in requests if not u.startswith(("file:", "data:"))], requests
    # The check can fail: a page that loads an image from the web is caught.
    control = tmp_path / "control" / "page.html"
    control.parent.mkdir()
    control.write_text('<img src="https://example.com/x.png">', encoding="utf-8")
    assert "https://example.com/x.png" in page_requests(control, control.parent)


@needs_browser
def test_a_screenshot_of_the_page_is_not_blank(repo_page, tmp_path):
    from PIL import Image

    path, _, _ = repo_page
    shot = tmp_path / "top.png"
    chromium("--window-size=1280,900", f"--screenshot={shot}", path.as_uri(), cwd=tmp_path)
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # text, four colours, charts
    red = sum(n for n, (r, g, b) in colours if r > 180 and g < 90 and b < 90)
    assert red > 100  # the colour chart's red bar, drawn


@needs_browser
@needs_pdftotext
def test_hostile_names_print_literally(hostile_page, tmp_path):
    path, _ = hostile_page
    pdf = tmp_path / "hostile.pdf"
    chromium(f"--print-to-pdf={pdf}", path.as_uri(), cwd=tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for hostile in HOSTILE:
        assert hostile in text, hostile


# Run in the page by the phone test: the page's own CSP forbids any script, so the test
# adds this to a copy without the policy. It paints the page cyan when it fits (no
# sideways scrolling of the page itself, every chart text 12 px or more as drawn, no
# text box of a chart crossing a time-progress mark), else magenta, yellow or red.
PROBE = """<script>
const d = document.documentElement;
const sizes = [...document.querySelectorAll("svg text")].map(
  t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
const crossed = [...document.querySelectorAll("svg g")].some(g => {
  const marks = [...g.querySelectorAll("line.mark")].map(m => m.getBoundingClientRect());
  return [...g.querySelectorAll("text")].map(t => t.getBoundingClientRect()).some(
    t => marks.some(m => t.left < m.right && m.left < t.right &&
                         t.top < m.bottom && m.top < t.bottom));
});
d.style.background = d.scrollWidth > d.clientWidth ? "#ff00ff"
  : Math.min(...sizes) < 12 ? "#ffff00" : crossed ? "#ff0000" : "#00ffff";
document.body.style.background = "transparent";
</script>"""


def phone_colour(html: str, tmp_path: Path) -> tuple[int, int, int]:
    """The colour PROBE paints a page, drawn 390 px wide."""
    from PIL import Image

    page = tmp_path / "probe.html"
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    shot = tmp_path / "phone.png"
    chromium("--window-size=390,900", "--hide-scrollbars", f"--screenshot={shot}",
             page.as_uri(), cwd=tmp_path)
    image = Image.open(shot).convert("RGB")
    assert image.size[0] == 390
    return image.getpixel((2, 2))


@needs_browser
def test_on_a_phone_the_page_fits_and_its_charts_read(repo_page, tmp_path):
    _, html, _ = repo_page
    assert phone_colour(html, tmp_path) == (0, 255, 255)
    # The probe can fail: a table outside its scrolling box widens the page; chart text
    # scaled down by a viewBox is too small; a label drawn over the mark is crossed.
    wide = html.replace('<div class="scroll">', "<div>", 1)
    assert phone_colour(wide, tmp_path) == (255, 0, 255)
    small = html.replace('<svg class="chart" width="100%"',
                         '<svg class="chart" viewBox="0 0 900 900" width="100%"', 1)
    assert phone_colour(small, tmp_path) == (255, 255, 0)
    crossed = re.sub(r'<line class="mark" x1="[\d.]+%" x2="[\d.]+%" y1="[\d.]+" y2="[\d.]+"',
                     '<line class="mark" x1="2%" x2="2%" y1="0" y2="2000"', html, count=1)
    assert phone_colour(crossed, tmp_path) == (255, 0, 0)
