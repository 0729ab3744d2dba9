"""Commands on shared passages: compare (two documents) and reuse (one document against the archive)."""

from __future__ import annotations

import argparse
import textwrap

from archivist.cli.context import add_json_flag, print_json
from archivist.core.archive import Archive
from archivist.core.compare import Passage, changed_ranges, diff_words


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds compare and reuse."""
    parser = subparsers.add_parser("compare", help="the passages two documents share, copied or reworded")
    parser.add_argument("document_a", type=int, metavar="DOC_A")
    parser.add_argument("document_b", type=int, metavar="DOC_B")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_compare)

    parser = subparsers.add_parser("reuse", help="the documents that share passages with a document")
    parser.add_argument("document_id", type=int, metavar="DOC_ID")
    parser.add_argument("--limit", type=int, default=20, help="at most this many documents (default 20)")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_reuse)


def cmd_compare(args: argparse.Namespace, archive: Archive) -> int:
    passages = archive.compare.passages(args.document_a, args.document_b)
    if args.json:
        print_json({"passages": [passage.to_json() for passage in passages]})
        return 0
    titles = archive.summaries([args.document_a, args.document_b])
    print(f"A: {args.document_a} {titles[args.document_a].title}")
    print(f"B: {args.document_b} {titles[args.document_b].title}")
    if not passages:
        print("\nNo shared passages.")
    for number, passage in enumerate(passages, start=1):
        print()
        print(describe(number, passage))
    return 0


def cmd_reuse(args: argparse.Namespace, archive: Archive) -> int:
    report = archive.compare.reuse(args.document_id, limit=args.limit)
    if args.json:
        print_json(report.to_json())
        return 0
    if not report.sources:
        print(f"No other document shares passages with document {args.document_id}.")
    for source in report.sources:
        count = len(source.passages)
        print(f"{source.id:>6}  {source.shared_chars:>6} chars in {count} passage{'s' * (count != 1)}  "
              f"{source.title[:80]}")
    return 0


def describe(number: int, passage: Passage) -> str:
    """A passage for the terminal: both sides, with the words that differ between them in [brackets]."""
    in_a, in_b = changed_ranges(diff_words(passage.a.text, passage.b.text))
    lines = [f"#{number}  similarity {passage.similarity:.2f}   "
             f"A {passage.a.start}–{passage.a.end}   B {passage.b.start}–{passage.b.end}"]
    for label, text, ranges in (("A", passage.a.text, in_a), ("B", passage.b.text, in_b)):
        wrapped = textwrap.wrap(mark(text, ranges), width=100, initial_indent=f"  {label}: ",
                                subsequent_indent="     ")
        lines.extend(wrapped)
    return "\n".join(lines)


def mark(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with each (start, end) range wrapped in brackets."""
    pieces, position = [], 0
    for start, end in ranges:
        pieces.append(text[position:start])
        pieces.append(f"[{text[start:end]}]")
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
