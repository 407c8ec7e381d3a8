from __future__ import annotations

from html.parser import HTMLParser

import pytest

from veerkracht.learning.presenters.elearning import render_markdown


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.found.append((tag, dict(attrs)))


def _elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize(
    "text",
    [
        "Hoi <script>alert(1)</script>",
        "[klik](javascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        '<a href="https://x.org" onclick="alert(1)">x</a>',
        '<img src="https://x.org/a.png" onerror="alert(1)">',
        "<iframe src='https://evil.example'></iframe>",
        "<style>body{display:none}</style>",
        "![a](data:image/svg+xml;base64,PHN2Zz4=)",
        "![a](http://tracker.example/p.png)",
        "[a](vbscript:msgbox)",
    ],
)
def test_dangerous_markup_is_removed(text):
    for tag, attrs in _elements(render_markdown(text)):
        assert tag not in {"script", "style", "iframe", "object", "embed"}
        assert not any(name.startswith("on") for name in attrs)
        for name in ("href", "src"):
            value = (attrs.get(name) or "").lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:", "http://tracker"))


def test_ordinary_markdown_stays():
    html = render_markdown(
        "# Kop\n\n**vet** *schuin* [link](https://example.org)\n\n- een\n\n![foto](/media/a.jpg) ![b](https://x.org/b.png)"
    )
    assert "<h2>Kop</h2>" in html and "<h1" not in html
    assert "<strong>vet</strong>" in html and "<em>schuin</em>" in html
    assert 'href="https://example.org"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert 'src="/media/a.jpg"' in html and 'src="https://x.org/b.png"' in html


def test_an_image_outside_media_by_relative_path_is_dropped():
    assert "src=" not in render_markdown("![a](/accounts/logout/)")
    assert "src=" not in render_markdown("![a](/media/../accounts/logout/)")
