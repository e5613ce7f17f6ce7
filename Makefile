# Two entry points for a fresh machine: `make demo` and `make test`.
# Each creates its own virtualenv in .venv and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEEDS  ?= ../shared/seeds
DEMO_DB ?= demo.db

.PHONY: demo test bench train venv clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

venv: $(BIN)/python
	$(BIN)/pip install --quiet -e .

demo: venv
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/accord --db $(DEMO_DB) ingest $(SEEDS)
	$(BIN)/accord --db $(DEMO_DB) docs
	$(BIN)/accord --db $(DEMO_DB) stats
	$(BIN)/accord --db $(DEMO_DB) search "vung ang"
	$(BIN)/accord --db $(DEMO_DB) events --pair VNM-LAO
	$(BIN)/accord --db $(DEMO_DB) facts --pair VNM-LAO
	$(BIN)/accord --db $(DEMO_DB) actors

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
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
