"""``archivist import --password`` (issue 14): a locked PDF fails clearly without it and imports with it; the
stored original is the file as given (still locked)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from archivist.cli import main
from archivist.core.archive import Archive

LOCKED = Path(__file__).resolve().parents[1] / "data" / "extract" / "pdf" / "libreoffice-writer-password.pdf"


def test_a_locked_pdf_needs_its_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = str(tmp_path / "archive")
    assert main(["--archive", archive, "import", str(LOCKED)]) == 1
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "password-protected PDF" in error and "--password" in error
    assert main(["--archive", archive, "import", "--password", "nope", str(LOCKED)]) == 1
    assert "the password given does not open it" in capsys.readouterr().err
    assert main(["--archive", archive, "import", "--password", "nope", "--password", "openpassword",
                 str(LOCKED), "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)["imported"]
    assert len(imported) == 1
    with Archive.open(Path(archive)) as opened:
        record = opened.get(imported[0]["id"])
        assert record.sha256 == hashlib.sha256(LOCKED.read_bytes()).hexdigest()
        assert opened.original_path(record.id).read_bytes() == LOCKED.read_bytes()
        assert opened.content(record.id).text.strip()
