"""Answer a plain-language question from the store: structured records first (events,
agreements, figures, commitments), then sentences of the documents on the asked pair, always
with one citation per distinct sentence; "not found" when the store holds nothing on the asked
pair or period. How a question is read: analysis/question.py."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from accord.analysis.commitments import period_year, track_commitments
from accord.analysis.load import load_facts
from accord.analysis.question import Question, parse_question
from accord.extract.dates import DateContext, find_dates
from accord.folding import fold
from accord.store.records import normalise_pair

MAX_ITEMS = 10
MAX_SENTENCES = 3
# A sentence ends at . ! ? followed by space and a capital or quote: never inside "1.6" or "U.S.".
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Citation:
    """A sentence that supports an answer, with its document and span."""

    doc_id: str
    origin: str
    sentence: str
    sentence_start: int  # the sentence's span in the document's clean text, named as evidence spans are
    sentence_end: int


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
    commitments: list[dict] = field(default_factory=list)
    intent: str = "events"

    def as_json(self) -> dict:
        """Plain data for --json and the API."""
        return {"question": self.question, "found": self.found, "answer": self.text, "intent": self.intent,
                "facts": self.facts, "events": self.events, "agreements": self.agreements,
                "commitments": self.commitments, "citations": [c.__dict__ for c in self.citations]}

    def cite(self, row: dict) -> int:
        """The citation number of a record's sentence, adding it when it is new: one citation per
        distinct sentence, however many records it supports."""
        sentence = " ".join(row["sentence"].split())
        for number, citation in enumerate(self.citations, start=1):
            if (citation.doc_id, citation.sentence_start) == (row["doc_id"], row["sent_start"]) or citation.sentence == sentence:
                return number
        self.citations.append(Citation(row["doc_id"], row.get("origin") or "", sentence,
                                       row["sent_start"], row["sent_end"]))
        return len(self.citations)


def question_countries(question: str) -> list[str]:
    """Countries a question names, in order."""
    return list(parse_question(question).countries)


def answer_question(conn: sqlite3.Connection, question: str) -> Answer:
    """Answer by the question's intent from the records of the pair and period it names."""
    q = parse_question(question)
    answer = Answer(question, False, "not found", intent=q.intent)
    if q.countries and not _rows(conn, "events", q, period=False) and not _rows(conn, "facts", q, period=False):
        return answer  # nothing at all on the asked countries
    handler = {"target_vs_actual": _answer_commitments, "target": _answer_figures, "how_much": _answer_figures,
               "who_visited": _answer_visits, "signed": _answer_signed, "when": _answer_when}.get(q.intent)
    if handler:
        handler(conn, q, answer)
    if not answer.found and q.intent in ("events", "when", "who_visited"):
        _answer_events(conn, q, answer)
    if not answer.found and not q.has_period and q.intent in ("events", "when"):
        _answer_with_sentences(conn, q, answer)
    return answer


def _rows(conn: sqlite3.Connection, table: str, q: Question, period: bool = True) -> list[dict]:
    """Records of the asked pair (or of the one country asked about) in the asked period: an
    event or agreement by its date, a figure by its period's year, else its document's date."""
    clauses, params = [], []
    if q.pair:
        clauses.append("r.pair_key = ?")
        params.append(normalise_pair(q.pair))
    elif q.countries:
        clauses.append("(r.pair_key LIKE ? OR r.pair_key LIKE ?)")
        params += [f"{q.countries[0]}-%", f"%-{q.countries[0]}"]
    if table == "events":
        clauses.append("r.negated = 0")
    where = "WHERE " + " AND ".join(clauses) if clauses else ""
    rows = [dict(row) for row in conn.execute(
        f"SELECT r.*, d.origin, d.published AS doc_published FROM {table} r JOIN documents d ON d.id = r.doc_id"
        f" {where} ORDER BY r.id", params)]
    if not period or not q.has_period:
        return rows
    return [r for r in rows if q.in_period(_record_date(table, r))]


def _record_date(table: str, row: dict) -> str | None:
    if table == "facts":
        year = period_year(row["period"]) if row["period"] else None
        return str(year) if year else row["doc_published"]
    return row.get("date") or (row["doc_published"] if table == "agreements" else None)


def _overlap(q: Question, text: str) -> int:
    """How many of the question's content words the text holds (by their first five letters,
    so that "establish" finds "establishment")."""
    words = {w[:5] for w in re.findall(r"[a-z]+", fold(text).lower())}
    return sum(1 for w in dict.fromkeys(q.words) if w[:5] in words)


def _event_item(answer: Answer, row: dict) -> str:
    number = answer.cite(row)
    answer.events.append({"date": row["date"], "type": row["type"], "source": row["source"],
                          "target": row["target"], "document": row["doc_id"], "evidence": row["sentence"]})
    return (f"{row['date'] or 'undated'}: {row['type'].replace('_', ' ')} {row['source']}→{row['target']}"
            f" [{number}]")


def _distinct_events(rows: list[dict]) -> list[dict]:
    """One row per event (date, type and the two sides), in the given order."""
    seen, kept = set(), []
    for row in rows:
        key = (row["date"], row["type"], frozenset((row["source"], row["target"])))
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def _answer_events(conn, q: Question, answer: Answer) -> None:
    """The asked pair's events of the asked types in the asked period, in date order."""
    rows = [r for r in _rows(conn, "events", q) if not q.event_types or r["type"] in q.event_types]
    if q.intent == "who_visited":
        rows = [r for r in rows if r["type"] == "visit"]
    rows = _distinct_events(sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "")))[:MAX_ITEMS]
    if rows:
        answer.found, answer.text = True, "; ".join(_event_item(answer, r) for r in rows)


def _answer_when(conn, q: Question, answer: Answer) -> None:
    """The date of the record that best matches the question: words shared with its sentence
    (or the agreement's name), and a sentence that states the date itself rather than inheriting it."""
    scored = []
    for row in _rows(conn, "events", q):
        if not row["date"]:
            row = {**row, "date": _stated_date(row["sentence"])}
        if row["date"] and (not q.event_types or row["type"] in q.event_types or _overlap(q, row["sentence"]) >= 2):
            stated = row["date"][:4] in row["sentence"]
            scored.append((_overlap(q, row["sentence"]) + 2 * stated, "event", row))
    for row in _rows(conn, "agreements", q):
        if row["date"]:
            scored.append((_overlap(q, row["name"]) * 2 + _overlap(q, row["sentence"]), "agreement", row))
    if not scored or (q.words and max(s for s, _, _ in scored) == 0):
        return
    best = max(s for s, _, _ in scored)
    parts = []
    for score, kind, row in scored:
        if score == best and len(parts) < MAX_ITEMS:
            parts.append(_agreement_item(answer, row) if kind == "agreement" else _event_item(answer, row))
    answer.found, answer.text = True, "; ".join(dict.fromkeys(parts))


def _stated_date(sentence: str) -> str | None:
    """The one full date an undated event's sentence states, if it states exactly one (the
    extractor leaves background dates off the event: "the first to recognise it, on 18 January 1950")."""
    dates = {m.value.iso for m in find_dates(sentence, DateContext()) if m.value and m.kind == "explicit"
             and m.value.precision == "day"}
    return dates.pop() if len(dates) == 1 else None


def _agreement_item(answer: Answer, row: dict) -> str:
    number = answer.cite(row)
    answer.agreements.append({"name": row["name"], "date": row["date"], "document": row["doc_id"],
                              "evidence": row["sentence"]})
    return f"{row['name']}: {'signed ' + row['date'] if row['date'] else 'date not stated'} [{number}]"


def _answer_signed(conn, q: Question, answer: Answer) -> None:
    """The agreements of the pair in the period (best matching the question's words first), else
    its signing events."""
    rows = _rows(conn, "agreements", q)
    if q.words and any(_overlap(q, r["name"]) for r in rows):
        best = max(_overlap(q, r["name"]) for r in rows)
        rows = [r for r in rows if _overlap(q, r["name"]) == best]
    seen, parts = set(), []
    for row in sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "")):
        if fold(row["name"]).lower() not in seen and len(parts) < MAX_ITEMS:
            seen.add(fold(row["name"]).lower())
            parts.append(_agreement_item(answer, row))
    if not parts:
        signings = [r for r in _rows(conn, "events", q) if r["type"] == "agreement_signed"]
        parts = [_event_item(answer, r) for r in _distinct_events(signings)[:MAX_ITEMS]]
    if parts:
        answer.found, answer.text = True, "; ".join(parts)


def _answer_figures(conn, q: Question, answer: Answer) -> None:
    """Figures (targets for a target question, reported ones otherwise) of the asked kinds."""
    wants_target = q.intent == "target"
    kind = [r for r in _rows(conn, "facts", q) if bool(r["is_target"]) == wants_target]
    rows = [r for r in kind if not q.quantities or r["quantity"] in q.quantities]
    # No figure of the asked kind: a figure the extractor could not classify ("aim for $100
    # billion") is the best the store has, and the citation shows what it is.
    rows = rows or [r for r in kind if r["quantity"] in ("other", "money")]
    seen, parts = set(), []
    for row in sorted(rows, key=lambda r: (-_overlap(q, r["sentence"]), r["id"])):
        key = (row["unit"], round(row["value"], 2), row["period"])
        if key in seen or len(parts) >= MAX_ITEMS:
            continue
        seen.add(key)
        number = answer.cite(row)
        answer.facts.append({"quantity": row["quantity"], "value": row["value"], "unit": row["unit"],
                             "period": row["period"], "is_target": bool(row["is_target"]),
                             "document": row["doc_id"], "evidence": row["sentence"]})
        parts.append(f"{row['unit']} {_number(row['value'])}" + (f" ({row['period']})" if row["period"] else "")
                     + f" [{number}]")
    if parts:
        kind = "targets" if wants_target else "figures"
        label = ", ".join(k.replace("_", " ") for k in q.quantities) or "reported"
        answer.found, answer.text = True, f"{label} {kind}: " + "; ".join(parts)


def _answer_commitments(conn, q: Question, answer: Answer) -> None:
    """Targets of the pair against the latest comparable figure (`commitments.track_commitments`)."""
    if not q.pair:
        return
    facts = [f for f in load_facts(conn, q.pair) if not q.quantities or f.quantity in q.quantities]
    parts = []
    for commitment in track_commitments(facts, _reference_year(conn)):
        shown = commitment.as_json()
        answer.commitments.append(shown)
        first = commitment.statements[0].mention
        number = answer.cite({"doc_id": first.doc_id, "sentence": first.sentence, "sent_start": first.start,
                              "sent_end": first.end})
        actual = commitment.latest_actual or commitment.baseline
        against = (f"{'baseline' if commitment.baseline else 'latest'} {_number(actual.value)}"
                   f" ({actual.period})" if actual else "no reported figure")
        parts.append(f"target {commitment.unit} {_number(commitment.target_value)}"
                     f"{' by ' + commitment.deadline if commitment.deadline else ''} vs {against}:"
                     f" {commitment.status} [{number}]")
    if parts:
        answer.found, answer.text = True, "; ".join(parts)


def _reference_year(conn) -> int:
    from accord.analysis.views import reference_year
    return reference_year(conn)


def _answer_visits(conn, q: Question, answer: Answer) -> None:
    """Visits in the period to (or, for a pair, between) the countries asked about, with the
    visitors the sentence names."""
    rows = [r for r in _rows(conn, "events", q) if r["type"] == "visit" and not r["planned"]]
    if not q.pair and q.countries:
        rows = [r for r in rows if r["target"] == q.countries[0]] or rows
    parts = []
    for row in _distinct_events(sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "")))[:MAX_ITEMS]:
        people = [p[0] for p in conn.execute(
            "SELECT DISTINCT name FROM people WHERE doc_id = ? AND country = ?", (row["doc_id"], row["source"]))
            if p[0] in row["sentence"]]
        item = _event_item(answer, row)
        answer.events[-1]["visitors"] = people
        parts.append((", ".join(people) + " - " if people else "") + item)
    if parts:
        answer.found, answer.text = True, "; ".join(parts)


def _answer_with_sentences(conn, q: Question, answer: Answer) -> None:
    """The sentences that share most words with the question, from the documents that hold
    records of the asked pair; never a fragment cut at a decimal point."""
    if not q.words:
        return
    documents = {r["doc_id"] for r in _rows(conn, "events", q, period=False) + _rows(conn, "facts", q, period=False)}
    scored = []
    for doc_id in sorted(documents):
        origin, text = conn.execute("SELECT origin, clean_text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        start = 0
        for piece in _SENTENCE.split(text) + [""]:
            position = text.find(piece, start) if piece else -1
            if position < 0:
                continue
            start = position + len(piece)
            sentence = " ".join(piece.split())
            score = _overlap(q, sentence)
            if score >= max(2, (len(set(q.words)) + 1) // 2):
                scored.append((score, {"doc_id": doc_id, "origin": origin, "sentence": sentence,
                                       "sent_start": position, "sent_end": position + len(piece)}))
    scored.sort(key=lambda pair: -pair[0])
    parts = [f"{row['sentence']} [{answer.cite(row)}]" for _, row in scored[:MAX_SENTENCES]]
    if parts:
        answer.found, answer.text = True, " ".join(dict.fromkeys(parts))


def _number(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
