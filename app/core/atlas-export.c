/* atlas-export.c: views written as PNG, SVG or PDF files, with no display needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map and the timeline are painted by the same painters as the screen's, at the size
 * asked for: a larger export shows more of the map, not a blurred enlargement, and a scale
 * of 2 is the same picture at twice the pixels. Everything is laid out in logical pixels
 * (96 to the inch) and the surface is scaled to the device: PNG pixels, or the points of a
 * PDF or SVG page. The file is written whole or not at all (see atlas-export-file.c).
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "atlas-export.h"
#include "atlas-export-file.h"
#include "atlas-map-view-painter.h"
#include "atlas-png.h"
#include "atlas-sheet.h"

/* What is painted, in logical pixels, and the surface it is painted on. */
typedef struct
{
  double width;
  double height;
  double device_width;    /* PNG pixels, or points for PDF and SVG */
  double device_height;
  double device_scale;    /* device units per logical pixel */
} Canvas;

/* The logical size of what @options paint, and the device's. */
static gboolean
measure (AtlasSession              *session,
         const AtlasExportOptions  *options,
         Canvas                    *canvas,
         GError                   **error)
{
  gboolean png = options->format == ATLAS_EXPORT_PNG;

  if (options->paper != ATLAS_PAPER_NONE)
    {
      double width_mm, height_mm;
      double device_per_inch = png ? ATLAS_EXPORT_PAGE_DPI : 72;

      atlas_export_page_millimetres (options->paper, options->landscape, &width_mm, &height_mm);
      atlas_export_page_size (options->paper, options->landscape, &canvas->width, &canvas->height);
      canvas->device_width = width_mm / ATLAS_EXPORT_MM_PER_INCH * device_per_inch;
      canvas->device_height = height_mm / ATLAS_EXPORT_MM_PER_INCH * device_per_inch;
      if (png)
        {
          canvas->device_width = round (canvas->device_width);
          canvas->device_height = round (canvas->device_height);
        }
      canvas->device_scale = device_per_inch / 96;
      return TRUE;
    }

  canvas->width = options->width;
  canvas->height = options->height;
  if (options->kind == ATLAS_EXPORT_TIMELINE && options->height == 0)
    {
      if (!atlas_sheet_measure_timeline (session, options, options->width, &canvas->height, error))
        return FALSE;
    }
  canvas->device_scale = png ? options->scale : 1;
  canvas->device_width = canvas->width * canvas->device_scale;
  canvas->device_height = canvas->height * canvas->device_scale;
  if (canvas->device_width > ATLAS_EXPORT_MAX_SIDE || canvas->device_height > ATLAS_EXPORT_MAX_SIDE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An export of %g × %g is beyond what the atlas writes: each side must be "
                     "from 1 to %d pixels"), canvas->device_width, canvas->device_height,
                   ATLAS_EXPORT_MAX_SIDE);
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_export_measure:
 * @width: (out): the logical width, in pixels at 96 to the inch
 * @height: (out): the logical height
 * @device_width: (out) (optional): the file's width: PNG pixels, or PDF and SVG points
 * @device_height: (out) (optional): the file's height
 *
 * Returns: %TRUE with the sizes of what @options would export, or %FALSE with @error saying
 *   why it cannot be exported
 */
gboolean
atlas_export_measure (AtlasSession              *session,
                      const AtlasExportOptions  *options,
                      double                    *width,
                      double                    *height,
                      double                    *device_width,
                      double                    *device_height,
                      GError                   **error)
{
  Canvas canvas;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!atlas_export_check_options (options, error) || !measure (session, options, &canvas, error))
    return FALSE;
  *width = canvas.width;
  *height = canvas.height;
  if (device_width != NULL)
    *device_width = canvas.device_width;
  if (device_height != NULL)
    *device_height = canvas.device_height;
  return TRUE;
}

/* Paints what @options ask for onto a canvas already measured for them. */
static gboolean
paint_canvas (cairo_t                   *cr,
              AtlasSession              *session,
              AtlasFeatures             *features,
              const AtlasExportOptions  *options,
              const Canvas              *canvas,
              GError                   **error)
{
  switch (options->kind)
    {
    case ATLAS_EXPORT_SHEET:
      return atlas_sheet_paint (cr, session, features, options, canvas->width, canvas->height, error);
    case ATLAS_EXPORT_TIMELINE:
      return atlas_sheet_paint_timeline (cr, session, options, canvas->width, canvas->height, error);
    case ATLAS_EXPORT_MAP:
    default:
      {
        AtlasMapViewFrame frame = {
          .latitude = options->latitude,
          .longitude = options->longitude,
          .zoom = options->zoom,
          .width = canvas->width,
          .height = canvas->height,
          .dark = options->dark,
          .legend_card = TRUE,
        };

        return atlas_map_view_painter_paint (cr, session, features, &frame, NULL, error);
      }
    }
}

/**
 * atlas_export_paint:
 *
 * Paints what @options ask for at the origin of @cr, in logical pixels, as the file would
 * show it: for previews.
 */
gboolean
atlas_export_paint (cairo_t                   *cr,
                    AtlasSession              *session,
                    AtlasFeatures             *features,
                    const AtlasExportOptions  *options,
                    GError                   **error)
{
  Canvas canvas;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  return atlas_export_check_options (options, error) &&
         measure (session, options, &canvas, error) &&
         paint_canvas (cr, session, features, options, &canvas, error);
}

/* Where the encoded file goes: a file, or memory. */
typedef struct
{
  AtlasExportFile *file;
  GByteArray      *bytes;
  GError          *error;   /* the first write's that failed */
} Sink;

static cairo_status_t
write_to_sink (void                *user_data,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = user_data;

  if (sink->bytes != NULL)
    {
      g_byte_array_append (sink->bytes, data, length);
      return CAIRO_STATUS_SUCCESS;
    }
  if (sink->error == NULL && atlas_export_file_write (sink->file, data, length, &sink->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
}

/* Paints into a surface of the chosen format that writes to @sink; @name says where, in
 * messages. */
static gboolean
render (AtlasSession              *session,
        AtlasFeatures             *features,
        const AtlasExportOptions  *options,
        const Canvas              *canvas,
        Sink                      *sink,
        const char                *name,
        GError                   **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean painted;
  cairo_t *cr;

  switch (options->format)
    {
    case ATLAS_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_sink, sink, canvas->device_width,
                                                     canvas->device_height);
      /* Sized in pixels, as on screen and on the web, rather than cairo's points; a page
       * keeps its points, so that it prints at its size. */
      cairo_svg_surface_set_document_unit (surface, options->paper != ATLAS_PAPER_NONE ? CAIRO_SVG_UNIT_PT
                                                                                      : CAIRO_SVG_UNIT_PX);
      break;
    case ATLAS_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, canvas->device_width,
                                                     canvas->device_height);
      break;
    case ATLAS_EXPORT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, canvas->device_width, canvas->device_height);
      break;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, canvas->device_scale, canvas->device_scale);
  painted = paint_canvas (cr, session, features, options, canvas, error);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (painted && status == CAIRO_STATUS_SUCCESS && options->format == ATLAS_EXPORT_PNG)
    status = atlas_png_write (surface, write_to_sink, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (painted && status != CAIRO_STATUS_SUCCESS)
    {
      if (sink->error != NULL)
        g_propagate_error (error, g_steal_pointer (&sink->error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw “%s”: %s"),
                     name, cairo_status_to_string (status));
    }
  g_clear_error (&sink->error);
  return painted && status == CAIRO_STATUS_SUCCESS;
}

/**
 * atlas_export_to_bytes:
 *
 * Like atlas_export_write_file(), into memory, for the clipboard.
 *
 * Returns: (transfer full): the encoded file, or %NULL with @error set
 */
GBytes *
atlas_export_to_bytes (AtlasSession              *session,
                       AtlasFeatures             *features,
                       const AtlasExportOptions  *options,
                       GError                   **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  Sink sink = { NULL, bytes, NULL };
  Canvas canvas;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!atlas_export_check_options (options, error) || !measure (session, options, &canvas, error) ||
      !render (session, features, options, &canvas, &sink, _("the clipboard"), error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * atlas_export_write_file:
 * @session: what to show: its filter, date and selection
 * @features: the corridors, zones and places, as the map has them
 * @options: what to export, its size and format
 * @file: the file to write, local or not; replaced only once the export is complete,
 *   keeping its permissions (a new file has those of the umask)
 * @cancellable: (nullable): stops the writing of a file that is not local
 *
 * Returns: %TRUE when @file holds the export, or %FALSE with @error saying what went wrong
 *   and @file untouched
 */
gboolean
atlas_export_write_file (AtlasSession              *session,
                         AtlasFeatures             *features,
                         const AtlasExportOptions  *options,
                         GFile                     *file,
                         GCancellable              *cancellable,
                         GError                   **error)
{
  g_autoptr(AtlasExportFile) output = NULL;
  g_autofree char *name = NULL;
  Sink sink = { NULL, NULL, NULL };
  Canvas canvas;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (options != NULL && G_IS_FILE (file), FALSE);

  if (!atlas_export_check_options (options, error) || !measure (session, options, &canvas, error))
    return FALSE;

  output = atlas_export_file_open (file, cancellable, error);
  if (output == NULL)
    return FALSE;
  sink.file = output;
  name = g_file_get_parse_name (file);
  /* Unless committed, the file is given up when freed, and @file stays as it was. */
  return render (session, features, options, &canvas, &sink, name, error) &&
         atlas_export_file_commit (output, error);
}

/**
 * atlas_export_write:
 * @path: the file to write
 *
 * atlas_export_write_file() for a path, as the command line has.
 */
gboolean
atlas_export_write (AtlasSession              *session,
                    AtlasFeatures             *features,
                    const AtlasExportOptions  *options,
                    const char                *path,
                    GError                   **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  return atlas_export_write_file (session, features, options, file, NULL, error);
}
