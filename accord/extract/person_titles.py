"""Titles before and after a person's name, read from the parse: "Thai Prime Minister X",
"Governor of Iraqi Central Bank X", "the High Commissioner of Australia to Fiji, X",
"X, Peru's foreign minister"; and the postings in them ("Ambassador to Nepal")."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from accord.extract.nlp import Sentence

TITLE_HYPHENS = {"-", "‐"}


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Title and institution words (accord/data/lexicon/titles.txt)."""
    text = resources.files("accord").joinpath("data/lexicon/titles.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def is_title(token) -> bool:
    """Whether a token is a title or institution word ("Minister", "Gen.", "Lt-Gen")."""
    text = token.text.lower()
    titles = title_words()
    return text in titles or text.strip(".") in titles


def previous(token, steps: int = 1):
    index = token.i - steps
    return token.doc[index] if index >= token.sent.start else None


LOWERCASE_TITLES = {"counterpart", "minister", "president", "ambassador", "envoy", "spokesman",
                     "spokeswoman", "spokesperson", "premier", "chancellor", "secretary", "governor",
                     "mayor", "chairman", "chairwoman", "commander", "general", "deputy", "senator",
                     "lawmaker", "legislator", "diplomat", "official", "adviser", "advisor", "king",
                     "queen", "prince", "princess", "emir", "sultan", "consul", "attaché", "attache",
                     "wife", "husband", "spouse", "widow"}  # the codebook counts leaders' spouses


def lowercase_title_before(first) -> bool:
    """A title written in lower case right before the name: "his Japanese counterpart
    Yoko Kamikawa", "foreign minister Ana Gervasi"."""
    before = previous(first)
    return before is not None and before.lower_ in LOWERCASE_TITLES


def title_after(tokens: list) -> bool:
    """A name of proper nouns with its title in an appositive after it: "Ana Gervasi, Peru's
    foreign minister, said", "Suresh Bhattarai, a spokesperson for the Authority"."""
    last = tokens[-1]
    doc = last.doc
    if any(t.pos_ != "PROPN" for t in tokens) or last.i + 2 >= last.sent.end or doc[last.i + 1].text != ",":
        return False
    for token in doc[last.i + 2:min(last.i + 9, last.sent.end)]:
        if token.lower_ in LOWERCASE_TITLES or token.lower_ in _ROLE_NOUNS:
            return True
        if token.text in (",", ";", ".", ")") or token.pos_ in ("VERB", "AUX"):
            return False
    return False


# Role nouns that head an appositive after a name (besides the lower-case titles).
_ROLE_NOUNS = {"director", "head", "chief", "spokesperson", "undersecretary", "vice-president",
               "vice-minister", "commissioner", "representative", "chair", "speaker", "leader"}


def title_before(sentence: Sentence, first) -> tuple[str | None, list]:
    """The title words right before a name, read backwards while the words are title words,
    capitalised words (as in "President of Laos") or connectors ("General Secretary and
    President of Laos", "Prime Minister"), and the tokens they were read from."""
    window = clause_before(sentence, first)
    titles = title_words()
    words: list[str] = []
    read: list = []
    for token in reversed(window):
        read.append(token)
        text = token.text
        if text.lower() == "and" and token.i > 0 and token.nbor(-1).text.lower().strip(".") not in titles:
            break  # "X and [title] Y": the words before "and" belong to someone else
        if text.lower().strip(".") in titles or text.lower() in ("of", "the", "and") or \
                (text.lower() in PLACE_NOUNS and words) or \
                text in TITLE_HYPHENS or (text[:1].isupper() and text.isalpha()) or \
                (text.lower() in ("to", "in") and _title_to(token)) or \
                (text.lower() == "for" and _title_for(token)):  # "Ambassador to Nepal", "Minister for Trade"
            words.append(text)
            continue
        if text == "," and not words:
            continue  # "Head of Government, Aziz Akhannouch"
        if text == "." and token.i > 0 and is_title(token.nbor(-1)) and token.nbor(-1).whitespace_ == "":
            continue  # "Hon." split in two tokens
        read.pop()
        break
    words.reverse()
    read.reverse()
    while words and (words[0].lower() in ("of", "the", "and", "his", "her") or words[0] in TITLE_HYPHENS):
        words.pop(0)
    while words and words[-1].lower() in ("of", "the", "and", "dr", "dr.", "mr", "mrs", "ms"):
        words.pop()
    if not any(w.lower().strip(".") in titles for w in words):
        return None, []
    return " ".join(words).replace(" - ", "-") or None, read


_CLAUSE_STOPS = {"with", "by", "from", "for", "on", "than"}
# Lower-case place words inside a title: "the Governor of Quang Ninh province, X".
PLACE_NOUNS = {"province", "city", "district", "state", "region", "prefecture", "county", "municipality"}


def clause_before(sentence: Sentence, first) -> list:
    """The tokens before a name within its clause (up to 14): back to a verb, a colon or
    semicolon, a preposition that opens another phrase, or "and" between lower-case words."""
    tokens = [t for t in sentence.span if t.i < first.i]
    window: list = []
    for token in reversed(tokens):
        if token.pos_ in ("VERB", "AUX") or token.text in (";", ":") \
                or (token.lower_ in _CLAUSE_STOPS and not (token.lower_ == "for" and _title_for(token))) \
                or (token.lower_ == "to" and not _title_to(token)) \
                or (token.lower_ == "and" and window and window[-1].text[0].islower()):
            break
        window.append(token)
        if len(window) >= 14:
            break
    window.reverse()
    return window


_POSTED = {"ambassador", "envoy", "representative", "commissioner", "consul", "delegate", "attaché",
           "attache", "mission", "emissary", "chargé", "charge", "minister-counsellor", "counsellor",
           "counselor", "representatives", "ambassadors", "envoys"}


def _title_to(token) -> bool:
    """Whether a "to" belongs to a title ("Ambassador to Nepal", "High Commissioner of Australia
    to Fiji"): a posting word stands within the three words before it."""
    for steps in (1, 2, 3, 4):
        before = previous(token, steps)
        if before is None:
            return False
        if before.lower_.strip(".") in _POSTED:
            return True
    return False


def _title_for(token) -> bool:
    """Whether a "for" belongs to a title ("Minister for Trade and Industry"): a title word
    stands right before it."""
    before = previous(token)
    return before is not None and is_title(before)


def is_posting(token) -> bool:
    """Whether a country word is where an official is posted, not whom they represent:
    after "to" or "in" in a title ("Ambassador to Nepal", "Chief Representative in Vietnam")."""
    before = previous(token)
    return before is not None and before.lower_ in ("to", "in") and _title_to(before)
