#include "ccld2.h"

#include <climits>
#include <cstdio>
#include <cstring>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which is not meant to be included directly.
const char *LanguageCode(Language lang);
Language GetLanguageFromName(const char *src);
}  // namespace CLD2

extern "C" void ccld2_detect(const char *text, size_t length, const char *hint, ccld2_result *result) {
    std::memset(result, 0, sizeof(*result));
    std::strcpy(result->code, "un");
    if (text == nullptr || length == 0) return;
    int bufferLength = length > static_cast<size_t>(INT_MAX) ? INT_MAX : static_cast<int>(length);

    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    if (hint != nullptr && hint[0] != '\0') hints.language_hint = CLD2::GetLanguageFromName(hint);

    CLD2::Language language3[3];
    int percent3[3];
    double scores3[3];
    int textBytes = 0;
    bool reliable = false;
    int validPrefix = 0;
    CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text, bufferLength, true, &hints, 0, language3, percent3, scores3, nullptr, &textBytes, &reliable,
        &validPrefix);
    const char *code = CLD2::LanguageCode(top);
    if (code != nullptr) {
        std::strncpy(result->code, code, sizeof(result->code) - 1);
        result->code[sizeof(result->code) - 1] = '\0';
    }
    result->reliable = reliable ? 1 : 0;
    result->percent = percent3[0];
    result->text_bytes = textBytes;
}
