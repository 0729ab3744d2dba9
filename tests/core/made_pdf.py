"""One-page PDFs written byte by byte for tests that need text at exact places (PDFium reads them as any PDF)."""

from __future__ import annotations

from pathlib import Path

Run = tuple[float, float, float, str]  # x, y, font size, text (no parentheses or backslashes)


def pdf_with_text(path: Path, runs: list[Run], info: str | None = None) -> Path:
    """A one-page PDF showing each run in Helvetica; ``info`` is the source of its information dictionary."""
    content = "".join(f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET\n" for x, y, size, text in runs)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info or "<< >>",
    ]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>"
    tail = f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n{xref}trailer\n{trailer}\nstartxref\n{len(data)}\n%%EOF\n"
    path.write_bytes(data + tail.encode("latin-1"))
    return path


def slow_pdf(path: Path, runs: int = 300_000) -> Path:
    """A page of ``runs`` separately placed words (13 MB): seconds of work for PDFium, longer for pypdf."""
    return pdf_with_text(path, [(72 + (n % 50) * 10, 700 - (n // 50) % 60 * 11, 10, "word") for n in range(runs)])
