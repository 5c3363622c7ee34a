"""Problems and errors in the reader's language.

The core words its messages in English, which is what `check --format json`
scripts, logs and tests can rely on. Here each English message is matched against
a catalogue of templates and given in Chinese: `{name}` is copied across as it is
(an id, a file, a figure: user data), and `{msg}` is itself a message, translated
in turn. A message the catalogue does not know is shown in English rather than
lost.
"""

from __future__ import annotations

import re
from functools import cache

from ..labels import KIND_NAMES
from ..model import KpiError, Problem

# (English template, Chinese template). More specific templates come first.
CATALOGUE: tuple[tuple[str, str], ...] = (
    # compound messages
    ("{msg} (and {n} more; run `kpitrack check`)", "{msg}（另有{n}处问题，请运行 `kpitrack check`）"),
    ("{msg}; fix this file before adding to it", "{msg}；请先修正此文件再添加"),
    ("{msg}; fix it before copying this plan", "{msg}；请先修正再复制此计划"),
    ("moving the plan to {year}: {msg}", "将计划移到{year}年时出错：{msg}"),
    # finding the workspace
    ("workspace {root} does not exist", "工作区 {root} 不存在"),
    ("workspace {root} is a file, not a folder", "工作区 {root} 是文件，不是文件夹"),
    ("{root} holds no targets.toml: run `kpitrack init {root2}` first",
     "{root} 中没有 targets.toml：请先运行 `kpitrack init {root2}`"),
    ("no targets.toml in {here} or its parents: use -C DIR or `kpitrack init`",
     "{here} 及其上级文件夹中都没有 targets.toml：请用 -C DIR 指定工作区，或运行 `kpitrack init`"),
    # reading files
    ("cannot read: {why}", "无法读取：{why}"),
    ("invalid TOML: {detail}", "TOML 格式错误：{detail}"),
    ("not UTF-8 text (byte {byte}); save the file as UTF-8",
     "不是 UTF-8 文本（字节 {byte}）；请将文件另存为 UTF-8"),
    ("missing `schema = {n}` at the top of the file", "文件开头缺少 `schema = {n}`"),
    ("schema must be the whole number {n}", "schema 必须是整数 {n}"),
    ("schema {schema} is newer than this kpitrack understands ({n}); upgrade kpitrack",
     "schema {schema} 比当前 kpitrack 支持的版本（{n}）新；请升级 kpitrack"),
    ("schema must be {n}, not {schema}", "schema 必须是 {n}，不能是 {schema}"),
    ("month files must be named YYYY-MM.toml, e.g. 2025-03.toml",
     "月份文件必须命名为 YYYY-MM.toml，如 2025-03.toml"),
    ("actuals is a file; it must be a folder of month files",
     "actuals 是文件；它必须是存放月份文件的文件夹"),
    # targets.toml
    ("unknown top-level field {key}; records go in [[actual]] tables",
     "未知的顶层字段 {key}；记录应写在 [[actual]] 表中"),
    ("unknown top-level field {key}", "未知的顶层字段 {key}"),
    ("missing [plan] table with title and year", "缺少 [plan] 表（含 title 和 year）"),
    ("unknown plan field {key}", "未知的 plan 字段 {key}"),
    ("plan.year must be a year such as 2025", "plan.year 必须是年份，如 2025"),
    ("plan.end is before plan.start", "plan.end 早于 plan.start"),
    ("plan needs `year = 2025`, or both `start` and `end` dates",
     "plan 需要 `year = 2025`，或同时给出 `start` 和 `end` 日期"),
    ("plan gives both year and start/end: keep one", "plan 同时给出了 year 和 start/end：只保留一种"),
    ("plan.lang must be zh or en, not {lang}", "plan.lang 必须是 zh 或 en，不能是 {lang}"),
    ("[bands] must be a table", "[bands] 必须是表"),
    ("[bands.milestone] must be a table", "[bands.milestone] 必须是表"),
    ("bands must be a table, e.g. { green = -3 }", "bands 必须是表，如 { green = -3 }"),
    ("bands must be a table", "bands 必须是表"),
    ("unknown bands field {key}", "未知的 bands 字段 {key}"),
    ("unknown band edge {key}", "未知的色带边界 {key}"),
    ("band edges must satisfy blue >= green >= yellow", "色带边界必须满足 blue >= green >= yellow"),
    ("{key} must be a whole number of days, 0 or more", "{key} 必须是不小于 0 的整数天数"),
    ("target id {id} may use only letters, digits, _ and -, at most 64 characters",
     "指标编号 {id} 只能使用字母、数字、_ 和 -，最多 64 个字符"),
    ("targets.{id} must be a table", "targets.{id} 必须是表"),
    ("[targets] must hold tables such as [targets.fixed_investment]",
     "[targets] 中应是 [targets.fixed_investment] 这样的表"),
    ("no targets yet: add a [targets.<id>] table", "还没有指标：请添加 [targets.<编号>] 表"),
    ("unknown field {key} in record", "记录中有未知字段 {key}"),
    ("unknown field {key} (did you mean {close}?)", "未知字段 {key}（是否想写 {close}？）"),
    ("unknown field {key}", "未知字段 {key}"),
    ("missing name", "缺少 name（指标名称）"),
    ("name is empty", "name（指标名称）为空"),
    ("missing kind (cumulative, level, growth, threshold or milestone)",
     "缺少 kind（cumulative、level、growth、threshold 或 milestone）"),
    ("missing target (the annual figure)", "缺少 target（年度目标值）"),
    ("report applies to cumulative targets only", "report 只适用于累计类（cumulative）指标"),
    ("baseline applies to level targets only", "baseline 只适用于存量类（level）指标"),
    ("due {due} is outside the plan ({start} to {end})", "期限 {due} 不在计划期内（{start} 至 {end}）"),
    ("target is zero or negative: completion cannot be computed", "目标值为零或负数：无法计算完成率"),
    ("target equals or is behind the baseline: completion cannot be computed",
     "目标值不高于基数：无法计算完成率"),
    ("schedule month {key} must be a month number from 1 to {n}",
     "schedule 的月份 {key} 必须是 1 到 {n} 的月份数"),
    ("schedule must not go down from one month to the next", "schedule 的计划进度不能逐月下降"),
    ('tags must be a list of text, e.g. ["重点"]', 'tags 必须是文本列表，如 ["重点"]'),
    ("{name} must be text in quotes", "{name} 必须是带引号的文本"),
    ("{name} must be a date such as 2025-06-30 (no quotes)", "{name} 必须是日期，如 2025-06-30（不加引号）"),
    ("{name} must be one of {choices}, not {value}", "{name} 必须是 {choices} 之一，不能是 {value}"),
    ("{name} must be true or false (no quotes)", "{name} 必须是 true 或 false（不加引号）"),
    # month files
    ("each [[actual]] must be a table", "每个 [[actual]] 必须是表"),
    ("records must be [[actual]] tables", "记录必须写成 [[actual]] 表"),
    ("record has no target", "记录缺少 target（指标编号）"),
    ("target must be a target id in quotes", "target 必须是带引号的指标编号"),
    ("record has no period", "记录缺少 period（期间）"),
    ("record has no value", "记录缺少 value（数值）"),
    ('period must be text like "2025-03", not {value}', 'period 必须是 "2025-03" 这样的文本，不能是 {value}'),
    ("period {period} does not match the file's month {month}",
     "期间 {period} 与文件所属月份 {month} 不符"),
    ("period {period} is outside the plan ({first} to {last}); pass --period",
     "期间 {period} 不在计划期内（{first} 至 {last}）；请用 --period 指定"),
    ("period {period} is outside the plan ({first} to {last})",
     "期间 {period} 不在计划期内（{first} 至 {last}）"),
    ("period {period} is in the future (today is {today})", "期间 {period} 尚未到来（今天是 {today}）"),
    ("period {period} is in the future", "期间 {period} 尚未到来"),
    ("value {value} is negative; a {kind} figure cannot be", "数值 {value} 为负数；{kind}类指标的数值不能为负"),
    ("a milestone record needs done = true or a percent-complete value",
     "节点类记录需要 done = true，或以 value 给出完成百分比"),
    ("done applies to milestones only", "done 只适用于节点类（milestone）指标"),
    ("recorded must be a date-time such as 2025-04-12T09:30:00+08:00",
     "recorded 必须是日期时间，如 2025-04-12T09:30:00+08:00"),
    ("second figure for {id} {period} without correction = true (the first is at line {line}); "
     "record the right one with `kpitrack add {id2} VALUE --period {period2} --correct`",
     "{id} {period} 有第二个数值但未标 correction = true（第一个在第{line}行）；请用 "
     "`kpitrack add {id2} 数值 --period {period2} --correct` 记录正确的数值"),
    ("{id} {period} is recorded twice with the same figure (lines {a} and {b}); it counts once",
     "{id} {period} 重复记录了相同的数值（第{a}行和第{b}行）；只计一次"),
    ("two corrections for {id} {period} were recorded at the same moment (lines {a} and {b}); "
     "the one at line {c} counts",
     "{id} {period} 有两条同一时刻录入的更正（第{a}行和第{b}行）；以第{c}行为准"),
    ("unknown target {key} (did you mean {close}?)", "未知指标 {key}（是否想写 {close}？）"),
    ("unknown target {key}", "未知指标 {key}"),
    ("year-to-date figure {value} for {period} is below {before} for {period2}; is it a single "
     "month's figure?", "{period} 的年内累计数 {value} 低于 {period2} 的 {before}；是否误填了单月数？"),
    # what users type
    ("cannot read period {text}: use YYYY-MM, 2025/3 or 2025Q1",
     "无法识别期间 {text}：请写成 2025-03、2025/3、2025年3月 或 2025Q1"),
    ("cannot read date {text}: use YYYY-MM-DD", "无法识别日期 {text}：请写成 YYYY-MM-DD，如 2025-06-30"),
    ("cannot read --as-of {text}: use YYYY-MM, a date, or today",
     "无法识别 --as-of {text}：请写成 YYYY-MM、日期或 today"),
    ("cannot read figure {text}: expected a number such as 138.6",
     "无法识别数值 {text}：应为数字，如 138.6 或 3500万"),
    ("cannot read figure {text}", "无法识别数值 {text}"),
    ("figure {text} is in {unit}, but the target is in {wanted}",
     "数值 {text} 的单位是 {unit}，但指标的单位是 {wanted}"),
    ("figure {text} is out of range", "数值 {text} 超出范围"),
    ("figure {text} must be a finite number, not {value}", "数值 {text} 必须是有限数字，不能是 {value}"),
    ("figure {text} {value} is too large (limit {limit})", "数值 {text}（{value}）过大（上限 {limit}）"),
    ("figure {value} is negative; a cumulative figure cannot be", "数值 {value} 为负数；累计类指标的数值不能为负"),
    ("{name} must be a number, not {type}", "{name} 必须是数字，不能是 {type}"),
    ("{name} must be a finite number, not {value}", "{name} 必须是有限数字，不能是 {value}"),
    ("{name} {value} is too large (limit {limit})", "{name} {value} 过大（上限 {limit}）"),
    ("{id} is a milestone: give --done, or a percent complete",
     "{id} 是节点类指标：请用 --done，或给出完成百分比"),
    ("percent complete must be from 0 to 100, not {n}", "完成百分比必须在 0 到 100 之间，不能是 {n}"),
    ("--done and --date are for milestones; {id} is {kind}", "--done 和 --date 只用于节点类指标；{id} 是{kind}类"),
    ("give the figure for {id}, e.g. kpitrack add {id2} 138.6", "请给出 {id} 的数值，如 kpitrack add {id2} 138.6"),
    ("--date {date} is in the future (today is {today})", "--date {date} 是未来日期（今天是 {today}）"),
    ("--as-of {period} is before the plan starts ({first})", "--as-of {period} 早于计划开始（{first}）"),
    ("no section matches {text}; known: {known}", "没有与 {text} 匹配的板块；现有：{known}"),
    ("no owner matches {text}; known: {known}", "没有与 {text} 匹配的责任单位；现有：{known}"),
    # writing
    ("another kpitrack is writing to {root}; try again", "另一个 kpitrack 正在写入 {root}；请稍后重试"),
    ("{path}: this is the workspace's own data; export to another file",
     "{path}：这是工作区自身的数据文件；请导出到其他文件"),
    ("{path}: is a folder; give a file name such as report.md", "{path}：是文件夹；请给出文件名，如 report.md"),
    ("{path}: the folder {folder} does not exist", "{path}：文件夹 {folder} 不存在"),
    ("internal check failed: the new record would not read back; nothing was written",
     "内部校验失败：新记录无法读回；未写入任何内容"),
    ("{id} already has a figure for {period} ({shown}, {where}); use --correct to replace it",
     "{id} 在 {period} 已有数值（{shown}，{where}）；如需替换请用 --correct"),
    ("--correct: {id} has no figure for {period} to correct", "--correct：{id} 在 {period} 没有可更正的数值"),
    ("{path} is a file, not a folder", "{path} 是文件，不是文件夹"),
    ("{path} already exists; nothing was changed", "{path} 已存在；未做任何更改"),
    # sheets
    ("{file}: the old .xls format cannot be read; in Excel use Save As .xlsx or CSV UTF-8",
     "{file}：无法读取旧的 .xls 格式；请在 Excel 中另存为 .xlsx 或 CSV UTF-8"),
    ("{file}: cannot tell the format; use a .csv or .xlsx file",
     "{file}：无法判断文件格式；请使用 .csv 或 .xlsx 文件"),
    ("--sheet is for .xlsx files; {file} is a CSV file", "--sheet 只用于 .xlsx 文件；{file} 是 CSV 文件"),
    ("{file}: this is an Excel workbook, not CSV text; name it .xlsx",
     "{file}：这是 Excel 工作簿，不是 CSV 文本；请将扩展名改为 .xlsx"),
    ("{file}: not valid UTF-8 at byte {n}", "{file}：第{n}字节不是有效的 UTF-8"),
    ("{file}: not valid UTF-16 at byte {n}", "{file}：第{n}字节不是有效的 UTF-16"),
    ("{file}: holds NUL bytes, so it is not CSV text", "{file}：含有 NUL 字节，不是 CSV 文本"),
    ("{file}: the text is neither UTF-8 nor GB18030 (byte {n}); save it as CSV UTF-8",
     "{file}：文本既不是 UTF-8 也不是 GB18030（第{n}字节）；请另存为 CSV UTF-8"),
    ("{file}: not a readable .xlsx workbook ({why})", "{file}：无法读取的 .xlsx 工作簿（{why}）"),
    ("{file}: no sheet named {name}; it has {names}", "{file}：没有名为 {name} 的工作表；现有 {names}"),
    ("{file}: no header row with a target and a value column in the first {n} rows; the columns "
     "are {columns}", "{file}：前{n}行中找不到含“指标”和“数值”列的表头行；可用的列名有 指标、指标名称、"
     "期间、数值、备注、报送单位、来源、完成日期（或英文 {columns}）"),
    ("{file} row {row}: columns {a} and {b} are both the {field} column; keep one",
     "{file} 第{row}行：{a} 和 {b} 两列都是 {field} 列；只保留一列"),
    ("{file}: no figures under the header (row {row})", "{file}：表头（第{row}行）下没有数据"),
    ("{file} row {row}: {detail}", "{file} 第{row}行：{detail}"),
    ("row {row} already gives {id} for {period}; keep one of the two rows",
     "第{row}行已给出 {id} 在 {period} 的数值；两行只保留一行"),
    ("no target: the target cell is empty", "缺少指标：指标单元格为空"),
    ("no period: fill the period cell, or give --period", "缺少期间：请填写期间单元格，或用 --period 指定"),
    ("no value: the value cell is empty", "缺少数值：数值单元格为空"),
    ("the target cell says {a} but the name cell says {b}", "指标列为 {a}，但指标名称列为 {b}"),
)

# What the operating system says (OSError.strerror), for the common cases.
OS_ERRORS = {
    "No such file or directory": "文件或文件夹不存在",
    "Permission denied": "没有权限",
    "Is a directory": "是文件夹，不是文件",
    "Not a directory": "不是文件夹",
    "No space left on device": "磁盘空间不足",
    "Read-only file system": "文件系统只读",
    "File exists": "文件已存在",
}


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled = []
    for english, chinese in CATALOGUE:
        pattern = ""
        for literal, name in re.findall(r"([^{]*)(?:\{(\w+)\})?", english):
            pattern += re.escape(literal)
            if name:
                pattern += f"(?P<{name}>.+?)"
        compiled.append((re.compile(f"^{pattern}$", re.DOTALL), chinese))
    return tuple(compiled)


def localise(message: str, lang: str) -> str:
    """The message in `lang`; English is the core's own wording."""
    if lang != "zh":
        return message
    if message in OS_ERRORS:
        return OS_ERRORS[message]
    for pattern, chinese in _compiled():
        match = pattern.match(message)
        if match:
            parts = match.groupdict()
            if "msg" in parts:
                parts["msg"] = localise(parts["msg"], lang)
            if parts.get("kind") in KIND_NAMES:
                parts["kind"] = KIND_NAMES[parts["kind"]][0]
            return chinese.format(**parts)
    return message


def problem_line(problem: Problem, lang: str) -> str:
    """`file:line: message`, the message in `lang`."""
    where = ""
    if problem.file:
        where = f"{problem.file}:{problem.line}: " if problem.line else f"{problem.file}: "
    return where + localise(problem.message, lang)


def error_line(error: KpiError, lang: str) -> str:
    return problem_line(Problem("error", error.file, error.line, error.target, error.message),
                        lang)


def os_error_line(error: OSError, lang: str) -> str:
    where = f"{error.filename}: " if error.filename else ""
    return where + localise(error.strerror or str(error), lang)


SEVERITY = {"zh": {"error": "错误：", "warning": "警告："},
            "en": {"error": "error: ", "warning": "warning: "}}
