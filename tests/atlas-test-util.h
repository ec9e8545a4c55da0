/* atlas-test-util.h: what several tests need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-store.h"

G_BEGIN_DECLS

char       *atlas_test_make_dir      (void);
void        atlas_test_remove_dir    (const char *dir);
AtlasStore *atlas_test_small_store   (void);
AtlasStore *atlas_test_small_store_file (const char *path);
GBytes     *atlas_test_read_file     (const char *path);
void        atlas_test_write_file    (const char *path,
                                      const char *contents,
                                      gssize      length);
GPtrArray  *atlas_test_parse_csv     (const char *text);
gint64      atlas_test_query_int     (AtlasStore *store,
                                      const char *sql);
gint64      atlas_test_key_id        (AtlasStore *store,
                                      const char *table,
                                      const char *key);
void        atlas_test_log_changes   (AtlasStore *store,
                                      GString    *log);
AtlasStore *atlas_test_sorting_store (guint       events);
char       *atlas_test_enter_german  (void);
void        atlas_test_leave_german  (char       *saved);

G_END_DECLS
