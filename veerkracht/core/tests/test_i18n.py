from __future__ import annotations

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[3] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(text: str) -> list[tuple[str, str, str]]:
    """(flags, msgid, msgstr) for every entry except the header."""
    entries = []
    for block in text.split("\n\n"):
        flags = " ".join(line for line in block.splitlines() if line.startswith("#,"))
        if block.lstrip().startswith("#~"):
            continue
        msgid = "".join(re.findall(r'^(?:msgid|msgid_plural)?\s*"(.*)"$', block.split("msgstr")[0], re.M))
        msgstr = "".join(re.findall(r'"(.*)"', block.split("msgstr", 1)[1])) if "msgstr" in block else ""
        if msgid:
            entries.append((flags, msgid, msgstr))
    return entries


def test_every_dutch_text_has_an_english_translation():
    entries = _entries(PO.read_text(encoding="utf-8"))
    assert len(entries) > 250
    missing = [msgid for flags, msgid, msgstr in entries if not msgstr or "fuzzy" in flags]
    assert not missing, f"untranslated or fuzzy (run `make makemessages`, then translate): {missing[:10]}"


def test_placeholders_survive_translation():
    for _flags, msgid, msgstr in _entries(PO.read_text(encoding="utf-8")):
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(re.findall(r"%\(\w+\)s", msgstr)), msgid
