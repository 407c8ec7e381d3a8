"""HTML to PDF with WeasyPrint (spider webs now, certificates later)."""

from __future__ import annotations

from django.http import HttpResponse


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    # Imported here: WeasyPrint loads Pango at import time, which only PDF requests need.
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()


def pdf_response(html: str, filename: str, *, base_url: str | None = None) -> HttpResponse:
    """The PDF of `html` as a download named `filename`."""
    response = HttpResponse(html_to_pdf(html, base_url=base_url), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
