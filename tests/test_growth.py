"""Growth tests (the slow set): `import` and `status` with answers, at two sizes four times
apart, each cost per row within about 1.5x, so a quadratic path cannot come back unseen.

Each command runs as a whole process on the benchmark's synthetic workspaces
(`bench/run.py`); a cost is the child's CPU time, the least of five runs, less the same
command's cost on a 50-target workspace (starting Python and importing), per target. The
machine may be shared, so a growth over the limit is measured once more before it fails:
a quadratic path is over it every time.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SMALL, LARGE = 1000, 4000  # four times apart
FIXED = 50
GROWTH = 1.5

pytestmark = pytest.mark.slow


def _bench():
    spec = importlib.util.spec_from_file_location("kpitrack_bench", REPO / "bench" / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _bench()


class Sized:
    """A benchmark workspace with answers, and a December sheet of one row per target."""

    def __init__(self, base: Path, n: int) -> None:
        self.n = n
        self.root = base / f"ws{n}"
        data = bench.generate(self.root, n)
        bench.write_answers(self.root)
        self.sheet = base / f"sheet{n}.csv"
        bench.write_import_sheet(self.sheet, data.values, n)
        self.december = self.root / "actuals" / "2025-12.toml"
        self.saved = self.december.read_bytes()

    def reset(self) -> None:
        self.december.write_bytes(self.saved)

    def cost(self, *args: str) -> float:
        cmd = [*bench.kpitrack_cmd(), "-C", str(self.root), *args]
        bench.run_once(cmd)  # bytecode written, as after installing
        self.reset()
        return bench.best(cmd, 5, before=self.reset).cpu


@pytest.fixture(scope="module")
def sizes(tmp_path_factory) -> dict[int, Sized]:
    base = tmp_path_factory.mktemp("growth")
    return {n: Sized(base, n) for n in (FIXED, SMALL, LARGE)}


def per_row(sizes: dict[int, Sized], *args: str) -> dict[int, float]:
    """The cost per target at each size; `{sheet}` in `args` is the size's own sheet."""
    def cost(n: int) -> float:
        return sizes[n].cost(*(a.format(sheet=sizes[n].sheet) for a in args))

    fixed = cost(FIXED)
    return {n: max(cost(n) - fixed, 1e-6) / n for n in (SMALL, LARGE)}


def check_growth(sizes: dict[int, Sized], name: str, *args: str) -> None:
    for _ in range(2):
        costs = per_row(sizes, *args)
        growth = costs[LARGE] / costs[SMALL]
        if growth <= GROWTH:
            return
    raise AssertionError(
        f"{name}: {costs[SMALL] * 1000:.3f} ms a row at {SMALL} targets, "
        f"{costs[LARGE] * 1000:.3f} ms at {LARGE}: {growth:.2f}x (at most {GROWTH}x)")


def test_import_grows_linearly(sizes):
    check_growth(sizes, "import", "import", "{sheet}", "--correct")


def test_status_with_answers_grows_linearly(sizes):
    check_growth(sizes, "status --format json", "status", "--format", "json")
