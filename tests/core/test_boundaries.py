"""The house rule: archivist.core never imports Qt or the GUI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "desktop" / "archivist" / "core"
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt\d|archivist\.gui)\b", re.MULTILINE)


def test_no_core_module_imports_qt_in_its_source() -> None:
    offenders = [str(path) for path in CORE.rglob("*.py") if QT_IMPORT.search(path.read_text("utf-8"))]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(path.relative_to(CORE.parent.parent).with_suffix("").parts)
        for path in CORE.rglob("*.py")
        if "migrations" not in path.parts
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "qt = ('PySide6', 'shiboken6')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in qt or m.startswith('archivist.gui')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
