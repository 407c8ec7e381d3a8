"""Answer faces for the simple-language and children's spider web, drawn as SVG.

Emoji need a colour-emoji font that many phones lack (they show an empty box); these faces are drawn
shapes, decorative only: the number next to them stays the answer's accessible name.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe

# The answer (0–10) to a mood: 0 very sad … 4 very happy.
MOODS = {0: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 2, 6: 3, 7: 3, 8: 4, 9: 4, 10: 4}
_CURVE = {0: -6, 1: -3, 2: 0, 3: 3, 4: 6}  # how far the mouth bends: down (sad) to up (happy)
_INK = "#042622"


def face_svg(answer: int) -> SafeString:
    bend = _CURVE[MOODS[answer]]
    ends, middle = 16 - bend * 0.25, 16 + bend * 0.6
    return mark_safe(  # noqa: S308 - built from numbers only
        f'<svg class="vk-face" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" '
        f'focusable="false" data-mood="{MOODS[answer]}">'
        f'<circle cx="12" cy="12" r="10.5" fill="#ffe16a" stroke="{_INK}" stroke-width="1.5"/>'
        f'<circle cx="8.5" cy="9.5" r="1.4" fill="{_INK}"/><circle cx="15.5" cy="9.5" r="1.4" fill="{_INK}"/>'
        f'<path d="M7 {ends:g} Q12 {middle:g} 17 {ends:g}" fill="none" stroke="{_INK}" '
        f'stroke-width="1.6" stroke-linecap="round"/></svg>'
    )
