"""Sources to clean documents: reading, format detection, cleaning, dating, language, dedup.

Running them over many inputs and storing the result is the engine's job (accord/engine/)."""
