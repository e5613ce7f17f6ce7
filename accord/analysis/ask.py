"""Answer a plain-language question from the store: structured records first, then the best
sentences, always with citations; "not found" when nothing supports an answer."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from accord.errors import SearchSyntaxError
from accord.extract.dates import DateContext, find_dates
from accord.extract.event_types import event_types as all_event_types
from accord.extract.gazetteer import load_gazetteer
from accord.folding import fold
from accord.store.queries import search
from accord.store.records import RecordFilter, list_records

_QUANTITY_WORDS = [
    ("trade_turnover", r"\btrade|turnover|two-way|commerce"),
    ("exports", r"\bexport"), ("imports", r"\bimport"),
    ("investment", r"\binvest|capital|fdi"),
    ("energy", r"\belectricity|power|energy|megawatt|\bmw\b|hydropower"),
    ("aid", r"\baid\b|grant|assistance|donat|loan"),
    ("education", r"\bscholarship|student|education|training"),
    ("tourism", r"\btouris|visitor"),
]
_TARGET = re.compile(r"\b(target|targets|goal|goals|aim|aims|plan|plans|pledge|pledged|set|promise"
                     r"|commit|commitment|want|hope)\b", re.I)
_ACTUAL = re.compile(r"\b(reached|actual|was|were|how much|how many|current|currently|so far|to date)\b", re.I)
_STOP = set("what which who whom when where why how did do does is are was were the a an of to in on "
            "and or for with by from between that this these those set have has had their its it "
            "be been any there about".split())
MAX_SENTENCES = 3


@dataclass(frozen=True)
class Citation:
    """A sentence that supports an answer, with its document and span."""

    doc_id: str
    origin: str
    sentence: str
    start: int
    end: int


@dataclass
class Answer:
    """An answer and what it rests on."""

    question: str
    found: bool
    text: str
    facts: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    agreements: list[dict] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def as_json(self) -> dict:
        """Plain data for --json and the API."""
        return {"question": self.question, "found": self.found, "answer": self.text,
                "facts": self.facts, "events": self.events, "agreements": self.agreements,
                "citations": [c.__dict__ for c in self.citations]}


def question_countries(question: str) -> list[str]:
    """Countries a question names, in order."""
    mentions = load_gazetteer().find(question)
    return list(dict.fromkeys(m.country for m in mentions if m.country and m.kind != "person"))


def answer_question(conn: sqlite3.Connection, question: str) -> Answer:
    """Answer from facts, events and agreements of the countries asked about, else from sentences."""
    countries = question_countries(question)
    pair = "-".join(countries[:2]) if len(countries) >= 2 else None
    folded = fold(question)
    quantities = [kind for kind, pattern in _QUANTITY_WORDS if re.search(pattern, folded)]
    event_types = [t.name for t in all_event_types() if t.question_words.search(folded)]
    wants_target = bool(_TARGET.search(question)) and not _ACTUAL.search(question)
    answer = Answer(question, False, "not found")
    if quantities:
        _answer_with_facts(conn, answer, pair, countries, quantities, wants_target)
    if not answer.found and event_types:
        _answer_with_events(conn, answer, pair, countries, event_types)
    if not answer.found:
        _answer_with_sentences(conn, answer, question, countries)
    return answer


def _filter_countries(rows: list[dict], countries: list[str], column: str) -> list[dict]:
    if not countries:
        return rows
    wanted = set(countries)
    return [r for r in rows if wanted & set(re.findall(r"[A-Z]{3}", str(r.get(column) or "")))]


def _cite(row: dict) -> Citation:
    return Citation(row["doc_id"], row.get("origin") or "", row["sentence"], row["sent_start"], row["sent_end"])


def _answer_with_facts(conn, answer: Answer, pair, countries, quantities, wants_target) -> None:
    rows = [r for r in list_records(conn, "facts", RecordFilter(pair=pair, limit=10000))
            if r["quantity"] in quantities and bool(r["is_target"]) == wants_target]
    rows = _filter_countries(rows, countries, "countries") if not pair else rows
    if not rows:
        return
    seen, parts = set(), []
    for row in sorted(rows, key=lambda r: (r["unit"], r["value"])):
        key = (row["unit"], round(row["value"], 2), row["period"])
        if key in seen:
            answer.citations.append(_cite(row))
            continue
        seen.add(key)
        answer.facts.append({"quantity": row["quantity"], "value": row["value"], "unit": row["unit"],
                             "period": row["period"], "is_target": bool(row["is_target"]),
                             "document": row["doc_id"], "evidence": row["sentence"]})
        answer.citations.append(_cite(row))
        parts.append(f"{row['unit']} {_number(row['value'])}"
                     + (f" ({row['period']})" if row["period"] else "") + f" [{len(answer.citations)}]")
    kind = "targets" if wants_target else "figures"
    answer.found = True
    answer.text = f"{', '.join(q.replace('_', ' ') for q in quantities)} {kind}: " + "; ".join(parts)


def _question_dates(question: str) -> list[str]:
    """Dates the question states ("in December 2025" -> "2025-12")."""
    return [m.value.iso for m in find_dates(question, DateContext()) if m.value and m.kind == "explicit"]


def _named_agreements(conn, pair, question: str) -> list[dict]:
    """Agreements whose name shares at least two content words with the question, best first."""
    words = {w for w in re.findall(r"\w+", fold(question)) if w not in _STOP and len(w) > 2}
    scored = []
    for row in list_records(conn, "agreements", RecordFilter(pair=pair, limit=10000)):
        overlap = len(words & set(re.findall(r"\w+", fold(row["name"]))))
        if overlap >= 2:
            scored.append((overlap, row))
    best = max((o for o, _ in scored), default=0)
    return [row for overlap, row in scored if overlap == best]


def _answer_with_events(conn, answer: Answer, pair, countries, event_types) -> None:
    named = _named_agreements(conn, pair, answer.question) if "agreement_signed" in event_types else []
    if named:
        parts = []
        for row in named:
            answer.agreements.append({"name": row["name"], "date": row["date"], "document": row["doc_id"],
                                      "evidence": row["sentence"]})
            answer.citations.append(_cite(row))
            parts.append(f"{row['name']}: {'signed ' + row['date'] if row['date'] else 'date not stated'}"
                         f" [{len(answer.citations)}]")
        answer.found, answer.text = True, "; ".join(parts)
        return
    rows = [r for r in list_records(conn, "events", RecordFilter(pair=pair, limit=10000))
            if r["type"] in event_types and not r["negated"]]
    rows = _filter_countries(rows, countries, "pair_key") if not pair else rows
    dates = _question_dates(answer.question)
    if dates:
        rows = [r for r in rows if r["date"] and any(r["date"].startswith(d) or d.startswith(r["date"])
                                                     for d in dates)]
    if not rows:
        return
    parts = []
    seen: dict[tuple, int] = {}
    for row in sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "")):
        key = (row["date"], row["type"], row["source"], row["target"])
        if key in seen:
            continue  # the same event reported again: one citation is enough
        seen[key] = len(seen)
        if len(seen) > 10:
            break
        answer.events.append({"date": row["date"], "type": row["type"], "source": row["source"],
                              "target": row["target"], "document": row["doc_id"], "evidence": row["sentence"]})
        answer.citations.append(_cite(row))
        parts.append(f"{row['date'] or 'undated'}: {row['type'].replace('_', ' ')} "
                     f"{row['source']}→{row['target']} [{len(answer.citations)}]")
    answer.found = True
    answer.text = "; ".join(parts)


def _answer_with_sentences(conn, answer: Answer, question: str, countries: list[str]) -> None:
    terms = [w for w in re.findall(r"\w+", fold(question)) if w not in _STOP and len(w) > 2]
    if not terms:
        return
    try:
        hits = search(conn, " OR ".join(terms), 10)
    except SearchSyntaxError:
        return
    scored = []
    for hit in hits:
        text = conn.execute("SELECT clean_text FROM documents WHERE id = ?", (hit.document.id,)).fetchone()[0]
        for match in re.finditer(r"[^.!?\n]+[.!?]?", text):
            sentence = match.group(0).strip()
            words = set(re.findall(r"\w+", fold(sentence)))
            score = sum(1 for t in terms if t in words)
            if score >= max(2, len(terms) // 2):
                start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
                scored.append((score, Citation(hit.document.id, hit.document.origin, sentence, start,
                                               start + len(sentence))))
    scored.sort(key=lambda pair: -pair[0])
    if not scored:
        return
    answer.citations = [c for _, c in scored[:MAX_SENTENCES]]
    answer.found = True
    answer.text = " ".join(f"{c.sentence} [{i + 1}]" for i, c in enumerate(answer.citations))


def _number(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:g} {word}"
    return f"{value:,.0f}"
