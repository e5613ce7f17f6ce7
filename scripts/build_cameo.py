"""Regenerate accord/data/cameo/cameo_codes.tsv from the conformance CAMEO table.

The shipped table is the one place that says, for every CAMEO code, its Goldstein
score, its PLOVER category and the codebook's coarse event type. Types are assigned by
the longest matching prefix in TYPE_BY_PREFIX below, so a sub-code inherits its
parent's type unless a row says otherwise. accord adds a few extension codes (marked
`accord` in the `origin` column) where the codebook splits a CAMEO code in two.

    python scripts/build_cameo.py [--source ../shared/conformance/cameo/cameo_codes.tsv]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "conformance" / "cameo" / "cameo_codes.tsv"
TARGET = ROOT / "accord" / "data" / "cameo" / "cameo_codes.tsv"

# The codebook (GUIDELINES.md, "Event types") read as CAMEO prefixes; the longest prefix wins.
TYPE_BY_PREFIX = {
    "01": "other", "013": "statement_praise", "016": "protest_criticism", "018": "statement_praise",
    "019": "statement_praise",
    "02": "other", "0211": "economic_cooperation", "0212": "military_security_cooperation",
    "03": "pledge_commitment", "0311": "economic_cooperation", "0312": "military_security_cooperation",
    "04": "meeting_talks", "042": "visit", "043": "visit",
    "05": "other", "051": "statement_praise", "0511": "award_honor", "052": "statement_praise",
    "057": "agreement_signed",
    "06": "other", "061": "economic_cooperation", "062": "military_security_cooperation",
    "063": "military_security_cooperation", "064": "military_security_cooperation",
    "07": "aid_provided", "075": "other",
    "08": "other", "09": "other",
    "10": "protest_criticism", "11": "protest_criticism", "12": "protest_criticism",
    "13": "protest_criticism", "14": "protest_criticism", "1611": "protest_criticism",
    "15": "other", "16": "other", "17": "other", "18": "other", "19": "other", "20": "other",
}

# PLOVER categories by CAMEO prefix, following PLOVER's CAMEO crosswalk; the longest prefix
# wins. Plain statements (01) have no PLOVER category except the supportive ones.
PLOVER_BY_PREFIX = {
    "013": "SUPPORT", "018": "SUPPORT", "019": "AGREE",
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "057": "AGREE",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "087": "RETREAT", "09": "ACCUSE",
    "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST",
    "15": "MOBILIZE", "16": "SANCTION", "1611": "PROTEST", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}

# Codes the codebook needs that CAMEO does not have: (code, name, goldstein).
EXTENSIONS = [
    ("0511", "Award a medal, honour or title (accord: split from 051)", 3.4),
    ("1611", "Recall own ambassador or envoy in protest (accord: split from 161)", -4.0),
]


def longest_prefix(code: str, table: dict[str, str]) -> str | None:
    """The value of the longest key of `table` that `code` starts with."""
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None


def quad_class(code: str) -> int:
    """GDELT's quad classes: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def build(source: Path) -> list[dict[str, str]]:
    """Rows of the shipped table: the source's codes, then accord's extensions, in code order."""
    with source.open(encoding="utf-8") as handle:
        rows = [(r["code"].strip(), r["name"].strip(), float(r["goldstein"]), "cameo")
                for r in csv.DictReader(handle, delimiter="\t")]
    rows += [(code, name, goldstein, "accord") for code, name, goldstein in EXTENSIONS]
    rows.sort(key=lambda r: r[0])
    return [{"code": code, "name": name, "goldstein": f"{goldstein:.1f}",
             "quad_class": str(quad_class(code)), "plover": longest_prefix(code, PLOVER_BY_PREFIX) or "",
             "type": longest_prefix(code, TYPE_BY_PREFIX) or "other", "origin": origin}
            for code, name, goldstein, origin in rows]


def main() -> None:
    """Write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    rows = build(args.source)
    header = ["code", "name", "goldstein", "quad_class", "plover", "type", "origin"]
    lines = ["\t".join(header)] + ["\t".join(row[h] for h in header) for row in rows]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} codes to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
