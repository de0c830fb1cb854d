#!/usr/bin/env python3
"""Builds the background document-frequency table for keyphrases
(Sources/CEnrichdModels/models/document-frequency.tsv).

Usage: scripts/build-word-frequencies.py [SHARED_DATA_DIR]          (make word-frequencies)

Counts, for every lower-cased word (letters only, 3 to 30 of them), how many documents contain it,
over news text in ../shared/data: CoNLL-2003 eng.train (one document per -DOCSTART-), Reuters-21578
TRAIN bodies, CNN/DailyMail validation records 0-599 and the BBC News Summary articles. KPCrowd,
the keyphrase dev set, is left out. Words in fewer than 3 documents are dropped. Only words and
counts are written, never text. Deterministic.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data")
OUT = os.path.join(HERE, "..", "Sources", "CEnrichdModels", "models", "document-frequency.tsv")
WORD = re.compile(r"[a-z]{3,30}")


def documents():
    doc = []
    for line in open(os.path.join(DATA, "ner", "conll2003", "eng.train"), encoding="utf-8", errors="replace"):
        if line.startswith("-DOCSTART-"):
            if doc:
                yield " ".join(doc)
            doc = []
        elif line.strip():
            doc.append(line.split(" ")[0])
    if doc:
        yield " ".join(doc)
    for line in open(os.path.join(DATA, "places", "reuters21578_train.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if r.get("body"):
            yield r["title"] + " " + r["body"]
    for line in open(os.path.join(DATA, "summaries", "cnndm_validation", "cnndm_val_000-599.jsonl"), encoding="utf-8"):
        yield json.loads(line)["article"]
    root = os.path.join(DATA, "summaries", "bbc_news_summary")
    for folder, _, files in sorted(os.walk(root)):
        if "News Articles" not in folder:
            continue
        for name in sorted(files):
            with open(os.path.join(folder, name), "rb") as f:
                yield f.read().decode("utf-8", errors="replace")


def main():
    df, n = {}, 0
    for text in documents():
        n += 1
        for w in set(WORD.findall(text.lower())):
            df[w] = df.get(w, 0) + 1
    rows = sorted((w, c) for w, c in df.items() if c >= 3)
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write("# enrichd background document frequencies (scripts/build-word-frequencies.py)\n")
        out.write("N\t%d\n" % n)
        for w, c in rows:
            out.write("%s\t%d\n" % (w, c))
    print("build-word-frequencies: %d documents, %d words, %d bytes -> %s" % (n, len(rows), os.path.getsize(OUT), OUT))


if __name__ == "__main__":
    main()
