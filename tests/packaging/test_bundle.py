"""The PyInstaller bundle runs on a machine without Python: an empty environment, no venv, no checkout.

Building it takes a minute or two of both cores, so it runs only when asked: ARCHIVIST_TEST_BUNDLE=1
(.ci/run sets it). PyInstaller is installed from the `bundle` extra in pyproject.toml when it is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from archivist import APP_ID, __version__
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("ARCHIVIST_TEST_BUNDLE") != "1", reason="set ARCHIVIST_TEST_BUNDLE=1"),
]


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["bundle"]
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *extra], check=True)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ensure_pyinstaller()
    work = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
                    str(ROOT / "packaging" / "archivist.spec")], check=True, cwd=work)
    return work / "dist" / "archivist"


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """What a machine without Python gives a program: no PYTHONPATH, no venv, a minimal PATH."""
    home.mkdir(exist_ok=True)
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", **extra}


def run(bundle: Path, env: dict[str, str], *args: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(bundle / "archivist"), *map(str, args)], env=env, cwd=env["HOME"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{args}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.mark.timeout(1200)
def test_bundle_imports_and_searches_the_seeds(bundle: Path, tmp_path: Path) -> None:
    env = bare_env(tmp_path / "home")
    assert run(bundle, env, "--version").stdout.strip() == f"Archivist {__version__}"
    seeds = bundle / "_internal" / "archivist" / "seeds"
    imported = json.loads(run(bundle, env, "--archive", tmp_path / "a", "import", seeds, "--json").stdout)
    assert len(imported["imported"]) == 2 and not imported["errors"]
    found = json.loads(run(bundle, env, "--archive", tmp_path / "a", "search", "Manbij", "--json").stdout)
    assert found["total"] == 1
    # citeproc-py reads its locale files and the CSL style from the bundle
    assert run(bundle, env, "--archive", tmp_path / "a", "cite", "1", "--format", "apa").stdout.strip()
    # PDF text comes from PDFium, a native library the bundle must carry
    pdf = DATA / "extract" / "pdf" / "pdflatex-4-pages.pdf"
    imported = json.loads(run(bundle, env, "--archive", tmp_path / "a", "import", pdf, "--json").stdout)
    assert len(imported["imported"]) == 1 and not imported["errors"]


@pytest.mark.timeout(1200)
def test_bundle_holds_data_and_desktop_files(bundle: Path) -> None:
    internal = bundle / "_internal"
    for path in ("archivist/resources/icons/archivist.svg", "archivist/resources/csl/apa.csl",
                 "archivist/core/catalogue/migrations/env.py", "citeproc/data/locales/locales-en-US.xml",
                 "justext/stoplists/English.txt", "trafilatura/settings.cfg", "PySide6/QtPdf.abi3.so",
                 "pypdfium2_raw/libpdfium.so"):
        assert (internal / path).is_file(), path
    assert not list(internal.glob("**/*WebEngine*")) and not list(internal.glob("**/libQt6Qml*"))
    share = bundle / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()


@pytest.mark.timeout(1200)
@pytest.mark.parametrize("args", [["gui"], []], ids=["gui", "no-arguments"])
def test_bundle_opens_the_window(bundle: Path, tmp_path: Path, args: list[str]) -> None:
    """Still running after a few seconds means the window came up (first run: the sample archive is created)."""
    env = bare_env(tmp_path / "home", QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([str(bundle / "archivist"), *args], env=env, cwd=env["HOME"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        status = process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        status = None
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert status is None, f"exited with {status}:\n{stderr}"
    assert "Traceback" not in stderr, stderr
    assert list((tmp_path / "home").glob(".local/share/Archivist/archive/catalogue.sqlite"))
