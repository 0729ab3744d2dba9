"""The search and related commands: ranked hits with snippets and pages; documents like a given one."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any

from archivist.cli.context import add_json_flag, print_json
from archivist.core.archive import Archive
from archivist.core.index import RelatedHit, SearchResults

BOLD, RESET = "\033[1m", "\033[0m"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("search", help="full-text search (words, \"phrases\", AND/OR/NOT, field:value)")
    parser.add_argument("query", nargs="+", metavar="QUERY")
    parser.add_argument("--limit", type=_count, default=20, metavar="N", help="at most N hits (default 20)")
    parser.add_argument("--sort", choices=["relevance", "date", "-date"], default="relevance",
                        help="relevance (default), date (oldest first) or -date (newest first)")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_search)
    related = subparsers.add_parser("related", help="documents sharing a document's key terms")
    related.add_argument("document_id", type=int, metavar="DOC_ID")
    related.add_argument("--limit", type=_count, default=10, metavar="N", help="at most N documents (default 10)")
    add_json_flag(related)
    related.set_defaults(func=cmd_related)


def _count(value: str) -> int:
    """A whole number ≥ 0, or a usage error (exit status 2) naming the bad value."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is negative")
    return number


def cmd_search(args: argparse.Namespace, archive: Archive) -> int:
    query = " ".join(args.query)
    results = archive.search(query, limit=args.limit, sort=args.sort)
    if args.json:
        print_json(search_json(results))
    else:
        print_search(results, sys.stdout.isatty())
    return 0


def search_json(results: SearchResults) -> dict[str, Any]:
    data: dict[str, Any] = {
        "query": results.query,
        "total": results.total,
        "took_ms": results.took_ms,
        "hits": [
            {
                "id": hit.id,
                "title": hit.title,
                "score": hit.score,
                "snippets": [
                    {"text": snippet.text, "page": snippet.page, "marks": [list(mark) for mark in snippet.marks],
                     "html": snippet.html()}
                    for snippet in hit.snippets
                ],
            }
            for hit in results.hits
        ],
    }
    if results.suggestion:
        data["suggestion"] = results.suggestion
    return data


def print_search(results: SearchResults, color: bool) -> None:
    before, after = (BOLD, RESET) if color else ("[", "]")
    print(f"{results.total} document(s) for {results.query!r} ({results.took_ms:.0f} ms)")
    if results.suggestion:
        print(f"Did you mean: {results.suggestion}")
    for hit in results.hits:
        print(f"\n{hit.id:>6}  {hit.title}")
        for snippet in hit.snippets:
            body = textwrap.fill(snippet.marked(before, after), width=100, initial_indent="        … ",
                                 subsequent_indent="          ")
            print(f"{body} … (p. {snippet.page})")


def cmd_related(args: argparse.Namespace, archive: Archive) -> int:
    hits = archive.related(args.document_id, args.limit)
    if args.json:
        print_json(related_json(args.document_id, hits))
        return 0
    print(f"{len(hits)} document(s) related to {args.document_id}")
    for hit in hits:
        print(f"{hit.id:>6}  {hit.title}\n        shares: {', '.join(hit.terms)}")
    return 0


def related_json(document_id: int, hits: list[RelatedHit]) -> dict[str, Any]:
    return {
        "document": document_id,
        "related": [{"id": hit.id, "title": hit.title, "score": hit.score, "terms": hit.terms} for hit in hits],
    }
