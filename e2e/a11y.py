"""axe-core accessibility check for Playwright pages (WCAG 2.1 A and AA, zero violations)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:5])
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "\n".join(lines)


class A11yPage:
    """Wraps a Playwright page: every page it lands on must pass axe before the test ends."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.shown: set[str] = set()
        self.checked: set[str] = set()
        page.on("framenavigated", self._on_navigation)

    def _on_navigation(self, frame) -> None:
        if frame == self.page.main_frame:
            self.shown.add(self._key(frame.url))

    @staticmethod
    def _key(url: str) -> str:
        parts = urlsplit(url)
        return parts.path

    def check(self) -> None:
        self.page.wait_for_load_state("load")
        violations = axe_violations(self.page)
        assert not violations, f"axe found problems on {self.page.url}:\n{format_violations(violations)}"
        self.checked.add(self._key(self.page.url))

    def visit(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def after(self, action: Callable[[], object]) -> Page:
        """Run an action that navigates (a click, a submit) and check the page it leads to."""
        with self.page.expect_navigation():
            action()
        self.check()
        return self.page

    def unchecked_pages(self) -> list[str]:
        return sorted(p for p in self.shown - self.checked if p not in ("", "blank"))

    def __getattr__(self, name: str):
        return getattr(self.page, name)
