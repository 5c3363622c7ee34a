"""Post a Markdown message to a WeCom or DingTalk group robot.

Each robot documents its own JSON for a Markdown message:

- WeCom: ``{"msgtype": "markdown", "markdown": {"content": TEXT}}``, at most 4,096 bytes
  of UTF-8 per message;
- DingTalk: ``{"msgtype": "markdown", "markdown": {"title": TITLE, "text": TEXT}}``, and
  with a signing secret the URL gains ``timestamp`` (milliseconds) and ``sign``: the
  Base64 of HMAC-SHA256(secret, "timestamp\\nsecret"), URL-encoded.

Both answer ``{"errcode": 0, "errmsg": "ok"}``; any other code is a refusal. The URL
(which holds the robot's key) and the secret are secrets: no message this module raises
holds either, nor any text of the robot's answer that repeats them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.errors import KpiError
from ..i18n.messages import Msg

if TYPE_CHECKING:
    import urllib.request

ROBOTS = ("wecom", "dingtalk")
# The most each robot takes in one Markdown message, in bytes of UTF-8.
LIMITS = {"wecom": 4096, "dingtalk": 20000}
HOSTS = {"qyapi.weixin.qq.com": "wecom", "oapi.dingtalk.com": "dingtalk"}
TIMEOUT = 15.0


@dataclass(frozen=True, slots=True)
class Robot:
    """Where to post, and how: the URL, its kind and the DingTalk secret, if any."""

    url: str
    kind: str
    secret: str | None = None

    def hide(self, text: str) -> str:
        """`text` with the URL, its key and the secret taken out."""
        secrets = [self.url, *urllib.parse.parse_qs(urllib.parse.urlsplit(self.url).query,
                                                   keep_blank_values=False).values()]
        words = [self.url] + [v for values in secrets[1:] for v in values]
        if self.secret:
            words.append(self.secret)
        for word in sorted((w for w in words if isinstance(w, str) and len(w) >= 4),
                           key=len, reverse=True):
            text = text.replace(word, "***")
        return text


def robot(url: str, kind: str | None = None, secret: str | None = None) -> Robot:
    """The robot at `url`: its kind from `kind`, else from the URL's host."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise KpiError(Msg.ROBOT_BAD_URL())
    found = kind or HOSTS.get(parts.hostname.lower())
    if found is None:
        raise KpiError(Msg.ROBOT_UNKNOWN())
    if secret and found != "dingtalk":
        raise KpiError(Msg.ROBOT_SECRET_WECOM())
    return Robot(url.strip(), found, secret or None)


def payload(kind: str, title: str, text: str) -> dict[str, object]:
    """The JSON body of one Markdown message, as the robot documents it."""
    if kind == "dingtalk":
        return {"msgtype": "markdown", "markdown": {"title": title, "text": text}}
    return {"msgtype": "markdown", "markdown": {"content": text}}


def signed(url: str, secret: str, now_ms: int) -> str:
    """DingTalk's signed URL: `timestamp` and `sign` added to its query."""
    to_sign = f"{now_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), to_sign, hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest))
    joiner = "&" if urllib.parse.urlsplit(url).query else "?"
    return f"{url}{joiner}timestamp={now_ms}&sign={sign}"


def _cut(block: str, limit: int) -> list[str]:
    """A block longer than `limit` bytes, cut at line ends (a line longer still, by
    characters)."""
    pieces: list[str] = []
    current = ""
    for line in block.split("\n"):
        while len(line.encode()) > limit:
            head = line.encode()[:limit].decode(errors="ignore")
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
            line = line[len(head):]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate.encode()) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def messages(blocks: Sequence[str], limit: int) -> list[str]:
    """The blocks (a heading, then one per unit) packed into as few messages as fit in
    `limit` bytes each, never splitting a block that fits in one."""
    out: list[str] = []
    current = ""
    for block in blocks:
        for piece in _cut(block, limit) if len(block.encode()) > limit else [block]:
            candidate = f"{current}\n\n{piece}" if current else piece
            if len(candidate.encode()) > limit:
                out.append(current)
                current = piece
            else:
                current = candidate
    if current:
        out.append(current)
    return out


Opener = Callable[..., object]


def post(target: Robot, title: str, blocks: Sequence[str],
         clock: Callable[[], float] = time.time) -> int:
    """Post the blocks as Markdown messages, in order; the number of messages sent. A
    refusal or a network failure is a KpiError naming the robot's own error code."""
    # 35 ms to import (http.client, email): only a post needs it, not every paper.
    import urllib.request

    sent = 0
    for text in messages(blocks, LIMITS[target.kind]):
        url = target.url
        if target.secret:
            url = signed(url, target.secret, int(clock() * 1000))
        body = json.dumps(payload(target.kind, title, text), ensure_ascii=False).encode()
        request = urllib.request.Request(
            url, data=body, method="POST",
            headers={"Content-Type": "application/json; charset=utf-8"})
        _answer(target, request)
        sent += 1
    return sent


def _answer(target: Robot, request: urllib.request.Request) -> None:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            raw = response.read(65536)
    except urllib.error.HTTPError as error:
        raise KpiError(Msg.ROBOT_HTTP(status=error.code)) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise KpiError(Msg.ROBOT_UNREACHABLE(reason=target.hide(str(reason))[:200])) from None
    try:
        answer = json.loads(raw)
        code = answer.get("errcode")
        text = str(answer.get("errmsg", ""))
    except (ValueError, AttributeError):
        raise KpiError(Msg.ROBOT_BAD_ANSWER()) from None
    if code != 0:
        raise KpiError(Msg.ROBOT_REFUSED(code=code, reason=target.hide(text)[:200]))
