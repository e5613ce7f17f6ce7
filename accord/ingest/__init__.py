"""Sources to clean documents: reading, format detection, cleaning, dating, dedup."""
