/* bench-window.h: what the benchmarks of the real window need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-store.h"

G_BEGIN_DECLS

void   bench_iterate        (void);
gint64 bench_wait_for_paint (GtkWidget *widget);
double bench_rss_mib        (void);
double bench_own_memory_mib (void);
double bench_cpu_ms         (void);
gint64 bench_query_int      (AtlasStore *store,
                             const char *sql);

G_END_DECLS
