"""Named agreements: treaties, agreements, protocols, memoranda, joint statements, plans.

A name is grown around a head word ("Treaty", "memorandum of understanding") over its
modifiers and complements (agreement_spans.py). What makes it a name rather than a passing
noun: a capital ("the Special Status Agreement"), a modifier that says what it is about
("the trade agreement", "a KRW40 billion loan agreement"), a complement ("an agreement on
the placement of workers"), a count ("five memorandums of understanding"), or, for a bare
head, the parties that signed it ("One MoU was signed between X and Y"). A bare head with
none of these ("the agreement", "the MoU", "the document") only refers back to a named
one: it is returned as a reference, which may date that instrument but is no record.

Not agreements: documents the sentence says were not signed or only hoped for,
multilateral instruments (UN conventions, codes of conduct), programmes that are financed
rather than agreed, and one party's own plans ("the country's Support Programme").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from accord.extract.agreement_spans import LeftEdge, grow_left, grow_right, is_generic_party, trim_tail

_HEAD = re.compile(
    r"\b(?P<head>memorand(?:um|a|ums) of understanding|mous?|memorand(?:um|a|ums)"
    r"|records? of discussions?|exchanges? of notes|letters? of intent|plans? of action"
    r"|treat(?:y|ies)|agreements?|accords?|protocols?|pacts?|deals?|contracts?"
    r"|joint (?:statements?|declarations?|communiqu[eé]s?)|annex|appendix"
    r"|action plans?|master plans?|plans?|strateg(?:y|ies)|projects?|roadmaps?|frameworks?"
    r"|programmes?|programs?|declarations?|conventions?|charters?)\b", re.I)
_KINDS = {"memorandum of understanding": "memorandum", "mou": "memorandum", "memorandum": "memorandum",
          "treaty": "treaty", "agreement": "agreement", "accord": "agreement", "pact": "agreement",
          "deal": "agreement", "contract": "agreement", "protocol": "protocol",
          "joint statement": "statement", "joint declaration": "statement", "joint communique": "statement",
          "declaration": "statement", "statement": "statement", "convention": "treaty", "charter": "treaty",
          "record of discussions": "record", "exchange of notes": "notes", "letter of intent": "letter",
          "plan of action": "plan", "action plan": "plan", "master plan": "plan", "annex": "annex",
          "appendix": "annex"}
# Heads that name a document only when capitalised ("the Convention on ...", not "a
# convention centre"); a lower-case one needs the parties that agreed it.
_WEAK = {"plan", "strategy", "project", "roadmap", "framework", "programme", "program", "action plan",
         "master plan", "declaration", "convention", "charter", "plan of action",
         "record of discussions", "exchange of notes", "letter of intent", "annex", "appendix"}
_PURPOSE = {"plan", "project", "strategy", "programme", "program", "roadmap", "action plan", "master plan",
            "plan of action"}
_SIGNING = re.compile(r"\b(?:sign|signs|signed|signing|conclude[ds]?|ink|inked|adopt|adopted|ratif\w+"
                      r"|exchanged|struck|strike)\b", re.I)
_NOT_SIGNED = re.compile(r"\b(?:not|never|n't|failed to|refused to|declined to|yet to)\s+(?:\w+\s+){0,3}?"
                         r"(?:sign|signed|conclude|ink|adopt|agree)\b[^.;]*$", re.I)
_NOT_SIGNED_AFTER = re.compile(r"\s+(?:was|were|has|have|had)\s+(?:not|never)\s+(?:been\s+)?(?:signed|concluded|"
                               r"adopted|ratified)\b|\s+(?:remains?|remained)\s+unsigned\b", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:hoped|hope|hopes|hoping|want|wants|wanted|seek|seeks|seeking|propose|"
                           r"proposed|proposes|could|would|might|(?-i:may)|possible|potential|future|planned|"
                           r"call(?:ed|s)? for|push(?:ed|es)? for|negotiat\w+)\b(?:\s+\S+){0,5}\s*$", re.I)
# A name that only characterises another ("which both sides describe as the most
# significant defence treaty") is no second instrument.
_CHARACTERISED = re.compile(r"\b(?:describ\w+|call(?:ed|s)?|term(?:ed|s)?|hail(?:ed|s)?|dubb?\w*|regard\w*"
                            r"|consider\w*|see[ns]?|label+\w*)\s+(?:it\s+|them\s+)?as\s+(?:(?:the|a|an)\s+)?"
                            r"(?:\S+\s+){0,3}$", re.I)
# Multilateral instruments: global conventions and bodies, codes of conduct among many parties.
_MULTILATERAL = re.compile(
    r"\b(?:UN|U\.N\.|United Nations|UNCLOS|Law of the Sea|WTO|World Trade Organi[sz]ation|GATT|NATO"
    r"|Paris (?:climate )?(?:Agreement|Accord)|Kyoto|Geneva Conventions?|Vienna Convention|Non-Proliferation"
    r"|NPT|Chemical Weapons|Rome Statute|JCPOA|Joint Comprehensive Plan of Action|Iran nuclear deal"
    r"|Black Sea [Gg]rain|Minsk|RCEP|Regional Comprehensive Economic Partnership|CPTPP|Trans-Pacific Partnership"
    r"|Codes? of Conduct|Conduct of (?:the )?Parties|Conference of the Parties|[Mm]ultilateral|[Rr]egional"
    r"|international|global|United Nations Charter)\b|\b[A-Z]{2,}\s+Charter\b")
_FINANCED = re.compile(r"\b(?:financ\w*|fund(?:s|ed|ing)?|loans? for|credit for)\b[^;.]*$", re.I)
_PARTICIPLE = re.compile(r"\s+(?:(?:was|were|has been|have been|had been)\s+)?(?:signed|agreed(?:\s+(?:upon|on))?"
                         r"|adopted|concluded|inked)\s+(?:between|by|among)\s+")
_SIGNED_AFTER = re.compile(r"\s+(?:(?:was|were|has been|have been|had been)\s+)?(?:signed|inked|concluded)\b")
_IMPLEMENTED = re.compile(r"\b(?:implement\w*|adopt\w*|approv\w*|sign\w*|agreed? (?:on|upon)|endors\w*)\s+"
                          r"(?:the|a|this|their|its)\s+$", re.I)
_STATE_PARTIES = re.compile(r"\b(?:the\s+)?(?:two|both)\s+(?:countries|governments|states|nations)\b", re.I)
_MODAL_AFTER = re.compile(r"\s+(?:could|would|might|may|will|should)\b")
_DEFINITE = {"the", "this", "that", "these", "those", "its", "their"}


@dataclass(frozen=True)
class AgreementSpan:
    """A named agreement found in a sentence: name, kind and its span within the sentence.

    `tally` is the count of a counted plural ("five memorandums of understanding");
    `aliases` are names the sentence gives the same instrument in apposition ("the Treaty on
    Franco-German Cooperation, the Treaty of Aachen, signed ..."); `date_from` is where the
    text that may date it ("signed on ...") begins, after the name and its aliases.
    """

    name: str
    kind: str
    start: int
    end: int
    tally: str | None = None
    aliases: tuple[str, ...] = ()
    date_from: int = -1


@dataclass(frozen=True)
class Reference:
    """A bare mention ("the agreement", "the MoU", "the document") that refers back to a named
    instrument; `plural` for "the documents", "the agreements"."""

    start: int
    end: int
    plural: bool = False


@dataclass
class SentenceScan:
    """What a sentence holds: named agreements and bare references."""

    names: list[AgreementSpan] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)


def find_agreements(sentence: str) -> list[AgreementSpan]:
    """Named agreements in a sentence (not those it says were not signed, or only hoped for)."""
    return scan_sentence(sentence).names


def scan_sentence(sentence: str) -> SentenceScan:
    """Named agreements and bare references to agreements in one sentence, left to right."""
    scan = SentenceScan()
    taken: list[tuple[int, int]] = []
    for match in _HEAD.finditer(sentence):
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        found = _read(sentence, match, taken[-1][1] if taken else 0)
        if isinstance(found, AgreementSpan):
            scan.names.append(found)
            taken.append((found.start, found.end))
        elif isinstance(found, Reference):
            scan.references.append(found)
    for match in re.finditer(r"\b(?:the|this|these|those)\s+(?:two\s+|three\s+)?(documents?)\b", sentence, re.I):
        scan.references.append(Reference(match.start(1), match.end(1), match.group(1).lower().endswith("s")))
    scan.names = _join_aliases(sentence, scan.names)
    scan.references.sort(key=lambda r: r.start)
    return scan


def _read(sentence: str, match: re.Match, floor: int) -> AgreementSpan | Reference | None:
    """The name around one head, a bare reference, or None when the head names nothing."""
    head = match.group("head")
    base, plural = _canonical(head)
    if base in ("annex", "appendix"):
        return _annex(sentence, match)
    # At a sentence's start only a title's inner capital ("A Letter of Intent") says it is a name.
    titled = any(word[:1].isupper() for word in head.split()[1:])
    capital = head[0].isupper() and (titled or not _sentence_initial(sentence, match.start()))
    left = grow_left(sentence, match.start(), plural=plural, floor=floor)
    if plural and base in _WEAK:
        return None  # "276 projects", "the plans": never one instrument
    if plural and left.count is None and not left.domain:
        return _reference(sentence, match, plural) if not capital else None
    lower_name = not capital and not left.named
    end = grow_right(sentence, match.end(), lower_name=lower_name, lower_head=not capital,
                     purpose=base in _PURPOSE, tally=left.count is not None)
    modified = left.start < match.start()
    if not modified and end == match.end() and not (capital and " " in head):
        end = _described_by_parties(sentence, match, base)
        if end is None:
            if _signed_joint_statement(sentence, match, base):
                end = match.end()
            else:
                return _reference(sentence, match, plural)
    start = left.start
    name = sentence[start:end]
    if not _is_name(sentence, match, base, plural, capital, left, start, end):
        return _reference(sentence, match, plural) if not modified else None
    if _excluded(sentence, base, start, match.start(), end, name):
        return None
    return AgreementSpan(name, _KINDS.get(base, base), start, end, tally=left.count if plural else None,
                         date_from=end)


_SINGULAR = {"memoranda": "memorandum", "memorandums": "memorandum", "treaties": "treaty",
             "strategies": "strategy"}


def _canonical(head: str) -> tuple[str, bool]:
    """The head's singular base form ("memoranda of understanding" -> "memorandum of
    understanding") and whether it is plural."""
    words = head.lower().replace("é", "e").split()
    # the noun that carries the number: the first of "X of Y" ("plans of action"), else the last
    index = 0 if "of" in words else len(words) - 1
    noun = words[index]
    plural = noun.endswith("s") or noun in _SINGULAR
    words[index] = _SINGULAR.get(noun, noun[:-1] if plural else noun)
    return " ".join(words), plural


def _sentence_initial(sentence: str, start: int) -> bool:
    """Whether the head opens the sentence (or follows only "The"), where a capital says nothing."""
    return re.fullmatch(r"\W*(?:(?:The|A|An|This)\s+)?", sentence[:start]) is not None


def _annex(sentence: str, match: re.Match) -> AgreementSpan | None:
    """"Annex C", "Annex II": a part of a treaty, named by its letter or number alone."""
    identifier = re.match(r"\s+(?:[A-Z]|[IVX]+|\d+)\b", sentence[match.end():])
    if not match.group("head")[0].isupper() or identifier is None:
        return None
    end = match.end() + identifier.end()
    return AgreementSpan(sentence[match.start():end], "annex", match.start(), end, date_from=end)


def _reference(sentence: str, match: re.Match, plural: bool) -> Reference | None:
    """A bare head after "the/this ..." refers back to a named instrument."""
    before = re.search(r"(\w+)\W*$", sentence[:match.start()])
    if before and before.group(1).lower() in _DEFINITE | {"two", "three", "both"}:
        return Reference(match.start(), match.end(), plural)
    return None


def _described_by_parties(sentence: str, match: re.Match, base: str) -> int | None:
    """A bare head described by who signed or agreed it ("One MoU was signed between X and Y",
    "the action plan adopted among the three ministries on ..."): the end of that description. A
    definite agreement or MoU ("the MoU was signed by ...") refers back instead."""
    participle = _PARTICIPLE.match(sentence, match.end())
    if participle is None:
        return None
    if base not in _WEAK and _reference(sentence, match, False) is not None:
        return None  # "The agreement was signed between ...": the one already named
    end = grow_right(sentence, participle.end(), lower_name=True, purpose=base in _PURPOSE, complement=True)
    parties = trim_tail(" " + sentence[participle.end():end])[1:]  # the tail starts inside a complement
    preposition = participle.group(0).split()[-1]
    if not parties or is_generic_party(f" {preposition} {parties}"):
        return None
    return participle.end() + len(parties)


def _signed_joint_statement(sentence: str, match: re.Match, base: str) -> bool:
    """"signed a joint statement": a joint document signed by the sides needs no other name."""
    return base.startswith("joint") and re.search(r"\b(?:signed|adopted|inked)\s+(?:a|the)\s+$",
                                                   sentence[:match.start()], re.I) is not None


def _is_name(sentence: str, match: re.Match, base: str, plural: bool, capital: bool, left: LeftEdge,
             start: int, end: int) -> bool:
    """Whether the grown span names an instrument (see the module docstring)."""
    before = sentence[:start]
    # a partner alone ("an agreement with India") says who, not what: "with" goes with the verb
    has_tail = end > match.end() and not re.match(r"\s+with\b", sentence[match.end():end])
    if plural:
        if left.count is not None:  # not "the five agreements" (named before), not "two accords could"
            return re.search(r"\b(?:the|these|those|its|their)\s+$", before, re.I) is None \
                and _MODAL_AFTER.match(sentence, end) is None
        amount_after = re.match(r"\s+(?:totalling|totaling|worth|valued at)", sentence[match.end():]) is not None
        return left.domain and (_SIGNING.search(sentence) is not None or amount_after)
    if base in _WEAK:
        if capital:
            return True
        described = _PARTICIPLE.match(sentence, match.end()) is not None
        implemented = base in _PURPOSE and _IMPLEMENTED.search(before) is not None \
            and re.match(r"\s+to\s+[a-z]", sentence[match.end():]) is not None
        return described or implemented
    if base == "contract" and not _STATE_PARTIES.search(sentence):
        return False  # contracts are mostly firms'; one counts when the states are its parties
    if capital:
        return True
    if base == "deal" and not left.named:
        return False  # "the new deal", "the pipeline deal": an outcome or a shorthand, not a name
    if not (left.domain or left.named or has_tail or _PARTICIPLE.match(sentence, match.end())
            or _signed_joint_statement(sentence, match, base)):
        return False
    if _HYPOTHETICAL.search(before):
        return False
    article = re.search(r"(\b\w+)\s*$", before)
    definite = article is not None and article.group(1).lower() in _DEFINITE
    signed = _SIGNING.search(before) is not None or _SIGNED_AFTER.match(sentence, end) is not None
    return has_tail or definite or signed or left.named


def _excluded(sentence: str, base: str, start: int, head: int, end: int, name: str) -> bool:
    """Names that are no bilateral instrument the text says exists (see the module docstring)."""
    before = sentence[:start]
    if _NOT_SIGNED.search(before) or _NOT_SIGNED_AFTER.match(sentence, end):
        return True
    if _MULTILATERAL.search(name) or _CHARACTERISED.search(before):
        return True
    if base in _WEAK and base not in ("declaration", "convention", "charter"):
        clause = re.split(r"[;.]", before)[-1]
        if _FINANCED.search(clause) or re.search(r"['’]s?\s+$", before) \
                or re.search(r"\bNational\b", sentence[start:head]):
            return True  # a programme that is financed, or one party's own ("the country's", "National")
    return False


def _join_aliases(sentence: str, names: list[AgreementSpan]) -> list[AgreementSpan]:
    """Fold a name given in apposition ("X, the Y, signed ...") into the one before it: the
    same instrument, dated by what follows both."""
    joined: list[AgreementSpan] = []
    for index, span in enumerate(names):
        previous = joined[-1] if joined else None
        gap = sentence[previous.end:span.start] if previous else ""
        following = names[index + 1] if index + 1 < len(names) else None
        after = sentence[span.end:span.end + 2]
        listed = following is not None and following.start - span.end <= 8
        if previous and previous.kind == span.kind and re.fullmatch(r"\s*,\s*(?:the\s+)?", gap) \
                and re.match(r"\s*,|\s*\.|\s*$", after) and not listed:
            joined[-1] = AgreementSpan(previous.name, previous.kind, previous.start, previous.end,
                                       previous.tally, previous.aliases + (span.name,), span.end)
            continue
        joined.append(span)
    return joined
