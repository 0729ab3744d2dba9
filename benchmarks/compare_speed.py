"""Shared-passages speed: two 50-page documents compared, and reuse over a 20,000-document reuse index.

    .venv/bin/python benchmarks/compare_speed.py [--documents 20000]

The reuse index is built from Reuters-21578 texts through the same core code an archive uses (fingerprints,
FingerprintIndex, find_reuse); only the catalogue reads are replaced by a dict, since importing 20,000 files
would measure the importer, not reuse. Prints the figures.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_reuters import stories

from archivist.core.compare import align
from archivist.core.compare.fingerprints import fingerprints
from archivist.core.compare.index import FingerprintIndex
from archivist.core.compare.reuse import find_reuse


def fifty_pages(texts: list[str], shared: list[str], rng: random.Random) -> str:
    """About 150 KB of stories (≈ 50 pages) with the shared paragraphs scattered through them."""
    parts: list[str] = []
    while sum(map(len, parts)) < 150_000:
        parts.append(rng.choice(texts))
    for paragraph in shared:
        parts.insert(rng.randrange(len(parts)), paragraph)
    return "\n".join(parts)


def bench_pair(texts: list[str], rng: random.Random) -> None:
    shared = [rng.choice(texts) for _ in range(10)]
    first, second = fifty_pages(texts[:8000], shared, rng), fifty_pages(texts[8000:16000], shared, rng)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        passages = align(first, second)
        times.append(time.perf_counter() - started)
    print(f"compare: two documents of {len(first) // 1000} KB and {len(second) // 1000} KB, "
          f"{len(passages)} passages, best {min(times):.3f} s, median {statistics.median(times):.3f} s")


def build_corpus(count: int, rng: random.Random) -> dict[int, tuple[str, str]]:
    """``count`` documents: every Reuters story with a body, topped up with stories recycling others' lines."""
    corpus = {new_id: (title, f"{title}\n{body}") for new_id, title, body in stories()}
    originals = list(corpus.values())
    next_id = max(corpus) + 1
    while len(corpus) < count:
        lines = [line for _title, text in rng.sample(originals, 3) for line in text.split("\n")[1:4]]
        corpus[next_id] = (f"Recycled {next_id}", "\n".join(lines))
        next_id += 1
    return dict(list(corpus.items())[:count])


def bench_reuse(count: int, rng: random.Random) -> None:
    corpus = build_corpus(count, rng)
    with tempfile.TemporaryDirectory() as folder:
        index = FingerprintIndex(Path(folder) / "fingerprints.sqlite")
        started = time.perf_counter()
        index.put((doc_id, "v1", fingerprints(text)) for doc_id, (_title, text) in corpus.items())
        print(f"reuse index: {index.size()} documents fingerprinted in {time.perf_counter() - started:.1f} s")
        times, found = [], []
        for doc_id in rng.sample(sorted(corpus), 50):
            started = time.perf_counter()
            sources = find_reuse(doc_id, corpus[doc_id][1], index, lambda key: corpus[key][1],
                                 lambda keys: {key: corpus[key][0] for key in keys})
            times.append(time.perf_counter() - started)
            found.append(len(sources))
    times.sort()
    print(f"reuse: 50 documents asked, median {statistics.median(times):.3f} s, 95th pct "
          f"{times[int(len(times) * 0.95) - 1]:.3f} s, max {times[-1]:.3f} s; "
          f"{sum(1 for n in found if n)} of 50 had sources (median {statistics.median(found)} each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(10)
    texts = [f"{title}\n{body}" for _id, title, body in stories()]
    bench_pair(texts, rng)
    bench_reuse(args.documents, rng)


if __name__ == "__main__":
    main()
