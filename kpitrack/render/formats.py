"""Choosing a renderer for a report format: the text or bytes each format writes."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..report import StatusReport

STATUS_FORMATS = ("table", "json", "csv", "md")
EXPORT_FORMATS = ("md", "html", "csv", "json", "xlsx", "docx")
EXPORT_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
                   ".csv": "csv", ".json": "json", ".xlsx": "xlsx", ".docx": "docx"}
BINARY_FORMATS = ("xlsx", "docx")


def dumps(data: dict) -> str:
    """JSON as every command writes it: UTF-8 text, indented, no NaN."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)


def status_text(report: StatusReport, fmt: str, lang: str) -> str:
    """`status --format json|csv|md`."""
    if fmt == "json":
        from .rows import report_json

        return dumps(report_json(report))
    if fmt == "csv":
        from .csv_out import status_csv

        return status_csv(report, lang)
    from .markdown import status_markdown

    return status_markdown(report, lang)


def export_bytes(report: StatusReport, fmt: str, lang: str,
                 histories: Mapping[str, Sequence] | None = None) -> bytes:
    """`export`: the meeting report in `fmt`, as the bytes of its file. `histories` (each
    red target's months) feeds the HTML page's charts."""
    if fmt == "xlsx":
        from .xlsx_out import status_xlsx

        return status_xlsx(report, lang)
    if fmt == "docx":
        from .docx_out import report_docx

        return report_docx(report, lang)
    if fmt == "html":
        from .html_out import report_html

        text = report_html(report, histories or {}, lang)
    elif fmt == "json":
        from .rows import report_json

        text = dumps(report_json(report)) + "\n"
    elif fmt == "csv":
        from .csv_out import status_csv

        text = status_csv(report, lang, bom=True)
    else:
        from .markdown import report_markdown

        text = report_markdown(report, lang)
    return text.encode("utf-8")
