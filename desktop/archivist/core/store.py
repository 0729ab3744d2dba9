"""Content-addressed originals: each file stored once under its sha256, written atomically.

The user's file is only ever read. A copy is written to ``files/tmp/`` and renamed into place, so a crash
leaves either no file or a complete one (a stray temporary file at worst, which ``check`` removes).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class Store:
    """The ``files/`` folder of an archive."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._tmp = root / "tmp"

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, source: Path) -> tuple[str, Path]:
        """Copy ``source`` in, hashing as it copies; returns its sha256 and stored path."""
        self._tmp.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp, prefix="incoming-")
        try:
            with source.open("rb") as reader, os.fdopen(fd, "wb") as writer:
                while chunk := reader.read(_CHUNK):
                    digest.update(chunk)
                    writer.write(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            sha = digest.hexdigest()
            target = self.path_for(sha)
            if target.is_file():
                os.unlink(tmp_name)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp_name, target)
            return sha, target
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise

    def remove(self, sha256: str) -> None:
        self.path_for(sha256).unlink(missing_ok=True)

    def all_hashes(self) -> set[str]:
        """Every stored file's name (for consistency checks)."""
        if not self.root.is_dir():
            return set()
        return {
            entry.name
            for folder in self.root.iterdir()
            if folder.is_dir() and folder.name != "tmp"
            for entry in folder.iterdir()
            if entry.is_file()
        }

    def leftover_temporaries(self) -> list[Path]:
        return sorted(self._tmp.glob("incoming-*")) if self._tmp.is_dir() else []

    def copy_out(self, sha256: str, destination: Path) -> None:
        shutil.copyfile(self.path_for(sha256), destination)
