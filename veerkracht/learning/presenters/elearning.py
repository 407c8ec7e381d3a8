"""A lesson's Markdown as safe HTML: rendered by markdown-it-py (raw HTML off) and then cleaned by nh3
with a short list of tags, so nothing an author writes can run a script, load a frame or restyle the
page. Images may come from this site's own media or over https only; links are http(s) or mail."""

from __future__ import annotations

import nh3
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")

TAGS = frozenset(
    {"p", "br", "hr", "h2", "h3", "h4", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li"}
    | {"a", "img", "table", "thead", "tbody", "tr", "th", "td"}
)
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"https", "http", "mailto"})


def _image_source_allowed(value: str) -> bool:
    media = settings.MEDIA_URL or "/media/"
    return value.startswith("https://") or (value.startswith(media) and ".." not in value)


def _filter(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src" and not _image_source_allowed(value):
        return None
    return value


def _shift_headings(html: str) -> str:
    # The page has its own h1 (the lesson's title): an author's "# Heading" becomes an h2.
    return html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")


def render_markdown(text: str) -> SafeString:
    html = _shift_headings(_MARKDOWN.render(text or ""))
    cleaned = nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 (cleaned by nh3 just above)
