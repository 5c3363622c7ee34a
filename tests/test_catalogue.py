"""Every sentence, header and word a person reads comes from the catalogue in
`kpitrack/i18n/`: no Chinese is written inline in any other module, and no module picks its
words with `if lang == "zh"` (the vocabulary users type is in `i18n.vocabulary`)."""

from __future__ import annotations

import ast
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "kpitrack"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")

# Every module outside kpitrack/i18n/: their words all come from it.
OWNED = sorted(path for path in ROOT.rglob("*.py") if "i18n" not in path.parts)
IDS = [str(path.relative_to(ROOT)) for path in OWNED]
LANGUAGES = {"zh", "en"}


def _strings(tree: ast.AST) -> list[ast.Constant]:
    """Every string constant, docstrings and the pieces of f-strings included."""
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_the_owned_files_are_found():
    assert len(OWNED) > 25
    assert all(path.is_file() for path in OWNED)


@pytest.mark.parametrize("path", OWNED, ids=IDS)
def test_no_chinese_string_literal_outside_the_catalogue(path):
    """As `grep` sees the source: no string literal (docstrings included) holds Chinese."""
    with path.open("rb") as handle:
        found = [(token.start[0], token.string[:40])
                 for token in tokenize.tokenize(handle.readline)
                 if token.type in (tokenize.STRING, tokenize.FSTRING_MIDDLE)
                 and CJK.search(token.string)] if hasattr(tokenize, "FSTRING_MIDDLE") else \
            [(token.start[0], token.string[:40]) for token in tokenize.tokenize(handle.readline)
             if token.type == tokenize.STRING and CJK.search(token.string)]
    assert not found, found


def _language_branches(tree: ast.AST) -> list[int]:
    """Lines that compare with a language code, or name a `zh` flag."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            constants = [c for operand in operands for c in ast.walk(operand)
                         if isinstance(c, ast.Constant)]
            if any(c.value in LANGUAGES for c in constants):
                lines.append(node.lineno)
        elif isinstance(node, ast.Name) and node.id in LANGUAGES:
            lines.append(node.lineno)
        elif isinstance(node, ast.arg) and node.arg in LANGUAGES:
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("path", OWNED, ids=IDS)
def test_no_module_picks_its_words_by_language(path):
    source = path.read_text(encoding="utf-8")
    assert not _language_branches(ast.parse(source))
    # Nor in a template held as text (the HTML page's jinja2): `lang == 'zh'`.
    assert not re.search(r"\blang\s*[!=]=", source)


def test_the_branch_finder_finds_branches():
    found = _language_branches(ast.parse(
        'a = x if lang == "zh" else y\nzh = lang == "zh"\nif "en" != lang:\n    pass\n'
        'b = lang in ("zh",)\n'))
    assert sorted(set(found)) == [1, 2, 3, 5]


def test_an_id_given_twice_in_a_catalogue_is_refused():
    from kpitrack.i18n.base import Catalogue, MessageId

    with pytest.raises(TypeError, match="SAME twice"):
        class Twice(metaclass=Catalogue):
            SAME = MessageId("one", "一")
            SAME = MessageId("two", "二")
