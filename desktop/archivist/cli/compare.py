"""Commands on shared passages: compare, reuse (filled in by the shared-passages issue)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds compare and reuse."""
