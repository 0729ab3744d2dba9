"""The claims of an archive: read them, group them into quantities, pair conflicts, rebuild them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import Claim, Document, DocumentText
from archivist.core.claims.conflicts import find_pairs
from archivist.core.claims.export import ledger_csv, ledger_markdown, write_ledger
from archivist.core.claims.ledger import ledger_rows
from archivist.core.claims.records import ClaimPair, ClaimRecord, LedgerRow
from archivist.core.claims.storage import found_in_stored_texts, replace_claims
from archivist.core.claims.what import query_key
from archivist.core.errors import InvalidInputError, NotFoundError
from archivist.core.jobs import CancelToken, Progress, ProgressCallback, no_progress

if TYPE_CHECKING:
    from archivist.core.archive import Archive

CHUNK = 500


class Claims:
    """The figures the archive's documents state, by document and by quantity (``Archive.claims``)."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    # -- reading -------------------------------------------------------------------------------------------
    def for_documents(self, document_ids: Sequence[int] | None = None) -> list[ClaimRecord]:
        """The claims of these documents (all documents when None), in document and text order."""
        query = select(Claim).order_by(Claim.document_id, Claim.start)
        with self.archive.sessions() as session:
            if document_ids is not None:
                self._check_documents(session, document_ids)
                query = query.where(Claim.document_id.in_(list(document_ids)))
            return [ClaimRecord.of(row) for row in session.scalars(query)]

    def about(self, what: str, collection_id: int | None = None) -> list[ClaimRecord]:
        """Every claim about one quantity ("civilians killed"): its key, or its phrase containing ``what``."""
        key = query_key(what)
        condition = or_(Claim.what_key == key, Claim.what.contains(what.strip(), autoescape=True))
        return self._where(condition, collection_id)

    def quantity(self, key: str, unit: str | None = None, collection_id: int | None = None,
                 limit: int | None = None) -> list[ClaimRecord]:
        """The claims of one ledger row (the first ``limit`` in document order: "shares" in a news archive has
        tens of thousands)."""
        condition = Claim.what_key == key if unit is None else (Claim.what_key == key) & (Claim.unit == unit)
        return self._where(condition, collection_id, limit)

    def ledger(self, collection_id: int | None = None, min_sources: int = 2, text: str | None = None,
               order: str = "sources", limit: int | None = None, offset: int = 0) -> list[LedgerRow]:
        """Quantities given by at least ``min_sources`` sources, most sources first."""
        with self.archive.sessions() as session:
            return ledger_rows(session, collection_id, min_sources, text, order, limit, offset)

    @staticmethod
    def pairs(claims: Sequence[ClaimRecord]) -> list[ClaimPair]:
        """Conflicts and revisions among these claims."""
        return find_pairs(claims)

    def aligned(self, first: int, second: int) -> list[tuple[str, list[ClaimRecord], list[ClaimRecord]]]:
        """Two documents' claims about the quantities both state: (what, first's claims, second's claims)."""
        claims = self.for_documents([first, second])
        by_key: dict[str, tuple[list[ClaimRecord], list[ClaimRecord]]] = {}
        for claim in claims:
            if claim.what_key:
                sides = by_key.setdefault(claim.what_key, ([], []))
                sides[0 if claim.document_id == first else 1].append(claim)
        return [(a[0].what, a, b) for a, b in by_key.values() if a and b]

    def quotes(self, claims: Sequence[ClaimRecord]) -> dict[int, str]:
        """The sentence of each claim (by claim id), the texts read in one query."""
        ids = list({claim.document_id for claim in claims})
        query = select(DocumentText.document_id, DocumentText.text).where(DocumentText.document_id.in_(ids))
        with self.archive.sessions() as session:
            texts = {document_id: text for document_id, text in session.execute(query)}
        return {claim.id: " ".join(texts.get(claim.document_id, "")[claim.sentence_start:claim.sentence_end].split())
                for claim in claims}

    def quote(self, claim: ClaimRecord) -> str:
        """The sentence that states the claim, as in the document."""
        text = self.archive.content(claim.document_id).text
        return " ".join(text[claim.sentence_start:claim.sentence_end].split())

    def citation(self, claim: ClaimRecord, style: str = "apa", as_html: bool = False) -> str:
        """The claim as a quotation with its page: ``"…at least 624 civilians…" (Press TV, 2017, p. 1)``."""
        return f"\"{self.quote(claim)}\" {self._cite(claim, style, as_html)}"

    def _cite(self, claim: ClaimRecord, style: str, as_html: bool = False) -> str:
        """The in-text citation with the claim's locator: its page, or its paragraph or chapter where the
        document has no pages (Citations.locator_at)."""
        locator = self.archive.citations.locator_at(claim.document_id, claim.start, claim.page)
        if locator is None:
            return self.archive.citations.citation([claim.document_id], style, as_html)
        return self.archive.citations.citation([claim.document_id], style, as_html, page=locator.value,
                                               label=locator.label)

    def export(self, path: Path, claims: Sequence[ClaimRecord], style: str = "apa") -> int:
        """Write claims with their quotes and citations to ``path`` (.csv or .md); returns how many."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".md", ".markdown"):
            raise InvalidInputError(f"{path.name}: export the ledger as .csv or .md")
        texts: dict[int, str] = {}

        def quote(claim: ClaimRecord) -> str:
            if claim.document_id not in texts:
                texts[claim.document_id] = self.archive.content(claim.document_id).text
            return " ".join(texts[claim.document_id][claim.sentence_start:claim.sentence_end].split())

        def cite(claim: ClaimRecord) -> str:
            return self._cite(claim, style)

        render = ledger_csv if suffix == ".csv" else ledger_markdown
        try:
            write_ledger(path, render(claims, self.pairs(claims), quote, cite))
        except OSError as error:
            raise InvalidInputError(f"{path}: cannot write the file: {error.strerror or error}") from error
        return len(claims)

    def get(self, claim_id: int) -> ClaimRecord:
        with self.archive.sessions() as session:
            row = session.get(Claim, claim_id)
            if row is None:
                raise NotFoundError(f"no claim with id {claim_id}")
            return ClaimRecord.of(row)

    # -- rebuilding ----------------------------------------------------------------------------------------
    def rebuild(self, document_ids: Sequence[int] | None = None, progress: ProgressCallback = no_progress,
                cancel: CancelToken | None = None) -> int:
        """Find the claims of these documents (all when None) again from their stored texts; how many now."""
        token = cancel or CancelToken()
        with self.archive.sessions() as session:
            if document_ids is not None:
                self._check_documents(session, document_ids)
            ids = list(document_ids) if document_ids is not None else list(session.scalars(select(Document.id)))
        total = 0
        for start in range(0, len(ids), CHUNK):
            token.raise_if_cancelled()
            total += self._rebuild_chunk(ids[start:start + CHUNK])
            progress(Progress(min(start + CHUNK, len(ids)), len(ids), "finding claims"))
        return total

    def _rebuild_chunk(self, ids: list[int]) -> int:
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            found = found_in_stored_texts(session, ids)
            return sum(replace_claims(session, document_id, claims) for document_id, claims in found.items())

    # -- helpers -------------------------------------------------------------------------------------------
    def _where(self, condition: object, collection_id: int | None, limit: int | None = None) -> list[ClaimRecord]:
        query = select(Claim).where(condition).order_by(Claim.document_id, Claim.start).limit(limit)  # type: ignore[arg-type]
        if collection_id is not None:
            query = query.where(Claim.document_id.in_(self.archive.collection_document_ids(collection_id)))
        with self.archive.sessions() as session:
            return [ClaimRecord.of(row) for row in session.scalars(query)]

    @staticmethod
    def _check_documents(session: Session, document_ids: Sequence[int]) -> None:
        found = set(session.scalars(select(Document.id).where(Document.id.in_(list(document_ids)))))
        missing = [str(i) for i in document_ids if i not in found]
        if missing:
            raise NotFoundError(f"no document with id {', '.join(missing)}")
