"""Imported once by the process that forks the ingest workers: everything a worker needs
that is slow to load (the spaCy model, the gazetteer, the trigger lexicon) is loaded here,
so each worker starts with it in memory instead of loading its own copy."""

from accord.extract.events import load_triggers
from accord.extract.gazetteer import load_gazetteer
from accord.extract.nlp import load_nlp

load_nlp()
load_gazetteer()
load_triggers()
