"""Benchmark kpitrack as whole processes, at three sizes, against hledger and beancount.

    python bench/run.py                       # every size, every command
    python bench/run.py --sizes small,medium  # some sizes
    python bench/run.py --quick               # one run each, small and medium
    python bench/run.py --runs 3              # fewer repetitions

Workspaces are synthetic and generated with a fixed seed into a temporary folder: 50,
1,700 and 8,500 targets × 12 months; the medium and large ones also hold answers
(`responses/`), one per red target per month, and every command runs on them. Each
process is a first run (kpitrack keeps no cache). A timing is the child's CPU time
(user + system, from `wait4`), the minimum of several runs, which two shared cores
disturb least; the wall-clock minimum is printed beside it. Peak memory is the child's
maximum resident set size. The peers read the same figures: hledger (`bal --budget -Y`,
`check`) when installed, and beancount's `bean-check`, installed from PyPI into
`bench/.venv` (skipped with a note when it cannot be).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH_VENV = REPO / "bench" / ".venv"
SEED = 20250101
SIZES = {"small": 50, "medium": 1700, "large": 8500}
KINDS = (["cumulative"] * 12 + ["level"] * 4 + ["growth"] * 2 + ["threshold"] + ["milestone"])
# The export formats timed, one `export -o report.<format>` each: a new format is one line.
EXPORTS = (
    "md",
    "csv",
    "json",
    "xlsx",
    "docx",
    "html",
    "pdf",
)
# Sizes whose workspace also holds answers.
WITH_ANSWERS = ("medium", "large")
# `import` of a sheet of this many rows at the large size (the per-row growth goal).
IMPORT_ROWS = (2125, 8500)


@dataclass
class Timing:
    cpu: float  # user + system seconds of the child, minimum of the runs
    wall: float  # wall-clock seconds, minimum of the runs
    peak_kb: int  # maximum resident set size, largest of the runs


def kpitrack_cmd() -> list[str]:
    exe = shutil.which("kpitrack", path=str(Path(sys.executable).parent)) or \
        shutil.which("kpitrack")
    return [exe] if exe else [sys.executable, "-m", "kpitrack"]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("KPITRACK_WORKSPACE", None)
    env["NO_COLOR"] = "1"
    return env


def run_once(cmd: list[str], cwd: Path | None = None, columns: int | None = None,
             ok: tuple[int, ...] = (0,)) -> Timing:
    """One process; with `columns`, its table laid out for a terminal that wide."""
    env = child_env()
    if columns:
        env["COLUMNS"] = str(columns)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if proc.stderr:
        proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {code}: {stderr.strip()[:300]}")
    return Timing(usage.ru_utime + usage.ru_stime, elapsed, usage.ru_maxrss)


def best(cmd: list[str], runs: int, cwd: Path | None = None,
         before: Callable[[], None] | None = None, columns: int | None = None,
         ok: tuple[int, ...] = (0,)) -> Timing:
    timings = []
    for _ in range(runs):
        if before:
            before()
        timings.append(run_once(cmd, cwd, columns, ok))
    return Timing(min(t.cpu for t in timings), min(t.wall for t in timings),
                  max(t.peak_kb for t in timings))


def paired(first: list[str], second: list[str], runs: int) -> tuple[Timing, Timing]:
    """Two commands run in turn, so a busy spell of the machine hits both."""
    a, b = [], []
    for _ in range(runs):
        a.append(run_once(first))
        b.append(run_once(second))
    return tuple(Timing(min(t.cpu for t in ts), min(t.wall for t in ts),
                        max(t.peak_kb for t in ts)) for ts in (a, b))  # type: ignore


# ── synthetic data ─────────────────────────────────────────────────────────────


@dataclass
class Data:
    figures: int
    goals: list[tuple[str, float]]
    txns: list[tuple[int, str, float]]  # month, target, amount (hledger, beancount)
    values: dict[str, float]  # each target's December figure (the import sheet)


def generate(root: Path, n_targets: int, seed: int = SEED) -> Data:
    """A workspace of n targets with 12 months of figures."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "actuals").mkdir(exist_ok=True)
    head = ['schema = 1', '', '[plan]', 'title = "Synthetic benchmark plan"', 'year = 2025',
            'lang = "zh"', '']
    targets = []
    months: dict[int, list[str]] = {m: [] for m in range(1, 13)}
    data = Data(0, [], [], {})
    for i in range(n_targets):
        kind = KINDS[i % len(KINDS)]
        tid = f"t{i:05d}"
        goal = round(rng.uniform(10, 1000), 1)
        lines = [f"[targets.{tid}]", f'name = "指标{i}"', f'section = "板块{i % 20}"',
                 f'kind = "{kind}"', f'owner = "单位{i % 37}"']
        if kind in ("growth", "threshold"):
            goal = round(rng.uniform(1, 10), 1)
            lines += [f"target = {goal}", 'unit = "%"']
        elif kind == "level":
            lines += [f"target = {goal}", f"baseline = {round(goal * 0.7, 1)}", 'unit = "家"']
        elif kind == "cumulative":
            lines += [f"target = {goal}", 'unit = "亿元"']
        targets.append("\n".join(lines))
        data.goals.append((tid, goal))
        pace = rng.uniform(0.6, 1.3)
        for month in range(1, 13):
            if kind == "milestone":
                if month in (6, 12):
                    months[month].append(_record(tid, month, f"value = {min(100, month * 8)}"))
                    data.figures += 1
                    data.values[tid] = min(100, month * 8)
                continue
            if kind == "cumulative":
                value = round(goal * pace * month / 12, 2)
                step = round(goal * pace / 12, 2)
            elif kind == "level":
                value = round(goal * 0.7 + goal * 0.3 * pace * month / 12, 2)
                step = value
            else:
                value = round(goal * pace, 2)
                step = value
            months[month].append(_record(tid, month, f"value = {value}"))
            data.txns.append((month, tid, step))
            data.figures += 1
            data.values[tid] = value
    (root / "targets.toml").write_text("\n".join(head) + "\n" + "\n\n".join(targets) + "\n",
                                       encoding="utf-8")
    for month, records in months.items():
        (root / "actuals" / f"2025-{month:02d}.toml").write_text(
            "schema = 1\n\n" + "\n".join(records), encoding="utf-8")
    write_journal(root / "budget.journal", data.goals, data.txns)
    write_beancount(root / "ledger.beancount", data.txns)
    return data


def _record(tid: str, month: int, value: str) -> str:
    return (f'[[actual]]\ntarget = "{tid}"\nperiod = "2025-{month:02d}"\n{value}\n'
            f"recorded = 2025-{min(month + 1, 12):02d}-05T09:00:00+08:00\n")


def write_answers(root: Path) -> int:
    """One answer per red target per month, judged by kpitrack's own rules (in this
    process, once); returns how many."""
    from kpitrack.core.evaluate import month_statuses, resolve_as_of
    from kpitrack.core.model import Status
    from kpitrack.core.records import group_by_target
    from kpitrack.workspace.load import open_workspace

    def answered(period):  # the month after, within the plan's year
        return period.shifted(1) if period.month < 12 else period

    ws = open_workspace(root)
    as_of = resolve_as_of(ws.plan, ws.actuals)
    grouped = group_by_target(ws.actuals)
    files: dict[str, list[str]] = {}
    for target in ws.targets:
        for month in month_statuses(ws.plan, target, grouped.get(target.id, ()), as_of):
            if month.status is Status.RED:
                files.setdefault(str(month.period), []).append(
                    f'[[response]]\ntarget = "{target.id}"\nperiod = "{month.period}"\n'
                    f'reason = "进度滞后"\nmeasures = "加快推进"\nby = "{target.owner}"\n'
                    f"recorded = {answered(month.period)}-10T10:00:00+08:00\n")
    (root / "responses").mkdir(exist_ok=True)
    for period, blocks in files.items():
        (root / "responses" / f"{period}.toml").write_text(
            "schema = 1\n\n" + "\n".join(blocks), encoding="utf-8")
    return sum(len(b) for b in files.values())


def write_import_sheet(path: Path, values: dict[str, float], rows: int) -> None:
    """A department's sheet for December: one row per target (the first `rows`), each
    figure a little higher than the one recorded, so `import --correct` writes it."""
    out = ["target,period,value"]
    for tid, value in list(values.items())[:rows]:
        out.append(f"{tid},2025-12,{min(100.0, round(value * 1.01 + 0.01, 2))}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_journal(path: Path, goals: list[tuple[str, float]],
                  txns: list[tuple[int, str, float]]) -> None:
    """The same data for hledger: yearly budget goals and one posting per figure."""
    out = ["~ yearly from 2025-01-01"]
    out += [f"    (targets:{tid})  {goal}" for tid, goal in goals]
    out.append("")
    for month, tid, amount in sorted(txns):
        out.append(f"2025-{month:02d}-28 {tid}\n    (targets:{tid})  {amount}\n")
    path.write_text("\n".join(out), encoding="utf-8")


def write_beancount(path: Path, txns: list[tuple[int, str, float]]) -> None:
    """The same figures for beancount: an account per target, a transaction per figure."""
    accounts = sorted({tid for _, tid, _ in txns})
    out = ['option "operating_currency" "KPI"', "", "2025-01-01 open Equity:Reported"]
    out += [f"2025-01-01 open Assets:{tid.upper()}" for tid in accounts]
    out.append("")
    for month, tid, amount in sorted(txns):
        out.append(f'2025-{month:02d}-28 * "{tid}"\n  Assets:{tid.upper()}  {amount:.2f} KPI\n'
                   "  Equity:Reported\n")
    path.write_text("\n".join(out), encoding="utf-8")


def bean_check() -> Path | None:
    """bean-check from the benchmark's own venv, installed from PyPI the first time."""
    exe = BENCH_VENV / "bin" / "bean-check"
    if exe.exists():
        return exe
    try:
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True,
                       capture_output=True)
        subprocess.run([str(BENCH_VENV / "bin" / "pip"), "install", "-q", "beancount"],
                       check=True, capture_output=True, timeout=600)
    except (subprocess.SubprocessError, OSError) as exc:
        print(f"note: beancount could not be installed into {BENCH_VENV} ({exc}); "
              "bean-check is skipped", file=sys.stderr)
        return None
    return exe if exe.exists() else None


# ── the benchmark ──────────────────────────────────────────────────────────────

Row = tuple[str, str, Timing]


def bench_size(name: str, n: int, runs: int, base: Path, log: Callable[[Row], None]
               ) -> list[Row]:
    """Every command on one size; every run is a first run."""
    root = base / name
    data = generate(root, n)
    kp = kpitrack_cmd()
    ws = [*kp, "-C", str(root)]
    out = base / f"{name}-out"
    out.mkdir()
    rows: list[Row] = []
    label = f"{name}: {n} targets, {data.figures} figures"

    def row(what: str, timing: Timing) -> None:
        rows.append((label, what, timing))
        log(rows[-1])

    json_cmd = [*ws, "status", "--format", "json"]
    run_once(json_cmd)  # write bytecode, as after installing
    row("status --format json", best(json_cmd, runs))
    if name in WITH_ANSWERS:
        answers = write_answers(root)
        label = f"{name}: {n} targets, {data.figures} figures, {answers} answers"
        row("status --format json", best(json_cmd, runs))
    row("status (table)", best([*ws, "status"], runs))
    row("check", best([*ws, "check"], runs))
    row("show", best([*ws, "show", "t00000"], runs))
    row("owners", best([*ws, "owners"], runs))
    row("notice", best([*ws, "notice"], runs))
    row("remind", best([*ws, "remind", "--period", "2025-12"], runs))
    row("sheet", best([*ws, "sheet", "--period", "2025-12", "-o", f"{out}/sheets/"], runs))
    for fmt in EXPORTS:
        row(f"export {fmt}", best([*ws, "export", "-o", str(out / f"report.{fmt}")], runs))
    december = root / "actuals" / "2025-12.toml"
    saved = december.read_bytes()

    def reset() -> None:
        december.write_bytes(saved)

    row("add", best([*ws, "add", "t00000", "1", "--period", "2025-12", "--correct"], runs,
                    before=reset))
    sizes = [r for r in IMPORT_ROWS if r < n] + [n] if name == "large" else [n]
    for count in sizes:
        sheet = out / f"sheet-{count}.csv"
        write_import_sheet(sheet, data.values, count)
        row(f"import {count} rows", best([*ws, "import", str(sheet), "--correct"], runs,
                                         before=reset))
    reset()
    if shutil.which("hledger"):
        journal = str(root / "budget.journal")
        row("hledger bal --budget -Y", best(["hledger", "-f", journal, "bal", "--budget",
                                             "-Y"], runs))
        row("hledger check", best(["hledger", "-f", journal, "check"], runs))
    exe = bean_check()
    if exe:
        row("bean-check", best([str(exe), str(root / "ledger.beancount")], runs))
    return rows


def bench_add_growth(runs: int, base: Path, log: Callable[[Row], None]) -> list[Row]:
    """`add` into a month file of 5,000 records against an empty one."""
    root = base / "append"
    generate(root, 5000)
    kp = kpitrack_cmd()
    big = root / "actuals" / "2025-12.toml"
    empty = root / "actuals" / "2025-11.toml"
    empty.write_text("schema = 1\n", encoding="utf-8")
    for month in range(1, 11):
        (root / "actuals" / f"2025-{month:02d}.toml").write_text("schema = 1\n",
                                                                 encoding="utf-8")
    saved_big, saved_empty = big.read_bytes(), empty.read_bytes()
    run_once([*kp, "-C", str(root), "check"])

    def reset() -> None:
        big.write_bytes(saved_big)
        empty.write_bytes(saved_empty)

    label = "append: 5000 targets"
    rows = [(label, "add into an empty month file",
             best([*kp, "-C", str(root), "add", "t00001", "1", "--period", "2025-11"],
                  runs, before=reset))]
    log(rows[-1])
    rows.append((label, "add into a month file of 5,000 records",
                 best([*kp, "-C", str(root), "add", "t00001", "1", "--period", "2025-12",
                       "--correct"], runs, before=reset)))
    log(rows[-1])
    return rows


def print_row(row: Row) -> None:
    label, what, t = row
    print(f"| {label} | {what} | {t.cpu:.3f} | {t.wall:.3f} | {t.peak_kb / 1024:.0f} |",
          flush=True)


def print_head() -> None:
    print("| workspace | command | CPU s (min) | wall s (min) | peak MB |")
    print("|---|---|---:|---:|---:|", flush=True)


# ── the goals ──────────────────────────────────────────────────────────────────


class Goals:
    """Each goal with its verdict: yes, no, or not measured in this run."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.missed = 0

    def get(self, size: str, what: str, answers: bool | None = None) -> Timing | None:
        found = [t for label, w, t in self.rows if label.split(":")[0] == size and w == what
                 and (answers is None or ("answers" in label) == answers)]
        return found[0] if found else None

    def say(self, text: str, ok: bool | None, numbers: str) -> None:
        verdict = "not measured" if ok is None else "yes" if ok else "no"
        if ok is False:
            self.missed += 1
        print(f"- {text}: {verdict}" + (f" ({numbers})" if numbers else ""))

    def ratio(self, text: str, a: Timing | None, b: Timing | None, most: float,
              names: tuple[str, str]) -> None:
        if a is None or b is None:
            self.say(text, None, "")
            return
        r = a.cpu / b.cpu
        self.say(text, r <= most, f"{names[0]} {a.cpu:.3f} s / {names[1]} {b.cpu:.3f} s "
                                  f"= {r:.2f}x, goal <= {most}x")


def report_goals(rows: list[Row]) -> int:
    g = Goals(rows)
    print("\ngoals (CPU seconds, minimum of the runs, every run cold):")
    print("existing:")
    g.ratio("the repository's status table <= 2.5x the bare import of click and rich",
            g.get("repository", "status (table)"), g.get("-", "bare imports"), 2.5,
            ("status", "imports"))
    hl_m = g.get("medium", "hledger bal --budget -Y")
    g.ratio("medium (20k figures): status --format json <= 0.5x hledger bal --budget -Y",
            g.get("medium", "status --format json", False), hl_m, 0.5, ("status", "hledger"))
    large = g.get("large", "status --format json", False)
    if large:
        mb = large.peak_kb / 1024
        g.say("large (100k figures): status --format json <= 3 s, peak < 300 MB",
              large.cpu <= 3 and mb < 300, f"{large.cpu:.2f} s, {mb:.0f} MB")
    else:
        g.say("large (100k figures): status --format json <= 3 s, peak < 300 MB", None, "")
    g.ratio("add into a month of 5,000 records <= 1.5x add into an empty month",
            g.get("append", "add into a month file of 5,000 records"),
            g.get("append", "add into an empty month file"), 1.5, ("5,000", "empty"))
    print("issue 29:")
    hl_l = g.get("large", "hledger bal --budget -Y")
    g.ratio("large: status --format json <= 0.2x hledger bal --budget -Y",
            large, hl_l, 0.2, ("status", "hledger"))
    if large:
        mb = large.peak_kb / 1024
        g.say("large: status --format json <= 1.2 s, peak < 200 MB",
              large.cpu <= 1.2 and mb < 200, f"{large.cpu:.2f} s, {mb:.0f} MB")
    else:
        g.say("large: status --format json <= 1.2 s, peak < 200 MB", None, "")
    g.ratio("medium: status --format json <= 0.4x hledger bal --budget -Y",
            g.get("medium", "status --format json", False), hl_m, 0.4, ("status", "hledger"))
    g.ratio("medium: status --format json with answers <= 1.2x without",
            g.get("medium", "status --format json", True),
            g.get("medium", "status --format json", False), 1.2, ("with", "without"))
    large_a = g.get("large", "status --format json", True)
    g.ratio("large: import of 8,500 rows <= 4x status --format json (same workspace)",
            g.get("large", "import 8500 rows"), large_a, 4, ("import", "status"))
    small_i, big_i = g.get("large", "import 2125 rows"), g.get("large", "import 8500 rows")
    if small_i and big_i:
        grow = (big_i.cpu / 8500) / (small_i.cpu / 2125)
        g.say("large: import cost per row, 2,125 vs 8,500 rows, grows <= 1.5x", grow <= 1.5,
              f"{small_i.cpu / 2125 * 1000:.3f} ms vs {big_i.cpu / 8500 * 1000:.3f} ms a row "
              f"= {grow:.2f}x")
    else:
        g.say("large: import cost per row, 2,125 vs 8,500 rows, grows <= 1.5x", None, "")
    if large_a:
        for label, what, t in rows:
            if not label.startswith("large") or what.startswith(("status --format json",
                                                                 "export", "hledger",
                                                                 "bean-check", "import")):
                continue
            g.ratio(f"large: {what} <= 2x status --format json", t, large_a, 2,
                    (what, "status"))
    else:
        g.say("large: every other command <= 2x status --format json", None, "")
    print("issue 27 part 7:")
    g.ratio("repository: export html <= 3x export md", g.get("repository", "export html"),
            g.get("repository", "export md"), 3, ("html", "md"))
    for fmt in ("html", "docx"):
        g.ratio(f"medium: export {fmt} <= 3x export md", g.get("medium", f"export {fmt}"),
                g.get("medium", "export md"), 3, (fmt, "md"))
    html = g.get("large", "export html")
    g.say("large: export html peak memory < 250 MB",
          None if html is None else html.peak_kb / 1024 < 250,
          "" if html is None else f"{html.peak_kb / 1024:.0f} MB")
    return g.missed


def bench_repository(runs: int, base: Path, log: Callable[[Row], None]) -> list[Row]:
    kp = kpitrack_cmd()
    ws = [*kp, "-C", str(REPO)]
    rows: list[Row] = []

    def row(label: str, what: str, timing: Timing) -> None:
        rows.append((label, what, timing))
        log(rows[-1])

    run_once([*kp, "--version"])
    # Start-up is a matter of milliseconds, so these run in turn and more often.
    baseline, repo_status = paired(
        [sys.executable, "-c", "import click, rich.console, rich.table"], [*ws, "status"],
        max(15, runs * 5))
    row("-", "bare imports", baseline)
    row("-", "kpitrack --version", best([*kp, "--version"], runs))
    row("repository", "status (table)", repo_status)
    row("repository", "status --format json", best([*ws, "status", "--format", "json"], runs))
    out = base / "repository-out"
    out.mkdir()
    for fmt in ("md", "html"):
        row("repository", f"export {fmt}",
            best([*ws, "export", "-o", str(out / f"report.{fmt}")], runs))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", "--scales", dest="sizes", default="small,medium,large",
                        help="comma-separated: small, medium, large")
    parser.add_argument("--runs", type=int, default=3, help="runs per command (minimum)")
    parser.add_argument("--quick", action="store_true",
                        help="one run of each command, small and medium only")
    args = parser.parse_args()
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    runs = args.runs
    if args.quick:
        runs = 1
        if args.sizes == parser.get_default("sizes"):
            sizes = ["small", "medium"]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size: {', '.join(unknown)} (small, medium, large)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, runs={runs}, "
          f"sizes={','.join(sizes)}", flush=True)
    print_head()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="kpitrack-bench-") as tmp:
        base = Path(tmp)
        rows += bench_repository(runs, base, print_row)
        for name in sizes:
            rows += bench_size(name, SIZES[name], runs, base, print_row)
        if "large" in sizes or "medium" in sizes:
            rows += bench_add_growth(runs, base, print_row)
    report_goals(rows)


if __name__ == "__main__":
    main()
