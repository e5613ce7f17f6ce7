"""The engine: the one path from inputs to the store, shared by every way of running it.

* `work.py`: reading an input into raw articles, and `process_batch`, the per-document work
  (clean, date, key, extract) on a batch of them; pure.
* `writer.py`: the single `Writer` (store, report, progress) and the canonical-event merge
  at the end of a run.
* `run.py`: `ingest_paths` / `ingest_items`, serial or over the worker pool (`pool.py`).

The Dask engine (`scale/dask_engine.py`) calls `process_batch` on its workers, and
`accord load` (`scale/load.py`) stores its output through the `Writer`.
"""

from accord.engine.run import IngestOptions, ingest_items, ingest_paths
from accord.engine.work import Processed, internal_error, process_batch
from accord.engine.writer import InputDone, Progress, Writer

__all__ = ["IngestOptions", "InputDone", "Processed", "Progress", "Writer", "ingest_items", "ingest_paths",
           "internal_error", "process_batch"]
