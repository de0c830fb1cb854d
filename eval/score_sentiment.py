#!/usr/bin/env python3
"""Scores enrichd's per-entity sentiment on NewsMTSC (target-dependent sentiment in news sentences).

Usage: eval/score_sentiment.py [--cmd ".build/release/enrichd sentiment-targets"] [--data ../shared/data]

Each target (a person mentioned in a sentence, with its further mentions) is sent to
`enrichd sentiment-targets`, which scores it with the same code as `enrichment.sentiment.entities`
(the mean score of the sentences that mention the entity; one sentence here). Gold polarity
2/4/6 = negative/neutral/positive. Prints accuracy and macro-F1, the per-class figures and the
majority-class baseline. NewsMTSC is dev-evaluate only: nothing is fitted on it.
Without ../shared/data it says so and exits 0. Standard library only.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", default=".build/release/enrichd sentiment-targets")
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    args = ap.parse_args()
    path = os.path.join(args.data, "sentiment", "newsmtsc", "train.jsonl")
    if not os.path.exists(path):
        print(f"skipped: no NewsMTSC data at {path}")
        return 0
    inputs, gold = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            for t in d["targets"]:
                spans = [[t["from"], t["to"]]] + [[m["from"], m["to"]] for m in t.get("further_mentions", [])]
                inputs.append(json.dumps({"text": d["sentence_normalized"], "targets": spans}))
                gold.append(LABELS[t["polarity"]])
    run = subprocess.run(args.cmd, shell=True, input="\n".join(inputs) + "\n", capture_output=True, text=True,
                         executable="/bin/bash")
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        return 1
    predicted = [json.loads(line)["label"] for line in run.stdout.splitlines()]
    assert len(predicted) == len(gold), (len(predicted), len(gold))
    correct = sum(p == g for p, g in zip(predicted, gold))
    f1s = []
    for label in ("negative", "neutral", "positive"):
        tp = sum(p == g == label for p, g in zip(predicted, gold))
        npred = sum(p == label for p in predicted)
        ngold = sum(g == label for g in gold)
        p = tp / npred if npred else 0
        r = tp / ngold if ngold else 0
        f = 2 * p * r / (p + r) if p + r else 0
        f1s.append(f)
        print(f"{label:<9} gold {ngold:5d} predicted {npred:5d}  P {p:.3f} R {r:.3f} F1 {f:.3f}")
    majority, count = collections.Counter(gold).most_common(1)[0]
    print(f"majority-class baseline ({majority}): accuracy {count / len(gold):.3f} macro-F1 {(2 * count / (count + len(gold))) / 3:.3f}")
    print(f"targets {len(gold)}  accuracy {correct / len(gold):.3f}  macro-F1 {sum(f1s) / 3:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
