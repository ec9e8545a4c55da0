/* bench-util.c: what every benchmark needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>

#include "bench-util.h"

/* Orders doubles, for qsort() and g_array_sort(). */
int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @n times in place, so that the median is times[n / 2] and the worst the last. */
void
bench_sort_times (double *times,
                  gsize   n)
{
  qsort (times, n, sizeof (double), bench_compare_doubles);
}
