#!/usr/bin/env python3
"""One native peer of scripts/bench: train on train_N, score test, time prediction.

    python bench/peers.py PEER --corpus DIR --size N [--work DIR] [--save-fasttext PATH]

PEER is one of:
  sklearn-sgd  scikit-learn TfidfVectorizer(word 1-2-grams, sublinear tf) + SGDClassifier(log_loss)
  sklearn-lr   scikit-learn TfidfVectorizer(word 1-2-grams, sublinear tf) + LogisticRegression
               (C=10 as in scripts/baselines-py, lbfgs, at most 100 iterations)
  fasttext     fastText supervised, wordNgrams 2 (lower-cased input, as its tutorial does)
  vw           Vowpal Wabbit --oaa K --ngram 2 -b 18 (logistic loss), its own command line

Every peer runs on one thread (tact's trainer is single-threaded; the machine has 2 cores that
other work shares). Prints one JSON object: train_s (read + featurise + fit, from the peer's
own input file), accuracy on the held-out test set, predict_docs_per_s on throughput.txt
(featurise + predict, batched where the peer's API batches). Peak memory is measured from
outside (scripts/bench runs this under /usr/bin/time -v).
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time


def read_jsonl(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                texts.append(r["text"])
                labels.append(r["label"])
    return texts, labels


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def sklearn_peer(kind, corpus, size):
    # One thread for BLAS and joblib, set before numpy loads.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression, SGDClassifier

    t0 = time.perf_counter()
    x, y = read_jsonl(corpus / f"train_{size}.jsonl")
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    a = vec.fit_transform(x)
    if kind == "sgd":
        clf = SGDClassifier(loss="log_loss", alpha=1e-6, max_iter=20, tol=1e-4, random_state=42)
    else:
        clf = LogisticRegression(C=10, max_iter=100)
    clf.fit(a, y)
    train_s = time.perf_counter() - t0
    tx, ty = read_jsonl(corpus / "test.jsonl")
    pred = clf.predict(vec.transform(tx))
    acc = sum(p == t for p, t in zip(pred, ty)) / len(ty)
    docs = read_lines(corpus / "throughput.txt")
    t1 = time.perf_counter()
    clf.predict(vec.transform(docs))
    pred_s = time.perf_counter() - t1
    return {"train_s": train_s, "accuracy": acc, "predict_docs_per_s": len(docs) / pred_s,
            "features": len(vec.vocabulary_)}


def fasttext_peer(corpus, size, save):
    import fasttext

    t0 = time.perf_counter()
    m = fasttext.train_supervised(str(corpus / f"train_{size}.ft"), wordNgrams=2, epoch=5,
                                  lr=0.5, dim=50, minCount=1, bucket=2_000_000, thread=1,
                                  seed=42, verbose=0)
    train_s = time.perf_counter() - t0
    tx, ty = read_jsonl(corpus / "test.jsonl")
    pred, _ = m.predict([t.lower() for t in tx])
    acc = sum(p[0] == "__label__" + t for p, t in zip(pred, ty)) / len(ty)
    docs = read_lines(corpus / "throughput.txt")
    t1 = time.perf_counter()
    m.predict([d.lower() for d in docs])
    pred_s = time.perf_counter() - t1
    if save:
        # How fastText ships to a browser: product-quantised, the 100k strongest rows kept.
        m.quantize(qnorm=True, cutoff=100_000, retrain=False)
        m.save_model(save)
    return {"train_s": train_s, "accuracy": acc, "predict_docs_per_s": len(docs) / pred_s}


def vw_peer(corpus, size, work):
    classes = json.loads((corpus / "labels.json").read_text())
    k = len(classes)
    vw = [sys.executable, "-m", "vowpalwabbit"]
    common = ["--quiet", "--oaa", str(k), "--ngram", "2", "-b", "18"]
    model = work / f"vw_{size}.model"
    cache = work / f"vw_{size}.cache"
    for p in (model, cache):
        if p.exists():
            p.unlink()
    t0 = time.perf_counter()
    subprocess.run(vw + common + ["--loss_function", "logistic", "--passes", "5", "-k",
                                  "--cache_file", str(cache), "--holdout_off", "-d",
                                  str(corpus / f"train_{size}.vw"), "-f", str(model)],
                   check=True)
    train_s = time.perf_counter() - t0
    preds = work / f"vw_{size}.pred"
    subprocess.run(vw + ["--quiet", "-t", "-i", str(model), "-d", str(corpus / "test.vw"),
                         "-p", str(preds)], check=True)
    truth = [l.split(" ", 1)[0] for l in read_lines(corpus / "test.vw")]
    got = [l.split()[0].split(".")[0] for l in read_lines(preds) if l.strip()]
    if len(got) != len(truth):
        sys.exit(f"vw: {len(got)} predictions for {len(truth)} test rows")
    acc = sum(g == t for g, t in zip(got, truth)) / len(truth)
    # Throughput: the throughput texts in VW's format, scored by VW's command line
    # (process start and model load included, a fraction of a second).
    tp = work / "throughput.vw"
    from corpus import vw_tokens  # noqa: E402 (same tokenisation as the training file)
    n = 0
    with open(tp, "w", encoding="utf-8") as f:
        for d in read_lines(corpus / "throughput.txt"):
            f.write(f"1 | {vw_tokens(d)}\n")
            n += 1
    t1 = time.perf_counter()
    subprocess.run(vw + ["--quiet", "-t", "-i", str(model), "-d", str(tp), "-p", os.devnull],
                   check=True)
    pred_s = time.perf_counter() - t1
    for p in (model, cache, preds):
        p.unlink(missing_ok=True)
    return {"train_s": train_s, "accuracy": acc, "predict_docs_per_s": n / pred_s}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("peer", choices=["sklearn-sgd", "sklearn-lr", "fasttext", "vw"])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--size", required=True, type=int)
    ap.add_argument("--work", default=tempfile.gettempdir())
    ap.add_argument("--save-fasttext")
    a = ap.parse_args()
    corpus = pathlib.Path(a.corpus)
    work = pathlib.Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    if a.peer == "sklearn-sgd":
        r = sklearn_peer("sgd", corpus, a.size)
    elif a.peer == "sklearn-lr":
        r = sklearn_peer("lr", corpus, a.size)
    elif a.peer == "fasttext":
        r = fasttext_peer(corpus, a.size, a.save_fasttext)
    else:
        r = vw_peer(corpus, a.size, work)
    r.update({"peer": a.peer, "n_train": a.size})
    print(json.dumps(r))


if __name__ == "__main__":
    # One thread everywhere (tact trains on one).
    for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(v, "1")
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
    main()
