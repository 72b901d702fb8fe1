/* ctx.h -- the dyad_ctx structure: the loaded dictionaries and the options
 * that steer the coder. Internal; the public face is dyad.h. */
#ifndef DYAD_CTX_H
#define DYAD_CTX_H

#include "dict.h"
#include "gazetteer.h"

struct dyad_ctx {
    dicts d;
    gazetteer gaz; /* places; strings in d.mem */
    int finished;
};

/* Loads a dictionary of the given kind from a buffer (tests, fuzzing);
 * name stands for the file in messages. */
dyad_status ctx_load_buffer(dyad_ctx *ctx, dyad_dict_kind kind, const char *name, const char *buf,
                            size_t len, dyad_warn_fn warn, void *ud, dyad_error *err);

#endif
