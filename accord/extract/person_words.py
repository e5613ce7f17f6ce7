"""The words that tell a person's name from the words around it in news text: what cuts a
run of capitalised words, what makes a name a place or a thing, what marks a credit line, a
media role or someone the text calls no official (read by accord/extract/person_names.py)."""

from __future__ import annotations

import re

# Words that are never part of a name: they cut a run of capitalised words.
FUNCTION_WORDS = {"the", "of", "and", "in", "on", "for", "to", "a", "an", "at", "by", "with",
                  "according", "during", "after", "before", "following", "since", "while"}
DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
              "friday", "saturday", "sunday", "day", "week", "month", "year"}
MEDIA_WORDS = {"photo", "source", "news", "times", "post", "daily", "agency", "newspaper", "online",
               "tv", "radio", "desk", "markets", "reporting", "editing", "staff", "correspondent",
               "unknown", "soldier"}
# Places, buildings, bodies, events, documents and firms: a name right before one of these is
# its modifier ("Ta Kwai temple", "Stung Treng province", "Dien Bien Phu Victory"), not a person.
THINGS = {"palace", "hall", "house", "square", "monument", "park", "port", "airport", "railway", "road",
          "street", "bridge", "river", "sea", "ocean", "mountain", "mountains", "trail", "route",
          "corridor", "highway", "expressway", "pass", "valley", "lake", "dam", "plant", "zone", "zones",
          "gate", "border", "pier", "station", "center", "centre", "stadium", "province", "provinces",
          "city", "district", "districts", "village", "capital", "region", "regions", "island", "islands",
          "temple", "pagoda", "section", "town", "commune", "ward", "township", "county",
          "prefecture", "municipality", "bay", "strait", "canal", "peninsula", "archipelago",
          "checkpoint", "crossing", "base", "camp", "field", "mine", "congress", "session",
          "meeting", "summit", "forum", "festival", "medal", "order", "award", "prize", "treaty",
          "agreement", "protocol", "memorandum", "declaration", "statement", "strategy", "plan",
          "project", "model", "university", "school", "institute", "academy", "hospital",
          "company", "group", "bank", "fund", "corporation", "ltd", "inc", "co", "friendship",
          "solidarity", "cooperation", "partnership", "vision", "victory", "battle", "war",
          "campaign", "uprising", "revolution", "offensive", "games", "cup", "expo", "fair",
          "market", "markets", "airlines", "airways", "line", "lines", "party", "parties",
          "notification", "gazette", "decree", "act", "charter", "code", "constitution", "convention",
          "pact", "communique", "communiqué", "directive", "regulation", "ordinance", "initiative",
          "programme", "program", "framework", "roadmap", "mechanism", "dialogue", "talks",
          "conference", "motor", "motors", "holdings", "industries", "electronics", "steel", "limited",
          "trains", "train", "flyover", "tunnel", "harbour", "harbor", "terminal"}
# Those of them that are also names (Park Geun-hye, Stuart Hall, Kathy Ward...) do not cut a run
# of capitalised words; they only mark the name before them as a thing's.
NAMES_TOO = {"park", "hall", "house", "ward", "field", "camp", "lake", "rock", "street", "bridge",
             "river", "bay", "gate", "fair", "cup", "line", "order", "port", "pass", "mine", "town", "co",
             "steel"}
NOT_NAMES = FUNCTION_WORDS | DATE_WORDS | MEDIA_WORDS | (THINGS - NAMES_TOO)
# Before an untitled name these make it a place ("in Siem Reap", "sovereignty over Hoang Sa").
PLACE_PREPOSITIONS = {"the", "in", "at", "from", "near", "into", "across", "a", "an", "over", "via",
                      "through", "toward", "towards", "inside", "outside", "within", "around",
                      "along", "off", "beyond"}
# Words of travel: "to" after them leads to a place ("flew to Phu Quoc", "a trip to Da Nang").
MOTION = {"fly", "flight", "travel", "trip", "visit", "journey", "return", "route", "road", "way", "head",
          "go", "come", "arrive", "move", "drive", "sail", "voyage", "tour", "link", "connect", "back"}
# "of" before an untitled name makes it a place ("the province of Kon Tum", "a part of X"),
# except after the words that relate people ("the wife of", "at the invitation of").
OF_PEOPLE = {"wife", "husband", "spouse", "widow", "son", "daughter", "mother", "father", "family",
             "invitation", "visit", "leadership", "guidance", "remarks", "words", "death", "funeral",
             "election", "resignation", "appointment", "statement", "speech", "letter", "message",
             "envoy", "representative", "adviser", "advisor", "aide", "counterpart", "delegation",
             "government", "administration", "cabinet", "successor", "predecessor", "portrait",
             "memory", "legacy", "teachings", "thought", "behalf", "consent", "order", "orders"}
# Credit lines name the people who made the article, not officials (the codebook's bylines,
# reporters, editors, photographers, translators). A cue counts where a credit starts: at the
# start of the sentence, or after "(", ";" or a dash ("a letter written by President X" is none).
CREDIT = re.compile(r"(?:^|[(\[;|—–-])\W*(?:(?:additional\s+)?reporting|reported|editing|edited|writing|written|"
                    r"translated|translation|compiled|photos?|photographs?|photography|pictures?|"
                    r"images?|video|graphics?|illustrations?|produced|story|text|interpreted)\s+by\b"
                    r"|(?:^|[(\[;|—–-])\W*(?:photo|foto|image|credit|photograph|picture|source|editor|editing|"
                    r"reporter|reporting|writer|author|translator|translation|compiled|producer)s?\s*:"
                    r"|^\W*by\s", re.I)
# "X contributed reporting", "X and Y contributed to this report": every name is a credit.
CONTRIBUTED = re.compile(r"\bcontributed(?:\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story|article))|"
                         r"\W*$)", re.I)
MEDIA_ROLES = {"reporter", "reporters", "correspondent", "correspondents", "journalist", "journalists",
               "editor", "editors", "photographer", "photographers", "photojournalist", "cameraman",
               "translator", "translators", "columnist", "columnists", "writer", "writers", "anchor",
               "presenter", "byline"}
# People the text names as no official: the codebook's people act in a state capacity.
NOT_OFFICIAL = {"terrorist", "terrorists", "militant", "separatist", "extremist", "insurgent", "rebel",
                "gunman", "suspect", "criminal", "fugitive", "activist", "dissident", "protester",
                "smuggler", "hacker", "spy"}

PLURAL_TITLES = {"presidents", "ministers", "premiers", "chancellors", "ambassadors", "envoys", "kings",
                 "secretaries", "governors", "senators", "generals", "commanders", "chairmen", "leaders",
                 "counterparts", "spokespersons", "spokesmen"}

# Capitalised words of institutions' names that are not titles ("Mineral Development").
COMMON_CAPITALS = {"development", "mineral", "minerals", "resources", "affairs", "works", "economy",
                   "economic", "social", "rural", "urban", "water", "power", "mines", "mining", "oil",
                   "gas", "petroleum", "fisheries", "forestry", "tourism", "sports", "youth", "women",
                   "family", "welfare", "housing", "land", "lands", "local", "regional", "integration",
                   "cooperation", "international", "relations", "external", "policy", "budget",
                   "treasury", "revenue", "customs", "immigration", "citizenship", "digital",
                   "innovation", "research", "higher", "general", "overseas", "diaspora", "heritage",
                   "arts", "media", "broadcasting", "aviation", "maritime", "marine", "ports", "roads",
                   "railways", "infrastructure", "utilities", "electricity", "climate", "disaster",
                   "emergency", "management", "services", "service", "industries", "commerce", "trade",
                   "investment", "planning", "environment", "energy", "health", "education",
                   "agriculture", "transport", "justice", "interior", "labour", "labor", "culture",
                   "information", "communications", "science", "technology", "finance", "defence",
                   "defense", "security", "public", "foreign", "home", "national", "state", "mineral"}

# Words that end the name of a body: capitalised words right before one are that name.
INSTITUTIONS = {"council", "committee", "commission", "authority", "agency", "ministry", "department",
                "office", "board", "service", "bureau", "union", "federation", "association", "court",
                "assembly", "parliament", "front", "army", "navy", "police", "forces", "secretariat",
                "organisation", "organization", "institute", "foundation", "centre", "center"}
