/* test-export.c: maps, sheets and timelines as PNG, SVG and PDF files, and their failures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-dataset.h"
#include "atlas-export.h"
#include "atlas-memory-file.h"
#include "atlas-painter.h"
#include "atlas-png.h"
#include "atlas-query.h"
#include "atlas-test-util.h"
#include "atlas-timeline-painter.h"
#include "bench-generate.h"

static AtlasStore *store;
static AtlasFeatures *features;
static AtlasSession *session;

/* Armenia between Gyumri and Vanadzor, with no corridor, place or event nearby. */
#define ARMENIA_LATITUDE 40.72
#define ARMENIA_LONGITUDE 44.2

static AtlasExportOptions
armenia_options (AtlasExportFormat format)
{
  AtlasExportOptions options;

  atlas_export_options_init (&options);
  options.format = format;
  options.latitude = ARMENIA_LATITUDE;
  options.longitude = ARMENIA_LONGITUDE;
  options.zoom = 8;
  options.width = 400;
  options.height = 300;
  return options;
}

static void
export_or_fail (const AtlasExportOptions *options,
                const char               *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_export_write (session, features, options, path, &error));
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
  atlas_test_remove_dir (dir);
}

/* A PNG at the chosen compression opens in another program than ours (ImageMagick) with
 * the size asked for, as opaque RGB, and decodes to the picture that was painted. */
static void
test_export_png_file (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "sheet.png", NULL);
  g_autofree char *command = NULL;
  g_autofree char *described = NULL;
  AtlasExportOptions options = armenia_options (ATLAS_EXPORT_PNG);
  cairo_surface_t *painted, *decoded;
  cairo_t *cr;
  int differing = 0;

  options.kind = ATLAS_EXPORT_SHEET;
  options.width = 1200;
  options.height = 900;
  export_or_fail (&options, png);
  command = g_strdup_printf ("identify -format '%%m %%w %%h %%[channels]' '%s'", png);
  described = run (command);
  g_assert_cmpstr (described, ==, "PNG 1200 900 srgb");

  /* What the file holds is what was painted, to the bit. */
  painted = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 900);
  cr = cairo_create (painted);
  g_assert_true (atlas_export_paint (cr, session, features, &options, NULL));
  cairo_destroy (cr);
  cairo_surface_flush (painted);
  decoded = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < 900; y++)
    for (int x = 0; x < 1200; x++)
      differing += memcmp (pixel_at (painted, x, y), pixel_at (decoded, x, y), 4) != 0;
  g_assert_cmpint (differing, ==, 0);

  cairo_surface_destroy (painted);
  cairo_surface_destroy (decoded);
  atlas_test_remove_dir (dir);
}

static cairo_status_t
append_bytes (void                *bytes,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (bytes, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Bytes in memory, read as cairo reads a PNG stream. */
typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         offset;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *reader = closure;

  if (length > reader->length - reader->offset)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
fail_after_a_while (void                *written,
                    const unsigned char *data,
                    unsigned int         length)
{
  *(gsize *) written += length;
  return *(gsize *) written > 100 ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* Translucent pixels keep their alpha (straight, as PNG has it), and a write that fails
 * partway is reported as cairo reports it. */
static void
test_export_png_alpha (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *decoded;
  Reader reader;
  cairo_t *cr = cairo_create (surface);
  gsize written = 0;

  cairo_set_source_rgba (cr, 0.8, 0.2, 0.1, 0.5);
  cairo_rectangle (cr, 0, 0, 32, 48);
  cairo_fill (cr);
  cairo_destroy (cr);

  g_assert_cmpint (atlas_png_write (surface, append_bytes, bytes), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (bytes->data[25], ==, 6);  /* the colour type in IHDR: RGBA */
  reader = (Reader) { bytes->data, bytes->len, 0 };
  decoded = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < 48; y += 7)
    for (int x = 0; x < 64; x += 5)
      for (int c = 0; c < 4; c++)
        g_assert_cmpint (abs (pixel_at (decoded, x, y)[c] - pixel_at (surface, x, y)[c]), <=, 1);
  cairo_surface_destroy (decoded);

  g_assert_cmpint (atlas_png_write (surface, fail_after_a_while, &written), ==,
                   CAIRO_STATUS_WRITE_ERROR);
  cairo_surface_destroy (surface);
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

  atlas_test_remove_dir (dir);
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
  g_assert_false (atlas_export_write (session, features, &options, existing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  options = armenia_options (ATLAS_EXPORT_PNG);
  options.scale = 4;
  g_assert_false (atlas_export_write (session, features, &options, existing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  options = armenia_options (ATLAS_EXPORT_PNG);
  g_assert_false (atlas_export_write (session, features, &options, missing, &error));
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

/* Through a GFile: a local one as through its path; one with no path, as a remote folder
 * gives, through g_file_replace(), which keeps the old contents when the export fails. */
static void
test_export_gfile (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GFile) local = g_file_new_for_path (path);
  g_autoptr(GFile) remote = atlas_memory_file_new ("map.png");
  g_autoptr(GFile) unwritable = g_file_new_for_uri ("atlas-nowhere:///map.png");
  AtlasExportOptions options = armenia_options (ATLAS_EXPORT_PNG);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_export_write_file (session, features, &options, local, NULL, &error));
  g_assert_no_error (error);
  contents = atlas_test_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), 4, "\x89PNG", 4);
  g_clear_pointer (&contents, g_bytes_unref);

  g_assert_null (g_file_peek_path (remote));
  g_assert_true (g_file_replace_contents (remote, "keep me", 7, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, NULL));
  g_assert_true (atlas_export_write_file (session, features, &options, remote, NULL, &error));
  g_assert_no_error (error);
  contents = atlas_memory_file_contents (remote);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), 4, "\x89PNG", 4);
  g_clear_pointer (&contents, g_bytes_unref);

  /* A full disk half way: the file is as it was, and the message names it. */
  g_assert_true (g_file_replace_contents (remote, "keep me", 7, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, NULL));
  atlas_memory_file_set_space (1000);
  g_assert_false (atlas_export_write_file (session, features, &options, remote, NULL, &error));
  atlas_memory_file_set_space (G_MAXSIZE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "memory:///map.png"));
  g_clear_error (&error);
  contents = atlas_memory_file_contents (remote);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), "keep me", 7);

  /* A location that cannot be written at all says so. */
  g_assert_false (atlas_export_write_file (session, features, &options, unwritable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "atlas-nowhere:///map.png"));

  atlas_test_remove_dir (dir);
}

static guint
file_mode (const char *path)
{
  struct stat info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 07777;
}

/* A file replaced keeps its permissions, such as a private 0600; a new one has the umask's. */
static void
test_export_mode (void)
{
  static const guint modes[] = { 0600, 0640, 0664 };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *fresh = g_build_filename (dir, "new.png", NULL);
  AtlasExportOptions options = armenia_options (ATLAS_EXPORT_PNG);
  mode_t saved_umask = umask (022);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *name = g_strdup_printf ("%o.png", modes[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      atlas_test_write_file (path, "replace me", -1);
      g_assert_cmpint (g_chmod (path, modes[i]), ==, 0);
      export_or_fail (&options, path);
      g_assert_cmpuint (file_mode (path), ==, modes[i]);
    }

  umask (027);
  export_or_fail (&options, fresh);
  g_assert_cmpuint (file_mode (fresh), ==, 0640);
  umask (saved_umask);

  atlas_test_remove_dir (dir);
}

/* An export removes the temporaries that killed exports left beside it, and nothing else:
 * not one still being written (locked), nor another program's files. */
static void
test_export_stale (void)
{
  static const char *kept[] = {
    "map.png.ABC123",                 /* how exports once named them: not clearly ours */
    ".map.png.atlas-tmp-ABC12",       /* too short */
    ".map.png.atlas-tmp-ABC1234",     /* too long */
    ".map.png.atlas-tmp-ABC-12",      /* not from mkstemp */
    "map.png.atlas-tmp-ABC123",       /* not hidden */
  };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *target = g_build_filename (dir, "map.png", NULL);
  g_autofree char *stale = g_build_filename (dir, ".map.png.atlas-tmp-ABC123", NULL);
  g_autofree char *other_stale = g_build_filename (dir, ".sheet.pdf.atlas-tmp-x0Y9zZ", NULL);
  g_autofree char *live = g_build_filename (dir, ".map.png.atlas-tmp-DEF456", NULL);
  g_autofree char *link = g_build_filename (dir, ".map.png.atlas-tmp-GHI789", NULL);
  AtlasExportOptions options = armenia_options (ATLAS_EXPORT_PNG);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint count = 0;
  int fd;

  atlas_test_write_file (stale, "stale", -1);
  atlas_test_write_file (other_stale, "stale", -1);
  atlas_test_write_file (live, "live", -1);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      atlas_test_write_file (path, "kept", -1);
    }
  g_assert_cmpint (symlink (live, link), ==, 0);

  /* Another export is writing this one. */
  fd = open (live, O_RDONLY);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  export_or_fail (&options, target);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (other_stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  /* A target named like a temporary is the user's: a failed export leaves it. */
  {
    g_autofree char *odd = g_build_filename (dir, ".odd.png.atlas-tmp-JKL012", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;
    struct rlimit saved, limit;

    atlas_test_write_file (odd, "keep me", -1);
    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    limit = saved;
    limit.rlim_cur = 1024;
    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    g_assert_false (atlas_export_write (session, features, &options, odd, &error));
    setrlimit (RLIMIT_FSIZE, &saved);
    signal (SIGXFSZ, SIG_DFL);
    g_assert_nonnull (error);
    g_assert_true (g_file_get_contents (odd, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "keep me");
    g_unlink (odd);
  }

  /* Once its writer is gone, the next export removes it too. */
  close (fd);
  export_or_fail (&options, target);
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    count++;
  g_assert_cmpuint (count, ==, 1 + 1 + G_N_ELEMENTS (kept));  /* the target and the link */

  atlas_test_remove_dir (dir);
}

/* The text of a PDF, as pdftotext reads it, with its lines joined by spaces. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -layout '%s' -", pdf);
  g_autofree char *text = run (command);
  g_auto(GStrv) words = g_strsplit_set (text, " \n\f", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[i]);
  return g_string_free (joined, FALSE);
}

static char *
pdf_page_size (const char *pdf)
{
  g_autofree char *command = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_autofree char *info = run (command);
  const char *size = strstr (info, "Page size:");

  g_assert_nonnull (size);
  size += strlen ("Page size:");
  return g_strstrip (g_strndup (size, strcspn (size, "\n")));
}

/* The titles of the sources behind the events of the actor @name, read straight from the
 * store rather than through the code under test. */
static GPtrArray *
source_titles_of_actor (const char *name)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (atlas_store_get_db (store),
                                       "SELECT DISTINCT s.title FROM sources s"
                                       " JOIN excerpts x ON x.source_id = s.id"
                                       " JOIN excerpt_links l ON l.excerpt_id = x.id"
                                       " JOIN event_actors ea ON ea.event_id = l.event_id"
                                       " JOIN actors a ON a.id = ea.actor_id WHERE a.name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (titles, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return titles;
}

/* A zoom or centre that is no number, or just beyond its range, is refused with the value
 * written so that it is clearly beyond (20.0000001, not 20). */
static void
test_export_not_a_number (void)
{
  static const struct { double latitude, longitude, zoom; const char *says; } cases[] = {
    { 40, 45, NAN, "not nan" },
    { 40, 45, 20.0000001, "not 20.0000001" },
    { 40, 45, -INFINITY, "not -inf" },
    { NAN, 45, 7, "not nan, 45" },
    { 40, INFINITY, 7, "not 40, inf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = atlas_test_make_dir ();
      g_autofree char *png = g_build_filename (dir, "map.png", NULL);
      AtlasExportOptions options = armenia_options (ATLAS_EXPORT_PNG);
      g_autoptr(GError) error = NULL;

      options.latitude = cases[i].latitude;
      options.longitude = cases[i].longitude;
      options.zoom = cases[i].zoom;
      g_assert_false (atlas_export_write (session, features, &options, png, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      atlas_test_remove_dir (dir);
    }
}

/* A sheet says what it shows: its title, the day, the filter in words, a legend, a scale
 * bar, the timeline and the sources behind the events, and where the borders come from. */
static void
test_export_sheet (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "sheet.png", NULL);
  g_autoptr(AtlasSession) filtered = atlas_session_new (store);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GPtrArray) titles = source_titles_of_actor ("Iran");
  AtlasExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;
  cairo_surface_t *image;
  gint64 iran;

  g_assert_true (atlas_query_resolve_actor (store, "Iran", &iran, NULL));
  atlas_filter_add_actor (filter, iran);
  atlas_session_set_filter (filtered, filter);
  atlas_session_set_date (filtered, "2025-09-01");

  atlas_export_options_init (&options);
  options.kind = ATLAS_EXPORT_SHEET;
  options.format = ATLAS_EXPORT_PDF;
  options.paper = ATLAS_PAPER_A4;
  options.landscape = TRUE;
  options.title = "Iran and the corridors";
  g_assert_true (atlas_export_write (filtered, features, &options, pdf, &error));
  g_assert_no_error (error);

  size = pdf_page_size (pdf);
  g_assert_cmpstr (size, ==, "841.89 x 595.276 pts (A4)");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Iran and the corridors"));
  g_assert_nonnull (strstr (text, "As of 1 September 2025"));
  g_assert_nonnull (strstr (text, "Actors: Iran"));
  g_assert_nonnull (strstr (text, "Status on the date"));
  g_assert_nonnull (strstr (text, " km"));
  g_assert_nonnull (strstr (text, "Timeline of the"));
  g_assert_nonnull (strstr (text, "Natural Earth"));
  g_assert_cmpuint (titles->len, >, 0);
  for (guint i = 0; i < titles->len; i++)
    {
      /* Titles are cited whole, but pdftotext may break a long one across lines. */
      g_autofree char *start = g_strndup (g_ptr_array_index (titles, i), 20);

      g_assert_nonnull (strstr (text, start));
    }

  /* A PNG of the same sheet is white in its margin and not empty inside. */
  options.format = ATLAS_EXPORT_PNG;
  options.paper = ATLAS_PAPER_NONE;
  options.width = 1200;
  options.height = 900;
  g_assert_true (atlas_export_write (filtered, features, &options, png, &error));
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 900);
  assert_colour (pixel_at (image, 4, 4), (const double[]) { 1, 1, 1 });
  assert_colour (pixel_at (image, 1196, 896), (const double[]) { 1, 1, 1 });
  cairo_surface_destroy (image);

  /* Too small a sheet for a map is refused. */
  options.width = 300;
  options.height = 200;
  g_assert_false (atlas_export_write (filtered, features, &options, png, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  atlas_test_remove_dir (dir);
}

/* With more sources than the page has room for, a sheet cites the first ones in order and
 * says how many more there are: all of them are accounted for. */
static void
test_export_sheet_many_sources (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(AtlasStore) large = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE,
                                                         NULL);
  g_autoptr(AtlasFeatures) large_features = NULL;
  g_autoptr(AtlasSession) large_session = NULL;
  BenchStoreSize size = { .events = 2000, .actors = 20, .places = 20, .passages = 6000 };
  AtlasExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *next = NULL;
  const char *more;
  guint n_sources, left_out;

  bench_generate_store (large, &size);
  large_features = atlas_features_load (large, &error);
  g_assert_no_error (error);
  large_session = atlas_session_new (large);
  n_sources = atlas_test_query_int (large, "SELECT count (DISTINCT source_id) FROM excerpts");
  g_assert_cmpuint (n_sources, >, 300);

  atlas_export_options_init (&options);
  options.kind = ATLAS_EXPORT_SHEET;
  options.format = ATLAS_EXPORT_PDF;
  options.paper = ATLAS_PAPER_A4;
  options.landscape = TRUE;
  g_assert_true (atlas_export_write (large_session, large_features, &options, pdf, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf);
  more = strstr (text, "… and ");
  g_assert_nonnull (more);
  left_out = g_ascii_strtoull (more + strlen ("… and "), NULL, 10);
  g_assert_cmpuint (left_out, >, 0);
  g_assert_cmpuint (left_out, <, n_sources);
  g_assert_nonnull (strstr (more, " more sources"));
  /* The last one cited is the one before those left out. */
  last = g_strdup_printf (" %u. ", n_sources - left_out);
  next = g_strdup_printf (" %u. ", n_sources - left_out + 1);
  g_assert_nonnull (strstr (text, last));
  g_assert_null (strstr (text, next));

  atlas_test_remove_dir (dir);
}

/* Pages are their paper's size: in points for PDF, at 300 dpi for PNG, either way round. */
static void
test_export_paper (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "page.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "page.svg", NULL);
  g_autofree char *rendered = g_build_filename (dir, "rendered.png", NULL);
  g_autofree char *command = NULL;
  AtlasExportOptions options = armenia_options (ATLAS_EXPORT_PDF);
  g_autoptr(GError) error = NULL;
  AtlasPaper paper;
  cairo_surface_t *image;
  double armenia[3];

  options.paper = ATLAS_PAPER_A3;
  options.landscape = TRUE;
  export_or_fail (&options, pdf);
  {
    g_autofree char *size = pdf_page_size (pdf);

    g_assert_cmpstr (size, ==, "1190.55 x 841.89 pts (A3)");
  }

  /* The map is centred on the page: Armenia in the middle. */
  options.format = ATLAS_EXPORT_PNG;
  options.paper = ATLAS_PAPER_A4;
  options.landscape = FALSE;
  export_or_fail (&options, png);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2480);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 3508);
  atlas_painter_country_color ("051", FALSE, armenia);
  assert_colour (pixel_at (image, 1240, 1754), armenia);
  cairo_surface_destroy (image);

  options.format = ATLAS_EXPORT_SVG;
  export_or_fail (&options, svg);
  command = g_strdup_printf ("rsvg-convert -o '%s' '%s'", rendered, svg);
  g_free (run (command));
  image = cairo_image_surface_create_from_png (rendered);
  /* 210 × 297 mm at rsvg-convert's 96 dpi */
  g_assert_cmpint (abs (cairo_image_surface_get_width (image) - 794), <=, 1);
  g_assert_cmpint (abs (cairo_image_surface_get_height (image) - 1123), <=, 1);
  cairo_surface_destroy (image);

  g_assert_true (atlas_export_paper_for_name ("A3", &paper, NULL));
  g_assert_cmpint (paper, ==, ATLAS_PAPER_A3);
  g_assert_false (atlas_export_paper_for_name ("letter", &paper, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  atlas_test_remove_dir (dir);
}

/* The timeline alone, at any width: a lane for each kind of event, every lane in sight,
 * and the events' red marks on them. */
static void
test_export_timeline (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "timeline.png", NULL);
  AtlasExportOptions options;
  cairo_surface_t *image;
  guint marks = 0;
  int width, height, kinds;

  atlas_export_options_init (&options);
  options.kind = ATLAS_EXPORT_TIMELINE;
  options.width = 3000;
  options.height = 0;
  export_or_fail (&options, png);

  image = cairo_image_surface_create_from_png (png);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  g_assert_cmpint (width, ==, 3000);
  /* The axis, a lane for each kind, and a caption under them. */
  kinds = atlas_test_query_int (store, "SELECT count (DISTINCT kind) FROM events");
  g_assert_cmpint (height, ==, ATLAS_TIMELINE_AXIS_HEIGHT + kinds * ATLAS_TIMELINE_LANE_HEIGHT + 4 + 24);

  for (int y = ATLAS_TIMELINE_AXIS_HEIGHT; y < height - 24; y++)
    for (int x = ATLAS_TIMELINE_GUTTER; x < width; x++)
      {
        const guchar *pixel = pixel_at (image, x, y);

        if (pixel[2] > 180 && pixel[1] < 70 && pixel[0] < 70)
          marks++;
      }
  g_assert_cmpuint (marks, >, 100);
  cairo_surface_destroy (image);

  atlas_test_remove_dir (dir);
}

/* Pixels of the selection's blue on the timeline of @session, as a sheet paints it. */
static guint
timeline_blue (AtlasSession *marking,
               guint        *n_marked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  cairo_surface_t *image;
  AtlasTimelineScene scene;
  static const double ink[] = { 0.2, 0.2, 0.2 };
  double height;
  guint blue = 0;
  cairo_t *cr;

  atlas_timeline_scene_init (&scene);
  scene.width = 2400;
  g_assert_true (atlas_timeline_scene_load (&scene, marking, ATLAS_TIMELINE_LANES_BY_KIND, &error));
  g_assert_no_error (error);
  atlas_timeline_scene_show_all (&scene);
  *n_marked = 0;
  for (guint i = 0; scene.marked != NULL && i < scene.marked->len; i++)
    *n_marked += g_array_index (scene.marked, guint8, i);

  height = atlas_timeline_scene_height (&scene);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, scene.width, height);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  layout = pango_cairo_create_layout (cr);
  atlas_timeline_painter_paint (cr, layout, &scene, height, ink);
  cairo_surface_flush (image);
  for (int y = ATLAS_TIMELINE_AXIS_HEIGHT; y < height; y++)
    for (int x = ATLAS_TIMELINE_GUTTER; x < scene.width; x++)
      {
        const guchar *pixel = pixel_at (image, x, y);

        blue += pixel[0] > 180 && pixel[2] < 120;
      }
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  atlas_timeline_scene_clear (&scene);
  return blue;
}

/* The timeline outlines the selected actor's, corridor's or place's events in the
 * selection's blue, on screen and in exports; nothing selected, none. */
static void
test_export_timeline_marks (void)
{
  g_autoptr(AtlasSession) marking = atlas_session_new (store);
  static const struct { const char *table; AtlasItemKind kind; const char *key; const char *sql; } items[] = {
    { "actors", ATLAS_ITEM_ACTOR, "iran",
      "SELECT count (DISTINCT e.event_id) FROM event_actors e JOIN actors a ON a.id = e.actor_id"
      " WHERE a.key = 'iran' OR a.affiliation_id = (SELECT id FROM actors WHERE key = 'iran')" },
    { "corridors", ATLAS_ITEM_CORRIDOR, "tripp",
      "SELECT count (*) FROM event_corridors WHERE corridor_id = (SELECT id FROM corridors WHERE key = 'tripp')" },
    { "places", ATLAS_ITEM_PLACE, "baku",
      "SELECT count (*) FROM events WHERE place_id = (SELECT id FROM places WHERE key = 'baku')" },
  };
  guint marked, unmarked_blue;

  unmarked_blue = timeline_blue (marking, &marked);
  g_assert_cmpuint (marked, ==, 0);
  g_assert_cmpuint (unmarked_blue, <, 10);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      guint blue;

      atlas_session_select (marking, items[i].kind, atlas_test_key_id (store, items[i].table, items[i].key));
      blue = timeline_blue (marking, &marked);
      g_assert_cmpuint (marked, ==, atlas_test_query_int (store, items[i].sql));
      g_assert_cmpuint (marked, >, 0);
      g_assert_cmpuint (blue, >, 20 + unmarked_blue);
    }

  /* An event is shown as selected, not as marks of others. */
  atlas_session_select (marking, ATLAS_ITEM_EVENT,
                        atlas_test_key_id (store, "events", "washington-summit-2025-08-08"));
  timeline_blue (marking, &marked);
  g_assert_cmpuint (marked, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  features = atlas_features_load (store, &error);
  g_assert_no_error (error);
  session = atlas_session_new (store);

  g_test_add_func ("/export/png", test_export_png);
  g_test_add_func ("/export/png-file", test_export_png_file);
  g_test_add_func ("/export/png-alpha", test_export_png_alpha);
  g_test_add_func ("/export/vector", test_export_vector);
  g_test_add_func ("/export/errors", test_export_errors);
  g_test_add_func ("/export/not-a-number", test_export_not_a_number);
  g_test_add_func ("/export/gfile", test_export_gfile);
  g_test_add_func ("/export/mode", test_export_mode);
  g_test_add_func ("/export/stale", test_export_stale);
  g_test_add_func ("/export/sheet", test_export_sheet);
  g_test_add_func ("/export/sheet-many-sources", test_export_sheet_many_sources);
  g_test_add_func ("/export/paper", test_export_paper);
  g_test_add_func ("/export/timeline", test_export_timeline);
  g_test_add_func ("/export/timeline-marks", test_export_timeline_marks);

  status = g_test_run ();
  g_clear_object (&session);
  g_clear_object (&features);
  g_clear_object (&store);
  return status;
}
