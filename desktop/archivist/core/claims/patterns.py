"""Building fast regular expressions from word lists (claims are found in every imported text).

Python's ``re`` tries each word of a plain alternation at every position of the text; a pattern that branches
on one letter at a time rejects most positions at the first letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie(words: Iterable[str], spaces: str | None = None) -> str:
    """One pattern for many words, branching on each letter; it matches exactly what ``a|b|c…`` (longest first)
    matches when no word is followed by a word character in the text (use it between ``\\b`` or ``(?!\\w)``).
    ``spaces``: the pattern a space in a phrase stands for (``\\s+``: "per\\ncent")."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [(spaces if char == " " and spaces else re.escape(char)) + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
        return body + ("?" if "" in node else "")

    return build(tree)
