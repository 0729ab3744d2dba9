"""Search speed: p50/p95 of ``took_ms`` over a fixed query set, top 20 with snippets, beside SQLite FTS5.

    .venv/bin/python benchmarks/search_speed.py [--sizes 38000 100000] [--rounds 3] [--limit 20] [--verbose]

For each size the benchmark archive of Reuters stories (benchmarks/archives.py, built once and cached) is
opened through the core API and every query runs through ``Archive.search`` exactly as the CLI asks (top 20,
snippets), ``--rounds`` times in two ways:

* uncached: the caches of posting lists and expansions are emptied before each query, so every list is
  read and unpickled again: a query whose words no earlier query used;
* warm: after one pass to warm up, the set as it is, so lists read by earlier queries come from the cache,
  as when a researcher refines a query.

The baseline is an FTS5 table (``porter unicode61``) over the same texts, cached beside the archive, queried
with ``bm25()`` ranking and ``snippet()``. One ``archivist search --json`` through the CLI shows the
``took_ms`` the command reports. The facet counts the GUI asks for beside each search are timed too.
Goal (the performance issue): p95 ≤ 50 ms at 38k documents, ≤ 100 ms at 100k.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from archivist.core.archive import Archive
from archivist.core.index.postings import CACHE, EXPANSIONS
from archivist.core.index.schema import STOP_WORDS
from benchmarks.archives import archivist_exe, bench_archive, bench_dir, bench_texts

# Words, phrases, fields, boolean and prefix queries, and natural questions, suited to Reuters-21578 (1987 news).
QUERIES = [
    # single words: common (long posting lists) and rarer
    "oil", "coffee", "dollar", "tonnes", "shares", "bank", "gold", "yen", "strike", "earthquake",
    # phrases
    '"interest rates"', '"trade deficit"', '"crude oil prices"', '"federal reserve"', '"net profit"',
    # fields
    "title:wheat", 'title:"bank of japan"', "format:text opec", "title:merger shares",
    # boolean, prefix and fuzzy
    "opec AND production", "ship*", "coffee OR cocoa", "gold NOT mining", "(wheat OR corn) AND export*",
    "currenc*", "sugar~",
    # several words, and natural-language questions
    "japan trade surplus", "takeover bid rejected", "brazil debt moratorium",
    "why did the bank of england cut interest rates", "soybean exports to the soviet union",
    "what are the opec countries doing about oil prices", "which companies reported higher quarterly earnings",
    "how much grain did the united states sell to china", "the effect of the falling dollar on west german exports",
]
PERCENTILES = (50, 95)
GOALS_MS = {38_000: 50.0, 100_000: 100.0}
CLI_QUERY = "crude oil prices"


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: the value below which ``pct`` percent of the timings fall."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))  # ceil without floats
    return ordered[int(rank) - 1]


def summary(times: dict[str, list[float]]) -> str:
    flat = [value for values in times.values() for value in values]
    parts = [f"p{pct} {percentile(flat, pct):7.1f} ms" for pct in PERCENTILES]
    return "  ".join([*parts, f"max {max(flat):7.1f} ms"])


def slowest(times: dict[str, list[float]], count: int = 3) -> list[tuple[str, float]]:
    worst = {query: max(values) for query, values in times.items()}
    return sorted(worst.items(), key=lambda item: -item[1])[:count]


# -- Archivist ---------------------------------------------------------------------------------------------
Times = dict[str, list[float]]


def time_uncached(archive: Archive, queries: list[str], rounds: int, limit: int) -> Times:
    """``took_ms`` of every query with the caches of posting lists and expansions emptied before it."""
    times: Times = {query: [] for query in queries}
    for _round in range(rounds):
        for query in queries:
            CACHE.clear()
            EXPANSIONS.clear()
            times[query].append(archive.search(query, limit=limit).took_ms)
    return times


def time_warm(archive: Archive, queries: list[str], rounds: int, limit: int) -> Times:
    """``took_ms`` of every query in every round, after one warm-up pass."""
    for query in queries:
        archive.search(query, limit=limit)
    times: Times = {query: [] for query in queries}
    for _round in range(rounds):
        for query in queries:
            times[query].append(archive.search(query, limit=limit).took_ms)
    return times


def time_facets(archive: Archive, queries: list[str]) -> dict[str, list[float]]:
    """The facet counts the GUI asks for beside each search (not part of ``took_ms``)."""
    times: dict[str, list[float]] = {}
    for query in queries:
        started = time.perf_counter()
        archive.facets(query)
        times[query] = [(time.perf_counter() - started) * 1000]
    return times


def time_cli(root: Path, query: str) -> tuple[float, float, int]:
    """(took_ms reported by ``archivist search --json``, the process's wall time in ms, total hits)."""
    started = time.perf_counter()
    output = subprocess.run([archivist_exe(), "--archive", str(root), "search", query, "--json"],
                            capture_output=True, text=True, check=True).stdout
    wall = (time.perf_counter() - started) * 1000
    data = json.loads(output)
    return float(data["took_ms"]), wall, int(data["total"])


# -- FTS5 --------------------------------------------------------------------------------------------------
def fts5_database(size: int) -> Path:
    """An FTS5 table ``docs(title, body)`` over the ``size`` benchmark texts, built once beside the archive."""
    path = bench_dir() / f"fts5-{size}.sqlite"
    with FileLock(str(bench_dir() / f"fts5-{size}.lock")):
        if not path.is_file():
            partial = path.with_suffix(".partial")
            partial.unlink(missing_ok=True)
            connection = sqlite3.connect(partial)
            connection.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
            with connection:
                connection.executemany("INSERT INTO docs(title, body) VALUES (?, ?)",
                                       ((text.split("\n", 1)[0], text) for text in bench_texts(size)))
            connection.close()
            partial.rename(path)
    return path


_TOKEN = re.compile(r'(?:(\w+):)?"([^"]*)"|(?:(\w+):)?([\w*~]+)|([()])')
_OPERATORS = {"AND", "OR", "NOT"}
_FTS5_COLUMNS = {"title", "body"}


def to_fts5(query: str) -> str | None:
    """The query in FTS5 MATCH syntax: loose words OR-ed like Archivist's (stop words dropped as its index
    does), phrases and ``title:`` kept, prefixes kept, fuzzy marks and fields FTS5 lacks (format, date…)
    dropped. None when nothing searchable is left."""
    parts: list[str] = []
    for field, phrase, word_field, word, paren in _TOKEN.findall(query):
        if paren:
            parts.append(paren)
        elif word in _OPERATORS:
            parts.append(word)
        elif phrase or word:
            operand = _fts5_operand(field or word_field, phrase, word)
            if operand:
                parts.append(operand)
    return _join_operands(parts)


def _fts5_operand(field: str, phrase: str, word: str) -> str | None:
    if field and field not in _FTS5_COLUMNS:
        return None
    prefix = f"{field}:" if field else ""
    if phrase:
        return f'{prefix}"{phrase}"'
    word = word.rstrip("~").lower()
    bare = word.rstrip("*")
    if not bare or (not field and bare in STOP_WORDS):
        return None
    return f'{prefix}"{bare}"' + ("*" if word.endswith("*") else "")


def _join_operands(parts: list[str]) -> str | None:
    """Insert OR between neighbouring operands (Archivist's default group); "AND NOT" becomes FTS5's NOT."""
    joined: list[str] = []
    for part in parts:
        previous = joined[-1] if joined else None
        if part == "NOT" and previous == "AND":
            joined[-1] = "NOT"
            continue
        operand_follows = previous is not None and previous not in _OPERATORS and previous != "("
        if operand_follows and part not in _OPERATORS and part != ")":
            joined.append("OR")
        joined.append(part)
    while joined and joined[0] in _OPERATORS:
        joined.pop(0)
    while joined and joined[-1] in _OPERATORS:
        joined.pop()
    return " ".join(joined) or None


def time_fts5(database: Path, queries: list[str], rounds: int, limit: int) -> dict[str, list[float]]:
    connection = sqlite3.connect(database)
    sql = ("SELECT rowid, snippet(docs, 1, '[', ']', '…', 12) FROM docs WHERE docs MATCH ? "
           "ORDER BY bm25(docs) LIMIT ?")
    translated = {query: to_fts5(query) for query in queries}
    runnable = {query: match for query, match in translated.items() if match}
    times: dict[str, list[float]] = {query: [] for query in runnable}
    for round_ in range(rounds + 1):  # the first round warms the page cache
        for query, match in runnable.items():
            started = time.perf_counter()
            connection.execute(sql, (match, limit)).fetchall()
            if round_:
                times[query].append((time.perf_counter() - started) * 1000)
    connection.close()
    return times


# -- report ------------------------------------------------------------------------------------------------
def run_size(size: int, rounds: int, limit: int, verbose: bool) -> None:
    root = bench_archive(size)
    with Archive.open(root, create=False) as archive:
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"\n== {archive.count()} documents ({root}); {len(QUERIES)} queries x {rounds} rounds, top {limit} "
              f"with snippets; {os.cpu_count()} cores, load average {load}")
        uncached = time_uncached(archive, QUERIES, rounds, limit)
        warm = time_warm(archive, QUERIES, rounds, limit)
        facets = time_facets(archive, QUERIES)
    fts5 = time_fts5(fts5_database(size), QUERIES, rounds, limit)
    report(size, {"uncached": uncached, "warm": warm}, fts5, facets)
    if verbose:
        _per_query(uncached, warm, fts5)
    took, wall, total = time_cli(root, CLI_QUERY)
    print(f"CLI `archivist search --json {CLI_QUERY!r}`: took_ms {took:.1f} (process wall {wall:.0f} ms, "
          f"{total} hits)")


def report(size: int, ours: dict[str, Times], fts5: Times, facets: Times) -> None:
    goal = _goal(size)
    for name, times in ours.items():
        verdict = ""
        if goal is not None:
            p95 = percentile(_flat(times), 95)
            verdict = f"   goal p95 <= {goal:.0f} ms: {'met' if p95 <= goal else 'NOT met'}"
        print(f"archivist took_ms, {name + ':':<10} {summary(times)}{verdict}")
        print("  slowest: " + "; ".join(f"{ms:.1f} ms {query!r}" for query, ms in slowest(times)))
    print(f"SQLite FTS5 bm25 + snippet:    {summary(fts5)}   ({len(fts5)} queries it can run)")
    for name, times in ours.items():
        shared = _flat({query: times[query] for query in fts5})
        ratios = "  ".join(
            f"p{pct} {percentile(shared, pct) / max(percentile(_flat(fts5), pct), 1e-6):.1f}x" for pct in PERCENTILES
        )
        print(f"ratio archivist {name} / FTS5: {ratios}")
    print(f"facets beside a search (GUI):  {summary(facets)}")


def _goal(size: int) -> float | None:
    """The goal of the nearest size the issue names (38k or 100k)."""
    nearest = min(GOALS_MS, key=lambda goal_size: abs(goal_size - size))
    return GOALS_MS[nearest] if abs(nearest - size) <= nearest * 0.1 else None


def _flat(times: dict[str, list[float]]) -> list[float]:
    return [value for values in times.values() for value in values]


def _per_query(uncached: Times, warm: Times, fts5: Times) -> None:
    median: Callable[[list[float]], float] = statistics.median
    print(f"  {'median took_ms':<55} {'uncached':>9} {'warm':>7} {'FTS5':>7}")
    for query in uncached:
        theirs = f"{median(fts5[query]):7.1f}" if query in fts5 else f"{'-':>7}"
        print(f"  {query[:55]:<55} {median(uncached[query]):9.1f} {median(warm[query]):7.1f} {theirs}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[38_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=20, help="hits per query, with snippets (default 20)")
    parser.add_argument("--verbose", action="store_true", help="the median time of every query")
    args = parser.parse_args(argv)
    for size in args.sizes:
        run_size(size, args.rounds, args.limit, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
