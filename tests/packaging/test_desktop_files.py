"""The desktop file, AppStream metainfo and icons in packaging/ agree with the package and pass the validators.

The app id and version are written once, in archivist/__init__.py; these files are static (readable, and the
release notes are written by hand), so this test is what keeps them from drifting.
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archivist import APP_ID, APP_NAME, __version__

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_file_names_and_ids_follow_the_app_id() -> None:
    assert sorted(p.name for p in PACKAGING.glob("*.desktop")) == [DESKTOP.name]
    assert sorted(p.name for p in PACKAGING.glob("*.metainfo.xml")) == [METAINFO.name]
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("name") == APP_NAME
    assert component.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    entry = desktop_entry()
    assert entry["Name"] == APP_NAME and entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "archivist"  # the console script and the bundle's executable


def test_newest_release_is_the_package_version() -> None:
    """Bumping __version__ needs a <release> entry, newest first, which is what software centres show."""
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases, "no <release> in the metainfo"
    assert releases[0].get("version") == __version__


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_icons_in_every_hicolor_size() -> None:
    theme = PACKAGING / "icons" / "hicolor"
    scalable = theme / "scalable" / "apps" / f"{APP_ID}.svg"
    source = PACKAGING.parent / "resources" / "icons" / "archivist.svg"
    assert scalable.read_bytes() == source.read_bytes(), "the icon changed: run python packaging/render_icons.py"
    for size in ICON_SIZES:
        assert png_size(theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_desktop_file_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_metainfo_validates_pedantic() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # Errors and warnings fail above; infos and pedantic notes (the id has capitals, as APP_ID does) may stay.
    assert not [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))], result.stdout
