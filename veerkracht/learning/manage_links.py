"""The training coordinator's area (/scholing/beheer/) lists each feature's management pages.

A feature registers its links here when its urls load; the index page shows them in ``order``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ManageLink:
    label: str  # lazy Dutch text: "Cursussen en groepen"
    url_name: str  # "learning:manage_courses"
    order: int = 50
    description: str = ""


_links: dict[str, ManageLink] = {}


def register_manage_link(link: ManageLink) -> ManageLink:
    _links[link.url_name] = link
    return link


def manage_links() -> list[ManageLink]:
    return sorted(_links.values(), key=lambda link: link.order)
