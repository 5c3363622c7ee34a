"""Reading TOML: one reader (rtoml), TOML 1.0 only, and errors that say how to fix them."""

from __future__ import annotations

import re

import pytest

from conftest import PLAN, run
from kpitrack.i18n.messages import Msg
from kpitrack.workspace.toml import TomlSyntaxError, loads, toml11_syntax


@pytest.mark.parametrize("text, line", [
    ('a = { b = 1,\n c = 2 }\n', 1),
    ('x = 1\na = { b = 1, }\n', 2),
    ('a = "x\\e"\n', 1),
    ('a = "\\x41"\n', 1),
    ('t = 2025-04-01T09:30\n', 1),
    ('t = 09:30\n', 1),
    ('a = """\nfine\n"""\nb = { c = 1,\n}\n', 4),
])
def test_toml_11_syntax_is_refused_at_its_line(text, line):
    with pytest.raises(TomlSyntaxError) as caught:
        loads(text)
    assert caught.value.line == line
    assert caught.value.msg.id is Msg.TOML_11


@pytest.mark.parametrize("text", [
    'a = "{ not a table,\\n }"\n',           # braces inside a string
    'a = "x\\\\e"\n',                         # an escaped backslash, then e
    "a = 'C:\\x\\e'\n",                       # a literal string holds no escapes
    'a = """\n{ b = 1,\n}\n"""\n',            # a multi-line string holds text, not syntax
    '# { a,\nb = 1\n',                        # a comment
    'r = 2025-04-12T09:30:00+08:00\n',        # seconds and an offset
    'a = [1,\n 2,\n]\nb = { c = [1,\n 2] }\n',  # arrays may span lines, in a table too
    't = 09:30:00\n',
])
def test_toml_10_syntax_that_looks_like_11_is_read(text):
    assert toml11_syntax(text) is None
    loads(text)


def test_crlf_and_a_bom_read_as_every_toml_10_tool_reads_them():
    assert loads('a = """x\r\ny"""\r\n') == {"a": "x\ny"}


@pytest.mark.parametrize("text, expected, line", [
    ('name = "年度投资\n', Msg.TOML_UNCLOSED_STRING, 1),
    ('x = 1\nname = “年度投资”\n', Msg.TOML_CURLY_QUOTES, 2),
    ('value = 25，\n', Msg.TOML_FULL_WIDTH, 1),
    ('value ＝ 25\n', Msg.TOML_FULL_WIDTH, 1),
    ('value = ２５\n', Msg.TOML_FULL_WIDTH, 1),
    ('value\n', Msg.TOML_MISSING_EQUALS, 1),
    ('a = 1\na = 2\n', Msg.TOML_DUPLICATE_KEY, 2),
    ('by = 统计局\n', Msg.TOML_UNQUOTED_TEXT, 1),
    ('x = 1\nphone = 02300000000\n', Msg.TOML_DIGITS_AS_TEXT, 2),
    ('phone = 023-1234\n', Msg.TOML_DIGITS_AS_TEXT, 1),
    ('phone = 138-0000-0000  # 手机\n', Msg.TOML_DIGITS_AS_TEXT, 1),
])
def test_a_common_mistake_gets_its_fix(text, expected, line):
    with pytest.raises(TomlSyntaxError) as caught:
        loads(text)
    assert caught.value.msg.id is expected
    assert caught.value.line == line
    for lang in ("zh", "en"):
        said = caught.value.msg.text(lang)
        assert "str" not in said.split() and "\\n" not in said


def test_deep_nesting_and_huge_dotted_keys_are_errors_not_crashes():
    with pytest.raises(TomlSyntaxError):
        loads("a = " + "[" * 10_000 + "]" * 10_000 + "\n")
    with pytest.raises(TomlSyntaxError):
        loads("a." * 100_000 + "b = 1\n")


TARGET = """
[targets.inv]
name = "年度投资"
kind = "cumulative"
target = 620
"""


@pytest.mark.parametrize("wrong, right, zh, en", [
    ('name = "年度投资"', 'name = “年度投资”', "引号应为英文引号", "straight ASCII quotes"),
    ("target = 620", "target ＝ 620", "＝ 是全角字符；请改为英文半角 =", "write the ASCII '='"),
    ("target = 620", "target = ６２０", "６ 是全角字符；请改为英文半角 6", "write the ASCII '6'"),
    ('name = "年度投资"', 'name = "年度投资', "文本缺少结束引号", "a text value is not closed"),
    ("target = 620", 'target = "620"', "target 必须是数字，不要加引号：应写成 target = 620",
     "target must be a number, without quotes: write target = 620"),
    ("target = 620", "target 620", "后面缺少等号和值", "has no value"),
    ("target = 620", "target = 620\ntarget = 630", "target 重复出现；只保留一个",
     "target is given twice"),
])
def test_each_common_mistake_is_one_line_with_its_fix(isolated, wrong, right, zh, en):
    (isolated / "targets.toml").write_text(PLAN + TARGET.replace(wrong, right),
                                           encoding="utf-8")
    (isolated / "actuals").mkdir()
    for lang, hint in (("zh", zh), ("en", en)):
        result = run("--lang", lang, "status")
        assert result.exit_code == 1
        said = result.stderr
        assert said.count("\n") == 1 and hint in said and "targets.toml:" in said, said
        assert "str" not in re.findall(r"[a-z]+", said) and "\\n" not in said, said


@pytest.mark.parametrize("phone", ["02300000000", "023-1234"])
def test_an_unquoted_phone_number_is_told_to_go_in_quotes(isolated, phone):
    office = f'\n[office]\nname = "区委督查室"\nphone = {phone}\n'
    (isolated / "targets.toml").write_text(PLAN + office + TARGET, encoding="utf-8")
    (isolated / "actuals").mkdir()
    result = run("status")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert f'请加英文引号，应写成 phone = "{phone}"' in result.stderr, result.stderr
    assert "targets.toml:" in result.stderr
    english = run("--lang", "en", "status")
    assert f'put it in quotes, as a phone number is written: phone = "{phone}"' in english.stderr


def test_a_date_and_a_plain_number_are_no_phone_numbers():
    assert loads("due = 2025-12-31\nvalue = 0\nphone = \"023-1234\"\n")["value"] == 0
    with pytest.raises(TomlSyntaxError) as caught:
        loads("due = 2025-13-01\n")
    assert caught.value.msg.id is not Msg.TOML_DIGITS_AS_TEXT
