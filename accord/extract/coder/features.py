"""Features of one candidate: what the event coder sees of a sentence and two countries.

The sentence is read with the two countries abstracted away: the words that name the side
named first become A, the other side B, any third country X, and group references ("the two
sides", "both countries") G. What is left says what happened and who did it:

* words and short n-grams around A, B and G ("A visit B", "B host A", "visit to B");
* each side's grammatical role and the word it depends on ("A: nsubj of visit", "B: pobj
  'to' of trip"), and the dependency path between the two sides;
* the CAMEO codes the lexicons give the sentence's words (PETRARCH verbs, accord triggers),
  alone and joined with the roles of A and B;
* modality around the predicates: auxiliaries (will, would), negation, governing verbs
  ("plan", "cancel", "hope"), the tense tag, whether the sentence's dates lie after
  publication, a condition ("if").

Features are strings; the model hashes them (accord/extract/coder/model.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from accord.extract.cameo import lookup
from accord.extract.coder.candidates import ActorRef, Candidate
from accord.extract.coder.lexicon import LexiconHit, lexicon_hits

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from accord.extract.dates import DateMention

_GROUP = re.compile(
    r"\b(?:the two (?:sides|countries|nations|leaders|parties|peoples|governments|states|ministers|"
    r"delegations|neighbou?rs|prime ministers|presidents|heads of state|foreign ministers|sides')|"
    r"both (?:sides|countries|nations|leaders|parties|governments|peoples|ministers)|"
    r"each other|their (?:two )?countries|bilateral|counterparts?)\b", re.I)
_MAX_UP = 4  # dependency steps from a side's words to the predicate they depend on
_PREDICATE_POS = {"VERB", "AUX"}
_SIDE_SYMBOLS = ("A", "B", "G")


@dataclass(frozen=True)
class SentenceView:
    """One parsed sentence prepared once for all its candidates: lemmas, lexicon hits, and
    the clean-text position of the sentence's doc."""

    span: Span
    offset: int
    lemmas: list[str]
    hits: list[LexiconHit]
    group_tokens: frozenset[int]
    tokens: list[Token]  # spaCy makes a new Token object at every access: made once here
    positions: list[int]  # clean-text offset of each token

    @classmethod
    def of(cls, span: Span, offset: int) -> SentenceView:
        """Prepare a sentence (`offset`: clean-text position of span.doc)."""
        tokens = list(span)
        lemmas = [_lemma(t) for t in tokens]
        hits = lexicon_hits(lemmas, [t.pos_ in _PREDICATE_POS for t in tokens])
        base = span.start_char
        group = set()
        for match in _GROUP.finditer(span.text):
            for i, token in enumerate(tokens):
                if match.start() <= token.idx - base < match.end():
                    group.add(i)
        return cls(span, offset, lemmas, hits, frozenset(group), tokens, [offset + t.idx for t in tokens])


@dataclass
class Features:
    """A candidate's features: `base` for the event head; `relational` (roles, paths,
    lexicon-role joints) and `modal` are also joined with an event type for the direction
    and planned/negated heads."""

    base: list[str] = field(default_factory=list)
    relational: list[str] = field(default_factory=list)
    modal: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        """Every feature once."""
        return list(dict.fromkeys(self.base + self.relational + self.modal))


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower() or token.lower_
    return "#" if token.like_num else lemma


def side_symbols(view: SentenceView, candidate: Candidate, actors: list[ActorRef]) -> list[str | None]:
    """A, B, X, G or None for every token of the sentence."""
    symbols: list[str | None] = [None] * len(view.lemmas)
    for i, position in enumerate(view.positions):
        for actor in actors:
            if actor.start <= position < actor.end:
                symbols[i] = ("A" if actor.country == candidate.first else
                              "B" if actor.country == candidate.second else "X")
                break
        if symbols[i] is None and i in view.group_tokens:
            symbols[i] = "G"
    return symbols


def candidate_features(view: SentenceView, candidate: Candidate, actors: list[ActorRef],
                       dates: list[DateMention]) -> Features:
    """Every feature of one candidate in one sentence."""
    symbols = side_symbols(view, candidate, actors)
    features = Features()
    _sequence_features(view, symbols, features)
    heads = _side_heads(view, symbols)
    predicates = _role_features(view, heads, features)
    _path_features(view, heads, features)
    _lexicon_features(view, symbols, heads, features)
    _modal_features(view, predicates, dates, features)
    _meta_features(view, candidate, actors, symbols, features)
    return features


def _sequence_features(view: SentenceView, symbols: list[str | None], features: Features) -> None:
    sequence: list[str] = []
    for lemma, symbol, token in zip(view.lemmas, symbols, view.tokens):
        item = symbol or lemma
        if token.is_punct and token.text not in (",", '"', "“", "”", "(", ")"):
            continue
        if sequence and symbol and sequence[-1] == item:
            continue  # "Prime Minister Pham Minh Chinh" is one A
        sequence.append(item)
    words = set()
    for position, item in enumerate(sequence):
        if item not in ("A", "B", "X", "G"):
            words.add(f"w={item}")
        for n in (2, 3):
            gram = sequence[position:position + n]
            if len(gram) == n and any(g in _SIDE_SYMBOLS for g in gram):
                features.base.append(f"s{n}=" + "_".join(gram))
    features.base.extend(sorted(words))
    order = [s for s in dict.fromkeys(sequence) if s in ("A", "B")]
    features.base.append("order=" + "".join(order) if order else "order=none")


def _side_heads(view: SentenceView, symbols: list[str | None]) -> dict[str, list[Token]]:
    """Per side, the tokens heading its mentions (the mention token whose head lies outside it)."""
    tokens = view.tokens
    heads: dict[str, list[Token]] = {"A": [], "B": [], "G": []}
    for i, symbol in enumerate(symbols):
        if symbol not in heads:
            continue
        head = tokens[i].head
        inside = view.span.start <= head.i < view.span.end and symbols[head.i - view.span.start] == symbol
        if not inside or head.i == tokens[i].i:
            heads[symbol].append(tokens[i])
    return heads


def _climb(token: Token) -> tuple[list[str], Token]:
    """The dependency labels from a side's head token up to the predicate it depends on
    (a verb, or the root), prepositions folded into their object's label ("pobj:to")."""
    path: list[str] = []
    node = token
    for _ in range(_MAX_UP):
        if node.head.i == node.i:
            break
        label = node.dep_
        if label == "pobj":
            label = f"pobj:{node.head.lower_}"
            node = node.head
            if node.head.i == node.i:
                path.append(label)
                break
        path.append(label)
        node = node.head
        if node.pos_ in _PREDICATE_POS:
            break
    return path, node


def _role_features(view: SentenceView, heads: dict[str, list[Token]], features: Features) -> list[Token]:
    predicates = []
    for side in ("A", "B", "G"):
        for token in heads[side]:
            path, predicate = _climb(token)
            lemma = _lemma(predicate)
            chain = ">".join(path) or "self"
            first = path[0] if path else "self"
            features.relational += [f"r{side}={chain}|{lemma}", f"d{side}={first}|{lemma}",
                                    f"c{side}={chain}", f"p{side}={lemma}"]
            features.relational += _bearer_features(side, token)
            predicates.append(predicate)
    return predicates


# What a country's name or demonym modifies says whether the state acts ("the Canadian
# government", "Peru's foreign minister") or someone else from there does ("a Canadian mining
# company", "Argentina's coach", "Polish farmers"): only states' acts are events.
STATE_BEARERS = frozenset("""
    government state administration authority authorities ministry minister ministers president
    premier chancellor leader leaders king queen emir prince sultan monarch cabinet parliament
    congress senate assembly lawmaker lawmakers embassy ambassador envoy diplomat diplomats consul
    consulate mission delegation official officials spokesman spokeswoman spokesperson army military
    troops forces force navy air guard guards coastguard police intelligence agency secretary
    counterpart side party regime junta commander general court prosecutor prosecutors customs
    vessel vessels warship warships aircraft jets ships drones border
""".split())
NONSTATE_BEARERS = frozenset("""
    company companies firm firms carmaker bank banks club team teams coach player players striker
    athletes novelist writer artist singer actor tourist tourists student students farmers
    traders fans protesters demonstrators investors businessman businessmen startup brand market
    media newspaper opposition rebels militants group league federation university scientists
    researchers economists analysts migrants refugees workers fishermen families
""".split())


def _bearer_features(side: str, token: Token) -> list[str]:
    """The noun a side's name or demonym belongs to ("the Canadian government": government),
    and whether that noun names the state or someone else from the country."""
    bearer = token
    for _ in range(3):
        if bearer.dep_ not in ("amod", "compound", "poss", "nmod", "case") or bearer.head.i == bearer.i:
            break
        bearer = bearer.head
    if bearer.i == token.i:
        return []
    lemma = _lemma(bearer)
    kind = "state" if lemma in STATE_BEARERS else "nonstate" if lemma in NONSTATE_BEARERS else "other"
    return [f"bearer{side}={lemma}", f"bearer{side}class={kind}"]


def _path_features(view: SentenceView, heads: dict[str, list[Token]], features: Features) -> None:
    if not heads["A"] or not heads["B"]:
        return
    a, b = heads["A"][0], heads["B"][0]
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in ids_b:
            lca, m = token, ids_b[token.i]
            break
    else:
        return
    deps_a = ">".join(t.dep_ for t in up_a[:n]) or "self"
    deps_b = ">".join(t.dep_ for t in up_b[:m]) or "self"
    lemma = _lemma(lca)
    features.relational += [f"path={deps_a}^{lemma}^{deps_b}", f"pathdeps={deps_a}^^{deps_b}",
                            f"lca={lemma}", f"lcapos={lca.pos_}"]


def _lexicon_features(view: SentenceView, symbols: list[str | None], heads: dict[str, list[Token]],
                      features: Features) -> None:
    predicate_roles: dict[int, list[str]] = {}
    for side in ("A", "B", "G"):
        for token in heads[side]:
            path, predicate = _climb(token)
            predicate_roles.setdefault(predicate.i, []).append(f"{side}:{path[0] if path else 'self'}")
    start = view.span.start
    for hit in view.hits:
        entry = lookup(hit.code)
        names = [f"lex={hit.code}", f"lexroot={entry.root}", f"lextype={entry.type}",
                 f"lex{hit.source}={entry.root}"]
        features.base.extend(names)
        for role in predicate_roles.get(start + hit.index, []):
            features.relational += [f"lexrole={entry.root}|{role}", f"lextyperole={entry.type}|{role}"]
        near = {symbols[j] for j in range(max(0, hit.index - 3), min(len(symbols), hit.index + 4))}
        for side in sorted(s for s in near if s):
            features.relational.append(f"lexnear={entry.root}|{side}")


_MODAL_GOVERNORS = {"plan", "expect", "schedule", "hope", "wish", "want", "intend", "aim", "seek",
                    "propose", "invite", "cancel", "postpone", "delay", "refuse", "decline", "deny",
                    "fail", "agree", "pledge", "vow", "promise", "threaten", "consider", "discuss",
                    "believe", "urge", "call", "ask", "offer", "prepare", "set", "due"}


def _modal_features(view: SentenceView, predicates: list[Token], dates: list[DateMention],
                    features: Features) -> None:
    seen = set()
    for predicate in predicates or [view.span.root]:
        if predicate.i in seen:
            continue
        seen.add(predicate.i)
        features.modal.append(f"tag={predicate.tag_}")
        for child in predicate.children:
            if child.dep_ in ("aux", "auxpass"):
                features.modal.append(f"aux={child.lemma_.lower()}")
            elif child.dep_ == "neg":
                features.modal.append("neg")
            elif child.dep_ == "mark":
                features.modal.append(f"mark={child.lower_}")
        for ancestor in list(predicate.ancestors)[:3]:
            lemma = _lemma(ancestor)
            if lemma in _MODAL_GOVERNORS:
                features.modal.append(f"gov={lemma}")
            if any(c.dep_ == "neg" for c in ancestor.children):
                features.modal.append("govneg")
    lowered = {lemma for lemma in view.lemmas}
    for word in ("if", "unless", "would", "could", "might", "may", "should", "not", "never", "no",
                 "will", "next", "upcoming", "expect", "plan", "hope", "believe", "cancel",
                 "postpone", "deny", "reject", "refuse", "fail", "scheduled", "later"):
        if word in lowered:
            features.modal.append(f"m={word}")
    features.modal.append("dates=" + _date_kinds(dates))


def _date_kinds(dates: list[DateMention]) -> str:
    """What the sentence's dates are: resolved dates, deadlines or periods only, or none. (Read
    from the text alone: the training sentences have no publication date.)"""
    kinds = {"date" if d.value is not None and d.kind not in ("deadline", "period") else d.kind
             for d in dates}
    return "+".join(sorted(kinds)) if kinds else "none"


def _meta_features(view: SentenceView, candidate: Candidate, actors: list[ActorRef],
                   symbols: list[str | None], features: Features) -> None:
    features.base.append(f"implied={candidate.implied}")
    kinds = {(("A" if a.country == candidate.first else "B" if a.country == candidate.second else "X"), a.kind)
             for a in actors}
    features.base.extend(f"kind={side}:{kind}" for side, kind in sorted(kinds))
    others = len({a.country for a in actors} - {candidate.first, candidate.second})
    features.base.append(f"others={min(others, 3)}")
    features.base.append(f"len={min(len(view.lemmas) // 10, 6)}")
    if "G" in symbols:
        features.base.append("group")
    text = view.span.text
    if any(q in text for q in ('"', "“", "”")):
        features.base.append("quote")
