"""A Whoosh index for the ranking and postings tests: 700 generated news-like documents in three segments
(no merging), common words in far more than one block of postings, and a few deleted documents."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.query import Query
from whoosh.searching import Searcher

from archivist.core.index import forms
from archivist.core.index.documents import IndexDocument
from archivist.core.index.query import parse_query
from archivist.core.index.schema import build_schema
from archivist.core.index.scoring import ArchivistBM25

# Common words land in far more than 128 documents, so their lists span several of Whoosh's blocks.
WORDS = [
    "oil", "price", "crude", "barrel", "opec", "export", "wheat", "grain", "bank", "rate", "interest", "dollar", "yen",
    "trade", "deficit", "surplus", "japan", "china", "soviet", "union", "market", "share", "profit", "loss", "report",
    "quarter", "company", "minister", "talks",
]
TAGS = ["energy", "farm", "money"]
DOCUMENTS = 700
DELETED = range(0, DOCUMENTS, 37)


def text(rng: random.Random, length: int) -> str:
    # Zipf-like: the first words are the common ones; "interest rates" and "crude oil" recur as phrases.
    words = [WORDS[min(int(rng.paretovariate(0.9)) - 1, len(WORDS) - 1)] for _ in range(length)]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), "interest rates")
    if rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), "crude oil")
    return " ".join(words)


def document(number: int, rng: random.Random) -> IndexDocument:
    return IndexDocument(
        id=number,
        title=text(rng, rng.randint(2, 8)),
        body=text(rng, rng.randint(5, 300)),
        format="text" if number % 5 else "pdf",
        tags=([TAGS[number % 3]] if number % 2 else []) + (["urgent"] if number % 4 == 0 else []),
        issued=f"{2014 + number % 4}-0{1 + number % 9}-1{number % 10}",
    )


def parse(searcher: Searcher, text: str) -> Query:
    """The query as a search parses it, its stems expanding to the fixture index's forms."""
    return parse_query(searcher.schema, text, forms=FORMS)


FORMS: dict[str, list[str]] = {}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    """Three segments (no merging), a few deleted documents in the first."""
    folder: Path = tmp_path_factory.mktemp("ranking")
    index = whoosh_index.create_in(str(folder), build_schema())
    rng = random.Random(1987)
    for start in range(0, DOCUMENTS, 300):
        writer = index.writer()
        with forms.recording() as pairs:
            for number in range(start, min(start + 300, DOCUMENTS)):
                writer.add_document(**document(number, rng).fields())
        forms.save(folder, pairs)
        writer.commit(merge=False)
    FORMS.update(forms.load(folder))
    writer = index.writer()
    for number in DELETED:
        writer.delete_by_term("id", number)
    writer.commit(merge=False)
    with index.searcher(weighting=ArchivistBM25()) as opened:
        assert len(opened.leaf_searchers()) == 3 and opened.reader().has_deletions()
        yield opened
    index.close()
