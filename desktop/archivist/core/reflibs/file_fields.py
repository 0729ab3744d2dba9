"""The files a library entry names: Zotero, Better BibTeX, JabRef and Mendeley ``file`` fields, RIS ``L1``.

Shapes met in real exports:
- Zotero (BibTeX): ``file = {Full Text PDF:/home/a/Zotero/storage/X/paper.pdf:application/pdf;Snapshot:…}``
- Better BibTeX: ``file = {/home/a/Zotero/storage/X/paper.pdf;/home/a/Zotero/storage/Y/appendix.pdf}``
- JabRef: ``file = {:papers/paper one.pdf:PDF}``, ``{Description:path:Type}``, ``\\:`` and ``\\;`` escaped
- Mendeley: ``file = {:C$\\backslash$:/Users/a/paper.pdf:pdf}``
- RIS: ``L1  - file:///home/a/paper%20one.pdf`` or a relative path.
Relative paths are read from the library's own folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

_MENDELEY_BACKSLASH = re.compile(r"\$\\backslash\$")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def split_file_field(value: str) -> list[str]:
    """The paths named in one BibTeX ``file`` field, in order."""
    value = _MENDELEY_BACKSLASH.sub("\\\\", value.strip())
    paths = []
    for part in _split_unescaped(value, ";"):
        path = _path_of(part.strip())
        if path:
            paths.append(path)
    return paths


def _split_unescaped(value: str, separator: str) -> list[str]:
    """Split at ``separator`` where it is not escaped with a backslash (JabRef writes ``\\;`` and ``\\:``)."""
    parts, current, escaped = [], "", False
    for char in value:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            current += char
            escaped = True
        elif char == separator:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _path_of(part: str) -> str | None:
    """The path in ``description:path:type``, ``:path:type`` or a bare path."""
    if not part:
        return None
    pieces = _split_unescaped(part, ":")
    if len(pieces) >= 3:
        middle = ":".join(pieces[1:-1])  # a Windows path "C:/x" was split at its drive colon
        return _unescape(middle)
    return _unescape(part)


def _unescape(path: str) -> str:
    return re.sub(r"\\([:;\\{}])", r"\1", path).strip()


def resolve(name: str, library: Path) -> Path | None:
    """The file ``name`` (absolute, relative to the library's folder, or a file:// URI) if it is there."""
    if name.startswith("file:"):
        name = unquote(urlparse(name).path)
    elif "://" in name:
        return None  # a web link, not an attachment
    path = Path(name).expanduser()
    candidates = [path] if path.is_absolute() else [library.parent / path]
    if _WINDOWS_DRIVE.match(name):
        candidates.append(library.parent / Path(name.replace("\\", "/")).name)  # a library moved from Windows
    if not path.is_absolute():
        candidates.append(library.parent / "files" / path)
    return next((candidate for candidate in candidates if candidate.is_file()), None)
