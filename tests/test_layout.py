"""The package's layout holds: layers that import only downward, no import cycle, imports
at the top, and only a handful of modules beside the sub-packages."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from conftest import REPO

PACKAGE = REPO / "kpitrack"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"),
                           "--no-cache"], cwd=root, env=env, capture_output=True, text=True,
                          check=False)


def test_the_layer_contract_is_kept():
    result = _lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("module, wrong", [
    ("core/model.py", "from ..render import cells"),
    ("render/cells.py", "from ..workspace import load"),
    ("i18n/base.py", "from ..core import model"),
])
def test_a_wrong_import_breaks_the_contract(tmp_path, module, wrong):
    shutil.copytree(PACKAGE, tmp_path / "kpitrack",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    path = tmp_path / "kpitrack" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{wrong}  # noqa\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1 and "BROKEN" in result.stdout, result.stdout


def test_no_module_imports_itself_back():
    """No cycle in the whole import graph, module by module: no module that a module
    imports leads back to it."""
    graph = grimp.build_graph("kpitrack")
    cycles = [(module, imported) for module in sorted(graph.modules)
              for imported in sorted(graph.find_modules_directly_imported_by(module))
              if graph.find_shortest_chain(importer=imported, imported=module)]
    assert cycles == []


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_kpitrack_module_is_imported_inside_a_function():
    found = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and (node.level or (
                        node.module or "").startswith("kpitrack")):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}")
                elif isinstance(node, ast.Import) and any(
                        a.name.startswith("kpitrack") for a in node.names):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert found == []


def test_only_a_handful_of_modules_sit_beside_the_sub_packages():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "__main__.py"]
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
    assert packages == ["app", "cli", "core", "i18n", "render", "send", "workspace"]


def test_the_command_table_names_every_command_where_it_lives():
    """The one import by name: each command's module, loaded when the command runs."""
    from kpitrack.cli.main import COMMANDS, cli

    for name in COMMANDS:
        found = cli.get_command(None, name)  # type: ignore[arg-type]
        assert found is not None and found.name == name, name
    defined = {path.stem for path in (PACKAGE / "cli").glob("*.py")}
    assert set(COMMANDS.values()) <= defined
