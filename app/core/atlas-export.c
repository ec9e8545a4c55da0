/* atlas-export.c: views written as PNG, SVG or PDF files, with no display needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map is painted by the same painters as the screen's tiles and features, at the size
 * asked for: a larger export shows more of the map, not a blurred enlargement, and a scale
 * of 2 is the same picture at twice the pixels. A file is written under a temporary name
 * beside the target and renamed over it only once complete, so a failed export leaves an
 * existing file as it was and no partial file behind.
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "atlas-basemap.h"
#include "atlas-export.h"
#include "atlas-geo.h"
#include "atlas-map-painter.h"
#include "atlas-map-scene.h"
#include "atlas-painter.h"

#define MARGIN 12.0

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
  static const struct { const char *name; AtlasExportFormat format; } formats[] = {
    { "png", ATLAS_EXPORT_PNG }, { "svg", ATLAS_EXPORT_SVG }, { "pdf", ATLAS_EXPORT_PDF },
  };
  const char *dot = strrchr (name, '.');
  const char *suffix = dot != NULL ? dot + 1 : name;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (suffix, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a format the atlas exports: use png, svg or pdf"), name);
  return FALSE;
}

static gboolean
check_options (const AtlasExportOptions  *options,
               GError                   **error)
{
  int scale = options->format == ATLAS_EXPORT_PNG ? options->scale : 1;

  if (options->scale < 1 || options->scale > 3)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale must be 1, 2 or 3, not %d"), options->scale);
      return FALSE;
    }
  if (options->width < 1 || options->height < 1 ||
      (gint64) options->width * scale > ATLAS_EXPORT_MAX_SIDE ||
      (gint64) options->height * scale > ATLAS_EXPORT_MAX_SIDE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An export of %d × %d at scale %d is beyond what the atlas writes: "
                     "each side must be from 1 to %d pixels"),
                   options->width, options->height, scale, ATLAS_EXPORT_MAX_SIDE);
      return FALSE;
    }
  if (options->zoom < 0 || options->zoom > 20)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The zoom must be from 0 to 20, not %g"), options->zoom);
      return FALSE;
    }
  return TRUE;
}

/* The legend of what was drawn, on a card in the bottom-left corner; left out of a view too
 * small for it to leave most of the map in sight. */
static void
paint_legend (cairo_t                  *cr,
              const AtlasExportOptions *options,
              AtlasLegendFlags          drawn)
{
  double width, height;

  atlas_map_painter_paint_legend (NULL, drawn, options->dark, &width, &height);
  if (width + 2 * MARGIN > options->width / 2.0 || height + 2 * MARGIN > options->height * 0.75)
    return;

  cairo_save (cr);
  cairo_translate (cr, MARGIN, options->height - MARGIN - height);
  cairo_rectangle (cr, 0, 0, width, height);
  if (options->dark)
    cairo_set_source_rgba (cr, 0.14, 0.14, 0.15, 0.92);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill (cr);
  atlas_map_painter_paint_legend (cr, drawn, options->dark, &width, &height);
  cairo_restore (cr);
}

/* Where the borders come from, in the bottom-right corner, as the screen credits it. */
static void
paint_attribution (cairo_t                  *cr,
                   const AtlasExportOptions *options)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  int width, height;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, _("Borders: Natural Earth (public domain)"), -1);
  pango_layout_get_pixel_size (layout, &width, &height);

  cairo_save (cr);
  cairo_translate (cr, options->width - width - 8, options->height - height - 6);
  cairo_rectangle (cr, -4, -2, width + 8, height + 4);
  cairo_set_source_rgba (cr, options->dark ? 0 : 1, options->dark ? 0 : 1, options->dark ? 0 : 1, 0.7);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, options->dark ? 1 : 0, options->dark ? 1 : 0, options->dark ? 1 : 0, 0.8);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
paint_map (cairo_t                  *cr,
           AtlasSession             *session,
           AtlasFeatures            *features,
           GArray                   *clusters,
           const AtlasExportOptions *options)
{
  double world = atlas_geo_world_size (options->zoom);
  AtlasPoint centre = atlas_geo_project (options->latitude, options->longitude);
  AtlasView view = {
    .zoom = options->zoom,
    .x = centre.x * world - options->width / 2.0,
    .y = centre.y * world - options->height / 2.0,
    .width = options->width,
    .height = options->height,
    .dark = options->dark,
  };
  AtlasMapState state = {
    .basemap = atlas_basemap_get_bundled (),
    .features = features,
    .day = atlas_session_get_date (session),
    .events = clusters,
    .selection = *atlas_session_get_selection (session),
  };
  AtlasLegendFlags drawn = 0;

  atlas_painter_paint_basemap (cr, state.basemap, &view);
  atlas_map_painter_paint (cr, &view, &state, &drawn);
  paint_legend (cr, options, drawn);
  paint_attribution (cr, options);
}

/* Where the encoded file goes: a file descriptor, or memory when @bytes is set. */
typedef struct
{
  int         fd;
  int         saved_errno;
  GByteArray *bytes;
} Output;

static cairo_status_t
write_to_fd (void                *user_data,
             const unsigned char *data,
             unsigned int         length)
{
  Output *output = user_data;

  if (output->bytes != NULL)
    {
      g_byte_array_append (output->bytes, data, length);
      return CAIRO_STATUS_SUCCESS;
    }

  while (length > 0)
    {
      ssize_t written = write (output->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          output->saved_errno = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
}

/* Paints into a surface of the chosen format that writes to @output. */
static cairo_status_t
render (AtlasSession             *session,
        AtlasFeatures            *features,
        GArray                   *clusters,
        const AtlasExportOptions *options,
        Output                   *output)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (options->format)
    {
    case ATLAS_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_fd, output, options->width, options->height);
      /* Sized in pixels, as on screen and on the web, rather than cairo's points. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case ATLAS_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_fd, output, options->width, options->height);
      break;
    case ATLAS_EXPORT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width * options->scale,
                                            options->height * options->scale);
      break;
    }

  cr = cairo_create (surface);
  if (options->format == ATLAS_EXPORT_PNG)
    cairo_scale (cr, options->scale, options->scale);
  paint_map (cr, session, features, clusters, options);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && options->format == ATLAS_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_fd, output);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* The session's events as glyphs, clustered for the zoom, as the screen shows them. */
static GArray *
event_clusters (AtlasSession              *session,
                AtlasFeatures             *features,
                const AtlasExportOptions  *options,
                GError                   **error)
{
  g_autoptr(GArray) event_places = NULL;
  g_autoptr(GArray) glyphs = NULL;

  event_places = atlas_map_scene_event_places (session, error);
  if (event_places == NULL)
    return NULL;
  glyphs = atlas_map_scene_glyphs (session, features, event_places, NULL);
  return atlas_map_painter_cluster (glyphs, options->zoom);
}

/**
 * atlas_export_map_to_bytes:
 *
 * Like atlas_export_map(), into memory, for the clipboard.
 *
 * Returns: (transfer full): the encoded file, or %NULL with @error set
 */
GBytes *
atlas_export_map_to_bytes (AtlasSession              *session,
                           AtlasFeatures             *features,
                           const AtlasExportOptions  *options,
                           GError                   **error)
{
  g_autoptr(GArray) clusters = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  Output output = { -1, 0, bytes };
  cairo_status_t status;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_options (options, error) ||
      (clusters = event_clusters (session, features, options, error)) == NULL)
    return NULL;

  status = render (session, features, clusters, options, &output);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the map: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * atlas_export_map:
 * @session: what to show: its filter, date and selection
 * @features: the corridors, zones and places, as the map has them
 * @options: the view, size and format
 * @path: the file to write; replaced only once the export is complete
 *
 * Returns: %TRUE when @path holds the export, or %FALSE with @error saying what went wrong
 *   and @path untouched
 */
gboolean
atlas_export_map (AtlasSession              *session,
                  AtlasFeatures             *features,
                  const AtlasExportOptions  *options,
                  const char                *path,
                  GError                   **error)
{
  g_autofree char *temporary = NULL;
  g_autoptr(GArray) clusters = NULL;
  Output output = { -1, 0, NULL };
  cairo_status_t status;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);

  if (!check_options (options, error) ||
      (clusters = event_clusters (session, features, options, error)) == NULL)
    return FALSE;

  temporary = g_strdup_printf ("%s.XXXXXX", path);
  output.fd = g_mkstemp_full (temporary, O_WRONLY, 0666);
  if (output.fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create a file beside “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  status = render (session, features, clusters, options, &output);
  if (status == CAIRO_STATUS_SUCCESS && fsync (output.fd) != 0)
    output.saved_errno = errno;
  if (close (output.fd) != 0 && output.saved_errno == 0)
    output.saved_errno = errno;

  if (status != CAIRO_STATUS_SUCCESS || output.saved_errno != 0)
    {
      if (output.saved_errno != 0)
        set_write_error (error, path, output.saved_errno);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw “%s”: %s"),
                     path, cairo_status_to_string (status));
      g_unlink (temporary);
      return FALSE;
    }

  if (g_rename (temporary, path) != 0)
    {
      set_write_error (error, path, errno);
      g_unlink (temporary);
      return FALSE;
    }
  return TRUE;
}
