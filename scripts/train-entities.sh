#!/usr/bin/env bash
# Rebuilds the entity model embedded in the binary from ../shared/data (see docs/entity-model.md).
# Usage: scripts/train-entities.sh [DATA_DIR]   (default ../shared/data)
# Reproducible: the same data and this script write the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
MODEL=Sources/CEnrichdModels/models/entities.enrichd-model
swift build -c release --product enrichd >/dev/null
SWIFT_DETERMINISTIC_HASHING=1 .build/release/enrichd train-entities \
    --conll "$DATA/ner/conll2003/eng.train" \
    --gazetteers "$DATA/gazetteers" \
    --unlabelled "$DATA/places/reuters21578_train.jsonl" \
    --unlabelled "$DATA/summaries/cnndm_validation" \
    --unlabelled "$DATA/summaries/bbc_news_summary/News Articles" \
    --dev "$DATA/ner/conll2003/eng.testa" \
    --epochs 8 --prune 1 --seed 20261125 \
    --output "$MODEL"
# .incbin is not tracked by the build system: touch the source that embeds the model.
touch Sources/CEnrichdModels/models.c
sha256sum "$MODEL"
