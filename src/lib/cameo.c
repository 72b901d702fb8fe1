/* cameo.c -- the CAMEO event vocabulary: each code's name and Goldstein
 * weight from the codebook table (cameo_table.c, generated from
 * data/cameo.tsv), found by binary search; QuadClass by root; the PLOVER
 * event type, mode and contexts of a code (plover_table.c, generated from
 * data/plover/cameo2plover.tsv). */
#include <stdlib.h>
#include <string.h>

#include "cameo.h"
#include "dyad.h"

/* Length of code if it is well formed (2 to 4 digits, root 01..20), else
 * 0. Refuses NULL, "", "4", "0420x", "99". */
static size_t code_len(const char *code) {
    if (!code) return 0;
    size_t n = 0;
    while (n < 5 && code[n] >= '0' && code[n] <= '9') n++;
    if (n < 2 || n > 4 || code[n] != '\0') return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    return r >= 1 && r <= 20 ? n : 0;
}

static int entry_cmp(const void *key, const void *elem) {
    return strcmp(key, ((const cameo_entry *)elem)->code);
}

/* The table's entry for the first n digits of code (a well-formed code),
 * or NULL when the codebook has no such code. */
static const cameo_entry *lookup(const char *code, size_t n) {
    char key[5];
    memcpy(key, code, n);
    key[n] = '\0';
    return bsearch(key, cameo_table, cameo_table_n, sizeof cameo_table[0], entry_cmp);
}

const char *dyad_cameo_name(const char *code) {
    size_t n = code_len(code);
    const cameo_entry *e = n ? lookup(code, n) : NULL;
    return e ? e->name : NULL;
}

double dyad_cameo_goldstein(const char *code) {
    for (size_t n = code_len(code); n >= 2; n--) {
        const cameo_entry *e = lookup(code, n);
        if (e && e->weighted) return e->goldstein;
    }
    return 0.0;
}

int dyad_cameo_quad(const char *code) {
    if (!code_len(code)) return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    return r <= 5 ? 1 : r <= 8 ? 2 : r <= 14 ? 3 : 4;
}

static int plover_cmp(const void *key, const void *elem) {
    return strcmp(key, ((const plover_entry *)elem)->code);
}

/* PLOVER's quad categories of its event types, as its manual's chapter on
 * each event type gives them. */
static const struct {
    const char *type, *quad;
} PLOVER_QUADS[] = {
    {"AGREE", "VERBAL COOPERATION"},       {"CONSULT", "VERBAL COOPERATION"},
    {"SUPPORT", "VERBAL COOPERATION"},     {"CONCEDE", "VERBAL COOPERATION"},
    {"COOPERATE", "MATERIAL COOPERATION"}, {"AID", "MATERIAL COOPERATION"},
    {"RETREAT", "MATERIAL COOPERATION"},   {"REQUEST", "VERBAL CONFLICT"},
    {"ACCUSE", "VERBAL CONFLICT"},         {"REJECT", "VERBAL CONFLICT"},
    {"THREATEN", "VERBAL CONFLICT"},       {"PROTEST", "MATERIAL CONFLICT"},
    {"SANCTION", "MATERIAL CONFLICT"},     {"MOBILIZE", "MATERIAL CONFLICT"},
    {"COERCE", "MATERIAL CONFLICT"},       {"ASSAULT", "MATERIAL CONFLICT"},
};

int dyad_cameo_plover(const char *code, dyad_plover *out) {
    memset(out, 0, sizeof *out);
    out->event_type = out->mode = out->contexts = out->quad = "";
    for (size_t n = code_len(code); n >= 2; n--) {
        char key[5];
        memcpy(key, code, n);
        key[n] = '\0';
        const plover_entry *e =
            bsearch(key, plover_table, plover_table_n, sizeof plover_table[0], plover_cmp);
        if (!e) continue;
        if (!e->type[0]) return 0;
        out->event_type = e->type;
        out->mode = e->mode;
        out->contexts = e->contexts;
        out->intensity = e->intensity;
        for (size_t i = 0; i < sizeof PLOVER_QUADS / sizeof PLOVER_QUADS[0]; i++)
            if (!strcmp(PLOVER_QUADS[i].type, e->type)) out->quad = PLOVER_QUADS[i].quad;
        return 1;
    }
    return 0;
}
