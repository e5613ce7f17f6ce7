"""`accord load DIR`: bring the Parquet output of `accord run --engine dask` into the store.

Documents are replayed in input order through the engine's single writer (`engine.Writer`)
with the records extracted for them, so the store ends up as `accord ingest` of the same inputs leaves it
(the writer decides duplicates again as it goes). Loading the same output twice adds nothing.
Needs pyarrow (extra `scale`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from accord.engine import Processed, Writer
from accord.extract.spec import SPECS
from accord.models import IngestReport, Rejection
from accord.neardup import NearDuplicates
from accord.scale import rows as R
from accord.store.db import Store
from accord.store.records import normalise_pair

RECORD_TABLES = tuple(spec.name for spec in SPECS)


def _dataset(folder: Path):
    import pyarrow.dataset as ds

    return ds.dataset(str(folder), format="parquet") if folder.exists() and any(folder.glob("*.parquet")) \
        else None


@dataclass(frozen=True)
class LoadFilter:
    """Which documents of a run to store: those whose main pair is `pair` (either order) and
    whose publication date falls within [published_from, published_to] (prefix-compared:
    "2024" covers the whole year). Empty: everything, rejections included."""

    pair: str | None = None
    published_from: str | None = None
    published_to: str | None = None

    def __bool__(self) -> bool:
        return any((self.pair, self.published_from, self.published_to))

    def expression(self):
        """The filter as a pyarrow dataset expression over the documents partitions."""
        import pyarrow.compute as pc

        expression = pc.scalar(True)
        if self.pair:
            first, second = normalise_pair(self.pair).split("-")
            expression &= pc.field("pair").isin([f"{first}-{second}", f"{second}-{first}"])
        if self.published_from:
            expression &= pc.field("published") >= self.published_from
        if self.published_to:
            expression &= pc.field("published") < self.published_to + "~"
        return expression


def load(out: Path, store: Store, dedup: NearDuplicates | None = None, batch: int = 2000,
         only: LoadFilter = LoadFilter()) -> IngestReport:
    """Store the documents, records and rejections found under `out` (`only`: a subset of the
    documents, for a store of one pair or period out of a run too big for one file). Near
    duplicates are decided by `dedup`, else by the threshold the run used, else by the store's."""
    import pyarrow.compute as pc

    out = Path(out)
    manifest = json.loads((out / "manifest.json").read_text()) if (out / "manifest.json").exists() else {}
    if dedup is None and "near_duplicate_threshold" in manifest:
        dedup = NearDuplicates(manifest["near_duplicate_threshold"])
    writer = Writer(store.with_dedup(dedup) if dedup else store)
    documents = _dataset(out / "documents")
    if documents is None:
        raise FileNotFoundError(f"no documents partitions under {out}")
    orders = sorted(documents.to_table(columns=["order"], filter=only.expression())["order"].to_pylist())
    records = {name: _dataset(out / name) for name in RECORD_TABLES}
    for start in range(0, len(orders), batch):
        low, high = orders[start], orders[min(start + batch, len(orders)) - 1]
        window = (pc.field("order") >= low) & (pc.field("order") <= high)
        rows = sorted(documents.to_table(filter=window & only.expression()).to_pylist(), key=lambda r: r["order"])
        found: dict[str, dict[int, list[dict]]] = {name: defaultdict(list) for name in RECORD_TABLES}
        for name, dataset in records.items():
            if dataset is not None:
                for row in dataset.to_table(filter=window).to_pylist():
                    found[name][row["order"]].append(row)
        writer.write(_processed(row, found) for row in rows)
    rejected = _dataset(out / "rejected")
    if rejected is not None and not only:
        writer.write(Rejection(row["origin"], row["reason"])
                     for row in sorted(rejected.to_table().to_pylist(), key=lambda r: r["order"]))
    return writer.finish()


def _processed(row: dict, found: dict[str, dict[int, list[dict]]]) -> Processed:
    """A documents row with the records rows of its order, as process_batch made them."""
    document = R.document_from_row(row)
    extraction = None
    if row["extracted"]:
        extraction = R.extraction_from_rows(
            document.id, row["extractor_version"], row["pair"],
            {name: found[name].get(row["order"], []) for name in RECORD_TABLES}, row.get("skipped"))
    return Processed(document, extraction)
