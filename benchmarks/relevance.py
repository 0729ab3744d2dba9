"""Search quality on the Cranfield and CISI test collections: Archivist beside an SQLite FTS5 BM25 baseline.

Each collection is written out one file per document (title line, blank line, abstract), imported through
``Archive.import_paths`` into a temporary archive, and every query is run through ``Archive.search`` (the path
the CLI uses). The baseline indexes the same catalogue texts in an FTS5 table (``porter unicode61``) and
ranks with ``bm25()``. Both get each query as free text: its words, OR-ed, operators and punctuation ignored.

    python benchmarks/relevance.py [--corpus DIR] [--collections cran cisi]
"""

from __future__ import annotations

import argparse
import math
import re
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from archivist.core.archive import Archive

CORPUS = Path("/work/shared/corpus/relevance")
DEPTH = 1000  # ranked list length for MAP, as in TREC
NDCG_AT = 10
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Collection:
    name: str
    documents: dict[str, tuple[str, str]]  # id → (title, text)
    queries: dict[str, str]  # id → text
    relevant: dict[str, set[str]]  # query id → relevant document ids


def smart_records(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(id, {field letter: text}) for each ``.I`` record of a SMART-format file (.T title, .W text…)."""
    record_id, fields, current = None, {}, None
    for line in path.read_text(encoding="latin-1").splitlines():
        marker = re.match(r"^\.([A-Z])(?:\s+(\S+))?\s*$", line)
        if marker and marker.group(1) == "I":
            if record_id is not None:
                yield record_id, fields
            record_id, fields, current = marker.group(2), {}, None
        elif marker:
            current = marker.group(1)
            fields.setdefault(current, "")
        elif current is not None:
            fields[current] += line + "\n"
    if record_id is not None:
        yield record_id, fields


def smart_documents(path: Path) -> dict[str, tuple[str, str]]:
    return {i: (f.get("T", "").strip(), f.get("W", "").strip()) for i, f in smart_records(path)}


def load_cran(folder: Path) -> Collection:
    documents = smart_documents(folder / "cran.all.1400")
    # The query file numbers queries 001, 002, 004…; the judgements number them 1…225 in file order.
    queries = {str(n): f.get("W", "").strip() for n, (_i, f) in enumerate(smart_records(folder / "cran.qry"), 1)}
    relevant: dict[str, set[str]] = {}
    for line in (folder / "cran.qrels").read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            relevant.setdefault(parts[0], set()).add(parts[1])
    return Collection("Cranfield", documents, queries, relevant)


def load_cisi(folder: Path) -> Collection:
    documents = smart_documents(folder / "CISI.ALL")
    queries = {i: f.get("W", "").strip() for i, f in smart_records(folder / "CISI.QRY")}
    relevant: dict[str, set[str]] = {}
    for line in (folder / "CISI.REL").read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            relevant.setdefault(parts[0], set()).add(parts[1])
    return Collection("CISI", documents, queries, relevant)


def average_precision(ranked: list[str], relevant: set[str]) -> float:
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked, 1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant) if relevant else 0.0


def ndcg(ranked: list[str], relevant: set[str], depth: int = NDCG_AT) -> float:
    """Binary-relevance nDCG at ``depth``."""
    gain = sum(1 / math.log2(rank + 1) for rank, doc in enumerate(ranked[:depth], 1) if doc in relevant)
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(len(relevant), depth) + 1))
    return gain / ideal if ideal else 0.0


def import_collection(collection: Collection, folder: Path) -> tuple[Archive, dict[int, str]]:
    """One file per document, imported through the archive; archive id → collection id."""
    files = folder / "files"
    files.mkdir()
    for doc_id, (title, text) in collection.documents.items():
        (files / f"{doc_id}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    archive = Archive.open(folder / "archive")
    result = archive.import_paths([files])
    if result.errors:
        print(f"  {len(result.errors)} import error(s), e.g. {result.errors[0]}", file=sys.stderr)
    ids = {item.id: Path(item.path).stem for item in result.imported}
    # Identical abstracts are duplicates to the archive; they keep the first document's id here.
    return archive, ids


def fts5_ranker(archive: Archive, ids: dict[int, str]) -> Callable[[str], list[str]]:
    """The baseline: the same catalogue texts in an FTS5 table, ranked by bm25()."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(doc, title, body, tokenize='porter unicode61')")
    for archive_id, doc_id in ids.items():
        db.execute("INSERT INTO docs VALUES (?, ?, ?)", (doc_id, archive.get(archive_id).title,
                                                       archive.content(archive_id).text))

    def rank(query: str) -> list[str]:
        words = dict.fromkeys(word.lower() for word in _WORD.findall(query))
        if not words:
            return []
        match = " OR ".join(f'"{word}"' for word in words)
        rows = db.execute("SELECT doc FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (match, DEPTH))
        return [row[0] for row in rows]

    return rank


def archivist_ranker(archive: Archive, ids: dict[int, str]) -> Callable[[str], list[str]]:
    def rank(query: str) -> list[str]:
        results = archive.search(query, limit=DEPTH, snippets=False, free_text=True)
        return [ids[hit.id] for hit in results.hits if hit.id in ids]

    return rank


def evaluate(collection: Collection, rank: Callable[[str], list[str]]) -> tuple[float, float, float]:
    """(MAP, mean nDCG@10, ms per query) over the queries that have relevance judgements."""
    judged = [qid for qid in collection.queries if collection.relevant.get(qid)]
    started = time.perf_counter()
    aps, ndcgs = [], []
    for qid in judged:
        ranked = rank(collection.queries[qid])
        aps.append(average_precision(ranked, collection.relevant[qid]))
        ndcgs.append(ndcg(ranked, collection.relevant[qid]))
    took = (time.perf_counter() - started) * 1000 / max(len(judged), 1)
    return sum(aps) / len(aps), sum(ndcgs) / len(ndcgs), took


def run(collection: Collection) -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        archive, ids = import_collection(collection, Path(folder))
        judged = sum(1 for qid in collection.queries if collection.relevant.get(qid))
        print(f"{collection.name}: {len(ids)} documents imported in {time.perf_counter() - started:.0f} s, "
              f"{judged} judged queries")
        with archive:
            for name, ranker in (("SQLite FTS5 bm25", fts5_ranker(archive, ids)),
                                 ("Archivist", archivist_ranker(archive, ids))):
                map_, ndcg10, ms = evaluate(collection, ranker)
                print(f"  {name:<18} MAP {map_:.4f}   nDCG@10 {ndcg10:.4f}   {ms:6.1f} ms/query")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"the relevance folder (default {CORPUS})")
    parser.add_argument("--collections", nargs="+", choices=["cran", "cisi"], default=["cran", "cisi"])
    args = parser.parse_args(argv)
    loaders = {"cran": lambda: load_cran(args.corpus / "cran"), "cisi": lambda: load_cisi(args.corpus / "cisi")}
    for name in args.collections:
        run(loaders[name]())
    return 0


if __name__ == "__main__":
    sys.exit(main())
