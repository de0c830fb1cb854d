#ifndef ENRICHD_MODELS_H
#define ENRICHD_MODELS_H
#include <stddef.h>

/// The entity model file (models/entities.enrichd-model), embedded at build time.
const unsigned char *enrichd_entity_model_bytes(void);
/// Its size in bytes.
size_t enrichd_entity_model_size(void);

/// The places gazetteer (models/places.tsv, built by scripts/build-places.py), embedded at build time.
const unsigned char *enrichd_places_bytes(void);
/// Its size in bytes.
size_t enrichd_places_size(void);

/// Background document frequencies (models/document-frequency.tsv, scripts/build-word-frequencies.py).
const unsigned char *enrichd_frequencies_bytes(void);
/// Its size in bytes.
size_t enrichd_frequencies_size(void);

/// Sentiment word valences (models/sentiment-lexicon.tsv, scripts/build-sentiment-lexicon.py from VADER).
const unsigned char *enrichd_sentiment_bytes(void);
/// Its size in bytes.
size_t enrichd_sentiment_size(void);

/// First names with their usual gender (models/first-names.tsv, scripts/build-first-names.py).
const unsigned char *enrichd_first_names_bytes(void);
/// Its size in bytes.
size_t enrichd_first_names_size(void);

/// Asks the CPU to start loading the cache line at `p` (the tagger prefetches its weight slots).
static inline void enrichd_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

/// scores[t] += weights[t] × scale for the tagger's 17 tags (a loop the C compiler vectorises).
static inline void enrichd_add_row(float *restrict scores, const signed char *restrict weights, float scale) {
    for (int t = 0; t < 17; t++) scores[t] += (float)weights[t] * scale;
}

#endif
