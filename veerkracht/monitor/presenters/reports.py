"""The municipality report (PDF) is made once per snapshot and then served from the cache.

Making one costs about 0.2 s of CPU; sixteen visitors asking at once made the monitor slow for everyone.
The PDF only changes when a snapshot run writes new figures, so it is kept in the cache under the data
version (monitor/selectors.py ``data_version``), the municipality, the period asked for, the language and
whether the visitor may see the health gap. The nightly snapshot job makes the public ones in advance
(``reports_warm``), and making a new one is rate-limited per visitor; reading a made one is not.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.utils.translation import get_language

REPORT_SECONDS = 7 * 24 * 3600  # a new snapshot gives a new key long before this
MAKE_LIMIT = (10, 60)  # new reports per visitor per minute


def cache_key(*, version: str, code: str, period: str, may_see_gap: bool) -> str:
    raw = f"{version}|{code}|{period}|{get_language()}|{int(may_see_gap)}"
    return "monitor:report:" + hashlib.sha256(raw.encode()).hexdigest()[:40]


def cached(key: str) -> bytes | None:
    return cache.get(key)


def keep(key: str, pdf: bytes) -> None:
    cache.set(key, pdf, REPORT_SECONDS)
