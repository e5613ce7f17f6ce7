"""Fit the event coder's heads with scikit-learn and write the weights the package ships.

The heads are L2-regularised logistic regressions over hashed binary features (see
accord/extract/coder/model.py): one-vs-rest per CAMEO code for `events`, multinomial for
`direction`, binary for `planned` and `negated`. The decision threshold of the event outputs
is chosen by k-fold cross-validation on the training data (never on the development set), as
the one that maximises the micro F1 of (candidate, event type) decisions.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from accord.extract.cameo import cameo_table, lookup
from accord.extract.coder.model import DIRECTIONS, feature_bucket, type_joined
from accord.training.dataset import DatasetReport, Example, build_examples, read_sentences

MIN_CODE_COUNT = 12  # a code seen fewer times is learnt as its parent (when the type agrees)
PRUNE = 1e-3  # weights smaller than this are not shipped


@dataclass
class TrainOptions:
    """What to train from and where to write."""

    data: Path
    out: Path
    folds: int = 4
    c_events: float = 1.0
    c_heads: float = 1.0
    seed: int = 0


@dataclass
class TrainReport:
    """Sizes, cross-validated scores and timings, written beside the weights for the model card."""

    sentences: int = 0
    examples: int = 0
    events: int = 0
    unreachable: int = 0
    codes: list[str] = field(default_factory=list)
    threshold: float = 0.5
    cv: dict = field(default_factory=dict)
    nonzero_weights: int = 0
    file_bytes: int = 0
    seconds: float = 0.0
    events_by_root: dict = field(default_factory=dict)


def label_codes(examples: list[Example]) -> dict[str, str]:
    """Each labelled code -> the code the model learns it as: itself when seen often enough,
    else its nearest ancestor of the same event type that is (or the root)."""
    counts = Counter(e.code for example in examples for e in example.events)
    table = cameo_table()

    def ancestors(code: str) -> list[str]:
        return [code[:n] for n in range(len(code) - 1, 1, -1) if code[:n] in table]

    mapping = {}
    for code in counts:
        kind = lookup(code).type
        target = code
        if counts[code] < MIN_CODE_COUNT:
            for parent in ancestors(code):
                if lookup(parent).type != kind:
                    break
                target = parent
                if sum(n for c, n in counts.items() if c.startswith(parent)) >= MIN_CODE_COUNT:
                    break
        mapping[code] = target
    return mapping


@dataclass
class Design:
    """A binary feature matrix over the hash buckets that occur in it (`buckets[j]` is column
    j): the solvers work in that compact space rather than over all 2^20 buckets."""

    x: object  # scipy.sparse.csr_matrix
    buckets: np.ndarray


def _matrix(rows: list[list[str]]) -> Design:
    from scipy.sparse import csr_matrix

    row_buckets = [sorted({feature_bucket(f) for f in features}) for features in rows]
    buckets = np.array(sorted({b for row in row_buckets for b in row}), dtype=np.int64)
    column = {int(b): j for j, b in enumerate(buckets)}
    indptr, indices = [0], []
    for row in row_buckets:
        indices.extend(column[b] for b in row)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    x = csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(rows), len(buckets)))
    return Design(x, buckets)


def _event_targets(examples: list[Example], mapping: dict[str, str], codes: list[str]) -> np.ndarray:
    column = {code: i for i, code in enumerate(codes)}
    y = np.zeros((len(examples), len(codes)), dtype=np.int8)
    for row, example in enumerate(examples):
        for event in example.events:
            y[row, column[mapping[event.code]]] = 1
    return y


def _fit_events(x, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
    bias = np.zeros(y.shape[1], dtype=np.float32)
    for column in range(y.shape[1]):
        if y[:, column].sum() == 0:
            bias[column] = -10.0
            continue
        model = LogisticRegression(C=c, solver="liblinear", max_iter=200)
        model.fit(x, y[:, column])
        weights[:, column] = model.coef_[0]
        bias[column] = model.intercept_[0]
    return weights, bias


def _probabilities(x, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ weights + bias)))


def _type_decisions(probabilities: np.ndarray, codes: list[str], threshold: float) -> list[set[str]]:
    types = [lookup(c).type for c in codes]
    return [{types[j] for j in np.flatnonzero(row >= threshold)} for row in probabilities]


def _micro_f1(predicted: list[set[str]], gold: list[set[str]]) -> tuple[float, float, float]:
    tp = sum(len(p & g) for p, g in zip(predicted, gold))
    fp = sum(len(p - g) for p, g in zip(predicted, gold))
    fn = sum(len(g - p) for p, g in zip(predicted, gold))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _head_rows(examples: list[Example], mapping: dict[str, str]):
    """One row per labelled event: its type-joined features, direction, planned, negated."""
    rows, direction, planned, negated = [], [], [], []
    for example in examples:
        first = example.found.candidate.first
        for event in example.events:
            rows.append(type_joined(example.found.features, lookup(mapping[event.code]).type))
            direction.append(2 if event.joint else 0 if event.source == first else 1)
            planned.append(int(event.planned))
            negated.append(int(event.negated))
    return rows, np.array(direction), np.array(planned), np.array(negated)


def _fit_head(x, y: np.ndarray, c: float, outputs: int):
    from sklearn.linear_model import LogisticRegression

    if len(set(y.tolist())) < 2:  # nothing to learn: a constant output
        weights = np.zeros((x.shape[1], outputs), dtype=np.float32)
        bias = np.full(outputs, -10.0, dtype=np.float32)
        if outputs > 1 and len(y):
            bias[int(y[0])] = 10.0
        return weights, bias
    model = LogisticRegression(C=c, max_iter=1000)
    model.fit(x, y)
    if outputs == 1:
        return model.coef_.T.astype(np.float32), model.intercept_.astype(np.float32)
    weights = np.zeros((x.shape[1], outputs), dtype=np.float32)
    bias = np.full(outputs, -10.0, dtype=np.float32)
    for position, label in enumerate(model.classes_):
        weights[:, label] = model.coef_[position] if len(model.classes_) > 2 else (
            model.coef_[0] if position == 1 else -model.coef_[0])
        bias[label] = model.intercept_[position] if len(model.classes_) > 2 else (
            model.intercept_[0] if position == 1 else -model.intercept_[0])
    return weights, bias


def _cross_validate(examples: list[Example], mapping: dict[str, str], codes: list[str],
                    options: TrainOptions) -> tuple[float, dict]:
    """Out-of-fold event probabilities (folds by sentence), the best threshold, and the
    cross-validated scores of every head."""
    sentence_ids = sorted({e.sentence_id for e in examples})
    rng = np.random.default_rng(options.seed)
    fold_of = dict(zip(sentence_ids, rng.integers(0, options.folds, len(sentence_ids))))
    folds = np.array([fold_of[e.sentence_id] for e in examples])
    x = _matrix([e.found.features.all() for e in examples]).x
    y = _event_targets(examples, mapping, codes)
    out_of_fold = np.zeros(y.shape, dtype=np.float32)
    direction_right = direction_total = planned_right = negated_right = code_right = root_right = 0
    for fold in range(options.folds):
        train, test = folds != fold, folds == fold
        weights, bias = _fit_events(x[train], y[train], options.c_events)
        out_of_fold[test] = _probabilities(x[test], weights, bias)
        train_examples = [e for e, keep in zip(examples, train) if keep]
        test_examples = [e for e, keep in zip(examples, test) if keep]
        rows, direction, planned, negated = _head_rows(train_examples, mapping)
        test_rows, test_direction, test_planned, test_negated = _head_rows(test_examples, mapping)
        if not rows or not test_rows:
            continue
        design = _matrix(rows + test_rows)
        hx, tx = design.x[:len(rows)], design.x[len(rows):]
        for name, target, truth, outputs in (("direction", direction, test_direction, 3),
                                             ("planned", planned, test_planned, 1),
                                             ("negated", negated, test_negated, 1)):
            w, b = _fit_head(hx, target, options.c_heads, outputs)
            scores = tx @ w + b
            guess = scores.argmax(axis=1) if outputs > 1 else (scores[:, 0] >= 0).astype(int)
            right = int((guess == truth).sum())
            if name == "direction":
                direction_right += right
                direction_total += len(truth)
            elif name == "planned":
                planned_right += right
            else:
                negated_right += right
        # code and root accuracy: the best-scoring code of each labelled event's true type
        test_probabilities = out_of_fold[test]
        for row, example in zip(test_probabilities, test_examples):
            for event in example.events:
                true = mapping[event.code]
                kind = lookup(true).type
                same_type = [j for j, c in enumerate(codes) if lookup(c).type == kind]
                best = codes[max(same_type, key=lambda j: row[j])]
                code_right += best == true
                root_right += best[:2] == true[:2]
    gold_types = [{lookup(mapping[e.code]).type for e in ex.events} for ex in examples]
    best_threshold, best = 0.5, (0.0, 0.0, 0.0)
    for threshold in np.arange(0.1, 0.91, 0.05):
        scores = _micro_f1(_type_decisions(out_of_fold, codes, threshold), gold_types)
        if scores[2] > best[2]:
            best_threshold, best = float(round(threshold, 2)), scores
    total = max(direction_total, 1)
    cv = {"event_type_precision": round(best[0], 4), "event_type_recall": round(best[1], 4),
          "event_type_f1": round(best[2], 4), "code_accuracy": round(code_right / total, 4),
          "root_accuracy": round(root_right / total, 4), "direction_accuracy": round(direction_right / total, 4),
          "planned_accuracy": round(planned_right / total, 4), "negated_accuracy": round(negated_right / total, 4),
          "folds": options.folds}
    return best_threshold, cv


def _pruned(design: Design, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The buckets with a weight worth shipping, and their rows (float16: half the size, and
    no score moves by more than the pruning already allows)."""
    keep = np.flatnonzero(np.abs(weights).max(axis=1) > PRUNE)
    return design.buckets[keep], weights[keep].astype(np.float16)


def train(options: TrainOptions, progress=print) -> TrainReport:
    """Build the examples, cross-validate, fit every head on all the data, and write the model."""
    started = time.perf_counter()
    records = read_sentences(options.data)
    if not records:
        raise ValueError(f"no training sentences in {options.data}")
    progress(f"parsing {len(records)} training sentences")
    examples, dataset = build_examples(records)
    mapping = label_codes(examples)
    codes = sorted(set(mapping.values()))
    progress(f"{len(examples)} candidate pairs, {dataset.events} events, {len(codes)} codes; cross-validating")
    threshold, cv = _cross_validate(examples, mapping, codes, options)
    progress(f"threshold {threshold}; fitting the heads on all the data")
    arrays = _fit_all(examples, mapping, codes, options)
    report = _report(dataset, codes, threshold, cv, arrays)
    arrays["codes"] = np.array(codes)
    arrays["thresholds"] = np.full(len(codes), threshold, dtype=np.float32)
    report.seconds = round(time.perf_counter() - started, 1)
    arrays["meta"] = np.array(json.dumps(asdict(report)))
    options.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(options.out, **arrays)
    report.file_bytes = options.out.stat().st_size
    options.out.with_suffix(".json").write_text(json.dumps(asdict(report), indent=2) + "\n", "utf-8")
    return report


def _fit_all(examples: list[Example], mapping: dict[str, str], codes: list[str],
             options: TrainOptions) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {}
    design = _matrix([e.found.features.all() for e in examples])
    weights, bias = _fit_events(design.x, _event_targets(examples, mapping, codes), options.c_events)
    arrays["events_buckets"], arrays["events_weights"] = _pruned(design, weights)
    arrays["events_bias"] = bias
    rows, direction, planned, negated = _head_rows(examples, mapping)
    heads = _matrix(rows)
    for name, target, outputs in (("direction", direction, len(DIRECTIONS)), ("planned", planned, 1),
                                  ("negated", negated, 1)):
        weights, bias = _fit_head(heads.x, target, options.c_heads, outputs)
        arrays[f"{name}_buckets"], arrays[f"{name}_weights"] = _pruned(heads, weights)
        arrays[f"{name}_bias"] = bias.astype(np.float32)
    return arrays


def _report(dataset: DatasetReport, codes: list[str], threshold: float, cv: dict,
            arrays: dict[str, np.ndarray]) -> TrainReport:
    nonzero = sum(int(arrays[f"{h}_weights"].size) for h in ("events", "direction", "planned", "negated"))
    return TrainReport(sentences=dataset.sentences, examples=dataset.examples, events=dataset.events,
                       unreachable=len(dataset.unreachable), codes=codes, threshold=threshold, cv=cv,
                       nonzero_weights=nonzero, events_by_root=dict(sorted(dataset.by_root.items())))
