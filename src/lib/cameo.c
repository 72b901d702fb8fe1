/* cameo.c -- CAMEO event codes: QuadClass by root and Goldstein weights by
 * root (the weight of the root's "x0" code). */
#include <string.h>

#include "dyad.h"

static int root_of(const char *code) {
    if (!code || strlen(code) < 2 || strlen(code) > 4) return 0;
    for (const char *p = code; *p; p++)
        if (*p < '0' || *p > '9') return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    return r >= 1 && r <= 20 ? r : 0;
}

const char *dyad_cameo_name(const char *code) {
    static const char *const names[21] = {NULL, "Make public statement", "Appeal", "Express intent to cooperate", "Consult", "Engage in diplomatic cooperation", "Engage in material cooperation", "Provide aid", "Yield", "Investigate", "Demand", "Disapprove", "Reject", "Threaten", "Protest", "Exhibit force posture", "Reduce relations", "Coerce", "Assault", "Fight", "Use unconventional mass violence"};
    int r = root_of(code);
    return r ? names[r] : NULL;
}

double dyad_cameo_goldstein(const char *code) {
    static const double g[21] = {0, 0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0, -2.0, -4.0, -4.4, -6.5, -7.2, -4.0, -5.0, -9.0, -10.0, -10.0};
    return g[root_of(code)];
}

int dyad_cameo_quad(const char *code) {
    int r = root_of(code);
    if (!r) return 0;
    return r <= 5 ? 1 : r <= 8 ? 2 : r <= 14 ? 3 : 4;
}
