"""A synthetic corpus of English news articles about relations between two countries.

Every sentence comes from templates written for this file (none is taken from a real
article). Countries, demonyms and capitals come from accord's gazetteer so that any
pair of about 200 countries can meet; people, numbers, dates, sectors and projects are
drawn at random, so articles do not collapse as near-duplicates. The mix of sentences
follows what wire copy about diplomacy looks like: a dated lead, a few event sentences
(visits, talks, signings, pledges, praise, aid, drills, protests), figures on trade and
investment, quotes from named officials, and background and analysis that hold no event.

    python -m benchmarks.corpus 1000 --out /tmp/corpus     # JSON Lines shards
    python -m benchmarks.corpus 20 --out /tmp/corpus --format txt
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from accord.extract.gazetteer import load_gazetteer

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

GIVEN = ["Amara", "Anders", "Ana", "Arjun", "Aziz", "Beatriz", "Bogdan", "Camila", "Chen", "Dalia",
         "Daniel", "Dmitri", "Elena", "Emeka", "Erik", "Fatima", "Felipe", "Goran", "Hana", "Hamid",
         "Ines", "Ivan", "Jana", "Javier", "Joon", "Kamal", "Karin", "Kofi", "Laila", "Lars",
         "Leila", "Lucas", "Mariam", "Marek", "Mateo", "Mei", "Mikhail", "Nadia", "Nikolai",
         "Noura", "Olga", "Omar", "Pablo", "Petra", "Rahul", "Rania", "Rosa", "Samir", "Sara",
         "Sergio", "Sofia", "Tariq", "Tomas", "Ursula", "Viktor", "Wanjiru", "Yara", "Yusuf",
         "Zainab", "Zoran", "Abebe", "Adriana", "Bilal", "Chiara", "Darius", "Esther", "Farid",
         "Gabriela", "Hugo", "Ingrid", "Jamal", "Keiko", "Liam", "Magdalena", "Nasser",
         "Oskar", "Priya", "Quentin", "Rafael", "Selin"]
FAMILY = ["Abdi", "Alvarez", "Andersen", "Baptiste", "Barros", "Bekele", "Bianchi", "Castillo",
          "Cerny", "Dahl", "Demir", "Dubois", "Eriksen", "Farouk", "Ferreira", "Fischer", "Galvan",
          "Haddad", "Halvorsen", "Horvath", "Ibrahim", "Ivanova", "Jovanovic", "Kamara", "Kaplan",
          "Karimi", "Keller", "Kiplagat", "Kowalski", "Lindqvist", "Lopez", "Mahmoud", "Mansour",
          "Markovic", "Mendes", "Moreau", "Mwangi", "Nakamura", "Navarro", "Novak", "Okafor",
          "Olsen", "Ortiz", "Petrov", "Pereira", "Quispe", "Rahman", "Ramos", "Rossi", "Saarinen",
          "Salazar", "Schmidt", "Sokolov", "Suarez", "Szabo", "Tanaka", "Torres", "Usman",
          "Varga", "Vasquez", "Weber", "Yilmaz", "Zapata", "Zielinski", "Achebe", "Brennan",
          "Costa", "Delgado", "Eklund", "Fontaine", "Grieve", "Hoxha", "Ilunga", "Jaramillo",
          "Kovalenko", "Laine", "Mbeki", "Nyberg", "Osei", "Pavlenko"]
LEADER_TITLES = ["President", "Prime Minister"]
MINISTER_TITLES = ["Foreign Minister", "Minister of Foreign Affairs", "Trade Minister",
                   "Defence Minister", "Deputy Prime Minister", "Minister of Industry and Trade",
                   "Energy Minister", "Minister of Agriculture"]
SECTORS = ["energy", "agriculture", "digital transformation", "education", "health care",
           "renewable energy", "transport", "logistics", "tourism", "mining", "fisheries",
           "water management", "public security", "customs", "vocational training",
           "climate adaptation", "food security", "aviation", "shipbuilding", "textiles",
           "pharmaceuticals", "telecommunications", "finance", "culture", "science and technology"]
COMMODITIES = ["rice", "coffee", "fertiliser", "natural gas", "crude oil", "copper", "timber",
               "wheat", "cashew nuts", "rubber", "cotton", "palm oil", "steel", "seafood", "tea"]
PROJECT_KINDS = ["Railway", "Highway", "Hydropower Plant", "Deep-Sea Port", "Industrial Park",
                 "Solar Farm", "Bridge", "Pipeline", "Logistics Hub", "Economic Corridor"]
PROJECT_PLACES = ["Northern", "Southern", "Eastern", "Western", "Coastal", "Highland", "River",
                  "Lake", "Valley", "Border", "Central", "Gulf"]
SOURCES = ["Global Wire", "Daily Courier", "The Continental", "Morning Ledger", "World Desk",
           "Regional Times", "Capital Observer", "News Agency Network", "The Dispatch",
           "International Herald Post"]


def _money(rng: random.Random, big: bool = True) -> str:
    scale = rng.choice(["billion", "billion", "million"]) if big else "million"
    value = round(rng.uniform(1.1, 9.9), 1) if scale == "billion" else rng.randint(12, 950)
    style = rng.randrange(4)
    if style == 0:
        return f"${value} {scale}"
    if style == 1:
        return f"USD {value} {scale}"
    if style == 2:
        return f"{value} {scale} US dollars"
    return f"US${value} {scale}"


def _pct(rng: random.Random) -> str:
    value = rng.choice([rng.randint(3, 40), round(rng.uniform(1.5, 30.0), 1)])
    return f"{value} percent" if rng.random() < 0.6 else f"{value}%"


@dataclass
class _Person:
    given: str
    family: str
    title: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}"


class _Slots(dict):
    """Template slots: fixed per article where stored, freshly drawn otherwise."""

    def __init__(self, rng: random.Random, fixed: dict[str, object], people: dict[str, "_Person"]):
        super().__init__(fixed)
        self.rng = rng
        self.people = people
        self.introduced: set[str] = set()

    def __getitem__(self, key: str) -> str:
        # A person is introduced with title and full name, then named by family name
        # ("Prime Minister Haddad" when a template asks for the title again).
        person = key[:2] if key[:2] in self.people and key[2:] in ("t", "f") else None
        if person is None:
            return super().__getitem__(key)
        if person not in self.introduced:
            self.introduced.add(person)
            return super().__getitem__(person + "t")
        if key.endswith("t"):
            return f"{self.people[person].title} {self.people[person].family}"
        return self.people[person].family

    def __missing__(self, key: str) -> str:
        rng = self.rng
        draws = {
            "money": lambda: _money(rng),
            "small_money": lambda: _money(rng, big=False),
            "pct": lambda: _pct(rng),
            "n": lambda: str(rng.randint(3, 24)),
            "many": lambda: f"{rng.randint(2, 90) * 100:,}",
            "mw": lambda: str(rng.choice([120, 250, 480, 600, 750, 1200, 1320, 2000])),
            "tonnes": lambda: f"{rng.randint(5, 300) * 100:,}",
            "sector": lambda: rng.choice(SECTORS),
            "sector2": lambda: rng.choice(SECTORS),
            "commodity": lambda: rng.choice(COMMODITIES),
            "past_year": lambda: str(int(self["year"]) - rng.randint(1, 40)),
            "target_year": lambda: str(int(self["year"]) + rng.choice([2, 3, 5, 6, 10])),
            "km": lambda: str(rng.randint(40, 900)),
            "days": lambda: rng.choice(["two", "three", "four", "five"]),
            "weekday": lambda: rng.choice(WEEKDAYS),
            "ordinal": lambda: rng.choice(["second", "third", "fourth", "fifth", "tenth", "12th"]),
        }
        if key in draws:
            return draws[key]()
        raise KeyError(key)


# -- templates ---------------------------------------------------------------------------------
# Slots: A/B country names, Adem/Bdem demonyms, Acap/Bcap capitals, AL/BL leaders (with title on
# first use: ALt, BLt; family name alone: ALf, BLf), AM/BM ministers likewise, date/full_date,
# year, project, plus the freshly drawn slots of _Slots.

HEADLINES = {
    "visit": ["{Adem} leader begins state visit to {B}", "{A} and {B} pledge deeper {sector} ties",
              "{Bdem} president receives {Adem} delegation", "{A}, {B} leaders vow closer ties"],
    "talks": ["{Adem} and {Bdem} ministers hold talks in {Bcap}", "Talks between {A} and {B} focus on {sector}",
              "{B} and {A} aim to lift two-way trade"],
    "signing": ["{A}, {B} sign {n} cooperation documents", "{A} and {B} agree to expand the {project}",
                "{B} welcomes {Adem} investment in {project}"],
    "aid": ["{A} sends aid to flood-hit {B}", "{Adem} relief reaches {B}"],
    "drill": ["Joint drill marks new chapter for {A} and {B}", "{A} and {B} step up defence cooperation"],
    "protest": ["{A} protests over {Bdem} border moves", "Row between {A} and {B} deepens"],
    "call": ["{Adem} and {Bdem} leaders talk by phone", "{A} and {B} discuss trade in phone call"],
}

LEADS = {
    "visit": [
        "{ALt} arrived in {Bcap} {date} for a {days}-day state visit to {B} at the invitation of {BLt}.",
        "{ALt} of {A} began an official visit to {B} {date}, the first by a {Adem} head of government in {n} years.",
        "{Bcap} rolled out the red carpet {date} as {ALt} paid an official visit to {B}.",
    ],
    "talks": [
        "{AMt} and {Bdem} counterpart {BMt} held talks in {Bcap} {date} on {sector} and trade.",
        "{Adem} and {Bdem} officials met in {Acap} {date} to review cooperation in {sector}.",
        "{ALt} held talks with {BLt} {date} on the sidelines of a regional summit in {Bcap}.",
    ],
    "signing": [
        "{A} and {B} signed an agreement on {sector} cooperation in {Acap} {date}, officials said.",
        "The governments of {A} and {B} signed {n} cooperation documents {date}, including a Memorandum of Understanding on {sector}.",
        "{AMt} and {BMt} signed a framework agreement on the {project} in {Bcap} {date}.",
    ],
    "aid": [
        "{A} delivered {tonnes} tonnes of {commodity} and medical supplies to {B} {date} after floods swept through its northern provinces.",
        "{A} donated {small_money} to {B} {date} to help rebuild schools and clinics damaged by the storm.",
    ],
    "drill": [
        "{Adem} and {Bdem} troops began a joint exercise near {Bcap} {date}, the {ordinal} such drill since {past_year}.",
        "Naval units from {A} and {B} launched a joint patrol in shared waters {date}, defence officials said.",
    ],
    "protest": [
        "{A} summoned the {Bdem} ambassador {date} to protest against what it called unilateral construction near the border.",
        "{A} criticised {B} {date} over new tariffs on {commodity}, warning that the measures breach earlier commitments.",
    ],
    "call": [
        "{ALt} spoke by telephone with {BLt} {date} about the situation in the region and bilateral trade.",
        "In a phone call {date}, {ALt} and {BLt} discussed {sector} and preparations for an upcoming visit.",
    ],
}

EVENTS = [
    "During the talks, the two sides agreed to expand cooperation in {sector} and {sector2}.",
    "{ALf} and {BLf} witnessed the signing of {n} agreements covering {sector}, {sector2} and customs.",
    "The two leaders also signed a Memorandum of Understanding on {sector} cooperation.",
    "{B} pledged to speed up work on the {project}, which has been delayed since {past_year}.",
    "{ALf} praised {B} for its support during the pandemic and for hosting {many} {Adem} workers.",
    "{BLf} thanked {A} for its assistance in {sector} and said the partnership had brought tangible benefits.",
    "The ministers agreed to hold the next round of talks in {Acap} next year.",
    "{BMt} welcomed the {Adem} proposal to open {n} new border crossings.",
    "{A} and {B} agreed to upgrade their relationship to a comprehensive strategic partnership.",
    "Both sides committed to resolving outstanding issues through dialogue.",
    "{ALf} invited {BLf} to visit {A} at a convenient time, and the invitation was accepted.",
    "{AMf} met {Bdem} business leaders in {Bcap} to promote investment in {sector}.",
    "The delegation also laid a wreath at the national monument in {Bcap}.",
    "{ALf} received {BMt} later the same day and urged faster progress on the {project}.",
    "The two defence ministries signed a protocol on training and exchange of officers.",
    "{A} will provide {n} scholarships a year to {Bdem} students under the new plan.",
    "{BLf} congratulated {A} on the success of its recent elections.",
    "Officials from both countries inaugurated a vocational school built with {Adem} funding.",
    "{A} agreed to send experts to help {B} manage its {sector} sector.",
    "The two governments exchanged notes on the demarcation of the remaining border sections.",
    "{AMf} condemned the attack on a {Adem} convoy and demanded an investigation.",
    "{B} rejected the accusations as groundless, according to a statement from its foreign ministry.",
    "The {Bdem} side reaffirmed its commitment to the {project} and to regional connectivity.",
    "Earlier in the day, {ALf} toured an industrial zone financed by {Adem} companies.",
    "The two navies will hold a joint exercise off the coast later this year.",
    "{A} has offered a concessional loan for the second phase of the {project}.",
    "{ALf} paid tribute to {Bdem} veterans at a ceremony in {Bcap}.",
    "{BMf} hosted a working lunch for the visiting delegation at the foreign ministry.",
    "The two sides signed a memorandum of understanding on cooperation in {sector}.",
    "{A} promised to double the number of scholarships for {Bdem} students.",
    "{BLf} hailed the {project} as a symbol of friendship between the two peoples.",
    "Customs officials from {A} and {B} agreed to share data to speed up clearance at the border.",
    "{AMf} warned that delays on the {project} could raise its cost.",
    "{A} accused {B} of failing to honour an earlier agreement on fishing rights.",
    "The two countries pledged to coordinate closely at the United Nations.",
    "{BLf} awarded {ALf} the country's highest order for his contribution to bilateral ties.",
    "{A} launched a direct shipping route to {Bcap} last month.",
    "Police from both countries will conduct joint patrols along the frontier.",
    "{ALf} and {BLf} agreed to meet again at the regional summit in {target_year}.",
    "The {Bdem} government appreciated {A}'s help in clearing unexploded ordnance.",
    "Energy companies from the two countries signed a deal to supply {mw} MW of electricity.",
    "{A} and {B} committed to opening a new consulate in each other's second city.",
    "The ministers also discussed tensions in the region and called for restraint.",
    "{BMf} expressed gratitude for the {Adem} relief shipment.",
    "Before leaving {Bcap}, {ALf} visited a hospital built with {Adem} aid.",
    "{A} is set to host the next round of negotiations on a free trade agreement.",
    "Both governments welcomed the reopening of the railway link after a {n}-month closure.",
    "Trade officials will negotiate a new agreement on investment protection.",
    "{BLf} urged {Adem} companies to invest in {sector} and {sector2}.",
    "The two foreign ministries issued a joint statement on maritime cooperation.",
]

FACTS = [
    "Two-way trade reached {money} in {year}, up {pct} from a year earlier.",
    "Bilateral trade stood at {money} last year, according to customs data.",
    "The two sides aim to raise trade to {money} by {target_year}.",
    "{Adem} investment in {B} totals more than {money} across {n} projects.",
    "{Adem} exports to {B} rose {pct} in the first {n} months of {year}.",
    "The {project} will have a capacity of {mw} MW when it is completed.",
    "Imports of {Bdem} {commodity} fell {pct} to {money} in {year}.",
    "Some {many} {Bdem} students are currently enrolled at universities in {A}.",
    "The {km}-kilometre line is expected to cost about {money}.",
    "Tourist arrivals from {A} grew by {pct} in {year} to about {many}.",
    "{A} has granted {small_money} in aid to {B} since {past_year}.",
    "The new agreement could lift {Bdem} exports of {commodity} by {pct} within five years.",
    "{A} is now {B}'s {ordinal} largest trading partner, with trade worth {money}.",
    "The {project} employs about {many} workers, most of them local.",
    "Freight volumes through the main border gate rose {pct} in {year}.",
    "{Bdem} imports of {Adem} machinery were worth {small_money} in {year}.",
    "The grant package of {small_money} will fund {n} new clinics.",
    "The plant is expected to supply {mw} MW to the national grid.",
    "Some {many} tourists crossed the border during the holiday week.",
    "Remittances from {Bdem} workers in {A} exceeded {small_money} in {year}.",
    "The target is to double investment to {money} by {target_year}.",
    "Trade in {commodity} accounts for roughly {pct} of the total.",
    "The line will cut travel time between the two capitals by {pct}.",
    "About {many} {Adem} citizens live and work in {B}.",
]

QUOTES = [
    "\u201cOur two countries share a long history and a common future,\u201d {ALf} told reporters.",
    "\u201cThis is a milestone for our people,\u201d said {BMf}, adding that more work remained.",
    "\u201cWe see enormous potential in {sector},\u201d {AMf} said at a press conference in {Bcap}.",
    "\u201cThere is no alternative to dialogue,\u201d {BLf} said in a televised address.",
    "\u201cThe numbers speak for themselves,\u201d a senior trade official said on condition of anonymity.",
    "\u201cWe expect concrete results before the end of the year,\u201d {AMf} said.",
    "\u201cOur friendship has stood the test of time,\u201d {BLf} said at a state banquet.",
    "\u201cBusinesses want predictability above all,\u201d said {given} {family}, an economist at a university in {Acap}.",
    "\u201cWe will not accept any violation of our sovereignty,\u201d {AMf} said.",
    "\u201cThe door is open for further cooperation,\u201d {BMf} told a news conference.",
    "\u201cIt is too early to judge the impact,\u201d said a diplomat based in {Bcap}.",
    "\u201cPeople on both sides of the border will feel the difference,\u201d {ALf} said.",
    "\u201cWe have turned a new page,\u201d {BLf} said in a speech to parliament.",
    "\u201cThese are not just words on paper,\u201d {AMf} said of the agreements.",
    "\u201cInvestors are watching closely,\u201d said a banker in {Acap} who asked not to be named.",
    "\u201cWe have learned from the mistakes of the past,\u201d {BMf} said.",
]

BACKGROUND = [
    "The two countries established diplomatic relations in {past_year}.",
    "Relations between {A} and {B} have warmed steadily over the past decade.",
    "The border region is home to several ethnic minority communities that trade across the frontier.",
    "Analysts said the visit reflected a wider effort to diversify trade routes in the region.",
    "The rainy season often cuts road links in the mountainous border provinces for weeks at a time.",
    "{B} is one of the fastest-growing markets for {Adem} manufactured goods.",
    "Many projects announced in earlier years have yet to break ground.",
    "Economists caution that currency swings could erode some of the gains.",
    "The region's economies have been hit by higher shipping costs and weaker demand in Europe.",
    "Critics say the deals lack transparency and environmental safeguards.",
    "Local residents have long complained about the state of the old highway.",
    "Much of the region's electricity still comes from imported fuel.",
    "The capital's port has struggled with congestion since it was expanded.",
    "Observers described the atmosphere of the meeting as warm and constructive.",
    "Farmers on both sides of the border depend on the river for irrigation and fishing.",
    "Officials gave no timetable for the next steps.",
    "Diplomats in {Acap} said the timing of the trip was not a coincidence.",
    "The opposition in {B} has questioned the cost of the program.",
    "Inflation has eased in recent months, giving policymakers more room to act.",
    "Young people in {Bcap} increasingly look abroad for work and study.",
    "Satellite images published last month showed new roads along the disputed stretch.",
    "The central bank held interest rates steady at its last meeting.",
    "Several foreign companies have paused expansion plans pending new regulations.",
    "The ruling party has governed {A} since {past_year}.",
    "A decade ago, the route carried only a fraction of today's traffic.",
    "Journalists were not allowed to attend the closed-door session.",
    "Security was tight around the venue, with several streets closed to traffic.",
    "The announcement was broadcast live on state television.",
    "Environmental groups have raised concerns about the impact on fish stocks.",
    "Neither government has published the full text of the documents.",
    "The province has become a hub for electronics assembly and garment factories.",
    "Rising food prices remain a sensitive political issue in both countries.",
    "The old colonial-era railway was abandoned in the 1970s.",
    "Heavy rain had delayed the arrival of the delegation by several hours.",
    "The talks took place in a former royal residence on the edge of the city.",
    "Public opinion in {B} remains divided over the pace of economic opening.",
    "Business groups have lobbied for simpler visa rules for years.",
    "The government is under pressure to create jobs for a growing workforce.",
    "The currency has lost about a fifth of its value since the start of the year.",
    "Several ministers accompanied the leader on the trip.",
    "Both economies rely heavily on exports of raw materials.",
    "The region has seen a wave of infrastructure spending over the past decade.",
    "Experts say the corridor could reshape supply chains in the area.",
    "Street vendors lined the route of the motorcade.",
    "The talks were originally scheduled for the spring but were postponed.",
    "Local media gave the visit extensive coverage.",
    "The issue has dominated parliamentary debate for months.",
    "Drought has reduced water levels in the reservoir to a record low.",
    "Most of the country's trade passes through a single port.",
    "The government has promised to publish an environmental assessment.",
    "Shipping through the strait has grown sharply in recent years.",
    "The two capitals are separated by a flight of a few hours.",
    "Labour unions have warned against cheap imports.",
    "The university has opened a language centre with help from abroad.",
    "Road accidents on the mountain pass are frequent during the winter months.",
    "Construction is expected to begin after the rainy season.",
    "There was no immediate comment from the embassy.",
    "The president's office released photographs of the ceremony.",
    "Migration from rural areas to the cities has accelerated.",
]

CLOSERS = [
    "{ALf} is scheduled to travel on to {Bcap}'s neighbouring states later this week.",
    "The visit ends on {weekday}.",
    "The next meeting of the joint commission is expected in {Acap} in {target_year}.",
    "Further details are expected to be announced after the meeting of the joint committee.",
    "{AMf} will return to {Acap} on {weekday}.",
]


def _countries(rng: random.Random):
    countries = [c for c in load_gazetteer().countries.values()
                 if c.demonyms and c.capitals and "," not in c.name and "(" not in c.name]
    return sorted(countries, key=lambda c: c.iso3)


def _person(rng: random.Random, titles: list[str]) -> _Person:
    return _Person(rng.choice(GIVEN), rng.choice(FAMILY), rng.choice(titles))


def _date_phrase(rng: random.Random, day: date, published: date) -> str:
    style = rng.randrange(3)
    if style == 0:
        return f"on {WEEKDAYS[day.weekday()]}"
    if style == 1:
        return f"on {MONTHS[day.month - 1]} {day.day}"
    return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"


def article(index: int, seed: int = 0) -> dict:
    """One synthetic article as a JSON Lines record (url, title, published, source, text)."""
    rng = random.Random(seed * 1_000_003 + index)
    countries = _countries(rng)
    a, b = rng.sample(countries, 2)
    published = date(2015, 1, 1) + timedelta(days=rng.randrange(365 * 11))
    event_day = published - timedelta(days=rng.randrange(0, 4))
    people = {"AL": _person(rng, LEADER_TITLES), "BL": _person(rng, LEADER_TITLES),
              "AM": _person(rng, MINISTER_TITLES), "BM": _person(rng, MINISTER_TITLES)}
    project = f"{rng.choice(PROJECT_PLACES)} {rng.choice(PROJECT_KINDS)}"
    fixed: dict[str, object] = {
        "A": a.name, "B": b.name, "Adem": rng.choice(a.demonyms), "Bdem": rng.choice(b.demonyms),
        "Acap": a.capitals[0], "Bcap": b.capitals[0], "project": project,
        "date": _date_phrase(rng, event_day, published), "year": str(published.year - rng.randint(0, 1)),
        "given": rng.choice(GIVEN), "family": rng.choice(FAMILY),
    }
    for key, person in people.items():
        side = a if key[0] == "A" else b
        demonym = fixed["Adem"] if key[0] == "A" else fixed["Bdem"]
        fixed[f"{key}t"] = rng.choice([f"{demonym} {person.title} {person.full}",
                                       f"{person.title} {person.full}",
                                       f"{side.name}'s {person.title} {person.full}"])
        fixed[f"{key}f"] = person.family
        fixed[key] = person.full
    slots = _Slots(rng, fixed, people)
    kind = rng.choice(list(LEADS))
    target_words = rng.randint(380, 840)
    dateline = f"{fixed['Bcap'].upper()}, {MONTHS[published.month - 1]} {published.day} ({rng.choice(SOURCES)}) \u2013 "
    paragraphs = [dateline + rng.choice(LEADS[kind]).format_map(slots)]
    pools = {"events": rng.sample(EVENTS, len(EVENTS)), "facts": rng.sample(FACTS, len(FACTS)),
             "quotes": rng.sample(QUOTES, len(QUOTES)), "background": rng.sample(BACKGROUND, len(BACKGROUND))}
    weights = {"events": 3, "facts": 2, "quotes": 1.2, "background": 4}
    words = len(paragraphs[0].split())
    while words < target_words and any(pools.values()):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            live = [k for k in pools if pools[k]]
            if not live:
                break
            pool = rng.choices(live, [weights[k] for k in live])[0]
            sentences.append(pools[pool].pop().format_map(slots))
        paragraph = " ".join(sentences)
        if words + len(paragraph.split()) > 880:
            break
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    paragraphs.append(rng.choice(CLOSERS).format_map(slots))
    title = rng.choice(HEADLINES[kind]).format_map(slots)
    title = title[0].upper() + title[1:]
    return {"url": f"https://news.example.org/{published:%Y/%m/%d}/{index:08d}-{seed}",
            "title": title, "published": published.isoformat(), "source": rng.choice(SOURCES),
            "text": "\n\n".join(paragraphs)}


def generate(count: int, seed: int = 0):
    """`count` articles, deterministic for a given seed."""
    for index in range(count):
        yield article(index, seed)


def write_corpus(out: Path, count: int, seed: int = 0, shard_size: int = 500,
                 fmt: str = "jsonl") -> list[Path]:
    """Write the corpus as JSON Lines shards (or one .txt file per article); return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    if fmt == "txt":
        for index, record in enumerate(generate(count, seed)):
            path = out / f"article-{index:07d}.txt"
            header = (f"URL: {record['url']}\nTITLE: {record['title']}\nPUBLISHED: {record['published']}\n"
                      f"SOURCE: {record['source']}\n---\n")
            path.write_text(header + record["text"] + "\n", "utf-8")
            paths.append(path)
        return paths
    handle = None
    for index, record in enumerate(generate(count, seed)):
        if index % shard_size == 0:
            if handle:
                handle.close()
            path = out / f"corpus-{index // shard_size:05d}.jsonl"
            paths.append(path)
            handle = path.open("w", encoding="utf-8")
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shard-size", type=int, default=500)
    parser.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    args = parser.parse_args(argv)
    paths = write_corpus(args.out, args.count, args.seed, args.shard_size, args.format)
    print(f"wrote {args.count} articles in {len(paths)} files under {args.out}")


if __name__ == "__main__":
    main()
