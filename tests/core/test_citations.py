"""Citation keys, BibTeX robustness (bibtexparser, pybtex and the real bibtex program), quotes and export."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pybtex.database
import pytest

from archivist.core.archive import Archive
from archivist.core.citations.names import csl_name
from archivist.core.errors import InvalidInputError, NotFoundError
from tests.conftest import MANBIJ_SEED
from tests.core.test_citations_helpers import CITATION_DATA, describe_seeds, ids_by_name

NASTY_TITLES = [
    "Müller & Søn: 100% of $5 #1 _under_ {braces} ~tilde^ \\back\\slash \\textbf{x} }{ {{",
    "محمد بن سلمان يلتقي الأمين العام للأمم المتحدة",
    "Путин и ООН: новые санкции",
    "中国外交部发言人表示",
    "The UN's \"report\" — «quotes» ‘x’ … and",
    "} and {",
    "W" * 5000,
]
NASTY_AUTHORS = [[], ["Doe, Jane", "Zoë Ångström-Müller"], ["{Jane} Doe", "Sam and Dave", "Ludwig van Beethoven"],
                 ["محمد علي", "Лев Толстой", "毛泽东"], ["R&D_Team #1 {x}"]]


def assert_valid_bibtex(text: str) -> None:
    depth = 0
    for char in text:
        depth += (char == "{") - (char == "}")
        assert depth >= 0, text
    assert depth == 0, text
    library = bibtexparser.parse_string(text)
    assert library.entries and not library.failed_blocks, text
    assert pybtex.database.parse_string(text, "bibtex").entries


def test_names_split_people_and_keep_organisations_whole() -> None:
    assert csl_name("Jane Doe") == {"family": "Doe", "given": "Jane"}
    assert csl_name("Doe, Jane") == {"family": "Doe", "given": "Jane"}
    assert csl_name("Ludwig van Beethoven") == {"family": "Beethoven", "given": "Ludwig",
                                                "non-dropping-particle": "van"}
    assert csl_name("Press TV") == {"literal": "Press TV"}
    assert csl_name("Reuters") == {"literal": "Reuters"}


def test_keys_are_made_at_import_and_never_change(empty_archive: Archive, tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text("The costs of war\n\nA first article.\n")
    document_id = empty_archive.import_paths([first]).imported[0].id
    empty_archive.update_metadata(document_id, authors=["Hans Müller"], date="2017-03", title="The Costs of War")
    key = empty_archive.citations.renew_key(document_id)
    assert key == "muller2017costs"
    second = tmp_path / "second.txt"
    second.write_text("Costs, again\n\nAnother article by the same author.\n")
    other = empty_archive.import_paths([second]).imported[0].id
    empty_archive.update_metadata(other, authors=["Müller, Hans"], date="2017", title="Costs of peace")
    assert empty_archive.citations.renew_key(other) == "muller2017costsa"
    assert empty_archive.citations.key(document_id) == "muller2017costs"
    # editing metadata does not silently change a key that exists
    empty_archive.update_metadata(document_id, title="Something else")
    assert empty_archive.citations.key(document_id) == "muller2017costs"


def test_set_key_validates_and_pins(seeded_archive: Archive) -> None:
    ids = sorted(seeded_archive.document_ids())
    assert seeded_archive.citations.set_key(ids[0], "Manbij:2016") == "Manbij:2016"
    assert seeded_archive.get(ids[0]).citation_key == "Manbij:2016"
    with pytest.raises(InvalidInputError):
        seeded_archive.citations.set_key(ids[1], "manbij:2016")  # BibTeX would warn on case-only clashes
    with pytest.raises(InvalidInputError):
        seeded_archive.citations.set_key(ids[1], "has space")
    with pytest.raises(NotFoundError):
        seeded_archive.citations.key(9999)


def test_bibtex_is_byte_identical_on_repeat(seeded_archive: Archive) -> None:
    ids = list(describe_seeds(seeded_archive).values())
    assert seeded_archive.citations.bibtex(ids) == seeded_archive.citations.bibtex(ids)
    assert seeded_archive.citations.bibtex(ids, ascii_only=True) == seeded_archive.citations.bibtex(ids, True)


@pytest.mark.slow
def test_bad_metadata_always_gives_valid_output(seeded_archive: Archive) -> None:
    document_id = ids_by_name(seeded_archive)[MANBIJ_SEED.name]
    citations = seeded_archive.citations
    for number, title in enumerate(NASTY_TITLES):
        authors = NASTY_AUTHORS[number % len(NASTY_AUTHORS)]
        site = title[:80] if number % 2 else None
        seeded_archive.update_metadata(document_id, title=title, authors=authors, site=site,
                                       date=None if number % 3 else "2016-07", url="https://x.org/a b{c}\\d%20#f&g")
        for ascii_only in (False, True):
            text = citations.bibtex([document_id], ascii_only=ascii_only)
            assert_valid_bibtex(text)
            assert text.isascii() or not ascii_only
        assert citations.render([document_id], "apa", as_html=True).count("<div") == 1
        for fmt in ("ris", "csl-json", "chicago", "mla", "harvard"):
            assert citations.render([document_id], fmt).strip()


def test_note_goes_into_bibtex_only_when_asked(seeded_archive: Archive) -> None:
    document_id = ids_by_name(seeded_archive)[MANBIJ_SEED.name]
    seeded_archive.annotations.set_document_note(document_id, "Check the casualty figures & sources_1.")
    assert "note =" not in seeded_archive.citations.bibtex([document_id])
    entry = seeded_archive.citations.bibtex([document_id], with_notes=True)
    assert "note = {Check the casualty figures \\& sources\\_1.}" in entry


def test_highlight_cites_as_quotation_with_its_paragraph(seeded_archive: Archive) -> None:
    """The seed article is unpaginated text: APA 7 and Chicago cite its paragraph, not "p. 1" (issue 17)."""
    ids = describe_seeds(seeded_archive)
    highlight = seeded_archive.annotations.add_highlight(ids[MANBIJ_SEED.name], quote="were brutally killed")
    quote = seeded_archive.citations.quote(highlight.id, "chicago")
    assert quote == '"were brutally killed" (Press TV 2016, para. 4)'
    assert seeded_archive.citations.quote(highlight.id, "apa").startswith('"were brutally killed" (')
    assert seeded_archive.citations.quote(highlight.id, "apa").endswith("Airstrikes,” 2016, para. 4)")


def specials_archive(archive: Archive) -> int:
    document_id = archive.import_paths([CITATION_DATA / "specials.html"]).imported[0].id
    archive.update_metadata(document_id, authors=["Zoë Ångström-Müller", "The Ledger Staff"],
                            site="The Ledger & Co_Review", date="2019-03-14")
    return document_id


def test_export_of_seeds_and_specials_page_parses(seeded_archive: Archive, tmp_path: Path) -> None:
    describe_seeds(seeded_archive)
    specials_archive(seeded_archive)
    target = tmp_path / "out" / "refs.bib"
    target.parent.mkdir()
    assert seeded_archive.citations.export(target) == 3
    text = target.read_text(encoding="utf-8")
    assert_valid_bibtex(text)
    assert "{UN} {Security} {Council}" in text and "R\\&D" in text and "\\textbraceleft{}draft" in text
    assert len(bibtexparser.parse_string(text).entries) == 3
    assert [path.name for path in target.parent.iterdir()] == ["refs.bib"]  # no temporary file left behind


@pytest.mark.skipif(shutil.which("bibtex") is None, reason="the bibtex program is not installed")
@pytest.mark.parametrize("ascii_only", [False, True])
def test_real_bibtex_processes_the_export(seeded_archive: Archive, tmp_path: Path, ascii_only: bool) -> None:
    describe_seeds(seeded_archive)
    specials_archive(seeded_archive)
    seeded_archive.citations.export(tmp_path / "refs.bib", ascii_only=ascii_only)
    (tmp_path / "paper.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n")
    run = subprocess.run(["bibtex", "paper"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "error" not in run.stdout.lower()
    bbl = (tmp_path / "paper.bbl").read_text(encoding="utf-8", errors="replace")
    assert bbl.count("\\bibitem") == 3
