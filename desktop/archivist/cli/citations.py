"""Commands that cite: ``cite``, ``export`` and ``citekey``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archivist.core.archive import Archive
from archivist.core.citations import DATA_FORMATS, FORMATS
from archivist.core.errors import InvalidInputError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds cite, export and citekey."""
    parser = subparsers.add_parser("cite", help="print citations of documents or a highlight")
    parser.add_argument("document_ids", nargs="*", type=int, metavar="DOC_ID")
    parser.add_argument("--highlight", type=int, metavar="HL_ID", help="cite a highlight as a quotation with its page")
    parser.add_argument("--format", choices=FORMATS, default="apa", help="bibtex, ris, csl-json, zotero-rdf or a style "
                        "(default: apa)")
    parser.add_argument("--html", action="store_true", help="HTML instead of plain text (styles only)")
    parser.add_argument("--ascii", action="store_true", help="BibTeX with LaTeX commands instead of UTF-8")
    parser.add_argument("--in-text", action="store_true", help="the in-text citation, e.g. (Doe, 2016)")
    parser.add_argument("--with-bibtex", action="store_true", help="with --highlight: the BibTeX entry too")
    parser.add_argument("--with-notes", action="store_true", help="include your notes (private: left out by default)")
    parser.set_defaults(func=cmd_cite)

    parser = subparsers.add_parser("export", help="write a bibliography file (.bib, .ris, .json or Zotero .rdf)")
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("document_ids", nargs="*", type=int, metavar="DOC_ID", help="default: every document")
    parser.add_argument("--format", choices=DATA_FORMATS, help="default: from the file's extension")
    parser.add_argument("--ascii", action="store_true", help="BibTeX with LaTeX commands instead of UTF-8")
    parser.add_argument("--with-notes", action="store_true", help="include your notes (private: left out by default)")
    parser.set_defaults(func=cmd_export)

    parser = subparsers.add_parser("citekey", help="show, set (pin) or renew a document's citation key")
    parser.add_argument("document_id", type=int, metavar="DOC_ID")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--set", metavar="KEY", help="pin this key; it is never changed afterwards")
    group.add_argument("--renew", action="store_true", help="make the key again from the current metadata")
    parser.set_defaults(func=cmd_citekey)


def cmd_cite(args: argparse.Namespace, archive: Archive) -> int:
    citations = archive.citations
    if args.highlight is not None:
        if args.document_ids:
            raise InvalidInputError("give document ids or --highlight, not both")
        style = args.format if args.format not in DATA_FORMATS else "apa"
        sys.stdout.write(citations.quote(args.highlight, style, as_html=args.html) + "\n")
        if args.with_bibtex or args.format == "bibtex":
            document_id = citations.highlight_document(args.highlight)
            sys.stdout.write("\n" + citations.bibtex([document_id], ascii_only=args.ascii, with_notes=args.with_notes))
        return 0
    if not args.document_ids:
        raise InvalidInputError("name at least one document id (or --highlight HL_ID)")
    output = citations.render(args.document_ids, args.format, as_html=args.html, ascii_only=args.ascii,
                              in_text=args.in_text, with_notes=args.with_notes)
    sys.stdout.write(output)
    return 0


def cmd_export(args: argparse.Namespace, archive: Archive) -> int:
    count = archive.citations.export(args.file, args.document_ids or None, args.format, ascii_only=args.ascii,
                                     with_notes=args.with_notes)
    print(f"exported {count} document(s) to {args.file}", file=sys.stderr)
    return 0


def cmd_citekey(args: argparse.Namespace, archive: Archive) -> int:
    citations = archive.citations
    if args.set:
        key = citations.set_key(args.document_id, args.set)
    elif args.renew:
        key = citations.renew_key(args.document_id)
    else:
        key = citations.key(args.document_id)
    print(key)
    return 0
