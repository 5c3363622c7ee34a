"""The quick TOML reader gives exactly what tomli alone gives, on any text."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import rtoml
import tomli
from hypothesis import event, given, settings
from hypothesis import strategies as st

from kpitrack import toml_read

REPO = Path(__file__).resolve().parent.parent

# TOML 1.1 syntax, each invalid in TOML 1.0, which kpitrack's files are.
TOML_11 = [
    "a = {x = 1,\n y = 2}",
    "a = {x = 1,}",
    'a = "\\e[0m"',
    'a = "\\x41"',
    "a = 07:32",
    "a = 1979-05-27T07:32Z",
    "a = 1979-05-27 07:32",
    "a = 1979-05-27T07:32+08:00",
]


def same(a: object, b: object) -> bool:
    """Equal, and of the same types: datetimes with the same offset, NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and
                                                     math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, dt.datetime | dt.time):
        return a == b and a.isoformat() == b.isoformat() and a.utcoffset() == b.utcoffset()
    return a == b


def outcome(parse, text: str):
    try:
        return "ok", parse(text)
    except tomli.TOMLDecodeError:
        return "error", None


@pytest.mark.parametrize("text", TOML_11)
def test_toml_11_syntax_stays_an_error(text):
    with pytest.raises(tomli.TOMLDecodeError):
        toml_read.loads(text)


# Where rtoml, left alone, would read TOML 1.0 otherwise than tomli does.
RTOML_DIFFERS = [
    "\ufeffa = 1",  # a byte-order mark inside the text (kpitrack strips one at the start)
    "a = '''x\r\ny'''",  # tomli reads a multi-line string's CRLF as LF
    'a = """x\r\ny"""',
    "a = 1e400",  # rtoml refuses; tomli reads inf (which kpitrack then rejects by name)
]


@pytest.mark.parametrize("text", RTOML_DIFFERS)
def test_where_rtoml_differs_tomli_decides(text):
    expected = outcome(tomli.loads, text)
    raw = rtoml_reads(text) and rtoml.loads(text)
    assert raw is False or expected[0] == "error" or not same(raw, expected[1])  # it does differ
    got = outcome(toml_read.loads, text)
    assert got[0] == expected[0] and same(got[1], expected[1])


# Pieces of TOML, good and bad: values of every type and spelling, 1.1 syntax,
# control characters, duplicate keys and tables, and the shapes of a month file.
GOOD = [
    "1", "-0", "+7", "1_000", "0x1F", "0o17", "0b101", "9223372036854775807",
    "9223372036854775808", "1.5", "-0.0", "+0.0", "1e400", "-1e400", "5e-324", "1e-400",
    "0.1", "3.0e+2", "inf", "-inf", "nan", "+nan", "true", "false", '"x"', '""', "''",
    '"a\\tb"', '"\\u00e9"', '"\\U0001F600"', '"C:\\\\e"', "'C:\\e'", '"""a\nb"""',
    '"""a\\\n  b"""', "'''a\r\nb'''", '"""a\r\nb"""', '"""a\\\r\n  b"""', '"tab\there"',
    '"会议 10:30"', "'{x}'", "2025-02-05T09:00:00+08:00", "2025-02-05T09:00:00Z",
    "2025-02-05t09:00:00-00:00", "2025-02-05 09:00:00.123456789+08:00",
    "2025-02-05T09:00:00", "2025-02-05", "09:00:00", "[]", '[1, "x"]', "[\n1,\n# c\n2\n]",
    "{}", "{x = 1}", "{x.y = 1}",
]
BAD = [
    "01", "1_", "1.", ".5", "Inf", "True", '"\\ud800"', '"\\e"', '"\\x41"', '"a\x01b"',
    '"a\x7fb"', "2025-02-30", "09:00", "24:00:00", "2025-06-30T23:59:60Z",
    "2025-02-05T09:00+08:00", "[1, 2,]", "{x = 1,}", "{x = 1,\ny = 2}", "",
]
VALUES = st.one_of(*[st.sampled_from(GOOD)] * 4, st.sampled_from(BAD))
KEYS = [*(f"k{n}" for n in range(12)), "a", '"a"', "'a'", "a.b", "a . b", '"a.b"', "é",
        '"é"', "1", "-", "a b", '""']
LINES = st.one_of(
    st.builds(lambda k, v: f"{k} = {v}", st.sampled_from(KEYS), VALUES),
    st.sampled_from(["[a]", "[b]", "[a.b]", "[[a]]", "[[actual]]", "[ a ]", "[[ actual ]]",
                     "[a]]", "[[a]", "# comment {", "# \x01", "# \x7f", "#\t ok", "",
                     "a = 1 # 09:30", "\ufeffa = 1", "schema = 1"]),
    st.builds(lambda n, v: f'[[actual]]\ntarget = "t{n}"\nperiod = "2025-03"\nvalue = {v}\n'
              'recorded = 2025-04-02T09:30:00+08:00\nnote = "1—3月累计"',
              st.integers(0, 3), VALUES),
)
ENDINGS = st.sampled_from(["\n"] * 6 + ["\r\n"] * 3 + ["\r"])


def rtoml_reads(text: str) -> bool:
    try:
        rtoml.loads(text)
    except Exception:
        return False
    return True


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(LINES, ENDINGS), max_size=8))
def test_the_quick_reader_agrees_with_tomli(lines):
    text = "".join(line + end for line, end in lines)
    got, expected = outcome(toml_read.loads, text), outcome(tomli.loads, text)
    quick = not toml_read.maybe_toml_11(text) and rtoml_reads(text)
    event(f"tomli: {expected[0]}; rtoml read it: {quick}")
    assert got[0] == expected[0], text
    assert same(got[1], expected[1]), text


def test_a_month_file_takes_the_quick_path(monkeypatch):
    """The quick reader is really used on the files kpitrack writes (or the test above
    would pass with tomli alone)."""
    calls = []
    quick = rtoml.loads
    monkeypatch.setattr(rtoml, "loads", lambda text: calls.append(1) or quick(text))
    for path in sorted((REPO / "actuals").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        assert same(toml_read.loads(text), tomli.loads(text))
    assert calls and len(calls) == len(list((REPO / "actuals").glob("*.toml")))


def test_a_panic_in_rtoml_is_left_to_tomli(monkeypatch):
    panic = type("PanicException", (BaseException,), {})

    def broken(text):
        raise panic("rust panicked")

    monkeypatch.setattr(rtoml, "loads", broken)
    assert toml_read.loads("a = 1") == {"a": 1}
    monkeypatch.setattr(rtoml, "loads", lambda text: (_ for _ in ()).throw(
        KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        toml_read.loads("a = 1")
