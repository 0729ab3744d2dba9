"""What one file may cost to read: size, time, memory, and how far a ZIP container may unpack.

Real archives hold odd files: a 4 GB scan, a PDF whose content stream loops, a Word file that is a
decompression bomb. Each limit turns such a file into a short per-file error instead of a hung or killed import.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from archivist.core.extract.base import ExtractionError

_MB = 1 << 20


def _env_number(name: str, default: float) -> float:
    """A positive number from the environment (lets the CLI and tests tighten a limit), else the default."""
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-file limits of an import; every field can be tightened for tests or loosened by a user."""

    max_bytes: int = 512 * _MB
    seconds: float = 120.0
    memory_bytes: int = 2048 * _MB
    # A DOCX or EPUB is text and a few images: 1 GB unpacked, or an entry unpacking to 100x its packed size
    # once it is past 10 MB, is a bomb rather than a book.
    zip_max_unpacked: int = 1024 * _MB
    zip_max_ratio: float = 100.0
    zip_ratio_floor: int = 10 * _MB
    zip_max_entries: int = 20_000

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, with ARCHIVIST_MAX_FILE_MB, ARCHIVIST_READ_SECONDS and ARCHIVIST_MEMORY_MB applied."""
        return cls(
            max_bytes=int(_env_number("ARCHIVIST_MAX_FILE_MB", 512) * _MB),
            seconds=_env_number("ARCHIVIST_READ_SECONDS", 120.0),
            memory_bytes=int(_env_number("ARCHIVIST_MEMORY_MB", 2048) * _MB),
        )

    def size_error(self, size: int) -> str | None:
        """The message for a file over the size limit, or None."""
        if size > self.max_bytes:
            return f"the file is {_megabytes(size)}, over the {_megabytes(self.max_bytes)} limit; skipped"
        return None

    def timeout_error(self) -> str:
        return f"took longer than {self.seconds:g} s to read; skipped"


def _megabytes(size: int) -> str:
    return f"{size / _MB:.0f} MB" if size >= _MB else f"{size} bytes"


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse a ZIP container (DOCX, EPUB) that would unpack to far more than it holds.

    Only the central directory is read; nothing is unpacked and no member name is ever used as a path
    (extractors read members into memory), so an entry named ``../../x`` cannot write anywhere.
    """
    try:
        with zipfile.ZipFile(path) as container:
            entries = container.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ExtractionError(f"damaged ZIP container: {error}") from error
    if len(entries) > limits.zip_max_entries:
        raise ExtractionError(f"a ZIP container with {len(entries)} entries; skipped as a likely ZIP bomb")
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > limits.zip_ratio_floor and ratio > limits.zip_max_ratio:
            raise ExtractionError(f"'{entry.filename[:60]}' unpacks {ratio:.0f} times its size; skipped as a ZIP bomb")
    if total > limits.zip_max_unpacked:
        raise ExtractionError(f"unpacks to {_megabytes(total)}, over the {_megabytes(limits.zip_max_unpacked)} "
                              "limit; skipped as a likely ZIP bomb")
