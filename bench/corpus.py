#!/usr/bin/env python3
"""Build scripts/bench's corpus from ../shared/data, read in place (never copied into the repo).

    python3 bench/corpus.py --data DIR --out DIR --sizes 10000,100000,1000000 [--throughput N]

The set: GoEmotions (Demszky et al. 2020, Apache-2.0), the largest labelled set in
../shared/data (54,263 Reddit comments, 28 labels). Only rows with exactly one label are kept,
so that every peer solves the same single-label 28-class problem: train.tsv + dev.tsv are the
training pool, test.tsv is the held-out test set, untouched.

Sizes: a size at or below the pool takes the first N rows of a seeded shuffle; a larger size
repeats the pool (each copy shuffled with its own seed) to reach N. Repeated rows add no
information, so accuracy at those sizes says little beyond the pool's own; they exist for timing
and memory (the README of the results says so).

For every size it writes the same rows in each peer's own input format:
  train_N.jsonl   {"text", "label"}      tact (benches/scale.rs), scikit-learn
  train_N.ft      __label__L text        fastText (lower-cased, as its tutorial does)
  train_N.vw      K | tokens             Vowpal Wabbit (--oaa, classes 1..K)
and test.{jsonl,ft,vw}, labels.json (label -> class number), throughput.txt (the test texts
cycled to --throughput lines, one per line, for prediction throughput).
Standard library only; the same bytes on every run.
"""
import argparse
import json
import pathlib
import random
import sys


def load(path, names):
    """(text, label) of every single-label row of a GoEmotions TSV (text, ids, id)."""
    rows = []
    skipped = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                sys.exit(f"corpus: {path}:{n}: expected 3 tab-separated fields, got {len(parts)}")
            text, ids, _ = parts
            if "," in ids:
                skipped += 1  # multi-label: not a single-label problem
                continue
            try:
                label = names[int(ids)]
            except (ValueError, IndexError):
                sys.exit(f"corpus: {path}:{n}: label id {ids!r} is not in labels.txt")
            text = " ".join(text.split())
            if not text:
                skipped += 1
                continue
            rows.append((text, label))
    return rows, skipped


def vw_tokens(text):
    # VW reads "|" and ":" as syntax; lower-case so that its tokens match the other peers'.
    return " ".join(t.replace("|", "_").replace(":", "_") for t in text.lower().split())


def write(out, stem, rows, classes):
    with open(out / f"{stem}.jsonl", "w", encoding="utf-8") as j, \
            open(out / f"{stem}.ft", "w", encoding="utf-8") as ft, \
            open(out / f"{stem}.vw", "w", encoding="utf-8") as vw:
        for text, label in rows:
            j.write(json.dumps({"text": text, "label": label}, ensure_ascii=False) + "\n")
            ft.write(f"__label__{label} {text.lower()}\n")
            vw.write(f"{classes[label]} | {vw_tokens(text)}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sizes", required=True)
    ap.add_argument("--throughput", type=int, default=20000)
    a = ap.parse_args()
    src = pathlib.Path(a.data) / "goemotions"
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    if not (src / "labels.txt").is_file():
        sys.exit(f"corpus: {src}/labels.txt not found: scripts/bench needs ../shared/data/goemotions")
    names = [l.strip() for l in open(src / "labels.txt", encoding="utf-8") if l.strip()]
    pool, s1 = load(src / "train.tsv", names)
    dev, s2 = load(src / "dev.tsv", names)
    pool += dev
    test, s3 = load(src / "test.tsv", names)
    classes = {n: i + 1 for i, n in enumerate(sorted({l for _, l in pool}))}
    if any(l not in classes for _, l in test):
        sys.exit("corpus: a test label never occurs in training")
    sizes = [int(s) for s in a.sizes.split(",")]
    stamp = out / "corpus.json"
    want = {"pool": len(pool), "test": len(test), "sizes": sizes, "throughput": a.throughput,
            "format": 3}
    if stamp.is_file() and json.loads(stamp.read_text()) == want:
        print(f"corpus: up to date in {out}", file=sys.stderr)
        return
    rng = random.Random(42)
    shuffled = pool[:]
    rng.shuffle(shuffled)
    for n in sizes:
        if n <= len(shuffled):
            rows = shuffled[:n]
        else:
            rows = []
            copy = 0
            while len(rows) < n:
                c = pool[:]
                random.Random(1000 + copy).shuffle(c)
                rows.extend(c[: n - len(rows)])
                copy += 1
        write(out, f"train_{n}", rows, classes)
    write(out, "test", test, classes)
    (out / "labels.json").write_text(json.dumps(classes, indent=1) + "\n")
    with open(out / "throughput.txt", "w", encoding="utf-8") as f:
        for i in range(a.throughput):
            f.write(test[i % len(test)][0] + "\n")
    stamp.write_text(json.dumps(want) + "\n")
    print(f"corpus: GoEmotions single-label, {len(pool)} training rows (skipped "
          f"{s1 + s2} multi-label or empty), {len(test)} test rows (skipped {s3}), "
          f"{len(classes)} classes; sizes {sizes} written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
