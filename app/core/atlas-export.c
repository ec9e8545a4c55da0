/* atlas-export.c: views written as PNG, SVG or PDF files, with no display needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map and the timeline are painted by the same painters as the screen's, at the size
 * asked for: a larger export shows more of the map, not a blurred enlargement, and a scale
 * of 2 is the same picture at twice the pixels. Everything is laid out in logical pixels
 * (96 to the inch) and the surface is scaled to the device: PNG pixels, or the points of a
 * PDF or SVG page. A file is written under a temporary name beside the target and renamed
 * over it only once complete, so a failed export leaves an existing file as it was and no
 * partial file behind. A killed export leaves its temporary, which the next export into the
 * same folder removes; the command line removes it itself on SIGINT, SIGTERM and SIGHUP.
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-basemap.h"
#include "atlas-export.h"
#include "atlas-geo.h"
#include "atlas-map-painter.h"
#include "atlas-map-scene.h"
#include "atlas-painter.h"
#include "atlas-sheet.h"

#define MARGIN 12.0

/* Room kept for the attribution in the bottom-right corner, and a sheet's scale bar in the
 * bottom-left, so that no name is placed under them. */
#define ATTRIBUTION_WIDTH  230.0
#define SCALE_BAR_WIDTH    210.0
#define SCALE_BAR_HEIGHT   50.0
#define MM_PER_INCH 25.4

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

/* A page's size in millimetres. */
static void
page_millimetres (AtlasPaper  paper,
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
  page_millimetres (paper, landscape, width, height);
  *width *= 96 / MM_PER_INCH;
  *height *= 96 / MM_PER_INCH;
}

/* What is painted, in logical pixels, and the surface it is painted on. */
typedef struct
{
  double width;
  double height;
  double device_width;    /* PNG pixels, or points for PDF and SVG */
  double device_height;
  double device_scale;    /* device units per logical pixel */
} Canvas;

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

      page_millimetres (options->paper, options->landscape, &width_mm, &height_mm);
      atlas_export_page_size (options->paper, options->landscape, &canvas->width, &canvas->height);
      canvas->device_width = width_mm / MM_PER_INCH * device_per_inch;
      canvas->device_height = height_mm / MM_PER_INCH * device_per_inch;
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

/* Where the legend's card goes, in the bottom-left corner; FALSE for a view too small for
 * it to leave most of the map in sight. */
static gboolean
legend_card_place (double              width,
                   double              height,
                   gboolean            dark,
                   AtlasLegendFlags    drawn,
                   cairo_rectangle_t  *card)
{
  double legend_width, legend_height;

  atlas_map_painter_paint_legend (NULL, drawn, dark, &legend_width, &legend_height);
  if (legend_width + 2 * MARGIN > width / 2.0 || legend_height + 2 * MARGIN > height * 0.75)
    return FALSE;
  *card = (cairo_rectangle_t) { MARGIN, height - MARGIN - legend_height, legend_width, legend_height };
  return TRUE;
}

static void
paint_legend_card (cairo_t                 *cr,
                   const cairo_rectangle_t *card,
                   gboolean                 dark,
                   AtlasLegendFlags         drawn)
{
  double legend_width, legend_height;

  cairo_save (cr);
  cairo_translate (cr, card->x, card->y);
  cairo_rectangle (cr, 0, 0, card->width, card->height);
  if (dark)
    cairo_set_source_rgba (cr, 0.14, 0.14, 0.15, 0.92);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill (cr);
  atlas_map_painter_paint_legend (cr, drawn, dark, &legend_width, &legend_height);
  cairo_restore (cr);
}

/* Where the borders come from, in the bottom-right corner, as the screen credits it. */
static void
paint_attribution (cairo_t  *cr,
                   double    width,
                   double    height,
                   gboolean  dark)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  int text_width, text_height;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, _("Borders: Natural Earth (public domain)"), -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  cairo_save (cr);
  cairo_translate (cr, width - text_width - 8, height - text_height - 6);
  cairo_rectangle (cr, -4, -2, text_width + 8, text_height + 4);
  cairo_set_source_rgba (cr, dark ? 0 : 1, dark ? 0 : 1, dark ? 0 : 1, 0.7);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0, 0.8);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The session's events as glyphs, clustered for the zoom, as the screen shows them. */
static GArray *
event_clusters (AtlasSession   *session,
                AtlasFeatures  *features,
                double          zoom,
                GError        **error)
{
  g_autoptr(GArray) event_places = NULL;
  g_autoptr(GArray) glyphs = NULL;

  event_places = atlas_map_scene_event_places (session, error);
  if (event_places == NULL)
    return NULL;
  glyphs = atlas_map_scene_glyphs (session, features, event_places, NULL);
  return atlas_map_painter_cluster (glyphs, zoom);
}

/**
 * atlas_export_paint_map_view:
 * @legend_card: whether to show the legend on the map, when there is room
 * @drawn: (out) (optional): what the map showed, for a legend beside it
 *
 * Paints the map view of @options from (0, 0) to (@width, @height), with the basemap's
 * attribution in a corner, clipped to that box.
 */
gboolean
atlas_export_paint_map_view (cairo_t                   *cr,
                             AtlasSession              *session,
                             AtlasFeatures             *features,
                             const AtlasExportOptions  *options,
                             double                     width,
                             double                     height,
                             gboolean                   legend_card,
                             AtlasLegendFlags          *drawn,
                             GError                   **error)
{
  double world = atlas_geo_world_size (options->zoom);
  AtlasPoint centre = atlas_geo_project (options->latitude, options->longitude);
  gboolean dark = options->dark && options->kind == ATLAS_EXPORT_MAP;
  AtlasView view = {
    .zoom = options->zoom,
    .x = centre.x * world - width / 2.0,
    .y = centre.y * world - height / 2.0,
    .width = width,
    .height = height,
    .dark = dark,
  };
  g_autoptr(GArray) clusters = event_clusters (session, features, options->zoom, error);
  AtlasMapState state = {
    .basemap = atlas_basemap_get_bundled (),
    .features = features,
    .day = atlas_session_get_date (session),
    .events = clusters,
    .selection = *atlas_session_get_selection (session),
  };
  g_autoptr(GArray) reserved = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  AtlasLegendFlags shown = 0, named = 0;
  cairo_rectangle_t card;
  gboolean has_card;

  if (clusters == NULL)
    return FALSE;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  atlas_painter_paint_basemap (cr, state.basemap, &view);

  /* The shapes first, which say how large the legend is; then the names, clear of the
   * legend, the attribution and a sheet's scale bar, which would otherwise hide them. */
  atlas_map_painter_paint_parts (cr, &view, &state, ATLAS_PAINT_SHAPES, 0, NULL, &shown);
  has_card = legend_card && legend_card_place (width, height, dark, shown, &card);
  if (has_card)
    g_array_append_val (reserved, card);
  g_array_append_val (reserved, ((cairo_rectangle_t) { width - ATTRIBUTION_WIDTH, height - 20,
                                                       ATTRIBUTION_WIDTH, 20 }));
  if (options->kind == ATLAS_EXPORT_SHEET)
    g_array_append_val (reserved, ((cairo_rectangle_t) { 0, height - SCALE_BAR_HEIGHT,
                                                         SCALE_BAR_WIDTH, SCALE_BAR_HEIGHT }));
  state.reserved = reserved;
  atlas_map_painter_paint_parts (cr, &view, &state, ATLAS_PAINT_LABELS, 0, NULL, &named);
  shown |= named;

  /* Measured again with all that was drawn, which the names may have added to. */
  if (has_card && legend_card_place (width, height, dark, shown, &card))
    paint_legend_card (cr, &card, dark, shown);
  paint_attribution (cr, width, height, dark);
  cairo_restore (cr);

  if (drawn != NULL)
    *drawn = shown;
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
      return atlas_export_paint_map_view (cr, session, features, options, canvas->width,
                                          canvas->height, TRUE, NULL, error);
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

/* Where the encoded file goes: a file descriptor, or memory when @bytes is set. */
typedef struct
{
  int         fd;
  int         saved_errno;
  GByteArray *bytes;
  const char *path;         /* for messages */
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
static gboolean
render (AtlasSession              *session,
        AtlasFeatures             *features,
        const AtlasExportOptions  *options,
        const Canvas              *canvas,
        Output                    *output,
        GError                   **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean painted;
  cairo_t *cr;

  switch (options->format)
    {
    case ATLAS_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_fd, output, canvas->device_width,
                                                     canvas->device_height);
      /* Sized in pixels, as on screen and on the web, rather than cairo's points; a page
       * keeps its points, so that it prints at its size. */
      cairo_svg_surface_set_document_unit (surface, options->paper != ATLAS_PAPER_NONE ? CAIRO_SVG_UNIT_PT
                                                                                      : CAIRO_SVG_UNIT_PX);
      break;
    case ATLAS_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_fd, output, canvas->device_width,
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
    status = cairo_surface_write_to_png_stream (surface, write_to_fd, output);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (painted && status != CAIRO_STATUS_SUCCESS)
    {
      if (output->saved_errno != 0)
        set_write_error (error, output->path, output->saved_errno);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw “%s”: %s"),
                     output->path, cairo_status_to_string (status));
    }
  return painted && status == CAIRO_STATUS_SUCCESS;
}

/**
 * atlas_export_to_bytes:
 *
 * Like atlas_export_write(), into memory, for the clipboard.
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
  Output output = { -1, 0, bytes, _("the clipboard") };
  Canvas canvas;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!atlas_export_check_options (options, error) || !measure (session, options, &canvas, error) ||
      !render (session, features, options, &canvas, &output, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Temporaries are named ".NAME.atlas-tmp-XXXXXX" beside their target NAME: hidden, and
 * recognisably ours, so that the next export can remove those a killed one left.
 *
 * Not g_file_replace(): its ".goutputstream-XXXXXX" is no more ours than anyone's, a signal
 * handler cannot learn its name, and when it cannot make a temporary (a full disk) or keep
 * the owner and mode, or the target is a link, it truncates and rewrites the target in place,
 * which a failed or killed export must never do. */
#define TEMPORARY_MARK ".atlas-tmp-"
#define TEMPORARY_RANDOM_LENGTH 6

/* The temporary being written, for atlas_export_remove_temporary() to remove from a signal
 * handler: a fixed buffer, as a handler may not allocate or take locks. Only one export
 * writes at a time (the command line's, or the window's on its main thread). */
static char signal_temporary[4096];
static gint signal_temporary_set;

/* Forgets the temporary, once renamed or removed. */
static void
forget_temporary (void)
{
  g_atomic_int_set (&signal_temporary_set, FALSE);
}

/**
 * atlas_export_remove_temporary:
 *
 * Removes the temporary file that an export is being written to, if one is, and leaves its
 * target as it was. Async-signal-safe: for a handler of a signal that ends the program.
 */
void
atlas_export_remove_temporary (void)
{
  /* Lock-free atomics are safe in a handler, and order the path's bytes before the flag. */
  if (g_atomic_int_get (&signal_temporary_set))
    unlink (signal_temporary);
}

static gboolean
is_temporary_name (const char *name)
{
  const char *mark = g_strrstr (name, TEMPORARY_MARK);

  if (name[0] != '.' || mark == NULL || mark == name ||
      strlen (mark) != strlen (TEMPORARY_MARK) + TEMPORARY_RANDOM_LENGTH)
    return FALSE;
  for (const char *c = mark + strlen (TEMPORARY_MARK); *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  return TRUE;
}

/* Removes the temporaries in @dir that killed exports left, but never @target, whatever its
 * name.
 *
 * Stale is judged by a lock, not by the writer's pid or the file's age: a writer holds
 * flock() on its temporary until it is renamed, and the kernel drops the lock when the
 * writer dies, even by SIGKILL. So a temporary whose lock can be taken is stale however new
 * it is, and one being written is never touched, even by a writer in another pid namespace
 * (another flatpak sandbox) where its pid would mean nothing, or a slow one an age limit
 * would misjudge. Only regular files of ours are removed, and files on a file system without
 * flock() are left alone. */
static void
remove_stale_temporaries (const char *dir,
                          const char *target)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat opened, named;
      int fd;

      if (!is_temporary_name (name) || g_str_equal (name, target))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;
      /* Still the file that was locked, not one made since under the same name. */
      if (fstat (fd, &opened) == 0 && S_ISREG (opened.st_mode) && opened.st_uid == geteuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 && lstat (path, &named) == 0 &&
          named.st_dev == opened.st_dev && named.st_ino == opened.st_ino && unlink (path) == 0)
        g_debug ("Removed %s, left by an export that did not finish", path);
      close (fd);
    }
}

/* Creates and locks a temporary beside @path for writing, with @path's permissions when it
 * is a file already, or the umask's for a new one, and records it for a signal handler.
 * Returns its descriptor, or -1 with errno set. */
static int
create_temporary (const char  *path,
                  char       **temporary)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  /* Room in a 255-byte name for the dot, the mark and the random part, cut between
   * characters. */
  gsize length = strlen (base);
  gsize room = 255 - 1 - strlen (TEMPORARY_MARK) - TEMPORARY_RANDOM_LENGTH;
  sigset_t fatal, saved;
  struct stat target;
  gboolean keep_mode;
  int fd = -1;

  while (length > room || (length > 0 && (base[length] & 0xc0) == 0x80))
    length--;
  keep_mode = g_stat (path, &target) == 0 && S_ISREG (target.st_mode);
  remove_stale_temporaries (dir, base);

  /* Blocked, so that no signal comes between making the file and recording it. (Another
   * thread could still take one; the command line has none, and the next export removes
   * what a signal missed.) */
  forget_temporary ();
  sigemptyset (&fatal);
  sigaddset (&fatal, SIGINT);
  sigaddset (&fatal, SIGTERM);
  sigaddset (&fatal, SIGHUP);
  pthread_sigmask (SIG_BLOCK, &fatal, &saved);

  for (guint attempt = 0; attempt < 10 && fd < 0; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%.*s" TEMPORARY_MARK "XXXXXX", (int) length, base);
      struct stat created;
      gboolean locked;

      g_free (*temporary);
      *temporary = g_build_filename (dir, name, NULL);
      fd = g_mkstemp_full (*temporary, O_WRONLY | O_CLOEXEC, 0666);
      if (fd < 0)
        break;

      /* Held until the file is renamed or removed, to show that it is being written. A
       * file system without flock() cannot show it, and its temporaries are never removed
       * as stale, so the export goes on unlocked there. */
      locked = flock (fd, LOCK_EX | LOCK_NB) == 0;
      if ((!locked && errno == EWOULDBLOCK) || fstat (fd, &created) != 0 || created.st_nlink == 0)
        {
          /* Another export took it for stale before it was locked, and removes it. */
          close (fd);
          fd = -1;
          errno = EEXIST;
          continue;
        }

      /* Only the permissions: a set-user-ID bit has no business on a picture. */
      if (keep_mode && (created.st_mode & 0777) != (target.st_mode & 0777) &&
          fchmod (fd, target.st_mode & 0777) != 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (*temporary);
          fd = -1;
          errno = saved_errno;
          break;
        }
      if (strlen (*temporary) < sizeof signal_temporary)
        {
          strcpy (signal_temporary, *temporary);
          g_atomic_int_set (&signal_temporary_set, TRUE);
        }
    }

  pthread_sigmask (SIG_SETMASK, &saved, NULL);
  return fd;
}

/* Makes the rename itself last through a crash of the system; some file systems cannot. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * atlas_export_write:
 * @session: what to show: its filter, date and selection
 * @features: the corridors, zones and places, as the map has them
 * @options: what to export, its size and format
 * @path: the file to write; replaced only once the export is complete, keeping its
 *   permissions (a new file has those of the umask)
 *
 * Returns: %TRUE when @path holds the export, or %FALSE with @error saying what went wrong
 *   and @path untouched
 */
gboolean
atlas_export_write (AtlasSession              *session,
                    AtlasFeatures             *features,
                    const AtlasExportOptions  *options,
                    const char                *path,
                    GError                   **error)
{
  g_autofree char *temporary = NULL;
  Output output = { -1, 0, NULL, path };
  gboolean rendered;
  Canvas canvas;
  int lock;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);

  if (!atlas_export_check_options (options, error) || !measure (session, options, &canvas, error))
    return FALSE;

  output.fd = create_temporary (path, &temporary);
  if (output.fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create a file beside “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  rendered = render (session, features, options, &canvas, &output, error);
  if (rendered && fsync (output.fd) != 0)
    output.saved_errno = errno;
  /* The lock is kept on a copy of the descriptor until the rename, so that no other export
   * takes the temporary for stale in between; closing the first reports a late write error. */
  lock = fcntl (output.fd, F_DUPFD_CLOEXEC, 0);
  if (close (output.fd) != 0 && rendered && output.saved_errno == 0)
    output.saved_errno = errno;
  if (rendered && output.saved_errno != 0)
    {
      set_write_error (error, path, output.saved_errno);
      rendered = FALSE;
    }

  if (!rendered || g_rename (temporary, path) != 0)
    {
      if (rendered)
        set_write_error (error, path, errno);
      g_unlink (temporary);
      rendered = FALSE;
    }
  forget_temporary ();
  if (lock >= 0)
    close (lock);
  if (rendered)
    sync_folder (path);
  return rendered;
}
