/* test-export.c: map exports as PNG, SVG and PDF files, and their failures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-export.h"
#include "atlas-painter.h"
#include "atlas-test-util.h"

static AtlasStore *store;
static AtlasFeatures *features;
static AtlasSession *session;

/* Armenia between Gyumri and Vanadzor, with no corridor, place or event nearby. */
#define ARMENIA_LATITUDE 40.72
#define ARMENIA_LONGITUDE 44.2

static AtlasExportOptions
armenia_options (AtlasExportFormat format)
{
  return (AtlasExportOptions) {
    .format = format,
    .latitude = ARMENIA_LATITUDE,
    .longitude = ARMENIA_LONGITUDE,
    .zoom = 8,
    .width = 400,
    .height = 300,
    .scale = 1,
  };
}

static void
export_or_fail (const AtlasExportOptions *options,
                const char               *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_export_map (session, features, options, path, &error));
  g_assert_no_error (error);
}

/* BGRA of the pixel at (@x, @y), as cairo keeps it. */
static const guchar *
pixel_at (cairo_surface_t *image,
          int              x,
          int              y)
{
  return cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image) + x * 4;
}

static void
assert_colour (const guchar *pixel,
               const double *rgb)
{
  g_assert_cmpint (abs (pixel[2] - (int) (rgb[0] * 255)), <=, 3);
  g_assert_cmpint (abs (pixel[1] - (int) (rgb[1] * 255)), <=, 3);
  g_assert_cmpint (abs (pixel[0] - (int) (rgb[2] * 255)), <=, 3);
}

static char *
run (const char *command_line)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_command_line_sync (command_line, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* A PNG has the size asked for and Armenia's colour where Armenia is; at scale 2 it is the
 * same picture at twice the pixels. */
static void
test_export_png (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *one = g_build_filename (dir, "one.png", NULL);
  g_autofree char *two = g_build_filename (dir, "two.png", NULL);
  AtlasExportOptions options = armenia_options (ATLAS_EXPORT_PNG);
  cairo_surface_t *image_one, *image_two;
  int samples = 0, differing = 0;
  double armenia[3];

  export_or_fail (&options, one);
  options.scale = 2;
  export_or_fail (&options, two);

  image_one = cairo_image_surface_create_from_png (one);
  image_two = cairo_image_surface_create_from_png (two);
  g_assert_cmpint (cairo_surface_status (image_one), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image_one), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (image_one), ==, 300);
  g_assert_cmpint (cairo_image_surface_get_width (image_two), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image_two), ==, 600);

  atlas_painter_country_color ("051", FALSE, armenia);
  assert_colour (pixel_at (image_one, 200, 150), armenia);
  assert_colour (pixel_at (image_two, 400, 300), armenia);

  /* The same picture: sampled pixels agree but for a few on an edge or in a glyph. */
  for (int y = 20; y < 280; y += 37)
    for (int x = 20; x < 380; x += 41)
      {
        const guchar *a = pixel_at (image_one, x, y);
        const guchar *b = pixel_at (image_two, 2 * x, 2 * y);
        int difference = abs (a[0] - b[0]) + abs (a[1] - b[1]) + abs (a[2] - b[2]);

        samples++;
        if (difference > 30)
          differing++;
      }
  g_assert_cmpint (differing, <=, samples / 10);

  cairo_surface_destroy (image_one);
  cairo_surface_destroy (image_two);
  g_unlink (one);
  g_unlink (two);
  g_rmdir (dir);
}

/* SVG renders with rsvg-convert at its size; PDF has the page size pdfinfo expects and
 * renders with pdftoppm. */
static void
test_export_vector (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *rendered = g_build_filename (dir, "rendered.png", NULL);
  g_autofree char *page = g_build_filename (dir, "page", NULL);
  g_autofree char *page_png = g_build_filename (dir, "page.png", NULL);
  AtlasExportOptions options = armenia_options (ATLAS_EXPORT_SVG);
  g_autofree char *command = NULL;
  g_autofree char *info = NULL;
  cairo_surface_t *image;
  double armenia[3];

  export_or_fail (&options, svg);
  options.format = ATLAS_EXPORT_PDF;
  export_or_fail (&options, pdf);

  command = g_strdup_printf ("rsvg-convert -o '%s' '%s'", rendered, svg);
  g_free (run (command));
  image = cairo_image_surface_create_from_png (rendered);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 300);
  atlas_painter_country_color ("051", FALSE, armenia);
  assert_colour (pixel_at (image, 200, 150), armenia);
  cairo_surface_destroy (image);

  g_free (command);
  command = g_strdup_printf ("pdfinfo '%s'", pdf);
  info = run (command);
  {
    const char *size = strstr (info, "Page size:");
    g_autofree char *line = NULL;

    g_assert_nonnull (size);
    line = g_strndup (size, strcspn (size, "\n"));
    g_assert_cmpstr (g_strstrip (line + strlen ("Page size:")), ==, "400 x 300 pts");
  }
  g_free (command);
  command = g_strdup_printf ("pdftoppm -png -r 72 -singlefile '%s' '%s'", pdf, page);
  g_free (run (command));
  image = cairo_image_surface_create_from_png (page_png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 400);
  assert_colour (pixel_at (image, 200, 150), armenia);
  cairo_surface_destroy (image);

  g_unlink (svg);
  g_unlink (pdf);
  g_unlink (rendered);
  g_unlink (page_png);
  g_rmdir (dir);
}

/* A failed export says why, leaves an existing file as it was and nothing else behind. */
static void
test_export_errors (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *existing = g_build_filename (dir, "existing.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.png", NULL);
  g_autofree char *contents = NULL;
  AtlasExportOptions options = armenia_options (ATLAS_EXPORT_PNG);
  AtlasExportFormat format;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));

  options.width = ATLAS_EXPORT_MAX_SIDE + 1;
  g_assert_false (atlas_export_map (session, features, &options, existing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  options = armenia_options (ATLAS_EXPORT_PNG);
  options.scale = 4;
  g_assert_false (atlas_export_map (session, features, &options, existing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  options = armenia_options (ATLAS_EXPORT_PNG);
  g_assert_false (atlas_export_map (session, features, &options, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  g_assert_false (atlas_export_format_for_name ("map.jpeg", &format, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_true (atlas_export_format_for_name ("Map.PDF", &format, NULL));
  g_assert_cmpint (format, ==, ATLAS_EXPORT_PDF);

  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");

  /* Only the file that was there. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "existing.png");
  g_assert_null (g_dir_read_name (listing));

  /* A good export replaces it whole. */
  export_or_fail (&options, existing);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));

  g_unlink (existing);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  features = atlas_features_load (store, &error);
  g_assert_no_error (error);
  session = atlas_session_new (store);

  g_test_add_func ("/export/png", test_export_png);
  g_test_add_func ("/export/vector", test_export_vector);
  g_test_add_func ("/export/errors", test_export_errors);

  status = g_test_run ();
  g_clear_object (&session);
  g_clear_object (&features);
  g_clear_object (&store);
  return status;
}
