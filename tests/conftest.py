from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpitrack.cli.main import cli

REPO = Path(__file__).resolve().parent.parent

PLAN = """\
schema = 1

[plan]
title = "测试计划"
year = 2025
"""


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """No test touches the user's files: the workspace variable points at tmp_path."""
    monkeypatch.setenv("KPITRACK_WORKSPACE", str(tmp_path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    # A table in a pipe respects COLUMNS; the tests of a pipe want the whole table.
    monkeypatch.delenv("COLUMNS", raising=False)
    # The computer's language decides the help outside a workspace: English here.
    for name in ("KPITRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_ws(root: Path, targets: str, actuals: dict[str, str] | None = None,
             plan: str = PLAN) -> Path:
    """A workspace from inline TOML: `targets` is appended to the plan header."""
    (root / "targets.toml").write_text(plan + textwrap.dedent(targets), encoding="utf-8")
    folder = root / "actuals"
    folder.mkdir(exist_ok=True)
    for month, body in (actuals or {}).items():
        (folder / f"{month}.toml").write_text("schema = 1\n" + textwrap.dedent(body),
                                              encoding="utf-8")
    return root


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def record(target: str, period: str, value: float | None = None, **extra) -> str:
    lines = ["[[actual]]", f'target = "{target}"', f'period = "{period}"']
    if value is not None:
        lines.append(f"value = {value}")
    for key, val in extra.items():
        if isinstance(val, bool):
            val = "true" if val else "false"
        elif isinstance(val, str) and not val[:4].isdigit():
            val = f'"{val}"'
        lines.append(f"{key} = {val}")
    return "\n".join(lines) + "\n\n"


def digest(root: Path) -> dict[str, str]:
    """A hash of every file, to prove a failed command changed nothing."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".kpitrack" not in p.parts}


def md_tables(text: str) -> list[tuple[int, list[int]]]:
    """For each table: the header's cell count and each body row's cell count."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt().enable("table").parse(text)
    tables, header, rows, cells, in_head = [], 0, [], 0, False
    for token in tokens:
        if token.type == "table_open":
            header, rows = 0, []
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            if in_head:
                header = cells
            else:
                rows.append(cells)
        elif token.type == "table_close":
            tables.append((header, rows))
    return tables
