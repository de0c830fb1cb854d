#ifndef CCLD2_H
#define CCLD2_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The outcome of one CLD2 detection.
typedef struct ccld2_result {
    /// ISO 639-1 code (or CLD2's code for languages without one), NUL-terminated; "un" when unknown.
    char code[16];
    /// Whether CLD2 judged the top language reliably ahead of the runner-up.
    int reliable;
    /// Percentage (0-100) of the scored text in the top language.
    int percent;
    /// Bytes of letters CLD2 actually scored.
    int text_bytes;
} ccld2_result;

/// Detects the language of plain UTF-8 text.
///
/// Invalid UTF-8 yields "un", unreliable. `hint` is an optional language name or code ("en",
/// "fr"...) that boosts that language, or NULL. Thread-safe: CLD2 keeps no mutable global state.
void ccld2_detect(const char *text, size_t length, const char *hint, ccld2_result *result);

#ifdef __cplusplus
}
#endif

#endif
