#!/usr/bin/env python3
"""Builds the sentiment word table (Sources/CEnrichdModels/models/sentiment-lexicon.tsv).

Usage: scripts/build-sentiment-lexicon.py [SHARED_DATA_DIR]          (make sentiment-lexicon)

Keeps the word entries of the VADER lexicon (vaderSentiment 3.3.2, C.J. Hutto, MIT licence) in
../shared/data/lexicons/vader/vader_lexicon.txt: lower-case words of letters, apostrophes and
hyphens, with their mean valence (-4..+4) rounded to two decimals. Emoticons and entries with
digits or symbols are left out (the enricher reads words only). Deterministic.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data")
OUT = os.path.join(HERE, "..", "Sources", "CEnrichdModels", "models", "sentiment-lexicon.tsv")
WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")


def main():
    entries = {}
    with open(os.path.join(DATA, "lexicons", "vader", "vader_lexicon.txt"), encoding="utf-8") as lexicon:
        for line in lexicon:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2 or not WORD.fullmatch(fields[0]):
                continue
            entries[fields[0]] = round(float(fields[1]), 2)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# word<TAB>valence (-4..+4) from the VADER lexicon (MIT, C.J. Hutto); scripts/build-sentiment-lexicon.py\n")
        for word in sorted(entries):
            out.write(f"{word}\t{entries[word]:.2f}\n")
    print(f"{len(entries)} words -> {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
