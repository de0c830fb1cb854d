#!/usr/bin/env python3
"""Fits the summary model's weights (Sources/Enrichment/Summary/SummaryWeights.swift).

Usage: scripts/train-summary.py [CNNDM_JSONL] [ENRICHD]          (make summary-model)

1. Runs `enrichd summary-features` over the articles: candidate sentences and their features.
2. Labels, per article, the (up to) three sentences that greedily maximise ROUGE-1 + ROUGE-2 F1
   against the human highlights (the usual extractive oracle).
3. Fits an L2-regularised logistic regression (Newton's method, a fixed number of steps, so the
   result is deterministic), reports two-fold cross-validated ROUGE of the top-3 picks next to Lead-3
   (the first three candidates), then fits on everything and writes the weights.

Standard library only. Only weights are written; no text leaves ../shared/data.
"""
import json
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data", "summaries", "cnndm_validation", "cnndm_val_000-599.jsonl")
ENRICHD = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", ".build", "release", "enrichd")
OUT = os.path.join(HERE, "..", "Sources", "Enrichment", "Summary", "SummaryWeights.swift")
L2 = 1e-3
ITERATIONS = 12


def tokens(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def ngrams(toks, n):
    out = {}
    for i in range(len(toks) - n + 1):
        g = tuple(toks[i:i + n])
        out[g] = out.get(g, 0) + 1
    return out


def f1(sys_counts, ref_counts):
    overlap = sum(min(c, ref_counts.get(g, 0)) for g, c in sys_counts.items())
    s, r = sum(sys_counts.values()), sum(ref_counts.values())
    if overlap == 0 or s == 0 or r == 0:
        return 0.0
    p, rec = overlap / s, overlap / r
    return 2 * p * rec / (p + rec)


def rouge(sentences, reference):
    toks = [t for s in sentences for t in tokens(s)]
    ref = [t for s in reference for t in tokens(s)]
    return f1(ngrams(toks, 1), ngrams(ref, 1)), f1(ngrams(toks, 2), ngrams(ref, 2))


def oracle(texts, highlights, k=3):
    chosen, best = [], 0.0
    while len(chosen) < k:
        pick = None
        for i in range(len(texts)):
            if i in chosen:
                continue
            r1, r2 = rouge([texts[j] for j in sorted(chosen + [i])], highlights)
            if r1 + r2 > best:
                best, pick = r1 + r2, i
        if pick is None:
            break
        chosen.append(pick)
    return set(chosen)


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit(rows, dims):
    """L2-regularised logistic regression by Newton's method (deterministic, a fixed 12 steps)."""
    w = [0.0] * dims
    n = len(rows)
    for _ in range(ITERATIONS):
        grad = [L2 * n * w[d] if d else 0.0 for d in range(dims)]
        hess = [[(L2 * n if d == e and d else 0.0) for e in range(dims)] for d in range(dims)]
        for x, y in rows:
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g, h = p - y, p * (1 - p)
            nz = [(d, v) for d, v in enumerate(x) if v]
            for d, v in nz:
                grad[d] += g * v
                hv = h * v
                row = hess[d]
                for e, u in nz:
                    row[e] += hv * u
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
    return w


def pick(article, w, k=3):
    scored = sorted(range(len(article["sentences"])), key=lambda i: -sum(a * b for a, b in zip(w, article["sentences"][i]["x"])))
    return [article["sentences"][i]["text"] for i in sorted(scored[:k])]


def main():
    records = [json.loads(l) for l in open(DATA, encoding="utf-8") if l.strip()]
    envelopes = "".join(json.dumps({"id": r["id"], "text": r["article"]}) + "\n" for r in records)
    out = subprocess.run([ENRICHD, "summary-features"], input=envelopes, capture_output=True, text=True, check=True).stdout
    feats = {a["id"]: a for a in map(json.loads, (l for l in out.splitlines() if l.startswith("{")))}
    names = None
    articles = []
    for r in records:
        a = feats.get(r["id"])
        if not a or not a["sentences"]:
            continue
        names = a["features"]
        highlights = r["highlights"] if isinstance(r["highlights"], list) else r["highlights"].split("\n")
        labels = oracle([s["text"] for s in a["sentences"]], highlights)
        articles.append({"sentences": a["sentences"], "labels": labels, "highlights": highlights})
    dims = len(names)

    def rows_of(subset):
        return [(s["x"], 1.0 if i in a["labels"] else 0.0) for a in subset for i, s in enumerate(a["sentences"])]

    folds = [articles[0::2], articles[1::2]]
    model, lead = [0.0, 0.0], [0.0, 0.0]
    for f in range(2):
        w = fit(rows_of(folds[1 - f]), dims)
        for a in folds[f]:
            r = rouge(pick(a, w), a["highlights"])
            l = rouge([s["text"] for s in a["sentences"][:3]], a["highlights"])
            model = [model[0] + r[0], model[1] + r[1]]
            lead = [lead[0] + l[0], lead[1] + l[1]]
    n = len(articles)
    print("train-summary: %d articles; 2-fold held-out ROUGE-1/2 (unstemmed) model %.2f/%.2f vs first-3 candidates %.2f/%.2f"
          % (n, 100 * model[0] / n, 100 * model[1] / n, 100 * lead[0] / n, 100 * lead[1] / n))
    w = fit(rows_of(articles), dims)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("// Generated by scripts/train-summary.py from %s; do not edit.\n" % os.path.basename(DATA))
        out.write("/// The summary model's weights, in ``SummarySentences/names`` order:\n")
        out.write("/// %s.\n" % ", ".join(names))
        out.write("enum SummaryWeights {\n    static let weights: [Double] = [\n")
        for name, x in zip(names, w):
            out.write("        %.4f,  // %s\n" % (x, name))
        out.write("    ]\n}\n")
    print("train-summary: weights -> %s" % OUT)


if __name__ == "__main__":
    main()
