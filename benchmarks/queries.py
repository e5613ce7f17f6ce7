"""Query latency on stores of 1 and 10 million synthetic events.

A store is built once per size (cached under --store-dir) through accord's own migrations:
documents with titles and a short body in the full-text index, events and facts spread over
country pairs with a long tail (a few pairs hold much of the news, most pairs little), dates
over 25 years. Then, for pairs drawn at random among those present and for the busiest pairs:

* the analysis views as the CLI and the web app run them: timeline (a page of 100 events,
  whole or within a decade), index (by year and by month), commitments (a page of 100, and
  all); they read the
  canonical events the store keeps (analysis/materialize.py), merged once after the build;
* the same timeline merged in memory from the pair's mentions, for pairs of growing size
  (what every query cost before the store kept canonical events);
* full-text search (Store.search) for rare and common words, best first and most recent first.

    python -m benchmarks.queries --events 1000000 10000000
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

import numpy as np

from accord.extract.gazetteer import load_gazetteer
from accord.folding import fold
from accord.store.db import open_store

EVENTS_PER_DOCUMENT = 12
FACTS_PER_EVENT = 0.4
PAIRS = 8000
ZIPF = 0.8
TYPES = [("visit", "042", 1.9, 1), ("meeting_talks", "040", 1.0, 1), ("agreement_signed", "057", 8.0, 1),
         ("pledge_commitment", "030", 4.0, 1), ("statement_praise", "051", 3.4, 1),
         ("aid_provided", "070", 7.0, 2), ("economic_cooperation", "061", 6.4, 2),
         ("military_security_cooperation", "062", 7.4, 2), ("protest_criticism", "111", -2.0, 3),
         ("other", "163", -8.0, 4)]
TYPE_WEIGHTS = [18, 22, 12, 14, 12, 4, 6, 3, 7, 2]
QUANTITIES = [("trade_turnover", "USD"), ("investment", "USD"), ("exports", "USD"), ("aid", "USD"),
              ("education", "scholarships"), ("energy", "MW"), ("tourism", "persons")]
VERBS = ["held talks on", "signed an agreement on", "pledged to expand", "discussed", "agreed to boost",
         "reviewed progress in", "criticised delays in", "praised cooperation in"]
TOPICS = ["energy", "trade", "rail links", "border security", "education", "agriculture", "tourism",
          "fisheries", "customs", "health", "digital infrastructure", "water management"]
SCHEMA = "009"  # the last migration the cached stores were built with
DATA = 2  # the version of the synthetic data below: a cached store of another version is rebuilt
SEARCH_WORDS = {"rare": ["hydropower", "scholarships", "fisheries", "demarcation", "vaccines"],
                "common": ["trade", "minister", "cooperation", "agreement", "talks"]}


def _pairs(rng: random.Random) -> tuple[list[str], np.ndarray]:
    codes = sorted(c.iso3 for c in load_gazetteer().countries.values() if c.capitals)
    pairs: set[str] = set()
    while len(pairs) < PAIRS:
        a, b = rng.sample(codes, 2)
        pairs.add("-".join(sorted((a, b))))
    ordered = sorted(pairs)
    rng.shuffle(ordered)
    weights = 1.0 / np.arange(1, PAIRS + 1) ** ZIPF
    return ordered, weights / weights.sum()


def build(path: Path, events: int, seed: int = 1) -> dict:
    """Create (or reuse) a store with `events` synthetic events; returns its description."""
    marker = path.with_suffix(".json")
    if path.exists() and marker.exists():
        description = json.loads(marker.read_text())
        if description.get("data") != DATA:
            return _rebuild(path, events, seed)
        if description.get("schema") != SCHEMA:  # migrations since: apply them (they fill what they add)
            description["merge_seconds"] = _migrate_and_merge(path)
            description["schema"] = SCHEMA
            description["bytes"] = path.stat().st_size
            marker.write_text(json.dumps(description))
        return description
    return _rebuild(path, events, seed)


def _migrate_and_merge(path: Path) -> float:
    """Apply pending migrations and merge every dirty bucket (as an ingest does at its end);
    the seconds the merge took."""
    from accord.analysis.materialize import refresh_canonical

    store = open_store(path)
    store.conn.execute("PRAGMA cache_size = -1000000")
    started = time.perf_counter()
    refresh_canonical(store)
    seconds = round(time.perf_counter() - started, 1)
    store.conn.execute("ANALYZE")
    store.close()
    return seconds


def _rebuild(path: Path, events: int, seed: int) -> dict:
    marker = path.with_suffix(".json")
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    rng = random.Random(seed)
    gen = np.random.default_rng(seed)
    pairs, weights = _pairs(rng)
    names = {c.iso3: c.name for c in load_gazetteer().countries.values()}
    store = open_store(path)
    conn = store.conn
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")
    conn.execute("PRAGMA foreign_keys = OFF")
    indexes = conn.execute("SELECT name, sql, type FROM sqlite_master WHERE type IN ('index', 'trigger')"
                           " AND sql IS NOT NULL AND tbl_name IN ('events', 'facts', 'documents')").fetchall()
    for name, _, kind in indexes:  # bulk load first, then index (and fill pair_periods) once
        conn.execute(f"DROP {kind.upper()} {name}")
    documents = events // EVENTS_PER_DOCUMENT
    doc_pair = gen.choice(PAIRS, size=documents, p=weights)
    doc_day = gen.integers(0, 25 * 365, size=documents)  # days after 2000-01-01
    epoch = np.datetime64("2000-01-01")
    conn.execute("BEGIN")
    chunk = 50_000
    for lo in range(0, documents, chunk):
        rows, fts = [], []
        for d in range(lo, min(documents, lo + chunk)):
            a, b = pairs[doc_pair[d]].split("-")
            published = str(epoch + int(doc_day[d]))
            topic, verb = TOPICS[d % len(TOPICS)], VERBS[d % len(VERBS)]
            title = f"{names.get(a, a)} and {names.get(b, b)} {verb} {topic}"
            body = (f"{title}. Officials from both countries met on {published} and {VERBS[(d // 7) % len(VERBS)]} "
                    f"{TOPICS[(d // 3) % len(TOPICS)]}; {SEARCH_WORDS['rare'][(d // 40) % 5] if d % 40 == 0 else 'delegations'}"
                    f" attended, according to outlet {d % 97}.")
            rows.append((d + 1, f"{d:016x}", f"synthetic:{d}", "jsonl", f"https://news.example.org/{d}", title,
                         published, "metadata", f"Outlet {d % 97}", "en", len(body.split()), "", body))
            fts.append((d + 1, fold(title), fold(body)))
        conn.executemany("INSERT INTO documents(seq, id, origin, format, url, title, published, published_from,"
                         " source, language, word_count, raw_text, clean_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         rows)
        conn.executemany("INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)", fts)
    type_index = gen.choice(len(TYPES), size=events, p=np.array(TYPE_WEIGHTS) / sum(TYPE_WEIGHTS))
    precision = gen.choice(4, size=events, p=[0.7, 0.18, 0.07, 0.05])
    shift = gen.integers(-20, 3, size=events)
    flips = gen.random(size=events)
    for lo in range(0, events, chunk):
        rows = []
        for e in range(lo, min(events, lo + chunk)):
            d = min(e // EVENTS_PER_DOCUMENT, documents - 1)
            key = pairs[doc_pair[d]]
            a, b = key.split("-")
            source, target = (a, b) if flips[e] < 0.5 else (b, a)
            kind, cameo, goldstein, quad = TYPES[type_index[e]]
            day = str(epoch + int(doc_day[d] + shift[e]))
            date, prec = ((day, "day"), (day[:7], "month"), (day[:4], "year"), (None, None))[precision[e]]
            sentence = f"{names.get(source, source)} and {names.get(target, target)} {VERBS[e % 8]} {TOPICS[e % 12]}."
            rows.append((e + 1, f"{d:016x}", kind, cameo, goldstein, quad, source, target, key, date, prec,
                         int(flips[e] > 0.98), sentence, 0, len(sentence), 0, 10))
        conn.executemany(
            "INSERT INTO events(id, doc_id, type, cameo, goldstein, quad_class, source, target, pair_key, date,"
            " date_precision, negated, sentence, sent_start, sent_end, start, end, version, confidence)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'bench',0.6)", rows)
    facts = int(events * FACTS_PER_EVENT)
    fact_doc = gen.integers(0, documents, size=facts)
    fact_kind = gen.integers(0, len(QUANTITIES), size=facts)
    fact_target = gen.random(size=facts) < 0.2
    fact_value = np.round(gen.uniform(1, 20, size=facts), 1)
    for lo in range(0, facts, chunk):
        rows = []
        for f in range(lo, min(facts, lo + chunk)):
            d = int(fact_doc[f])
            key = pairs[doc_pair[d]]
            year = 2000 + int(doc_day[d]) // 365
            quantity, unit = QUANTITIES[fact_kind[f]]
            value = float(fact_value[f]) * (1e9 if unit == "USD" else 100)
            period = f"by {year + 5}" if fact_target[f] else f"in {year}"
            sentence = f"The figure for {quantity.replace('_', ' ')} is {value:g} {unit} {period}."
            rows.append((f + 1, f"{d:016x}", quantity, value, unit, period, int(fact_target[f]),
                         json.dumps(key.split("-")), key, sentence, 0, len(sentence), 0, 10))
        conn.executemany(
            "INSERT INTO facts(id, doc_id, quantity, value, unit, period, is_target, countries, pair_key,"
            " sentence, sent_start, sent_end, start, end, version, confidence)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'bench',0.7)", rows)
    conn.execute("COMMIT")
    for _, sql, _ in indexes:
        conn.execute(sql)
    # Every bucket is dirty, as migration 008 marks an existing store's (its triggers were dropped).
    conn.execute("INSERT OR IGNORE INTO canonical_dirty(pair_key, type, bucket) SELECT DISTINCT pair_key, type,"
                 " coalesce(substr(date, 1, 4), '') FROM events WHERE pair_key IS NOT NULL AND negated = 0")
    conn.execute("PRAGMA journal_mode = WAL")
    store.close()
    merge_seconds = _migrate_and_merge(path)
    counts = np.bincount(doc_pair, minlength=PAIRS) * EVENTS_PER_DOCUMENT
    description = {"schema": SCHEMA, "data": DATA, "events": events, "facts": facts, "documents": documents, "pairs": pairs,
                   "pair_events": counts.tolist(), "build_seconds": round(time.perf_counter() - started, 1),
                   "merge_seconds": merge_seconds,
                   "bytes": path.stat().st_size}
    marker.write_text(json.dumps(description))
    return description


def _percentiles(samples: list[float]) -> dict:
    """Percentiles of query times, in ms."""
    ordered = sorted(samples)
    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
    return {"n": len(samples), "p50_ms": round(1000 * at(0.5), 2), "p95_ms": round(1000 * at(0.95), 2),
            "max_ms": round(1000 * ordered[-1], 2), "mean_ms": round(1000 * statistics.fmean(samples), 2)}


def measure(path: Path, description: dict, queries: int = 100, budget: float = 120.0, seed: int = 2) -> dict:
    """p50/p95 latency per query kind, for random pairs and for the busiest pairs."""
    from accord.analysis.views import PairQuery, canonical_events, commitments_view, index_view, timeline_view
    from accord.store.db import Store, connect

    rng = random.Random(seed)
    store = Store(connect(path, read_only=True), str(path))
    conn = store.conn
    counts = description["pair_events"]
    present = [p for p, n in zip(description["pairs"], counts) if n]
    busiest = [p for _, p in sorted(zip(counts, description["pairs"]), reverse=True)[:10]]
    workloads = {"random pairs": [rng.choice(present) for _ in range(queries)], "busiest pairs": busiest}
    kinds = {
        "timeline, first 100 (accord timeline --limit 100)": lambda p: timeline_view(conn, PairQuery(p, limit=100)),
        "timeline, 2010-2020, first 100": lambda p: timeline_view(conn, PairQuery(p, "2010", "2020", limit=100)),
        "index by year (accord index)": lambda p: index_view(conn, PairQuery(p)),
        "index by month (accord index --by month)": lambda p: index_view(conn, PairQuery(p, by="month")),
        "commitments, first 100 (accord commitments --limit 100)": lambda p: commitments_view(conn, PairQuery(p, limit=100)),
        "commitments, all (--limit 0)": lambda p: commitments_view(conn, PairQuery(p)),
    }
    size_of = dict(zip(description["pairs"], counts))
    results: dict = {}
    # Two passes: the first reads a pair's rows from disk unless an earlier query brought them
    # into the page cache; the second shows the same queries once they are cached.
    for label in ("", ", again"):
        for workload, pairs in workloads.items():
            for kind, run in kinds.items():
                samples, started = [], time.perf_counter()
                for pair in pairs:
                    t = time.perf_counter()
                    run(pair)
                    samples.append(time.perf_counter() - t)
                    if time.perf_counter() - started > budget:
                        break
                size = [size_of[p] for p in pairs[:len(samples)]]
                results[f"{kind} / {workload}{label}"] = {
                    **_percentiles(samples), "pair_events_median": int(statistics.median(size)),
                    "pair_events_max": max(size), "complete": len(samples) == len(pairs)}
    for target in (250, 1000, 4000, 16000):  # merging a whole pair in memory grows with its size
        pair = min(present, key=lambda p: abs(size_of[p] - target))
        t = time.perf_counter()
        canonical_events(conn, PairQuery(pair))
        seconds = time.perf_counter() - t
        results[f"whole pair merged in memory / a pair of {size_of[pair]:,} events"] = {
            **_percentiles([seconds]), "pair_events_median": size_of[pair], "pair_events_max": size_of[pair]}
    for rarity, words in SEARCH_WORDS.items():
        for label, recent in (("best first (accord search)", False), ("most recent first (--mode recent)", True)):
            samples = []
            for word in words * 4:
                t = time.perf_counter()
                store.search(word, limit=20, recent=recent)
                samples.append(time.perf_counter() - t)
            results[f"search, {label} / {rarity} words"] = _percentiles(samples)
    store.close()
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--store-dir", type=Path, default=Path("/tmp/accord-bench-stores"))
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--budget", type=float, default=120.0, help="Seconds per query kind and workload.")
    args = parser.parse_args(argv)
    args.store_dir.mkdir(parents=True, exist_ok=True)
    for events in args.events:
        path = args.store_dir / f"events-{events}.db"
        description = build(path, events)
        print(f"\nstore with {events:,} events: {description['documents']:,} documents, {description['facts']:,} facts,"
              f" {description['bytes'] / 2**30:.2f} GiB, built in {description['build_seconds']} s,"
              f" events merged into canonical events in {description.get('merge_seconds')} s")
        print(f"{'query / workload':58s} {'n':>4s} {'p50 ms':>9s} {'p95 ms':>9s} {'max ms':>9s}  pair events (median/max)")
        for name, row in measure(path, description, args.queries, args.budget).items():
            sizes = f"{row['pair_events_median']:,}/{row['pair_events_max']:,}" if "pair_events_max" in row else ""
            flag = "" if row.get("complete", True) else "  (stopped at the time budget)"
            print(f"{name:58s} {row['n']:4d} {row['p50_ms']:9.2f} {row['p95_ms']:9.2f} {row['max_ms']:9.2f}  {sizes}{flag}")


if __name__ == "__main__":
    main()
