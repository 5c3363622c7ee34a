"""The commented targets.toml `init` writes comes in each language, and each passes check."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import rtoml

from conftest import run
from kpitrack.app.setup import init
from kpitrack.workspace.init import init_workspace, template
from kpitrack.workspace.targets_file import TARGET_FIELDS

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _comments(text: str) -> list[str]:
    """Each comment's text: from a `#` outside a quoted string to the line's end."""
    out = []
    for line in text.splitlines():
        quote = ""
        for index, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == "#":
                out.append(line[index + 1:].strip())
                break
    return out


def _keys(data: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in data.items():
        keys.add(prefix + key)
        if isinstance(value, dict):
            keys |= _keys(value, f"{prefix}{key}.")
    return keys


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_init_template_in_each_language_passes_check(isolated, lang):
    path = init_workspace(isolated / "zone", 2026, lang=lang)
    text = path.read_text(encoding="utf-8")
    assert "{year}" not in text and "year = 2026" in text and "due = 2026-12-31" in text
    for field in TARGET_FIELDS - {"tags"}:
        assert f"{field} = " in text, field
    for check_lang in ("zh", "en"):
        result = run("--lang", check_lang, "-C", "zone", "check")
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""  # not one error or warning
    data = json.loads(run("-C", "zone", "targets", "--format", "json").stdout)
    assert {t["kind"] for t in data["targets"]} == {"cumulative", "level", "growth",
                                                     "threshold", "milestone"}


def test_each_template_comments_in_its_own_language():
    chinese, english = _comments(template("zh", 2025)), _comments(template("en", 2025))
    assert len(chinese) == len(english) > 30
    # Every Chinese comment has Chinese in it (a commented-out field keeps its own words).
    assert all(CJK.search(c) for c in chinese), [c for c in chinese if not CJK.search(c)]
    # The English template is English throughout, its example names too.
    assert not CJK.search(template("en", 2025))
    assert 'lang = "zh"' in template("zh", 2025) and 'lang = "en"' in template("en", 2025)


def test_both_templates_define_the_same_fields():
    zh, en = (rtoml.loads(template(lang, 2025)) for lang in ("zh", "en"))
    assert _keys(zh) == _keys(en)
    assert [t["kind"] for t in zh["targets"].values()] == \
        [t["kind"] for t in en["targets"].values()]


def test_init_without_a_language_writes_the_chinese_template(isolated):
    path = init(isolated / "zone", dt.date(2025, 5, 1), None, None)
    assert path.read_text(encoding="utf-8") == template("zh", 2025)
    assert run("init", "other").exit_code == 0
    assert (isolated / "other" / "targets.toml").read_text(encoding="utf-8") == \
        template("zh", dt.date.today().year)
    # A language kpitrack does not speak gets the Chinese template.
    assert template("fr", 2025) == template("zh", 2025)
