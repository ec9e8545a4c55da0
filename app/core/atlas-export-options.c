/* atlas-export-options.c: what an export shows, at what size and in which format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The options are checked here, before any store is opened, so that the command line can
 * refuse bad ones at once; what needs the store (a timeline's height) is measured later.
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <math.h>

#include "atlas-export-options.h"

/* Smaller than this, a sheet has no room for its map. */
#define SHEET_MIN_WIDTH  480
#define SHEET_MIN_HEIGHT 400

void
atlas_export_options_init (AtlasExportOptions *options)
{
  *options = (AtlasExportOptions) {
    .format = ATLAS_EXPORT_PNG,
    .kind = ATLAS_EXPORT_MAP,
    .latitude = 40.8,
    .longitude = 45.3,
    .zoom = 6.6,
    .width = 1920,
    .height = 1080,
    .scale = 1,
  };
}

/* Each format's name, which is also its files' extension, in the order of the enum. */
static const char *format_names[] = { "png", "svg", "pdf" };

/**
 * atlas_export_format_for_name:
 * @name: a format's name ("png", "svg", "pdf") or a file name ending in one
 *
 * Returns: %TRUE with @format set, or %FALSE with @error saying which formats there are
 */
gboolean
atlas_export_format_for_name (const char         *name,
                              AtlasExportFormat  *format,
                              GError            **error)
{
  const char *dot = strrchr (name, '.');
  const char *suffix = dot != NULL ? dot + 1 : name;

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (suffix, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a format the atlas exports: use png, svg or pdf"), name);
  return FALSE;
}

/* The extension of @format's files, without the dot: "png". */
const char *
atlas_export_format_suffix (AtlasExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), "png");

  return format_names[format];
}

/**
 * atlas_export_paper_for_name:
 * @name: "a4" or "a3", in either case
 */
gboolean
atlas_export_paper_for_name (const char  *name,
                             AtlasPaper  *paper,
                             GError     **error)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = ATLAS_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "a3") == 0)
    *paper = ATLAS_PAPER_A3;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a paper size the atlas prints on: use a4 or a3"), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_export_page_millimetres:
 *
 * The size of a page in millimetres.
 */
void
atlas_export_page_millimetres (AtlasPaper  paper,
                               gboolean    landscape,
                               double     *width,
                               double     *height)
{
  double short_side = paper == ATLAS_PAPER_A3 ? 297 : 210;
  double long_side = paper == ATLAS_PAPER_A3 ? 420 : 297;

  *width = landscape ? long_side : short_side;
  *height = landscape ? short_side : long_side;
}

/**
 * atlas_export_page_size:
 *
 * The size of a page in logical pixels, 96 to the inch.
 */
void
atlas_export_page_size (AtlasPaper  paper,
                        gboolean    landscape,
                        double     *width,
                        double     *height)
{
  atlas_export_page_millimetres (paper, landscape, width, height);
  *width *= 96 / ATLAS_EXPORT_MM_PER_INCH;
  *height *= 96 / ATLAS_EXPORT_MM_PER_INCH;
}

/* Significant digits enough to tell @value from every other double, so that a message
 * shows 20.0000001 as that and not as 20: at least %g's six, which write 40 as 40. */
static int
exact_digits (double value)
{
  for (int digits = 6; digits < 17; digits++)
    {
      char format[8], text[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      if (g_ascii_strtod (g_ascii_formatd (text, sizeof text, format, value), NULL) == value)
        return digits;
    }
  return 17;
}

/**
 * atlas_export_check_options:
 *
 * Checks what can be checked of @options without a store: the scale, the size, the zoom and
 * the centre.
 */
gboolean
atlas_export_check_options (const AtlasExportOptions  *options,
                            GError                   **error)
{
  int scale = options->format == ATLAS_EXPORT_PNG ? options->scale : 1;

  if (options->scale < 1 || options->scale > 3)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale must be 1, 2 or 3, not %d"), options->scale);
      return FALSE;
    }
  if (options->paper != ATLAS_PAPER_NONE)
    ;
  else if (options->width < 1 || options->height < (options->kind == ATLAS_EXPORT_TIMELINE ? 0 : 1) ||
           (gint64) options->width * scale > ATLAS_EXPORT_MAX_SIDE ||
           (gint64) options->height * scale > ATLAS_EXPORT_MAX_SIDE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An export of %d × %d at scale %d is beyond what the atlas writes: "
                     "each side must be from 1 to %d pixels"),
                   options->width, options->height, scale, ATLAS_EXPORT_MAX_SIDE);
      return FALSE;
    }
  else if (options->kind == ATLAS_EXPORT_SHEET &&
           (options->width < SHEET_MIN_WIDTH || options->height < SHEET_MIN_HEIGHT))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A sheet of %d × %d has no room for its map: it must be at least %d × %d"),
                   options->width, options->height, SHEET_MIN_WIDTH, SHEET_MIN_HEIGHT);
      return FALSE;
    }
  /* Each written so that NaN, which compares false, fails it. */
  if (!(options->zoom >= 0 && options->zoom <= 20))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The zoom must be from 0 to 20, not %.*g"), exact_digits (options->zoom),
                   options->zoom);
      return FALSE;
    }
  if (!(fabs (options->latitude) <= 85 && fabs (options->longitude) <= 180))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The map's centre must be at a latitude from −85 to 85 and a longitude "
                     "from −180 to 180, not %.*g, %.*g"),
                   exact_digits (options->latitude), options->latitude,
                   exact_digits (options->longitude), options->longitude);
      return FALSE;
    }
  return TRUE;
}
