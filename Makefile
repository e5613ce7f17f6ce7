# Two entry points for a fresh machine: `make demo` and `make test`.
# Each creates its own virtualenv in .venv and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEEDS  ?= ../shared/seeds
DEMO_DB ?= demo.db
DEMO_REPORT ?= demo-report.html

.PHONY: demo test bench train venv clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

venv: $(BIN)/python
	$(BIN)/pip install --quiet -e .

# The demo (about 15 s once installed): the seeds into demo.db, a one-screen summary, the visits, a report, and how to
# open the web app. Everything runs offline once installed.
demo: $(BIN)/python
	@# Installed once (editable: later changes to the code need no reinstall).
	@$(BIN)/python -c 'import accord.cli, fastapi, uvicorn, jinja2, plotly, fastapi_offline' 2>/dev/null \
		|| $(BIN)/pip install --quiet -e '.[web]'
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/accord --db $(DEMO_DB) ingest --quiet $(SEEDS)
	@echo
	$(BIN)/accord --db $(DEMO_DB) summary
	@echo
	$(BIN)/accord --db $(DEMO_DB) events --pair VNM-LAO --type visit --limit 8
	@echo
	$(BIN)/accord --db $(DEMO_DB) report --pair VNM-LAO -o $(DEMO_REPORT)
	@echo
	@echo "Next:"
	@echo "  $(BIN)/accord --db $(DEMO_DB) serve     # web app and JSON API on http://127.0.0.1:8000 (/docs)"
	@echo "  open $(DEMO_REPORT)                     # the VNM-LAO report: self-contained, works offline"
	@echo "  $(BIN)/accord --db $(DEMO_DB) --help    # every command; each listing has --json"

# torch is installed on its own first, pinned to the CPU build, so that the semantic
# extra never pulls a CUDA build of several GB.
test: $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test,semantic]'
	$(BIN)/python -m pytest

# The event coder, learnt from training/sentences/*.jsonl into accord/data/model/event_coder.npz.
train: venv
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/accord train

# Throughput (1 and 2 workers) against a spaCy NER baseline, memory, and query latency on
# stores of 1 and 10 million synthetic events (cached in /tmp/accord-bench-stores); see
# docs/PERFORMANCE.md. BENCH_ARGS="--articles 300 --events 1000000" for a shorter run.
bench: venv
	$(BIN)/pip install --quiet -e '.[scale]'
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_REPORT)
