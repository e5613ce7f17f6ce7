"""Check labelled training files: shape, codes, countries, and what accord resolves.

    python training/check.py training/sentences/FILE.jsonl [...]

Exit status 1 when any line has an error. Warnings (a labelled country that accord does
not find in the sentence nor in doc_pair) are printed but do not fail.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from accord.extract.cameo import cameo_table
from accord.extract.gazetteer import load_gazetteer
from accord.extract.pipeline import DocumentState, gazetteer_mentions, people, sentences
from accord.extract.records import Extraction

STYLES = {"wire", "state_media", "ministry", "local"}
TAGS = {"negation", "cancelled", "postponed", "planned", "hypothetical", "hope", "title_only",
        "multi_pair", "long", "historical", "non_event", "third_party", "joint"}
EVENT_KEYS = {"code", "source", "target", "planned", "negated", "joint"}


def countries_found(text: str) -> set[str]:
    """The countries accord's gazetteer and people finder see in one sentence."""
    gazetteer = load_gazetteer()
    state = DocumentState("check", text, None, gazetteer, extraction=Extraction("check", "check"))
    for step in (sentences, gazetteer_mentions, people):
        state = step(state)
    return {a.country for a in state.actors}


def check_line(record: dict, isos: set[str], codes: set[str]) -> tuple[list[str], list[str]]:
    """(errors, warnings) for one record."""
    errors, warnings = [], []
    for key in ("id", "style", "text", "events"):
        if key not in record:
            errors.append(f"missing {key}")
    if errors:
        return errors, warnings
    if record["style"] not in STYLES:
        errors.append(f"style {record['style']!r}")
    pair = record.get("doc_pair")
    if pair is not None and (len(pair) != 2 or not set(pair) <= isos or pair[0] == pair[1]):
        errors.append(f"doc_pair {pair!r}")
    for tag in record.get("tags", []):
        if tag not in TAGS:
            errors.append(f"tag {tag!r}")
    found = countries_found(record["text"]) if record["events"] else set()
    for event in record["events"]:
        if set(event) != EVENT_KEYS:
            errors.append(f"event keys {sorted(event)}")
            continue
        if event["code"] not in codes:
            errors.append(f"code {event['code']!r}")
        if event["source"] not in isos or event["target"] not in isos or event["source"] == event["target"]:
            errors.append(f"sides {event['source']!r}->{event['target']!r}")
        for side in (event["source"], event["target"]):
            if side not in found and side not in (pair or ()):
                warnings.append(f"{side} not found in the sentence (found {sorted(found)}) nor in doc_pair")
    return errors, warnings


def main(paths: list[str]) -> int:
    """Check every file; print problems and a summary."""
    isos = set(load_gazetteer().countries)
    codes = set(cameo_table())
    ids: Counter = Counter()
    roots: Counter = Counter()
    failed = 0
    lines = 0
    for path in paths:
        for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            lines += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: error: not JSON ({error})")
                failed += 1
                continue
            errors, warnings = check_line(record, isos, codes)
            ids[record.get("id")] += 1
            for event in record.get("events", []):
                roots[str(event.get("code", ""))[:2]] += 1
            if not record.get("events"):
                roots["none"] += 1
            for message in errors:
                print(f"{path}:{number}: error: {message}")
            for message in warnings:
                print(f"{path}:{number}: warning: {message}")
            failed += bool(errors)
    for key, count in ids.items():
        if count > 1:
            print(f"error: id {key!r} used {count} times")
            failed += 1
    print(f"{lines} lines, {failed} with errors; events by root: "
          + ", ".join(f"{k}:{v}" for k, v in sorted(roots.items())))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
