"""Cross-document analysis: canonical events, actors, timeline, commitments, variants, index.

`load.py` reads rows from the store; everything else is pure functions over
the typed rows it returns.
"""
