"""Invented news articles for the reliability tests, built from templates.

Every sentence here is written for these tests (nothing comes from ../shared/seeds).
`make_articles(n, seed)` gives n different articles across several country pairs;
the same seed always gives the same articles.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

# (country, capital, demonym) for both sides of each pair.
PAIRS = [
    (("Kenya", "Nairobi", "Kenyan"), ("Uganda", "Kampala", "Ugandan")),
    (("Brazil", "Brasilia", "Brazilian"), ("Argentina", "Buenos Aires", "Argentine")),
    (("Japan", "Tokyo", "Japanese"), ("India", "New Delhi", "Indian")),
    (("Germany", "Berlin", "German"), ("Poland", "Warsaw", "Polish")),
    (("Egypt", "Cairo", "Egyptian"), ("Jordan", "Amman", "Jordanian")),
    (("Chile", "Santiago", "Chilean"), ("Peru", "Lima", "Peruvian")),
    (("Indonesia", "Jakarta", "Indonesian"), ("Malaysia", "Kuala Lumpur", "Malaysian")),
    (("Vietnam", "Hanoi", "Vietnamese"), ("Cambodia", "Phnom Penh", "Cambodian")),
]
TOPICS = [
    ("a railway link", "rail freight", "tonnes"),
    ("a hydropower dam", "electricity exports", "MW"),
    ("fisheries in shared waters", "fish catches", "tonnes"),
    ("scholarships for engineering students", "student exchanges", "scholarships"),
    ("border crossings", "cross-border trade", "vehicles"),
    ("a vaccine plant", "public health", "doses"),
    ("tourism promotion", "visitor numbers", "tourists"),
    ("a fibre-optic cable", "digital services", "km"),
]
ROLES = ["Foreign Minister", "Trade Minister", "Energy Minister", "Prime Minister"]
GIVEN = ["Amara", "Lucas", "Haruto", "Klara", "Omar", "Camila", "Rizal", "Linh", "Tomasz", "Nadia",
         "Mateo", "Sana", "Jonas", "Aiko", "Farid", "Ines"]
FAMILY = ["Otieno", "Ferreira", "Sato", "Nowak", "Haddad", "Rojas", "Hakim", "Tran", "Weber",
          "Mensah", "Castillo", "Kimura", "Aziz", "Lindqvist", "Moreno", "Santos"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
OUTLETS = ["Continental Wire", "Harbour Post", "Meridian Daily", "Plateau Times", "Delta Herald"]

OPENINGS = [
    "{a} and {b} signed an agreement on {weekday} to cooperate on {topic}, officials from both "
    "governments said after talks in {host_capital}.",
    "The {a_dem} {role} {person} arrived in {host_capital} on {weekday} for two days of talks on "
    "{topic} with {host_country}'s leaders.",
    "{a} pledged on {weekday} to expand its support for {topic} in {b}, according to a joint "
    "statement released in {host_capital}.",
    "Delegations from {a} and {b} met in {host_capital} on {weekday} and agreed to speed up work "
    "on {topic}, the two foreign ministries said.",
]
FIGURES = [
    "Two-way trade between the two countries reached {amount} billion US dollars last year, and "
    "both sides aim to raise it to {target} billion dollars by {year_target}.",
    "The project is expected to cost about {amount} million dollars and to handle {count} "
    "{unit} a year once it is complete.",
    "Officials said {count} {unit} were recorded in the first {months} months of {year}, "
    "up {percent} percent from a year earlier.",
    "{b} will receive a loan of {amount} million euros for the work, which is planned to begin "
    "in {month} {year_next}.",
]
MIDDLES = [
    "The {role} {person} told reporters that the talks had been frank and that {topic2} would "
    "remain a priority for the coming years.",
    "Business groups in {b_capital} welcomed the decision, saying that slow permits had held back "
    "{topic2} for most of the last decade.",
    "Critics in {a_capital} questioned the cost of the plan and asked the government to publish "
    "the full text of the agreement before parliament votes on it.",
    "A working group of engineers and customs officers will report on progress every six months, "
    "the statement said.",
    "The two sides also discussed regional security and agreed to hold the next round of talks in "
    "{a_capital} in {month}.",
    "The ministers signed a Memorandum of Understanding on Transport Cooperation and said relations "
    "had become a comprehensive strategic partnership.",
]
CLOSINGS = [
    "Relations between {a} and {b} have grown steadily since the two countries reopened their "
    "embassies, and ministers now meet at least twice a year.",
    "Neither government gave a date for the next meeting of the joint commission.",
    "The agreement still has to be approved by the parliaments of both countries.",
    "{person} is due to travel to {b_capital} later this year to review the first results.",
]


@dataclass(frozen=True)
class Article:
    """One invented article: metadata and paragraphs."""

    key: str
    title: str
    published: str
    source: str
    url: str
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> str:
        """The article text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs) + "\n"

    def as_text(self) -> str:
        """A plain-text file with accord's header block."""
        return (f"URL: {self.url}\nTITLE: {self.title}\nPUBLISHED: {self.published}\n"
                f"SOURCE: {self.source}\n---\n{self.title}\n\n{self.body}")

    def as_json_line(self) -> str:
        """One JSON Lines record."""
        return json.dumps({"url": self.url, "title": self.title, "published": self.published,
                           "source": self.source, "text": self.body}, ensure_ascii=False)

    def as_html(self) -> str:
        """A small page with navigation and footer around the article."""
        paragraphs = "".join(f"<p>{p}</p>" for p in self.paragraphs)
        return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{self.title}"
                f"</title><meta property='article:published_time' content='{self.published}'>"
                f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                f"<article><h1>{self.title}</h1>{paragraphs}</article>"
                f"<footer>Copyright {self.source}</footer></body></html>")


def make_article(index: int, rng: random.Random) -> Article:
    """One article; `index` makes it distinct from every other article of the run."""
    (a, a_capital, a_dem), (b, b_capital, b_dem) = PAIRS[index % len(PAIRS)]
    if rng.random() < 0.5:
        (a, a_capital, a_dem), (b, b_capital, b_dem) = (b, b_capital, b_dem), (a, a_capital, a_dem)
    topic, topic2, unit = rng.choice(TOPICS)
    year = rng.randint(2015, 2024)
    host_country, host_capital = rng.choice([(a, a_capital), (b, b_capital)])
    slots = dict(
        a=a, b=b, a_capital=a_capital, b_capital=b_capital, a_dem=a_dem, b_dem=b_dem, topic=topic,
        topic2=topic2, unit=unit, host_country=host_country, host_capital=host_capital,
        role=rng.choice(ROLES), person=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
        weekday=rng.choice(WEEKDAYS), month=rng.choice(MONTHS), year=year, year_next=year + 1,
        year_target=year + rng.randint(3, 10), amount=rng.randint(2, 900),
        target=rng.randint(10, 2000), count=f"{rng.randint(1, 900) * 1000:,}",
        months=rng.randint(2, 11), percent=rng.randint(1, 60))
    paragraphs = [rng.choice(OPENINGS), *rng.sample(FIGURES, 2), *rng.sample(MIDDLES, 2),
                  rng.choice(CLOSINGS)]
    # The serial number makes every article's text (and so its content hash) unique.
    paragraphs.append(f"This is report number {index} in the series on {a} and {b}.")
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = f"{a} and {b} talk {topic} ({index})"
    return Article(
        key=f"article{index:04d}", title=title, published=published,
        source=rng.choice(OUTLETS), url=f"https://news.example.org/{year}/{index}",
        paragraphs=tuple(p.format(**slots) for p in paragraphs))


def make_articles(count: int, seed: int = 7) -> list[Article]:
    """`count` different articles; the same seed gives the same articles."""
    rng = random.Random(seed)
    return [make_article(index, rng) for index in range(count)]
