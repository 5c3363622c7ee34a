"""The command line: the group and its commands (click lives only here)."""
