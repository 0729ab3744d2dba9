"""Commands on highlights and notes (filled in by the highlights issue)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds highlight, highlights and the editing subcommands."""
