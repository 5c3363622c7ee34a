"""The command line's help, in English and Chinese side by side, by id: each command's
text with its examples, and each option's line.

A command's text is paragraphs separated by a blank line; a paragraph that begins with
`\\b` is printed as written (the examples), any other is wrapped to the terminal. Every
line of an example fits 80 cells with its indent, counting a CJK character as two.
"""

from __future__ import annotations

from .base import Catalogue, MessageId


class Help(metaclass=Catalogue):
    """Every help text of the command line, by id."""

    # ── the group ───────────────────────────────────────────────────────────────
    GROUP = MessageId(
        "Track annual targets against the calendar: is each one keeping pace with the "
        "time gone?\n\n"
        "Targets live in targets.toml, monthly figures in actuals/YYYY-MM.toml.\n\n"
        "\b\nExamples:\n"
        "  kpitrack status                    # four-colour table, latest month\n"
        "  kpitrack status --only red,yellow  # what needs attention\n"
        "  kpitrack show fixed_investment     # one target's story\n"
        "  kpitrack export -o report.md       # the meeting report\n"
        "  kpitrack add fixed_investment 138.6 --period 2025-03\n"
        "  kpitrack import sheet.xlsx --dry-run  # preview a department's sheet\n"
        "  kpitrack check                     # validate every file",
        "按时间进度跟踪年度目标：时间过半、任务过半了吗？\n\n"
        "目标写在 targets.toml，每月数据写在 actuals/YYYY-MM.toml。\n\n"
        "\b\n示例：\n"
        "  kpitrack status                    # 四色表，截至最新月份\n"
        "  kpitrack status --only 红,黄       # 需要关注的指标\n"
        "  kpitrack show fixed_investment     # 一项指标的来龙去脉\n"
        "  kpitrack export -o 报告.md         # 会议报告\n"
        "  kpitrack add fixed_investment 138.6 --period 2025-03\n"
        "  kpitrack import 科技局3月.xlsx --dry-run  # 预览部门报表\n"
        "  kpitrack check                     # 检查所有文件")
    OPT_WORKSPACE = MessageId(
        "Workspace folder (default: $KPITRACK_WORKSPACE, else the nearest folder with "
        "targets.toml).",
        "工作区文件夹（默认：$KPITRACK_WORKSPACE，否则为最近的含 targets.toml 的文件夹）。")
    OPT_LANG = MessageId(
        "Language of labels, messages and help: zh or en (default: $KPITRACK_LANG, else "
        "plan.lang in targets.toml).",
        "标签、提示和帮助的语言：zh 或 en（默认：$KPITRACK_LANG，否则为 targets.toml 中的 "
        "plan.lang）。")
    OPT_COLOR = MessageId("Force colour on or off (default: detect; NO_COLOR is honoured).",
                          "强制开启或关闭颜色（默认自动判断；遵循 NO_COLOR）。")
    OPT_VERSION = MessageId("Show the version and exit.", "显示版本号并退出。")
    OPT_HELP = MessageId("Show this message and exit.", "显示本帮助并退出。")

    # ── shared options ──────────────────────────────────────────────────────────
    OPT_AS_OF = MessageId(
        "Judge as of this month: YYYY-MM, a date, or today (default: the latest month "
        "holding any figure).",
        "按此月份评价：YYYY-MM、日期或 today（默认：有数据的最新月份）。")
    OPT_SECTION = MessageId("Only targets of this section (a part of its name will do).",
                            "只看此板块的指标（写出名称的一部分即可）。")
    OPT_OWNER = MessageId("Only targets of this owner (a part of its name will do).",
                          "只看此责任单位的指标（写出名称的一部分即可）。")
    OPT_FORMAT = MessageId("Output format: {choices}.", "输出格式：{choices}。")
    OPT_OUTPUT = MessageId(
        "Write to this file instead of stdout (replaced whole, atomically; - is stdout).",
        "写入此文件而不是标准输出（整体替换，不会留下半个文件；- 表示标准输出）。")
    OPT_WIDE = MessageId(
        "Every column, however wide the terminal (scroll, or pipe to `less -S`). Without "
        "it a table fits the terminal: the least needed columns go first and long names "
        "end in …",
        "显示全部列，不论终端多宽（可左右滚动，或用 `less -S` 查看）。不加此项时表格适应"
        "终端宽度：先省去最不需要的列，过长的名称以 … 结尾。")
    OPT_PERIOD = MessageId(
        "The month the figures run to: 2025-03, 2025/3, 2025Q1, or a month of the plan's "
        "year, 12 or 1-12 (add: default last month; import: for rows whose period cell is "
        "empty).",
        "数据截至的月份：2025-03、2025/3、2025年3月、2025Q1，或本计划年度的 12月、1—12月"
        "（add 默认上个月；import 用于期间单元格为空的行）。")
    OPT_BY = MessageId("Who reports the figure(s), e.g. the statistics bureau.",
                       "报送单位或报送人，如 统计局。")
    OPT_CORRECT = MessageId(
        "Replace the recorded figure for the period; the old record stays as history.",
        "替换该期间已记录的数值；原记录保留作为历史。")
    OPT_STRICT = MessageId(
        "Refuse a figure that looks wrong (a fraction for a percentage, a slip of "
        "magnitude, a growth beyond ±100%, a year-to-date figure that falls) instead of "
        "recording it with a warning: exit 1, nothing written.",
        "拒绝看起来有误的数值（百分数写成小数、数量级错位、增速超出 ±100%、年内累计数下降），"
        "而不是记录并警告：退出码 1，不写入任何内容。")

    # ── status ──────────────────────────────────────────────────────────────────
    STATUS = MessageId(
        "Show each target's completion, time progress, gap and colour.\n\n"
        "The table also shows the change since last month (↓ worse, then last month's "
        "colour), a six-month trend of completion and how many months in a row a target "
        "has been red. Beside a colour, * marks a late report (the figure is out of date) "
        "and ✓ a year's goal met.\n\n"
        "\b\nExamples:\n"
        "  kpitrack status\n"
        "  kpitrack status --as-of 2025-06 --section innovation\n"
        "  kpitrack status --only red --format md > red.md\n"
        "  kpitrack status --format json --fail-on red   # exit 3 if anything is red",
        "显示每项指标的完成率、时序进度、差距和颜色。\n\n"
        "表中还显示与上月相比的变化（↓黄：转差，上月为黄）、近六个月完成率的趋势，以及连续"
        "红色的月数。颜色旁的 * 表示逾期未报（数据未按期更新），✓ 表示已完成全年目标。\n\n"
        "\b\n示例：\n"
        "  kpitrack status\n"
        "  kpitrack status --as-of 2025-06 --section 科技\n"
        "  kpitrack status --only 红 --format md > 红色.md\n"
        "  kpitrack status --format json --fail-on 红   # 有红色指标时退出码为 3")
    STATUS_ONLY = MessageId(
        "Only these colours, e.g. red,yellow (the Chinese colour words work too).",
        "只显示这些颜色，如 红,黄（也可写 red,yellow）。")
    STATUS_FAIL_ON = MessageId(
        "Exit 3 if any target is this colour or worse (red > yellow > green > blue; none "
        "matches only none).",
        "有指标为此颜色或更差时退出码为 3（红 > 黄 > 绿 > 蓝；灰 只匹配未报送）。")

    # ── show ────────────────────────────────────────────────────────────────────
    SHOW = MessageId(
        "Tell one target's story: definition, figures, colour history and forecast.\n\n"
        "TARGET is a target id or its exact name. Corrections and the figures they "
        "replaced are marked; the chart draws completion (█) against the plan (│) month "
        "by month.\n\n"
        "\b\nExamples:\n"
        "  kpitrack show fixed_investment\n"
        "  kpitrack show key_labs --as-of 2025-06\n"
        "  kpitrack show key_labs --format json",
        "讲清一项指标：定义、各期数据、颜色变化和全年预计。\n\n"
        "TARGET 为指标编号或完整名称。更正记录及被更正的数值都有标记；逐月图表显示完成率"
        "（█）与计划（│）。\n\n"
        "\b\n示例：\n"
        "  kpitrack show fixed_investment\n"
        "  kpitrack show 市级以上重点实验室 --as-of 2025-06\n"
        "  kpitrack show key_labs --format json")
    SHOW_AS_OF = MessageId(
        "Tell the story as of this month (default: the latest month holding any figure).",
        "讲到此月份为止（默认：有数据的最新月份）。")

    # ── export ──────────────────────────────────────────────────────────────────
    EXPORT = MessageId(
        "Write the meeting report: Markdown, an HTML page, Word, PDF, CSV, Excel, or JSON.\n\n"
        "The Markdown and the Word document have a headline with the colour counts, the "
        "red list with each item's supervision state and its unit's answer, the items "
        "closed, the targets that changed colour, the units side by side, one table per "
        "section and the legend. The workbook has one row per target, each status cell "
        "filled in its colour and keeping its label, and the legend on a second sheet. "
        "The HTML page adds four charts, reads on a phone and prints on A4 landscape.\n\n"
        "\b\nExamples:\n"
        "  kpitrack export -o report.md\n"
        "  kpitrack export -o report.html\n"
        "  kpitrack export -o report.docx\n"
        "  kpitrack export -o report.pdf\n"
        "  kpitrack export -o report.xlsx\n"
        "  kpitrack export -o report.csv --as-of 2025-09\n"
        "  kpitrack export --format json --section industry > industry.json",
        "生成会议报告：Markdown、网页（HTML）、Word、PDF、CSV、Excel 或 JSON。\n\n"
        "Markdown 和 Word 报告包括各颜色数量、红色滞后督办清单（含督办状态和单位答复）、本月"
        "销号事项、颜色变化、责任单位晾晒、分板块表格和图例。Excel 工作簿每项指标一行，状态"
        "单元格按颜色填充并保留文字，图例在第二个工作表。网页另有四张图表，可在手机上阅读，"
        "可按 A4 横向打印。\n\n"
        "\b\n示例：\n"
        "  kpitrack export -o 报告.md\n"
        "  kpitrack export -o 报告.html\n"
        "  kpitrack export -o 报告.docx\n"
        "  kpitrack export -o 报告.pdf\n"
        "  kpitrack export -o 报告.xlsx\n"
        "  kpitrack export -o 报告.csv --as-of 2025-09\n"
        "  kpitrack export --format json --section 产业 > 产业.json")
    EXPORT_FORMAT = MessageId(
        "md (default), html (one self-contained page with charts, to look at or print), "
        "csv (UTF-8 with a BOM, for Excel), json, xlsx (an Excel workbook, status cells "
        "filled in their colour), docx (a Word document, A4 landscape) or pdf (A4 "
        "landscape, in the font KPITRACK_PDF_FONT names, else a Chinese system font). "
        "Without it, the -o file's extension decides.",
        "md（默认）、html（含图表的单个网页，可查看或打印）、csv（带 BOM 的 UTF-8，供 Excel "
        "打开）、json、xlsx（Excel 工作簿，状态单元格按颜色填充）、docx（Word 文档，A4 横向）或 "
        "pdf（A4 横向，字体用 KPITRACK_PDF_FONT 指定的，否则用系统中文字体）。"
        "不写时按 -o 文件的扩展名决定。")

    # ── add ─────────────────────────────────────────────────────────────────────
    ADD = MessageId(
        "Record a figure: appends to actuals/YYYY-MM.toml, never rewrites.\n\n"
        "VALUE may carry a magnitude (the Chinese ten-thousand or hundred-million) or a unit "
        "that converts to the target's unit. A figure that looks wrong (0.048 for "
        "4.8%, 6120 for 612) is recorded with a warning naming the likely figure; --strict "
        "refuses it. To take a figure back, see withdraw.\n\n"
        "\b\nExamples:\n"
        "  kpitrack add fixed_investment 138.6 --period 2025-03 --note Jan-Mar\n"
        "  kpitrack add fixed_investment 0.35 --period 2025-03 --correct\n"
        "  kpitrack add jialingjiang_lab --done --date 2025-06-18",
        "记录一个数值：追加到 actuals/YYYY-MM.toml，不改写原有内容。\n\n"
        "VALUE 可以带数量级或单位，会换算为指标的单位：目标单位为亿元时，3500万 记为 0.35。"
        "看起来有误的数值（4.8% 写成 0.048，612 写成 6120）会记录并警告，指出可能的正确值；"
        "加 --strict 则拒绝。要撤回数值，见 withdraw。\n\n"
        "\b\n示例：\n"
        "  kpitrack add fixed_investment 138.6 --period 2025-03 --note 1—3月累计\n"
        "  kpitrack add fixed_investment 3500万 --period 2025年3月 --correct\n"
        "  kpitrack add jialingjiang_lab --done --date 2025-06-18")
    ADD_NOTE = MessageId("A note, e.g. Jan-Mar year to date.", "备注，如 1—3月累计。")
    ADD_SOURCE = MessageId("Where the figure comes from.", "数据来源。")
    ADD_DONE = MessageId("Mark a milestone as done.", "标记节点类指标已完成。")
    ADD_DATE = MessageId("When a milestone was done.", "节点完成的日期。")

    # ── withdraw ────────────────────────────────────────────────────────────────
    WITHDRAW = MessageId(
        "Take back the figure in force for a month (a figure recorded by mistake).\n\n"
        "Appends a record with withdrawn = true; nothing is deleted, and show lists it. "
        "Reports then use the figure in force before it (the one a correction replaced), "
        "or none, so the target goes back to its previous figure and colour. To replace a "
        "figure with another, use add --correct instead.\n\n"
        "\b\nExamples:\n"
        "  kpitrack withdraw fixed_investment --period 2025-11 --note mistyped\n"
        "  kpitrack withdraw fixed_investment --period 2025-11 --by statistics",
        "撤回某月当前有效的数值（误录的数值）。\n\n"
        "追加一条 withdrawn = true 的记录；不删除任何内容，show 会列出它。此后报告使用撤回前"
        "有效的数值（被更正替换的那个），或没有数值，指标回到原来的数值和颜色。要用另一个数值"
        "替换，请改用 add --correct。\n\n"
        "\b\n示例：\n"
        "  kpitrack withdraw fixed_investment --period 2025-11 --note 误录\n"
        "  kpitrack withdraw 年度投资 --period 2025年11月 --by 统计局")
    WITHDRAW_PERIOD = MessageId(
        "The month whose figure is taken back: 2025-03, 2025/3, or 11 for November of the "
        "plan's year.",
        "要撤回数值的月份：2025-03、2025/3、2025年3月，或本计划年度的 11月。")
    WITHDRAW_BY = MessageId("Who takes it back.", "撤回人或单位，如 统计局。")
    WITHDRAW_NOTE = MessageId("Why, e.g. recorded against the wrong target.",
                              "原因，如 误录为本指标。")

    # ── import ──────────────────────────────────────────────────────────────────
    IMPORT = MessageId(
        "Record a department's sheet of figures: .csv or .xlsx, all rows or none.\n\n"
        "The columns are target (the id or the exact name), period and value, and "
        "optionally note, by, source and date; the Chinese headers work too, and other "
        "columns are ignored. CSV may be UTF-8 (with or without a BOM) or GB18030. Any bad "
        "row stops the import, naming its row number, and nothing is written. A row that "
        "repeats a recorded figure is skipped; one that differs needs --correct. A "
        "milestone's value may be done. Cells are read as the sheet shows them (a 4.8% "
        "cell is 4.8). Total rows and blank rows are listed and skipped. A figure that "
        "looks wrong is imported with a warning; --strict refuses the whole sheet instead."
        "\n\n"
        "A reply form (kpitrack notice -o FILE.xlsx, recognised by its reason and measures "
        "columns) is read as the units' answers instead, each filled row recorded as "
        "kpitrack respond would, all rows or none; a row left empty is skipped, a row with "
        "a reason but no measures (or the other way round) is refused.\n\n"
        "\b\nExamples:\n"
        "  kpitrack import science-2025-03.xlsx --dry-run\n"
        "  kpitrack import science-2025-03.xlsx\n"
        "  kpitrack import figures.csv --period 2025-03 --by statistics\n"
        "  kpitrack import revised.csv --correct\n"
        "  kpitrack import reply.xlsx --dry-run",
        "导入部门报送的数据表：.csv 或 .xlsx，全部导入或全部不导入。\n\n"
        "列为 指标（编号或完整名称）、期间 和 数值，可选 备注、报送单位、来源 和 完成日期；"
        "也可用英文列名，其他列会被忽略。CSV 可为 UTF-8（带或不带 BOM）或 GB18030。任何一行"
        "有问题都会停止导入并指出行号，不写入任何内容。与已记录数值相同的行会跳过；不同的行"
        "需要 --correct。节点类指标的数值可写 完成。单元格按表中显示的样子读取（显示 4.8% 的"
        "单元格为 4.8）。合计行和空行会列出并跳过。看起来有误的数值会导入并警告；加 --strict "
        "则整张表都不导入。\n\n"
        "督办事项反馈表（kpitrack notice -o 文件.xlsx 生成，按 情况说明 和 整改措施 列识别）则导入为"
        "单位的答复：每个填写的行按 kpitrack respond 的方式记录，全部导入或全部不导入；未填写的行"
        "跳过，只填了情况说明而没填整改措施（或相反）的行会被拒绝。\n\n"
        "\b\n示例：\n"
        "  kpitrack import 科技局2025-03.xlsx --dry-run\n"
        "  kpitrack import 科技局2025-03.xlsx\n"
        "  kpitrack import 数据.csv --period 2025-03 --by 统计局\n"
        "  kpitrack import 修订.csv --correct\n"
        "  kpitrack import 回复.xlsx --dry-run")
    IMPORT_DRY_RUN = MessageId("Show what would be recorded; write nothing.",
                               "只显示将要记录的内容，不写入。")
    IMPORT_SHEET = MessageId(
        "Import this worksheet of an .xlsx file alone (default: every worksheet, in one go).",
        "只导入 .xlsx 文件中的这一张工作表（默认：全部工作表一并导入）。")

    # ── check, targets, init ────────────────────────────────────────────────────
    CHECK = MessageId(
        "Validate targets.toml and every month file; exit 1 if there is an error.\n\n"
        "Every problem names its file and line.\n\n"
        "\b\nExamples:\n"
        "  kpitrack check\n"
        "  kpitrack check --format json",
        "检查 targets.toml 和每个月份文件；有错误时退出码为 1。\n\n"
        "每个问题都指出所在文件和行号。\n\n"
        "\b\n示例：\n"
        "  kpitrack check\n"
        "  kpitrack check --format json")
    CHECK_FORMAT = MessageId(
        "text: one line per problem; json: {{errors, warnings}} with file, line, target and "
        "message.",
        "text：每个问题一行；json：{{errors, warnings}}，含 file、line、target 和 message。")
    RULES = MessageId(
        "Print the colour rules in force, in words: the plan's, a section's or a "
        "target's.\n\n"
        "Without TARGET: the plan's rules, then each section and target with rules of its "
        "own. The rules are written in targets.toml: [bands], [sections.\"NAME\".bands] "
        "and a target's bands.\n\n"
        "\b\nExamples:\n"
        "  kpitrack rules\n"
        "  kpitrack rules fixed_investment\n"
        "  kpitrack rules --section innovation",
        "用文字列出正在使用的颜色评价规则：计划的、某个板块的或某项指标的。\n\n"
        "不写指标时，先列计划的规则，再列另有规则的板块和指标。规则写在 targets.toml 中："
        "[bands]、[sections.\"板块名\".bands] 和指标自身的 bands。\n\n"
        "\b\n示例：\n"
        "  kpitrack rules\n"
        "  kpitrack rules fixed_investment\n"
        "  kpitrack rules --section 科技")
    RULES_SECTION = MessageId("The rules of this section (its exact name).",
                              "列出此板块的规则（板块全名）。")
    TARGETS = MessageId(
        "List the targets defined in targets.toml.\n\n"
        "\b\nExamples:\n"
        "  kpitrack targets\n"
        "  kpitrack targets --format json",
        "列出 targets.toml 中定义的指标。\n\n"
        "\b\n示例：\n"
        "  kpitrack targets\n"
        "  kpitrack targets --format json")
    INIT = MessageId(
        "Create a workspace: targets.toml and an empty actuals/ folder.\n\n"
        "Without --from, targets.toml is a commented template that explains every field, "
        "with one example target of each kind. Nothing is ever overwritten. For git, it "
        "also writes .gitattributes (two clones' figures for one month merge record by "
        "record) and .gitignore (the lock in .kpitrack/).\n\n"
        "\b\nExamples:\n"
        "  kpitrack init my-zone\n"
        "  kpitrack -C my-zone check\n"
        "  kpitrack init ../zone-2026 --from targets.toml --year 2026",
        "新建工作区：targets.toml 和空的 actuals/ 文件夹。\n\n"
        "不加 --from 时，targets.toml 是带注释的模板，解释每个字段，每种类型各有一个示例指标。"
        "不会覆盖任何已有文件。为配合 git，还会写入 .gitattributes（两个副本同月的数据逐条"
        "合并）和 .gitignore（忽略 .kpitrack/ 中的写入锁）。\n\n"
        "\b\n示例：\n"
        "  kpitrack init my-zone\n"
        "  kpitrack -C my-zone check\n"
        "  kpitrack init ../zone-2026 --from targets.toml --year 2026")
    INIT_FROM = MessageId(
        "Copy the plan and targets of this targets.toml (or workspace folder), comments "
        "and all; no figures are copied.",
        "复制此 targets.toml（或工作区文件夹）中的计划和指标，连同注释；不复制数据。")
    INIT_YEAR = MessageId(
        "With --from: move the copy to this year (plan dates, milestone due dates, the "
        "year in the title; last_year is dropped).",
        "与 --from 一起用：把复制的计划移到这一年（计划日期、节点期限、标题中的年份；去掉 "
        "last_year）。")

    # ── merge-driver, completion ────────────────────────────────────────────────
    MERGE_DRIVER = MessageId(
        "Merge two clones' versions of a month file, record by record (git calls this).\n\n"
        "`kpitrack init` writes a .gitattributes naming this driver for actuals/*.toml, "
        "and every command that records figures registers it in the clone's git config. "
        "Records appended on both sides are all kept; the same record on both sides is "
        "kept once. A record edited or deleted on one side is a true conflict, marked by "
        "git as usual. Exit 0 when merged cleanly.\n\n"
        "\b\nExamples:\n"
        "  kpitrack merge-driver base.toml ours.toml theirs.toml actuals/2025-03.toml\n"
        "  git config merge.kpitrack.driver \"kpitrack merge-driver %O %A %B %P\"",
        "逐条记录合并月份文件的两个副本版本（由 git 调用）。\n\n"
        "`kpitrack init` 写入的 .gitattributes 为 actuals/*.toml 指定此合并程序，记录数据的"
        "命令会把它登记到本副本的 git 配置中。两边追加的记录都保留；两边相同的记录只保留一条。"
        "一边修改或删除了记录则是真正的冲突，由 git 照常标出。合并无冲突时退出码为 0。\n\n"
        "\b\n示例：\n"
        "  kpitrack merge-driver base.toml ours.toml theirs.toml actuals/2025-03.toml\n"
        "  git config merge.kpitrack.driver \"kpitrack merge-driver %O %A %B %P\"")
    COMPLETION = MessageId(
        "Print the script that turns on Tab completion in your shell.\n\n"
        "Target ids (and their names), sections and owners complete from the current "
        "workspace; commands, options and colours complete everywhere.\n\n"
        "\b\nExamples:\n"
        "  kpitrack completion bash >> ~/.bashrc\n"
        "  kpitrack completion zsh >> ~/.zshrc\n"
        "  kpitrack completion fish > ~/.config/fish/completions/kpitrack.fish",
        "输出在 shell 中开启 Tab 补全的脚本。\n\n"
        "指标编号（及名称）、板块和责任单位按当前工作区补全；命令、选项和颜色在任何地方都能"
        "补全。\n\n"
        "\b\n示例：\n"
        "  kpitrack completion bash >> ~/.bashrc\n"
        "  kpitrack completion zsh >> ~/.zshrc\n"
        "  kpitrack completion fish > ~/.config/fish/completions/kpitrack.fish")

    # ── respond, owners, notice ─────────────────────────────────────────────────
    RESPOND = MessageId(
        "Record a unit's answer on a target it is supervised on.\n\n"
        "Appends a [[response]] record to responses/YYYY-MM.toml, never rewrites. A newer "
        "answer for the same target and month replaces the older one in reports; both "
        "stay in the file. The red list shows the latest answer given while the target "
        "has been red, or that none was given.\n\n"
        "\b\nExamples:\n"
        "  kpitrack respond key_labs --reason 'long review' --measures 'two by June'\n"
        "  kpitrack respond key_labs --period 2025-10 --reason … --measures …",
        "记录责任单位对督办指标的答复。\n\n"
        "向 responses/YYYY-MM.toml 追加一条 [[response]] 记录，不改写原有内容。同一指标同一"
        "月份的新答复在报告中取代旧答复，两条都保留在文件中。红色清单显示指标变红以来最新的"
        "答复，没有则显示 未反馈。\n\n"
        "\b\n示例：\n"
        "  kpitrack respond key_labs --reason 认定周期长 --measures 6月底前申报2家\n"
        "  kpitrack respond key_labs --period 2025-10 --reason … --measures …")
    RESPOND_REASON = MessageId("Why the target is behind.", "情况说明：指标滞后的原因。")
    RESPOND_MEASURES = MessageId("What the unit will do.", "整改措施：单位将采取的措施。")
    RESPOND_BY = MessageId("The unit answering.", "答复单位，如 科技创新局。")
    RESPOND_PERIOD = MessageId("The month the answer is for: 2025-10 (default: last month).",
                               "答复针对的月份：2025-10、2025年10月（默认：上个月）。")
    RESPOND_DUE = MessageId("When the measures take effect.", "整改时限：措施生效的日期。")
    OWNERS = MessageId(
        "Put the responsible units side by side: colours per unit, ranked.\n\n"
        "For each unit: how many of its targets are blue, green, yellow, red and without "
        "data, the total, and the share on track (blue and green among those with data). "
        "Best first; a tie goes to fewer red, then the name. Targets with no owner are "
        "counted as unassigned. The last column counts the unit's figures due for the "
        "month that have not come.\n\n"
        "\b\nExamples:\n"
        "  kpitrack owners\n"
        "  kpitrack owners --as-of 2025-06 --format md > units.md\n"
        "  kpitrack owners --format json",
        "责任单位推进情况晾晒：按单位统计颜色并排名。\n\n"
        "每个单位：蓝、绿、黄、红和未报送的指标数，合计，以及正常推进率（有数据的指标中蓝、"
        "绿所占比例）。推进率高者在前；相同时红色少者在前，再按名称。没有责任单位的指标计入 "
        "未指定。最后一列缺报数为该单位当月应报而未报的数据项数。\n\n"
        "\b\n示例：\n"
        "  kpitrack owners\n"
        "  kpitrack owners --as-of 2025-06 --format md > 晾晒.md\n"
        "  kpitrack owners --format json")
    OWNERS_AS_OF = MessageId(
        "Judge as of this month (default: the latest month holding any figure).",
        "按此月份评价（默认：有数据的最新月份）。")
    NOTICE = MessageId(
        "Write the supervision notices: one per unit, its red items then its yellow ones."
        "\n\n"
        "Each item gives the target, its figure, completion, time progress, gap, months "
        "red, the pace needed per month and the answer on record. The notice asks for the "
        "unit's answer by the as-of month's end plus [supervision] reply_days in "
        "targets.toml (5 by default). The notice is numbered by the as-of month "
        "(Supervision No. 2025-10) and signed with the office, its contact and phone from [office] "
        "in targets.toml; it tells the unit to answer by the reply form or in writing. "
        "A Word notice (-o FILE.docx) is an official paper, each unit on a new page with "
        "its reply form after it as a table to fill.\n\n"
        "-o FILE.xlsx writes each unit's reply form instead, one worksheet per unit: a row "
        "per red or yellow item with yellow cells for the reason, the measures and the "
        "date they will be done by, the only cells open in a sheet protected without a "
        "password. kpitrack import reads the filled form back as the units' answers.\n\n"
        "\b\nExamples:\n"
        "  kpitrack notice --owner science\n"
        "  kpitrack notice -o notices.docx\n"
        "  kpitrack notice -o notices.pdf\n"
        "  kpitrack notice --owner science -o reply.xlsx\n"
        "  kpitrack notice --owner science --format json",
        "生成督办通知单：每个单位一份，先列红色事项，再列黄色预警。\n\n"
        "每项列出指标、数值、完成率、时序进度、差距、连续红色月数、需月均完成量和已有答复。"
        "通知要求单位在评价月份月底后 [supervision] reply_days 天内（默认 5 天）答复。"
        "通知单按评价月份编号（督办〔2025〕10号），落款为 targets.toml 中 [office] 的发文单位、"
        "联系人和联系电话；请单位填写反馈表或书面答复。Word 通知单（-o 文件.docx）按公文格式排版，"
        "每个单位另起一页，其后附反馈表供填写。\n\n"
        "-o 文件.xlsx 则生成各单位的督办事项反馈表，每个单位一个工作表：每项红色或黄色事项一行，"
        "黄色单元格填写情况说明、整改措施和完成时限，工作表已保护（未设密码），只有这些单元格可"
        "填写。填好的反馈表用 kpitrack import 导入为单位的答复。\n\n"
        "\b\n示例：\n"
        "  kpitrack notice --owner 科技创新局\n"
        "  kpitrack notice -o 督办通知.docx\n"
        "  kpitrack notice -o 督办通知.pdf\n"
        "  kpitrack notice --owner 科技创新局 -o 回复.xlsx\n"
        "  kpitrack notice --owner 科技创新局 --format json")
    NOTICE_OWNER = MessageId(
        "Only this unit (a part of its name will do); else every unit with red or yellow "
        "targets.",
        "只生成此单位的通知（写出名称的一部分即可）；否则为每个有红色或黄色指标的单位生成。")
    NOTICE_FORMAT = MessageId(
        "md (default), docx (a Word document, each unit on a new page), pdf (the same, "
        "each unit's pages numbered from 1), json, or xlsx (each unit's reply form). "
        "Without it, the -o file's extension decides.",
        "md（默认）、docx（Word 文档，每个单位另起一页）、pdf（同上，各单位页码从 1 起）、json 或 "
        "xlsx（各单位的督办事项反馈表）。"
        "不写时按 -o 文件的扩展名决定。")

    SHEET = MessageId(
        "Write the collection sheet a unit fills in for a month and sends "
        "back for `kpitrack import`.\n\n"
        "One row per target the unit owes that month, with its id, name, unit, kind, "
        "target and last figure; only the value, done date and note cells are open (the "
        "sheet is protected without a password), each value cell checks for a number and "
        "says what to write. It prints on A4. Without --owner: one sheet per unit, as a "
        "workbook of several sheets (-o FILE.xlsx) or one file per unit (-o FOLDER/).\n\n"
        "\b\nExamples:\n"
        "  kpitrack sheet --owner science --period 2025-11 -o science.xlsx\n"
        "  kpitrack sheet -o sheets/",
        "生成某月的指标数据报送表，供单位填写后回传并用 `kpitrack import` 导入。\n\n"
        "每项应报送的指标一行，列出编号、名称、单位、类型、目标和上次报送数值；只有数值、"
        "完成日期和备注可填写（工作表已保护，未设密码），数值格会检查是否为数字并提示填写方法。"
        "可按 A4 打印。不写 --owner 时每个单位一张表：-o 文件.xlsx 为一个多工作表的工作簿，"
        "-o 文件夹/ 为每个单位一个文件。\n\n"
        "\b\n示例：\n"
        "  kpitrack sheet --owner 科技创新局 --period 2025-11 -o 科技创新局.xlsx\n"
        "  kpitrack sheet -o 报送表/")
    SHEET_OWNER = MessageId("Only this unit's sheet (a part of its name will do).",
                            "只生成此单位的报送表（写出名称的一部分即可）。")
    SHEET_OUTPUT = MessageId(
        "The .xlsx file to write, or a folder (ending in /) for one file per unit.",
        "要写入的 .xlsx 文件；或写文件夹（以 / 结尾），每个单位一个文件。")
    REMIND = MessageId(
        "List, per unit, the figures still missing for a month, as a message to "
        "paste into a WeCom or DingTalk group.\n\n"
        "A figure is owed for each month of a monthly target, every third month of a "
        "quarterly one and the last month of a yearly one; a milestone reported done owes "
        "nothing more. The figures are due by [supervision] report_day of the month after "
        "(5 by default), and the message says how many days late they are.\n\n"
        "\b\nExamples:\n"
        "  kpitrack remind\n"
        "  kpitrack remind --period 2025-11 --owner science\n"
        "  kpitrack remind --format md > reminder.md",
        "按单位列出某月仍未报送的指标数据（催报），可直接粘贴到企业微信或钉钉群。\n\n"
        "按月报送的指标每月应报，按季的每季末月应报，按年的计划最后一月应报；已报完成的节点"
        "类指标不再催报。数据应于次月 [supervision] report_day 日前报送（默认 5 日），消息中"
        "写明已逾期几天。\n\n"
        "\b\n示例：\n"
        "  kpitrack remind\n"
        "  kpitrack remind --period 2025-11 --owner 科技创新局\n"
        "  kpitrack remind --format md > 催报.md")
    REMIND_PERIOD = MessageId(
        "The month to collect (default: last calendar month, within the plan).",
        "催报的月份（默认：上一个自然月，不超出计划）。")
    REMIND_OWNER = MessageId("Only this unit (a part of its name will do).",
                             "只列此单位（写出名称的一部分即可）。")
    REMIND_FORMAT = MessageId("text (default: a message to paste), md or json.",
                              "text（默认：可直接粘贴的消息）、md 或 json。")
    WEBHOOK = MessageId(
        "Post the message to a WeCom or DingTalk group robot at this webhook URL instead "
        "of printing it; --webhook alone reads the URL from KPITRACK_WEBHOOK (better: a "
        "URL typed here stays in the shell's history).",
        "不打印，改为发送到此 Webhook 地址的企业微信或钉钉群机器人；只写 --webhook 时从环境"
        "变量 KPITRACK_WEBHOOK 读取地址（更稳妥：写在命令行的地址会留在命令历史中）。")
    ROBOT = MessageId("The robot's kind, when the URL does not tell (wecom or dingtalk).",
                      "群机器人类型，地址无法判断时使用（wecom 企业微信，dingtalk 钉钉）。")
    ROBOT_SECRET = MessageId(
        "A DingTalk robot's signing secret (SEC…); default: KPITRACK_WEBHOOK_SECRET.",
        "钉钉机器人的加签密钥（SEC 开头）；默认读取环境变量 KPITRACK_WEBHOOK_SECRET。")

    # ── what the help itself says ───────────────────────────────────────────────
    USAGE = MessageId("Usage: ", "用法：")
    OPTIONS = MessageId("Options", "选项")
    COMMANDS = MessageId("Commands", "命令")
    ARGUMENTS = MessageId("Arguments", "参数")
    DEFAULT = MessageId("default: {value}", "默认：{value}")
    REQUIRED = MessageId("required", "必填")
