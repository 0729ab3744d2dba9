"""What claims cost and how fast the ledger opens (issue 18).

    .venv/bin/python benchmarks/claims_speed.py [--limit 2000] [--ledger-archive DIR]

1. Import: the same Reuters files imported through the CLI with claims and without (a ``sitecustomize`` on
   PYTHONPATH makes ``find_claims`` find nothing in every process of that run, extraction workers included),
   alternately, so both see the same load. Issue 18 allows claims at most 15% of the import.
2. Extraction alone: CPU milliseconds per file for ``find_claims`` (best of two passes), beside the extraction
   workers' other pass over the text (shared-passage fingerprints) and beside raw Whoosh indexing the same files
   (``import_speed.time_whoosh``, the import benchmark's baseline), all in this process and this run: the share
   of raw Whoosh's CPU that claims add. ``--extraction-only`` runs just this step (seconds, not minutes).
3. The ledger: the first screen of rows (SQL over the covering index) and all rows, on the archive imported in
   step 1 or on ``--ledger-archive`` (e.g. the 38k benchmark archive), and with ``--gui`` the Ledger window
   shown offscreen with its first rows painted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.archives import archivist_exe
from benchmarks.corpus import write_reuters
from benchmarks.import_speed import time_whoosh

SHIM = '''
import archivist.core.claims.extract as extract
extract.find_claims = lambda text, pages=(), language=None: []
'''


def timed_import(files: Path, archive: Path, claims: bool, shim: Path) -> float:
    env = dict(os.environ)
    if not claims:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(shim), env.get("PYTHONPATH", "")]))
    started = time.perf_counter()
    subprocess.run([archivist_exe(), "--archive", str(archive), "import", str(files), "--json"], env=env,
                   capture_output=True, check=False)
    return time.perf_counter() - started


def claim_count(archive: Path) -> int:
    from archivist.core.archive import Archive

    with Archive.open(archive, create=False, check_index=False) as opened:
        return len(opened.claims.for_documents())


def extraction_alone(paths: list[Path], work: Path) -> None:
    from archivist.core.claims.extract import find_claims
    from archivist.core.compare.fingerprints import fingerprints

    texts = [path.read_text(encoding="utf-8") for path in paths]
    claims_cpu, found = [], 0
    for _round in range(2):
        started = time.process_time()
        found = sum(len(find_claims(text)) for text in texts)
        claims_cpu.append(time.process_time() - started)
    started = time.process_time()
    for text in texts:
        fingerprints(text)
    prints_cpu = time.process_time() - started
    _wall, whoosh_cpu = time_whoosh(paths, work / "raw-whoosh")
    per_file = min(claims_cpu) * 1000 / len(texts)
    print(f"find_claims alone: {per_file:.3f} ms/file CPU ({found} claims in {len(texts)} files); "
          f"fingerprints: {prints_cpu * 1000 / len(texts):.3f} ms/file")
    print(f"raw Whoosh indexing the same files: {whoosh_cpu * 1000 / len(texts):.3f} ms/file CPU; claims cost "
          f"{min(claims_cpu) / whoosh_cpu:.1%} of it")


def ledger_times(archive: Path) -> tuple[float, float, int]:
    from archivist.core.archive import Archive

    with Archive.open(archive, create=False, check_index=False) as opened:
        opened.claims.ledger(limit=1)  # the first query pays for opening the catalogue's file
        started = time.perf_counter()
        opened.claims.ledger(limit=200)
        first = time.perf_counter() - started
        started = time.perf_counter()
        rows = opened.claims.ledger()
        return first, time.perf_counter() - started, len(rows)


def ledger_window(archive: Path) -> tuple[float, float]:
    """Seconds from asking for the Ledger window to its first rows painted (offscreen Qt): wall and this
    process's CPU (on a loaded machine the wall time waits for other processes; the CPU time does not)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from archivist.core.archive import Archive
    from archivist.gui.claims.ledger_view import LedgerWindow

    app = QApplication.instance() or QApplication([])
    with Archive.open(archive, create=False, check_index=False) as opened:
        started, cpu = time.perf_counter(), time.process_time()
        window = LedgerWindow(opened)
        window.resize(1400, 900)
        window.show()
        window.table.viewport().repaint()
        app.processEvents()
        elapsed = time.perf_counter() - started, time.process_time() - cpu
        window.close()
        return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2, help="imports of each kind, alternating")
    parser.add_argument("--ledger-archive", type=Path, help="time the ledger on this archive too")
    parser.add_argument("--gui", action="store_true", help="time the Ledger window as well")
    parser.add_argument("--extraction-only", action="store_true", help="only step 2: claims beside raw Whoosh")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="archivist-claims-") as tmp:
        work = Path(tmp)
        (work / "shim").mkdir()
        (work / "shim" / "sitecustomize.py").write_text(SHIM, encoding="utf-8")
        paths = write_reuters(work / "files", limit=args.limit, copies=1)
        print(f"corpus: {len(paths)} Reuters stories; {os.cpu_count()} cores (shared: other work may be running,"
              f" load average {os.getloadavg()[0]:.1f})")
        if args.extraction_only:
            extraction_alone(paths, work)
            return
        with_claims: list[float] = []
        without: list[float] = []
        for round_number in range(args.rounds):
            for claims in (round_number % 2 == 0, round_number % 2 == 1):
                archive = work / f"archive-{round_number}-{claims}"
                (with_claims if claims else without).append(timed_import(work / "files", archive, claims,
                                                                         work / "shim"))
        found = claim_count(work / "archive-0-True")
        assert claim_count(work / "archive-0-False") == 0, "the shim did not reach the import"
        best_with, best_without = min(with_claims), min(without)
        print(f"import with claims:    {best_with:7.2f} s (best of {with_claims})  {found} claims")
        print(f"import without claims: {best_without:7.2f} s (best of {without})")
        print(f"ratio with / without: {best_with / best_without:.3f}x  (goal: at most 1.15x)")
        extraction_alone(paths, work)
        for name, archive in [("this import", work / "archive-0-True"), ("--ledger-archive", args.ledger_archive)]:
            if archive is None:
                continue
            first, whole, rows = ledger_times(archive)
            print(f"ledger on {name}: first 200 rows {first * 1000:.0f} ms, all {rows} rows {whole * 1000:.0f} ms")
            if args.gui:
                times = [ledger_window(archive) for _round in range(3)]
                wall, cpu = min(times)
                print(f"Ledger window on {name}: shown with the first quantities side by side, painted: "
                      f"{wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU (best of 3; goal: under 1 s)")


if __name__ == "__main__":
    main()
