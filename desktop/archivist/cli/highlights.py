"""Commands on highlights and notes: highlight, highlights, highlight-edit, highlight-delete, note, colors."""

from __future__ import annotations

import argparse

from archivist.cli.context import add_json_flag, print_json
from archivist.core.annotation_records import HighlightRecord
from archivist.core.archive import Archive


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds highlight, highlights and the editing subcommands."""
    parser = subparsers.add_parser("highlight", help="highlight a quote in a document")
    parser.add_argument("document_id", type=int, metavar="DOC_ID")
    parser.add_argument("--quote", required=True, metavar="TEXT", help="the passage (whitespace and case ignored)")
    parser.add_argument("--color", default="yellow", metavar="NAME", help="yellow, green, red, blue or a label")
    parser.add_argument("--note", metavar="TEXT", help="a note on the highlight (Markdown)")
    parser.add_argument("--occurrence", type=int, default=1, metavar="N", help="which occurrence of the quote")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_highlight)

    parser = subparsers.add_parser("highlights", help="list highlights (of one document or all)")
    parser.add_argument("document_id", type=int, nargs="?", metavar="DOC_ID")
    parser.add_argument("--color", metavar="NAME", help="only this colour")
    parser.add_argument("--text", metavar="TEXT", help="only highlights whose quote or note contains TEXT")
    parser.add_argument("--orphans", action="store_true", help="only highlights lost when the text changed")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_highlights)

    parser = subparsers.add_parser("highlight-edit", help="change a highlight's colour or note")
    parser.add_argument("highlight_id", type=int, metavar="HL_ID")
    parser.add_argument("--color", metavar="NAME")
    parser.add_argument("--note", metavar="TEXT", help='the new note ("" removes it)')
    add_json_flag(parser)
    parser.set_defaults(func=cmd_highlight_edit)

    parser = subparsers.add_parser("highlight-delete", help="delete a highlight and its note")
    parser.add_argument("highlight_id", type=int, metavar="HL_ID")
    parser.set_defaults(func=cmd_highlight_delete)

    _register_notes_and_colors(subparsers)


def _register_notes_and_colors(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("note", help="show or set the note on a whole document")
    parser.add_argument("document_id", type=int, metavar="DOC_ID")
    parser.add_argument("--set", dest="text", metavar="TEXT", help='the new note (Markdown; "" removes it)')
    add_json_flag(parser)
    parser.set_defaults(func=cmd_note)

    parser = subparsers.add_parser("colors", help="list highlight colours, or rename what one means")
    parser.add_argument("--rename", nargs=2, metavar=("NAME", "LABEL"), help="e.g. --rename yellow Argument")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_colors)


def cmd_highlight(args: argparse.Namespace, archive: Archive) -> int:
    record = archive.annotations.add_highlight(
        args.document_id, quote=args.quote, color=args.color, note=args.note, occurrence=args.occurrence
    )
    _print_one(record, args.json)
    return 0


def cmd_highlights(args: argparse.Namespace, archive: Archive) -> int:
    records = archive.annotations.highlights(
        args.document_id, color=args.color, text=args.text, orphans=True if args.orphans else None
    )
    if args.json:
        print_json({"highlights": [record.to_json() for record in records]})
        return 0
    for record in records:
        print(_line(record))
    return 0


def cmd_highlight_edit(args: argparse.Namespace, archive: Archive) -> int:
    record = archive.annotations.update_highlight(args.highlight_id, color=args.color, note=args.note)
    _print_one(record, args.json)
    return 0


def cmd_highlight_delete(args: argparse.Namespace, archive: Archive) -> int:
    archive.annotations.delete_highlight(args.highlight_id)
    print(f"deleted highlight {args.highlight_id}")
    return 0


def cmd_note(args: argparse.Namespace, archive: Archive) -> int:
    if args.text is not None:
        note = archive.annotations.set_document_note(args.document_id, args.text)
    else:
        note = archive.annotations.document_note(args.document_id)
    if args.json:
        print_json({"document_id": args.document_id, "note": note.to_json() if note else None})
    elif note is not None:
        print(note.text)
    return 0


def cmd_colors(args: argparse.Namespace, archive: Archive) -> int:
    if args.rename:
        archive.annotations.rename_color(*args.rename)
    colors = archive.annotations.colors()
    if args.json:
        print_json({"colors": [color.to_json() for color in colors]})
        return 0
    for color in colors:
        print(f"{color.name:<8} {color.rgb}  {color.label}")
    return 0


def _print_one(record: HighlightRecord, as_json: bool) -> None:
    if as_json:
        print_json(record.to_json())
    else:
        print(_line(record))


def _line(record: HighlightRecord) -> str:
    """``12  doc 3  p. 1  yellow  "quote…"  — note``, one line per highlight."""
    quote = " ".join(record.quote.split())
    quote = quote if len(quote) <= 70 else quote[:69] + "…"
    state = "  (orphan)" if record.orphan else ""
    note = "  — " + " ".join(record.note.split())[:60] if record.note else ""
    where = f"doc {record.document_id:<4} p. {record.page or '?':<4}"
    return f"{record.id:>5}  {where} {record.color:<7} “{quote}”{note}{state}"
