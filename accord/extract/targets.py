"""Whether a figure looks forward (`is_target`) or reports what was reached.

The codebook (GUIDELINES.md, Facts): `is_target` is true for every forward-looking figure: a
target, a pledged amount, an "expected to reach" value, a potential; loans and grants signed
but not yet paid out; false for reported or achieved values.
"""

from __future__ import annotations

import re

from accord.extract.figures import Figure
from accord.extract.periods import Period

SIGNING = re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|conclude[sd]?|signator(?:y|ies))\b", re.I)
# Words that put what follows in the future or in the realm of intent: goals, plans, modals,
# pledges, potentials ("the capacity to generate", "could give"), requests ("urged ... to"), and
# infinitives of growth ("to raise trade to $5 billion").
_FORWARD = re.compile(
    r"\b(?:targets?|targeted|targeting|goals?|aims?|aimed|aiming|strive|strives|striving|plans?|planned"
    r"|planning|will|shall|would|could|might|expects?|expected|expecting|seeks?|seeking|towards?|pledges?"
    r"|pledged|pledging|commit(?:s|ted|ment|ments)?|set\s+to|intends?|intended|projected|forecasts?"
    r"|ambition|envisages?|envisaged|hopes?|hoped|agrees?|agreed|announces?|announced|promises?"
    r"|promised|earmark(?:s|ed)?|allocat(?:e|es|ed)|potential|capacity\s+to|until|offer(?:s|ed)?"
    r"|proposed?|requested|urged|invited|called\s+for"
    r"|to\s+(?:increase|raise|boost|double|triple|expand|lift|reach|hit|achieve|export|provide|invest"
    r"|supply|build))\b", re.I)
# Words that report a value reached or a sum paid; read only when no modal or "to" comes right
# before them ("is expected to hit $10 billion" is a target).
_REPORTED = re.compile(
    r"\b(?:reached|stood|stands|totalled|totaled|amounted|topped|hit|crossed|surpassed|exceeded|was|were"
    r"|rose|grew|fell|has\s+been|have\s+been|had\s+been|so\s+far|to\s+date|existing|already|extended"
    r"|provided|handed\s+over|delivered|disbursed|received|spent|invested|recorded|accounted|accounts"
    r"|owes|produces|produced)\b", re.I)
_MODAL_BEFORE = re.compile(r"\b(?:to|will|would|could|should|may|might|can|shall)\s+$", re.I)
# Words after which a figure is set against the one before, not part of the same statement:
# "aim for $10 billion, up from $7 billion"; "raise trade to $5 billion from $3.2 billion".
_CONTRAST = re.compile(r"\b(?:but|while|whereas|although|though|however|compared|up\s+from|down\s+from"
                       r"|increase\s+from|rise\s+from)\b|^\s*,?\s*from\s+(?:\w+\s+)?$", re.I)
# Money said to be paid out is reached, whatever was signed: "of which $300 million was disbursed".
_PAID_OUT = re.compile(r"\b(?:disburs\w*|paid\s+out|released|spent|utili[sz]ed|delivered|handed\s+over)\b",
                       re.I)
# After the figure: "the $2 billion package will be provided" (still to come) and "3.5 trillion yen
# had been committed" (reached).
_PROMISED = r"(?:promised|pledged|offered|planned|proposed|earmarked|allocated|announced|expected|targeted" \
            r"|envisaged|projected|forecast)"
_FUTURE_PASSIVE = re.compile(r"[^.;,]{0,40}?\b(?:(?:will|shall|would|is\s+to|are\s+to|is\s+set\s+to|are\s+set\s+to"
                             r"|is\s+expected\s+to|are\s+expected\s+to)\s+be\s+\w+ed"
                             rf"|(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?{_PROMISED})\b",
                             re.I)
_PAST_PASSIVE = re.compile(r"[^.;,]{0,60}?\b(?:(?:had|has|have)\s+(?:already\s+)?been|was|were)"
                           r"\s+(?:already\s+)?\w+ed\b", re.I)
_LOAN_SIGNED = re.compile(r"\b(?:loans?|credit|grants?|financing|funding|bailout)\b", re.I)
_APPROVED = re.compile(r"\b(?:approved|approves|approve|sanctioned|sanctions)\b", re.I)


def is_target(sentence: str, figures: list[Figure], index: int, targets: list[bool],
               period: Period | None) -> bool:
    """Whether a figure looks forward: the last cue before it since the previous figure decides
    ("aim to reach" against "reached"); without a cue, a deadline or a future period makes it a
    target, a past one a reported figure, and a figure joined by "and" to a target is one too."""
    figure = figures[index]
    previous_end = figures[index - 1].end if index else 0
    window = sentence[previous_end:figure.start]
    next_start = figures[index + 1].start if index + 1 < len(figures) else len(sentence)
    clause_after = re.split(r"[;.]", sentence[figure.end:min(next_start, figure.end + 60)], maxsplit=1)[0]
    if _paid_out(window) or _paid_out(clause_after):
        return False
    if _signed_finance(sentence, figure):
        return True
    forward = _last(_FORWARD, window)
    reported = max((m.start() for m in _REPORTED.finditer(window)
                    if not _MODAL_BEFORE.search(window, 0, m.start())), default=-1)
    if forward > reported:
        return True
    if reported > forward:
        return False
    if _FUTURE_PASSIVE.match(sentence, figure.end):
        return True  # "the rest of the $800 million package will be released": what is still to be paid
    if _PAST_PASSIVE.match(sentence, figure.end):
        return False  # "3.5 trillion yen ... had been committed by the end of 2024": reached
    if period is not None and (period.deadline or period.forward):
        return True
    if period is not None and period.past:
        return False
    # A figure that follows a target with nothing marking it as reached belongs to the same
    # forward-looking statement ("a $100-million grant to rebuild 50,000 houses").
    return bool(index and targets[index - 1] and "." not in window and ";" not in window
                and not _CONTRAST.search(window))


def _paid_out(text: str) -> bool:
    """'was disbursed', 'has been spent' (not 'to be delivered', 'will be released')."""
    return any(not re.search(r"\b(?:to|will|would|shall|be)\s+$", text[:m.start()], re.I)
               for m in _PAID_OUT.finditer(text))


def _last(pattern: re.Pattern, text: str) -> int:
    return max((m.start() for m in pattern.finditer(text)), default=-1)


def _signed_finance(sentence: str, figure: Figure) -> bool:
    """A loan, credit or grant agreement signed for this amount, or a loan approved, is a
    commitment not yet paid out: 'concluded a KRW40 billion loan agreement', 'loan agreements
    totalling X were signed', 'the bank approved a $250 million loan'. (A credit line "opened"
    or "extended" is reported: it is there to be drawn on.)"""
    if figure.kind != "money":
        return False
    near = sentence[max(0, figure.start - 40):figure.end + 40]
    if _LOAN_SIGNED.search(near) is None:
        return False
    if _APPROVED.search(sentence, max(0, figure.start - 30), figure.start):
        return True
    return SIGNING.search(sentence) is not None and \
        re.search(r"\bagreements?\b|\bMoU\b|\bmemorand", near, re.I) is not None
