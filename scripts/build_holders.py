"""Regenerate accord/data/gazetteer/office_holders_petrarch.tsv from PETRARCH2's country actors.

PETRARCH2's `Phoenix.Countries.actors.txt` (MIT, Open Event Data Alliance; built from
CountryInfo.140130.txt, so it knows office holders up to early 2014) lists, country by
country, the state's names and then its people, each with role blocks:

    ALBANIA_  [ALB]
    +ALBANIAN_
    SALI_BERISHA_  # CountryInfo.txt
    +PRESIDENT_BERISHA_
        [ALBELI 620101-920409]
        [ALBGOV 920409-970724]
        [ALBGOV >050911]

A block's code is the country (three letters) and a CAMEO agent (GOV, GOVMIL, MIL, ELI...);
dates are YYMMDD or YYYYMMDD, "A-B" a term, ">A" from A on, "<B" up to B.

Kept: people with at least one block of a state role (STATE_AGENTS below), one row per such
block, in the hand-curated file's columns (`role` is the CAMEO agent code). Left out, because
a name the gazetteer matches anywhere in a text must name one person of one country:

- single-word names ("KARZAI_"): surnames alone match too much;
- names (or aliases) found under two countries, or with role codes of two countries;
- names made only of common English words or containing title or institution words
  (institutions such as PEOPLES_LIBERATION_ARMY sit among the people);
- people whose only blocks are ELI (elites out of office), OPP, REB and other non-state roles.

The hand-curated office_holders.tsv is not read here: the gazetteer loads it first and it
wins on any name both files have.

    python scripts/build_holders.py [--source .../Phoenix.Countries.actors.txt]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from accord.extract.person_words import INSTITUTIONS, NAMES_TOO, THINGS  # noqa: E402  (the repository's own words)

DEFAULT_SOURCE = (ROOT.parent / "shared" / "conformance" / "petrarch2" / "dictionaries"
                  / "Phoenix.Countries.actors.txt")
TARGET = ROOT / "accord" / "data" / "gazetteer" / "office_holders_petrarch.tsv"
COUNTRIES = ROOT / "accord" / "data" / "gazetteer" / "countries.tsv"
TITLES = ROOT / "accord" / "data" / "lexicon" / "titles.txt"

# CAMEO agents that act for the state: government (GOV and its sectors: GOVMIL, GOVBUS...),
# the military, legislators, the judiciary, police and intelligence services. The codebook's
# people are those "acting in an official or state capacity"; ELI (elites, often a leader
# before or after office), OPP, REB, and the like are not a state capacity by themselves.
STATE_AGENTS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")

# Name words that make an entry an institution or a description, not a person's name.
_NOT_NAME_WORDS = {
    "of", "the", "and", "for", "army", "forces", "force", "navy", "council", "party", "congress",
    "ministry", "committee", "government", "assembly", "parliament", "police", "court", "bank",
    "agency", "authority", "department", "commission", "office", "corps", "guard", "guards",
    "service", "services", "people", "peoples", "people's", "national", "republic", "state",
    "federal", "central", "union", "front", "movement", "brigade", "regiment", "division",
    "command", "staff", "unit", "cabinet", "senate", "house", "administration", "junta",
    "reformer", "dictator", "leader", "regime", "family", "dynasty", "opposition", "rebel",
    "rebels", "troops", "soldiers", "military", "intelligence", "security", "islamic",
    "headquarters", "marines", "yard", "team", "survey", "wing", "point", "patrol", "enforcement",
    "jaysh", "jaish", "kurdistan", "coalition", "cell", "liaison", "bet",
} | (THINGS - NAMES_TOO) | INSTITUTIONS  # the words that make a name a place or a body in extraction
# Common English words: a name made only of these ("Long An", "Grace Period") is too likely to
# be ordinary text. Deliberately short: the words that are also given names or name syllables
# are left out.
_COMMON_WORDS = {
    "a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
    "on", "or", "so", "to", "up", "us", "we", "all", "any", "are", "big", "but", "can", "day",
    "end", "far", "few", "get", "has", "her", "him", "his", "how", "its", "law", "let", "low",
    "man", "may", "new", "not", "now", "old", "one", "our", "out", "own", "see", "set", "she",
    "sun", "ten", "too", "two", "war", "way", "who", "why", "win", "yes", "yet", "you", "also",
    "back", "best", "bird", "black", "blue", "born", "both", "case", "city", "come", "deal",
    "does", "done", "down", "each", "east", "even", "fair", "fine", "fire", "five", "four",
    "free", "from", "full", "gold", "good", "great", "green", "half", "hall", "hard", "have",
    "here", "high", "hill", "home", "hope", "just", "kind", "king", "land", "last", "left",
    "less", "life", "like", "line", "long", "love", "made", "main", "make", "many", "more",
    "most", "much", "must", "near", "next", "nine", "north", "only", "open", "over", "park",
    "peace", "plan", "rich", "right", "rock", "rose", "said", "same", "says", "seven", "short",
    "side", "six", "small", "some", "south", "star", "stone", "such", "take", "talk", "than",
    "that", "them", "then", "they", "this", "three", "time", "told", "true", "very", "wall",
    "want", "well", "west", "what", "when", "white", "will", "with", "wood", "word", "work",
    "year", "young", "your",
}
_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der",
              "den", "ter", "la", "le", "y", "e", "bin", "binti", "bint", "ibn", "ben", "al",
              "el", "ould", "ag", "wa"}
_ROMAN = re.compile(r"(?=[IVX]{1,5}$)X{0,3}(?:IX|IV|V?I{0,3})")
_BLOCK = re.compile(r"^\s*\[([A-Z]{3,})\s*([^\]]*)\]")
_INLINE = re.compile(r"\[([A-Z-]{3,})(?:\s+[^\]]*)?\]")


@dataclass
class Entry:
    """One dictionary entry: its names (first the main one) and its role blocks."""

    names: list[str]
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (code, dates)
    person: bool = False  # the CountryInfo people carry the "# CountryInfo.txt" comment


@dataclass(frozen=True)
class Term:
    """One state-role block of a person."""

    country: str
    agent: str
    start: str
    end: str


def parse_entries(lines: list[str]) -> list[tuple[set[str], Entry]]:
    """Entries with the country codes of the section (country block) each one stands in."""
    entries: list[tuple[set[str], Entry]] = []
    section: set[str] = set()
    current: Entry | None = None
    for raw in lines:
        line, _, comment = raw.rstrip("\n").partition("#")
        if not line.strip():
            continue
        block = _BLOCK.match(line)
        if block:
            if current is not None:
                current.blocks.append((block.group(1), block.group(2).strip()))
                if len(block.group(1)) == 3:  # a bare country code: this entry is a country
                    section = {block.group(1)}
            continue
        text = line.strip()
        if text.startswith("+"):
            if current is not None:
                current.names.append(text[1:].strip())
            continue
        inline = _INLINE.search(text)
        name = _INLINE.sub("", text).strip()
        joins = current is not None and not current.blocks and not inline and "CountryInfo" not in comment
        if joins:  # name lines before the first block are one entity ("IVO_JOSIPOVIC_", "JOSIPOVIC_")
            current.names.append(name)
            continue
        current = Entry([name], person="CountryInfo" in comment)
        entries.append((section, current))
        if inline:  # a country's own line ("ALBANIA_  [ALB]"): names after it start new entries
            code = inline.group(1)
            current.blocks.append((code, ""))
            section = {code[i:i + 3] for i in range(0, len(code) - 2, 3)}
    # Sections are read as they open; entries keep the section that was open at their line.
    return [(set(sec), entry) for sec, entry in entries]


def restore_case(name: str) -> str:
    """NGUYEN_MINH_TRIET_ -> Nguyen Minh Triet; particles stay lower case (Luiz Inacio Lula da
    Silva), hyphenated and apostrophised parts are capitalised (Akufo-Addo, O'Brien), initials,
    regnal numbers and Mc names keep their capitals (A.G., Mohammed VI, McCain)."""
    words = [w for w in name.replace("_", " ").split() if w]
    out: list[str] = []
    for position, word in enumerate(words):
        lower = word.lower()
        if position > 0 and lower in _PARTICLES:
            out.append(lower)
            continue
        if position > 0 and _ROMAN.fullmatch(word):
            out.append(word.upper())  # a regnal number: Mohammed VI (but XI Jinping is Xi)
            continue
        out.append("-".join(_capitalise(part) for part in word.split("-")))
    return " ".join(out)


def _capitalise(part: str) -> str:
    if not part:
        return part
    if "." in part:  # initials: A.G.
        return part.upper()
    lowered = part.lower()
    if "'" in lowered:  # O'Brien, D'Alema
        head, _, tail = lowered.partition("'")
        return head.capitalize() + "'" + tail.capitalize() if len(head) == 1 else head.capitalize() + "'" + tail
    if lowered.startswith("mc") and len(lowered) > 3:
        return "Mc" + lowered[2:].capitalize()
    return lowered.capitalize()


def parse_date(text: str) -> str:
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD ('' when malformed). Two-digit years up to the file's
    own year (14) are 20YY, the rest 19YY."""
    if not re.fullmatch(r"\d{6}|\d{8}", text):
        return ""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 14 else 1900 + year}{text[2:]}"
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31) or year < 1800:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_term(code: str, dates: str, countries: set[str]) -> Term | None:
    """A state-role block as a Term, or None for other roles or unknown country codes."""
    country, agent = code[:3], code[3:]
    if country not in countries or not agent.startswith(STATE_AGENTS):
        return None
    start = end = ""
    if "-" in dates:
        first, _, last = dates.partition("-")
        start, end = parse_date(first.strip()), parse_date(last.strip())
        if start and end and start > end and start.startswith("20"):
            start = "19" + start[2:]  # a start year before 1915 read as 20YY
        if start and end and start > end:
            start = end = ""
    elif dates.startswith(">"):
        start = parse_date(dates[1:].strip())
    elif dates.startswith("<"):
        end = parse_date(dates[1:].strip())
    return Term(country, agent, start, end)


def usable_name(name: str, titles: set[str], places: tuple[set[str], set[str]] = (set(), set())) -> str | None:
    """A person's name as the gazetteer may match it, or None: leading title words are dropped
    (PRESIDENT_KARZAI_ -> Karzai), then single words, institutions, common words and names
    holding a country's name or demonym ("Iraqi Kurdistan") are out."""
    words = restore_case(name).split()
    while words and words[0].lower().strip(".") in titles:
        words.pop(0)
    if len(words) < 2:
        return None
    lowered = [w.lower() for w in words]
    if any(w in _NOT_NAME_WORDS or w.strip(".") in titles for w in lowered):
        return None
    if all(w in _COMMON_WORDS or w in _PARTICLES for w in lowered):
        return None
    joined = f" {' '.join(lowered)} "
    if any(w in places[0] for w in lowered) or any(f" {place} " in joined for place in places[1]):
        return None
    if not all(re.fullmatch(r"[A-Za-z][A-Za-z.'-]*", w) for w in words):
        return None
    return " ".join(words)


def fold(text: str) -> str:
    """Lower case, apostrophes and hyphens as the gazetteer compares them."""
    return text.lower().replace("’", "'")


@dataclass
class Holder:
    """A person kept for the output file."""

    name: str
    aliases: list[str]
    terms: list[Term]


def select_holders(entries: list[tuple[set[str], Entry]], countries: set[str],
                   titles: set[str], places: tuple[set[str], set[str]] = (set(), set())) -> list[Holder]:
    """The people with state roles of one country, whose names name no one else."""
    candidates: list[tuple[Holder, str]] = []
    for section, entry in entries:
        terms = [t for code, dates in entry.blocks if (t := parse_term(code, dates, countries))]
        if not terms or not (entry.person or len(entry.names[0].strip("_").split("_")) >= 2):
            continue
        nations = {t.country for t in terms}
        if len(nations) != 1 or (section and not nations <= section):
            continue  # two countries, or a code that contradicts its section: a data error
        names = list(dict.fromkeys(n for n in (usable_name(raw, titles, places) for raw in entry.names) if n))
        if not names:
            continue
        candidates.append((Holder(names[0], names[1:], terms), nations.pop()))
    owners: dict[str, set[str]] = defaultdict(set)
    for holder, country in candidates:
        for name in (holder.name, *holder.aliases):
            owners[fold(name)].add(country)
    kept: dict[str, Holder] = {}
    for holder, country in candidates:
        names = [n for n in (holder.name, *holder.aliases) if len(owners[fold(n)]) == 1]
        if fold(holder.name) not in {fold(n) for n in names}:
            continue  # the main name is shared by two countries: the person is ambiguous
        key = fold(holder.name)
        if key in kept:  # the same person listed twice in one country: merge
            kept[key].aliases = list(dict.fromkeys(kept[key].aliases + names[1:]))
            kept[key].terms += holder.terms
        else:
            kept[key] = Holder(names[0], names[1:], holder.terms)
    return sorted(kept.values(), key=lambda h: (h.terms[0].country, h.name))


def rows_of(holders: list[Holder]) -> list[list[str]]:
    """One row per (person, agent, term), terms in date order, duplicates dropped."""
    rows = []
    for holder in holders:
        seen = set()
        aliases = ";".join(a for a in holder.aliases if fold(a) != fold(holder.name))
        for term in sorted(holder.terms, key=lambda t: (t.start or t.end, t.agent)):
            key = (term.agent, term.start, term.end)
            if key in seen:
                continue
            seen.add(key)
            rows.append([holder.name, aliases, term.country, term.agent, term.start, term.end])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--target", type=Path, default=TARGET)
    args = parser.parse_args()
    with COUNTRIES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    countries = {row["iso3"] for row in rows}
    # A name holding a demonym ("Iraqi Kurdistan") or a country's name of several words
    # ("United States Geological Survey") is a place or a body; one-word country names are
    # also given names (Israel Katz, Chad), so they stay.
    demonyms = {fold(item) for row in rows for item in (row.get("demonyms") or "").split(";") if item}
    long_names = {fold(item) for row in rows for column in ("name", "aliases")
                  for item in (row.get(column) or "").split(";") if " " in item}
    places = ({d for d in demonyms if " " not in d}, long_names)
    titles = {line.strip().lower().strip(".") for line in TITLES.read_text("utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    entries = parse_entries(args.source.read_text("utf-8", errors="replace").splitlines())
    holders = select_holders(entries, countries, titles, places)
    rows = rows_of(holders)
    header = [
        "# GENERATED by scripts/build_holders.py from PETRARCH2's Phoenix.Countries.actors.txt",
        "# (MIT, Open Event Data Alliance; CountryInfo.140130, office holders up to early 2014).",
        "# Do not edit: change the script and regenerate. office_holders.tsv is loaded first and",
        "# wins on every name both files have. role = the CAMEO agent code (GOV, GOVMIL, MIL, LEG,",
        "# JUD, COP, SPY...); empty end = in office when the dictionary was made (2014).",
        f"# {len(holders)} people, {len(rows)} terms.",
    ]
    with args.target.open("w", encoding="utf-8", newline="") as out:
        out.write("\n".join(header) + "\n")
        out.write("name\taliases\tcountry\trole\tstart\tend\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{args.target}: {len(holders)} people, {len(rows)} rows")


if __name__ == "__main__":
    main()
