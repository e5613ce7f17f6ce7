#!/usr/bin/env python3
"""Sanity checks for the held-out gold set (stdlib only).

For every gold/*.json file this verifies that:
  * the file parses as JSON and has exactly the SCHEMA.md top-level keys;
  * the referenced article exists under articles/;
  * every `evidence` string (events, facts, agreements) is a verbatim
    substring of the article text;
  * every person `name` and every alias occurs verbatim in the article;
  * dates are YYYY-MM-DD / YYYY-MM / YYYY or null, `published` is
    YYYY-MM-DD or null, event types are from the schema list, country codes
    are three upper-case letters and event endpoints are listed in
    `countries`, fact values are numbers and `is_target` is a boolean.

Prints one line per file with counts and exits non-zero on any problem.
Usage: python3 check_gold.py [HELDOUT_DIR]
"""
import json
import os
import re
import sys

EVENT_TYPES = {
    "visit", "meeting_talks", "agreement_signed", "statement_praise",
    "pledge_commitment", "aid_provided", "award_honor",
    "military_security_cooperation", "economic_cooperation",
    "protest_criticism", "other",
}
TOP_KEYS = {"article", "published", "countries", "people", "events", "facts", "agreements"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")


def check_file(path, art_dir):
    errs = []
    try:
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
    except (OSError, ValueError) as e:
        return None, [f"does not parse: {e}"]
    keys = set(g)
    if keys != TOP_KEYS:
        errs.append(f"top-level keys differ: missing {sorted(TOP_KEYS - keys)}, extra {sorted(keys - TOP_KEYS)}")
        return g, errs
    art_path = os.path.join(art_dir, g["article"])
    try:
        with open(art_path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        return g, [f"article not readable: {e}"]

    pub = g["published"]
    if pub is not None and not (isinstance(pub, str) and DAY_RE.match(pub)):
        errs.append(f"bad published: {pub!r}")
    countries = g["countries"]
    for c in countries:
        if not (isinstance(c, str) and ISO3_RE.match(c)):
            errs.append(f"bad country code {c!r}")

    def ev_ok(where, ev):
        if not isinstance(ev, str) or not ev:
            errs.append(f"{where}: empty evidence")
        elif ev not in text:
            errs.append(f"{where}: evidence not verbatim: {ev[:90]!r}")

    def date_ok(where, d):
        if d is not None and not (isinstance(d, str) and DATE_RE.match(d)):
            errs.append(f"{where}: bad date {d!r}")

    for i, p in enumerate(g["people"]):
        for k in ("name", "aliases", "country", "role"):
            if k not in p:
                errs.append(f"people[{i}]: missing {k}")
        for n in [p.get("name")] + list(p.get("aliases") or []):
            if not isinstance(n, str) or n not in text:
                errs.append(f"people[{i}]: name/alias not verbatim: {n!r}")
        if p.get("country") is not None and p.get("country") not in countries:
            errs.append(f"people[{i}]: country {p.get('country')!r} not in countries")
    for i, e in enumerate(g["events"]):
        w = f"events[{i}]"
        if e.get("type") not in EVENT_TYPES:
            errs.append(f"{w}: bad type {e.get('type')!r}")
        for k in ("source", "target"):
            if e.get(k) not in countries:
                errs.append(f"{w}: {k} {e.get(k)!r} not in countries")
        if e.get("source") == e.get("target"):
            errs.append(f"{w}: source == target")
        date_ok(w, e.get("date"))
        ev_ok(w, e.get("evidence"))
    for i, fct in enumerate(g["facts"]):
        w = f"facts[{i}]"
        for k in ("quantity", "value", "unit", "period", "is_target", "evidence"):
            if k not in fct:
                errs.append(f"{w}: missing {k}")
        v = fct.get("value")
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            errs.append(f"{w}: value not a number: {v!r}")
        if not isinstance(fct.get("is_target"), bool):
            errs.append(f"{w}: is_target not boolean")
        ev_ok(w, fct.get("evidence"))
    for i, a in enumerate(g["agreements"]):
        w = f"agreements[{i}]"
        if not a.get("name"):
            errs.append(f"{w}: empty name")
        date_ok(w, a.get("date"))
        ev_ok(w, a.get("evidence"))
    return g, errs


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    gold_dir = os.path.join(root, "gold")
    art_dir = os.path.join(root, "articles")
    files = sorted(f for f in os.listdir(gold_dir) if f.endswith(".json"))
    arts = sorted(f for f in os.listdir(art_dir) if f.endswith(".txt"))
    bad = 0
    tot = [0, 0, 0, 0, 0]
    print(f"{'file':45} {'pub':10} ppl  evt  tup  fct  agr")
    for fn in files:
        g, errs = check_file(os.path.join(gold_dir, fn), art_dir)
        if g and not errs:
            tuples = {(e["type"], frozenset((e["source"], e["target"])), e["date"]) for e in g["events"]}
            row = [len(g["people"]), len(g["events"]), len(tuples), len(g["facts"]), len(g["agreements"])]
            tot = [a + b for a, b in zip(tot, row)]
            print(f"{fn:45} {str(g['published']):10} " + " ".join(f"{n:4d}" for n in row))
        for e in errs:
            bad += 1
            print(f"  ERROR {fn}: {e}")
    missing = {a[:-4] for a in arts} ^ {f[:-5] for f in files}
    for m in sorted(missing):
        bad += 1
        print(f"  ERROR article/gold without partner: {m}")
    print(f"{'total':45} {'':10} " + " ".join(f"{n:4d}" for n in tot))
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
