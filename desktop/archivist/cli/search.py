"""The search command: ranked hits with snippets and the pages they are on."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any

from archivist.cli.context import add_json_flag, print_json
from archivist.core.archive import Archive
from archivist.core.index import SearchResults

BOLD, RESET = "\033[1m", "\033[0m"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("search", help="full-text search (words, \"phrases\", AND/OR/NOT, field:value)")
    parser.add_argument("query", nargs="+", metavar="QUERY")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    parser.add_argument("--sort", choices=["relevance", "date", "-date"], default="relevance",
                        help="relevance (default), date (oldest first) or -date (newest first)")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_search)



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
