"""Shared fixtures: every test gets its own archive folder and home; nothing touches the user's files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
MANBIJ_SEED = SEEDS / "000_fe0f681e3d97170e.txt"  # the 2016 article
GUTERRES_SEED = SEEDS / "002_2fdb01b890e56982.txt"  # the 2017 article


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh HOME and XDG folders, so no test reads or writes the real user's archive or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("ARCHIVIST_HOME", raising=False)
    return home


@pytest.fixture(scope="session")
def _seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles imported once per test session (copied for each test that wants them)."""
    from archivist.core.archive import Archive

    root = tmp_path_factory.mktemp("template") / "archive"
    with Archive.open(root) as archive:
        result = archive.import_paths([SEEDS])
        assert len(result.imported) == 2, result
    return root


@pytest.fixture
def seeded_root(_seeded_template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(_seeded_template, root, ignore=shutil.ignore_patterns("*.lock"))
    return root


@pytest.fixture
def seeded_archive(seeded_root: Path) -> Iterator[object]:
    from archivist.core.archive import Archive

    with Archive.open(seeded_root) as archive:
        yield archive


@pytest.fixture
def empty_archive(tmp_path: Path) -> Iterator[object]:
    from archivist.core.archive import Archive

    with Archive.open(tmp_path / "archive") as archive:
        yield archive
