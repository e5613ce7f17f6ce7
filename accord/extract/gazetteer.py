"""The gazetteer: countries, organisations and office holders, shipped as TSV data files.

Files live in accord/data/gazetteer/ (see the README there for their columns).
Matching is case- and diacritic-insensitive through accord.folding; a match must
still start with a capital letter in the original text, and an all-capitals
alias (US, UN, CPV) must be all capitals in the text, so "us" never reads as USA.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
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

    @classmethod
    def build(cls, holders: list[OfficeHolder]) -> HolderIndex:
        """Index the holders' names and aliases."""
        index = cls([], [], [], {}, {})
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
        self._patterns = _patterns_by_prefix(self._entries)

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
            pattern = self._patterns.get(folded[start:start + PREFIX])
            match = pattern.match(folded, start) if pattern else None
            if match is None:
                continue
            original = text[start:match.end()]
            for surface, kind, country, key in self._entries[match.group()]:
                if _case_fits(surface, original):
                    mentions.append(Mention(start, match.end(), original, kind, country, key))
                    position = match.end()
                    break
            # When nothing fits as written ("the Netherlands" is not the alias "The Netherlands"),
            # the search goes on from the next word, where a shorter entry ("Netherlands") may fit.
        return mentions

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
        key, index = fold(name), self.holder_index()
        found: list[OfficeHolder] = []
        for holder, folded in zip(index.holders, index.folded):
            if folded == key and not (found and found[-1] is holder):  # a holder's aliases are adjacent
                found.append(holder)
        return found


# A mention starts where a word starts with a capital letter (see _case_fits), so only those
# places are tried, each against the aliases sharing its first PREFIX folded characters. One
# alternation of all ~5,000 aliases tried at every position was 9 % of extraction time; this
# gives the same matches (longest alias first) about ten times faster. An Aho-Corasick automaton
# (pyahocorasick) finds every substring match, and word boundaries and "longest at the leftmost
# word start" would then have to be rebuilt on top of it: more code for the same result.
PREFIX = 2
_WORD_START = re.compile(r"(?<!\w)\w")


def _patterns_by_prefix(entries: dict) -> dict[str, re.Pattern]:
    buckets: dict[str, list[str]] = {}
    for alias in entries:
        buckets.setdefault(alias[:PREFIX], []).append(alias)
    return {prefix: re.compile("(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
                               + r")(?!\w)")
            for prefix, aliases in buckets.items()}


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
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with accord."""
    countries = [Country(r["iso3"], r["name"], _split(r.get("aliases", "")),
                         _split(r.get("demonyms", "")), _split(r.get("capitals", "")))
                 for r in _rows("countries.tsv") if r.get("iso3")]
    organizations = [Organization(r["id"], r["name"], _split(r.get("aliases", "")),
                                  r.get("country") or None, r.get("kind", ""))
                     for r in _rows("organizations.tsv") if r.get("id")]
    holders = [OfficeHolder(r["name"], _split(r.get("aliases", "")), r["country"], r["role"],
                            r.get("start") or None, r.get("end") or None)
               for r in _rows("office_holders.tsv") if r.get("name")]
    return Gazetteer(countries, organizations, holders)
