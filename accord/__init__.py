"""accord: evidence-backed records of relations between countries from news articles."""

__version__ = "0.1.0"
