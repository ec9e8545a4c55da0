/* fuzz-util.h: what the libFuzzer harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdint.h>

#include "atlas-store.h"

G_BEGIN_DECLS

/* libFuzzer's entry points, declared here for -Wmissing-prototypes. fuzz-util.c has the
 * initialisation; each harness has the test. */
int         LLVMFuzzerInitialize   (int            *argc,
                                    char         ***argv);
int         LLVMFuzzerTestOneInput (const uint8_t  *data,
                                    size_t          size);

AtlasStore *fuzz_get_small_store   (void);

G_END_DECLS
