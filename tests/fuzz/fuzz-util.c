/* fuzz-util.c: what the libFuzzer harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "atlas-dataset.h"
#include "fuzz-util.h"

/* A critical or a warning is a bug that hostile input found, as under G_DEBUG=fatal-criticals
 * in the tests. GLib stops on a fatal message with a breakpoint trap, which libFuzzer does
 * not catch, so abort instead: libFuzzer then keeps the input. */
static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_log_set_writer_func (write_log, NULL, NULL);
  return 0;
}

/* An in-memory store holding tests/data/small, so that queries have rows to find; the same
 * for every input. */
AtlasStore *
fuzz_get_small_store (void)
{
  static AtlasStore *store;
  g_autoptr(GError) error = NULL;

  if (store != NULL)
    return store;
  store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  atlas_dataset_load_directory (store, ATLAS_FUZZ_SMALL_DATASET, &error);
  g_assert_no_error (error);
  return store;
}
