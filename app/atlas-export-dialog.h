/* atlas-export-dialog.h: choose what to export, see it, and write it or copy it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-export.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_EXPORT_SIZE_ON_SCREEN,
  ATLAS_EXPORT_SIZE_CUSTOM,
  ATLAS_EXPORT_SIZE_A4,
  ATLAS_EXPORT_SIZE_A3,
} AtlasExportSize;

/* The sizes things have on screen, for exports "as on screen". */
typedef struct
{
  int timeline_width;
  int window_width;
  int window_height;
} AtlasExportScreen;

#define ATLAS_TYPE_EXPORT_DIALOG (atlas_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ATLAS, EXPORT_DIALOG, GtkWindow)

AtlasExportDialog *atlas_export_dialog_new         (GtkWindow                *parent,
                                                    AtlasSession             *session,
                                                    AtlasFeatures            *features,
                                                    const AtlasExportOptions *on_screen,
                                                    const AtlasExportScreen  *screen);
void               atlas_export_dialog_choose      (AtlasExportDialog        *self,
                                                    AtlasExportKind           kind,
                                                    AtlasExportSize           size,
                                                    AtlasExportFormat         format);
void               atlas_export_dialog_get_options (AtlasExportDialog        *self,
                                                    AtlasExportOptions       *options);
gboolean           atlas_export_dialog_save_to     (AtlasExportDialog        *self,
                                                    GFile                    *file,
                                                    GError                  **error);
gboolean           atlas_export_dialog_save_chosen (AtlasExportDialog        *self,
                                                    GFile                    *file);

G_END_DECLS
