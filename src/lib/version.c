/* version.c -- which Dyad this is: the release (DYAD_VERSION, dyad.h)
 * and the git commit the library was built from, which the Makefile
 * passes as DYAD_COMMIT to this file alone. */
#include "dyad.h"

#ifndef DYAD_COMMIT
#define DYAD_COMMIT "unknown"
#endif

const char *dyad_version(void) { return DYAD_VERSION; }

const char *dyad_commit(void) { return DYAD_COMMIT[0] ? DYAD_COMMIT : "unknown"; }
