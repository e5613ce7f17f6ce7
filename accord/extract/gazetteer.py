"""The gazetteer: countries, organisations and office holders, shipped as TSV data files.

Files live in accord/data/gazetteer/ (see the README there for their columns).
Matching is case- and diacritic-insensitive through accord.folding; a match must
still start with a capital letter in the original text, and an all-capitals
alias (US, UN, CPV) must be all capitals in the text, so "us" never reads as USA.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

from accord.folding import fold


@dataclass(frozen=True)
class Country:
    """A country with its names, demonyms and capitals."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    """An organisation; `country` is set when it belongs to one country (a party, a ministry)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str


@dataclass(frozen=True)
class OfficeHolder:
    """A person who held an office in a country, with the term's dates when known."""

    name: str
    aliases: tuple[str, ...]
    country: str
    role: str
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Mention:
    """A gazetteer entry found in text: span, matched words, kind and the country it implies."""

    start: int
    end: int
    text: str
    kind: str  # "country" | "demonym" | "capital" | "org" | "person"
    country: str | None
    key: str  # iso3, organisation id, or the office holder's canonical name


@dataclass
class HolderIndex:
    """Every office-holder name and alias, folded once (entries in gazetteer order)."""

    holders: list[OfficeHolder]
    folded: list[str]  # folded alias of each entry
    words: list[tuple[str, ...]]  # its words, hyphens read as spaces
    exact: dict[str, int]  # folded alias -> first entry with it
    by_last_word: dict[str, list[int]]  # last word -> entries ending with it, in order
    named: dict[str, list[OfficeHolder]] = field(default_factory=dict)  # folded alias -> its holders
    # (number of words, first letter of the last word) -> entries: where near spellings are sought
    shapes: dict[tuple[int, str], list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, holders: list[OfficeHolder]) -> HolderIndex:
        """Index the holders' names and aliases."""
        index = cls([], [], [], {}, {}, {}, {})
        for holder in holders:
            for alias in (holder.name, *holder.aliases):
                folded = fold(alias)
                words = tuple(folded.replace("-", " ").split())
                if not words:
                    continue
                entry = len(index.folded)
                index.holders.append(holder)
                index.folded.append(folded)
                index.words.append(words)
                index.exact.setdefault(folded, entry)
                index.by_last_word.setdefault(words[-1], []).append(entry)
                index.shapes.setdefault((len(folded.split()), words[-1][0]), []).append(entry)
                named = index.named.setdefault(folded, [])
                if not named or named[-1] is not holder:  # a holder's aliases are adjacent
                    named.append(holder)
        return index


def _rows(name: str) -> list[dict[str, str]]:
    path = resources.files("accord").joinpath(f"data/gazetteer/{name}")
    if not path.is_file():
        return []
    lines = [line for line in path.read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


class Gazetteer:
    """Loaded gazetteer data and a matcher over it."""

    def __init__(self, countries: list[Country], organizations: list[Organization],
                 holders: list[OfficeHolder]):
        self.countries = {c.iso3: c for c in countries}
        self.organizations = {o.id: o for o in organizations}
        self.holders = holders
        self._entries: dict[str, list[tuple[str, str, str | None, str]]] = {}
        for country in countries:
            self._add(country.name, "country", country.iso3, country.iso3)
            for alias in country.aliases:
                self._add(alias, "country", country.iso3, country.iso3)
            for demonym in country.demonyms:
                self._add(demonym, "demonym", country.iso3, country.iso3)
            for capital in country.capitals:
                self._add(capital, "capital", country.iso3, country.iso3)
        for org in organizations:
            for alias in (org.name, *org.aliases):
                self._add(alias, "org", org.country, org.id)
        for holder in holders:
            for alias in (holder.name, *holder.aliases):
                self._add(alias, "person", holder.country, holder.name)
        self._by_first_word = _aliases_by_first_word(self._entries)

    def _add(self, surface: str, kind: str, country: str | None, key: str) -> None:
        folded = fold(surface.strip())
        if len(folded) < 2:
            return
        entries = self._entries.setdefault(folded, [])
        # Keep the first entry per kind: an alias names one thing of each kind.
        if not any(existing[1] == kind for existing in entries):
            entries.append((surface, kind, country, key))

    def find(self, text: str, folded: str | None = None) -> list[Mention]:
        """Every gazetteer mention in `text`, longest match first, without overlaps."""
        folded = folded if folded is not None else fold(text)
        mentions = []
        position = 0
        for start in _word_starts(text, folded):
            if start < position:
                continue  # inside the previous mention
            end = self._longest_alias_at(folded, start)
            if end is None:
                continue
            original = text[start:end]
            if text[end:end + 1] == "$":
                continue  # "US$", "HK$", "S$": a currency, not the country
            for surface, kind, country, key in self._entries[folded[start:end]]:
                if _case_fits(surface, original):
                    mentions.append(Mention(start, end, original, kind, country, key))
                    position = end
                    break
            # When nothing fits as written ("the Netherlands" is not the alias "The Netherlands"),
            # the search goes on from the next word, where a shorter entry ("Netherlands") may fit.
        return mentions

    def _longest_alias_at(self, folded: str, start: int) -> int | None:
        """End of the longest alias that starts at `start` and ends at a word boundary."""
        word = _WORD.match(folded, start)
        for alias in self._by_first_word.get(word.group(), ()) if word else ():
            end = start + len(alias)
            if folded.startswith(alias, start) and not _WORD_CHAR.match(folded, end):
                return end
        return None

    def country_name(self, iso3: str | None) -> str | None:
        """The common name of a country code."""
        country = self.countries.get(iso3 or "")
        return country.name if country else None

    def holder_index(self) -> HolderIndex:
        """Office-holder names folded and indexed for `actors` look-ups, built once."""
        if not hasattr(self, "_holder_index"):
            self._holder_index = HolderIndex.build(self.holders)
        return self._holder_index

    def holders_named(self, name: str) -> list[OfficeHolder]:
        """Office holders whose name or alias folds to the same string as `name`."""
        return list(self.holder_index().named.get(fold(name), []))

    def holder_country(self, name: str, on: date | None = None) -> str | None:
        """The country an office holder of this name served on a date: the term that holds the
        date, else the latest term begun before it, else the first row (a person who moved
        from a national office to an EU one is the EU's after the move)."""
        holders = self.holders_named(name)
        if not holders:
            return None
        if on is None:
            return holders[0].country
        day = on.isoformat()
        serving = [h for h in holders if (not h.start or h.start <= day[:len(h.start)])
                   and (not h.end or day[:len(h.end)] <= h.end)]
        if serving:
            return serving[0].country
        begun = [h for h in holders if h.start and h.start <= day[:len(h.start)]]
        return max(begun, key=lambda h: h.start).country if begun else holders[0].country


# A mention starts where a word starts with a capital letter (see _case_fits), so only those
# places are tried, each against the aliases whose first word is the word there, longest
# first. An alias can only match where the text's word equals its first word: the alias goes
# on with a non-word character (or ends at a word boundary) where that word ends. One
# alternation of all aliases tried at every position was 9 % of extraction time; buckets by
# the first two characters, compiled as alternations, were ten times faster but took 6 s to
# compile once the generated office holders (~20,000 names) came in. These buckets need no
# compiling and hold a handful of aliases each. An Aho-Corasick automaton (pyahocorasick)
# finds every substring match, and word boundaries and "longest at the leftmost word start"
# would then have to be rebuilt on top of it: more code for the same result.
_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_WORD_START = re.compile(r"(?<!\w)\w")


def _aliases_by_first_word(entries: dict) -> dict[str, tuple[str, ...]]:
    buckets: dict[str, list[str]] = {}
    for alias in entries:
        word = _WORD.match(alias)
        if word:  # an alias starting with a non-word character can never start at a word start
            buckets.setdefault(word.group(), []).append(alias)
    return {word: tuple(sorted(aliases, key=len, reverse=True)) for word, aliases in buckets.items()}


def _word_starts(text: str, folded: str):
    for match in _WORD_START.finditer(folded):
        if text[match.start()].isupper():
            yield match.start()


def _case_fits(surface: str, original: str) -> bool:
    if not original[:1].isupper():
        return False
    letters = [c for c in surface if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return all(c.isupper() for c in original if c.isalpha())
    return True


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 code -> country name, from the gazetteer's countries table alone (cheap: checking
    a user's --pair needs no office holders)."""
    return {r["iso3"]: r["name"] for r in _rows("countries.tsv") if r.get("iso3")}


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with accord."""
    countries = [Country(r["iso3"], r["name"], _split(r.get("aliases", "")),
                         _split(r.get("demonyms", "")), _split(r.get("capitals", "")))
                 for r in _rows("countries.tsv") if r.get("iso3")]
    organizations = [Organization(r["id"], r["name"], _split(r.get("aliases", "")),
                                  r.get("country") or None, r.get("kind", ""))
                     for r in _rows("organizations.tsv") if r.get("id")]
    curated = _holders("office_holders.tsv")
    return Gazetteer(countries, organizations, curated + _not_claimed(_holders(GENERATED_HOLDERS), curated))


# Office holders of every country up to 2014, generated from PETRARCH2's country actors by
# scripts/build_holders.py; the hand-curated office_holders.tsv comes first and wins.
GENERATED_HOLDERS = "office_holders_petrarch.tsv"


def _holders(name: str) -> list[OfficeHolder]:
    return [OfficeHolder(r["name"], _split(r.get("aliases", "")), r["country"], r["role"],
                         r.get("start") or None, r.get("end") or None)
            for r in _rows(name) if r.get("name")]


def _not_claimed(generated: list[OfficeHolder], curated: list[OfficeHolder]) -> list[OfficeHolder]:
    """The generated holders none of whose names a curated holder has: a person both files
    know keeps the curated spelling, roles and dates (and a clash of countries is settled
    for the curated file)."""
    claimed = {fold(alias) for holder in curated for alias in (holder.name, *holder.aliases)}
    return [holder for holder in generated
            if not any(fold(alias) in claimed for alias in (holder.name, *holder.aliases))]
