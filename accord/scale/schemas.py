"""Arrow schemas of the Parquet tables `accord run --engine dask` writes, and frames in them."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

_EVIDENCE = [("sentence", pa.string()), ("sentence_start", pa.int64()), ("sentence_end", pa.int64()),
             ("start", pa.int64()), ("end", pa.int64())]
_RECORD = [("order", pa.int64()), ("doc_id", pa.string()), ("idx", pa.int64()), ("version", pa.string())]
_STRINGS = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("order", pa.int64()), ("doc_id", pa.string()), ("origin", pa.string()), ("format", pa.string()),
        ("url", pa.string()), ("title", pa.string()), ("published", pa.string()),
        ("published_from", pa.string()), ("published_note", pa.string()), ("source", pa.string()),
        ("language", pa.string()), ("mixed_language", pa.bool_()), ("word_count", pa.int64()),
        ("raw_text", pa.string()), ("clean_text", pa.string()), ("minhash", pa.binary()),
        ("paragraphs", pa.string()), ("extracted", pa.bool_()), ("extractor_version", pa.string()),
        ("pair", pa.string()), ("duplicate_of", pa.string()), ("duplicate_similarity", pa.float64()),
        ("dateline", pa.string()), ("place", pa.string()), ("captions", pa.string()),
        ("skipped", pa.string())]),
    "events": pa.schema(_RECORD + [
        ("type", pa.string()), ("cameo", pa.string()), ("source", pa.string()), ("target", pa.string()),
        ("trigger", pa.string()), ("plover", pa.string()), ("goldstein", pa.float64()),
        ("quad_class", pa.int64()), ("location", pa.string()), ("planned", pa.bool_()),
        ("negated", pa.bool_()), ("confidence", pa.float64()), ("date", pa.string()),
        ("date_precision", pa.string())] + _EVIDENCE),
    "facts": pa.schema(_RECORD + [
        ("value", pa.float64()), ("unit", pa.string()), ("quantity", pa.string()), ("is_target", pa.bool_()),
        ("value_max", pa.float64()), ("qualifier", pa.string()), ("period", pa.string()),
        ("confidence", pa.float64()), ("countries", _STRINGS)] + _EVIDENCE),
    "agreements": pa.schema(_RECORD + [
        ("name", pa.string()), ("kind", pa.string()), ("confidence", pa.float64()), ("date", pa.string()),
        ("date_precision", pa.string()), ("countries", _STRINGS)] + _EVIDENCE),
    "people": pa.schema(_RECORD + [
        ("name", pa.string()), ("country", pa.string()), ("role", pa.string()), ("confidence", pa.float64()),
        ("source", pa.string()), ("aliases", _STRINGS)] + _EVIDENCE),
    "labels": pa.schema(_RECORD + [("label", pa.string()), ("confidence", pa.float64()),
                                   ("countries", _STRINGS)] + _EVIDENCE),
    "rejected": pa.schema([("order", pa.int64()), ("origin", pa.string()), ("reason", pa.string())]),
    "canonical_events": pa.schema([
        ("pair", pa.string()), ("type", pa.string()), ("cameo", pa.string()), ("source", pa.string()),
        ("target", pa.string()), ("date", pa.string()), ("precision", pa.string()), ("location", pa.string()),
        ("goldstein", pa.float64()), ("quad_class", pa.int64()), ("mentions", pa.int64()),
        ("documents", _STRINGS), ("outlets", _STRINGS), ("earliest_report", pa.string()),
        ("evidence", _STRINGS)]),
    "actors": pa.schema([("name", pa.string()), ("aliases", _STRINGS), ("country", pa.string()),
                         ("documents", _STRINGS), ("roles", _STRINGS)]),
}


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows as a pandas frame with Arrow-backed columns of the table's schema."""
    schema = SCHEMAS[name]
    table = pa.Table.from_pylist([{f.name: row.get(f.name) for f in schema} for row in rows], schema=schema)
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def empty_frame(name: str) -> pd.DataFrame:
    """An empty frame of the table (Dask's `meta`)."""
    return frame(name, [])
