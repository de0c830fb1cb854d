#ifndef ENRICHD_MODELS_H
#define ENRICHD_MODELS_H
#include <stddef.h>

/// The entity model file (models/entities.enrichd-model), embedded at build time.
const unsigned char *enrichd_entity_model_bytes(void);
/// Its size in bytes.
size_t enrichd_entity_model_size(void);

#endif
