/* atlas-store-checker.h: Check Store, from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-store.h"

G_BEGIN_DECLS

void atlas_store_checker_run (GtkWindow  *parent,
                              AtlasStore *store);

G_END_DECLS
