"""Search quality in eight languages: Archivist beside SQLite FTS5 on the same paragraphs, in one run.

There are no relevance judgments for ../shared/corpus/multilingual, so two sets are made from its real text:

- headline → story: each NTREX news story's headline (written by its journalist and translator) is a query;
  the story's paragraphs, the headline line taken out, are the relevant documents. The headline's words come back
  in the story in other forms (Russian cases, Arabic articles and suffixes), which is what analysis is for.
- sentence → paragraph (known item): from every paragraph of every file (news, UDHR, UN Charter, laws, Wikipedia)
  a seeded random sample; the query is the content words (4+ letters) of one of its sentences, every other one
  left out; for Chinese, which has no spaces, a 6-12 character stretch of the sentence. Its paragraph is the
  one relevant document.

Every paragraph is imported as its own file through ``Archive.import_paths`` (language detected per paragraph, as
an import does) and every query runs through ``Archive.search`` with ``free_text`` (the CLI's words-only search).
The baseline indexes the same catalogue texts in FTS5 with ``unicode61 remove_diacritics 2`` and ranks with
``bm25()``, the query's words OR-ed; for Chinese both texts and queries are cut into character bigrams first.

    .venv/bin/python benchmarks/multilingual_relevance.py [--languages ar ru …] [--sample 150]
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from archivist.core.archive import Archive
from benchmarks.relevance import DEPTH, archivist_ranker, average_precision

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "multilingual"
LANGUAGES = ("ar", "fa", "ru", "fr", "zh", "tr", "uk", "es")
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s*")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_TAGS = re.compile(r"<[^>]+>")
MIN_PARAGRAPH = 80  # characters; shorter lines are headings and list numbers


@dataclass(slots=True)
class Collection:
    language: str
    paragraphs: dict[str, str] = field(default_factory=dict)  # paragraph id → text
    queries: dict[str, tuple[str, set[str]]] = field(default_factory=dict)  # query id → (text, relevant ids)


def paragraphs_of(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = _TAGS.sub("\n", text)
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if len(part.strip()) >= MIN_PARAGRAPH]


def build(language: str, sample: int, rng: random.Random) -> Collection:
    collection = Collection(language)
    for path in sorted((CORPUS / language).iterdir()):
        if path.suffix not in (".txt", ".md", ".html"):
            continue
        lines = path.read_text(encoding="utf-8").split("\n", 1)
        story = path.name.startswith("ntrex-")
        ids = []
        for number, paragraph in enumerate(paragraphs_of(path) if not story else
                                           [" ".join(part.split()) for part in re.split(r"\n\s*\n", lines[1])
                                            if part.strip()]):
            paragraph_id = f"{path.stem}#{number}"
            collection.paragraphs[paragraph_id] = paragraph
            ids.append(paragraph_id)
        if story and ids:
            collection.queries[f"headline:{path.stem}"] = (lines[0].strip(), set(ids))
    chosen = rng.sample(sorted(collection.paragraphs), min(sample, len(collection.paragraphs)))
    for paragraph_id in chosen:
        query = sentence_query(collection.paragraphs[paragraph_id], language, rng)
        if query:
            collection.queries[f"sentence:{paragraph_id}"] = (query, {paragraph_id})
    return collection


def sentence_query(paragraph: str, language: str, rng: random.Random) -> str | None:
    sentences = [sentence for sentence in _SENTENCE.split(paragraph) if len(sentence) > 20]
    if not sentences:
        return None
    sentence = rng.choice(sentences)
    if language == "zh":
        runs = [run for run in _HAN.findall(sentence) if len(run) >= 6]
        if not runs:
            return None
        run = rng.choice(runs)
        start = rng.randrange(0, max(len(run) - 6, 0) + 1)
        return run[start : start + rng.randint(6, 12)]
    words = [word for word in _WORD.findall(sentence) if len(word) >= 4]
    words = words[::2]
    return " ".join(words) if len(words) >= 2 else None


def bigrams(text: str) -> str:
    """Chinese cut into overlapping character bigrams (other words kept), for FTS5's unicode61 tokenizer."""
    def cut(match: re.Match[str]) -> str:
        run = match.group()
        return " ".join(run[i : i + 2] for i in range(max(len(run) - 1, 1)))

    return _HAN.sub(lambda match: f" {cut(match)} ", text)


def import_collection(collection: Collection, folder: Path) -> tuple[Archive, dict[int, str]]:
    files = folder / "files"
    files.mkdir()
    for number, text in enumerate(collection.paragraphs.values()):
        (files / f"{number:05d}.txt").write_text(text + "\n", encoding="utf-8")
    names = {f"{number:05d}": paragraph_id for number, paragraph_id in enumerate(collection.paragraphs)}
    archive = Archive.open(folder / "archive")
    result = archive.import_paths([files])
    return archive, {item.id: names[Path(item.path).stem] for item in result.imported}


def fts5_ranker(archive: Archive, ids: dict[int, str], chinese: bool) -> Callable[[str], list[str]]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(doc, body, tokenize='unicode61 remove_diacritics 2')")
    prepare = bigrams if chinese else (lambda text: text)
    db.executemany("INSERT INTO docs VALUES (?, ?)",
                   ((doc, prepare(archive.content(archive_id).text)) for archive_id, doc in ids.items()))

    def rank(query: str) -> list[str]:
        words = dict.fromkeys(word.lower() for word in re.findall(r"\w+", prepare(query)))
        if not words:
            return []
        match = " OR ".join(f'"{word}"' for word in words)
        return [row[0] for row in db.execute(
            "SELECT doc FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (match, DEPTH))]

    return rank


def mean_ap(collection: Collection, kind: str, rank: Callable[[str], list[str]], known: set[str]) -> float:
    scores = [average_precision(rank(text), relevant & known)
              for query_id, (text, relevant) in collection.queries.items()
              if query_id.startswith(kind) and relevant & known]
    return sum(scores) / len(scores) if scores else float("nan")


def run(language: str, sample: int, seed: int) -> tuple[float, float]:
    collection = build(language, sample, random.Random(seed))
    with tempfile.TemporaryDirectory() as folder:
        archive, ids = import_collection(collection, Path(folder))
        with archive:
            known = set(ids.values())
            rankers = {"FTS5": fts5_ranker(archive, ids, language == "zh"), "Archivist": archivist_ranker(archive, ids)}
            counts = {kind: sum(1 for query_id in collection.queries if query_id.startswith(kind))
                      for kind in ("headline", "sentence")}
            line = [f"{language}: {len(ids)} paragraphs"]
            totals = {}
            for kind in ("headline", "sentence"):
                if not counts[kind]:
                    continue
                maps = {name: mean_ap(collection, kind, ranker, known) for name, ranker in rankers.items()}
                totals[kind] = maps
                line.append(f"{kind} ({counts[kind]} q) MAP FTS5 {maps['FTS5']:.4f} Archivist {maps['Archivist']:.4f}"
                            f" = {maps['Archivist'] / maps['FTS5']:.2f}x")
            print("   ".join(line), flush=True)
            both = [maps for maps in totals.values()]
            return (sum(maps["FTS5"] for maps in both) / len(both), sum(maps["Archivist"] for maps in both) / len(both))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--sample", type=int, default=150, help="sentence queries per language")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    for language in args.languages:
        fts5, archivist = run(language, args.sample, args.seed)
        print(f"  {language} mean of both sets: FTS5 {fts5:.4f}  Archivist {archivist:.4f}  = {archivist / fts5:.2f}x",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
