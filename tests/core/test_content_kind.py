"""Text or binary, decided on the bytes (issue 14): a mail with ^B in its signature is text; random bytes, random
bytes after a PNG signature and programs are not documents; every refusal is one line naming the problem."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.extract import ExtractionError, extract_file, sniff_format
from archivist.core.extract.content_kind import is_text, printable_share

MAIL = (
    "From: jdoe@cs.example.edu (John Doe)\nSubject: Re: Lost in space\nOrganization: Example University\n"
    "Lines: 9\n\nIn article <1993Apr5.1234@example.edu> someone writes:\n>Has anyone seen the probe?\n\n"
    "It was found drifting past the third moon, as far as anyone here can tell.\nThe telemetry is still coming "
    "in, slowly.\n\n-- \n\x02John Doe\x02   Department of Physics   \x02\x02 \"Ad astra\"\n"
)


def test_a_mail_with_control_bytes_imports(empty_archive: Archive, tmp_path: Path) -> None:
    mail = tmp_path / "53321"
    mail.write_bytes(MAIL.encode("latin-1"))
    assert sniff_format(mail) == "text"
    result = empty_archive.import_paths([mail])
    assert not result.errors
    assert "drifting past the third moon" in empty_archive.content(result.imported[0].id).text


@pytest.mark.parametrize(("head", "message"), [
    (b"", "random bytes"),
    (b"\x89PNG\r\n\x1a\n", "damaged PNG image"),
    (b"\xff\xd8\xff\xe0", "damaged JPEG image"),
    (b"II*\x00\xff\xff\xff\x7f", "damaged TIFF image"),
    (b"\x7fELF\x02\x01\x01\x00", "a program (ELF executable), not a document"),
])
def test_random_bytes_are_not_a_document(tmp_path: Path, head: bytes, message: str) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(head + os.urandom(4000))
    with pytest.raises(ExtractionError) as raised:
        extract_file(path)
    if message != "random bytes":
        assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_real_program_is_refused(empty_archive: Archive, tmp_path: Path) -> None:
    program = shutil.copy(shutil.which("ls") or "/bin/ls", tmp_path / "ls")
    result = empty_archive.import_paths([Path(program)])
    assert result.errors[0].error == "a program (ELF executable), not a document" and not result.imported


def test_text_in_legacy_encodings_and_utf16_is_text() -> None:
    assert is_text("Größenwahn über alles — naïve café\n".encode("cp1252") * 20)
    assert is_text("Привет, мир. Это проверка кодировки.\n".encode("koi8-r") * 20)
    assert is_text("\ufeffمرحبا بالعالم\n".encode("utf-16"))
    assert is_text("cut in the middle of é".encode()[:-1])


def test_printable_share_counts_only_controls_and_replacement_characters() -> None:
    assert printable_share("a\u00a0b\tc\n") == 1.0
    assert printable_share("ab\x02\ufffd") == 0.5
