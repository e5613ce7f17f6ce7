"""Amounts of money: a number with a currency written before it (US$, HK$, €, NRs, JPY) or after
it (yen, Nepalese rupees, U.S. dollars, USD), normalised to an ISO 4217 code.

A currency must touch its number: a symbol or code right before it, or a currency word right
after its scale. Names several countries share ("$", "rupees", "pesos", "dinars", "Rs") take
the currency of the first country of that family named in the sentence; a bare "$" is USD
unless a country with its own dollar (Canada, Australia, Singapore...) is named first, and is
always USD in a conversion after another currency ("90 million pounds ($114 million)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from accord.extract.numbers import Number

# ISO 4217 codes a text may write in capitals before or after a number. Left out: codes that are
# also common capitalised words (ALL, TOP, CUP, SOS, BOB, MOP).
ISO_CODES = frozenset("""
USD EUR GBP JPY CNY HKD TWD KRW KPW VND THB LAK KHR MMK MYR SGD IDR PHP BND INR PKR NPR LKR BDT
BTN MVR AFN IRR IQD KWD SAR QAR AED OMR BHD YER JOD ILS EGP SDG LYD TND DZD MAD MRU XOF XAF NGN
GHS KES UGX TZS RWF BIF ETB DJF ZAR ZWL ZMW MWK MZN AOA NAD BWP MUR SCR MGA CAD MXN GTQ HNL NIO
CRC PAB COP VES PEN CLP ARS UYU PYG BRL DOP JMD TTD AUD NZD FJD PGK SBD VUV WST RUB BYN UAH MDL
RON BGN HUF PLN CZK HRK RSD BAM MKD TRY GEL AMD AZN KZT KGS UZS TJS TMT MNT CHF SEK NOK DKK ISK
LBP SYP SSP CDF GNF KMF
""".split())
_CODE_ALIASES = {"RMB": "CNY", "NTD": "TWD", "NIS": "ILS"}

# Symbols and abbreviations written before the number. A value in lower case is a family of
# currencies resolved by the countries of the sentence (see FAMILIES).
PREFIXES = {
    "US$": "USD", "US $": "USD", "U.S.$": "USD", "U.S. $": "USD", "USD$": "USD",
    "HK$": "HKD", "HK $": "HKD", "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "CAN$": "CAD",
    "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "NZ$": "NZD", "S$": "SGD", "SG$": "SGD",
    "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "Mex$": "MXN", "RD$": "DOP", "J$": "JMD",
    "FJ$": "FJD", "F$": "FJD", "N$": "NAD", "Z$": "ZWL", "$": "dollar",
    "€": "EUR", "£": "GBP", "E£": "EGP", "¥": "yen_sign", "￥": "yen_sign", "₹": "INR", "₩": "KRW",
    "₱": "PHP", "₫": "VND", "₦": "NGN", "₽": "RUB", "₺": "TRY", "₴": "UAH", "฿": "THB", "₭": "LAK",
    "៛": "KHR", "₪": "ILS", "₸": "KZT", "₮": "MNT", "৳": "BDT", "₵": "GHS", "GH₵": "GHS", "GH¢": "GHS",
    "Rp": "IDR", "Rp.": "IDR", "RM": "MYR", "Rs": "rupee", "Rs.": "rupee", "NRs": "NPR", "NRs.": "NPR",
    "NPRs": "NPR", "Nrs": "NPR", "Nrs.": "NPR", "SLRs": "LKR", "SLRs.": "LKR", "PKRs": "PKR",
    "Tk": "BDT", "Tk.": "BDT", "KSh": "KES", "Ksh": "KES", "KShs": "KES", "Kshs": "KES",
    "USh": "UGX", "Ush": "UGX", "UShs": "UGX", "TSh": "TZS", "Tsh": "TZS", "TShs": "TZS",
    "Sh": "shilling", "QR": "QAR", "SR": "SAR", "Dh": "AED", "Dhs": "AED", "Dhs.": "AED",
    "KD": "KWD", "BD": "BHD", "JD": "JOD", "ZK": "ZMW",
    # One capital letter glued to a scaled number: "R12,4 billion" (rand), "N1.9 trillion"
    # (naira), "P5 billion" (Philippine peso). Without a scale word these are labels ("N95").
    "R": "ZAR", "N": "NGN", "P": "PHP",
}
_LETTER_PREFIXES = frozenset({"R", "N", "P"})

# Currency words written after the number, and the family or code each names.
WORDS = {
    "dollar": "dollar", "dollars": "dollar", "rupee": "rupee", "rupees": "rupee", "peso": "peso",
    "pesos": "peso", "dinar": "dinar", "dinars": "dinar", "riyal": "riyal", "riyals": "riyal",
    "rial": "riyal", "rials": "riyal", "pound": "pound", "pounds": "pound", "franc": "franc",
    "francs": "franc", "shilling": "shilling", "shillings": "shilling", "krona": "krona",
    "kronor": "krona", "krone": "krone", "kroner": "krone", "dirham": "dirham", "dirhams": "dirham",
    "won": "won", "kwacha": "kwacha", "manat": "manat", "lei": "leu", "leu": "leu",
    "rouble": "rouble", "roubles": "rouble", "ruble": "rouble", "rubles": "rouble",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "baht": "THB",
    "dong": "VND", "kip": "LAK", "riel": "KHR", "riels": "KHR", "ringgit": "MYR", "rupiah": "IDR",
    "naira": "NGN", "cedi": "GHS", "cedis": "GHS", "rand": "ZAR", "reais": "BRL", "forint": "HUF",
    "forints": "HUF", "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "hryvnia": "UAH",
    "hryvnias": "UAH", "lari": "GEL", "tenge": "KZT", "dram": "AMD", "drams": "AMD",
    "somoni": "TJS", "kyat": "MMK", "kyats": "MMK", "taka": "BDT", "afghani": "AFN", "afghanis": "AFN",
    "birr": "ETB", "leone": "SLL", "leones": "SLL", "dalasi": "GMD", "metical": "MZN",
    "meticais": "MZN", "kwanza": "AOA", "kwanzas": "AOA", "ariary": "MGA", "ouguiya": "MRU",
    "shekel": "ILS", "shekels": "ILS", "lira": "TRY", "liras": "TRY", "lev": "BGN", "leva": "BGN",
    "denar": "MKD", "denars": "MKD", "tugrik": "MNT", "tugriks": "MNT", "ngultrum": "BTN",
    "rufiyaa": "MVR", "kina": "PGK", "soles": "PEN", "bolivar": "VES", "bolivars": "VES",
    "bolivares": "VES", "quetzal": "GTQ", "quetzales": "GTQ", "lempira": "HNL", "lempiras": "HNL",
    "cordoba": "NIO", "cordobas": "NIO", "colon": "CRC", "colones": "CRC", "guarani": "PYG",
    "guaranies": "PYG", "boliviano": "BOB", "bolivianos": "BOB", "koruna": "CZK", "korunas": "CZK",
    "sterling": "GBP", "pounds sterling": "GBP",
}

# Currencies several countries share a name for; the first code is the default.
FAMILIES = {
    "dollar": ("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "FJD", "NAD", "JMD", "BND", "LRD",
               "TTD", "XCD", "BSD", "BBD", "BZD", "GYD", "SBD", "ZWL"),
    "rupee": ("INR", "PKR", "NPR", "LKR", "MUR", "SCR"),
    "peso": ("PHP", "MXN", "ARS", "COP", "CLP", "CUP", "DOP", "UYU"),
    "dinar": ("IQD", "KWD", "JOD", "BHD", "LYD", "TND", "DZD", "RSD"),
    "riyal": ("SAR", "QAR", "OMR", "YER", "IRR"),
    "pound": ("GBP", "EGP", "LBP", "SDG", "SYP", "SSP"),
    "franc": ("CHF", "XOF", "XAF", "RWF", "BIF", "CDF", "GNF", "DJF", "KMF"),
    "shilling": ("KES", "UGX", "TZS", "SOS"),
    "krona": ("SEK", "ISK"), "krone": ("NOK", "DKK"), "dirham": ("AED", "MAD"), "won": ("KRW", "KPW"),
    "kwacha": ("ZMW", "MWK"), "manat": ("AZN", "TMT"), "leu": ("RON", "MDL"), "rouble": ("RUB", "BYN"),
    "yen_sign": ("JPY", "CNY"),
}
# A bare "$" is read as the local dollar only for countries whose own press writes "$" for it; in
# Zimbabwe, Liberia or Ecuador "$" is the US dollar, and reports on Hong Kong or Taiwan write HK$
# and NT$ for theirs, so a bare "$" there is the US dollar too.
_LOCAL_DOLLAR = frozenset({"CAN", "AUS", "NZL", "SGP", "FJI"})

COUNTRY_CURRENCY = dict(pair.split(":") for pair in """
USA:USD CAN:CAD AUS:AUD NZL:NZD SGP:SGD HKG:HKD TWN:TWD FJI:FJD NAM:NAD JAM:JMD BRN:BND LBR:LRD
TTO:TTD BHS:BSD BRB:BBD BLZ:BZD GUY:GYD SLB:SBD ZWE:ZWL IND:INR PAK:PKR NPL:NPR LKA:LKR MUS:MUR
SYC:SCR PHL:PHP MEX:MXN ARG:ARS COL:COP CHL:CLP CUB:CUP DOM:DOP URY:UYU IRQ:IQD KWT:KWD JOR:JOD
BHR:BHD LBY:LYD TUN:TND DZA:DZD SRB:RSD SAU:SAR QAT:QAR OMN:OMR YEM:YER IRN:IRR GBR:GBP EGY:EGP
LBN:LBP SDN:SDG SYR:SYP SSD:SSP CHE:CHF SEN:XOF CIV:XOF MLI:XOF BFA:XOF NER:XOF TGO:XOF BEN:XOF
CMR:XAF GAB:XAF TCD:XAF COG:XAF CAF:XAF RWA:RWF BDI:BIF COD:CDF GIN:GNF DJI:DJF COM:KMF KEN:KES
UGA:UGX TZA:TZS SOM:SOS SWE:SEK ISL:ISK NOR:NOK DNK:DKK ARE:AED MAR:MAD KOR:KRW PRK:KPW ZMB:ZMW
MWI:MWK AZE:AZN TKM:TMT ROU:RON MDA:MDL RUS:RUB BLR:BYN JPN:JPY CHN:CNY
""".split())


@dataclass(frozen=True)
class Money:
    """An amount of money: the number, its ISO currency, and the span from currency to number."""

    start: int
    end: int
    number: Number
    currency: str
    written: str  # the currency as written ("US$", "rupees", "$")


def find_money(text: str, numbers: list[Number], countries: tuple[str, ...] = ()) -> list[Money]:
    """The numbers of `numbers` that are amounts of money, with their currency resolved."""
    found: list[Money] = []
    for number in numbers:
        if number.in_words and not number.scale:
            continue  # "five dollars" is no bilateral figure; "one billion dollars" is
        money = _with_prefix(text, number) or _with_suffix(text, number)
        if money is None:
            continue
        currency, written, start, end = money
        if written in _LETTER_PREFIXES and (not number.scale or number.letter_scale):
            continue
        if currency == "dollar" and _is_conversion(text, start, found):
            currency = "USD"  # "90 million pounds ($114 million)": conversions are into US dollars
        found.append(Money(start, end, number, resolve_currency(currency, countries), written))
    return found


def resolve_currency(currency: str, countries: tuple[str, ...]) -> str:
    """An ISO code as it is; a family ("dollar", "rupee") becomes the currency of the first
    country of that family among `countries`, else the family's default."""
    family = FAMILIES.get(currency)
    if family is None:
        return currency
    for country in countries:
        code = COUNTRY_CURRENCY.get(country)
        if code in family and (currency != "dollar" or country in _LOCAL_DOLLAR or code == "USD"):
            return code
    return family[0]


_PREFIX_RE = re.compile(
    r"(?<![A-Za-z0-9])(?P<cur>" + "|".join(re.escape(p) for p in sorted(
        set(PREFIXES) | ISO_CODES | set(_CODE_ALIASES), key=len, reverse=True)) + r")\s?$")


def _with_prefix(text: str, number: Number) -> tuple[str, str, int, int] | None:
    match = _PREFIX_RE.search(text, max(0, number.start - 8), number.start)
    if match is None:
        return None
    written = match.group("cur")
    code = PREFIXES.get(written) or _CODE_ALIASES.get(written) or written
    return code, written, match.start(), number.end


_NOUNS = "|".join(sorted(map(re.escape, WORDS), key=len, reverse=True))
# After the number (and its scale): an optional country adjective of up to three capitalised words
# ("Nepalese", "U.S.", "Hong Kong", "New Taiwan"), the currency word, and an optional bracketed
# abbreviation ("Nepalese Rupee (NR)"); or an ISO code, which a missing space may glue to the
# next word ("2 billion USDin mining").
_SUFFIX_RE = re.compile(
    rf"\s?-?\s?(?:(?P<adj>(?:[A-Z][\w.’'-]*\s){{1,3}}?))?(?P<noun>(?i:{_NOUNS}))(?![A-Za-z])"
    r"(?:\s?\([A-Z]{1,4}s?\))?")
_SUFFIX_CODE_RE = re.compile(r"\s?(?P<code>[A-Z]{3})(?![A-Z])")


def _with_suffix(text: str, number: Number) -> tuple[str, str, int, int] | None:
    code_match = _SUFFIX_CODE_RE.match(text, number.end)
    if code_match:
        code = code_match.group("code")
        code = _CODE_ALIASES.get(code, code)
        if code in ISO_CODES:
            return code, code_match.group("code"), number.start, code_match.end("code")
    match = _SUFFIX_RE.match(text, number.end)
    if match is None or _not_an_amount(text, number, match):
        return None
    noun = match.group("noun").lower()
    currency = WORDS[noun]
    adjective = (match.group("adj") or "").strip()
    if adjective:
        country = _adjectives().get(adjective.lower())
        if country is None:
            return None  # "5 million Hong Kong Disneyland dollars" is too odd; "5 billion Sunday pounds" no
        code = {"CFA": "XOF"}.get(adjective, COUNTRY_CURRENCY.get(country))
        if currency in FAMILIES and code in FAMILIES[currency]:
            currency = code
    return currency, noun, number.start, match.end()


_YEAR_SHAPED = re.compile(r"(19|20)\d\d")


def _not_an_amount(text: str, number: Number, match: re.Match) -> bool:
    """Currency words that are not amounts: "a 500-pound bomb" and "10-dollar notes" (a hyphen
    makes a compound adjective), "500 pounds of rice" (weight), "in 2018 won the vote" (a year)."""
    between = text[number.end:match.start("noun")]
    if "-" in between and not number.scale:
        return True
    if match.group("noun").lower() in ("pound", "pounds") and re.match(r"\s+of\b", text[match.end():]):
        return True
    return (not number.scale and not match.group("adj")
            and _YEAR_SHAPED.fullmatch(text[number.start:number.end]) is not None)


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """Country names, aliases and demonyms (lower-cased) -> ISO3, for "Canadian dollars"."""
    from accord.extract.gazetteer import load_gazetteer  # the gazetteer is data; load it once

    table = {"korean": "KOR", "new taiwan": "TWN", "hong kong": "HKG", "cfa": "SEN",
             "swiss": "CHE", "british": "GBR", "emirati": "ARE", "uae": "ARE", "saudi": "SAU"}
    for country in load_gazetteer().countries.values():
        for surface in (country.name, *country.aliases, *country.demonyms):
            table.setdefault(surface.lower(), country.iso3)
    return table


# What lies between an amount and its restatement in another currency: "50 million LAK (5,300
# USD)", "JPY55 billion (about US$535 million)", "50 billion yen, or about $340 million".
CONVERSION_GAP = re.compile(r"\s*(?:[(\[]|,?\s*or\b|--|—)\s*(?:about|around|approximately|approx\.|roughly"
                            r"|some|nearly|or|equivalent\s+to|i\.e\.)?\s*", re.I)


def _is_conversion(text: str, start: int, earlier: list[Money]) -> bool:
    """A bare "$" amount right after an amount in another currency restates it."""
    return (bool(earlier) and earlier[-1].currency != "USD"
            and CONVERSION_GAP.fullmatch(text, earlier[-1].end, start) is not None)
