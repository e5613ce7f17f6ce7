"""A missing or broken event-coder model is one clear error at start-up, naming the file and
how to rebuild it; no input is read and nothing is stored."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CODE = """
import sys
from pathlib import Path
import accord.extract.coder.model as model
path = Path(sys.argv[1])
model.packaged_model_path = lambda: path
model.load_coder.cache_clear()
from accord.cli import main
sys.argv = ["accord", "--db", sys.argv[2], "ingest", sys.argv[3]]
main()
"""


@pytest.mark.parametrize("content", [None, b"not a zip archive"])
def test_ingest_refuses_to_start_without_a_readable_model(tmp_path, content):
    model = tmp_path / "event_coder.npz"
    if content is not None:
        model.write_bytes(content)
    article = tmp_path / "a.txt"
    article.write_text("Kenya and Uganda held talks in Nairobi on Monday about the rail link.", "utf-8")
    db = tmp_path / "s.db"
    result = subprocess.run([sys.executable, "-c", CODE, str(model), str(db), str(article)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "event_coder.npz" in result.stderr and "make train" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists() or db.stat().st_size < 200_000
