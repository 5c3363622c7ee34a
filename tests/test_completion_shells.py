"""Tab completion in real zsh and fish inserts a workspace's owner or section as text.

A colleague can name an owner `$(touch …)`, `a;b`, `x y`, with a backtick or a single
quote. Each test starts the shell in a pseudo-terminal with kpitrack's completion script
(as `kpitrack completion zsh|fish` prints it), types `kpitrack status --owner <Tab>`,
presses Enter and looks at what ran: the command line holds the value quoted, the
embedded command never runs, and kpitrack receives the value as one literal argument.
(bash: `test_bash_completion_quotes_what_it_inserts` in test_attacks.py.)"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import shlex
import shutil
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from conftest import REPO, write_ws

# Each a name a workspace can hold; MARKER is a file the embedded code would create.
HOSTILE = [
    "$(touch MARKER)",
    "a;touch MARKER",
    "x y",
    "back`touch MARKER`tick",
    "it's",
    "'; touch MARKER; '",
    "发改局 $(touch MARKER)",
]


def _shell(name: str):
    return pytest.param(name, marks=pytest.mark.skipif(
        shutil.which(name) is None,
        reason=f"{name} is not installed (apt-get install {name}); .ci/run installs it"))


SHELLS = [_shell("zsh"), _shell("fish")]


def _setsid_with_terminal() -> None:
    """The child leads a new session with the pseudo-terminal as its controlling terminal
    (fish refuses to be interactive without one)."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _wait_for(path: Path, proc: subprocess.Popen, fd: int, seconds: float) -> bytes:
    """Read the terminal until `path` exists (or time runs out); what the terminal showed."""
    shown = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not path.exists() and proc.poll() is None:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                shown += os.read(fd, 65536)
            except OSError:
                break
    return shown


def complete_and_enter(shell: str, words: str, ws: Path, aside: Path) -> dict:
    """In a real interactive `shell`, type WORDS, press Tab once, then Enter.

    `kpitrack` on PATH is a stand-in: asked to complete, it runs the real kpitrack; run
    as a command, it writes the arguments it received to a file. Returns the command line
    as it was when Enter was pressed ("line"), those arguments ("argv"; None when nothing
    ran) and what the terminal showed ("shown")."""
    bin_dir, home = aside / "bin", aside / "home"
    bin_dir.mkdir()
    home.mkdir()
    line_file, argv_file, ready = aside / "line", aside / "argv.json", aside / "ready"
    stand_in = bin_dir / "kpitrack"
    stand_in.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        "if '_KPITRACK_COMPLETE' in os.environ:\n"
        "    os.execv(sys.executable, [sys.executable, '-m', 'kpitrack', *sys.argv[1:]])\n"
        f"with open({str(argv_file)!r}, 'w', encoding='utf-8') as f:\n"
        "    json.dump(sys.argv[1:], f)\n", encoding="utf-8")
    stand_in.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(REPO), "KPITRACK_WORKSPACE": str(ws), "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".data"),
           "XDG_CACHE_HOME": str(home / ".cache"), "TERM": "xterm", "LANG": "C.UTF-8"}
    script = aside / f"kpitrack.{shell}"
    script.write_text(subprocess.run(
        [sys.executable, "-m", "kpitrack", "completion", shell], capture_output=True,
        text=True, env=env, check=True).stdout, encoding="utf-8")
    q = shlex.quote
    if shell == "zsh":
        argv = ["zsh", "-f", "-i"]
        # zle-line-finish runs as Enter accepts the line: it records the line as typed.
        setup = (f"PS1='> '; autoload -U compinit && compinit -u -D && source {q(str(script))}"
                 f" && record() {{ print -rn -- \"$BUFFER\" > {q(str(line_file))} }}"
                 f" && zle -N zle-line-finish record && : > {q(str(ready))}\n")
    else:
        argv = ["fish", "--no-config", "--private", "-i"]
        # fish_preexec receives the command line about to run.
        setup = (f"function fish_prompt; echo '> '; end; source {q(str(script))};"
                 f" and function record --on-event fish_preexec;"
                 f" printf '%s' $argv > {q(str(line_file))}; end;"
                 f" and echo > {q(str(ready))}\n")
    main, child = pty.openpty()
    proc = subprocess.Popen(argv, cwd=ws, env=env, stdin=child, stdout=child, stderr=child,
                            close_fds=True, preexec_fn=_setsid_with_terminal)
    os.close(child)
    try:
        os.write(main, setup.encode())
        shown = _wait_for(ready, proc, main, 30)
        assert ready.exists(), f"{shell} did not start: {shown.decode('utf-8', 'replace')}"
        os.write(main, f"{words}\t\r".encode())
        shown = _wait_for(argv_file, proc, main, 30)
        if line_file.exists() and not argv_file.exists():
            shown += _wait_for(argv_file, proc, main, 2)  # a quote left open: nothing runs
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        os.close(main)
    return {"line": line_file.read_text(encoding="utf-8").rstrip("\n")
            if line_file.exists() else None,
            "argv": json.loads(argv_file.read_text(encoding="utf-8"))
            if argv_file.exists() else None,
            "shown": shown.decode("utf-8", "replace")[-2000:]}


def _workspace(root: Path, key: str, value: str) -> Path:
    return write_ws(root, f"""
[targets.x]
name = "X"
kind = "cumulative"
target = 1
{key} = {json.dumps(value)}
""")


@pytest.mark.slow
@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("pattern", HOSTILE)
def test_owner_completion_is_inserted_as_one_literal_word(shell, pattern, isolated,
                                                          tmp_path_factory):
    aside = tmp_path_factory.mktemp(shell)
    marker = aside / "ran"
    owner = pattern.replace("MARKER", str(marker))
    _workspace(isolated, "owner", owner)
    got = complete_and_enter(shell, "kpitrack status --owner ", isolated, aside)
    assert not marker.exists(), f"the owner's code ran: {got}"
    assert got["argv"] == ["status", "--owner", owner], got
    # The shell quoted it: the line differs from the raw text, yet ran as that text.
    assert got["line"] not in (None, f"kpitrack status --owner {owner}",
                               f"kpitrack status --owner {owner} "), got
    assert not marker.exists()


@pytest.mark.slow
@pytest.mark.parametrize("shell", SHELLS)
def test_section_completion_is_inserted_as_one_literal_word(shell, isolated,
                                                            tmp_path_factory):
    aside = tmp_path_factory.mktemp(shell)
    marker = aside / "ran"
    section = f"需求 $(touch {marker}) `touch {marker}`"
    _workspace(isolated, "section", section)
    got = complete_and_enter(shell, "kpitrack status --section ", isolated, aside)
    assert not marker.exists(), f"the section's code ran: {got}"
    assert got["argv"] == ["status", "--section", section], got
    assert not marker.exists()
