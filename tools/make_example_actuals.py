"""Regenerate the illustrative figures in actuals/ (2025-01 to 2025-10).

These are NOT official statistics: they are made up so that a first
`kpitrack status` shows every colour. Run from the repository root:

    python tools/make_example_actuals.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kpitrack.core.model import Actual
from kpitrack.core.period import Period
from kpitrack.workspace.append import render_record
from kpitrack.workspace.fields import SCHEMA
from kpitrack.workspace.load import load_workspace

SOURCE = "示例数据（非官方统计）"
HEADER = (
    "# 示例数据（非官方统计）：本文件中的数字为演示 kpitrack 而编造，不是官方统计数据。\n"
    "# Illustrative figures, NOT official statistics: made up to demonstrate kpitrack.\n"
    "# Regenerate with `python tools/make_example_actuals.py`.\n"
    f"schema = {SCHEMA}\n"
)
TZ = dt.timezone(dt.timedelta(hours=8))
LAST = 10  # figures run to 2025-10

# cumulative (ytd): pace relative to the calendar, last month reported, decimals
CUMULATIVE = {
    "tech_brokers": (1.0, LAST, 0), "tech_transfer": (0.7, LAST, 0),
    "smart_digital_projects": (1.2, LAST, 0), "smart_factories": (0.85, LAST, 0),
    "projects_in_production": (0.85, LAST, 0), "software_revenue": (0.95, LAST, 2),
    "testing_revenue": (0.8, LAST, 2), "big_projects": (0.6, LAST, 0),
    "city_specialized_firms": (1.3, LAST, 0), "new_market_entities": (0.92, LAST, 3),
    "road_projects": (1.05, LAST, 0), "ledger_apps": (1.0, LAST, 0),
    "project_list": (1.0, LAST, 0), "projects_started": (0.75, LAST, 0),
    "projects_progressing": (0.98, LAST, 0), "projects_in_use": (0.88, LAST, 0),
    "fixed_investment": (0.96, LAST, 2), "industrial_investment": (1.0, 7, 2),
    "urban_jobs": (1.02, LAST, 2),
}
# explicit figures by month: quarterly and yearly reporting, level targets
EXPLICIT = {
    "little_giants": {6: 1},
    "living_circle": {6: 0, 9: 0},
    "soe_integration": {3: 1, 6: 3, 9: 4},
    "elderly_beds": {3: 20, 6: 45, 9: 70},
    "key_labs": {3: 86, 6: 90, 9: 94},
    "rd_institution_coverage": {3: 78, 6: 84, 9: 88},
    "childcare_places": {3: 3.9, 6: 4.0, 9: 4.2},
    "grade_a_clinics": {3: 28, 6: 31, 9: 35},
    "grade_b_clinics": {3: 92, 6: 96, 9: 99},
}
# monthly level and rate series: first and last value, straight line between
SERIES = {
    "high_tech_enterprises": (560, 690, 0), "tech_smes": (2900, 3380, 0),
    "waste_sorting_coverage": (90, 98.5, 1), "pipeline_vectorization": (40, 85, 1),
    "city_apps": (62, 90, 0),
    "ic_output_growth": (3.2, 5.6, 1), "nev_output_growth": (18.5, 13.2, 1),
    "biomed_output_growth": (1.5, -0.6, 1), "market_entity_growth": (9.0, 11.8, 1),
    "retail_sales_growth": (3.9, 4.8, 1), "trade_growth": (-1.2, 2.1, 1),
    "rural_waste_treatment": (100, 100, 0), "on_time_rate": (100, 99.6, 1),
    "satisfaction": (95.8, 96.3, 1), "liquidity_risk": (0, 0, 0),
}
MILESTONES = {
    "jialingjiang_lab": {6: {"done": True, "date": dt.date(2025, 6, 18)}},
    "student_venture_base": {6: {"value": 40.0}, 10: {"value": 70.0}},
    "xiyong_planning": {9: {"value": 90.0}},
    "jinfeng_center": {6: {"value": 35.0}, 10: {"value": 60.0}},
    "kexue_avenue_phase2": {5: {"value": 40.0}, 10: {"value": 85.0}},
    "digital_twin": {4: {"done": True, "date": dt.date(2025, 4, 30)}},
    "digital_cq_capability": {10: {"done": False}},
    "xiyong_group": {8: {"done": True, "date": dt.date(2025, 8, 28)}},
}


def note(kind: str, month: int) -> str:
    return {"cumulative": f"1—{month}月累计", "level": f"{month}月末",
            "growth": f"1—{month}月同比", "threshold": f"{month}月"}.get(kind, "进展")


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    ws = load_workspace(root)
    targets = {t.id: t for t in ws.targets}
    by_month: dict[int, list[Actual]] = {m: [] for m in range(1, LAST + 1)}

    def add(tid: str, month: int, **fields) -> None:
        t = targets[tid]
        recorded = dt.datetime(2025, month + 1, 8 + len(by_month[month]) % 5, 9, 30, tzinfo=TZ)
        text = fields.pop("note", note(t.kind.value, month))
        by_month[month].append(Actual(target=tid, period=Period(2025, month), recorded=recorded,
                                      by=t.owner, note=text, source=SOURCE, example=True,
                                      **fields))

    for tid, (pace, last, places) in CUMULATIVE.items():
        goal = targets[tid].target
        for month in range(1, last + 1):
            add(tid, month, value=round(goal * pace * month / 12, places) + 0.0)
    for tid, figures in EXPLICIT.items():
        for month, value in figures.items():
            add(tid, month, value=float(value))
    for tid, (first, last, places) in SERIES.items():
        for month in range(1, LAST + 1):
            add(tid, month, value=round(first + (last - first) * (month - 1) / (LAST - 1), places)
                + 0.0)
    for tid, records in MILESTONES.items():
        for month, fields in records.items():
            add(tid, month, note="示例进展", **fields)
    # A correction, to show how history is kept: the March investment was revised upward.
    add("fixed_investment", 3, value=152.6, correction=True, note="1—3月累计（统计局修正）")

    folder = root / "actuals"
    folder.mkdir(exist_ok=True)
    for month, records in by_month.items():
        body = "".join("\n" + render_record(r) for r in records)
        (folder / f"{Period(2025, month)}.toml").write_text(HEADER + body, encoding="utf-8")


if __name__ == "__main__":
    main()
