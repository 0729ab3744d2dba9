"""What a file's bytes are: a known container (by its magic number), text in some encoding, or neither.

Issue 14: a 20 Newsgroups mail with a few ^B bytes in its signature was refused as binary, while random bytes
after a PNG header were taken for text. Text is now decided on the bytes as a whole: they must decode (UTF-8,
UTF-16 with a BOM, or an encoding charset-normalizer finds without much "chaos") and nearly every character
must be printable. Images go to the image reader (and OCR), which checks their structure.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

# Executables and other containers that are never documents: named in the error.
_NOT_DOCUMENTS: dict[bytes, str] = {
    b"\x7fELF": "a program (ELF executable)",
    b"MZ": "a Windows program",
    b"\xcf\xfa\xed\xfe": "a program (Mach-O)",
    b"\xca\xfe\xba\xbe": "a program (Mach-O or Java class)",
    b"SQLite format 3\x00": "an SQLite database",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!\x1a\x07": "a RAR archive",
}
IMAGE_MAGIC: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}
# At least this share of the decoded characters are printable or ordinary whitespace in a text.
PRINTABLE_SHARE = 0.97
# charset-normalizer's "mess" ratio above which a guessed decoding is noise rather than text.
_MAX_CHAOS = 0.25
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")


def image_kind(head: bytes) -> str | None:
    """"png", "jpeg" or "tiff" when the bytes start like one, else None."""
    for magic, kind in IMAGE_MAGIC.items():
        if head.startswith(magic):
            return kind
    return None


def not_a_document(head: bytes) -> str | None:
    """What the file is when its magic number names a program or a container we never read, else None."""
    for magic, what in _NOT_DOCUMENTS.items():
        # "MZ" alone is two letters a text could start with; a program also has NUL bytes.
        if head.startswith(magic) and (magic != b"MZ" or b"\x00" in head[:64]):
            return what
    return None


def is_text(head: bytes) -> bool:
    """Whether ``head`` (a file's first kilobytes) is text in some encoding."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        decoded = head[2:].decode("utf-16-le" if head[0] == 0xFF else "utf-16-be", errors="replace")
        return printable_share(decoded) >= PRINTABLE_SHARE
    if b"\x00" in head:
        return False
    decoded = _decoded(head)
    return decoded is not None and printable_share(decoded) >= PRINTABLE_SHARE


def _decoded(head: bytes) -> str | None:
    try:
        # a multi-byte character may be cut at the end of the head
        return head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3:
            return head[: error.start].decode("utf-8")
    best = from_bytes(head).best()
    if best is None or best.chaos > _MAX_CHAOS:
        return None
    return str(best)


def printable_share(text: str) -> float:
    """The share of characters that are not control characters (C0 other than whitespace, DEL, C1) or U+FFFD,
    the mark of bytes that did not decode (1.0 for an empty text)."""
    if not text:
        return 1.0
    bad = len(_CONTROL.findall(text))
    return 1.0 - bad / len(text)
