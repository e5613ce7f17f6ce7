"""Documents to records: actors, dates, events, numeric facts, agreements, relationship labels.

Every function here is pure: it takes text (or parsed sentences) and returns
records; nothing reads or writes the store.
"""

EXTRACTOR_VERSION = "0.2.0"  # the trained event coder, codebook dates, facts, agreements and people

