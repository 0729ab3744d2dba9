"""Every performance benchmark, one after another (``make bench``); output also saved under ``bench-out/``.

    .venv/bin/python benchmarks/run_all.py [--quick] [--only import search pdf gui metadata]

The full run imports ~38,000 Reuters files end to end, builds (once, then reuses) the 38k and 100k archives
under ~/.cache/archivist-bench, and takes about half an hour on a 2-core machine. ``--quick`` runs each
benchmark at a small size to check that they work.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FULL = {
    "import": ["benchmarks/import_speed.py", "--copies", "2"],
    "search": ["benchmarks/search_speed.py", "--sizes", "38000", "100000"],
    "pdf": ["benchmarks/pdf_speed.py"],
    "gui": ["benchmarks/gui_startup.py", "--sizes", "100000"],
    "metadata": ["benchmarks/metadata_accuracy.py", "--choices", "--files"],  # issue 17
    "languages": ["benchmarks/multilingual_relevance.py"],  # issue 15: MAP in 8 languages beside FTS5
}
QUICK = {
    "import": ["benchmarks/import_speed.py", "--limit", "2000", "--copies", "1"],
    "search": ["benchmarks/search_speed.py", "--sizes", "2000"],
    "pdf": ["benchmarks/pdf_speed.py"],
    "gui": ["benchmarks/gui_startup.py", "--sizes", "2000"],
    "metadata": ["benchmarks/metadata_accuracy.py"],
    "languages": ["benchmarks/multilingual_relevance.py", "--languages", "ar", "zh", "--sample", "30"],
}


def run(name: str, command: list[str], log: Path) -> bool:
    header = f"\n=== {name}: {' '.join(command)}"
    print(header, flush=True)
    started = time.perf_counter()
    with log.open("a", encoding="utf-8") as out:
        out.write(header + "\n")
        process = subprocess.Popen([sys.executable, *command], cwd=ROOT, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            out.write(line)
        ok = process.wait() == 0
        outcome = "done" if ok else f"FAILED (exit {process.returncode})"
        footer = f"--- {name}: {outcome} in {time.perf_counter() - started:.0f} s"
        print(footer, flush=True)
        out.write(footer + "\n")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes: check the benchmarks run")
    parser.add_argument("--only", nargs="+", choices=sorted(FULL), help="run only these")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    out = ROOT / "bench-out"
    out.mkdir(exist_ok=True)
    log = out / time.strftime("bench-%Y%m%d-%H%M%S.txt")
    failed = [name for name in (args.only or list(plan)) if not run(name, plan[name], log)]
    print(f"\nsaved to {log.relative_to(ROOT)}" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
