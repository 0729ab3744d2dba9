"""Search quality in eight languages: Archivist beside SQLite FTS5 on the same paragraphs, in one run.

There are no relevance judgments for ../shared/corpus/multilingual, so three sets are made from its real text:

- headline → story: each NTREX news story's headline (written by its journalist and translator) is a query;
  the story's paragraphs, the headline line taken out, are the relevant documents. The headline's words come back
  in the story in other forms (Russian cases, Arabic articles and suffixes), which is what analysis is for.
- sentence → paragraph (known item): from every paragraph of every file (news, UDHR, UN Charter, laws, Wikipedia)
  a seeded random sample; the query is the content words (4+ letters) of one of its sentences, every other one
  left out; for Chinese, which has no spaces, a 6-12 character stretch of the sentence. Its paragraph is the
  one relevant document. FTS5 already finds nearly all of these (the words are the paragraph's own forms), so this
  set cannot tell analyses apart; it guards against losing what exact matching finds.
- question → paragraph (known item): ~45 paragraphs per language picked by ``question_sets.py`` and, for each, a
  question written by hand in that language the way a reader would ask it (TyDi QA / XQuAD style: a question word,
  the words inflected as the question needs, no run of three of the paragraph's words), stored in
  ``data/questions/<lang>.json`` and written before any engine ran on them. The picked paragraph is the one
  relevant document. Each language's questions are also scored in two fixed halves, even and odd positions in the
  file, so a tuning can use the even half as development and report the odd half as held out.

Every paragraph is imported as its own file through ``Archive.import_paths`` (language detected per paragraph, as
an import does) and every query runs through ``Archive.search`` with ``free_text`` (the CLI's words-only search).
The baseline indexes the same catalogue texts in FTS5 with ``unicode61 remove_diacritics 2`` and ranks with
``bm25()``, the query's words OR-ed; for Chinese both texts and queries are cut into character bigrams first.

    .venv/bin/python benchmarks/multilingual_relevance.py [--languages ar ru …] [--sample 150] [--losses]

``--losses`` lists the questions whose paragraph Archivist ranks lower than FTS5 does (for reading, not tuning on).
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
from benchmarks.question_sets import CORPUS, LANGUAGES, STARTS, load, paragraphs_of
from benchmarks.relevance import DEPTH, archivist_ranker, average_precision

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s*")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(slots=True)
class Collection:
    language: str
    paragraphs: dict[str, str] = field(default_factory=dict)  # paragraph id → text
    queries: dict[str, tuple[str, set[str]]] = field(default_factory=dict)  # query id → (text, relevant ids)


KINDS = {"headline": "headline → story", "sentence": "sentence → paragraph", "question": "question → paragraph"}
HALVES = {"even (development)": 0, "odd (held out)": 1}


def build(language: str, sample: int, rng: random.Random) -> Collection:
    collection = Collection(language)
    by_text: dict[tuple[str, str], str] = {}  # (file name, paragraph text) → paragraph id, for the question set
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
            by_text.setdefault((path.name, paragraph), paragraph_id)
            ids.append(paragraph_id)
        if story and ids:
            collection.queries[f"headline:{path.stem}"] = (lines[0].strip(), set(ids))
    chosen = rng.sample(sorted(collection.paragraphs), min(sample, len(collection.paragraphs)))
    for paragraph_id in chosen:
        query = sentence_query(collection.paragraphs[paragraph_id], language, rng)
        if query:
            collection.queries[f"sentence:{paragraph_id}"] = (query, {paragraph_id})
    add_questions(collection, by_text)
    return collection


def add_questions(collection: Collection, by_text: dict[tuple[str, str], str]) -> None:
    """The hand-written questions, each pointed at the paragraph its entry names. A NTREX story is cut here without
    paragraphs_of's length floor, so the entry's paragraph is found by its text, not by its index."""
    for number, entry in enumerate(load(collection.language)):
        path = CORPUS / str(entry["file"])
        paragraphs = paragraphs_of(path) if path.exists() else []
        index = int(entry["paragraph"])  # type: ignore[arg-type]
        text = paragraphs[index] if 0 <= index < len(paragraphs) else ""
        if not text.startswith(str(entry["starts"])) or (path.name, text) not in by_text:
            raise SystemExit(f"data/questions/{collection.language}.json entry {number}: {entry['file']} paragraph "
                             f"{index} no longer starts {str(entry['starts'])[:STARTS]!r} "
                             "(see benchmarks/question_sets.py check)")
        collection.queries[f"question:{number}"] = (str(entry["question"]), {by_text[(path.name, text)]})


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


def of_kind(collection: Collection, kind: str, half: int | None = None) -> list[str]:
    """The query ids of one set; for the question set optionally one half (0 = even positions, 1 = odd)."""
    ids = [query_id for query_id in collection.queries if query_id.split(":", 1)[0] == kind]
    if half is None:
        return ids
    return [query_id for query_id in ids if int(query_id.split(":", 1)[1]) % 2 == half]


def average_precisions(collection: Collection, rank: Callable[[str], list[str]], known: set[str]) -> dict[str, float]:
    """Average precision per query id, each query ranked once (the sets and halves are means over these)."""
    return {query_id: average_precision(rank(text), relevant & known)
            for query_id, (text, relevant) in collection.queries.items() if relevant & known}


def mean(scores: dict[str, float], query_ids: list[str]) -> float:
    values = [scores[query_id] for query_id in query_ids if query_id in scores]
    return sum(values) / len(values) if values else float("nan")


def figure(label: str, query_ids: list[str], scores: dict[str, dict[str, float]]) -> str:
    fts5, archivist = mean(scores["FTS5"], query_ids), mean(scores["Archivist"], query_ids)
    ratio = archivist / fts5 if fts5 else float("inf")
    return f"{label} ({len(query_ids)} q)  MAP FTS5 {fts5:.4f}  Archivist {archivist:.4f}  = {ratio:.2f}x"


def print_losses(collection: Collection, scores: dict[str, dict[str, float]]) -> None:
    """The questions FTS5 answers better, with both engines' rank of the paragraph (known item: rank = 1 / AP)."""
    def rank(score: float) -> str:
        return f"{round(1 / score)}" if score else f">{DEPTH}"

    for query_id in of_kind(collection, "question"):
        fts5, archivist = scores["FTS5"].get(query_id, 0.0), scores["Archivist"].get(query_id, 0.0)
        if archivist < fts5:
            text, relevant = collection.queries[query_id]
            print(f"    lost {query_id} rank FTS5 {rank(fts5)} Archivist {rank(archivist)}: {text}  → {min(relevant)}")


def run(language: str, sample: int, seed: int, losses: bool = False) -> tuple[float, float]:
    collection = build(language, sample, random.Random(seed))
    with tempfile.TemporaryDirectory() as folder:
        archive, ids = import_collection(collection, Path(folder))
        with archive:
            known = set(ids.values())
            rankers = {"FTS5": fts5_ranker(archive, ids, language == "zh"), "Archivist": archivist_ranker(archive, ids)}
            scores = {name: average_precisions(collection, ranker, known) for name, ranker in rankers.items()}
    print(f"{language}: {len(ids)} paragraphs", flush=True)
    means = []
    for kind, label in KINDS.items():
        query_ids = of_kind(collection, kind)
        if not query_ids:
            continue
        print(f"  {figure(label, query_ids, scores)}", flush=True)
        means.append((mean(scores["FTS5"], query_ids), mean(scores["Archivist"], query_ids)))
        if kind == "question":
            for half_label, half in HALVES.items():
                print(f"    {figure(half_label, of_kind(collection, kind, half), scores)}", flush=True)
            if losses:
                print_losses(collection, scores)
    return sum(fts5 for fts5, _ in means) / len(means), sum(archivist for _, archivist in means) / len(means)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--sample", type=int, default=150, help="sentence queries per language")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--losses", action="store_true", help="list the questions Archivist ranks worse than FTS5")
    args = parser.parse_args(argv)
    for language in args.languages:
        fts5, archivist = run(language, args.sample, args.seed, args.losses)
        print(f"  {language} mean of the sets: FTS5 {fts5:.4f}  Archivist {archivist:.4f}  = {archivist / fts5:.2f}x",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
