/* atlas-export-command.c: caucasus-atlas --export, run with no window or display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view starts as the window would open it (the region, today, no filter) or as a saved
 * view has it, then the options change it: --center and --zoom the map, --date the "as of"
 * day, --events-as-of whether the events follow it, --from, --to, --actor and --text the
 * filter. --sheet and --timeline choose what is
 * exported instead of the map, --paper a page size. Errors go to standard error with a
 * non-zero exit: 2 for a bad option, 1 for a store or file that failed. Interrupted (Ctrl+C,
 * SIGTERM, a closed terminal), it removes its temporary file and leaves the target as it was.
 */

#define G_LOG_DOMAIN "atlas-export-command"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>

#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-export.h"
#include "atlas-export-file.h"
#include "atlas-export-command.h"
#include "atlas-features.h"
#include "atlas-query.h"
#include "atlas-saved-views.h"
#include "atlas-session.h"

/**
 * atlas_filter_from_options:
 *
 * Adds the command line's --from, --to, --text, --actor (by any of its names) and --disputed
 * to @filter.
 */
gboolean
atlas_filter_from_options (AtlasStore    *store,
                           GVariantDict  *options,
                           AtlasFilter   *filter,
                           GError       **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) actors = NULL;

  if (g_variant_dict_lookup (options, "from", "s", &from))
    atlas_filter_set_from (filter, from);
  if (g_variant_dict_lookup (options, "to", "s", &to))
    atlas_filter_set_to (filter, to);
  if (g_variant_dict_lookup (options, "text", "s", &text))
    atlas_filter_set_text (filter, text);
  g_variant_dict_lookup (options, "actor", "^as", &actors);
  if (g_variant_dict_contains (options, "disputed"))
    atlas_filter_set_disputed (filter, TRUE);

  for (guint i = 0; actors != NULL && actors[i] != NULL; i++)
    {
      gint64 actor_id;

      if (!atlas_query_resolve_actor (store, actors[i], &actor_id, error))
        return FALSE;
      atlas_filter_add_actor (filter, actor_id);
    }
  return TRUE;
}

/* "WxH", or for a timeline "W" alone, which leaves the height to fit its lanes. */
static gboolean
parse_size (const char *text,
            gboolean    width_alone,
            int        *width,
            int        *height)
{
  char *end;
  gint64 w, h = 0;

  w = g_ascii_strtoll (text, &end, 10);
  if (end == text || w < 1 || w > G_MAXINT)
    return FALSE;
  if (*end == '\0' && width_alone)
    {
      *width = w;
      *height = 0;
      return TRUE;
    }
  if (*end != 'x' && *end != 'X')
    return FALSE;
  text = end + 1;
  h = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || h < 1 || h > G_MAXINT)
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

static gboolean
parse_centre (const char *text,
              double     *latitude,
              double     *longitude)
{
  char *end;

  *latitude = g_ascii_strtod (text, &end);
  if (end == text || *end != ',')
    return FALSE;
  text = end + 1;
  *longitude = g_ascii_strtod (text, &end);
  /* Written so that NaN, which compares false, is refused too. */
  return end != text && *end == '\0' && fabs (*latitude) <= 85 && fabs (*longitude) <= 180;
}

/* A number from 0 to 20 and nothing else: "nan", "inf" and "" are refused. */
static gboolean
parse_zoom (const char *text,
            double     *zoom)
{
  char *end;

  *zoom = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && *zoom >= 0 && *zoom <= 20;
}

/* Reads the view's options into @export, and whether --center and --zoom were given, since
 * they win over a saved view's map; FALSE after saying what is wrong. */
static gboolean
read_view_options (GVariantDict       *options,
                   const char         *file,
                   AtlasExportOptions *export,
                   gboolean           *has_centre,
                   gboolean           *has_zoom)
{
  g_autofree char *format = NULL;
  g_autofree char *size = NULL;
  g_autofree char *centre = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *scale = NULL;
  g_autofree char *zoom = NULL;
  g_autoptr(GError) error = NULL;
  gint64 number;

  if (!atlas_export_format_for_name (g_variant_dict_lookup (options, "format", "s", &format) ? format : file,
                                     &export->format, &error))
    {
      g_printerr ("caucasus-atlas: %s\n", error->message);
      return FALSE;
    }
  if (g_variant_dict_contains (options, "sheet") && g_variant_dict_contains (options, "timeline"))
    {
      g_printerr (_("caucasus-atlas: --sheet and --timeline are different exports: choose one\n"));
      return FALSE;
    }
  if (g_variant_dict_contains (options, "sheet"))
    export->kind = ATLAS_EXPORT_SHEET;
  else if (g_variant_dict_contains (options, "timeline"))
    {
      export->kind = ATLAS_EXPORT_TIMELINE;
      export->height = 0;
    }
  if (g_variant_dict_contains (options, "title") && export->kind != ATLAS_EXPORT_SHEET)
    {
      g_printerr (_("caucasus-atlas: --title goes with --sheet\n"));
      return FALSE;
    }
  g_variant_dict_lookup (options, "title", "&s", &export->title);

  if (g_variant_dict_lookup (options, "size", "s", &size) &&
      !parse_size (size, export->kind == ATLAS_EXPORT_TIMELINE, &export->width, &export->height))
    {
      g_printerr (_("caucasus-atlas: --size takes WIDTHxHEIGHT in pixels, such as 1920x1080, not “%s”\n"),
                  size);
      return FALSE;
    }
  if (g_variant_dict_lookup (options, "paper", "s", &paper))
    {
      if (size != NULL)
        {
          g_printerr (_("caucasus-atlas: --paper sets the size: leave out --size\n"));
          return FALSE;
        }
      if (!atlas_export_paper_for_name (paper, &export->paper, &error))
        {
          g_printerr ("caucasus-atlas: %s\n", error->message);
          return FALSE;
        }
    }
  export->landscape = g_variant_dict_contains (options, "landscape");
  if (export->landscape && export->paper == ATLAS_PAPER_NONE)
    {
      g_printerr (_("caucasus-atlas: --landscape goes with --paper\n"));
      return FALSE;
    }
  if (g_variant_dict_lookup (options, "scale", "s", &scale))
    {
      if (!g_ascii_string_to_signed (scale, 10, 1, 3, &number, NULL))
        {
          g_printerr (_("caucasus-atlas: --scale takes 1, 2 or 3, not “%s”\n"), scale);
          return FALSE;
        }
      export->scale = number;
    }
  *has_centre = g_variant_dict_lookup (options, "center", "s", &centre);
  if (*has_centre && !parse_centre (centre, &export->latitude, &export->longitude))
    {
      g_printerr (_("caucasus-atlas: --center takes LATITUDE,LONGITUDE in degrees, such as "
                    "40.2,44.5, not “%s”\n"), centre);
      return FALSE;
    }
  *has_zoom = g_variant_dict_lookup (options, "zoom", "s", &zoom);
  if (*has_zoom && !parse_zoom (zoom, &export->zoom))
    {
      g_printerr (_("caucasus-atlas: --zoom takes a number from 0 to 20, not “%s”\n"), zoom);
      return FALSE;
    }
  /* The size against the largest export and a sheet's smallest, before any store is made. */
  if (!atlas_export_check_options (export, &error))
    {
      g_printerr ("caucasus-atlas: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* --from and --to as the query will read them. */
static gboolean
check_filter_dates (GVariantDict *options)
{
  static const char *names[] = { "from", "to" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *day = NULL;

      if (!g_variant_dict_lookup (options, names[i], "s", &text))
        continue;
      day = i == 0 ? atlas_date_first_day (text) : atlas_date_last_day (text);
      if (day == NULL)
        {
          g_printerr (_("caucasus-atlas: --%s takes a date as YYYY, YYYY-MM or YYYY-MM-DD, "
                        "not “%s”\n"), names[i], text);
          return FALSE;
        }
    }
  return TRUE;
}

/* The signals that end an export early, and what they did before. */
static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction previous_actions[G_N_ELEMENTS (fatal_signals)];

static void
on_fatal_signal (int signum)
{
  int saved_errno = errno;

  atlas_export_file_remove_temporary ();
  /* SA_RESETHAND has put back the default action: raised again, the signal ends the
   * program as it would have, with the status that tells a shell so. */
  raise (signum);
  errno = saved_errno;
}

/* A plain handler rather than g_unix_signal_add(): the export paints on this thread with no
 * main loop running, so a GSource would be dispatched only once the export was done, and
 * Ctrl+C would have to wait for the whole picture. A signal that the caller ignores (nohup,
 * a background job) stays ignored. */
static void
catch_fatal_signals (void)
{
  struct sigaction action = { .sa_handler = on_fatal_signal, .sa_flags = SA_RESETHAND };

  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    {
      sigaction (fatal_signals[i], NULL, &previous_actions[i]);
      if (previous_actions[i].sa_handler == SIG_DFL)
        sigaction (fatal_signals[i], &action, NULL);
    }
}

static void
release_fatal_signals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    if (previous_actions[i].sa_handler == SIG_DFL)
      sigaction (fatal_signals[i], &previous_actions[i], NULL);
}

/**
 * atlas_export_command_run:
 * @db_path: (nullable): the store to open, or %NULL for the default one
 * @file: where to write
 *
 * Returns: the exit status: 0 when @file holds the export
 */
int
atlas_export_command_run (const char   *db_path,
                          const char   *file,
                          GVariantDict *options)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasSession) session = NULL;
  g_autoptr(AtlasFeatures) features = NULL;
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *view = NULL;
  g_autofree char *date = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *place_names = NULL;
  AtlasPlaceNames names = ATLAS_PLACE_NAMES_BOTH;
  AtlasExportOptions export;
  gboolean has_centre, has_zoom;
  gboolean written;

  /* Every option that can be checked without the store is, before the store is opened: a
   * --db that names no file yet would otherwise be created and filled for nothing. */
  if (g_variant_dict_lookup (options, "date", "s", &date) &&
      atlas_date_parse (date, NULL, NULL) != ATLAS_DATE_DAY)
    {
      g_printerr (_("caucasus-atlas: --date takes a day as YYYY-MM-DD, not “%s”\n"), date);
      return 2;
    }
  if (g_variant_dict_lookup (options, "place-names", "s", &place_names) &&
      !atlas_place_names_from_string (place_names, &names))
    {
      g_printerr (_("caucasus-atlas: --place-names takes both, official or sources, not “%s”\n"),
                  place_names);
      return 2;
    }
  atlas_export_options_init (&export);
  if (!read_view_options (options, file, &export, &has_centre, &has_zoom) ||
      !check_filter_dates (options))
    return 2;

  /* The default store's folder is ours to create; a folder given with --db is not. */
  if (db_path == NULL)
    {
      g_autofree char *folder = NULL;

      db_path = default_path = atlas_store_get_default_path ();
      folder = g_path_get_dirname (default_path);
      g_mkdir_with_parents (folder, 0700);
    }
  store = atlas_dataset_open_store (db_path, ATLAS_STORE_FLAGS_NONE, &error);
  if (store == NULL || (features = atlas_features_load (store, &error)) == NULL)
    {
      g_printerr ("caucasus-atlas: %s\n", error->message);
      return 1;
    }
  atlas_store_read_mapped (store);
  session = atlas_session_new (store);

  if (g_variant_dict_lookup (options, "view", "s", &view))
    {
      g_autofree char *lanes = NULL;

      if (!atlas_saved_views_open (session, view, &lanes, &error))
        {
          g_printerr ("caucasus-atlas: %s\n", error->message);
          return 1;
        }
      atlas_timeline_lanes_from_name (lanes, &export.lanes);
    }

  {
    double latitude, longitude, zoom;

    atlas_session_get_map_view (session, &latitude, &longitude, &zoom);
    if (!has_centre)
      {
        export.latitude = latitude;
        export.longitude = longitude;
      }
    if (!has_zoom)
      export.zoom = zoom;
  }

  filter = atlas_filter_copy (atlas_session_get_filter (session));
  if (!atlas_filter_from_options (store, options, filter, &error))
    {
      g_printerr ("caucasus-atlas: %s\n", error->message);
      return 1;
    }
  atlas_session_set_filter (session, filter);
  if (date != NULL)
    atlas_session_set_date (session, date);
  /* On, or as the saved view has it. */
  if (g_variant_dict_contains (options, "events-as-of"))
    atlas_session_set_events_as_of (session, TRUE);
  atlas_session_set_place_names (session, names);

  catch_fatal_signals ();
  written = atlas_export_write (session, features, &export, file, &error);
  release_fatal_signals ();
  if (!written)
    {
      g_printerr ("caucasus-atlas: %s\n", error->message);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ? 2 : 1;
    }
  return 0;
}
