"""Issue 17: a saved page's headline, authors, published date and keywords, on Readability's test pages.

Each page folder holds the saved ``source.html`` and Readability's ``expected-metadata.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.core.extract import extract_file, fields, web_metadata
from archivist.core.extract.html import parse_html

PAGES = Path(__file__).resolve().parents[1] / "data" / "metadata" / "web"


def expected(name: str) -> dict[str, str]:
    return json.loads((PAGES / name / "expected-metadata.json").read_text("utf-8"))


def test_json_ld_headline_over_the_social_media_title() -> None:
    """article-author-tag: og:title is an advert ("Take your next trip with Atlas Obscura!"); the JSON-LD,
    wrapped in <![CDATA[ … ]]>, names the article."""
    metadata = extract_file(PAGES / "article-author-tag" / "source.html").metadata
    assert metadata.title == expected("article-author-tag")["title"]
    assert metadata.authors == ["Laura June Topolsky"]  # not "Laura June Topolsky July"
    assert metadata.issued == "2015-07-10"
    assert metadata.site == "Atlas Obscura"


def test_published_date_not_the_updated_one_and_no_junk_author() -> None:
    """spiceworks: the byline area says "Last Updated: January 7, 2025"; the article was published 2020-07-10."""
    metadata = extract_file(PAGES / "spiceworks" / "source.html").metadata
    assert metadata.issued == "2020-07-10"
    assert not any("updated" in name.lower() for name in metadata.authors)
    assert metadata.title == expected("spiceworks")["title"]  # " - Spiceworks" cut off


def test_label_is_not_an_author_and_cjk_keywords_split() -> None:
    """gmw: trafilatura's byline is the label 作者 ("author"); the <meta name=author> names the writer."""
    metadata = extract_file(PAGES / "gmw" / "source.html").metadata
    assert metadata.authors == [expected("gmw")["byline"]] == ["肖春芳"]
    assert "作者" not in metadata.authors
    assert metadata.keywords[:3] == ["宇航员", "太空", "国际空间站"]
    assert metadata.title == "宇航员在太空中喝酒会怎么样？后果很严重"  # "_探索者 _光明网" cut off


def test_space_separated_meta_properties_prefer_dublin_core() -> None:
    metadata = extract_file(PAGES / "004-metadata-space-separated-properties" / "source.html").metadata
    assert metadata.title == "Preferred title"
    assert metadata.authors == ["Creator Name"]  # dc:creator before <meta name=author content=FAIL>


def test_credentials_after_a_name_and_comma_keywords() -> None:
    metadata = extract_file(PAGES / "webmd-1" / "source.html").metadata
    assert metadata.authors == ["Brenda Goodman"]  # not "Goodman, B., & MA"
    assert metadata.keywords[:3] == ["peanuts", "peanut allergy", "eczema"]


def test_several_dublin_core_creators_are_several_authors() -> None:
    metadata = extract_file(PAGES / "ietf-1" / "source.html").metadata
    assert metadata.authors == ["F. Kooman", "Michiel de Jong"]
    assert "Rfcmarkup Version" not in " ".join(metadata.authors)


@pytest.mark.parametrize(
    ("names", "cleaned"),
    [
        (["Authority control"], []),
        (["作者"], []),
        (["Last Updated January 7"], []),
        (["By Ben Silverman, Games Editor"], ["Ben Silverman"]),
        (["Bradley M. Kuhn (http://ebb.org/bkuhn/)"], ["Bradley M. Kuhn"]),
        (["Aleš Vávra", "aleš vávra"], ["Aleš Vávra"]),
        (["https://www.liberation.fr/auteur/5631-alexandre-hervaud"], []),
        (["Joshua Sokol May 4, 2015"], ["Joshua Sokol"]),
        (["Rob Ewaschuk Edited by Betsy Beyer"], ["Rob Ewaschuk"]),
        (["Theresa May", "Brian May"], ["Theresa May", "Brian May"]),
        (["Laura June Topolsky July"], ["Laura June Topolsky"]),
    ],
)
def test_author_junk_rejected(names: list[str], cleaned: list[str]) -> None:
    assert web_metadata.clean_web_authors(names) == cleaned


@pytest.mark.parametrize(
    ("title", "sites", "headline"),
    [
        ("Getting LEAN with Digital Ad UX | IAB", ["IAB"], "Getting LEAN with Digital Ad UX"),
        ("Attack stokes instability fears in North Africa - The Washington Post", ["Washington Post",
         "The Washington Post"], "Attack stokes instability fears in North Africa"),
        ("DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网", ["腾讯网"],
         "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶"),
        ("Why Fortune 500 firms fail | Fortune.com", ["fortune.com"], "Why Fortune 500 firms fail"),
        ("Mars - Venus: a comparison", ["Example"], "Mars - Venus: a comparison"),  # not the site's: kept
    ],
)
def test_site_suffix_cut_only_when_it_is_the_sites(title: str, sites: list[str], headline: str) -> None:
    assert web_metadata.without_site_suffix(title, sites) == headline


def test_broken_json_ld_is_ignored() -> None:
    tree = parse_html('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": '
                      '</script><meta name="author" content="Jane Doe"></head><body><p>x</p></body></html>')
    claims = web_metadata.page_claims(tree)
    assert claims.headline is None and claims.meta_authors == ["Jane Doe"]


def test_keyword_lists_split() -> None:
    assert fields.split_keywords(["a, b", "c; a"]) == ["a", "b", "c"]
    assert fields.split_keywords("東京、大阪，京都") == ["東京", "大阪", "京都"]
