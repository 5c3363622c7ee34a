"""The longest modules and functions in kpitrack/, to keep each one readable.

    python tools/longest.py            # the ten longest of each
    python tools/longest.py --check    # exit 1 if a module passes 500 lines or a function 60
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kpitrack"
MODULE_LIMIT, FUNCTION_LIMIT = 500, 60


def measure() -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    modules, functions = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(PACKAGE.parent))
        modules.append((len(text.splitlines()), name))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                functions.append((length, f"{name}:{node.lineno} {node.name}"))
    return sorted(modules, reverse=True), sorted(functions, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 over the limits")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    modules, functions = measure()
    total = sum(n for n, _ in modules)
    print(f"kpitrack/: {total} lines in {len(modules)} modules")
    print(f"\nlongest modules (limit {MODULE_LIMIT}):")
    for n, name in modules[:args.top]:
        print(f"  {n:5d}  {name}")
    print(f"\nlongest functions (limit {FUNCTION_LIMIT}):")
    for n, name in functions[:args.top]:
        print(f"  {n:5d}  {name}")
    over = [m for m in modules if m[0] > MODULE_LIMIT] + \
        [f for f in functions if f[0] > FUNCTION_LIMIT]
    if args.check and over:
        sys.exit(1)


if __name__ == "__main__":
    main()
