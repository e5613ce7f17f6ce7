"""Scale: the same per-document work spread over processes or a Dask cluster.

* `process.py`: the per-document function (clean, date, key, extract) on a batch of raw
  articles; pure, so a local process pool and Dask workers run exactly the same code.
* `local.py`: `accord ingest` with worker processes: extraction in a pool, every write
  through the single writer in the main process, in input order.
* `dask_engine.py` and `parquet.py` (extra `scale`): `accord run --engine dask` writes
  Parquet partitions; `accord load` brings them into the SQLite store.
"""
