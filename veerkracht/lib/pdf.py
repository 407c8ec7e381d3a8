"""HTML to PDF with WeasyPrint (spider webs now, certificates later)."""

from __future__ import annotations


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    # Imported here: WeasyPrint loads Pango at import time, which only PDF requests need.
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()
