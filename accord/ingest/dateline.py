"""Datelines: "LIMA, Dec 20 (AFP) -", "Hanoi (VNA) –", "WASHINGTON —", "KIEV, June 30. /TASS/.".

A dateline opens the first paragraph of many news stories. It says where (and sometimes
when, and through which agency) the story was filed; it is not part of the first sentence,
so cleaning takes it off the text (evidence sentences then start with their subject) and
keeps it as the document's place and date.

Only the opening of one of the first paragraphs is read, and only forms that cannot be a
sentence's start: a place in capitals followed by a dash or colon, or a place followed by a
date or an agency in parentheses and a dash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
_UPPER_PLACE = r"[A-ZÀ-Ỹ][A-ZÀ-Ỹ.'’ -]{1,30}[A-ZÀ-Ỹ.]"
_TITLE_PLACE = r"[A-ZÀ-Ỹ][a-zà-ỹ'’]+(?:\s+[A-ZÀ-Ỹ][a-zà-ỹ'’]+){0,2}"
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z /&.-]{1,24})\)|/(?P<agency2>[A-Z]{2,10})/\.?|(?P<agency3>[A-Z]{3,10})\b"
_DASH = r"\s*(?:--|[-–—])\s+(?=[A-Z\"“‘'])"  # the story starts with a capital
_PREFIX = r"(?:date\s+\d{4}-\d{2}-\d{2}\s+)?"  # some pages print their date field before the dateline

_FORMS = [
    # HANOI, Vietnam (AP) —   LIMA, Dec 20 (AFP) -   YEREVAN. -   TOKYO:   KIEV, June 30. /TASS/.
    re.compile(rf"^{_PREFIX}(?P<place>{_UPPER_PLACE})(?:,\s*(?P<region>[A-Z][A-Za-z ]{{1,30}}?))??"
               rf"(?:,\s*(?P<date>{_DATE}))?\.?\s*(?:{_AGENCY})?(?:{_DASH}|\s*:\s+(?=[A-Z])|\s*\.\s+(?=[A-Z]))"),
    # Hanoi (VNA) –   Kathmandu, July 27 (IANS) India...
    re.compile(rf"^{_PREFIX}(?P<place>{_TITLE_PLACE})(?:,\s*(?P<date>{_DATE}))?\s*"
               rf"\((?P<agency>[A-Za-z][A-Za-z /&.-]{{1,24}})\)(?:{_DASH}|\s+(?=[A-Z]))"),
    # August 7, 2011 (AFP) –
    re.compile(rf"^(?P<place>)(?P<date>{_MONTH}\s+\d{{1,2}},\s*\d{{4}})\s*\((?P<agency>[A-Za-z][A-Za-z /&.-]{{1,24}})\){_DASH}"),
    # Bogota, Jan 21 –
    re.compile(rf"^{_PREFIX}(?P<place>{_TITLE_PLACE}),\s*(?P<date>{_DATE}){_DASH}"),
]
_NOT_PLACES = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "JUST IN", "WATCH", "VIDEO", "PHOTOS",
               "ANALYSIS", "OPINION", "EDITORIAL", "NOTE", "ID"}


@dataclass(frozen=True)
class Dateline:
    """Where (and when, through whom) a story was filed, and how many characters it took."""

    place: str | None
    date: str | None
    agency: str | None
    length: int
    text: str = ""  # the dateline as written, without its dash


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening `paragraph`, if it has one and text follows it."""
    for form in _FORMS:
        match = form.match(paragraph)
        if not match:
            continue
        place = match.group("place").strip(" .")
        if place and place.upper() in _NOT_PLACES or len(paragraph) - match.end() < 20:
            continue
        groups = match.groupdict()
        agency = groups.get("agency") or groups.get("agency2") or groups.get("agency3")
        written = re.sub(r"^date\s+\S+\s+", "", paragraph[:match.end()]).strip(" -–—:.")
        return Dateline(place=(place.title() if place.isupper() else place) or None,
                        date=groups.get("date"), agency=agency, length=match.end(), text=written)
    return None
