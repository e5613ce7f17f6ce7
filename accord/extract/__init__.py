"""Documents to records: actors, dates, events, numeric facts, agreements, relationship labels.

Every function here is pure: it takes text (or parsed sentences) and returns
records; nothing reads or writes the store.
"""

EXTRACTOR_VERSION = "0.3.0"  # the bagged coder on 13,408 sentences, place capitals, agreement complements

