"""Question → paragraph known-item sets for ``multilingual_relevance.py``: the picking, the worksheet and the checks.

The questions themselves are written by hand, one per picked paragraph, in the paragraph's language, the way a
reader who has not seen the wording would ask (TyDi QA / XQuAD style): a question word, the words inflected as the
question needs them. They live in ``benchmarks/data/questions/<lang>.json`` as
``[{"file": "ru/ntrex-….txt", "paragraph": <index in paragraphs_of>, "starts": "<first 40 chars>", "question": "…"}]``.

    .venv/bin/python benchmarks/question_sets.py pick [--languages ar ru …] [--out DIR]   # worksheet + skeletons
    .venv/bin/python benchmarks/question_sets.py check                                    # every entry still valid

``pick`` is seeded and deterministic; it never overwrites a question file that exists. ``check`` looks only at the
questions and their paragraphs (never at a search engine): the paragraph index still starts with ``starts``, the
question is filled in, and it does not copy a run of three or more of the paragraph's words.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# The corpus and its paragraph cutting live here, not in multilingual_relevance.py, so that picking and checking
# the sets never imports the search engine (the sets are written and checked blind).
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "multilingual"
LANGUAGES = ("ar", "fa", "ru", "fr", "zh", "tr", "uk", "es")
MIN_PARAGRAPH = 80  # characters; shorter lines are headings and list numbers
_TAGS = re.compile(r"<[^>]+>")
QUESTIONS = Path(__file__).resolve().parent / "data" / "questions"
PER_LANGUAGE = 45
SEED = 15
MIN_LENGTH = 120  # characters: shorter paragraphs rarely hold an answer worth asking for
# A Han character carries about as much as a short word, and the Chinese news paragraphs are short; at 120 the
# Chinese set would come from the laws alone, so there the floor is paragraphs_of's own (80 characters).
MIN_LENGTH_BY_LANGUAGE = {"zh": 80}
MAX_LENGTH = 900  # characters: one answer per paragraph, and a worksheet a person can read
STARTS = 40
_WORD = re.compile(r"[^\W_]+")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_MARKUP = re.compile(r"[|]|\+[-=]{3}|\{#|^\s*[#*>]|\]\(")


def paragraphs_of(path: Path) -> list[str]:
    """A file's paragraphs (blank-line separated, whitespace collapsed, HTML tags dropped), the short ones left out."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = _TAGS.sub("\n", text)
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if len(part.strip()) >= MIN_PARAGRAPH]


@dataclass(frozen=True, slots=True)
class Pick:
    file: str  # relative to the corpus, e.g. "ru/ntrex-bbc.123.txt"
    paragraph: int  # index in paragraphs_of(file)
    text: str

    def entry(self, question: str = "") -> dict[str, object]:
        return {"file": self.file, "paragraph": self.paragraph, "starts": self.text[:STARTS], "question": question}


def has_content(text: str, language: str) -> bool:
    """Running prose: long enough, mostly letters, no table rows, headings or link syntax."""
    letters = sum(char.isalpha() for char in text)
    long_enough = MIN_LENGTH_BY_LANGUAGE.get(language, MIN_LENGTH) <= len(text) <= MAX_LENGTH
    return long_enough and letters >= 0.6 * len(text) and not _MARKUP.search(text)


def candidates(language: str) -> dict[str, list[tuple[int, str]]]:
    """Per file, the (index, text) of its paragraphs fit to ask about; a text seen twice in the language is left
    out, since a known-item query cannot tell two copies apart."""
    per_file: dict[str, list[tuple[int, str]]] = {}
    seen: dict[str, int] = {}
    for path in sorted((CORPUS / language).iterdir()):
        if path.suffix not in (".txt", ".md", ".html"):
            continue
        paragraphs = paragraphs_of(path)
        for text in paragraphs:
            seen[text] = seen.get(text, 0) + 1
        per_file[f"{language}/{path.name}"] = list(enumerate(paragraphs))
    return {name: [(i, text) for i, text in items if seen[text] == 1 and has_content(text, language)]
            for name, items in per_file.items()}


def pick(language: str, count: int = PER_LANGUAGE, seed: int = SEED) -> list[Pick]:
    """Round-robin over the files in a seeded order, one seeded paragraph per file per round, so the set spreads
    over the news stories, the declarations and the longer documents alike."""
    rng = random.Random(f"{seed}:{language}")
    pools = {name: rng.sample(items, len(items)) for name, items in candidates(language).items() if items}
    order = rng.sample(sorted(pools), len(pools))
    picks: list[Pick] = []
    while len(picks) < count and any(pools.values()):
        for name in order:
            # A story's headline is the query of the headline set, not a document: passed over here rather than
            # left out of the candidates, so that the seeded draws (and the questions written for them) stay put.
            while pools[name] and is_headline(name, pools[name][-1][1]):
                pools[name].pop()
            if pools[name] and len(picks) < count:
                index, text = pools[name].pop()
                picks.append(Pick(name, index, text))
    return picks


def is_headline(name: str, text: str) -> bool:
    """Whether the text is the first line of an NTREX story (its headline, which the benchmark takes out)."""
    if not Path(name).name.startswith("ntrex-"):
        return False
    first = (CORPUS / name).read_text(encoding="utf-8").split("\n", 1)[0]
    return " ".join(first.split()) == text


def load(language: str) -> list[dict[str, object]]:
    path = QUESTIONS / f"{language}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def paragraph_text(entry: dict[str, object]) -> str | None:
    """The text the entry points at, or None when its file or index no longer exists."""
    path = CORPUS / str(entry["file"])
    index = int(entry["paragraph"])  # type: ignore[arg-type]
    if not path.exists():
        return None
    paragraphs = paragraphs_of(path)
    return paragraphs[index] if 0 <= index < len(paragraphs) else None


def copied_run(question: str, paragraph: str, length: int = 3) -> str | None:
    """The first run of ``length`` words the question shares with the paragraph, if any (case-folded). Chinese has
    no spaces, so there a run of ``2 * length`` Han characters stands for ``length`` words."""
    for run in _HAN.findall(question):
        for start in range(len(run) - 2 * length + 1):
            if run[start : start + 2 * length] in paragraph:
                return run[start : start + 2 * length]
    words = [word.casefold() for word in _WORD.findall(_HAN.sub(" ", question))]
    text = " " + " ".join(word.casefold() for word in _WORD.findall(paragraph)) + " "
    for start in range(len(words) - length + 1):
        run = " ".join(words[start : start + length])
        if f" {run} " in text:
            return run
    return None


def problems(entry: dict[str, object]) -> list[str]:
    text = paragraph_text(entry)
    where = f"{entry['file']}#{entry['paragraph']}"
    if text is None:
        return [f"{where}: no such paragraph"]
    found = []
    if not text.startswith(str(entry["starts"])):
        found.append(f"{where}: paragraph starts {text[:STARTS]!r}, not {entry['starts']!r}")
    if is_headline(str(entry["file"]), text):
        found.append(f"{where}: is the story's headline, which the benchmark does not index")
    question = str(entry.get("question", "")).strip()
    if not question:
        found.append(f"{where}: no question")
    elif (run := copied_run(question, text)) is not None:
        found.append(f"{where}: question copies {run!r} from the paragraph")
    return found


def write_worksheet(language: str, picks: list[Pick], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    sheet = folder / f"{language}.txt"
    sheet.write_text("".join(f"[{number}] {p.file} #{p.paragraph}\n{p.text}\n\n" for number, p in enumerate(picks)),
                     encoding="utf-8")
    return sheet


def command_pick(languages: list[str], out: Path) -> None:
    for language in languages:
        picks = pick(language)
        sheet = write_worksheet(language, picks, out)
        target = QUESTIONS / f"{language}.json"
        if not target.exists():
            QUESTIONS.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps([p.entry() for p in picks], ensure_ascii=False, indent=1) + "\n",
                              encoding="utf-8")
        files = len({p.file for p in picks})
        print(f"{language}: {len(picks)} paragraphs from {files} files → {sheet}")


def command_check(languages: list[str]) -> int:
    bad = 0
    for language in languages:
        entries = load(language)
        found = [problem for entry in entries for problem in problems(entry)]
        bad += len(found)
        print(f"{language}: {len(entries)} questions, {len(found)} problems")
        for problem in found:
            print(f"  {problem}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("pick", "check"))
    parser.add_argument("--languages", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--out", type=Path, default=Path("/tmp/archivist-question-worksheets"))
    args = parser.parse_args(argv)
    if args.command == "pick":
        command_pick(args.languages, args.out)
        return 0
    return command_check(args.languages)


if __name__ == "__main__":
    sys.exit(main())
