"""The ledger as files a report can use: CSV and Markdown, each claim with its quote and citation."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from archivist.core.claims.records import ClaimPair, ClaimRecord

COLUMNS = ("what", "value", "normalized", "unit", "currency", "qualifier", "source", "document_id", "page",
           "quote", "citation", "conflicts_with")


def figure_text(claim: ClaimRecord) -> str:
    """The figure with its qualifier as a reader says it: "at least 624"."""
    return f"{claim.qualifier} {claim.value}" if claim.qualifier and claim.qualifier != "range" else claim.value


def _conflicts_of(pairs: Sequence[ClaimPair]) -> dict[int, list[int]]:
    against: dict[int, list[int]] = {}
    for pair in pairs:
        if pair.kind == "conflict":
            against.setdefault(pair.first, []).append(pair.second)
            against.setdefault(pair.second, []).append(pair.first)
    return against


def ledger_csv(claims: Sequence[ClaimRecord], pairs: Sequence[ClaimPair], quote: Callable[[ClaimRecord], str],
               cite: Callable[[ClaimRecord], str]) -> str:
    against = _conflicts_of(pairs)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for claim in claims:
        writer.writerow([claim.what, claim.value, claim.normalized, claim.unit, claim.currency or "",
                         claim.qualifier or "", claim.source or "(the author)", claim.document_id, claim.page or "",
                         quote(claim), cite(claim), " ".join(f"#{i}" for i in against.get(claim.id, []))])
    return out.getvalue()


def ledger_markdown(claims: Sequence[ClaimRecord], pairs: Sequence[ClaimPair],
                    quote: Callable[[ClaimRecord], str], cite: Callable[[ClaimRecord], str]) -> str:
    """One section per quantity; each claim a line with its source, quote and citation; conflicts marked."""
    against = _conflicts_of(pairs)
    sections: dict[str, list[ClaimRecord]] = {}
    for claim in claims:
        sections.setdefault(claim.what_key or claim.what, []).append(claim)
    lines = ["# Claims ledger", ""]
    for group in sections.values():
        lines += [f"## {group[0].what or 'figures'}", ""]
        for claim in group:
            mark = " **(conflicts with " + ", ".join(f"#{i}" for i in against[claim.id]) + ")**" \
                if claim.id in against else ""
            lines.append(f"- #{claim.id} **{figure_text(claim)}** — {claim.source or 'the author'}{mark}: "
                         f"“{_md(quote(claim))}” {_md(cite(claim))}")
        lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def write_ledger(path: Path, text: str) -> None:
    """Write an export next to its final name first, so a failed write leaves no half file."""
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(text, encoding="utf-8", newline="")
    temporary.replace(path)
