/* bench-util.h: what every benchmark needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int  bench_compare_doubles (gconstpointer  a,
                            gconstpointer  b);
void bench_sort_times      (double        *times,
                            gsize          n);

G_END_DECLS
