"""Fit the event coder's heads with scikit-learn and write the weights the package ships.

The heads are L2-regularised logistic regressions over hashed binary features (see
accord/extract/coder/model.py):

* `events`: one-vs-rest, one output per codebook event type (is there such an event between
  the two countries?);
* `code`: multinomial over CAMEO codes, given the type (which code of that type it is);
* `direction`: multinomial (first-named side acts, second acts, both act);
* `planned`, `negated`: binary.

The decision threshold of the event outputs is chosen by k-fold cross-validation on the
training data (never on the development set), as the one that maximises the micro F1 of
(candidate, event type) decisions.
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
from accord.extract.event_types import type_names
from accord.training.dataset import DatasetReport, Example, build_examples, read_sentences

MIN_CODE_COUNT = 12  # a code seen fewer times is learnt as its parent (when the type agrees)
PRUNE = 1e-3  # weights smaller than this are not shipped
# Features seen in fewer training examples than this are dropped. At 2 the file is a third
# smaller, but events F1 on the development set fell from 0.646 to 0.628.
MIN_FEATURE_COUNT = 1


@dataclass
class TrainOptions:
    """What to train from and where to write."""

    data: Path
    out: Path
    folds: int = 4
    c_events: float = 1.0
    c_heads: float = 1.0
    seed: int = 0
    bagged: bool = True  # the events head is the mean of the full fit and the fold fits


@dataclass
class TrainReport:
    """Sizes, cross-validated scores and timings, written beside the weights for the model card."""

    sentences: int = 0
    examples: int = 0
    events: int = 0
    unreachable: int = 0
    types: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    threshold: float = 0.5
    cv: dict = field(default_factory=dict)
    nonzero_weights: int = 0
    file_bytes: int = 0
    seconds: float = 0.0
    events_by_root: dict = field(default_factory=dict)


@dataclass
class Design:
    """A binary feature matrix over the hash buckets that occur in it (`buckets[j]` is column
    j): the solvers work in that compact space rather than over all 2^20 buckets."""

    x: object  # scipy.sparse.csr_matrix
    buckets: np.ndarray


@dataclass
class HeadRows:
    """One row per labelled event: its type-joined features and what each head learns."""

    features: list[list[str]] = field(default_factory=list)
    code: list[int] = field(default_factory=list)
    direction: list[int] = field(default_factory=list)
    planned: list[int] = field(default_factory=list)
    negated: list[int] = field(default_factory=list)


def label_codes(examples: list[Example]) -> dict[str, str]:
    """Each labelled code -> the code the model learns it as: itself when seen often enough,
    else its nearest ancestor of the same event type that is (or the farthest one)."""
    counts = Counter(e.code for example in examples for e in example.events)
    table = cameo_table()
    mapping = {}
    for code in counts:
        kind, target = lookup(code).type, code
        if counts[code] < MIN_CODE_COUNT:
            for parent in (code[:n] for n in range(len(code) - 1, 1, -1) if code[:n] in table):
                if lookup(parent).type != kind:
                    break
                target = parent
                if sum(n for c, n in counts.items() if c.startswith(parent)) >= MIN_CODE_COUNT:
                    break
        mapping[code] = target
    return mapping


def _matrix(rows: list[list[str]]) -> Design:
    from scipy.sparse import csr_matrix

    row_buckets = [sorted({feature_bucket(f) for f in features}) for features in rows]
    counts = Counter(b for row in row_buckets for b in row)
    buckets = np.array(sorted(b for b, n in counts.items() if n >= MIN_FEATURE_COUNT), dtype=np.int64)
    column = {int(b): j for j, b in enumerate(buckets)}
    indptr, indices = [0], []
    for row in row_buckets:
        indices.extend(column[b] for b in row if b in column)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    x = csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(rows), len(buckets)))
    return Design(x, buckets)


def _type_targets(examples: list[Example], mapping: dict[str, str], types: list[str]) -> np.ndarray:
    column = {kind: i for i, kind in enumerate(types)}
    y = np.zeros((len(examples), len(types)), dtype=np.int8)
    for row, example in enumerate(examples):
        for event in example.events:
            y[row, column[lookup(mapping[event.code]).type]] = 1
    return y


def _head_rows(examples: list[Example], mapping: dict[str, str], codes: list[str]) -> HeadRows:
    index = {code: i for i, code in enumerate(codes)}
    rows = HeadRows()
    for example in examples:
        first = example.found.candidate.first
        for event in example.events:
            code = mapping[event.code]
            rows.features.append(type_joined(example.found.features, lookup(code).type))
            rows.code.append(index[code])
            rows.direction.append(2 if event.joint else 0 if event.source == first else 1)
            rows.planned.append(int(event.planned))
            rows.negated.append(int(event.negated))
    return rows


def _fit_one_vs_rest(x, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
    bias = np.full(y.shape[1], -10.0, dtype=np.float32)  # an output never seen never fires
    for column in range(y.shape[1]):
        if 0 < y[:, column].sum() < len(y):
            model = LogisticRegression(C=c, solver="liblinear", max_iter=200)
            model.fit(x, y[:, column])
            weights[:, column], bias[column] = model.coef_[0], model.intercept_[0]
    return weights, bias


def _fit_head(x, y: list[int] | np.ndarray, c: float, outputs: int) -> tuple[np.ndarray, np.ndarray]:
    """A multinomial head over `outputs` classes (binary when outputs == 1); a class never
    seen gets a bias that keeps it from winning."""
    from sklearn.linear_model import LogisticRegression

    y = np.asarray(y)
    width = max(outputs, 1)
    weights = np.zeros((x.shape[1], width), dtype=np.float32)
    bias = np.full(width, -10.0, dtype=np.float32)
    present = sorted(set(y.tolist()))
    if len(present) < 2:
        if outputs == 1:
            bias[0] = 10.0 if present == [1] else -10.0
        elif present:
            bias[present[0]] = 10.0
        return weights, bias
    model = LogisticRegression(C=c, max_iter=1000)
    model.fit(x, y)
    if outputs == 1:
        return model.coef_.T.astype(np.float32), model.intercept_.astype(np.float32)
    if len(model.classes_) == 2:  # sklearn gives one row for two classes: z for the second
        first, second = model.classes_
        weights[:, second], bias[second] = model.coef_[0], model.intercept_[0]
        weights[:, first], bias[first] = -model.coef_[0], -model.intercept_[0]
        return weights, bias
    for position, label in enumerate(model.classes_):
        weights[:, label], bias[label] = model.coef_[position], model.intercept_[position]
    return weights, bias


def _fit_code_heads(x, rows: HeadRows, codes: list[str], c: float) -> dict[str, tuple[list[int], np.ndarray, np.ndarray]]:
    """The code heads: for each event type, one-vs-rest over that type's codes fitted on that
    type's events only (the model only ever chooses a code within the predicted type, and
    liblinear's binary fits take seconds where one multinomial over 140 codes takes minutes).
    Type -> (the code indices, weights, bias)."""
    kinds = [lookup(code).type for code in codes]
    labels = np.asarray(rows.code)
    heads = {}
    for kind in sorted(set(kinds)):
        columns = [j for j, k in enumerate(kinds) if k == kind]
        chosen = np.flatnonzero(np.isin(labels, columns))
        targets = np.zeros((len(chosen), len(columns)), dtype=np.int8)
        for row, label in enumerate(labels[chosen]):
            targets[row, columns.index(label)] = 1
        if len(columns) == 1 or not len(chosen):
            heads[kind] = (columns, np.zeros((x.shape[1], len(columns)), np.float32), np.zeros(len(columns), np.float32))
            continue
        weights, bias = _fit_one_vs_rest(x[chosen], targets, c)
        heads[kind] = (columns, weights, bias)
    return heads


def _micro_f1(predicted: list[set[str]], gold: list[set[str]]) -> tuple[float, float, float]:
    tp = sum(len(p & g) for p, g in zip(predicted, gold))
    fp = sum(len(p - g) for p, g in zip(predicted, gold))
    fn = sum(len(g - p) for p, g in zip(predicted, gold))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _heads_on(train: HeadRows, test: HeadRows, codes: list[str], c: float) -> dict[str, float]:
    """Accuracy of the code, direction and flag heads fitted on `train`, on `test`."""
    design = _matrix(train.features + test.features)
    fit_x, test_x = design.x[:len(train.features)], design.x[len(train.features):]
    kinds = [lookup(code).type for code in codes]
    right: dict[str, float] = {}
    heads = _fit_code_heads(fit_x, train, codes, c)
    guesses = []
    for row, truth in zip(test_x, test.code):
        columns, w, b = heads[kinds[truth]]  # the code within its type
        guesses.append(columns[int(np.argmax(row @ w + b))])
    right["code"] = sum(g == t for g, t in zip(guesses, test.code))
    right["root"] = sum(codes[g][:2] == codes[t][:2] for g, t in zip(guesses, test.code))
    for name, outputs in (("direction", len(DIRECTIONS)), ("planned", 1), ("negated", 1)):
        w, b = _fit_head(fit_x, getattr(train, name), c, outputs)
        scores = test_x @ w + b
        guess = scores.argmax(axis=1) if outputs > 1 else (scores[:, 0] >= 0).astype(int)
        right[name] = int((guess == np.asarray(getattr(test, name))).sum())
    return right


@dataclass
class CrossValidation:
    """What cross-validation gives the final fit: the threshold, the scores, and the events
    head fitted on each fold's training part (over the same columns as the final design)."""

    threshold: float
    scores: dict
    fold_heads: list[tuple[np.ndarray, np.ndarray]]


def _cross_validate(examples: list[Example], mapping: dict[str, str], types: list[str], codes: list[str],
                    options: TrainOptions) -> CrossValidation:
    """Out-of-fold event-type probabilities (folds by sentence), the best threshold, and the
    cross-validated scores of every head."""
    sentence_ids = sorted({e.sentence_id for e in examples})
    rng = np.random.default_rng(options.seed)
    fold_of = dict(zip(sentence_ids, rng.integers(0, options.folds, len(sentence_ids))))
    folds = np.array([fold_of[e.sentence_id] for e in examples])
    x = _matrix([e.found.features.all() for e in examples]).x
    y = _type_targets(examples, mapping, types)
    out_of_fold = np.zeros(y.shape, dtype=np.float32)
    right: Counter = Counter()
    total = 0
    fold_heads = []
    for fold in range(options.folds):
        train, test = folds != fold, folds == fold
        weights, bias = _fit_one_vs_rest(x[train], y[train], options.c_events)
        fold_heads.append((weights, bias))
        out_of_fold[test] = 1.0 / (1.0 + np.exp(-(x[test] @ weights + bias)))
        fit = _head_rows([e for e, keep in zip(examples, train) if keep], mapping, codes)
        held = _head_rows([e for e, keep in zip(examples, test) if keep], mapping, codes)
        if fit.features and held.features:
            right.update(_heads_on(fit, held, codes, options.c_heads))
            total += len(held.features)
    gold = [{types[j] for j in np.flatnonzero(row)} for row in y]
    best_threshold, best = 0.5, (0.0, 0.0, 0.0)
    for threshold in np.arange(0.1, 0.91, 0.05):
        predicted = [{types[j] for j in np.flatnonzero(row >= threshold)} for row in out_of_fold]
        scores = _micro_f1(predicted, gold)
        if scores[2] > best[2]:
            best_threshold, best = float(round(threshold, 2)), scores
    total = max(total, 1)
    cv = {"event_type_precision": round(best[0], 4), "event_type_recall": round(best[1], 4),
          "event_type_f1": round(best[2], 4), "folds": options.folds}
    cv.update({f"{name}_accuracy": round(right[name] / total, 4)
               for name in ("code", "root", "direction", "planned", "negated")})
    return CrossValidation(best_threshold, cv, fold_heads)


def _store_head(arrays: dict, name: str, design: Design, weights: np.ndarray, bias: np.ndarray) -> None:
    """A head's arrays: the buckets with a weight worth shipping and their rows (float16: half
    the size, and no score moves by more than the pruning already allows), and the bias."""
    keep = np.flatnonzero(np.abs(weights).max(axis=1) > PRUNE)
    arrays[f"{name}_buckets"] = design.buckets[keep].astype(np.int32)
    arrays[f"{name}_weights"] = weights[keep].astype(np.float16)
    arrays[f"{name}_bias"] = bias.astype(np.float32)


def _fit_all(examples: list[Example], mapping: dict[str, str], types: list[str], codes: list[str],
             options: TrainOptions, fold_heads: list[tuple[np.ndarray, np.ndarray]] = ()) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {}
    design = _matrix([e.found.features.all() for e in examples])
    weights, bias = _fit_one_vs_rest(design.x, _type_targets(examples, mapping, types), options.c_events)
    if options.bagged and fold_heads:
        # Why: the events head decided most of the score, and one fit moved by as much as its
        # gains when a few labels changed. The mean of the fits on all the data and on each
        # fold's three quarters (logits average, as the heads are linear) is a bagged head
        # that is steadier, of the same size and speed, and costs no fit the
        # cross-validation did not already make.
        weights = np.mean([weights] + [w for w, _ in fold_heads], axis=0)
        bias = np.mean([bias] + [b for _, b in fold_heads], axis=0)
    _store_head(arrays, "events", design, weights, bias)
    rows = _head_rows(examples, mapping, codes)
    heads = _matrix(rows.features)
    for kind, (columns, weights, bias) in _fit_code_heads(heads.x, rows, codes, options.c_heads).items():
        _store_head(arrays, f"code_{kind}", heads, weights, bias)
        arrays[f"code_{kind}_codes"] = np.array([codes[j] for j in columns])
    for name, target, outputs in (("direction", rows.direction, len(DIRECTIONS)), ("planned", rows.planned, 1),
                                  ("negated", rows.negated, 1)):
        weights, bias = _fit_head(heads.x, target, options.c_heads, outputs)
        _store_head(arrays, name, heads, weights, bias)
    return arrays


def train(options: TrainOptions, progress=print) -> TrainReport:
    """Build the examples, cross-validate, fit every head on all the data, and write the model."""
    started = time.perf_counter()
    records = read_sentences(options.data)
    if not records:
        raise ValueError(f"no training sentences in {options.data}")
    progress(f"parsing {len(records)} training sentences")
    examples, dataset = build_examples(records)
    mapping = label_codes(examples)
    codes, types = sorted(set(mapping.values())), type_names()
    progress(f"{len(examples)} candidate pairs, {dataset.events} events, {len(codes)} codes; cross-validating")
    validation = _cross_validate(examples, mapping, types, codes, options)
    threshold, cv = validation.threshold, validation.scores
    progress(f"threshold {threshold}; fitting the heads on all the data")
    arrays = _fit_all(examples, mapping, types, codes, options, validation.fold_heads)
    nonzero = sum(int(arrays[name].size) for name in arrays if name.endswith("_weights"))
    report = TrainReport(sentences=dataset.sentences, examples=dataset.examples, events=dataset.events,
                         unreachable=len(dataset.unreachable), types=types, codes=codes, threshold=threshold,
                         cv=cv, nonzero_weights=nonzero, events_by_root=dict(sorted(dataset.by_root.items())))
    arrays["types"], arrays["codes"] = np.array(types), np.array(codes)
    arrays["thresholds"] = np.full(len(types), threshold, dtype=np.float32)
    report.seconds = round(time.perf_counter() - started, 1)
    arrays["meta"] = np.array(json.dumps(asdict(report)))
    options.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(options.out, **arrays)
    report.file_bytes = options.out.stat().st_size
    options.out.with_suffix(".json").write_text(json.dumps(asdict(report), indent=2) + "\n", "utf-8")
    return report
