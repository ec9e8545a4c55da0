/* atlas-bench-probe.h: what a window costs from its start, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean atlas_bench_probe_attach (GtkWindow *window);

G_END_DECLS
