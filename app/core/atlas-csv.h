/* atlas-csv.h: RFC 4180 CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void atlas_csv_append_row (GString           *out,
                           const char *const *fields,
                           guint              n_fields);

typedef struct _AtlasCsvWriter AtlasCsvWriter;

AtlasCsvWriter *atlas_csv_writer_new     (GOutputStream      *out);
gboolean        atlas_csv_writer_add_row (AtlasCsvWriter     *self,
                                          const char *const  *fields,
                                          guint               n_fields,
                                          GError            **error);
gboolean        atlas_csv_writer_flush   (AtlasCsvWriter     *self,
                                          GError            **error);
void            atlas_csv_writer_free    (AtlasCsvWriter     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCsvWriter, atlas_csv_writer_free)

G_END_DECLS
