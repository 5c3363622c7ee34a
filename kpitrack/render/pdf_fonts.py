"""The font a PDF is drawn in: one with Chinese characters and digits, found in this order.

1. `KPITRACK_PDF_FONT`, the path of a TrueType font (`.ttf`, or a `.ttc` collection, whose
   first font is used); a file that is not one, or lacks Chinese, is an error, never
   silently passed over, which says whether the path is missing, a folder, or a font
   with PostScript outlines.
2. The fonts a Chinese Windows, macOS or Linux desktop has (SimSun, FangSong, SimHei,
   Microsoft YaHei; Songti, STHeiti, Arial Unicode; AR PL UMing, WenQuanYi), the first
   that reportlab can embed. reportlab reads TrueType outlines only: the Noto CJK and
   Source Han fonts (PostScript outlines) are not among them.
3. reportlab's built-in STSong-Light, a CID font that needs no file: every PDF reader
   draws it with a Song face of its own, so it is not embedded. It lacks a few marks
   (`·`, `✓`, `†`, `‡`, `−`, `↕`, anything beyond the Basic Multilingual Plane); `text`
   draws each such mark as a look-alike it has, the same way in the tables and in the
   legend. A TrueType font lacking one of those marks gets the same look-alike, if it
   has that.

A TrueType font draws nothing for a character its cmap lacks, so `text` draws `□` in its
place, as the built-in font does, one per character: an emoji, a CJK Extension B
character. A combining mark is first composed with its letter (NFC, `e` and U+0301 are
`é`, which the font may have); a combining mark, variation selector or zero-width format
character the font still lacks is dropped, keeping its base letter. Text whose every
character the font has, nearly all of it, is drawn unchanged after one set look-up.
"""

from __future__ import annotations

import functools
import hashlib
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import KpiError
from ..i18n.messages import Msg
from ..i18n.vocabulary import PDF_FONT_PROBE, PDF_LOOKALIKES
from . import safe

FONT_VARIABLE = "KPITRACK_PDF_FONT"
BUILT_IN = "STSong-Light"
_NEEDED = PDF_FONT_PROBE
_LOOKALIKES: dict[int, str] = str.maketrans(PDF_LOOKALIKES)
_BEYOND_BMP = "□"


_PLACEHOLDER_ELSE = "?"
# Unicode categories drawn as nothing, not `□`, when the font lacks them: combining marks
# (a base letter keeps its place) and zero-width format characters (ZWJ, soft hyphen).
_DROPPED = ("Mn", "Mc", "Me", "Cf")


@dataclass(frozen=True)
class Font:
    """A registered font: its reportlab name, its file (None for the built-in one), the
    look-alikes it draws for the marks it lacks and, for a TrueType font, the characters
    its cmap has (empty: not known, the built-in font)."""

    name: str
    path: str | None
    lookalikes: dict[int, str] = field(default_factory=dict, compare=False, hash=False)
    covered: frozenset[str] = field(default_factory=frozenset, compare=False, hash=False)

    @property
    def built_in(self) -> bool:
        return self.path is None

    def text(self, value: str) -> str:
        """User or catalogue text as it is drawn: one line, no control or reordering
        character (as every format), with a look-alike for each mark the font lacks."""
        value = safe.plain(value)
        if self.lookalikes:
            value = value.translate(self.lookalikes)
        if self.covered:
            return value if self.covered.issuperset(value) else self._placeheld(value)
        if self.built_in and not value.isascii() and max(value) > "\uffff":
            return "".join(c if c <= "\uffff" else _BEYOND_BMP for c in value)
        return value

    def _placeheld(self, value: str) -> str:
        """`value` with `□` for each character the font lacks (composed first; a mark or
        format character it lacks is dropped)."""
        value = unicodedata.normalize("NFC", value)
        has = self.covered
        box = _BEYOND_BMP if _BEYOND_BMP in has else _PLACEHOLDER_ELSE
        return "".join(c if c in has
                       else "" if unicodedata.category(c) in _DROPPED else box
                       for c in value)


def _windows_fonts() -> list[Path]:
    roots = [Path(os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows")
             / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        roots.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    names = ("simsun.ttc", "simfang.ttf", "simhei.ttf", "msyh.ttc", "simkai.ttf")
    return [root / name for root in roots for name in names]


_OTHER_FONTS = (
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/Library/Fonts/Songti.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
)


def candidates() -> list[Path]:
    """The system fonts tried, in order, after the variable."""
    return [*_windows_fonts(), *(Path(p) for p in _OTHER_FONTS)]


@functools.lru_cache(maxsize=16)
def _load(path: Path) -> Font | None:
    """The font at `path` registered with reportlab, or None if it cannot draw Chinese."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = "kpitrack-" + hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:12]
    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except Exception:  # a font file is outside data: any failure means "not usable"
        return None
    if any(ord(c) not in font.face.charToGlyph for c in _NEEDED):
        return None
    pdfmetrics.registerFont(font)
    has = font.face.charToGlyph
    lacks = {mark: like for mark, like in _LOOKALIKES.items()
             if mark not in has and all(ord(c) in has for c in like)}
    return Font(name, str(path), lacks, frozenset(map(chr, has)))


def _built_in() -> Font:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    try:
        pdfmetrics.registerFont(UnicodeCIDFont(BUILT_IN))
    except Exception as exc:  # reportlab installed without its CID data
        raise KpiError(Msg.PDF_NO_FONT(variable=FONT_VARIABLE)) from exc
    return Font(BUILT_IN, None, _LOOKALIKES)


def _postscript(path: Path) -> bool:
    """Whether the font file (or a collection's first font) has PostScript (CFF)
    outlines: an OpenType file that begins `OTTO`, which reportlab cannot read."""
    try:
        with path.open("rb") as file:
            head = file.read(16)
            if head[:4] == b"ttcf" and len(head) >= 16:
                file.seek(int.from_bytes(head[12:16], "big"))
                head = file.read(4)
    except OSError:
        return False
    return head[:4] == b"OTTO"


def _chosen(chosen: str) -> Font:
    """The font the variable names, or why it cannot be used, in one sentence."""
    path = Path(chosen)
    font = _load(path) if path.is_file() else None
    if font is not None:
        return font
    if not path.exists():
        message = Msg.PDF_FONT_MISSING
    elif path.is_dir():
        message = Msg.PDF_FONT_FOLDER
    elif _postscript(path):
        message = Msg.PDF_FONT_POSTSCRIPT
    else:
        message = Msg.PDF_FONT_UNUSABLE
    raise KpiError(message(variable=FONT_VARIABLE, path=chosen))


@functools.lru_cache(maxsize=8)
def _find(chosen: str | None, tried: tuple[Path, ...]) -> Font:
    if chosen:
        return _chosen(chosen)
    for path in tried:
        if path.is_file():
            found = _load(path)
            if found is not None:
                return found
    return _built_in()


def find_font() -> Font:
    """The font of this computer's PDFs: the variable, the system's fonts, the built-in."""
    return _find(os.environ.get(FONT_VARIABLE) or None, tuple(candidates()))


def heading_candidates() -> list[Path]:
    """The Hei (sans, bold-looking) faces tried for titles and headings."""
    windows = [p for p in _windows_fonts() if p.name in ("simhei.ttf", "msyh.ttc")]
    return [*windows, Path("/System/Library/Fonts/STHeiti Medium.ttc"),
            Path("/System/Library/Fonts/STHeiti Light.ttc"),
            Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")]


def find_fonts() -> tuple[Font, Font]:
    """The body font and the headings' font: a Hei face (SimHei, Microsoft YaHei,
    STHeiti, WenQuanYi) for titles and headings when the system has one and no font was
    named in the variable; else the body font for both."""
    body = find_font()
    if os.environ.get(FONT_VARIABLE):
        return body, body
    for path in heading_candidates():
        if str(path) == body.path:
            return body, body
        found = _load(path) if path.is_file() else None
        if found is not None:
            return body, found
    return body, body
