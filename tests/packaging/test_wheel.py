"""The wheel, not the checkout: built, installed into a fresh venv and run from elsewhere.

Resources, seeds and migrations live outside desktop/archivist in the checkout and reach the wheel only through
pyproject's force-include (and Alembic's files only because they sit inside the package), so the editable
install used by the other tests cannot show that they are packaged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import platformdirs
import pytest

from archivist import __version__

ROOT = Path(__file__).resolve().parents[2]
# Read before the autouse fixture points HOME at a temporary folder: reusing pip's cache keeps the install of
# PySide6 and the rest to a minute instead of a download each run.
PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or platformdirs.user_cache_dir("pip", appauthor=False)

EXPECTED_IN_WHEEL = [
    "archivist/__init__.py",
    "archivist/resources/icons/archivist.svg",
    "archivist/resources/csl/apa.csl",
    "archivist/seeds/000_fe0f681e3d97170e.txt",
    "archivist/core/catalogue/migrations/env.py",
    "archivist/core/catalogue/migrations/script.py.mako",
    "archivist/core/catalogue/migrations/versions/0001_initial_schema.py",
]


def run(*command: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{command}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the fresh venv's bin folder)."""
    work = tmp_path_factory.mktemp("wheel")
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_CACHE_DIR"] = PIP_CACHE
    run(sys.executable, "-m", "pip", "wheel", ROOT, "--no-deps", "--quiet", "-w", work / "dist", cwd=work, env=env)
    (wheel,) = (work / "dist").glob("archivist-*.whl")
    run(sys.executable, "-m", "venv", work / "venv", cwd=work, env=env)
    bin_dir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel, cwd=work, env=env)
    return wheel, bin_dir


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_wheel_holds_the_data_files(installed: tuple[Path, Path]) -> None:
    wheel, _ = installed
    assert wheel.name.startswith(f"archivist-{__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in EXPECTED_IN_WHEEL if name not in names]
    assert not missing, missing
    assert len([name for name in names if name.startswith("archivist/resources/csl/")]) >= 4


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_installed_wheel_imports_and_searches_the_seeds(installed: tuple[Path, Path], tmp_path: Path) -> None:
    _, bin_dir = installed
    elsewhere = tmp_path / "elsewhere"  # not the checkout, so nothing is imported from it by accident
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "ARCHIVIST_HOME")}
    probe = ("import archivist, json; from archivist.core import paths; "
             "print(json.dumps([archivist.__file__, str(paths.seeds_dir()), str(paths.resources_dir())]))")
    package_file, seeds, resources = json.loads(run(bin_dir / "python", "-c", probe, cwd=elsewhere, env=env).stdout)
    venv = bin_dir.parent
    for path in (package_file, seeds, resources):
        assert Path(path).is_relative_to(venv), f"{path} is not in the installed package"
    assert list(Path(resources, "csl").glob("*.csl")) and list(Path(seeds).glob("*.txt"))
    migrations = Path(package_file).parent / "core" / "catalogue" / "migrations"
    assert (migrations / "env.py").is_file() and list((migrations / "versions").glob("0001_*.py"))

    assert run(bin_dir / "archivist", "--version", cwd=elsewhere, env=env).stdout.strip() == f"Archivist {__version__}"
    assert (bin_dir / "archivist-gui").is_file()
    archive = tmp_path / "D"
    imported = run(bin_dir / "archivist", "--archive", archive, "import", seeds, "--json", cwd=elsewhere, env=env)
    assert len(json.loads(imported.stdout)["imported"]) == 2
    found = run(bin_dir / "archivist", "--archive", archive, "search", "Manbij", "--json", cwd=elsewhere, env=env)
    assert json.loads(found.stdout)["total"] == 1
