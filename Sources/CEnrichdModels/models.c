// Embeds the trained model, the places gazetteer, the word frequency table, the sentiment lexicon and the first-name table in the binary, so that the daemon needs no data files at run time.
// `.incbin` finds the files through the `models` header search path set in Package.swift.
// After `make model` rewrites a file, this source is touched so that it is rebuilt.
#include "CEnrichdModels.h"

__asm__(".section .rodata\n"
        ".balign 16\n"
        ".global enrichd_entity_model_start\n"
        "enrichd_entity_model_start:\n"
        ".incbin \"entities.enrichd-model\"\n"
        ".global enrichd_entity_model_end\n"
        "enrichd_entity_model_end:\n"
        ".balign 16\n"
        ".global enrichd_places_start\n"
        "enrichd_places_start:\n"
        ".incbin \"places.tsv\"\n"
        ".global enrichd_places_end\n"
        "enrichd_places_end:\n"
        ".balign 16\n"
        ".global enrichd_frequencies_start\n"
        "enrichd_frequencies_start:\n"
        ".incbin \"document-frequency.tsv\"\n"
        ".global enrichd_frequencies_end\n"
        "enrichd_frequencies_end:\n"
        ".balign 16\n"
        ".global enrichd_sentiment_start\n"
        "enrichd_sentiment_start:\n"
        ".incbin \"sentiment-lexicon.tsv\"\n"
        ".global enrichd_sentiment_end\n"
        "enrichd_sentiment_end:\n"
        ".balign 16\n"
        ".global enrichd_first_names_start\n"
        "enrichd_first_names_start:\n"
        ".incbin \"first-names.tsv\"\n"
        ".global enrichd_first_names_end\n"
        "enrichd_first_names_end:\n"
        ".previous\n");

extern const unsigned char enrichd_entity_model_start[];
extern const unsigned char enrichd_entity_model_end[];

const unsigned char *enrichd_entity_model_bytes(void) { return enrichd_entity_model_start; }

size_t enrichd_entity_model_size(void) {
    return (size_t)(enrichd_entity_model_end - enrichd_entity_model_start);
}

extern const unsigned char enrichd_places_start[];
extern const unsigned char enrichd_places_end[];

const unsigned char *enrichd_places_bytes(void) { return enrichd_places_start; }

size_t enrichd_places_size(void) { return (size_t)(enrichd_places_end - enrichd_places_start); }

extern const unsigned char enrichd_frequencies_start[];
extern const unsigned char enrichd_frequencies_end[];

const unsigned char *enrichd_frequencies_bytes(void) { return enrichd_frequencies_start; }

size_t enrichd_frequencies_size(void) { return (size_t)(enrichd_frequencies_end - enrichd_frequencies_start); }

extern const unsigned char enrichd_sentiment_start[];
extern const unsigned char enrichd_sentiment_end[];

const unsigned char *enrichd_sentiment_bytes(void) { return enrichd_sentiment_start; }

size_t enrichd_sentiment_size(void) { return (size_t)(enrichd_sentiment_end - enrichd_sentiment_start); }

extern const unsigned char enrichd_first_names_start[];
extern const unsigned char enrichd_first_names_end[];

const unsigned char *enrichd_first_names_bytes(void) { return enrichd_first_names_start; }

size_t enrichd_first_names_size(void) { return (size_t)(enrichd_first_names_end - enrichd_first_names_start); }
