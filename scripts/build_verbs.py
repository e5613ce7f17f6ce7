"""Regenerate accord/data/lexicon/cameo_verbs.tsv from PETRARCH2's CAMEO verb dictionary.

PETRARCH2's `CAMEO.2.0.txt` (MIT, Open Event Data Alliance) lists verbs in blocks with a
default CAMEO code, and patterns ("- * &TREATY (WITH)  [057]") that refine the code by the
words that follow (or precede, left of "*") the verb. accord does not run PETRARCH's
parse-tree matcher: it reads each pattern as the set of words that must occur in the verb's
clause, and uses the matches as evidence for its event coder (accord/extract/coder).

Output columns: verb (lower case, words separated by spaces), before (words left of the
verb, "|"-separated slots), after (words right of the verb), code. A slot is a set of
alternative words separated by ",": synonym sets (&TREATY) are expanded into it.

    python scripts/build_verbs.py [--source ../shared/conformance/petrarch2/dictionaries/CAMEO.2.0.txt]
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "conformance" / "petrarch2" / "dictionaries" / "CAMEO.2.0.txt"
TARGET = ROOT / "accord" / "data" / "lexicon" / "cameo_verbs.tsv"
_CODE = re.compile(r"\[([^\]]*)\]")
_MARKERS = {"*", "$", "+", "^", "%", "="}


@dataclass(frozen=True)
class VerbRow:
    """One verb, or one verb with a pattern, and its CAMEO code."""

    verb: str
    before: tuple[frozenset[str], ...]
    after: tuple[frozenset[str], ...]
    code: str


def primary_code(cell: str) -> str | None:
    """The source-side code of a "[042:043]" cell; None for "---" (no code)."""
    first, _, second = cell.partition(":")
    code = (first or second).strip()
    return code if code and code != "---" and code.isalnum() else None


def word(token: str) -> str:
    """A dictionary word in accord's form: lower case, "_" read as a space, trailing "_" gone."""
    return token.strip("_").replace("_", " ").lower()


def read_synsets(lines: list[str]) -> dict[str, frozenset[str]]:
    """&NAME blocks of +WORD lines, as sets of single lower-case words (a multi-word member
    is represented by its last word, the head of an English noun phrase)."""
    sets: dict[str, set[str]] = {}
    current = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("####### VERB PATTERNS"):
            break
        if text.startswith("&"):
            current = text.split()[0].rstrip("_")
            sets[current] = set()
        elif text.startswith("+") and current:
            member = word(text[1:].split()[0])
            if member:
                sets[current].add(member.split()[-1])
        elif not text:
            current = None
    return {name: frozenset(members) for name, members in sets.items() if members}


def slots(tokens: list[str], synsets: dict[str, frozenset[str]]) -> tuple[frozenset[str], ...]:
    """Pattern tokens as word slots; markers and punctuation are dropped."""
    result = []
    for token in tokens:
        token = token.strip("{}()")
        if not token or token in _MARKERS or not re.search(r"[A-Za-z]", token):
            continue
        if token.startswith("&"):
            members = synsets.get(token.rstrip("_"))
            if members:
                result.append(members)
            continue
        for part in word(token).split():
            result.append(frozenset({part}))
    return tuple(result)


def read_verbs(lines: list[str], synsets: dict[str, frozenset[str]]) -> list[VerbRow]:
    """Every verb with its default code, and every pattern with its code."""
    rows: list[VerbRow] = []
    in_patterns = False
    block_code: str | None = None
    verbs: list[str] = []
    for line in lines:
        text = line.split("#", 1)[0].rstrip()
        if line.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        if not in_patterns or not text.strip():
            continue
        if text.startswith("---"):
            codes = _CODE.findall(text)
            block_code = primary_code(codes[0]) if codes else None
            verbs = []
            continue
        if text.startswith("-"):
            codes = _CODE.findall(text)
            code = primary_code(codes[-1]) if codes else None
            body = _CODE.sub(" ", text[1:]).split()
            if not code or "*" not in body:
                continue
            star = body.index("*")
            before, after = slots(body[:star], synsets), slots(body[star + 1:], synsets)
            rows.extend(VerbRow(verb, before, after, code) for verb in verbs)
            continue
        head = _CODE.sub(" ", text).split("{", 1)[0].split()
        if not head:
            continue
        verb = word(head[0].lstrip("+"))
        codes = _CODE.findall(text)
        own = primary_code(codes[0]) if codes else None
        verbs.append(verb)
        if own or block_code:
            rows.append(VerbRow(verb, (), (), own or block_code))
    return rows


def render(row: VerbRow) -> str:
    """One TSV line."""
    def cell(parts: tuple[frozenset[str], ...]) -> str:
        return "|".join(",".join(sorted(slot)) for slot in parts)
    return "\t".join([row.verb, cell(row.before), cell(row.after), row.code])


def main() -> None:
    """Write the table, without duplicate rows, in dictionary order."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    lines = args.source.read_text("latin-1").splitlines()
    synsets = read_synsets(lines)
    rows = list(dict.fromkeys(render(r) for r in read_verbs(lines, synsets)))
    header = ("# Generated by scripts/build_verbs.py from PETRARCH2's CAMEO.2.0.txt (MIT, Open Event Data"
              " Alliance; see LICENSE.petrarch2). Do not edit: add verbs to triggers.tsv instead.\n"
              "verb\tbefore\tafter\tcode")
    TARGET.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows ({len({r.split(chr(9))[0] for r in rows})} verbs, {len(synsets)} synonym sets)"
          f" to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
