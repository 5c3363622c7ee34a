"""The words a user may type for a colour or a format, in either language.

Each maps what is typed (compared in lower case) to the value the command line uses:
`--only 红,黄` is `--only red,yellow`, `--format 表格` is `--format table`.
"""

from __future__ import annotations

COLOUR_WORDS: dict[str, str] = {
    "blue": "blue", "ahead": "blue", "蓝": "blue", "蓝色": "blue", "蓝色·超前示范": "blue",
    "超前示范": "blue",
    "green": "green", "on track": "green", "绿": "green", "绿色": "green",
    "绿色·推进正常": "green", "推进正常": "green",
    "yellow": "yellow", "warning": "yellow", "黄": "yellow", "黄色": "yellow",
    "黄色·超期预警": "yellow", "超期预警": "yellow",
    "red": "red", "lagging": "red", "红": "red", "红色": "red", "红色·滞后督办": "red",
    "滞后督办": "red",
    "none": "none", "no data": "none", "灰": "none", "灰色": "none", "灰色·未报送": "none",
    "未报送": "none",
}

FORMAT_WORDS: dict[str, str] = {
    "table": "table", "表格": "table", "表": "table",
    "json": "json",
    "csv": "csv",
    "md": "md", "markdown": "md",
    "html": "html", "htm": "html", "网页": "html",
    "xlsx": "xlsx", "excel": "xlsx", "工作簿": "xlsx",
    "docx": "docx", "word": "docx", "文档": "docx",
    "pdf": "pdf",
    "text": "text", "文本": "text",
}

# The short words shown beside each value in the help and offered by Tab.
COLOUR_SHOWN = {"blue": "蓝", "green": "绿", "yellow": "黄", "red": "红", "none": "灰"}
