"""Claims scored against Reuters stories labelled by hand (tests/data/claims; benchmarks/claims_accuracy.py).

Every set was labelled before the extractor was run on it. heldout-, fresh- and unseen-claims.json were then
used to improve it (development sets); final-claims.json was scored once, after the last change, and is the
held-out figure; heldout2-, heldout3- and heldout4-claims.json (stories in which sources disagree) were each
scored once as they came and failed the floors on sources and pairs, then became development sets (their one
scores are in benchmarks/claims_accuracy.py). The floors are what issue 18 asks of held-out news: recall and
precision of figures 0.80, sources right for 0.70 of attributed figures, half the labelled conflicting pairs
flagged.
"""

from __future__ import annotations

import pytest
from benchmarks.claims_accuracy import score


@pytest.mark.parametrize("labels", ["heldout-claims.json", "fresh-claims.json", "unseen-claims.json",
                                    "final-claims.json", "heldout2-claims.json", "heldout3-claims.json",
                                    "heldout4-claims.json"])
def test_news_sets_meet_the_issues_floors(labels: str) -> None:
    result = score(labels)
    assert result.hits / result.labelled >= 0.80
    assert result.correct / result.found >= 0.80
    assert result.sources_right / result.attributed >= 0.70
    assert result.conflicts_flagged * 2 >= result.conflicts


def test_labelled_conflicts_flagged_across_the_news_sets() -> None:
    """7 labelled conflicting pairs over the three sets that have them (the death toll of the 1987 Ecuador
    earthquake across stories, Indonesia's sugar output by the U.S. Embassy and the government)."""
    results = [score(labels) for labels in ("heldout-claims.json", "fresh-claims.json", "unseen-claims.json")]
    assert sum(r.conflicts_flagged for r in results) * 2 >= sum(r.conflicts for r in results)


def test_sample_articles_all_found() -> None:
    result = score("seeds-claims.json")
    assert (result.hits, result.correct, result.sources_right, result.conflicts_flagged) == (17, 17, 9, 3)
