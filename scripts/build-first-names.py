#!/usr/bin/env python3
"""Builds the first-name gender table (Sources/CEnrichdModels/models/first-names.tsv).

Usage: scripts/build-first-names.py [SHARED_DATA_DIR]          (make first-names)

From the 1990 US Census first-name lists (public domain) in
../shared/data/gazetteers/census1990_names: a name is `M` when men carry it at least three times as
often as women (frequency per cent of each population), `F` for the reverse; names in between
are left out. The quote enricher uses it to keep `she said` from resolving to a man. Deterministic.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data")
OUT = os.path.join(HERE, "..", "Sources", "CEnrichdModels", "models", "first-names.tsv")


def read(name):
    table = {}
    with open(os.path.join(DATA, "gazetteers", "census1990_names", name), encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 2:
                table[fields[0].lower()] = float(fields[1])
    return table


def main():
    male, female = read("dist.male.first"), read("dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= 3 * f:
            rows.append((name, "M"))
        elif f >= 3 * m:
            rows.append((name, "F"))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# first name<TAB>M|F from the 1990 US Census name lists (public domain); scripts/build-first-names.py\n")
        for name, gender in rows:
            out.write(f"{name}\t{gender}\n")
    print(f"{len(rows)} names -> {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
