"""Every sentence kpitrack says to a person, by id, in English and Chinese.

The core raises `KpiError(Msg.SOME_ID(**params))` and records `Problem`s holding a
`Message`; the edge words it in the reader's language with `message.text(lang)`.
`tests/test_lang.py` checks that every id has both languages with the same placeholders.
"""

from __future__ import annotations

from .base import Catalogue, MessageId


class Msg(metaclass=Catalogue):
    """Every sentence kpitrack says to a person, by id."""

    # compound
    AND_MORE = MessageId("{msg} (and {n} more; run `kpitrack check`)",
                "{msg}（另有{n}处问题，请运行 `kpitrack check`）")
    FIX_FILE_FIRST = MessageId("{msg}; fix this file before adding to it", "{msg}；请先修正此文件再添加")
    FIX_PLAN_FIRST = MessageId("{msg}; fix it before copying this plan", "{msg}；请先修正再复制此计划")
    MOVING_PLAN = MessageId("moving the plan to {year}: {msg}", "将计划移到{year}年时出错：{msg}")
    DID_YOU_MEAN = MessageId(" (did you mean {close!r}?)", "（是否想写 {close!r}？）")
    FIGURE_NAMED = MessageId("figure {text!r}", "数值 {text!r}")
    BAND_EDGE = MessageId("band edge {key}", "色带边界 {key}")
    PLAIN_NUMBER = MessageId("a plain number", "无单位的数字")
    NOTHING = MessageId("none", "无")
    DONE = MessageId("done", "已完成")
    A_RECORD = MessageId("a record", "一条记录")
    # finding the workspace
    NO_WORKSPACE_DIR = MessageId("workspace {root} does not exist", "工作区 {root} 不存在")
    WORKSPACE_IS_FILE = MessageId("workspace {root} is a file, not a folder",
                         "工作区 {root} 是文件，不是文件夹")
    NO_TARGETS_FILE = MessageId("{root} holds no targets.toml: run `kpitrack init {root}` first",
                       "{root} 中没有 targets.toml：请先运行 `kpitrack init {root}`")
    NO_WORKSPACE_FOUND = MessageId(
        "no targets.toml in {here} or its parents: use -C DIR or `kpitrack init`",
        "{here} 及其上级文件夹中都没有 targets.toml：请用 -C DIR 指定工作区，或运行 `kpitrack init`")
    # reading files
    CANNOT_READ = MessageId("cannot read: {why}", "无法读取：{why}")
    INVALID_TOML = MessageId("invalid TOML: {detail}", "TOML 格式错误：{detail}")
    TOML_CURLY_QUOTES = MessageId(
        'quotes must be straight ASCII quotes ", not curly “ ” or ‘ ’',
        '引号应为英文引号 "，不能用中文引号 “ ” 或 ‘ ’')
    TOML_FULL_WIDTH = MessageId(
        "{char!r} is a full-width character; write the ASCII {ascii!r} instead",
        "{char} 是全角字符；请改为英文半角 {ascii}")
    TOML_UNCLOSED_STRING = MessageId(
        'a text value is not closed: end it with " on the same line, e.g. note = "Jan-Mar"',
        '文本缺少结束引号：请在同一行用 " 结束，如 note = "1—3月累计"')
    TOML_DUPLICATE_KEY = MessageId("{key} is given twice; keep one of them",
                                   "{key} 重复出现；只保留一个")
    TOML_MISSING_EQUALS = MessageId("{key!r} has no value: write it as key = value",
                                    "{key!r} 后面缺少等号和值：应写成 键 = 值，如 value = 26")
    TOML_UNQUOTED_TEXT = MessageId(
        'a value is neither a number nor text in quotes: put text in quotes, e.g. by = "DRC"',
        '值既不是数字，也不是带引号的文本：文本请加英文引号，如 by = "统计局"')
    TOML_DIGITS_AS_TEXT = MessageId(
        '{value} is not a number (it starts with 0 or holds a dash or space): put it in '
        'quotes, as a phone number is written: {key} = "{value}"',
        '{value} 以 0 开头或含“-”、空格，不是数字：电话号码等请加英文引号，应写成 {key} = "{value}"')
    TOML_GENERIC = MessageId("{english_reason} (column {column})", "此处写法有误（第{column}列）；请对照说明检查本行")
    TOML_UNREADABLE = MessageId("the file cannot be read as TOML", "文件无法按 TOML 读取")
    TOML_11 = MessageId(
        "{detail} (TOML 1.1 syntax, which other TOML tools cannot read)",
        "{detail}（这是 TOML 1.1 的写法，其他 TOML 工具无法读取）")
    TOML_11_ESCAPE = MessageId("the escape {escape} is not allowed; write the character itself",
                               "不能使用转义 {escape}；请直接写出该字符")
    TOML_11_TRAILING_COMMA = MessageId("an inline table {{ … }} must not end with a comma",
                                       "内联表 {{ … }} 末尾不能有逗号")
    TOML_11_INLINE_LINES = MessageId("an inline table {{ … }} must stay on one line",
                                     "内联表 {{ … }} 必须写在一行内")
    TOML_11_TIME = MessageId("the time {time} needs its seconds, e.g. {time}:00",
                             "时间 {time} 需要写出秒，如 {time}:00")
    NOT_UTF8 = MessageId("not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8",
                "不是 UTF-8 文本（字节 0x{byte:02x}）；请将文件另存为 UTF-8")
    MISSING_SCHEMA = MessageId("missing `schema = {n}` at the top of the file",
                      "文件开头缺少 `schema = {n}`")
    SCHEMA_NOT_INT = MessageId("schema must be the whole number {n}", "schema 必须是整数 {n}")
    SCHEMA_NEWER = MessageId(
        "schema {schema} is newer than this kpitrack understands ({n}); upgrade kpitrack",
        "schema {schema} 比当前 kpitrack 支持的版本（{n}）新；请升级 kpitrack")
    SCHEMA_OLDER = MessageId("schema must be {n}, not {schema}", "schema 必须是 {n}，不能是 {schema}")
    BAD_MONTH_FILE_NAME = MessageId("month files must be named YYYY-MM.toml, e.g. 2025-03.toml",
                           "月份文件必须命名为 YYYY-MM.toml，如 2025-03.toml")
    ACTUALS_IS_FILE = MessageId("actuals is a file; it must be a folder of month files",
                       "actuals 是文件；它必须是存放月份文件的文件夹")
    ACTUALS_LINK_OUT = MessageId(
        "actuals is a link to {where}, outside the workspace; kpitrack reads figures only "
        "from inside it",
        "actuals 是指向工作区之外 {where} 的链接；kpitrack 只读取工作区内的数据")
    FILE_LINK_OUT = MessageId(
        "is a link to {where}, outside the workspace; kpitrack reads figures only from "
        "inside it",
        "是指向工作区之外 {where} 的链接；kpitrack 只读取工作区内的数据")
    WRITE_LINK_OUT = MessageId(
        "{path} is a link to {where}; kpitrack writes only to files inside the workspace",
        "{path} 是指向 {where} 的链接；kpitrack 只写入工作区内的文件")
    CONFLICT_MARKERS = MessageId(
        "git left a merge conflict here (<<<<<<<, =======, >>>>>>>): keep the records of "
        "both sides, delete the three marker lines, then `git add` the file",
        "git 合并时在此留下了冲突标记（<<<<<<<、=======、>>>>>>>）：保留两边的记录，删除这三行"
        "标记，然后 `git add` 此文件")
    UNMERGED = MessageId(
        "git has not finished merging this file (a conflict): resolve it, then `git add` it",
        "git 尚未完成此文件的合并（有冲突）：请解决冲突后 `git add` 此文件")
    STALE_DRIVER = MessageId(
        "the merge driver registered in this clone ran {python}, which no longer exists; "
        "it now runs this kpitrack",
        "本副本登记的合并程序使用的 {python} 已不存在；已改为使用当前的 kpitrack")
    # targets.toml
    UNKNOWN_TOP_FIELD_RECORDS = MessageId(
        "unknown top-level field {key!r}; records go in [[actual]] tables",
        "未知的顶层字段 {key!r}；记录应写在 [[actual]] 表中")
    UNKNOWN_TOP_FIELD = MessageId("unknown top-level field {key!r}", "未知的顶层字段 {key!r}")
    MISSING_PLAN = MessageId("missing [plan] table with title and year",
                    "缺少 [plan] 表（含 title 和 year）")
    UNKNOWN_PLAN_FIELD = MessageId("unknown plan field {key!r}", "未知的 plan 字段 {key!r}")
    BAD_PLAN_YEAR = MessageId("plan.year must be a year such as 2025", "plan.year 必须是年份，如 2025")
    BAD_PLAN_DATE = MessageId("plan.{key} must be a date between 1900 and 2999",
                              "plan.{key} 必须是 1900 年至 2999 年之间的日期")
    PLAN_END_BEFORE_START = MessageId("plan.end is before plan.start", "plan.end 早于 plan.start")
    PLAN_NEEDS_DATES = MessageId("plan needs `year = 2025`, or both `start` and `end` dates",
                        "plan 需要 `year = 2025`，或同时给出 `start` 和 `end` 日期")
    PLAN_YEAR_AND_DATES = MessageId("plan gives both year and start/end: keep one",
                           "plan 同时给出了 year 和 start/end：只保留一种")
    BAD_PLAN_LANG = MessageId("plan.lang must be zh or en, not {lang!r}",
                     "plan.lang 必须是 zh 或 en，不能是 {lang!r}")
    BANDS_NOT_TABLE = MessageId("[bands] must be a table", "[bands] 必须是表")
    MILESTONE_BANDS_NOT_TABLE = MessageId("[bands.milestone] must be a table",
                                 "[bands.milestone] 必须是表")
    TARGET_BANDS_NOT_TABLE = MessageId("bands must be a table, e.g. {{ green = -3 }}",
                              "bands 必须是表，如 {{ green = -3 }}")
    PACE_BANDS_NOT_TABLE = MessageId("bands must be a table", "bands 必须是表")
    UNKNOWN_BANDS_FIELD = MessageId("unknown bands field {key!r}", "未知的 bands 字段 {key!r}")
    ANSWER_NOT_BEHIND = MessageId(
        "{id} is {status} in {period}, neither red nor yellow: the answer is recorded, but "
        "the target is not on the supervision list",
        "{id} {period}为{status}，不是红色或黄色：情况说明已记录，但该指标不在督办清单上")
    NOTHING_TO_COLLECT = MessageId(
        "no figure is due for {period} from {owner}: a quarterly target is due every third "
        "month, a yearly one in the plan's last month",
        "{owner}在 {period} 没有应报送的指标：按季报送的指标每季末月报送，按年的在计划最后一月报送")
    ANY_UNIT = MessageId("any unit", "各单位")
    NO_REPLY_ITEMS = MessageId(
        "{owner} has no red or yellow item as of {period}: there is no reply form to write",
        "截至 {period}，{owner}没有红色或黄色督办事项，无需生成反馈表")
    REPLY_FORM_WRITTEN = MessageId("wrote the reply form {path}: {units} units, {n} items",
                                   "已写入督办事项反馈表 {path}：{units}个单位，{n}项事项")
    REPLY_NEEDS_MEASURES = MessageId(
        "the reason is filled in but not the measures: fill in the measures too, or clear "
        "the row",
        "已填写情况说明，但未填写整改措施：请补填整改措施，或清空本行")
    REPLY_NEEDS_REASON = MessageId(
        "the measures are filled in but not the reason: fill in the reason too, or clear "
        "the row",
        "已填写整改措施，但未填写情况说明：请补填情况说明，或清空本行")
    REPLY_DUE_ONLY = MessageId(
        "only the date is filled in: fill in the reason and the measures too, or clear the "
        "row",
        "只填写了完成时限：请补填情况说明和整改措施，或清空本行")
    REPLY_ROW_REPEATS = MessageId(
        "row {row} already answers {id} for {period}; keep one of the two rows",
        "第{row}行已答复 {id} 在 {period} 的督办事项；两行只保留一行")
    NO_REPLY_ROWS = MessageId("{file}: no items under the header (row {row})",
                              "{file}：表头（第{row}行）下没有督办事项")
    REPLY_SHEET_REPEATS = MessageId(
        "sheet {sheet} row {row} already answers {id} for {period}; keep one of the two rows",
        "工作表“{sheet}”第{row}行已答复 {id} 在 {period} 的督办事项；两行只保留一行")
    FIGURES_AND_ANSWERS = MessageId(
        "{file} row {row}: the header has a value column ({value}) and the reply form's "
        "{reason} and {measures} columns, so the sheet holds both figures and answers; split "
        "it and import each on its own: the figures without the {reason} and {measures} "
        "columns, the answers in the reply form (or a copy without the {value} column); "
        "nothing was imported",
        "{file} 第{row}行：表头既有数值列“{value}”，又有反馈表的“{reason}”“{measures}”列，"
        "一张表同时填了数值和督办答复；请拆成两张表分别导入：数值表删去“{reason}”“{measures}”"
        "两列，督办答复填入督办事项反馈表（或另存一张删去“{value}”列的表）；未导入任何数据")
    SHEET_ROW_REPEATS = MessageId(
        "sheet {sheet} row {row} already gives {id} for {period}; keep one of the two rows",
        "工作表“{sheet}”第{row}行已给出 {id} 在 {period} 的数值；两行只保留一行")
    IN_SHEET = MessageId("{file}, sheet {sheet}", "{file} 工作表“{sheet}”")
    WORKBOOK_SHEETS = MessageId("{file} ({n} sheets)", "{file}（{n}张工作表）")
    SHEETS_MIXED = MessageId(
        "{file}: sheets {forms} are reply forms and sheets {figures} hold figures; import "
        "them one sheet at a time with --sheet NAME; nothing was imported",
        "{file}：工作表 {forms} 是督办事项反馈表，{figures} 是数值报送表，不能一起导入；"
        "请用 --sheet 工作表名 逐张导入；未导入任何数据")
    SHEET_WRITTEN = MessageId("wrote the collection sheet {path}: {units} units, {n} targets",
                              "已写入报送表 {path}：{units}个单位，{n}项指标")
    SHEETS_WRITTEN = MessageId("wrote {n} sheets into {folder}: {names}",
                               "已写入 {n} 份报送表到 {folder}：{names}")
    NOTHING_OWED_YET = MessageId(
        "no month of the plan has closed yet (it starts {first}): nothing is owed",
        "计划自 {first} 开始，尚无已结束的月份，没有应报送的数据")
    BAD_TODAY = MessageId("KPITRACK_TODAY={value!r} is not a date: write it as YYYY-MM-DD",
                          "KPITRACK_TODAY={value!r} 不是日期：应写成 YYYY-MM-DD")
    BAD_REPORT_DAY = MessageId(
        "supervision.report_day must be a day of the month, 1 to 31 (figures due by that "
        "day of the month after)",
        "supervision.report_day 必须是 1 到 31 的日期（次月几日前报送）")
    # Group robots (企业微信 / 钉钉): never the URL or the secret in any of these.
    ROBOT_BAD_URL = MessageId(
        "the webhook is not a web address: copy the robot's whole webhook URL "
        "(https://…) from the group's robot settings",
        "群机器人地址不是网址：请从群机器人设置中复制完整的 Webhook 地址（https://…）")
    ROBOT_UNKNOWN = MessageId(
        "cannot tell from the webhook URL which robot it is: add --robot wecom or "
        "--robot dingtalk",
        "无法从 Webhook 地址判断是哪种群机器人：请加上 --robot wecom（企业微信）或 "
        "--robot dingtalk（钉钉）")
    ROBOT_SECRET_WECOM = MessageId(
        "a signing secret is for a DingTalk robot; a WeCom robot needs only its URL: "
        "leave out --secret (and KPITRACK_WEBHOOK_SECRET)",
        "加签密钥只用于钉钉机器人，企业微信机器人只需 Webhook 地址：请去掉 --secret"
        "（及 KPITRACK_WEBHOOK_SECRET）")
    ROBOT_NO_URL = MessageId(
        "--webhook without a URL reads it from KPITRACK_WEBHOOK, which is not set: set it "
        "to the robot's webhook URL, or write --webhook URL",
        "--webhook 未写地址时从环境变量 KPITRACK_WEBHOOK 读取，但它未设置：请设置该变量为"
        "群机器人的 Webhook 地址，或写 --webhook 地址")
    ROBOT_HTTP = MessageId(
        "the group robot did not take the message (HTTP {status}): check the webhook URL "
        "in the group's robot settings",
        "群机器人未接收消息（HTTP {status}）：请在群机器人设置中核对 Webhook 地址")
    ROBOT_UNREACHABLE = MessageId(
        "cannot reach the group robot ({reason}): check the network, then try again",
        "无法连接群机器人（{reason}）：请检查网络后重试")
    ROBOT_BAD_ANSWER = MessageId(
        "the group robot's answer is not what a WeCom or DingTalk robot sends: check the "
        "webhook URL and --robot",
        "群机器人的应答不是企业微信或钉钉机器人的格式：请核对 Webhook 地址和 --robot")
    ROBOT_REFUSED = MessageId(
        "the group robot refused the message: error code {code} ({reason}); see the "
        "robot's documentation for the code",
        "群机器人拒收消息：错误码 {code}（{reason}），请按该机器人的文档查此错误码")
    ROBOT_SENT = MessageId("Sent to the {robot} group robot: {n} message(s).",
                           "已发送到{robot}群机器人：{n}条消息。")
    BAD_INTERVIEW_AFTER = MessageId(
        "supervision.interview_after must be a whole number of months, 1 or more",
        "supervision.interview_after 必须是月数（1 或以上的整数）")
    BLUE_EDGE = MessageId("bands.blue (a number, or false for no blue)",
                          "bands.blue（数字；写 false 表示不设蓝色）")
    RATIO_EDGE_NEGATIVE = MessageId(
        'with measure = "ratio" the edges are percentages of time progress and cannot be '
        'below 0',
        'measure = "ratio" 时各边界是时序进度的百分比，不能小于 0')
    BAD_WARN_SHARE = MessageId("warn_share must be a percentage between 0 and 100",
                               "warn_share 必须是 0 到 100 之间的百分数")
    ESCALATE_NOT_TABLES = MessageId(
        "escalate must be written as [[bands.escalate]] tables, each with from, months "
        "and to",
        "escalate 应写成 [[bands.escalate]] 表，每条写 from、months 和 to")
    UNKNOWN_ESCALATE_FIELD = MessageId("unknown escalate field {key!r} (from, months, to)",
                                       "未知的 escalate 字段 {key!r}（应为 from、months、to）")
    ESCALATE_COLOUR = MessageId(
        'escalate.{key} must be a colour: "blue", "green", "yellow" or "red"',
        'escalate.{key} 必须是颜色："blue"、"green"、"yellow" 或 "red"')
    ESCALATE_MONTHS = MessageId("escalate.months must be a whole number from 1 to {n}",
                                "escalate.months 必须是 1 到 {n} 的整数")
    ESCALATE_BETTER = MessageId(
        "an escalation must make a colour worse: {source} cannot turn {to}",
        "升级规则只能让颜色变差：{source} 不能升级为 {to}")
    SECTIONS_NOT_TABLES = MessageId('sections must be written as [sections."NAME"] tables',
                                    'sections 应写成 [sections."板块名"] 表')
    UNKNOWN_SECTION_FIELD = MessageId("unknown section field {key!r} (only bands)",
                                      "未知的板块字段 {key!r}（只能写 bands）")
    SECTION_UNUSED = MessageId("no target is in the section {name!r}: is its name spelt as "
                               "in the targets' section?",
                               "没有指标属于板块 {name!r}：名称是否与指标的 section 一致？")
    CATCH_UP_NEEDS_MONTH = MessageId(
        'catch_up applies only to targets judged by the month (basis = "month")',
        'catch_up 只适用于按月度任务评价的指标（basis = "month"）')
    BAD_STALE_CAP = MessageId(
        'stale must be "yellow" or "red" (the best colour a target with an out-of-date '
        'figure may show), or false',
        'stale 只能写 "yellow" 或 "red"（数据未按期更新的指标最好显示的颜色），或 false')
    BASELINE_ASSUMED = MessageId(
        "{id} ({name}) has no baseline: the first figure reported is taken as the baseline, and time progress "
        "is counted from its month; write `baseline = …` (the figure at the start of the "
        "year) or `last_year = …` (last year's closing figure) in this target",
        "{id}（{name}）未设基数：以首次报送值为基数，时序进度自该月起算；请在此指标中写 baseline = 年初数"
        "（或 last_year = 上年数）")
    UNKNOWN_BAND_EDGE = MessageId("unknown band edge {key!r}", "未知的色带边界 {key!r}")
    BAND_ORDER = MessageId("band edges must satisfy blue >= green >= yellow",
                  "色带边界必须满足 blue >= green >= yellow")
    BAD_DAYS = MessageId("{key} must be a whole number of days, 0 or more",
                "{key} 必须是不小于 0 的整数天数")
    BAD_ID = MessageId("target id {id!r} may use only letters, digits, _ and -, at most 64 characters",
              "指标编号 {id!r} 只能使用字母、数字、_ 和 -，最多 64 个字符")
    TARGET_NOT_TABLE = MessageId("targets.{id} must be a table", "targets.{id} 必须是表")
    TARGETS_NOT_TABLES = MessageId("[targets] must hold tables such as [targets.fixed_investment]",
                          "[targets] 中应是 [targets.fixed_investment] 这样的表")
    NO_TARGETS = MessageId("no targets yet: add a [targets.<id>] table",
                  "还没有指标：请添加 [targets.<编号>] 表")
    UNKNOWN_FIELD = MessageId("unknown field {key!r}{hint}", "未知字段 {key!r}{hint}")
    MISSING_NAME = MessageId("missing name", "缺少 name（指标名称）")
    OFFICE_EMPTY = MessageId(
        "{field} shows nothing (empty, or only spaces or invisible marks); write the text, "
        "or leave the key out",
        "{field} 没有可见的文字（为空，或只有空格、不可见字符）；请填写内容，或删去这一项")
    EMPTY_NAME = MessageId("name is empty", "name（指标名称）为空")
    MISSING_KIND = MessageId("missing kind (cumulative, level, growth, threshold or milestone)",
                    "缺少 kind（cumulative、level、growth、threshold 或 milestone）")
    MISSING_TARGET = MessageId("missing target (the annual figure)", "缺少 target（年度目标值）")
    REPORT_CUMULATIVE_ONLY = MessageId("report applies to cumulative targets only",
                              "report 只适用于累计类（cumulative）指标")
    BASELINE_LEVEL_ONLY = MessageId("baseline applies to level targets only",
                           "baseline 只适用于存量类（level）指标")
    DUE_OUTSIDE_PLAN = MessageId("due {due} is outside the plan ({start} to {end})",
                        "期限 {due} 不在计划期内（{start} 至 {end}）")
    TARGET_NOT_POSITIVE = MessageId("target is zero or negative: completion cannot be computed",
                           "目标值为零或负数：无法计算完成率")
    TARGET_AT_BASELINE = MessageId(
        "target equals or is behind the baseline: completion cannot be computed",
        "目标值不高于基数：无法计算完成率")
    BAD_SCHEDULE = MessageId('schedule must be a table such as {{ "6" = 45, "12" = 100 }}',
                    'schedule 必须是表，如 {{ "6" = 45, "12" = 100 }}')
    BAD_SCHEDULE_MONTH = MessageId("schedule month {key!r} must be a month number from 1 to {n}",
                          "schedule 的月份 {key!r} 必须是 1 到 {n} 的月份数")
    SCHEDULE_FALLS = MessageId("schedule must not go down from one month to the next",
                      "schedule 的计划进度不能逐月下降")
    BAD_TAGS = MessageId('tags must be a list of text, e.g. ["重点"]', 'tags 必须是文本列表，如 ["重点"]')
    NOT_TEXT = MessageId("{name} must be text in quotes", "{name} 必须是带引号的文本")
    NOT_DATE = MessageId("{name} must be a date such as 2025-06-30 (no quotes)",
                "{name} 必须是日期，如 2025-06-30（不加引号）")
    NOT_CHOICE = MessageId("{name} must be one of {choices}, not {value!r}",
                  "{name} 必须是 {choices} 之一，不能是 {value!r}")
    NOT_BOOL = MessageId("{name} must be true or false (no quotes)",
                "{name} 必须是 true 或 false（不加引号）")
    CHECKS_NOT_TABLE = MessageId("[checks] must be a table", "[checks] 必须是表")
    SUPERVISION_NOT_TABLE = MessageId("[supervision] must be a table", "[supervision] 必须是表")
    OFFICE_NOT_TABLE = MessageId("[office] must be a table", "[office] 必须是表")
    CHECK_TOO_SMALL = MessageId("{name} must be more than {n}", "{name} 必须大于 {n}")
    # plausibility: a figure likely typed wrong
    INCREMENT_JUMP = MessageId(
        "{id} {period}: {value:g} adds {step:g} in a month, against at most {largest:g} a "
        "month so far; is it the year-to-date total, in the target's unit?",
        "{id} {period}：{value:g} 意味着一个月新增 {step:g}，而此前每月最多 {largest:g}；请核对"
        "是否为1—N月累计数、单位是否正确")
    BEYOND_GOAL = MessageId(
        "{id} {period}: {value:g} is {times:g} times the year's goal of {goal:g} with a "
        "quarter or more still to go; check the figure and its unit",
        "{id} {period}：{value:g} 已是全年目标 {goal:g} 的 {times:g} 倍，而全年还剩一个季度以上；"
        "请核对数值和单位")
    GROWTH_JUMP = MessageId(
        "{id} {period}: the growth rate moves from {before:g}% ({earlier}) to {value:g}% "
        "({points:+.1f} points); check the figure",
        "{id} {period}：增速由 {before:g}%（{earlier}）变为 {value:g}%（{points:+.1f}个百分点）；"
        "请核对数值")
    LOOKS_LIKE_FRACTION = MessageId(
        "{id} {period}: {value:g} looks like a fraction; did you mean {suggested:g}%?",
        "{id} {period}：{value:g} 像是写成了小数；是否应为 {suggested:g}%？")
    MAGNITUDE_SLIP = MessageId(
        "{id} {period}: {value:g} is about {factor} {reference}; did you mean {suggested:g}?",
        "{id} {period}：{value:g} 约为{reference}的{factor}；是否应为 {suggested:g}？")
    TIMES = MessageId("{n:g} times", "{n:g}倍")
    PART_OF = MessageId("1/{n:g} of", "{n:g}分之一")
    LAST_FIGURE = MessageId("its last figure ({value:g} for {period})",
                            "上一个数值（{period}为 {value:g}）")
    TARGET_FIGURE = MessageId("its target ({value:g})", "目标值（{value:g}）")
    PACE_FIGURE = MessageId("its pace to the target ({value:g})", "按进度应达到的数值（{value:g}）")
    GROWTH_BEYOND = MessageId(
        "{id} {period}: a growth of {value:g}% is beyond ±{limit:g}%; is it a typo?",
        "{id} {period}：增速 {value:g}% 超出 ±{limit:g}%；是否输入有误？")
    WITHDRAWAL_ONLY = MessageId(
        "a withdrawal (withdrawn = true) carries no {key}: it takes back the figure in force",
        "撤回记录（withdrawn = true）不能带 {key}：它只撤回当期有效的数值")
    NOTHING_TO_WITHDRAW = MessageId("{id} has no figure in force for {period} to withdraw",
                                    "{id} 在 {period} 没有可撤回的有效数值")
    RESPONSES_NOT_TABLES = MessageId("answers must be [[response]] tables",
                                     "答复必须写成 [[response]] 表")
    RESPONSE_NOT_TABLE = MessageId("each [[response]] must be a table", "每个 [[response]] 必须是表")
    EMPTY_ANSWER = MessageId("an answer needs its {field}: it is empty",
                             "答复的 {field} 不能为空")
    STRICT_REFUSED = MessageId("{msg} (--strict: nothing was written)",
                               "{msg}（--strict：未写入任何内容）")
    # month files
    UNKNOWN_RECORD_FIELD = MessageId("unknown field {key!r} in record", "记录中有未知字段 {key!r}")
    RECORD_NOT_TABLE = MessageId("each [[actual]] must be a table", "每个 [[actual]] 必须是表")
    RECORDS_NOT_TABLES = MessageId("records must be [[actual]] tables", "记录必须写成 [[actual]] 表")
    NO_RECORD_TARGET = MessageId("record has no target", "记录缺少 target（指标编号）")
    RECORD_TARGET_NOT_TEXT = MessageId("target must be a target id in quotes",
                              "target 必须是带引号的指标编号")
    NO_RECORD_PERIOD = MessageId("record has no period", "记录缺少 period（期间）")
    NO_RECORD_VALUE = MessageId("record has no value", "记录缺少 value（数值）")
    BAD_RECORD_PERIOD = MessageId('period must be text like "2025-03", not {value!r}',
                         'period 必须是 "2025-03" 这样的文本，不能是 {value!r}')
    PERIOD_NOT_FILE_MONTH = MessageId("period {period} does not match the file's month {month}",
                             "期间 {period} 与文件所属月份 {month} 不符")
    PERIOD_OUTSIDE_PLAN = MessageId("period {period} is outside the plan ({first} to {last})",
                           "期间 {period} 不在计划期内（{first} 至 {last}）")
    PERIOD_OUTSIDE_PLAN_ADD = MessageId(
        "period {period} is outside the plan ({first} to {last}); pass --period",
        "期间 {period} 不在计划期内（{first} 至 {last}）；请用 --period 指定")
    DEFAULT_PERIOD_AFTER_PLAN = MessageId(
        "last month, {period}, is after the plan ({first} to {last}): for the plan's last "
        "month give --period {last}; to start {year}, run kpitrack init {new} --from {here} "
        "--year {year}",
        "上个月 {period} 已在计划期（{first} 至 {last}）之后：补报计划最后一个月请加 --period "
        "{last}；开始 {year} 年请运行 kpitrack init {new} --from {here} --year {year}")
    PERIOD_AFTER_PLAN = MessageId(
        "period {period} is after the plan ({first} to {last}): its last month is {last}; "
        "to start {year}, run kpitrack init {new} --from {here} --year {year}",
        "期间 {period} 已在计划期（{first} 至 {last}）之后：本计划最后一个月是 {last}；开始 "
        "{year} 年请运行 kpitrack init {new} --from {here} --year {year}")
    PERIOD_BEFORE_PLAN = MessageId(
        "period {period} is before the plan ({first} to {last}): give a month of the plan, "
        "e.g. --period {first}",
        "期间 {period} 在计划期（{first} 至 {last}）之前：请写计划内的月份，如 --period {first}")
    PERIOD_IN_FUTURE = MessageId("period {period} is in the future", "期间 {period} 尚未到来")
    PERIOD_IN_FUTURE_TODAY = MessageId("period {period} is in the future (today is {today})",
                              "期间 {period} 尚未到来（今天是 {today}）")
    NEGATIVE_VALUE = MessageId("value {value:g} is negative; a {kind} figure cannot be",
                      "数值 {value:g} 为负数；{kind}类指标的数值不能为负")
    MILESTONE_NEEDS_DONE = MessageId("a milestone record needs done = true or a percent-complete value",
                            "节点类记录需要 done = true，或以 value 给出完成百分比")
    DONE_MILESTONES_ONLY = MessageId("done applies to milestones only",
                            "done 只适用于节点类（milestone）指标")
    BAD_RECORDED = MessageId("recorded must be a date-time such as 2025-04-12T09:30:00+08:00",
                    "recorded 必须是日期时间，如 2025-04-12T09:30:00+08:00")
    SECOND_FIGURE = MessageId(
        "second figure for {id} {period} without correction = true (the first is at line "
        "{line}); record the right one with `kpitrack add {id} VALUE --period {period} "
        "--correct`",
        "{id} {period} 有第二个数值但未标 correction = true（第一个在第{line}行）；请用 "
        "`kpitrack add {id} 数值 --period {period} --correct` 记录正确的数值")
    SAME_FIGURE_TWICE = MessageId(
        "{id} {period} is recorded twice with the same figure (lines {a} and {b}); it counts "
        "once",
        "{id} {period} 重复记录了相同的数值（第{a}行和第{b}行）；只计一次")
    TIED_CORRECTIONS = MessageId(
        "two corrections for {id} {period} were recorded at the same moment (lines {a} and "
        "{b}); the one at line {b} counts",
        "{id} {period} 有两条同一时刻录入的更正（第{a}行和第{b}行）；以第{b}行为准")
    WITHDRAWN_AND_CORRECTED = MessageId(
        "{id} {period}: the figure withdrawn at line {a} was corrected at line {b} in a clone "
        "that had not seen the withdrawal; the correction counts (withdraw it too if no "
        "figure should stand)",
        "{id} {period}：第{a}行撤回的数值，在另一副本中于第{b}行被更正（该副本未见到撤回）；以更正"
        "为准（如本期不应有数值，请再撤回该更正）")
    SAME_RECORD_TWICE = MessageId(
        "the record at line {b} is the record at line {a} again (id {uid}); it counts once",
        "第{b}行的记录与第{a}行是同一条记录（id {uid}）；只计一次")
    BAD_RECORD_ID = MessageId("id must be text of letters and digits, such as \"a3f09c12b7d4\"",
                              "id 必须是由字母和数字组成的文本，如 \"a3f09c12b7d4\"")
    WITHDRAWS_ONLY = MessageId("withdraws applies to a withdrawal (withdrawn = true) only",
                               "withdraws 只用于撤回记录（withdrawn = true）")
    AMBIGUOUS_NAME = MessageId("two or more targets are named {key!r} ({ids}): give the id",
                               "有多项指标都叫 {key!r}（{ids}）：请用指标编号")
    NAME_IS_AN_ID = MessageId(
        "the name {name!r} is another target's id: the id always wins, so this target "
        "cannot be named by it; give it another name",
        "名称 {name!r} 是另一项指标的编号：编号优先，本指标不能用此名称指代；请换一个名称")
    NAME_TWICE = MessageId(
        "{name!r} names more than one target ({ids}): such a name finds none of them; give "
        "each its own name",
        "{name!r} 同时是多项指标的名称（{ids}）：用此名称找不到其中任何一项；请分别命名")
    UNKNOWN_TARGET = MessageId("unknown target {key!r}{hint}", "未知指标 {key!r}{hint}")
    YTD_FALLS = MessageId(
        "year-to-date figure {value:g} for {period} is below {before:g} for {earlier}; is it "
        "a single month's figure?",
        "{period} 的年内累计数 {value:g} 低于 {earlier} 的 {before:g}；是否误填了单月数？")
    # what users type
    BAD_PERIOD_TEXT = MessageId(
        "cannot read period {text!r}: use YYYY-MM, 2025/3 or 2025Q1, or a month of the "
        "plan's year (3, or 1-3 for January to March)",
        "无法识别期间 {text!r}：请写成 2025-03、2025/3、2025年3月、2025Q1（或本计划年度的 3月、"
        "1—3月）")
    # a period written as sheets write it: 12月, 1—12月, a bare 12
    PERIOD_SPAN_NOT_YTD = MessageId(
        "cannot read period {text!r}: a period is one month (5) or a year-to-date span "
        "from January (1-5), not months {first} to {last}",
        "无法识别期间 {text!r}：期间是一个月（如 5月）或年内累计 1—N月（如 1—5月），不能是 "
        "{first}—{last}月")
    PERIOD_NEEDS_YEAR = MessageId(
        "period {text!r} gives no year, and the plan runs across two years ({first} to "
        "{last}): write the year, e.g. {example}",
        "期间 {text!r} 未写年份，而计划跨两个年度（{first} 至 {last}）：请写明年份，如 {example}")
    BAD_DATE_TEXT = MessageId("cannot read date {text!r}: use YYYY-MM-DD",
                     "无法识别日期 {text!r}：请写成 YYYY-MM-DD，如 2025-06-30")
    BAD_AS_OF_TEXT = MessageId("cannot read --as-of {text!r}: use YYYY-MM, a date, or today",
                      "无法识别 --as-of {text!r}：请写成 YYYY-MM、日期或 today")
    BAD_FIGURE = MessageId("cannot read figure {text!r}: expected a number such as 138.6",
                  "无法识别数值 {text!r}：应为数字，如 138.6 或 3500万")
    FIGURE_WRONG_UNIT = MessageId("figure {text!r} is in {unit!r}, but the target is in {wanted}",
                         "数值 {text!r} 的单位是 {unit!r}，但指标的单位是 {wanted}")
    FIGURE_OUT_OF_RANGE = MessageId("figure {text!r} is out of range", "数值 {text!r} 超出范围")
    NOT_NUMBER = MessageId("{name} must be a number, not {type}", "{name} 必须是数字，不能是{type}")
    NUMBER_IN_QUOTES = MessageId(
        "{name} must be a number, without quotes: write {name} = {text}",
        "{name} 必须是数字，不要加引号：应写成 {name} = {text}")
    NOT_FINITE = MessageId("{name} must be a finite number, not {value}",
                  "{name} 必须是有限数字，不能是 {value}")
    TOO_LARGE = MessageId("{name} {value:g} is too large (limit {limit:g})",
                 "{name} {value:g} 过大（上限 {limit:g}）")
    MILESTONE_NEEDS_DONE_ADD = MessageId("{id} is a milestone: give --done, or a percent complete",
                                "{id} 是节点类指标：请用 --done，或给出完成百分比")
    BAD_PERCENT = MessageId("percent complete must be from 0 to 100, not {n:g}",
                   "完成百分比必须在 0 到 100 之间，不能是 {n:g}")
    DONE_FOR_MILESTONES = MessageId("--done and --date are for milestones; {id} is {kind}",
                           "--done 和 --date 只用于节点类指标；{id} 是{kind}类")
    GIVE_FIGURE = MessageId("give the figure for {id}, e.g. kpitrack add {id} 138.6",
                   "请给出 {id} 的数值，如 kpitrack add {id} 138.6")
    NEGATIVE_FIGURE = MessageId("figure {text!r} is negative; a cumulative figure cannot be",
                       "数值 {text!r} 为负数；累计类指标的数值不能为负")
    DATE_IN_FUTURE = MessageId("--date {date} is in the future (today is {today})",
                      "--date {date} 是未来日期（今天是 {today}）")
    AS_OF_BEFORE_PLAN = MessageId("--as-of {period} is before the plan starts ({first})",
                         "--as-of {period} 早于计划开始（{first}）")
    NO_SECTION = MessageId("no section matches {text!r}; known: {known}",
                  "没有与 {text!r} 匹配的板块；现有：{known}")
    NO_OWNER = MessageId("no owner matches {text!r}; known: {known}",
                "没有与 {text!r} 匹配的责任单位；现有：{known}")
    NOT_A_FILE = MessageId("{path} is not a regular file (a folder, a pipe or a device)",
                           "{path} 不是普通文件（是文件夹、管道或设备）")
    FILE_TOO_LARGE = MessageId("{path} is {mb} MB, over the {limit} MB kpitrack reads",
                               "{path} 有 {mb} MB，超过 kpitrack 可读取的 {limit} MB")
    LINK_LOOP = MessageId("{path} is a link that leads back to itself",
                          "{path} 是指向自身的链接（链接循环）")
    # writing
    WRITE_FINISHED = MessageId(
        "an import or add that was stopped half-way has been finished: this file now holds "
        "the figures it was writing",
        "一次中途被中断的导入或添加已补完：此文件现已写入当时要写的数据")
    FIGURES_FILE_HEADER = MessageId(
        "# kpitrack figures for {period}. One [[actual]] record per figure.\n"
        "# Append-only: add records with `kpitrack add`; fix one with --correct.\n"
        "schema = {schema}\n",
        "# kpitrack {period} 的数据。每个数值一条 [[actual]] 记录。\n"
        "# 只追加不改写：用 `kpitrack add` 添加；用 --correct 更正。\n"
        "schema = {schema}\n")
    ANSWERS_FILE_HEADER = MessageId(
        "# kpitrack: units' answers (reason and measures) for {period}.\n"
        "# Append-only: add one with `kpitrack respond`.\nschema = {schema}\n",
        "# kpitrack {period} 各单位的答复（情况说明、整改措施）。\n"
        "# 只追加不改写：用 `kpitrack respond` 添加。\nschema = {schema}\n")
    LOCKED = MessageId("another kpitrack is writing to {root}; try again",
              "另一个 kpitrack 正在写入 {root}；请稍后重试")
    OWN_DATA = MessageId("{path}: this is the workspace's own data; export to another file",
                "{path}：这是工作区自身的数据文件；请导出到其他文件")
    IS_FOLDER = MessageId("{path}: is a folder; give a file name such as report.md",
                 "{path}：是文件夹；请给出文件名，如 report.md")
    OUTPUT_NOT_A_FILE = MessageId(
        "{path}: is not a plain file (a device or a pipe); give a file name such as report.md",
        "{path}：不是普通文件（设备或管道）；请给出文件名，如 report.md")
    NO_FOLDER = MessageId("{path}: the folder {folder} does not exist", "{path}：文件夹 {folder} 不存在")
    RECORDS_NOT_BLOCKS = MessageId(
        "this file writes its records as `actual = [ … ]`; kpitrack appends [[actual]] "
        "blocks, which cannot follow it: write each record as an [[actual]] block first",
        "此文件以 `actual = [ … ]` 的形式写记录；kpitrack 追加的是 [[actual]] 记录块，不能接在"
        "其后：请先把每条记录改写为 [[actual]] 块")
    READ_BACK_FAILED = MessageId(
        "internal check failed: the new record would not read back; nothing was written",
        "内部校验失败：新记录无法读回；未写入任何内容")
    ALREADY_RECORDED = MessageId(
        "{id} already has a figure for {period} ({shown}, {where}); use --correct to replace it",
        "{id} 在 {period} 已有数值（{shown}，{where}）；如需替换请用 --correct")
    NOTHING_TO_CORRECT = MessageId("--correct: {id} has no figure for {period} to correct",
                          "--correct：{id} 在 {period} 没有可更正的数值")
    DIR_IS_FILE = MessageId("{path} is a file, not a folder", "{path} 是文件，不是文件夹")
    ALREADY_EXISTS = MessageId("{path} already exists; nothing was changed", "{path} 已存在；未做任何更改")
    # the command line's own errors (exit 2)
    USAGE_LINE = MessageId("{message} (see `{command} -h`)", "{message}（用 `{command} -h` 查看帮助）")
    USAGE_EXTRA_ARGUMENTS = MessageId(
        "unexpected extra argument(s): {args}; write a figure and its unit as one word, "
        "with no space, and put text with spaces in quotes",
        "多余的参数：{args}；带单位的数值不要加空格（写成 95亿），含空格的文字请加引号")
    ARGUMENT_NOT_TEXT = MessageId(
        "the argument {arg!r} holds bytes that are not text in this computer's encoding; "
        "type it again",
        "参数 {arg!r} 含有本机编码无法识别的字节；请重新输入")
    USAGE_NO_SUCH_COMMAND = MessageId("there is no command {name!r}{hint}",
                                      "没有名为 {name!r} 的命令{hint}")
    USAGE_NO_SUCH_OPTION = MessageId("there is no option {name}{hint}", "没有 {name} 这个选项{hint}")
    USAGE_MISSING_OPTION = MessageId("{name} is required: give it, e.g. {name} …",
                                     "缺少必填的 {name}：请给出，如 {name} …")
    USAGE_MISSING_ARGUMENT = MessageId("{name} is missing", "缺少 {name}")
    USAGE_OPTION_NEEDS_VALUE = MessageId("{name} needs a value after it",
                                         "{name} 后面需要写一个值")
    USAGE_OPTION_TAKES_NO_VALUE = MessageId("{name} takes no value", "{name} 后面不能带值")
    USAGE_BAD_VALUE = MessageId("{name}: {detail}", "{name}：{detail}")
    NOT_ONE_OF = MessageId("{value!r} is not one of {choices}{hint}",
                           "{value!r} 不是可选值（{choices}）{hint}")
    ABORTED = MessageId("stopped; nothing more was done", "已中止；未再执行其他操作")
    NOT_A_COLOUR = MessageId("{part!r} is not one of blue, green, yellow, red, none",
                             "{part!r} 不是 blue、green、yellow、red、none 之一")
    UNKNOWN_SUFFIX = MessageId(
        "cannot tell the format from {name!r}; use a file ending {names}, or give --format",
        "无法从 {name!r} 判断格式；请使用以 {names} 结尾的文件名，或用 --format 指定")
    BINARY_TO_TERMINAL = MessageId(
        "a .{fmt} file is not text: give -o report.{fmt}, or redirect stdout to a file",
        ".{fmt} 文件不是文本：请用 -o report.{fmt} 指定文件，或把输出重定向到文件")
    PDF_FONT_UNUSABLE = MessageId(
        "{variable} names {path}, which is not a TrueType font (.ttf, .ttc) with Chinese characters; name one such as C:\\Windows\\Fonts\\simsun.ttc, or unset it",
        "{variable} 指定的 {path} 不是含中文的 TrueType 字体（.ttf、.ttc）；请改为如 C:\\Windows\\Fonts\\simsun.ttc 的字体文件，或删除该变量")
    PDF_FONT_MISSING = MessageId(
        "{variable} names {path}, which does not exist; name a TrueType font file (.ttf, .ttc) with Chinese characters, such as C:\\Windows\\Fonts\\simsun.ttc, or unset it",
        "{variable} 指定的 {path} 不存在；请改为含中文的 TrueType 字体文件（.ttf、.ttc），如 C:\\Windows\\Fonts\\simsun.ttc，或删除该变量")
    PDF_FONT_FOLDER = MessageId(
        "{variable} names {path}, which is a folder; name a TrueType font file (.ttf, .ttc) in it with Chinese characters, such as C:\\Windows\\Fonts\\simsun.ttc, or unset it",
        "{variable} 指定的 {path} 是文件夹；请改为其中一个含中文的 TrueType 字体文件（.ttf、.ttc），如 C:\\Windows\\Fonts\\simsun.ttc，或删除该变量")
    PDF_FONT_POSTSCRIPT = MessageId(
        "{variable} names {path}, a font with PostScript (CFF) outlines, which reportlab cannot embed in a PDF; choose a TrueType one (.ttf, .ttc) with Chinese characters, such as C:\\Windows\\Fonts\\simsun.ttc or WenQuanYi, or unset it",
        "{variable} 指定的 {path} 是 PostScript（CFF）轮廓字体，reportlab 无法将其嵌入 PDF；请改选含中文的 TrueType 字体（.ttf、.ttc），如 C:\\Windows\\Fonts\\simsun.ttc 或文泉驿，或删除该变量")
    PDF_NO_FONT = MessageId(
        "no font with Chinese characters for the PDF: set {variable} to a .ttf or .ttc font file",
        "没有可用于 PDF 的中文字体：请把 {variable} 设为一个 .ttf 或 .ttc 字体文件")
    YEAR_NEEDS_FROM = MessageId("--year moves a copied plan; give --from FILE too",
                                "--year 用于移动复制的计划；请同时给出 --from 文件")
    # sheets
    XLS_OLD = MessageId(
        "{file}: the old .xls format cannot be read; in Excel use Save As .xlsx or CSV UTF-8",
        "{file}：无法读取旧的 .xls 格式；请在 Excel 中另存为 .xlsx 或 CSV UTF-8")
    SHEET_FORMAT_UNKNOWN = MessageId("{file}: cannot tell the format; use a .csv or .xlsx file",
                            "{file}：无法判断文件格式；请使用 .csv 或 .xlsx 文件")
    SHEET_OPTION_CSV = MessageId("--sheet is for .xlsx files; {file} is a CSV file",
                        "--sheet 只用于 .xlsx 文件；{file} 是 CSV 文件")
    CSV_IS_XLSX = MessageId("{file}: this is an Excel workbook, not CSV text; name it .xlsx",
                   "{file}：这是 Excel 工作簿，不是 CSV 文本；请将扩展名改为 .xlsx")
    BAD_UTF8_AT = MessageId("{file}: not valid UTF-8 at byte {n}", "{file}：第{n}字节不是有效的 UTF-8")
    BAD_UTF16_AT = MessageId("{file}: not valid UTF-16 at byte {n}",
                    "{file}：第{n}字节不是有效的 UTF-16")
    CSV_NUL = MessageId("{file}: holds NUL bytes, so it is not CSV text",
               "{file}：含有 NUL 字节，不是 CSV 文本")
    CSV_ENCODING = MessageId(
        "{file}: the text is neither UTF-8 nor GB18030 (byte {n}); save it as CSV UTF-8",
        "{file}：文本既不是 UTF-8 也不是 GB18030（第{n}字节）；请另存为 CSV UTF-8")
    CSV_BROKEN = MessageId("{file} row {row}: {detail}", "{file} 第{row}行：{detail}")
    XLSX_DAMAGED = MessageId(
        "{file}: not a readable .xlsx workbook (the file is damaged, or is not an Excel "
        "workbook); open it in Excel or WPS and save it as .xlsx (Excel workbook), or get the "
        "file again",
        "{file}：无法读取的 .xlsx 工作簿（文件已损坏，或不是 Excel 工作簿）；请在 Excel/WPS 中打开并另存为"
        " .xlsx（Excel 工作簿），或重新获取该文件")
    NOT_XLSX = MessageId(
        "{file}: not an .xlsx workbook: perhaps an old .xls file, or a workbook protected by a "
        "password; open it in Excel or WPS, remove the password if it has one, and save it as "
        ".xlsx (Excel workbook)",
        "{file}：不是 .xlsx 工作簿，可能是旧的 .xls 文件或设了打开密码的工作簿；请在 Excel/WPS 中"
        "打开，如有密码先取消密码，再另存为 .xlsx（Excel 工作簿）后导入")
    FORMULA_NO_RESULT = MessageId(
        "{file} row {row}, column {column}: a formula with no saved result (the file was "
        "saved without recalculating); open it in Excel or WPS and save it before importing, "
        "or type the value in",
        "{file} 第{row}行 {column}：公式没有计算结果（文件保存时未重新计算）；请在 Excel/WPS 中打开并"
        "保存后再导入，或直接填写内容")
    SHEET_TOO_LARGE = MessageId(
        "{file}: more than {rows} rows (or a workbook that unpacks to far more than that); "
        "a sheet of figures has at most {rows} rows and {columns} columns",
        "{file}：超过 {rows} 行（或工作簿解压后远大于此）；数据表最多 {rows} 行、{columns} 列")
    NO_SUCH_SHEET = MessageId("{file}: no sheet named {name!r}; it has {names}",
                     "{file}：没有名为 {name!r} 的工作表；现有 {names}")
    NO_HEADER = MessageId(
        "{file}: no header row with a target and a value column in the first {n} rows; the "
        "columns are {columns}",
        "{file}：前{n}行中找不到含“指标”和“数值”列的表头行；可用的列名有 指标、指标名称、期间、数值、"
        "备注、报送单位、来源、完成日期（或英文 {columns}）")
    DUPLICATE_COLUMN = MessageId(
        "{file} row {row}: columns {a!r} and {b!r} are both the {field} column; keep one",
        "{file} 第{row}行：{a!r} 和 {b!r} 两列都是 {field} 列；只保留一列")
    NO_ROWS = MessageId("{file}: no figures under the header (row {row})",
               "{file}：表头（第{row}行）下没有数据")
    ROW_REPEATS = MessageId("row {row} already gives {id} for {period}; keep one of the two rows",
                   "第{row}行已给出 {id} 在 {period} 的数值；两行只保留一行")
    NO_TARGET_CELL = MessageId("no target: the target cell is empty", "缺少指标：指标单元格为空")
    NO_PERIOD_CELL = MessageId("no period: fill the period cell, or give --period",
                      "缺少期间：请填写期间单元格，或用 --period 指定")
    NO_VALUE_CELL = MessageId("no value: the value cell is empty", "缺少数值：数值单元格为空")
    TARGET_NAME_DISAGREE = MessageId("the target cell says {a} but the name cell says {b}",
                            "指标列为 {a}，但指标名称列为 {b}")
    NAME_DIFFERS = MessageId(
        "target {id} is named {name!r}, the sheet says {written!r}; imported by its id",
        "编号 {id} 的指标名称是“{name}”，表中写的是“{written}”；按编号导入")
    IMPORT_FAILED = MessageId("{file} row {row}: {error}{more}; nothing was imported",
                     "{file} 第{row}行：{error}{more}；未导入任何数据")
    AND_MORE_ROWS = MessageId(" (and {n} more rows; --dry-run lists them all)",
                     "（另有{n}行有问题，用 --dry-run 查看全部）")
