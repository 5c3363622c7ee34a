"""What the reports, the notices, `show`'s story and the terminal say, by id, in English
and Chinese (see `base`).

Each sentence is one template with named placeholders, whole in each language, so the
two can put its parts in a different order. A placeholder is a figure, a name, a month
or a part already worded in the reader's language (a status label, a count).
"""

from __future__ import annotations

from .base import Catalogue, MessageId


class Say(metaclass=Catalogue):
    """Every sentence of a report, a notice, the story and the terminal, by id."""

    # ── show: the story of one target ─────────────────────────────────────────
    STORY_RED_STREAK = MessageId("Red for {n} month(s) in a row, since {since}.",
                                 "已连续{n}个月红色（自{since}起）。")
    STORY_CHANGED = MessageId("Changed from {before} to {now} since last month.",
                              "较上月由{before}转为{now}。")
    STORY_STALE = MessageId("The latest figure is for {period}; it is out of date.",
                            "最新数据为{period}，未按期更新。")
    STORY_BASELINE = MessageId(
        "The baseline is the first figure, {baseline} ({month}), and time progress is "
        "counted from that month: set the baseline in targets.toml to judge the whole year.",
        "基数取首次报送值{baseline}（{month}），时序进度自该月起算；在 targets.toml 中填写年初数"
        "（baseline）可按全年评价。")
    STORY_CAPPED = MessageId(
        "Its figures alone would be {uncapped}; a late report is shown at best {cap}.",
        "按数据本应为{uncapped}；逾期未报的指标最高显示为{cap}。")
    STORY_MET = MessageId("The year's goal is met.", "已完成全年目标。")
    STORY_NO_FIGURE = MessageId("No figure has been reported yet.", "尚无数据报送。")
    STORY_TOO_EARLY = MessageId("Too early in the plan to forecast.", "时序进度为零，暂无法预计全年。")
    # a level (a count that stands at some level)
    STORY_LEVEL = MessageId(
        "At the current pace the year ends at {forecast} (target {goal}).",
        "按当前进度预计年末达到{forecast}（目标{goal}）。")
    STORY_LEVEL_RISE_NEEDED = MessageId(
        "At the current pace the year ends at {forecast} (target {goal}). It needs a net rise "
        "of {needed} a month.",
        "按当前进度预计年末达到{forecast}（目标{goal}）；需月均净增{needed}。")
    STORY_LEVEL_FALL_NEEDED = MessageId(
        "At the current pace the year ends at {forecast} (target {goal}). It needs a fall of "
        "{needed} a month.",
        "按当前进度预计年末达到{forecast}（目标{goal}）；需月均减少{needed}。")
    # a cumulative target
    STORY_FORECAST = MessageId(
        "At the current pace the year ends at {forecast} ({share} of target).",
        "按当前进度预计全年完成{forecast}（{share}）。")
    STORY_FORECAST_NEEDED = MessageId(
        "At the current pace the year ends at {forecast} ({share} of target). It needs "
        "{needed} a month.",
        "按当前进度预计全年完成{forecast}（{share}）；需月均完成{needed}。")
    STORY_FORECAST_MET = MessageId(
        "At the current pace the year ends at {forecast} ({share} of target). The year's "
        "target is already met.",
        "按当前进度预计全年完成{forecast}（{share}）；已完成全年目标。")
    # a growth or threshold target
    STORY_RATE_LEVEL = MessageId("The latest figure is {actual}, level with the target of {goal}.",
                                 "最新为{actual}，与目标{goal}持平。")
    STORY_RATE_AHEAD = MessageId(
        "The latest figure is {actual}, {gap} ahead of the target of {goal}.",
        "最新为{actual}，目标{goal}，优于目标{gap}。")
    STORY_RATE_BEHIND = MessageId(
        "The latest figure is {actual}, {gap} behind the target of {goal}.",
        "最新为{actual}，目标{goal}，落后目标{gap}。")
    # a milestone
    STORY_DONE_EARLY = MessageId("Done on {date} (due {due}, {n} days early).",
                                 "已于{date}完成（期限{due}，提前{n}天）。")
    STORY_DONE_ON_TIME = MessageId("Done on {date} (due {due}, on the due date).",
                                   "已于{date}完成（期限{due}，按期）。")
    STORY_DONE_LATE = MessageId("Done on {date} (due {due}, {n} days late).",
                                "已于{date}完成（期限{due}，超期{n}天）。")
    STORY_OVERDUE = MessageId("Not done, {n} days past the due date {due}.",
                              "期限{due}已过{n}天，尚未完成。")
    STORY_DUE = MessageId("Due {due}, in {n} days.", "期限{due}，距期限还有{n}天。")
    STORY_DUE_PROGRESS = MessageId(
        "Due {due}, in {n} days; {done}% done against {time}% of the time.",
        "期限{due}，距期限还有{n}天；已完成{done}%，时序进度{time}%。")
    STORY_DUE_NO_PROGRESS = MessageId("Due {due}, in {n} days; no progress reported yet.",
                                      "期限{due}，距期限还有{n}天；尚无进展报送。")

    # ── a report's cells ───────────────────────────────────────────────────────
    ANSWER = MessageId("Reason: {reason}; measures: {measures}", "原因：{reason}；措施：{measures}")
    ANSWER_BY = MessageId("Reason: {reason}; measures: {measures} ({by})",
                          "原因：{reason}；措施：{measures}（{by}）")
    # a figure and the month it is for
    FIGURE_FOR = MessageId("{value} ({period})", "{value}（{period}）")

    # ── the legend ─────────────────────────────────────────────────────────────
    LEGEND_BAND = MessageId("{label}: gap {pace} points (growth/threshold: {difference})",
                            "{label}：差距 {pace}个百分点（增速、保持类 {difference}）")
    LEGEND_RATIO = MessageId(
        "{label}: completion {range} of time progress (growth/threshold: {difference})",
        "{label}：完成率为时序进度的 {range}（增速、保持类 {difference}）")
    LEGEND_MONTH = MessageId(
        "{label}: the month's task {range} done (growth/threshold: {difference})",
        "{label}：本月任务完成 {range}（增速、保持类 {difference}）")
    RULE_MONTH_BASIS = MessageId(
        "Judged by the month: completion = the month's increment / the month's task (the "
        "planned part of the year's target), time progress 100%.",
        "按月度任务评价：完成率 = 本月完成 / 本月任务（全年目标按计划分到本月的部分），时序进度按 100% 计。")
    RULE_THREE_COLOURS = MessageId("Three colours: nothing is blue.", "三色评价：不设蓝色。")
    RULE_ESCALATE = MessageId("{source} {months} months running shows as {to}.",
                              "连续{months}个月为{source}色，显示为{to}色。")
    RULE_CATCH_UP = MessageId(
        "A red month shows yellow (late, but done) once the months after it make up its "
        "shortfall.",
        "红色月份在此后补齐缺口后改为黄色（滞后但已完成）。")
    RULE_INTERVIEW = MessageId("Red {n} months running: an interview with the unit.",
                               "连续红色{n}个月及以上：约谈。")
    RULE_WARN_SHARE = MessageId(
        "Milestones: yellow when at most {share}% of the time from the plan's start to the "
        "due date is left and the task is not done.",
        "节点类：距到期剩余时间不足总时长的{share}%且未完成为黄色。")
    RULE_OTHERS = MessageId("{who} follow their own rules: {rules}",
                            "{who}另有规则：{rules}")
    RULE_TARGETS = MessageId("{names} and {n} more", "{names}等{n}项")
    RULES_PLAN = MessageId("Rules of the plan {title}", "计划“{title}”的评价规则")
    RULES_SECTION = MessageId("Rules of the section {name}", "板块“{name}”的评价规则")
    RULES_TARGET = MessageId("Rules for {name} [{id}]", "{name} [{id}] 的评价规则")
    RULES_FROM = MessageId(" (from {source})", "（来源：{source}）")
    # ── the monthly collection (催报) ─────────────────────────────────────────
    SHEET_FORM_TITLE = MessageId("{unit}: figures for {month}",
                                 "{unit} {month} 指标数据报送表")
    SHEET_FORM_HELP = MessageId(
        "Fill in the yellow cells only: Value (for a milestone done: done, and the Done "
        "date), and "
        "a note if needed. Keep the other columns as they are; send the file back as it "
        "is. Due by {due}.",
        "请只填写黄色单元格：数值（节点类已完成的，填写“完成”和完成日期），需要时填写备注。"
        "其他列请勿改动，填好后原文件回传。报送截止：{due}。")
    HINT_YTD = MessageId("The total for {span}, in {unit}", "填写{span}累计数（{unit}）")
    HINT_INCREMENT = MessageId("The figure for {month} alone, in {unit}",
                               "填写{month}当月数（{unit}）")
    HINT_LEVEL = MessageId("The figure at the end of {month}, in {unit}",
                           "填写{month}末数（{unit}）")
    HINT_GROWTH = MessageId("The growth for {span}, in % (4.8 for 4.8%)",
                            "填写{span}累计增速（%，如 4.8）")
    HINT_THRESHOLD = MessageId("The rate for {month}, in % (96.5 for 96.5%)",
                               "填写{month}的比率（%，如 96.5）")
    HINT_MILESTONE = MessageId(
        "Done: write done and the done date; not yet: the % complete (e.g. 60)",
        "已完成：填写“完成”并填写完成日期；未完成：可填写完成进度百分比（如 60）")
    HINT_DATE = MessageId("The day it was done, as 2025-11-20", "完成的日期，如 2025-11-20")
    HINT_TITLE = MessageId("What to write", "填写说明")
    BAD_VALUE_TITLE = MessageId("Not a figure", "数值有误")
    BAD_VALUE = MessageId("Write a number (for a milestone: done, or the % complete).",
                          "请填写数字（节点类可填“完成”或完成进度百分比）。")
    BAD_DATE = MessageId("Write a date, as 2025-11-20.", "请填写日期，如 2025-11-20。")
    SPAN_YTD = MessageId("months 1 to {n}", "1—{n}月")
    REMIND_HEAD = MessageId(
        "[Reminder] {unit}: the figures for {month} were due by {due}{late}. Still missing "
        "({n}):",
        "【催报】{unit}：{month}指标数据应于{due}前报送{late}，尚未报送（{n}项）：")
    REMIND_LATE = MessageId(" ({days} days late)", "（已逾期{days}天）")
    REMIND_ITEM = MessageId("{n}. {name} [{id}], last sent {last}",
                            "{n}. {name}（{id}），上次报送：{last}")
    REMIND_ITEM_NEVER = MessageId("{n}. {name} [{id}], never sent",
                                  "{n}. {name}（{id}），今年尚未报送")
    REMIND_ASK = MessageId("Please fill in the sheet and send it back. Thank you.",
                           "请尽快填写报送表并回传，谢谢。")
    REMIND_NONE = MessageId("Every figure for {month} has been sent.",
                            "{month}的指标数据已全部报送。")
    REMIND_TITLE = MessageId("Figures missing for {month}", "{month}指标数据催报")
    REMIND_SUMMARY = MessageId("{units} units owe {n} figures for {month}, due by {due}{late}.",
                               "{month}共{units}个单位{n}项数据未报送，应于{due}前报送{late}。")
    # The notices' summary a group robot posts (`notice --webhook`).
    NOTICE_ROBOT_TITLE = MessageId("Supervision notices, {month}", "{month}督办通知")
    NOTICE_ROBOT_SUMMARY = MessageId(
        "As of {month}, units with items under supervision: {units}; lagging (red): {red}, "
        "in warning (yellow): {yellow}. Each unit's notice has the details; please send "
        "the reason and the measures by {by}.",
        "截至{month}，{units}个单位有督办事项：红色滞后{red}项、黄色预警{yellow}项。详见各单位"
        "督办通知单，请于{by}前反馈情况说明和整改措施。")
    NOTICE_ROBOT_NONE = MessageId("As of {month}, no target is red or yellow.",
                                  "截至{month}，无红色、黄色指标。")
    NOTICE_ROBOT_RED = MessageId("{n} red: {names}", "红色{n}项：{names}")
    NOTICE_ROBOT_YELLOW = MessageId("{n} yellow: {names}", "黄色{n}项：{names}")
    NOTICE_ROBOT_PARTS = MessageId("; ", "；")
    LEGEND_NONE = MessageId("{label}: no figure yet, or not measurable",
                            "{label}：尚无数据，或目标无法按进度衡量")
    LEGEND_GAP = MessageId(
        "Gap = completion − time progress; for growth and threshold targets, figure − target. "
        "Time progress counts whole months ({calendar}% this month).",
        "差距 = 完成率 − 时序进度；增速、保持类为实际值 − 目标值。时序进度按整月计算"
        "（截至本月 {calendar}%）。")
    LEGEND_MILESTONE = MessageId(
        "Milestones: yellow within {warn_days} days of the due date, red when overdue, blue "
        "when done {early_days}+ days early.",
        "节点类：到期前{warn_days}天内未完成为黄色，超期未完成为红色，提前{early_days}天以上完成为蓝色。")

    # ── the meeting report (Markdown, Word, HTML, the workbook) ────────────────
    REPORT_TITLE = MessageId("{title}: progress {as_of}", "{title}推进情况（{as_of}）")
    SHEET_TITLE = MessageId("{title} ({as_of})", "{title}（{as_of}）")
    HEADLINE = MessageId("{total} targets: {counts}.", "共{total}项指标：{counts}。")
    # with --only, --section or --owner: what the counts count
    FILTERED_COUNT = MessageId("{shown} shown of {total} targets", "筛选后{shown}项，共{total}项")
    FILTERED_HEADLINE = MessageId("{shown} of {total} targets shown: {counts}.",
                                  "筛选后{shown}项（共{total}项指标）：{counts}。")
    # before the HTML page's chip of each colour
    HEADLINE_LEAD = MessageId("{total} targets: ", "共{total}项指标：")
    LEAD_COLON = MessageId(": ", "：")
    EXAMPLES_COUNT = MessageId("({examples} of {total} targets use illustrative figures.)",
                               "（{total}项指标中{examples}项使用示例数据）")
    CHANGES_COUNT = MessageId(" (since {since}: {n})", "（较{since}，{n}项）")
    CHART_PACE_CAPTION = MessageId("{chart}: {section}", "{chart}：{section}")
    # beside a bar of the HTML page's charts: its colour in words, then its figures
    CHART_PACE_FIGURES = MessageId("{status} {completion} (time {time})",
                                   "{status} {completion}（时序{time}）")
    CHART_RATE_FIGURES = MessageId("{status} {actual} (goal {target})",
                                   "{status} {actual}（目标{target}）")
    RED_MORE = MessageId(
        "{n} more red targets are not charted here; kpitrack show tells each one's story.",
        "另有{n}项红色指标未绘图，逐月进度见 kpitrack show。")

    # ── the supervision notice ─────────────────────────────────────────────────
    NOTICE_TITLE = MessageId("Supervision notice: {unit}", "督办通知单：{unit}")
    NOTICE_INTRO = MessageId(
        "As of {year}-{month:02d}, your unit's targets lagging (red): {red}; in warning "
        "(yellow): {yellow}. Each is listed below for supervision.",
        "截至{year}年{month}月，你单位负责的指标中有{red}项红色滞后、{yellow}项黄色预警，"
        "现将有关事项通知如下，请抓好落实。")
    # How to answer: a unit never sees a command line, so no command here.
    NOTICE_REPLY = MessageId(
        "Please send back, by {by}, each item's reason, your measures and the date they will "
        "be done by: fill in the attached reply form, one row per item, and "
        "return it, or reply in writing with the same for each item.",
        "请于{by}前反馈各项事项的情况说明（滞后原因）、整改措施和完成时限：填写随附的"
        "《督办事项反馈表》（每个事项一行）后回传，或逐项书面报送。")
    TABLE_NOTE = MessageId("Note: {notes}", "注：{notes}")
    NOTICE_NUMBER = MessageId("{prefix} No. {year}-{month}", "{prefix}〔{year}〕{month}号")
    NOTICE_PREFIX = MessageId("Supervision", "督办")
    NOTICE_TO = MessageId("To: {unit}", "{unit}：")
    NOTICE_CONTACT = MessageId("Contact: {who}.", "联系人：{who}。")
    NOTICE_CONTACT_PHONE = MessageId("Contact: {who}, tel. {phone}.",
                                     "联系人：{who}，联系电话：{phone}。")
    NOTICE_PHONE = MessageId("Tel.: {phone}.", "联系电话：{phone}。")
    NOTICE_ATTACHMENT = MessageId("Attachment: reply form",
                                  "附件：督办事项反馈表")
    NOTICE_FORM_NOTE = MessageId(
        "Fill in one row per item and send it back by {by}.",
        "请逐项填写，于{by}前回传。")
    # the reply form a unit fills (it reaches a department: no command line in it)
    REPLY_FORM_TITLE = MessageId("{unit}: supervision items to answer, {month}",
                                 "{unit} {month} 督办事项反馈表")
    REPLY_FORM_HELP = MessageId(
        "For each item, fill in the yellow cells: the reason it is behind, your unit's "
        "measures and the date they will be done by. Keep the other columns as they are, "
        "and send the file back as it is by {due}.",
        "请逐项填写黄色单元格：情况说明（滞后原因）、整改措施和完成时限。其他列请勿改动，"
        "填好后请于{due}前将原文件回传。")
    HINT_REASON = MessageId("Why the target is behind, in a sentence or two",
                            "简要说明指标滞后的原因")
    HINT_MEASURES = MessageId(
        "What your unit will do to catch up, e.g. two applications by the end of June",
        "写明下一步整改措施，如 6月底前完成2家申报")
    HINT_DUE = MessageId("The day the measures will be done by, as 2025-12-31",
                         "整改措施的完成日期，如 2025-12-31")
    COUNTED_ANSWERS_NEW = MessageId("new answers: {n}", "新增答复{n}条")
    COUNTED_ANSWERS_SAME = MessageId("{n} already on record, skipped", "已有相同答复，跳过{n}条")

    # ── what a command did ─────────────────────────────────────────────────────
    RECORDED = MessageId("recorded {name} [{id}] {period}: {figure} → {path}",
                         "已记录 {name} [{id}] {period}: {figure} → {path}")
    RECORDED_CORRECTION = MessageId("recorded (correction) {name} [{id}] {period}: {figure} → {path}",
                                    "已记录 (更正) {name} [{id}] {period}: {figure} → {path}")
    WITHDREW = MessageId("withdrew {name} [{id}] {period}: {figure} → {path}",
                         "已撤回 {name} [{id}] {period}: {figure} → {path}")
    RESPONDED = MessageId(
        "recorded the answer on {name} [{id}] {period} → {path}\n"
        "  reason: {reason}\n  measures: {measures}",
        "已记录答复 {name} [{id}] {period} → {path}\n  原因：{reason}\n  措施：{measures}")
    RESPONDED_BY = MessageId(
        "recorded the answer on {name} [{id}] {period} ({by}) → {path}\n"
        "  reason: {reason}\n  measures: {measures}",
        "已记录答复 {name} [{id}] {period}（{by}） → {path}\n  原因：{reason}\n  措施：{measures}")
    EXPORTED = MessageId("exported {path}: {n} targets, {as_of} ({counts})",
                         "已导出 {path}：{n}项指标，{as_of}（{counts}）")
    EXPORTED_NOTICES = MessageId("exported {path}: notices, units: {n}",
                                 "已导出 {path}：{n}个单位的督办通知单")
    CREATED = MessageId("created {path}; edit it, then run `kpitrack check`",
                        "已创建 {path}；编辑后运行 `kpitrack check`")
    CHECK_SUMMARY = MessageId(
        "{targets} targets, {figures} figures: {errors} errors, {warnings} warnings",
        "{targets}项指标，{figures}条数据：{errors}个错误，{warnings}个警告")
    NOTICE_PAST_DUE = MessageId(
        "warning: the notices ask for answers by {by}, before today ({today}), the day they "
        "are signed; give the month to supervise with --as-of, or set [supervision] reply_days",
        "注意：通知要求{by}前反馈，早于落款日期（今天，{today}）；请用 --as-of 指定督办月份，"
        "或在 [supervision] 中调整 reply_days")
    PROBLEMS_ELSEWHERE = MessageId(
        "warning: the workspace has {n} problem(s) elsewhere; run `kpitrack check`",
        "注意：工作区其他文件有{n}处问题；请运行 `kpitrack check`")

    # ── import ─────────────────────────────────────────────────────────────────
    # how many rows each action took (by its value in core.recording)
    COUNTED_NEW = MessageId("{n} new", "新增{n}条")
    COUNTED_CORRECTION = MessageId("{n} correction", "更正{n}条")
    COUNTED_SAME = MessageId("{n} already recorded, skipped", "已有相同数据，跳过{n}条")
    COUNTED_ADDS_UP = MessageId("{n} adds up", "累加{n}条")
    COUNTED_TOTAL = MessageId("{n} total rows skipped", "跳过合计行{n}行")
    COUNTED_BLANK = MessageId("{n} blank rows skipped", "跳过空行{n}行")
    COUNTED_UNFILLED = MessageId("{n} rows not filled in, skipped", "未填写{n}行，跳过")
    COUNTED_PROBLEMS = MessageId("{n} with problems", "有问题{n}行")
    NO_ROWS = MessageId("no rows", "无数据行")
    IMPORT_PREVIEW = MessageId(
        "preview of {file}: {counts}; nothing was written (drop --dry-run to import)",
        "预览 {file}：{counts}；未写入任何数据（去掉 --dry-run 即导入）")
    IMPORT_NOTHING_NEW = MessageId("{file}: {counts}; nothing new to record",
                                   "{file}：{counts}；没有需要写入的新数据")
    IMPORTED = MessageId("imported {file}: {counts} → {paths}", "已导入 {file}：{counts} → {paths}")
