"""Imported once by the process that forks the ingest workers: everything a worker needs
that is slow to load (the spaCy model, the gazetteer, the trigger lexicon) is loaded here,
so each worker starts with it in memory instead of loading its own copy."""

from accord.extract.coder import load_coder
from accord.extract.coder.lexicon import trigger_index, verb_index
from accord.extract.gazetteer import load_gazetteer
from accord.extract.nlp import load_nlp

load_nlp()
load_gazetteer()
load_coder()
verb_index()
trigger_index()
