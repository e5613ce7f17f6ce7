"""The CAMEO code table (names and Goldstein scores), quad classes and PLOVER categories."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# PLOVER's categories by CAMEO root code, following the PLOVER specification's
# CAMEO crosswalk at the root level; statements (01) map to none except praise-like codes.
_PLOVER_BY_ROOT = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE",
    "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
    "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
_PLOVER_BY_CODE = {"057": "AGREE", "018": "SUPPORT", "019": "AGREE", "051": "SUPPORT"}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with its name, Goldstein score, quad class and PLOVER category."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """All CAMEO codes shipped in accord/data/cameo/cameo_codes.tsv."""
    text = resources.files("accord").joinpath("data/cameo/cameo_codes.tsv").read_text("utf-8")
    table = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        code = row["code"].strip()
        table[code] = CameoCode(code, row["name"].strip(), float(row["goldstein"]),
                                quad_class(code), plover_category(code))
    return table


def quad_class(code: str) -> int:
    """1 verbal cooperation (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
    4 material conflict (15-20)."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def plover_category(code: str) -> str | None:
    """The PLOVER category of a CAMEO code, or None for plain statements."""
    return _PLOVER_BY_CODE.get(code[:3]) or _PLOVER_BY_ROOT.get(code[:2])


def lookup(code: str) -> CameoCode:
    """The code's entry, falling back to its parent codes when the exact one is missing."""
    table = cameo_table()
    for length in (len(code), 3, 2):
        if code[:length] in table:
            return table[code[:length]]
    raise KeyError(f"unknown CAMEO code {code!r}")
