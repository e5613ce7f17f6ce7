"""Where sources differ: relationship labels, figures, event dates and spellings of names."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from accord.analysis.canonical import CanonicalEvent
from accord.analysis.load import FactMention, LabelMention, PersonMention
from accord.folding import fold

FIGURE_TOLERANCE = 0.02
DATE_WINDOW_DAYS = 3


@dataclass
class Variant:
    """One way a source states something, with the documents and outlets that state it so."""

    value: str
    documents: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)

    def add(self, doc_id: str, outlet: str | None) -> None:
        """Record one more document stating this value."""
        if doc_id not in self.documents:
            self.documents.append(doc_id)
        if outlet and outlet not in self.outlets:
            self.outlets.append(outlet)


@dataclass
class Disagreement:
    """A subject on which sources differ, with each variant."""

    kind: str  # "figure" | "date" | "relationship_label" | "name" | "alias" (spellings, not a disagreement)
    subject: str
    variants: list[Variant]

    def as_json(self) -> dict:
        """The variants item of the JSON contract."""
        return {"kind": self.kind, "subject": self.subject,
                "variants": [{"value": v.value, "documents": v.documents, "outlets": v.outlets}
                             for v in self.variants]}


def label_components(label: str) -> list[str]:
    """'great friendship, special solidarity and comprehensive cooperation' -> 3 components."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", fold(label).strip())
    return [" ".join(re.findall(r"[\w-]+", p)) for p in parts if p.strip()]


def label_variants(labels: list[LabelMention]) -> list[Disagreement]:
    """Labels of the same shape (same number of components, all but one shared) worded
    differently across documents."""
    groups: dict[tuple, dict[str, Variant]] = defaultdict(dict)
    for label in labels:
        components = label_components(label.label)
        if len(components) < 2:
            continue
        wording = ", ".join(components)
        group_key = next((key for key in groups if key[0] == len(components)
                          and len(set(key[1]) & set(components)) >= len(components) - 1), None)
        if group_key is None:
            group_key = (len(components), tuple(components))
        variant = groups[group_key].setdefault(wording, Variant(label.label))
        variant.add(label.mention.doc_id, label.mention.outlet)
    result = []
    for (size, components), variants in groups.items():
        if len(variants) < 2 or len({d for v in variants.values() for d in v.documents}) < 2:
            continue
        shared = [c for c in components if all(c in label_components(v.value) for v in variants.values())]
        subject = ", ".join(shared) + (" + one differing term" if len(shared) < size else "")
        result.append(Disagreement("relationship_label", subject, list(variants.values())))
    return result


def figure_variants(facts: list[FactMention]) -> list[Disagreement]:
    """Reported figures for the same quantity, unit, period and kind (target or actual) that
    differ by more than 2 % between documents."""
    groups: dict[tuple, list[FactMention]] = defaultdict(list)
    for fact in facts:
        if fact.period:
            period = " ".join(fold(fact.period).split())
            groups[(fact.quantity, fact.unit, period, fact.is_target)].append(fact)
    result = []
    for (quantity, unit, period, is_target), group in groups.items():
        variants: dict[float, Variant] = {}
        for fact in group:
            key = next((v for v in variants if abs(v - fact.value) <= FIGURE_TOLERANCE * max(v, fact.value)), fact.value)
            variants.setdefault(key, Variant(f"{fact.value:,.0f} {unit}")).add(
                fact.mention.doc_id, fact.mention.outlet)
        documents = [d for v in variants.values() for d in v.documents]
        # A document that states two values is naming two quantities, not disagreeing with itself.
        if len(variants) > 1 and len(set(documents)) > 1 and len(documents) == len(set(documents)):
            subject = f"{quantity} ({'target' if is_target else 'reported'}) {period}"
            result.append(Disagreement("figure", subject, list(variants.values())))
    return result


def date_variants(events: list[CanonicalEvent]) -> list[Disagreement]:
    """Canonical events of the same type and pair, reported by different documents with
    day dates a few days apart: probably one event dated differently."""
    from datetime import date as _date
    result = []
    dated = [e for e in events if e.precision == "day" and e.date]
    seen: set[int] = set()
    for i, first in enumerate(dated):
        for j in range(i + 1, len(dated)):
            second = dated[j]
            if j in seen or first.type != second.type or first.pair != second.pair:
                continue
            gap = abs((_date.fromisoformat(first.date) - _date.fromisoformat(second.date)).days)
            if 0 < gap <= DATE_WINDOW_DAYS and set(first.documents) != set(second.documents):
                variants = []
                for event in (first, second):
                    variant = Variant(event.date)
                    for mention in event.mentions:
                        variant.add(mention.mention.doc_id, mention.mention.outlet)
                    variants.append(variant)
                seen.add(j)
                result.append(Disagreement("date", f"{first.type} {'-'.join(first.pair)}", variants))
    return result


def name_variants(people: list[PersonMention], same_person) -> list[Disagreement]:
    """Names of one person that differ between documents beyond diacritics, case and short
    forms ("Saysomphone" / "Xaysomphone"): kind "name"; a person whose spellings differ only so
    ("To Lam" / "Tô Lâm", "Thongloun" / "Thongloun Sisoulith") gets kind "alias", which is
    not a disagreement. Each variant gathers the spellings that are aliases of one another.

    `same_person(a, b)` decides whether two names denote one person.
    """
    clusters: list[tuple[str, dict[str, Variant]]] = []
    for person in people:
        for name in {person.name, *person.aliases}:
            if name not in person.mention.sentence and name != person.name:
                continue  # an alias from the gazetteer, not a spelling this document uses
            home = next((c for c in clusters if same_person(c[0], person.name)), None)
            if home is None:
                home = (person.name, {})
                clusters.append(home)
            home[1].setdefault(name, Variant(name)).add(person.mention.doc_id, person.mention.outlet)
    result = []
    for canonical, variants in clusters:
        if len(variants) > 1 and len({d for v in variants.values() for d in v.documents}) > 1:
            forms = _distinct_forms(list(variants.values()))
            kind = "name" if len(forms) > 1 and len({d for v in forms for d in v.documents}) > 1 else "alias"
            result.append(Disagreement(kind, canonical, forms if kind == "name"
                                       else sorted(variants.values(), key=lambda v: v.value)))
    return result


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", fold(name).lower()))


def _distinct_forms(spellings: list[Variant]) -> list[Variant]:
    """Spellings gathered into forms: ones equal but for diacritics and case, or a short form
    of a longer one (its words a subset), are one form, named by its most reported spelling."""
    forms: list[tuple[set[str], list[Variant]]] = []
    for spelling in sorted(spellings, key=lambda v: (-len(_name_tokens(v.value)), -len(v.documents), v.value)):
        tokens = set(_name_tokens(spelling.value))
        home = next((f for f in forms if tokens <= f[0]), None)
        if home is None:
            forms.append((tokens, [spelling]))
        else:
            home[1].append(spelling)
    merged = []
    for _, members in forms:
        best = max(members, key=lambda v: (len(v.documents), len(v.value)))
        form = Variant(best.value)
        for member in sorted(members, key=spellings.index):  # documents in the order first reported
            for document in member.documents:
                form.add(document, None)
            form.outlets += [o for o in member.outlets if o not in form.outlets]
        merged.append(form)
    return sorted(merged, key=lambda v: v.value)


def all_variants(labels: list[LabelMention], facts: list[FactMention], events: list[CanonicalEvent],
                 people: list[PersonMention], same_person) -> list[Disagreement]:
    """Every disagreement, real ones first (figures, dates, labels, names), then the people
    whose spellings are only aliases of one another."""
    found = (figure_variants(facts) + date_variants(events) + label_variants(labels)
             + name_variants(people, same_person))
    return sorted(found, key=lambda d: d.kind == "alias")
