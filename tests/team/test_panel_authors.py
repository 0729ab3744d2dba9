"""The highlights panel shows who made each highlight and filters by author (issue 19)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from archivist.core.archive import Archive
from archivist.core.team.user import set_user_name
from archivist.gui.highlights.panel import HighlightsPanel


def highlight_as(root: Path, user: str, quote: str) -> None:
    set_user_name(root, user)
    with Archive.open(root) as archive:
        archive.annotations.add_highlight(1, quote)


def test_the_panel_shows_authors_and_filters_by_one(qtbot: QtBot, seeded_root: Path) -> None:
    highlight_as(seeded_root, "Alice", "Manbij")
    highlight_as(seeded_root, "Bob", "civilians")
    with Archive.open(seeded_root) as archive:
        records = archive.annotations.highlights(1)
    panel = HighlightsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_highlights(records)

    def shown() -> list[str]:
        section = panel.tree.topLevelItem(0)
        return [section.child(i).text(0) for i in range(section.childCount())]

    assert panel.author_filter.isVisible()
    assert [panel.author_filter.itemText(i) for i in range(panel.author_filter.count())] == ["Everyone", "Alice", "Bob"]
    assert len(shown()) == 2 and any("Alice" in text for text in shown()) and any("Bob" in text for text in shown())
    panel.author_filter.setCurrentIndex(panel.author_filter.findData("Bob"))
    assert len(shown()) == 1 and "civilians" in shown()[0] and "Bob" in shown()[0]

    panel.set_highlights([record for record in records if record.author == "Alice"])
    assert not panel.author_filter.isVisible()  # one author: nothing to choose between
