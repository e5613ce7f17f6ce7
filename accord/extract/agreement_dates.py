"""Dating agreements and keeping one record per instrument in a document.

An instrument's date is its signing date where the text states it, from the best source:

1. a date attached to the name: "the Treaty of X (Jul 18, 1977)", "the X, signed on 22
   January 2019", "the X it signed with Sudan in 1959", "the X, signed on 3/15/1430 AH,
   corresponding to 3/13/2009 AD" (a non-Gregorian date counts by its Gregorian equivalent);
2. the date of a sentence that reports a signing (its own date, else the narrative's), as
   events are dated; a sentence that lists what was signed ("These included ...") takes the
   signing sentence before it. A sentence about an anniversary dates nothing this way;
3. a bare reference that is signed later ("The memorandum was signed Friday", "Al-Wazir
   signed the document") dates the instrument named last before it.

Repeated mentions of a name, of its apposed alias, or of the same count of instruments
("45 bilateral agreements" ... "45 agreements") are one record, with the best-dated mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from accord.extract.agreements import AgreementSpan, Reference, SentenceScan, scan_sentence
from accord.extract.agreement_spans import NUMBER_WORDS
from accord.extract.dates import WEEKDAYS, DateMention
from accord.extract.records import DateValue
from accord.folding import fold

SIGNING = re.compile(r"\b(?:sign|signs|signed|signing|conclude[ds]?|inked|adopt(?:s|ed)?|ratified|"
                     r"exchanged|initialled|initialed|struck)\b", re.I)
_PAREN = re.compile(r"\s*,?\s*\(([^()]{4,60})\)")
_SIGNED_CLAUSE = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+)?(?:[\w’'-]+,?\s+){0,5}?(?:(?:was|were|had been|has been|have been|had)\s+)?"
    r"(?:first\s+|originally\s+|also\s+)?(?:signed|concluded|inked|ratified)\b"
    r"(?=\s+(?:on|in|at|by|with|between|last|this|earlier|back|yesterday|today|\d)\b|\s*[,.;]"
    r"|\s+(?:" + "|".join(WEEKDAYS) + r")\b)", re.I)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{3,4})\b(?:\s*(AH|AD|CE|H|BE|SH)\b)?")
_NON_GREGORIAN = re.compile(r"^\s*(?:AH|H|BE|SH|Hijri|Shamsi|Buddhist)\b")
_EQUIVALENT = re.compile(r"\b(?:corresponding to|equivalent to|i\.e\.|or)\s+", re.I)
_BARE_WEEKDAY = re.compile(r"\b(?:signed|inked|concluded)\s+(?:on\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_ELABORATION = re.compile(r"^\W*(?:These|They|Those|The documents|The agreements|Among them|Among these"
                          r"|Among the documents)\b(?:\s+(?:include|included|includes|are|were|cover|covered))?",
                          re.I)
ANTECEDENT_WINDOW = 3  # sentences back in which a bare reference looks for its instrument

ATTACHED, SENTENCE, REFERRED, UNDATED = 3, 2, 1, 0


@dataclass(frozen=True)
class SentenceInput:
    """One sentence with what the date finder read in it and the narrative date before it."""

    text: str
    dates: list[DateMention] = field(default_factory=list)
    anchor: DateValue | None = None
    headline: bool = False  # a headline repeats the body: it names nothing of its own


@dataclass
class Collected:
    """One instrument of a document: its name, its best-dated mention (the span, in sentence
    `sentence`), that mention's date and how it was dated (`rank`)."""

    name: str
    kind: str
    span: AgreementSpan
    sentence: int
    date: DateValue | None
    rank: int
    signing: bool


def collect_agreements(sentences: list[SentenceInput], published: date | None) -> list[Collected]:
    """One record per instrument named in the document's sentences, dated (see the module
    docstring), in order of first mention."""
    scans = [SentenceScan() if sentence.headline else scan_sentence(sentence.text) for sentence in sentences]
    aliases = {_fold(alias): _fold(span.name) for scan in scans for span in scan.names for alias in span.aliases}
    records: dict[str, Collected] = {}
    named: list[tuple[int, int, str]] = []  # (sentence, start, key) of every named mention, in order
    previous: tuple[bool, DateValue | None] = (False, None)  # the last sentence's signing and date
    for index, (sentence, scan) in enumerate(zip(sentences, scans)):
        attached = [_attached(sentence, span.date_from, published) for span in scan.names]
        signing, sentence_date = _signing(sentence, [clause for _, clause in attached if clause], previous)
        previous = (signing, sentence_date)
        for span, (own_date, _) in zip(scan.names, attached):
            key = _key(span, aliases)
            named.append((index, span.start, key))
            rank = ATTACHED if own_date else SENTENCE if sentence_date else UNDATED
            mention = Collected(span.name, span.kind, span, index, own_date or sentence_date, rank, signing)
            _add(records, key, mention, scans)
        for reference in scan.references:
            value = _attached(sentence, reference.end, published)[0] or sentence_date
            if value is not None:
                _date_antecedent(records, named, index, reference, value)
    return _without_shorthands(list(records.values()))


def headline_end(text: str) -> int:
    """Where the opening paragraph ends when it reads as a headline (short, without final
    punctuation), else 0: a headline repeats what the body reports (read from the text alone,
    so that no sentence needs its parse)."""
    stripped = text.lstrip()
    first = stripped.split("\n\n", 1)[0]
    if len(first) > 200 or first.rstrip().endswith((".", "!", "?", "”", '"')):
        return 0
    return len(text) - len(stripped) + len(first)


def _signing(sentence: SentenceInput, clauses: list[tuple[int, int]],
             previous: tuple[bool, DateValue | None]) -> tuple[bool, DateValue | None]:
    """Whether the sentence reports a signing, and the date it gives the names it holds. A
    sentence that lists what was signed ("These included ...") takes the signing before it."""
    if _reports_signing(sentence.text, clauses):
        return True, _sentence_date(sentence)
    if previous[0] and _ELABORATION.match(sentence.text):
        return previous
    return False, None


def _add(records: dict[str, Collected], key: str, mention: Collected, scans: list[SentenceScan]) -> None:
    """Add a mention to its record: the first makes it (named as written, or by the name an
    alias group is keyed by); a better-dated one later replaces its mention and date."""
    best = records.get(key)
    if best is None:
        if not mention.span.tally and key != _fold(mention.name):
            mention.name = _canonical_name(scans, key)
        records[key] = mention
    elif mention.rank > best.rank:
        best.span, best.sentence, best.date, best.rank, best.signing = \
            mention.span, mention.sentence, mention.date, mention.rank, mention.signing


def _without_shorthands(records: list[Collected]) -> list[Collected]:
    """Drop a short lower-case name ("the minerals agreement") whose modifiers all occur in a
    fuller name of the same document ("memorandum of understanding on critical minerals supply
    chains"): it is that instrument's shorthand. A better date it carries goes to the fuller one."""
    kept = []
    for record in records:
        modifiers = set(_words(record.name)[:-1])
        shorthand = not record.span.tally and record.name == record.name.lower() and modifiers \
            and not modifiers & _PREPOSITIONS
        fuller = next((other for other in records if shorthand and other is not record
                       and modifiers <= set(_words(other.name)) and set(_words(other.name)) & _PREPOSITIONS),
                      None)
        if fuller is None:
            kept.append(record)
        elif record.rank > fuller.rank:
            fuller.date, fuller.rank = record.date, record.rank
    return kept


def _words(name: str) -> list[str]:
    return re.findall(r"[\w-]+", fold(name))


_PREPOSITIONS = {"of", "on", "for", "between", "with", "in", "to", "concerning", "amending", "regarding"}


def _fold(name: str) -> str:
    return " ".join(fold(name).split())


def _key(span: AgreementSpan, aliases: dict[str, str]) -> str:
    """The record a mention belongs to: its folded name, the name it is an alias of, or its
    count and kind for a counted plural."""
    if span.tally:
        count = span.tally.lower().replace(",", "")
        return f"tally:{_NUMBER_VALUES.get(count, count)}:{span.kind}"
    key = _fold(span.name)
    return aliases.get(key, key)


def _canonical_name(scans: list, key: str) -> str:
    """The name, as written, of the mention an alias group is keyed by."""
    for scan in scans:
        for span in scan.names:
            if _fold(span.name) == key:
                return span.name
    return key


_NUMBER_VALUES = {word: str(value) for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split()) if word in NUMBER_WORDS}


Clause = tuple[int, int]


def _attached(sentence: SentenceInput, end: int, published: date | None) -> tuple[DateValue | None, Clause | None]:
    """The date written right after a name: in parentheses, or in a "signed ..." clause that
    follows it. Returns the date and the clause it was read from."""
    text = sentence.text
    paren = _PAREN.match(text, end)
    if paren:
        value = _date_in(sentence, paren.start(1), paren.end(1), published)
        if value:
            return value, (paren.start(), paren.end())
    clause = _SIGNED_CLAUSE.match(text, end)
    if clause is None:
        return None, None
    stop = _clause_end(text, clause.end())
    value = _date_in(sentence, clause.end(), stop, published) \
        or _bare_weekday(text, clause.start(), stop, published)
    return value, (clause.start(), stop)


def _clause_end(text: str, start: int) -> int:
    """Where a "signed ..." clause ends: at a semicolon, the sentence's end, or the next
    coordinated instrument (", and the ...")."""
    stop = len(text)
    for pattern in (r";", r",\s+and\s+(?:the|a|an)\s", r"\.\s"):
        match = re.compile(pattern).search(text, start)
        if match:
            stop = min(stop, match.start())
    return min(stop, start + 160)


def _date_in(sentence: SentenceInput, start: int, stop: int, published: date | None) -> DateValue | None:
    """The first Gregorian date between start and stop; after "corresponding to" when the
    text gives a non-Gregorian date with its equivalent."""
    text = sentence.text
    candidates: list[tuple[int, DateValue]] = []
    numeric_spans = []
    for match in _NUMERIC_DATE.finditer(text, start, stop):
        numeric_spans.append((match.start(), match.end()))
        value = _numeric(match)
        if value:
            candidates.append((match.start(), value))
    for mention in sentence.dates:
        if start <= mention.start < stop and mention.value and mention.kind not in ("deadline", "period") \
                and not any(s <= mention.start < e for s, e in numeric_spans) \
                and not _NON_GREGORIAN.match(text[mention.end:]):
            candidates.append((mention.start, mention.value))
    if not candidates:
        return None
    equivalent = _EQUIVALENT.search(text, start, stop)
    if equivalent:
        after = [c for c in candidates if c[0] >= equivalent.end()]
        if after:
            return min(after, key=lambda c: c[0])[1]
    return min(candidates, key=lambda c: c[0])[1]


def _numeric(match: re.Match) -> DateValue | None:
    """A numeric date ("3/13/2009"); None for a non-Gregorian one ("3/15/1430 AH"). Month and
    day are told apart by which exceeds 12; when neither does only the year is sure."""
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    era = (match.group(4) or "").upper()
    if era in ("AH", "H", "BE", "SH") or year < 1800:
        return None
    try:
        if first > 12 >= second:
            return DateValue(date(year, second, first).isoformat(), "day")
        if second > 12 >= first:
            return DateValue(date(year, first, second).isoformat(), "day")
        if first == second:
            return DateValue(date(year, first, second).isoformat(), "day")
    except ValueError:
        return None
    return DateValue(str(year), "year")


def _bare_weekday(text: str, start: int, stop: int, published: date | None) -> DateValue | None:
    """"signed Friday" without "on": the latest such day on or before publication."""
    match = _BARE_WEEKDAY.search(text, start, stop)
    if match is None or published is None:
        return None
    delta = (published.weekday() - WEEKDAYS.index(match.group(1).lower())) % 7
    return DateValue((published - timedelta(days=delta)).isoformat(), "day")


def _reports_signing(text: str, attached_clauses: list[tuple[int, int]]) -> bool:
    """Whether the sentence reports a signing: a signing word outside the clauses that date one
    named instrument, and no anniversary (whose date is the celebration's, not the signing's)."""
    if re.search(r"\banniversar(?:y|ies)\b", text, re.I):
        return False
    return any(not any(s <= m.start() < e for s, e in attached_clauses) for m in SIGNING.finditer(text))


def _sentence_date(sentence: SentenceInput) -> DateValue | None:
    """A signing sentence's date: its first usable date, else the narrative's."""
    usable = [d.value for d in sentence.dates
              if d.value and d.kind not in ("deadline", "period") and not d.parenthetical]
    return usable[0] if usable else sentence.anchor


def _date_antecedent(records: dict[str, Collected], named: list[tuple[int, int, str]], index: int,
                     reference: Reference, value: DateValue) -> None:
    """Give a signed reference's date to the instrument named last before it, if undated."""
    before = [(s, start, key) for s, start, key in named
              if (s < index or s == index and start < reference.start) and index - s <= ANTECEDENT_WINDOW]
    if not before:
        return
    record = records.get(before[-1][2])
    if record is not None and record.rank == UNDATED:
        record.date, record.rank = value, REFERRED
