"""--lang en has no Chinese except user data; the default comes from plan.lang."""

from __future__ import annotations

import importlib
import io
import pkgutil
import re
import string

import pytest

import kpitrack.i18n
from conftest import record, run, write_ws
from kpitrack.i18n.base import Catalogue, placeholders
from kpitrack.i18n.messages import Msg

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")

# Every word here is user data, and all of it is ASCII: any Chinese in the output is ours.
ENGLISH_TARGETS = """
[targets.inv]
name = "Investment"
section = "Demand"
kind = "cumulative"
target = 620
unit = "bn yuan"
owner = "DRC"
last_year = 571

[targets.firms]
name = "High-tech firms"
section = "Innovation"
kind = "level"
target = 700
unit = "firms"

[targets.retail]
name = "Retail growth"
section = "Demand"
kind = "growth"
target = 5
unit = "%"

[targets.sat]
name = "Satisfaction"
kind = "threshold"
target = 95
unit = "%"

[targets.lab]
name = "Lab opens"
kind = "milestone"
due = 2025-06-30
"""


ENGLISH_PLAN = 'schema = 1\n[plan]\ntitle = "Zone targets"\nyear = 2025\n'


@pytest.fixture
def english_ws(isolated):
    return write_ws(isolated, ENGLISH_TARGETS, plan=ENGLISH_PLAN, actuals={
        "2025-03": record("inv", "2025-03", 100) + record("firms", "2025-03", 620)
        + record("retail", "2025-03", 4.1),
        "2025-04": record("inv", "2025-04", 150, note="Jan-Apr") + record("firms", "2025-04", 600)
        + record("inv", "2025-04", 160, correction=True, recorded="2025-05-02T09:00:00Z")
        + record("lab", "2025-04", done=True, date="2025-04-20"),
    })


COMMANDS = [
    ["status"], ["status", "--format", "md"], ["status", "--format", "csv"],
    ["status", "--format", "json"], ["status", "--as-of", "2025-03"],
    ["show", "inv"], ["show", "firms"], ["show", "retail"], ["show", "lab"], ["show", "sat"],
    ["export"], ["export", "--format", "csv"], ["targets"], ["check"],
    ["add", "sat", "96", "--period", "2025-04"],
    # mistakes: the messages must be English too
    ["add", "nope", "1"], ["add", "inv", "abc", "--period", "2025-05"],
    ["add", "inv", "1", "--period", "2025-04"], ["add", "inv", "1", "--period", "2027-01"],
    ["show", "nope"], ["status", "--section", "nowhere"], ["status", "--as-of", "someday"],
    ["import", "missing.csv"], ["import", "sheet.csv", "--dry-run"], ["import", "bad.csv"],
    ["export", "-o", "actuals/x.md"],
]


def _sheets(root) -> None:
    (root / "sheet.csv").write_text("target,period,value,note\ninv,2025-05,200,Jan-May\n"
                                    "lab,2025-05,done,\n", encoding="utf-8")
    (root / "bad.csv").write_text("target,period,value\ninv,2025-05,lots\nzzz,2025-05,1\n",
                                  encoding="utf-8")


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_lang_en_prints_no_chinese(english_ws, args):
    _sheets(english_ws)
    result = run("--lang", "en", "--no-color", *args)
    assert "Traceback" not in result.stderr
    found = CJK.findall(result.stdout + result.stderr)
    assert not found, (found, result.stdout + result.stderr)


def test_plan_lang_en_is_the_default(english_ws):
    path = english_ws / "targets.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("year = 2025",
                                                             'year = 2025\nlang = "en"'),
                    encoding="utf-8")
    _sheets(english_ws)
    for args in (["status"], ["export"], ["show", "inv"], ["add", "nope", "1"],
                 ["import", "bad.csv"], ["check"]):
        result = run("--no-color", *args)
        assert not CJK.findall(result.stdout + result.stderr), (args, result.stderr)
    assert "Error: unknown target 'nope'" in run("add", "nope", "1").stderr
    # --lang still wins over plan.lang.
    assert "未知指标 'nope'" in run("--lang", "zh", "add", "nope", "1").stderr


def test_lang_en_workbook_has_no_chinese(english_ws):
    from openpyxl import load_workbook

    data = run("--lang", "en", "export", "--format", "xlsx").stdout_bytes
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Status", "Legend"]
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                assert not CJK.search(str(value or "")), value


def test_chinese_numbers_and_english_units():
    """620亿元 reads as one word in Chinese; English keeps the unit as written, spaced."""
    from kpitrack.render.cells import with_unit

    assert with_unit(620, "亿元", "zh") == "620亿元"
    assert with_unit(620, "亿元", "en") == "620 亿元"
    assert with_unit(4.8, "%", "en") == "4.8%"


def _catalogues() -> list[type]:
    """Every catalogue class defined in a module of kpitrack.i18n."""
    found = []
    for module in pkgutil.iter_modules(kpitrack.i18n.__path__):
        loaded = importlib.import_module(f"kpitrack.i18n.{module.name}")
        found += [value for value in vars(loaded).values()
                  if isinstance(value, Catalogue) and value.__module__ == loaded.__name__]
    return found


CATALOGUES = _catalogues()
ENTRIES = [(catalogue, entry) for catalogue in CATALOGUES for entry in catalogue]


def _words_outside_placeholders(template: str) -> str:
    return "".join(literal for literal, _, _, _ in string.Formatter().parse(template))


def test_every_catalogue_is_found():
    names = {catalogue.__name__ for catalogue in CATALOGUES}
    assert {"Msg", "Word", "OsReason", "Say"} <= names, names


@pytest.mark.parametrize(("catalogue", "msg"), ENTRIES,
                         ids=[f"{c.__name__}.{m.name}" for c, m in ENTRIES])
def test_every_message_has_both_languages_with_the_same_placeholders(catalogue, msg):
    english, chinese = msg.english, msg.chinese
    # Nothing the English names (an id, a file, a figure) is lost in Chinese; only what
    # another program said in English (`english_…`) is left out of the Chinese, and what
    # only Chinese writes (a Chinese numeral, `chinese_…`) is left out of the English.
    assert {p for p in placeholders(chinese) if not p.startswith("chinese_")} == \
        {p for p in placeholders(english) if not p.startswith("english_")}
    assert not CJK.search(english.replace("重点", ""))
    # A layout joins worded parts and has no word of its own in either language (a figure
    # and its unit, what the system said passed through); anything else has Chinese.
    layout = not any(ch.isalpha() for ch in _words_outside_placeholders(english)
                     + _words_outside_placeholders(chinese))
    assert layout or CJK.search(chinese)


@pytest.mark.parametrize(("catalogue", "msg"), ENTRIES,
                         ids=[f"{c.__name__}.{m.name}" for c, m in ENTRIES])
def test_every_message_words_in_both_languages(catalogue, msg):
    """Each template formats, a number given for each placeholder (`{month:02d}` too)."""
    params = {name: 1 for name in placeholders(msg.english) | placeholders(msg.chinese)}
    for lang in ("zh", "en"):
        assert isinstance(msg(**params).text(lang), str)  # a bad template raises here


def test_every_message_id_is_named_once():
    names = [m.name for m in Msg]
    assert len(names) == len(set(names)) > 130
    assert all(getattr(Msg, name).name == name for name in names)


def test_nested_messages_are_worded_in_the_same_language():
    message = Msg.AND_MORE(msg=Msg.UNKNOWN_TARGET(key="x", hint=""), n=2)
    assert message.text("zh") == "未知指标 'x'（另有2处问题，请运行 `kpitrack check`）"
    assert message.text("en") == "unknown target 'x' (and 2 more; run `kpitrack check`)"
    hint = Msg.UNKNOWN_TARGET(key="invv", hint=Msg.DID_YOU_MEAN(close="inv"))
    assert hint.text("zh") == "未知指标 'invv'（是否想写 'inv'？）"
    assert str(hint) == "unknown target 'invv' (did you mean 'inv'?)"


def test_a_kind_and_what_the_system_said_are_worded_too():
    from kpitrack.i18n.reasons import os_reason
    from kpitrack.i18n.words import kind_term

    assert Msg.NEGATIVE_VALUE(value=-4, kind=kind_term("cumulative")).text("zh") == \
        "数值 -4 为负数；累计类指标的数值不能为负"
    assert Msg.CANNOT_READ(why=os_reason("Permission denied")).text("zh") == "无法读取：没有权限"
    assert Msg.CANNOT_READ(why=os_reason("Permission denied")).text("en") == \
        "cannot read: Permission denied"
    # What the system says in a case the catalogue does not know is shown as it said it.
    assert Msg.CANNOT_READ(why=os_reason("Odd thing")).text("zh") == "无法读取：Odd thing"
