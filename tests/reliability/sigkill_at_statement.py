"""Run `accord ARGS...` and SIGKILL it just as it starts its N-th SQL statement.

    python sigkill_at_statement.py N --db store.db ingest corpus/

Every connection accord opens gets a trace callback that counts the statements SQLite
runs; at the N-th the process kills itself with SIGKILL (no cleanup, no rollback, no
atexit), which leaves the statements before it in an open transaction most of the time.
The crash-safety test uses it to kill ingest inside its writes, not only between them.
"""

import os
import signal
import sqlite3
import sys

target = int(sys.argv.pop(1))
executed = 0
_connect = sqlite3.connect


def _counting_connect(*args, **kwargs):
    conn = _connect(*args, **kwargs)

    def trace(_statement: str) -> None:
        global executed
        executed += 1
        if executed >= target:
            os.kill(os.getpid(), signal.SIGKILL)

    conn.set_trace_callback(trace)
    return conn


sqlite3.connect = _counting_connect
sys.argv[0] = "accord"

from accord.cli import main  # noqa: E402  (after the patch, so every connection is traced)

main()
