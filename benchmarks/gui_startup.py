"""GUI start-up on large archives: time to the window shown and to the first 50 list rows painted, and peak memory.

    .venv/bin/python benchmarks/gui_startup.py [--sizes 100000] [--runs 3]

For each size the real application (``archivist-gui --archive …``) is started as a subprocess on the
benchmark archive (benchmarks/archives.py builds it once), offscreen and with a fresh private HOME and XDG
folders per run so no saved window state leaks in. ``ARCHIVIST_STARTUP_REPORT`` turns on the app's start-up
probe (archivist/gui/startup_probe.py), which writes its figures as JSON and quits. The clock starts at the
launcher's ``time.time()`` just before the process is started, so interpreter start and imports count.

Each archive runs ``--runs`` times; the medians are printed, beside those of a tiny archive (the two seed
articles) so the cost that grows with the archive is visible. "rows painted" is the list's first paint holding
50 rows (all of them on the tiny archive); "idle" is when the start-up background work (ids, counts, facets) is
done, and the peak memory (VmHWM) is read then. Goals (on 100,000 documents): window shown ≤ 1.5 s, peak memory
≤ 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from filelock import FileLock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.archives import bench_archive, cli_import

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHOWN_GOAL_S = 1.5
MEMORY_GOAL_MB = 400.0
LIST_ROWS = 50
RUN_TIMEOUT_S = 300
FIGURES = ("window_shown", "rows_painted", "idle", "peak_mb")


def gui_command(archive: Path) -> list[str]:
    script = Path(sys.executable).with_name("archivist-gui")
    launcher = [str(script)] if script.is_file() else [sys.executable, "-m", "archivist.gui.app"]
    return [*launcher, "--archive", str(archive)]


def private_env(home: Path, report: Path, rows: int) -> dict[str, str]:
    env = dict(os.environ, HOME=str(home), QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):
        env[name] = str(home / name.lower())
    (home / "xdg_runtime_dir").mkdir(mode=0o700, parents=True, exist_ok=True)
    env.pop("ARCHIVIST_HOME", None)
    env["ARCHIVIST_STARTUP_REPORT"] = str(report)
    env["ARCHIVIST_STARTUP_ROWS"] = str(rows)
    return env


def run_once(archive: Path, rows: int) -> dict[str, float]:
    """Start the app once on ``archive``; its start-up figures (seconds since the launch, MB)."""
    with tempfile.TemporaryDirectory(prefix="gui-startup-") as temp:
        report = Path(temp) / "report.json"
        env = private_env(Path(temp) / "home", report, rows)
        # the archive may be open in another window (gui.lock): wait for it rather than fail
        with FileLock(str(archive / "gui.lock"), timeout=RUN_TIMEOUT_S):
            pass
        env["ARCHIVIST_STARTUP_T0"] = repr(time.time())
        done = subprocess.run(gui_command(archive), env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
        if not report.is_file():
            raise RuntimeError(f"the app wrote no report (exit {done.returncode}):\n{done.stderr[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    figures = {name: float(data["marks"].get(name, "nan")) for name in FIGURES[:-1]}
    figures["peak_mb"] = float(data["peak_mb"] or "nan")
    figures["rows"] = float(data["rows"])
    figures.update({f"mark:{name}": float(value) for name, value in data["marks"].items()})
    return figures


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def tiny_archive(folder: Path) -> Path:
    """The two seed articles imported through the CLI into a new archive."""
    archive = folder / "tiny-archive"
    cli_import(SEEDS, archive)
    return archive


def measure(label: str, archive: Path, rows: int, runs: int) -> dict[str, float]:
    results = [run_once(archive, rows) for _ in range(runs)]
    for number, result in enumerate(results, start=1):
        print(f"  {label} run {number}: " + format_figures(result), flush=True)
    return medians(results)


def format_figures(figures: dict[str, float]) -> str:
    steps = "  ".join(f"{name[5:]} {value:.2f}" for name, value in figures.items() if name.startswith("mark:"))
    return (f"shown {figures['window_shown']:.2f} s, rows painted {figures['rows_painted']:.2f} s, "
            f"idle {figures['idle']:.2f} s, peak {figures['peak_mb']:.0f} MB   [{steps}]")


def report(size: int, big: dict[str, float], tiny: dict[str, float]) -> bool:
    print(f"\n{size:,} documents (median): " + format_figures(big))
    print("tiny archive (median):   " + format_figures(tiny))
    ratios = ", ".join(f"{name} ×{big[name] / tiny[name]:.2f}" for name in FIGURES if tiny[name] > 0)
    print(f"{size:,} / tiny: {ratios}")
    shown_ok, memory_ok = big["window_shown"] <= SHOWN_GOAL_S, big["peak_mb"] <= MEMORY_GOAL_MB
    print(f"goal window shown ≤ {SHOWN_GOAL_S} s: {'met' if shown_ok else 'NOT met'}; "
          f"goal peak memory ≤ {MEMORY_GOAL_MB:.0f} MB: {'met' if memory_ok else 'NOT met'}", flush=True)
    return shown_ok and memory_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000], help="archive sizes (documents)")
    parser.add_argument("--runs", type=int, default=3, help="starts per archive; the median is reported")
    args = parser.parse_args()
    archives = {size: bench_archive(size) for size in args.sizes}  # built first: building is not timed
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 busy cores skew every figure)", flush=True)
    with tempfile.TemporaryDirectory(prefix="gui-startup-tiny-") as temp:
        tiny = measure("tiny", tiny_archive(Path(temp)), rows=2, runs=args.runs)
        big = {size: measure(f"{size:,}", archive, LIST_ROWS, args.runs) for size, archive in archives.items()}
    results = [report(size, figures, tiny) for size, figures in big.items()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
