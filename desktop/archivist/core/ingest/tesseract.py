"""The Tesseract engine, run as its own command-line program.

Why the ``tesseract`` program rather than a Python binding (issue 14 asks for the choice): pytesseract is itself a
wrapper that starts this same program, and it brings Pillow and temporary files for every call; tesserocr links
libtesseract and must be compiled against the system's headers (no wheel matches a distribution's Tesseract and
its language data). Running the program directly needs nothing but the Debian packages, reads the same language
data, is exactly as fast as ``tesseract`` run by hand (benchmarks/ocr_speed.py), and a running page can be
stopped by killing its process, which is how cancel works.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from archivist.core.errors import ArchivistError

INSTALL_HINT = ("install tesseract-ocr with its language data (Debian/Ubuntu: apt-get install tesseract-ocr "
                "tesseract-ocr-ara tesseract-ocr-fra tesseract-ocr-rus …), then run: archivist ocr")
# Each page is one process on one core; pages run side by side instead (OpenMP threads inside every process
# would fight over the same cores).
_ENVIRONMENT = {"OMP_THREAD_LIMIT": "1"}
_POLL = 0.1
# A page that takes longer than this is a broken image, not a hard page.
PAGE_SECONDS = 600.0
# Tesseract's script names (OSD) -> the language packs to read them with, best first.
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latin": ("eng",),
    "Arabic": ("ara", "fas"),  # both for the first pass, which tells Arabic from Persian (see ocr_pages)
    "Cyrillic": ("rus", "ukr"),
    "Han": ("chi_sim",),
    "HanS": ("chi_sim",),
    "HanT": ("chi_tra", "chi_sim"),
    "Greek": ("ell",),
    "Hebrew": ("heb",),
    "Devanagari": ("hin",),
    "Japanese": ("jpn",),
    "Korean": ("kor",),
    "Thai": ("tha",),
}
# ISO 639-1 (the language detector's codes) -> Tesseract's pack for that language.
LANGUAGE_PACKS = {"en": "eng", "ar": "ara", "fa": "fas", "fr": "fra", "ru": "rus", "uk": "ukr", "tr": "tur",
                  "es": "spa", "zh": "chi_sim", "de": "deu", "it": "ita", "pt": "por", "nl": "nld", "pl": "pol",
                  "el": "ell", "he": "heb", "ur": "urd", "ps": "pus", "ku": "kmr",
                  # the detector names Arabic read without Persian letters as a spoken variety
                  "arz": "ara", "apc": "ara", "ary": "ara", "acm": "ara", "ajp": "ara"}
_SCRIPT = re.compile(r"^Script:\s*(\S+)", re.MULTILINE)


class OcrError(ArchivistError):
    """Tesseract could not read a page (a one-line message)."""


class OcrCancelled(ArchivistError):
    """The user stopped OCR while a page was being read."""


def program() -> str | None:
    """The path of the ``tesseract`` program, or None when it is not installed."""
    return os.environ.get("ARCHIVIST_TESSERACT") or shutil.which("tesseract")


def available() -> bool:
    return program() is not None and bool(installed_languages())


@functools.cache
def installed_languages() -> frozenset[str]:
    """The language packs Tesseract has (``tesseract --list-langs``)."""
    binary = program()
    if binary is None:
        return frozenset()
    try:
        listing = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except OSError:
        return frozenset()
    lines = (listing.stdout + listing.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def run(image: Path, arguments: list[str], cancelled: Callable[[], bool] = lambda: False) -> str:
    """Tesseract's standard output for ``image``; killed when ``cancelled()`` turns true."""
    binary = program()
    if binary is None:
        raise OcrError(f"OCR unavailable: {INSTALL_HINT}")
    process = subprocess.Popen([binary, str(image), "stdout", *arguments], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=os.environ | _ENVIRONMENT)
    started = time.monotonic()
    while True:
        try:
            output, errors = process.communicate(timeout=_POLL)
            break
        except subprocess.TimeoutExpired:
            if cancelled() or time.monotonic() - started > PAGE_SECONDS:
                process.kill()
                process.communicate()
                if cancelled():
                    raise OcrCancelled("OCR cancelled") from None
                raise OcrError(f"Tesseract took over {PAGE_SECONDS:g} s on a page") from None
    if process.returncode != 0:
        message = errors.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"Tesseract failed: {message[-1][:160] if message else process.returncode}")
    return output.decode("utf-8", "replace")


def detect_languages(image: Path, cancelled: Callable[[], bool] = lambda: False) -> str | None:
    """The language packs for the script Tesseract's orientation-and-script detection sees on the page, or None
    when it cannot tell (too little text, no ``osd`` data)."""
    if "osd" not in installed_languages():
        return None
    try:
        report = run(image, ["--psm", "0"], cancelled)
    except OcrError:
        return None  # "Too few characters": the caller falls back to its default
    match = _SCRIPT.search(report)
    if match is None:
        return None
    return languages_for_script(match.group(1))


def languages_for_script(script: str) -> str | None:
    """The installed packs for a script name, joined Tesseract's way ("rus+ukr"), or None."""
    packs = [pack for pack in SCRIPT_LANGUAGES.get(script, ()) if pack in installed_languages()]
    return "+".join(packs) if packs else None


def usable_languages(requested: str | None) -> str:
    """``requested`` with the packs Tesseract lacks left out; "eng" (or any pack there is) when none remain."""
    installed = installed_languages()
    packs = [pack for pack in (requested or "").split("+") if pack in installed]
    if packs:
        return "+".join(packs)
    return "eng" if "eng" in installed else sorted(installed - {"osd"})[0]


def missing_languages(requested: str) -> list[str]:
    """The packs in "ara+eng" that Tesseract does not have (all of them when Tesseract is missing)."""
    installed = installed_languages()
    return [pack for pack in requested.split("+") if pack.strip() and pack.strip() not in installed]


def pack_for_language(code: str | None) -> str | None:
    """The installed pack for an ISO 639-1 language code, or None."""
    pack = LANGUAGE_PACKS.get(code or "")
    return pack if pack in installed_languages() else None
