"""Small constructors for analysis fixtures."""

from accord.analysis.load import EventMention, FactMention, LabelMention, Mention, PersonMention

_ids = iter(range(1, 10**6))


def mention(doc: str, sentence: str = "A sentence.", outlet: str | None = None,
            published: str | None = None) -> Mention:
    return Mention(next(_ids), doc, outlet, published, sentence, 0, len(sentence))


def event(doc: str, type_: str, source: str, target: str, date: str | None,
          location: str | None = None, outlet: str | None = None, published: str | None = None,
          sentence: str = "Evidence sentence.") -> EventMention:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(date or ""), None)
    return EventMention(mention(doc, sentence, outlet, published), type_, "040", 1.0, 1, source, target,
                        date, precision, location, False)


def fact(doc: str, quantity: str, value: float, unit: str, period: str | None, is_target: bool,
         published: str | None = None) -> FactMention:
    return FactMention(mention(doc, f"{quantity} {value}", published=published), quantity, value, None,
                       unit, period, is_target, None)


def label(doc: str, text: str) -> LabelMention:
    return LabelMention(mention(doc, f"They called it {text}."), text)


def person(doc: str, name: str, country: str | None, role: str | None = None,
           published: str | None = None) -> PersonMention:
    return PersonMention(mention(doc, f"{role or ''} {name} spoke.", published=published), name, (),
                         country, role)
