"""The report formats, and the text `status --format json|csv|md` writes (the export
formats, which need more, are in `exports`)."""

from __future__ import annotations

from ..core.report import StatusReport
from .csv_out import status_csv
from .json_out import dumps, report_json
from .markdown import status_markdown

STATUS_FORMATS = ("table", "json", "csv", "md")
EXPORT_FORMATS = ("md", "html", "csv", "json", "xlsx", "docx", "pdf")
EXPORT_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
                   ".csv": "csv", ".json": "json", ".xlsx": "xlsx", ".docx": "docx",
                   ".pdf": "pdf"}
BINARY_FORMATS = ("xlsx", "docx", "pdf")


def status_text(report: StatusReport, fmt: str, lang: str) -> str:
    """`status --format json|csv|md`."""
    if fmt == "json":
        return dumps(report_json(report))
    if fmt == "csv":
        return status_csv(report, lang)
    return status_markdown(report, lang)
