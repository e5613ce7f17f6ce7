import pytest

from accord.analysis.ask import answer_question
from accord.analysis.question import parse_question, question_period


@pytest.mark.parametrize("text,intent", [
    ("When did Kenya and Uganda establish diplomatic relations?", "when"),
    ("What did France and Germany sign in 2019?", "signed"),
    ("How much was trade between Peru and Chile in 2021?", "how_much"),
    ("Who visited Ghana in March 2024?", "who_visited"),
    ("What investment target did Japan and India set?", "target"),
    ("Is the trade target of Brazil and Argentina on track against actual trade?", "target_vs_actual"),
])
def test_intent_is_read_from_the_form_of_the_question_for_any_pair(text, intent):
    assert parse_question(text).intent == intent


def test_pair_and_period_are_read_for_any_countries_and_dates():
    q = parse_question("What did France and Germany sign in December 2019?")
    assert q.pair == "FRA-DEU" and (q.date_from, q.date_to) == ("2019-12", "2019-12")
    assert question_period("visits between 2020 and 2023") == ("2020", "2023")
    assert question_period("since 2019") == ("2019", None)
    assert question_period("before 1980") == (None, "1980")
    assert question_period("the target for 2030") == ("2030", "2030")
    assert question_period("who met?") == (None, None)


def test_in_period_compares_at_the_coarser_precision():
    q = parse_question("Who visited Ghana in March 2024?")
    assert q.in_period("2024-03-05") and q.in_period("2024") and not q.in_period("2024-04-01")
    assert not q.in_period(None)


def _store_with(store, rows):
    with store.transaction() as conn:
        conn.execute("INSERT INTO documents(id, origin, format, published, raw_text, clean_text)"
                     " VALUES ('d', 'd.txt', 'text', '2024-03-06', 'x', ?)", (" ".join(s for *_, s in rows),))
        text = " ".join(s for *_, s in rows)
        for kind, date, sentence in rows:
            start = text.index(sentence)
            conn.execute(
                "INSERT INTO events(doc_id, type, cameo, goldstein, quad_class, source, target, pair_key, date,"
                " date_precision, negated, sentence, sent_start, sent_end, start, end, version, confidence)"
                " VALUES ('d', ?, '042', 1.9, 1, 'KEN', 'UGA', 'KEN-UGA', ?, 'day', 0, ?, ?, ?, ?, ?, 'test', 0.9)",
                (kind, date, sentence, start, start + len(sentence), start, start + 5))


def test_one_citation_per_sentence_and_not_found_outside_the_pair_or_period(store):
    sentence = "The Kenyan president arrived in Kampala and held talks on March 5, 2024."
    _store_with(store, [("visit", "2024-03-05", sentence), ("meeting_talks", "2024-03-05", sentence)])
    answer = answer_question(store.conn, "What happened between Kenya and Uganda in March 2024?")
    assert answer.found and len(answer.events) == 2 and len(answer.citations) == 1
    assert not answer_question(store.conn, "What happened between Kenya and Uganda in 2019?").found
    assert not answer_question(store.conn, "What happened between Kenya and Ghana?").found
    visit = answer_question(store.conn, "Who visited Uganda in 2024?")
    assert visit.found and visit.events[0]["source"] == "KEN"
