"""Benchmark kpitrack as whole processes, at three scales, against hledger when installed.

    python bench/run.py                  # all scales
    python bench/run.py --scales small   # just the 50-target workspace
    python bench/run.py --runs 3         # fewer repetitions

Workspaces are synthetic and generated with a fixed seed into a temporary folder.
Every timing is the median wall-clock time of several runs of a fresh process;
peak memory is the child's maximum resident set size. Python may write bytecode
caches here even when PYTHONDONTWRITEBYTECODE is set in the caller's environment,
because that is how a user's machine runs the installed tool.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = 20250101
SCALES = {"small": 50, "medium": 1700, "large": 8500}
KINDS = (["cumulative"] * 12 + ["level"] * 4 + ["growth"] * 2 + ["threshold"] + ["milestone"])


@dataclass
class Timing:
    seconds: float
    peak_kb: int


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


def run_once(cmd: list[str], cwd: Path | None = None, columns: int | None = None) -> Timing:
    """One process; with `columns`, its table laid out for a terminal that wide (COLUMNS is
    what a table respects in a pipe, as in a terminal)."""
    env = child_env()
    if columns:
        env["COLUMNS"] = str(columns)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.stderr.close() if proc.stderr else None
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {code}: {stderr.strip()[:300]}")
    return Timing(elapsed, usage.ru_maxrss)


def paired(first: list[str], second: list[str], runs: int) -> tuple[Timing, Timing]:
    """Medians of two commands run in turn, so a busy spell of the machine hits both."""
    a, b = [], []
    for _ in range(runs):
        a.append(run_once(first))
        b.append(run_once(second))
    return tuple(Timing(statistics.median(t.seconds for t in ts), max(t.peak_kb for t in ts))
                 for ts in (a, b))  # type: ignore[return-value]


def median(cmd: list[str], runs: int, cwd: Path | None = None, before=None,
           columns: int | None = None) -> Timing:
    timings = []
    for _ in range(runs):
        if before:
            before()
        timings.append(run_once(cmd, cwd, columns))
    return Timing(statistics.median(t.seconds for t in timings),
                  max(t.peak_kb for t in timings))


# ── synthetic data ─────────────────────────────────────────────────────────────


def generate(root: Path, n_targets: int, seed: int = SEED) -> int:
    """A workspace of n targets with 12 months of figures; returns the number of figures."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "actuals").mkdir(exist_ok=True)
    head = ['schema = 1', '', '[plan]', 'title = "Synthetic benchmark plan"', 'year = 2025',
            'lang = "zh"', '']
    targets = []
    months: dict[int, list[str]] = {m: [] for m in range(1, 13)}
    journal_goals, journal_txns = [], []
    figures = 0
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
        journal_goals.append((tid, goal))
        pace = rng.uniform(0.6, 1.3)
        for month in range(1, 13):
            if kind == "milestone":
                if month in (6, 12):
                    months[month].append(_record(tid, month, f"value = {min(100, month * 8)}"))
                    figures += 1
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
            journal_txns.append((month, tid, step))
            figures += 1
    (root / "targets.toml").write_text("\n".join(head) + "\n" + "\n\n".join(targets) + "\n",
                                       encoding="utf-8")
    for month, records in months.items():
        (root / "actuals" / f"2025-{month:02d}.toml").write_text(
            "schema = 1\n\n" + "\n".join(records), encoding="utf-8")
    write_journal(root / "budget.journal", journal_goals, journal_txns)
    return figures


def _record(tid: str, month: int, value: str) -> str:
    return (f'[[actual]]\ntarget = "{tid}"\nperiod = "2025-{month:02d}"\n{value}\n'
            f"recorded = 2025-{min(month + 1, 12):02d}-05T09:00:00+08:00\n")


def write_journal(path: Path, goals: list[tuple[str, float]],
                  txns: list[tuple[int, str, float]]) -> None:
    """The same data for hledger: yearly budget goals and one posting per figure."""
    out = ["~ yearly from 2025-01-01"]
    out += [f"    (targets:{tid})  {goal}" for tid, goal in goals]
    out.append("")
    for month, tid, amount in sorted(txns):
        out.append(f"2025-{month:02d}-28 {tid}\n    (targets:{tid})  {amount}\n")
    path.write_text("\n".join(out), encoding="utf-8")


# ── the benchmark ──────────────────────────────────────────────────────────────


def bench_scale(name: str, n: int, runs: int, base: Path) -> list[tuple[str, str, Timing]]:
    """Every run is a first run: kpitrack keeps no cache, so each process reads everything."""
    root = base / name
    figures = generate(root, n)
    kp = kpitrack_cmd()
    label = f"{name}: {n} targets, {figures} figures"
    rows = []
    json_cmd = [*kp, "-C", str(root), "status", "--format", "json"]
    run_once(json_cmd)  # write bytecode, as after installing
    rows.append((label, "status --format json", median(json_cmd, runs)))
    rows.append((label, "status (table)", median([*kp, "-C", str(root), "status"], runs)))
    rows.append((label, "status (table, 100-column terminal)",
                 median([*kp, "-C", str(root), "status"], runs, columns=100)))
    rows.append((label, "check", median([*kp, "-C", str(root), "check"], runs)))
    add_cmd = [*kp, "-C", str(root), "add", "t00000", "1", "--period", "2025-12", "--correct"]
    rows.append((label, "add", median(add_cmd, runs)))
    if shutil.which("hledger"):
        rows.append((label, "hledger bal --budget -Y", median(
            ["hledger", "-f", str(root / "budget.journal"), "bal", "--budget", "-Y"], runs)))
    return rows


def bench_add_growth(runs: int, base: Path) -> list[tuple[str, str, Timing]]:
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
    into_empty = median([*kp, "-C", str(root), "add", "t00001", "1", "--period", "2025-11"],
                        runs, before=reset)
    into_big = median([*kp, "-C", str(root), "add", "t00001", "1", "--period", "2025-12",
                       "--correct"], runs, before=reset)
    return [(label, "add into an empty month file", into_empty),
            (label, "add into a month file of 5,000 records", into_big)]


def print_table(rows: list[tuple[str, str, Timing]]) -> None:
    print("| workspace | command | median s | peak MB |")
    print("|---|---|---:|---:|")
    for label, what, t in rows:
        print(f"| {label} | {what} | {t.seconds:.3f} | {t.peak_kb / 1024:.0f} |")


GOALS_TEXT = """
goals (every run cold: kpitrack keeps no cache):
  status --format json at 20k figures <= 0.5x hledger bal --budget -Y
  the repository's status table <= 2.5x the bare import of click and rich
  status --format json at 100k figures <= 3 s, peak memory < 300 MB
  add into a month of 5,000 records <= 1.5x add into an empty month"""


def report_goals(rows: list[tuple[str, str, Timing]], baseline: Timing,
                 repo_status: Timing) -> None:
    found = {(label.split(":")[0], what): t for label, what, t in rows}
    print(GOALS_TEXT)
    print()

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    ratio = repo_status.seconds / baseline.seconds
    print(f"repository status table / bare imports: {ratio:.2f}x (goal <= 2.5x): "
          f"{verdict(ratio <= 2.5)}")
    ours = found.get(("medium", "status --format json"))
    theirs = found.get(("medium", "hledger bal --budget -Y"))
    if ours and theirs:
        ratio = ours.seconds / theirs.seconds
        print(f"medium: status --format json / hledger = {ratio:.2f}x (goal <= 0.5x): "
              f"{verdict(ratio <= 0.5)}")
    large = found.get(("large", "status --format json"))
    if large:
        mb = large.peak_kb / 1024
        print(f"large: status --format json {large.seconds:.2f} s, peak {mb:.0f} MB "
              f"(goal <= 3 s, < 300 MB): {verdict(large.seconds <= 3 and mb < 300)}")
    empty = found.get(("append", "add into an empty month file"))
    big = found.get(("append", "add into a month file of 5,000 records"))
    if empty and big:
        ratio = big.seconds / empty.seconds
        print(f"add into 5,000 records / add into empty: {ratio:.2f}x (goal <= 1.5x): "
              f"{verdict(ratio <= 1.5)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="small,medium,large",
                        help="comma-separated: small, medium, large")
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median)")
    args = parser.parse_args()
    kp = kpitrack_cmd()
    rows: list[tuple[str, str, Timing]] = []
    run_once([*kp, "--version"])
    # Start-up is a matter of milliseconds, so these run in turn and more often.
    quick_runs = max(15, args.runs * 5)
    baseline, repo_status = paired([sys.executable, "-c", "import click, rich.console, rich.table"],
                                   [*kp, "-C", str(REPO), "status"], quick_runs)
    rows.append(("-", "python -c 'import click, rich.console, rich.table'", baseline))
    rows.append(("-", "kpitrack --version", median([*kp, "--version"], args.runs)))
    rows.append(("repository", "status (table)", repo_status))
    rows.append(("repository", "status (table, 80-column terminal)",
                 median([*kp, "-C", str(REPO), "status"], args.runs, columns=80)))
    rows.append(("repository", "status (table, 120-column terminal)",
                 median([*kp, "-C", str(REPO), "status"], args.runs, columns=120)))
    rows.append(("repository", "status --format json",
                 median([*kp, "-C", str(REPO), "status", "--format", "json"], args.runs)))
    with tempfile.TemporaryDirectory(prefix="kpitrack-bench-") as tmp:
        base = Path(tmp)
        for name in args.scales.split(","):
            rows += bench_scale(name.strip(), SCALES[name.strip()], args.runs, base)
        if "large" in args.scales or "medium" in args.scales:
            rows += bench_add_growth(args.runs, base)
    print_table(rows)
    report_goals(rows, baseline, repo_status)


if __name__ == "__main__":
    main()
