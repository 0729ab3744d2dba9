"""Hostile HTML comes out of sanitize_html unable to run code, load anything, or point at local files."""

from __future__ import annotations

import re

import pytest

from archivist.core.sanitize import sanitize_html

HOSTILE = """
<html><head><base href="http://evil.example/"><link rel="stylesheet" href="http://evil.example/s.css">
<meta http-equiv="refresh" content="0;url=http://evil.example/"><style>body{background:url(http://e.x/b.png)}</style>
<script>alert(1)</script></head>
<body onload="steal()"><h1 style="background:url('http://e.x/t.gif')">Title</h1>
<p onclick="x()" onmouseover="y()">Text <b>bold</b> <a href="https://example.org/a">a link</a></p>
<img src="http://tracker.example/pixel.gif" srcset="http://e.x/a.png 2x"><img src="//e.x/p.gif">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"><img src="data:text/html;base64,PHNjcmlwdD4=">
<a href="javascript:alert(1)">js</a><a href=" JaVa&#x09;ScRiPt:alert(1)">js2</a><a href="file:///etc/passwd">f</a>
<a href="../../../etc/passwd">rel</a><a href="#notes">anchor</a><a href="mailto:a@b.c">mail</a>
<iframe src="http://evil.example/"></iframe><object data="http://e.x/o.swf"></object><embed src="x.swf">
<svg><script>alert(2)</script><image href="http://e.x/s.png"/></svg><form action="http://e.x"><input></form>
<video poster="http://e.x/p.jpg" src="http://e.x/v.mp4"></video><table background="http://e.x/t.png"><tr><td>cell</td></tr></table>
<!-- <script>alert(3)</script> --></body></html>
"""


@pytest.fixture(scope="module")
def clean() -> str:
    return sanitize_html(HOSTILE)


def test_text_and_structure_survive(clean: str) -> None:
    for kept in ("<h1>Title</h1>", "<b>bold</b>", "a link", "<td>cell</td>", 'alt="inline"'):
        assert kept in clean


@pytest.mark.parametrize("forbidden", ["<script", "alert(", "onload", "onclick", "onmouseover", "style", "<link",
                                       "<iframe", "<object", "<embed", "<svg", "<form", "<base", "<meta", "<video",
                                       "url(", "srcset", "background", "poster", "javascript", "file:", "<!--"])
def test_nothing_that_runs_or_loads_remains(clean: str, forbidden: str) -> None:
    assert forbidden not in clean.lower()


def test_only_inline_images_and_plain_links_keep_their_url(clean: str) -> None:
    sources = re.findall(r'src="([^"]*)"', clean)
    assert sources == ["data:image/png;base64,iVBORw0KGgo="]
    links = re.findall(r'href="([^"]*)"', clean)
    assert links == ["https://example.org/a", "#notes", "mailto:a@b.c"]
    assert "evil.example" not in clean and "tracker" not in clean and "e.x" not in clean


def test_links_do_not_leak_the_referrer() -> None:
    assert 'rel="noopener noreferrer nofollow"' in sanitize_html('<a href="https://example.org">x</a>')
