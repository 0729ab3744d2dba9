"""``archivist claims``: the figures documents state, who gives them, and where sources disagree (issue 18)."""

from __future__ import annotations

import argparse

from archivist.cli.context import add_json_flag, print_json
from archivist.cli.progressbar import ProgressBar
from archivist.core.archive import Archive
from archivist.core.claims import ClaimPair, ClaimRecord, LedgerRow
from archivist.core.claims.export import figure_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("claims", help="figures in documents: what they count, who says so, conflicts")
    parser.add_argument("document_ids", type=int, nargs="*", metavar="DOC_ID", help="only these documents")
    parser.add_argument("--what", metavar="TEXT", help='one quantity across sources, e.g. "civilians killed"')
    parser.add_argument("--ledger", action="store_true", help="quantities that two or more sources give")
    parser.add_argument("--collection", type=int, metavar="ID", help="the ledger or --what within a collection")
    parser.add_argument("--rebuild", action="store_true", help="find the claims again in the stored texts")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_claims)


def cmd_claims(args: argparse.Namespace, archive: Archive) -> int:
    ids = args.document_ids or None
    if args.rebuild:
        bar = ProgressBar(label="Finding claims")
        found = archive.claims.rebuild(ids, progress=bar)
        bar.finish()
        if not args.json:
            print(f"found {found} claim(s) in {len(ids) if ids else archive.count()} document(s)")
            return 0
    if args.ledger:
        return _print_ledger(archive.claims.ledger(args.collection), args.json)
    if args.what:
        claims = archive.claims.about(args.what, args.collection)
        if ids:
            claims = [claim for claim in claims if claim.document_id in set(ids)]
    else:
        claims = archive.claims.for_documents(ids)
    pairs = archive.claims.pairs(claims)
    if args.json:
        print_json({"claims": [claim.to_json() for claim in claims],
                    "conflicts": [pair.to_json() for pair in pairs if pair.kind == "conflict"],
                    "revisions": [pair.to_json() for pair in pairs if pair.kind == "revision"]})
        return 0
    _print_claims(claims, pairs)
    return 0


def _print_claims(claims: list[ClaimRecord], pairs: list[ClaimPair]) -> None:
    for claim in claims:
        page = f" p.{claim.page}" if claim.page else ""
        print(f"#{claim.id}  doc {claim.document_id}{page}  {figure_text(claim)}  {claim.what or '-'}"
              f"  — {claim.source or 'the author'}")
    for pair in pairs:
        print(f"{pair.kind}: #{pair.first} and #{pair.second} ({pair.what})")


def _print_ledger(rows: list[LedgerRow], as_json: bool) -> int:
    if as_json:
        print_json({"ledger": [{"what": row.key, "unit": row.unit, "claims": row.claims, "sources": row.sources,
                                "documents": row.documents, "low": row.low, "high": row.high} for row in rows]})
        return 0
    for row in rows:
        spread = f"{row.low:g}" if not row.values_differ else f"{row.low:g} – {row.high:g}"
        print(f"{row.key} ({row.unit}): {row.claims} claim(s) from {row.sources} source(s), {spread}")
    return 0
