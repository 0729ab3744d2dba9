"""One writer at a time: a second writing process waits, or fails with a clear message; both writes survive."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.errors import ArchiveLockedError
from archivist.core.writelock import WriteLock
from tests.conftest import DATA, GUTERRES_SEED, MANBIJ_SEED
from tests.core.test_check_crash import archivist, distinct_hashes, needs_reuters, write_reuters

HOLD = """
import sys, time
from pathlib import Path
from archivist.core.writelock import WriteLock
with WriteLock(Path(sys.argv[1])).hold():
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_lock(root: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the archive's write lock for ``seconds``."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(root / "write.lock"), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_writer_fails_with_a_clear_message_and_readers_go_on(seeded_archive: Archive) -> None:
    holder = hold_lock(seeded_archive.root, 5)
    try:
        seeded_archive.lock.timeout = 0.3
        with pytest.raises(ArchiveLockedError, match="another Archivist program is writing to the archive"):
            seeded_archive.import_paths([DATA / "robust" / "single-paragraph.docx"])
        assert seeded_archive.search("Manbij").total >= 1  # reading needs no lock
        assert len(seeded_archive.list_documents()) == 2
    finally:
        holder.kill()
        holder.wait()
    with WriteLock(seeded_archive.root / "write.lock", timeout=1).hold():  # a dead holder's lock is free
        pass


def test_the_cli_waits_for_the_lock_or_gives_up_in_one_line(seeded_root: Path) -> None:
    holder = hold_lock(seeded_root, 2)
    quick = archivist("--archive", str(seeded_root), "import", str(DATA / "robust"),
                      env={"ARCHIVIST_LOCK_TIMEOUT": "0.3"})
    _out, err = quick.communicate(timeout=60)
    assert quick.returncode == 1
    assert err.startswith("archivist: another Archivist program is writing") and err.count("\n") == 1
    started = time.monotonic()
    patient = archivist("--archive", str(seeded_root), "import", str(DATA / "robust" / "r3-empty-password.pdf"))
    _out, err = patient.communicate(timeout=60)
    assert patient.returncode == 0, err
    holder.wait()
    assert time.monotonic() - started > 0.5  # it waited for the holder
    with Archive.open(seeded_root) as archive:
        assert archive.count() == 3 and archive.check().problems == []


@pytest.mark.slow
@needs_reuters
@pytest.mark.timeout(120)
def test_two_importing_processes_share_an_archive_without_loss(tmp_path: Path) -> None:
    files = write_reuters(tmp_path / "reuters", 400)
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, chosen in ((first, files[:250]), (second, files[150:])):  # 100 files in both
        folder.mkdir()
        for path in chosen:
            (folder / path.name).write_bytes(path.read_bytes())
    root = tmp_path / "archive"
    with Archive.open(root):
        pass  # both processes open an existing archive (creating one is not what this test is about)
    runs = [archivist("--archive", str(root), "import", str(folder)) for folder in (first, second, MANBIJ_SEED)]
    runs.append(archivist("--archive", str(root), "import", str(GUTERRES_SEED)))
    for run in runs:
        _out, err = run.communicate(timeout=100)
        assert run.returncode == 0, err
    with Archive.open(root) as archive:
        assert archive.count() == distinct_hashes(files) + 2
        assert archive.check().problems == []
        assert len(archive.import_log().runs) == 4
