"""The marks a browser or extension leaves on a saved page: SingleFile's comment (URL and saved date) and
Chromium's / Internet Explorer's ``<!-- saved from url=(0038)http://… -->`` ("Save page, complete").

Read after the HTML extraction, which takes the page's own metadata; these add the captured URL and the capture
time (the file's time when the mark gives none).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from archivist.core.extract.base import Extracted
from archivist.core.extract.capture import file_time, mark_capture

_HEAD_BYTES = 8192
# What browsers name the folder beside a page saved "complete" (Chrome and Firefox; German, French, Spanish).
COMPANION_SUFFIXES = ("_files", "-Dateien", "_fichiers", "_archivos")
_SINGLEFILE = re.compile(rb"Page saved with SingleFile\s+url:\s*(\S+)\s+saved date:\s*([^\n(]+)")
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
# SingleFile writes JavaScript's Date.toString(): "Tue Dec 01 2026 01:01:44 GMT+0000".
_JS_DATE = "%a %b %d %Y %H:%M:%S GMT%z"


def add_capture_facts(path: Path, extracted: Extracted) -> None:
    """Give a saved page its captured URL and access date, when it carries a saving tool's mark."""
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    single = _SINGLEFILE.search(head)
    if single:
        url = single.group(1).decode("utf-8", "replace")
        mark_capture(extracted, url, _js_date(single.group(2)) or file_time(path))
        return
    saved = _SAVED_FROM.search(head)
    if saved:
        mark_capture(extracted, saved.group(1).decode("utf-8", "replace"), file_time(path))


def _js_date(raw: bytes) -> datetime | None:
    try:
        return datetime.strptime(raw.decode("ascii", "replace").strip(), _JS_DATE)
    except ValueError:
        return None


def companion_folder(page: Path) -> Path | None:
    """The ``NAME_files`` folder a browser saved beside ``NAME.html`` (its scripts, styles and images)."""
    for suffix in COMPANION_SUFFIXES:
        folder = page.with_name(page.stem + suffix)
        if folder.is_dir():
            return folder
    return None
