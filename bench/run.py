#!/usr/bin/env python3
"""scripts/bench's runner: every measurement, interleaved in one run, then one table.

    python3 bench/run.py --tact-exe EXE --corpus DIR --wasm DIR --wasm-o3 DIR --python PY \
        --out DIR [--quick]

Native training (tact, fastText, Vowpal Wabbit, scikit-learn SGD and LogisticRegression) runs
each peer in its own process under /usr/bin/time -v (wall time, peak RSS), round-robin: for
each repeat, for each size, every peer once, the order rotated between repeats, so that load
from elsewhere on the machine falls on all peers alike. The medians are reported. Then the
Node measurements (bench/node.mjs). Writes results.json and table.md to --out and prints the
table.
"""
import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent

TARGETS = {
    "reply_check_vs_harper": 50.0,  # tact at least 50x faster
    "train_100k_vs_fasttext": 0.5,  # tact wall time <= 0.5x fastText's
    "accuracy_gap_points": 0.5,  # within 0.5 points of the best peer
    "train_1m_seconds": 30.0,
    "train_1m_rss_mb": 1024.0,
}


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def timed(cmd, timeout, env=None):
    """Run cmd under /usr/bin/time; (stdout JSON, wall s, peak RSS MB) or an error string."""
    tfile = REPO / "target" / "bench" / "time.txt"
    full = ["/usr/bin/time", "-f", "%e %M", "-o", str(tfile)] + cmd
    try:
        p = subprocess.run(full, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout} s"
    if p.returncode != 0:
        return None, f"exit {p.returncode}: {p.stderr.strip()[-400:]}"
    wall, kb = tfile.read_text().split()[-2:]
    try:
        out = json.loads(p.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None, f"no JSON on stdout: {p.stdout[-300:]}"
    out["wall_s"] = float(wall)
    out["rss_mb"] = int(kb) / 1024
    return out, None


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram": ram, "os": platform.platform(),
            "load_before": os.getloadavg()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tact-exe", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--wasm", required=True)
    ap.add_argument("--wasm-o3", required=True)
    ap.add_argument("--python", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    work = out / "work"
    work.mkdir(exist_ok=True)
    corpus = pathlib.Path(a.corpus)
    meta = json.loads((corpus / "corpus.json").read_text())
    sizes = meta["sizes"]
    quick = a.quick
    repeats = 1 if quick else 3
    started = time.time()

    peers = {
        "tact": lambda n: [a.tact_exe, "--train", str(corpus / f"train_{n}.jsonl"), "--test",
                           str(corpus / "test.jsonl"), "--throughput",
                           str(meta["throughput"])],
        "tact (5 epochs)": lambda n: peers["tact"](n) + ["--epochs", "5"],
    }
    for p in ("fasttext", "vw", "sklearn-sgd", "sklearn-lr"):
        peers[p] = (lambda p: lambda n: [a.python, str(HERE / "peers.py"), p, "--corpus",
                                         str(corpus), "--size", str(n), "--work",
                                         str(work)])(p)
    # LogisticRegression (lbfgs, 28 classes, hundreds of thousands of n-grams) is by far the
    # slowest peer (minutes at 10k documents already): it runs at the smallest size only.
    def wanted(peer, n):
        return peer != "sklearn-lr" or n == sizes[0]

    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    runs = {}  # (peer, n) -> [result]
    errors = {}
    names = list(peers)
    for r in range(repeats):
        for n in sizes:
            reps = 1 if n >= 1_000_000 else repeats
            if r >= reps:
                continue
            order = names[r % len(names):] + names[: r % len(names)]
            for peer in order:
                if not wanted(peer, n):
                    continue
                log(f"train {peer} on {n:,} documents (repeat {r + 1}/{reps})")
                res, err = timed(peers[peer](n), timeout=3600, env=env)
                if err:
                    log(f"  {peer} at {n}: {err}")
                    errors[f"{peer} @ {n}"] = err
                    continue
                log(f"  {res['wall_s']:.1f} s wall, {res['rss_mb']:.0f} MB, accuracy "
                    f"{res['accuracy']:.3f}")
                runs.setdefault((peer, n), []).append(res)

    def med(peer, n, key):
        v = [x[key] for x in runs.get((peer, n), []) if key in x]
        return statistics.median(v) if v else None

    native = {}
    for (peer, n), rs in runs.items():
        native.setdefault(peer, {})[n] = {
            k: med(peer, n, k) for k in ("wall_s", "train_s", "rss_mb", "accuracy",
                                         "predict_docs_per_s", "analyze_docs_per_s",
                                         "featurize_s", "fit_s", "load_s")
            if med(peer, n, k) is not None
        }
        native[peer][n]["runs"] = len(rs)

    # Node: fastText's wasm build needs a quantised model of the benchmark corpus.
    ftz = work / "fasttext-10k.ftz"
    if not ftz.is_file():
        log("fastText model for the wasm comparison (trained on 10k documents, quantised)")
        subprocess.run([a.python, str(HERE / "peers.py"), "fasttext", "--corpus", str(corpus),
                        "--size", str(sizes[0]), "--work", str(work), "--save-fasttext",
                        str(ftz)], check=True, env=env, stdout=subprocess.DEVNULL)
    node = {}
    calls = 2000 if quick else 10000
    log(f"wasm per-call latency: tact-wasm analyzeComplaint vs fastText wasm ({calls} calls)")
    node["latency"] = json.loads(subprocess.run(
        ["node", str(HERE / "node.mjs"), "latency", "--wasm", a.wasm, "--wasm-o3", a.wasm_o3,
         "--fasttext", str(ftz), "--docs", str(corpus / "throughput.txt"), "--calls",
         str(calls)], check=True, capture_output=True, text=True).stdout)
    calls = 150 if quick else 600
    log(f"reply check: tact-wasm vs harper.js, alex, write-good ({calls} calls each)")
    node["replies"] = json.loads(subprocess.run(
        ["node", str(HERE / "node.mjs"), "replies", "--wasm", a.wasm, "--wasm-o3", a.wasm_o3,
         "--repo", str(REPO), "--calls", str(calls)], check=True, capture_output=True,
        text=True).stdout)
    colds = {"tact": [], "harper": []}
    for i in range(3 if quick else 7):
        for tool in (("tact", "harper") if i % 2 == 0 else ("harper", "tact")):
            res = json.loads(subprocess.run(
                ["node", str(HERE / "node.mjs"), "cold", tool, "--wasm", a.wasm], check=True,
                capture_output=True, text=True).stdout)
            colds[tool].append(res["cold_ms"])
    node["cold_ms"] = {k: statistics.median(v) for k, v in colds.items()}
    log("cold start: " + ", ".join(f"{k} {v:.0f} ms" for k, v in node["cold_ms"].items()))

    results = {"machine": machine(), "quick": quick, "repeats": repeats, "corpus": meta,
               "native": {p: {str(n): v for n, v in d.items()} for p, d in native.items()},
               "errors": errors, "node": node, "minutes": (time.time() - started) / 60}
    (out / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    table = render(results)
    (out / "table.md").write_text(table)
    print(table)


def fmt(x, digits=2):
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def render(res):
    nat = res["native"]
    sizes = [str(s) for s in res["corpus"]["sizes"]]
    lines = []
    m = res["machine"]
    lines.append(f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram']} RAM; load average "
                 f"before the run {m['load_before'][0]:.1f}. "
                 f"{'Quick run' if res['quick'] else 'Full run'}, median of "
                 f"{res['repeats']} interleaved repeat(s) (1 at 1M); every peer on one thread.")
    lines.append("")
    lines.append("### Training: GoEmotions single-label, 28 classes, word 1-2-grams; "
                 "accuracy on the untouched test split (4,590 documents)")
    lines.append("")
    lines.append("Sizes above 40,856 documents repeat the training pool (timing only: "
                 "the repeats add no information).")
    lines.append("")
    lines.append("| peer | documents | train s | tact/peer time | peak RSS MB | tact/peer RSS "
                 "| accuracy | tact − peer (points) |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in sizes:
        t = nat.get("tact", {}).get(n, {})
        for peer in nat:
            r = nat[peer].get(n)
            if not r:
                continue
            ratio = (t.get("train_s") / r["train_s"]) if t.get("train_s") and peer != "tact" else None
            rss = (t.get("rss_mb") / r["rss_mb"]) if t.get("rss_mb") and peer != "tact" else None
            gap = ((t["accuracy"] - r["accuracy"]) * 100) if "accuracy" in t and peer != "tact" \
                else None
            lines.append(f"| {peer} | {int(n):,} | {fmt(r['train_s'], 1)} | {fmt(ratio)} | "
                         f"{fmt(r['rss_mb'], 0)} | {fmt(rss)} | {r['accuracy']:.3f} | "
                         f"{'' if gap is None else f'{gap:+.1f}'} |")
    if res["errors"]:
        for k, v in res["errors"].items():
            lines.append(f"| {k} | | failed: {v[:80]} | | | | | |")
    lines.append("")
    lines.append("Where tact's training time goes (median seconds): read, featurise "
                 "(tokenise, normalise, stem, lexicons, signals, hash), fit (FTRL).")
    lines.append("")
    lines.append("| tact | documents | read s | featurise s | fit s | µs per document "
                 "featurised | µs per document and epoch fitted |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for peer in ("tact", "tact (5 epochs)"):
        for n in sizes:
            r = nat.get(peer, {}).get(n)
            if r and "fit_s" in r:
                ep = 5 if "5 epochs" in peer else 20
                lines.append(f"| {peer} | {int(n):,} | {fmt(r['load_s'])} | "
                             f"{fmt(r['featurize_s'])} | {fmt(r['fit_s'])} | "
                             f"{r['featurize_s'] / int(n) * 1e6:.1f} | "
                             f"{r['fit_s'] / int(n) / ep * 1e6:.2f} |")
    lines.append("")
    if len(sizes) > 1:
        lines.append("How training cost grows (train s, and the factor for each 10× more "
                     "documents; 10× is linear):")
        lines.append("")
        lines.append("| peer | " + " | ".join(f"{int(n):,}" for n in sizes) + " | "
                     + " | ".join(f"{int(a):,} → {int(b):,}" for a, b in zip(sizes, sizes[1:]))
                     + " | peak RSS MB at its largest size |")
        lines.append("| --- |" + " ---: |" * (2 * len(sizes)))
        for peer in nat:
            ts = [nat[peer].get(n, {}).get("train_s") for n in sizes]
            facs = [fmt(b / a, 1) if a and b else "–" for a, b in zip(ts, ts[1:])]
            last = [nat[peer][n]["rss_mb"] for n in sizes if n in nat[peer]][-1]
            lines.append(f"| {peer} | " + " | ".join(fmt(t, 1) for t in ts) + " | "
                         + " | ".join(facs) + f" | {fmt(last, 0)} |")
        lines.append("")
    lines.append("train s: read the peer's own input file, featurise and fit, timed inside the "
                 "process (interpreter start and imports excluded); peak RSS: the whole process "
                 "(/usr/bin/time), scoring included; tact/peer < 1: tact is faster or smaller.")
    lines.append("")
    # Throughput at the largest size every peer ran.
    lines.append("### Native prediction throughput (test documents, featurise + predict)")
    lines.append("")
    lines.append("| peer | docs/s | tact predict / peer | tact analyze / peer |")
    lines.append("| --- | ---: | ---: | ---: |")
    n0 = sizes[0]
    t = nat.get("tact", {}).get(n0, {})
    for peer in nat:
        r = nat[peer].get(n0)
        if not r or "predict_docs_per_s" not in r:
            continue
        label = "tact (trained model)" if peer == "tact" else peer
        if peer == "tact (5 epochs)":
            continue
        pr = t.get("predict_docs_per_s", 0) / r["predict_docs_per_s"] if peer != "tact" else None
        an = t.get("analyze_docs_per_s", 0) / r["predict_docs_per_s"] if peer != "tact" else None
        lines.append(f"| {label} | {fmt(r['predict_docs_per_s'], 0)} | {fmt(pr)} | {fmt(an)} |")
    if "analyze_docs_per_s" in t:
        lines.append(f"| tact `Engine::analyze` (urgency + persona + cues + advice) | "
                     f"{fmt(t['analyze_docs_per_s'], 0)} | | |")
    lines.append("")
    lines.append("tact/peer > 1: tact is faster. scikit-learn and fastText predict in one "
                 "batched call; VW includes its process start.")
    lines.append("")
    node = res["node"]
    lat = node["latency"]
    lines.append("### WebAssembly in Node: per-call latency")
    lines.append("")
    lines.append("| call | median µs | p95 µs | tact/peer (median) |")
    lines.append("| --- | ---: | ---: | ---: |")
    ft = lat["fasttext_predict"]["median_us"]
    for k, name in (("tact_analyze", "tact-wasm `analyzeComplaint` (shipped build)"),
                    ("tact_analyze_o3", "tact-wasm `analyzeComplaint` (opt-level 3 build)"),
                    ("fasttext_predict", "fasttext.wasm.js `predict` (quantised model, 10k)")):
        if k in lat:
            q = lat[k]
            r = "" if k == "fasttext_predict" else fmt(q["median_us"] / ft)
            lines.append(f"| {name} | {fmt(q['median_us'], 1)} | {fmt(q['p95_us'], 1)} | {r} |")
    lines.append("")
    rep = node["replies"]
    lines.append(f"### Reply check, {rep['reply_words']}-word reply, in Node")
    lines.append("")
    lines.append("| tool | median µs | p95 µs | tact/peer (median) | tact is N× faster |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    tm = rep["latency"]["tact"]["median_us"]
    for name, q in rep["latency"].items():
        r = q["median_us"]
        lines.append(f"| {name} | {fmt(r, 1)} | {fmt(q['p95_us'], 1)} | "
                     f"{'' if name.startswith('tact') else fmt(tm / r, 3)} | "
                     f"{'' if name.startswith('tact') else fmt(r / tm, 1)} |")
    lines.append("")
    lines.append("### What each flags on the same 50 test-split replies "
                 "(25 labelled passive-aggressive, 25 not)")
    lines.append("")
    lines.append("| tool | findings | PA replies flagged (of 25) | other replies flagged (of 25) |")
    lines.append("| --- | ---: | ---: | ---: |")
    for name, f in rep["flags"].items():
        if name == "tact -O3":
            continue
        lines.append(f"| {name} | {f['findings']} | {f['flagged_passive_aggressive']} | "
                     f"{f['flagged_ok']} |")
        if name == "tact":
            lines.append(f"| tact, warnings and errors only (no good-practice hints) | | "
                         f"{f['flagged_passive_aggressive_no_hints']} | "
                         f"{f['flagged_ok_no_hints']} |")
            lines.append(f"| tact verdict (`passive_aggressive`, model + rules) | | "
                         f"{f['verdict_passive_aggressive']} | {f['verdict_ok']} |")
    lines.append("")
    c = node["cold_ms"]
    lines.append("### Cold start in Node (import + init + first result), median ms")
    lines.append("")
    lines.append("| tool | ms | tact/peer |")
    lines.append("| --- | ---: | ---: |")
    lines.append(f"| tact-wasm | {fmt(c['tact'], 0)} | |")
    lines.append(f"| harper.js | {fmt(c['harper'], 0)} | {fmt(c['tact'] / c['harper'], 3)} |")
    lines.append("")
    # Targets.
    lines.append("### Targets")
    lines.append("")
    lines.append("| target | measured | met |")
    lines.append("| --- | --- | --- |")
    h = rep["latency"]["harper.js"]["median_us"]
    x = h / tm
    lines.append(f"| reply check ≥ 50× faster than harper.js | {x:.1f}× (shipped build) | "
                 f"{'yes' if x >= TARGETS['reply_check_vs_harper'] else 'no'} |")
    for tk in ("tact", "tact (5 epochs)"):
        t1 = nat.get(tk, {}).get("100000")
        f1 = nat.get("fasttext", {}).get("100000")
        if t1 and f1:
            best = max(nat[p]["100000"]["accuracy"] for p in nat if "100000" in nat[p]
                       and not p.startswith("tact"))
            ratio = t1["train_s"] / f1["train_s"]
            gap = (best - t1["accuracy"]) * 100
            ok = ratio <= TARGETS["train_100k_vs_fasttext"] and gap <= TARGETS[
                "accuracy_gap_points"]
            lines.append(f"| {tk}: 100k documents in ≤ 0.5× fastText's time, accuracy within "
                         f"0.5 points of the best peer | {ratio:.2f}× fastText; accuracy "
                         f"{t1['accuracy']:.3f} vs best peer {best:.3f} "
                         f"({-gap:+.1f} points) | {'yes' if ok else 'no'} |")
        t2 = nat.get(tk, {}).get("1000000")
        if t2:
            ok = t2["train_s"] <= TARGETS["train_1m_seconds"] and t2["rss_mb"] <= TARGETS[
                "train_1m_rss_mb"]
            lines.append(f"| {tk}: 1M documents in ≤ 30 s, peak RSS ≤ 1 GB | "
                         f"{t2['train_s']:.1f} s, {t2['rss_mb']:.0f} MB | "
                         f"{'yes' if ok else 'no'} |")
    t = nat.get("tact", {}).get(n0, {})
    f = nat.get("fasttext", {}).get(n0, {})
    if t and f:
        r = t["analyze_docs_per_s"] / f["predict_docs_per_s"]
        r2 = t["predict_docs_per_s"] / f["predict_docs_per_s"]
        lines.append(f"| native analysis throughput ≥ fastText predict | analyze {r:.2f}×, "
                     f"trained-model predict {r2:.2f}× fastText's docs/s | "
                     f"{'yes' if r >= 1 else 'no'} |")
    lines.append("")
    lines.append(f"Run time: {res['minutes']:.1f} min.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
