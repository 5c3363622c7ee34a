"""The docs are complete and true: every command has examples; the README's commands run."""

from __future__ import annotations

import re
import shlex
import shutil

import click
import pytest

from conftest import REPO, run
from kpitrack.cli.main import COMMANDS as COMMAND_MODULES
from kpitrack.cli.main import cli

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(COMMAND_MODULES)
COMMAND_OBJECTS = {name: cli.get_command(None, name) for name in COMMANDS}  # type: ignore[arg-type]


def test_every_command_is_in_the_readme():
    for name in COMMANDS:
        assert f"kpitrack {name}" in README, name


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_examples(name):
    result = run(name, "--help")
    assert result.exit_code == 0
    text = result.stdout
    assert "Examples:" in text, name
    examples = text.split("Examples:", 1)[1]
    lines = [line.strip() for line in examples.splitlines() if line.strip()]
    runnable = [line for line in lines if line.startswith(f"kpitrack {name}")
                or line.startswith("kpitrack -C")]
    assert runnable, f"{name} --help has no example of itself"
    for option in COMMAND_OBJECTS[name].params:
        if isinstance(option, click.Option):
            assert option.help, f"{name} {option.opts[0]} has no help"


def test_top_level_help_lists_examples():
    text = run("--help").stdout
    assert "Examples:" in text and "kpitrack status" in text


def _fenced(lang: str) -> list[str]:
    """The lines inside the README's ```lang blocks."""
    return [line for block in re.findall(rf"```{lang}\n(.*?)```", README, re.DOTALL)
            for line in block.splitlines()]


def _argv(line: str) -> list[str]:
    """A README line as arguments: comments and shell redirections dropped."""
    words = shlex.split(line, comments=True)
    for index, word in enumerate(words):
        if word in (">", ">>", "|"):
            return words[1:index]
    return words[1:]


@pytest.fixture
def repository_copy(tmp_path, monkeypatch):
    """The repository's own workspace, copied, so the README's commands can change it."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "targets.toml", root)
    shutil.copytree(REPO / "actuals", root / "actuals")
    shutil.copytree(REPO / "examples", root / "examples")
    monkeypatch.delenv("KPITRACK_WORKSPACE")
    monkeypatch.chdir(root)
    return root


def test_the_readme_commands_run_in_order(repository_copy):
    lines = [line for line in _fenced("bash") if line.startswith("kpitrack ")]
    assert len(lines) >= 12
    for line in lines:
        result = run(*_argv(line))
        assert result.exit_code == 0, (line, result.stderr)
        assert "Traceback" not in result.stderr
    assert (repository_copy / "report.md").exists()
    assert (repository_copy.parent / "my-zone" / "targets.toml").exists()
    assert (repository_copy.parent / "zone-2026" / "targets.toml").exists()


def test_the_readme_error_examples_print_what_they_say(repository_copy):
    block = re.search(r"```\n(\$ kpitrack.*?)```", README, re.DOTALL)
    assert block
    lines = block.group(1).splitlines()
    pairs = [(lines[i], lines[i + 1]) for i in range(0, len(lines), 2)]
    assert len(pairs) == 2
    for command, expected in pairs:
        result = run(*_argv(command.removeprefix("$ ")))
        assert result.exit_code == 1
        assert result.stderr.strip() == expected


def test_the_readme_opens_with_the_two_setup_commands():
    blocks = re.findall(r"```bash\n(.*?)```", README, re.DOTALL)
    assert blocks[0].strip() == "pip install -e . && kpitrack status"
    assert blocks[1].strip() == "pip install -e '.[test]' && pytest"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q -e '.[test]'" in ci and ci.rstrip().endswith("pytest")
