"""Display names ("Jane Doe", "Doe, Jane", "Reuters") as CSL name objects."""

from __future__ import annotations

import re
from typing import Any

# Lowercase particles that belong to the family name ("Ludwig van Beethoven", "Charles de Gaulle").
PARTICLES = frozenset({"van", "von", "de", "da", "del", "della", "di", "du", "la", "le", "der", "den", "ter", "ten",
                       "bin", "ibn", "al", "el", "dos", "das"})
# Words that mark an organisation or a byline that is not a person ("BBC News", "Reuters Staff").
ORGANISATION_WORDS = frozenset({
    "news", "press", "agency", "inc", "inc.", "ltd", "ltd.", "llc", "university", "ministry", "council",
    "foundation", "organization", "organisation", "association", "institute", "committee", "staff", "team",
    "editors", "editorial", "contributors", "times", "post", "journal", "magazine", "network", "group",
    "department", "office", "government", "nations", "bureau", "service", "society", "reporters", "desk",
    "online", "tv", "radio", "company", "corporation", "board", "centre", "center", "library", "project",
})
MAX_PERSON_WORDS = 5

CslName = dict[str, Any]


def csl_name(display: str) -> CslName:
    """A CSL name for a display name: ``{"family", "given"}`` for a person, ``{"literal"}`` otherwise."""
    name = " ".join(display.split())
    if "," in name:
        family, _, given = name.partition(",")
        if family.strip() and given.strip() and not _is_organisation(name):
            return _person(given.strip(), family.strip())
        return {"literal": name}
    words = name.split(" ")
    if len(words) < 2 or len(words) > MAX_PERSON_WORDS or _is_organisation(name):
        return {"literal": name}
    # the family name starts at the first lowercase particle after the given names, else it is the last word
    start = next((i for i in range(1, len(words) - 1) if words[i] in PARTICLES), len(words) - 1)
    return _person(" ".join(words[:start]), " ".join(words[start:]))


def _person(given: str, family: str) -> CslName:
    words = family.split(" ")
    particles = [word for word in words[:-1] if word in PARTICLES]
    if particles and len(particles) == len(words) - 1:
        return {"family": words[-1], "given": given, "non-dropping-particle": " ".join(particles)}
    return {"family": family, "given": given}


def _is_organisation(name: str) -> bool:
    """A byline that names no person: organisation words, digits, or an acronym ("BBC News", "AFP")."""
    words = re.split(r"[\s,]+", name)
    if any(char.isdigit() for char in name):
        return True
    if any(word.lower() in ORGANISATION_WORDS for word in words):
        return True
    return any(len(word) >= 2 and word.isupper() and word.isalpha() for word in words)


def family_or_literal(name: CslName) -> str:
    """The part of a name that a citation key or a sort starts from."""
    return str(name.get("family") or name.get("literal") or "")


def display_name(name: CslName) -> str:
    """A name as people write it ("Jane Doe"), for RIS-less uses such as previews."""
    if "literal" in name:
        return str(name["literal"])
    family = " ".join(part for part in (name.get("non-dropping-particle"), name.get("family")) if part)
    return " ".join(part for part in (name.get("given"), family) if part)
