"""OCR word recall on held-out material (issue 14), with no language flag: English pages of real PDFs turned into
image-only PDFs, and Arabic news paragraphs drawn as page images; imported through Archivist as a user would.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/ocr_recall.py

English: the first page with 150+ English words of each distinct PDF in the shared corpus (not the two the tests
and the speed benchmark use), rasterised at 200 dpi; the truth is the PDF's own text layer. Arabic: NTREX-128
articles from ``multilingual/ar`` other than the one in tests/data, up to 2,500 characters each, drawn with Noto
Naskh Arabic; the truth is the article text. Recall = share of the truth's words (with repeats) found.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.core.scans import image_only_pdf, pdf_text, render_arabic_png, word_recall

from archivist.core.archive import Archive

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
USED_ELSEWHERE = ("pdflatex-4-pages", "GeoTopo", "Seige_of_Vicksburg")  # tests, speed benchmark, an OCR'd scan
ARABIC_IN_TESTS = "ntrex-cnbc.com.6769.txt"
_STOP = frozenset({"the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "with", "was", "on", "be",
                   "by", "are", "this", "which", "or", "from", "at", "an"})


def english_pages() -> list[tuple[Path, int]]:
    chosen: list[tuple[Path, int]] = []
    seen: set[str] = set()
    for path in sorted((CORPUS / "pdf").rglob("*.pdf")):
        if any(name in path.name for name in USED_ELSEWHERE):
            continue
        try:
            document = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:
            continue
        for index in range(min(len(document), 5)):
            words = re.findall(r"[A-Za-z]+", document[index].get_textpage().get_text_range())
            if len(words) >= 150 and sum(word.lower() in _STOP for word in words) / len(words) > 0.2:
                key = " ".join(words[:40])
                if key not in seen:
                    seen.add(key)
                    chosen.append((path, index))
                break
        document.close()
    return chosen


def arabic_texts(limit: int = 5) -> list[tuple[str, str]]:
    files = [path for path in sorted((CORPUS / "multilingual" / "ar").glob("ntrex-*.txt"))
             if path.name != ARABIC_IN_TESTS]
    texts = []
    for path in files[:limit]:
        text = "\n".join(part.strip() for part in path.read_text().split("\n\n") if part.strip())[:2500]
        texts.append((path.name, text[: text.rfind(" ")]))
    return texts


def measure(archive: Archive, files: list[Path], truths: list[str]) -> list[float]:
    result = archive.import_paths(files)
    by_path = {Path(item.path): item.id for item in result.imported}
    return [word_recall(truth, archive.content(by_path[path]).text) for path, truth in zip(files, truths, strict=True)]


def report(label: str, names: list[str], truths: list[str], recalls: list[float]) -> None:
    for name, recall in zip(names, recalls, strict=True):
        print(f"  {recall:.3f}  {name}")
    words = [len(re.findall(r"\w+", truth)) for truth in truths]
    pooled = sum(r * w for r, w in zip(recalls, words, strict=True)) / sum(words)
    print(f"{label}: word recall {pooled:.3f} over {sum(words)} words in {len(names)} pages "
          f"(mean per page {sum(recalls) / len(recalls):.3f}, lowest {min(recalls):.3f})")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ocr-recall-") as tmp:
        folder = Path(tmp)
        pages = english_pages()
        scans = [image_only_pdf(path, [index], folder / f"en-{number}.pdf") for number, (path, index)
                 in enumerate(pages)]
        english_truths = [pdf_text(path, [index]) for path, index in pages]
        arabic = arabic_texts()
        images = [render_arabic_png(text, folder / f"ar-{number}.png") for number, (_name, text) in enumerate(arabic)]
        with Archive.open(folder / "archive") as archive:
            english = measure(archive, scans, english_truths)
            report("English (no flag)", [f"{path.name} p.{index + 1}" for path, index in pages], english_truths,
                   english)
            arabic_recall = measure(archive, images, [text for _name, text in arabic])
            report("Arabic (no flag)", [name for name, _text in arabic], [text for _name, text in arabic],
                   arabic_recall)


if __name__ == "__main__":
    main()
