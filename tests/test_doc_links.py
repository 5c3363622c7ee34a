"""Every link in the README and the docs pages leads somewhere.

A relative link names a file that exists; an `#anchor`, in the same page or another
Markdown page, is the GitHub-style slug of one of that page's headings.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# [text](target) and ![alt](target), with an optional "title"; text may hold [brackets].
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^()\s<>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$")
HTML_ANCHOR = re.compile(r"<a\s[^>]*(?:name|id)=\"([^\"]+)\"", re.IGNORECASE)
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lowercase, punctuation but '-' and '_' dropped,
    each space a '-'. Letters of every script (CJK too) and digits stay."""
    text = re.sub(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)", r"\1", heading)
    text = CODE_SPAN.sub(lambda match: match.group(2).strip(), text)
    text = re.sub(r"<[^>]+>", "", text).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _prose(text: str) -> list[tuple[int, str]]:
    """The page's lines outside fenced code blocks, with their line numbers."""
    lines, fence = [], ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence) and not stripped[len(fence):].strip():
                fence = ""
            continue
        opening = re.match(r"(`{3,}|~{3,})", stripped)
        if opening:
            fence = opening.group(1)
            continue
        lines.append((number, line))
    return lines


def anchors(text: str) -> set[str]:
    """Every anchor a page offers: its headings' slugs (a repeated one gains -1, -2 …)
    and any <a name> or id written in HTML."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    for _, line in _prose(text):
        heading = HEADING.match(line)
        if heading:
            base = slug(heading.group(2))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
        found.update(HTML_ANCHOR.findall(line))
    return found


def links(text: str) -> list[tuple[int, str]]:
    """Every link target on the page outside code, with its line number."""
    found = []
    for number, line in _prose(text):
        line = CODE_SPAN.sub("", line)
        found += [(number, target) for target in LINK.findall(line)]
        definition = DEFINITION.match(line)
        if definition:
            found.append((number, definition.group(1)))
    return found


def broken_links(page: Path) -> list[str]:
    """One line for each link on the page that leads nowhere."""
    problems = []
    for number, target in links(page.read_text(encoding="utf-8")):
        where = f"{page.name}:{number}: ({target})"
        if not target:
            problems.append(f"{where} an empty link")
            continue
        if SCHEME.match(target):
            continue  # a web address: not checked offline
        path, _, anchor = target.partition("#")
        destination = (page.parent / unquote(path)).resolve() if path else page
        if not destination.exists():
            problems.append(f"{where} no such file")
            continue
        if not anchor:
            continue
        if destination.suffix != ".md":
            problems.append(f"{where} an anchor into a file that is not Markdown")
        elif unquote(anchor) not in anchors(destination.read_text(encoding="utf-8")):
            problems.append(f"{where} no heading with this anchor in {destination.name}")
    return problems


@pytest.mark.parametrize(("heading", "expected"), [
    ("What the colours mean", "what-the-colours-mean"),
    ("Exit codes, for scripts and CI", "exit-codes-for-scripts-and-ci"),
    ("Supervision (督办)", "supervision-督办"),
    ("Several departments, one repository", "several-departments-one-repository"),
    ("The path of one figure, from `add` to the Markdown report",
     "the-path-of-one-figure-from-add-to-the-markdown-report"),
    ("targets.toml", "targetstoml"),
    ("Figures that look wrong — and [checks]", "figures-that-look-wrong--and-checks"),
    ("snake_case and kebab-case", "snake_case-and-kebab-case"),
    ("督办通知单（notice）", "督办通知单notice"),
])
def test_slug_is_githubs(heading, expected):
    assert slug(heading) == expected


def test_a_repeated_heading_gains_a_number():
    assert anchors("# Notes\n\n## Notes\n\n## Notes\n") == {"notes", "notes-1", "notes-2"}


def test_headings_and_links_in_code_blocks_do_not_count():
    text = "# Real\n\n```toml\n# not a heading\n[x](#nowhere)\n```\n\n`[y](#nowhere)`\n"
    assert anchors(text) == {"real"}
    assert links(text) == []


def test_a_dead_anchor_is_found(tmp_path):
    """Today's defect: a link to a section whose heading does not exist."""
    page = tmp_path / "README.md"
    page.write_text("# kpitrack\n\n## The monthly routine\n\n"
                    "See [Importing a sheet](#importing-a-sheet) and "
                    "[the routine](#the-monthly-routine).\n"
                    "![A picture](docs/none.png) [Other](other.md#there)\n",
                    encoding="utf-8")
    (tmp_path / "other.md").write_text("# Here\n", encoding="utf-8")
    problems = broken_links(page)
    assert len(problems) == 3, problems
    assert "(#importing-a-sheet) no heading" in problems[0]
    assert "(docs/none.png) no such file" in problems[1]
    assert "(other.md#there) no heading" in problems[2]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(REPO).as_posix())
def test_every_link_resolves(page):
    assert broken_links(page) == []
