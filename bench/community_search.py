"""Community benchmarks: one search over the site (run by bench/bench_community.py)."""

from __future__ import annotations

import os
import random
import time

from django.db import connection, transaction

from bench.util import latency_results, load_limburg, result

# --- search ----------------------------------------------------------------------------------------
# BENCH_SEARCH_DOCS index rows (default 200,000: initiatives, stories, sessions, offers … in Dutch
# words with a realistic spread: a few words are in many texts, most in few), inserted straight into
# the index (rows and the database's full-text part), then 200 searches of every shape through the
# selector the search page uses (words, several words, a phrase, a word left out, filters, a page of one
# kind). Goal: p95 < 50 ms, on SQLite (FTS5) and, with BENCH_DATABASE_URL, on PostgreSQL.

SEARCH_GOAL_MS = 50
_STEMS = """
    buurt wijk dorp stad huis kamer tuin moes park bos veld straat plein school kerk zaal centrum
    koffie thee eten koken soep maaltijd lunch ontbijt markt winkel fiets wandel loop sport beweeg
    dans zing muziek koor toneel kunst schilder teken lees boek verhaal taal gesprek praat luister
    vraag antwoord hulp steun zorg gezond geluk leven zin rust slaap stress eenzaam samen vriend
    buur familie kind jong oud ouder senior vrijwillig ambassadeur partner gemeente bewoner club
    groep team netwerk plan idee project initiatief sessie workshop lezing training avond ochtend
    middag week maand jaar zomer winter lente herfst natuur water rivier maas heuvel groen bloem
    boom dier hond paard kip bij vlinder energie klimaat afval repair reparatie werk baan geld
    schuld armoede wonen huur energie digitaal computer telefoon internet les cursus leer ervaring
"""
_SUFFIXES = ("", "", "", "en", "ing", "ingen", "groep", "club", "dag", "huis", "tje", "s")


def _vocabulary(rng: random.Random) -> list[str]:
    stems = _STEMS.split()
    words = {s + suffix for s in stems for suffix in _SUFFIXES}
    words |= {
        a + b for a, b in zip(rng.sample(stems, len(stems)), rng.sample(stems, len(stems)), strict=True)
    }
    return sorted(words)


def _zipf_words(rng: random.Random, vocabulary: list[str], weights: list[float], n: int) -> str:
    return " ".join(rng.choices(vocabulary, weights=weights, k=n))


def _search_rows(region, count: int, rng: random.Random) -> list:
    from veerkracht.community.models import SearchDocument
    from veerkracht.core.vocabulary import DIMENSIONS, THEMES

    vocabulary = _vocabulary(rng)
    # Zipf-like, as content words are once stop words are left out: the most common word is in about a
    # fifth of the texts, most words in a few hundred.
    weights = [1 / (rank + 50) for rank in range(len(vocabulary))]
    rng.shuffle(vocabulary)
    places = list(region.municipalities.select_related("subregion"))
    from veerkracht.community.selectors.search import sources_by_key

    kinds = list(sources_by_key())  # every kind registered (stories, news … once they are)
    rows = []
    for n in range(count):
        place = rng.choice(places)
        title = _zipf_words(rng, vocabulary, weights, rng.randint(2, 6)).capitalize()
        rows.append(
            SearchDocument(
                kind=kinds[n % len(kinds)],
                object_id=n + 1,
                region=region,
                title=title,
                summary=_zipf_words(rng, vocabulary, weights, 10),
                body=_zipf_words(rng, vocabulary, weights, rng.randint(20, 60)),
                url=f"/bench/{n}/",
                municipality_code=place.code,
                subregion=place.subregion.slug if place.subregion else "",
                themes=THEMES.mask(rng.sample(THEMES.keys, rng.randint(1, 3))),
                dimensions=DIMENSIONS.mask(rng.sample(DIMENSIONS.keys, rng.randint(1, 2))),
            )
        )
    return rows, vocabulary


def search_build(region, count: int) -> dict:
    from veerkracht.community.models import SearchDocument
    from veerkracht.community.services.search import FTS_INSERT, fts_values, postgres_words_write

    started = time.monotonic()
    rng = random.Random(14)
    rows, vocabulary = _search_rows(region, count, rng)
    for start in range(0, count, 5000):
        with transaction.atomic():
            batch = SearchDocument.objects.bulk_create(rows[start : start + 5000])
            if connection.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.executemany(FTS_INSERT, [fts_values(r) for r in batch])
            else:
                postgres_words_write(batch)  # as the index writes them
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE community_searchdocument")
        else:
            cursor.execute("ANALYZE")
    return {"build_s": time.monotonic() - started, "vocabulary": vocabulary, "rows": rows}


def _search_cases(rng: random.Random, vocabulary: list[str], rows: list, n: int = 200) -> list[tuple]:
    from veerkracht.core.vocabulary import THEMES

    common, rare = vocabulary[:30], vocabulary[200:]
    cases = []
    for i in range(n):
        shape = i % 6
        if shape == 0:
            cases.append((rng.choice(common), {}, 1))
        elif shape == 1:
            cases.append((f"{rng.choice(common)} {rng.choice(rare)}", {}, 1))
        elif shape == 2:
            words = rng.choice(rows).title.split()[:2]
            cases.append((f'"{" ".join(words)}"', {}, 1))
        elif shape == 3:
            cases.append((f"{rng.choice(rare)} -{rng.choice(common)}", {}, 1))
        elif shape == 4:
            place = rng.choice(rows)
            cases.append(
                (rng.choice(common), {"subregion": place.subregion, "theme": rng.choice(THEMES.keys)}, 1)
            )
        else:
            cases.append((rng.choice(common), {"kind": "initiative"}, rng.randint(1, 5)))
    return cases


def search_bench(region) -> list[dict]:
    from veerkracht.community.selectors.search import search_site

    count = int(os.environ.get("BENCH_SEARCH_DOCS", "200000"))
    built = search_build(region, count)
    print(f"  community: {count:,} search documents ({connection.vendor}) stored in {built['build_s']:.0f}s")
    rng = random.Random(7)
    cases = _search_cases(rng, built["vocabulary"], built["rows"])
    for text, filters, page in cases[:10]:  # warm up
        search_site(region, text, filters, page)
    timings = []
    for text, filters, page in cases:
        started = time.perf_counter()
        search_site(region, text, filters, page)
        timings.append((time.perf_counter() - started) * 1000)
    return [
        *latency_results(f"community.search_{connection.vendor}", timings, SEARCH_GOAL_MS),
        result(
            f"community.search_{connection.vendor}_documents", count, "docs", 200_000, lower_is_better=False
        ),
    ]


# --- end search ------------------------------------------------------------------------------------


def run() -> list[dict]:
    region = load_limburg()
    results: list[dict] = []
    results += search_bench(region)  # --- search ---
    return results
