/* bench-generate.h: large stores for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint events;
  guint actors;
  guint places;
  guint passages;         /* excerpts in all, in sources of 20 */
  guint heavy_passages;   /* of those, how many quote actor 1 */
} BenchStoreSize;

void bench_generate_store (AtlasStore           *store,
                           const BenchStoreSize *size);

G_END_DECLS
