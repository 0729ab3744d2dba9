"""Commands that cite: cite, export (filled in by the citations issue)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds cite and export."""
