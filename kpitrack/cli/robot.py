"""Posting a command's message to a group robot (`--webhook`), for remind and notice."""

from __future__ import annotations

import os

from ..core.errors import KpiError
from ..i18n.messages import Msg
from ..i18n.words import word
from ..send import robots
from .settings import Settings


def send_to_robot(settings: Settings, webhook: str, kind: str | None, secret: str | None,
                  title: str, blocks: list[str], lang: str) -> None:
    """Post to the group robot; the URL from --webhook or KPITRACK_WEBHOOK, the secret from
    --secret or KPITRACK_WEBHOOK_SECRET (neither is ever printed)."""
    url = webhook or os.environ.get("KPITRACK_WEBHOOK", "").strip()
    if not url:
        raise KpiError(Msg.ROBOT_NO_URL())
    if secret is None:
        secret = os.environ.get("KPITRACK_WEBHOOK_SECRET", "").strip() or None
    target = robots.robot(url, kind, secret)
    sent = robots.post(target, title, blocks)
    settings.note(Msg.ROBOT_SENT.text(lang, robot=word(f"robot_{target.kind}", lang), n=sent))
