"""Scale: the engine's per-document work on a Dask cluster, and its output brought back.

* `dask_engine.py` (extra `scale`): `accord run --engine dask` runs `engine.process_batch`
  on Dask workers and writes Parquet partitions; cross-document steps (duplicates, canonical
  events, actors) are dataframe operations.
* `load.py`: `accord load` replays those partitions through the engine's single `Writer`.
* `rows.py`, `schemas.py`: records as Parquet rows and their Arrow schemas.

The local worker pool (`accord ingest --workers N`) is `engine/pool.py`.
"""
