"""The command line: the group and its commands (click lives only here)."""

from .main import cli, main

__all__ = ["cli", "main"]
