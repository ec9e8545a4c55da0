/* atlas-text.h: text helpers shared by the store and the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *atlas_text_fold (const char *text);

G_END_DECLS
