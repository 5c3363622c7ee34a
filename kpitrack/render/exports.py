"""`export`: the meeting report in each format, as the bytes of its file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from ..core.model import MonthStatus
from ..core.report import StatusReport
from .csv_out import status_csv
from .docx_out import report_docx
from .html.page import report_html
from .json_out import dumps, report_json
from .markdown import report_markdown
from .pdf_out import report_pdf
from .xlsx_out import status_xlsx


def export_bytes(report: StatusReport, fmt: str, lang: str,
                 histories: Mapping[str, Sequence[MonthStatus]] | None = None,
                 issued: dt.date | None = None) -> bytes:
    """`export`: the meeting report in `fmt`, as the bytes of its file. `histories` (each
    red target's months) feeds the HTML page's charts; `issued` dates the Word paper."""
    if fmt == "xlsx":
        return status_xlsx(report, lang)
    if fmt == "docx":
        return report_docx(report, lang, issued)
    if fmt == "pdf":
        return report_pdf(report, lang, issued)
    if fmt == "html":
        text = report_html(report, histories or {}, lang)
    elif fmt == "json":
        text = dumps(report_json(report)) + "\n"
    elif fmt == "csv":
        text = status_csv(report, lang, bom=True)
    else:
        text = report_markdown(report, lang)
    return text.encode("utf-8")
