"""Commands for backup and restore (filled in by the highlights issue)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds backup and restore."""
