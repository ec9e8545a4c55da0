/* atlas-saved-views.c: named views of the atlas, kept in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view is what the session holds (filter, selection, "as of" date and whether the events
 * follow it, map view) and the timeline's lane mode, kept as the text form of one GVariant so that a later version can
 * add to it and still read old views.
 */

#define G_LOG_DOMAIN "atlas-saved-views"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-date.h"
#include "atlas-saved-views.h"

#define VIEW_TYPE "a{sv}"

static GVariant *
capture (AtlasSession *session,
         const char   *lanes)
{
  const AtlasItem *selection = atlas_session_get_selection (session);
  GVariantBuilder builder;
  double latitude, longitude, zoom;

  atlas_session_get_map_view (session, &latitude, &longitude, &zoom);
  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "filter",
                         atlas_filter_to_variant (atlas_session_get_filter (session)));
  g_variant_builder_add (&builder, "{sv}", "selection",
                         g_variant_new ("(ix)", selection->kind, selection->id));
  if (atlas_session_get_date (session) != NULL)
    g_variant_builder_add (&builder, "{sv}", "date", g_variant_new_string (atlas_session_get_date (session)));
  g_variant_builder_add (&builder, "{sv}", "events-as-of",
                         g_variant_new_boolean (atlas_session_get_events_as_of (session)));
  g_variant_builder_add (&builder, "{sv}", "map", g_variant_new ("(ddd)", latitude, longitude, zoom));
  if (lanes != NULL)
    g_variant_builder_add (&builder, "{sv}", "lanes", g_variant_new_string (lanes));
  return g_variant_builder_end (&builder);
}

/* GVariant's parse errors start with where they are ("12-15:"), which means nothing to a
 * person reading the message (and is garbage for some errors of GLib 2.74). */
static const char *
without_position (const char *message)
{
  const char *text = message + strspn (message, "0123456789-");

  return text != message && *text == ':' ? text + 1 : message;
}

/* What is wrong with a view's state that the session would not take, or %NULL. */
static char *
find_problem (GVariant *state)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (state);
  g_autoptr(GVariant) filter = g_variant_dict_lookup_value (dict, "filter", G_VARIANT_TYPE_VARDICT);
  const char *date = NULL;
  double latitude, longitude, zoom;

  if (g_variant_dict_lookup (dict, "date", "&s", &date) &&
      atlas_date_parse (date, NULL, NULL) != ATLAS_DATE_DAY)
    return g_strdup_printf (_("its “as of” day “%s” is not a day of the calendar"), date);
  if (filter != NULL &&
      ((g_variant_lookup (filter, "from", "&s", &date) &&
        atlas_date_parse (date, NULL, NULL) == ATLAS_DATE_INVALID) ||
       (g_variant_lookup (filter, "to", "&s", &date) &&
        atlas_date_parse (date, NULL, NULL) == ATLAS_DATE_INVALID)))
    return g_strdup_printf (_("its filter's date “%s” is not a date"), date);
  if (g_variant_dict_lookup (dict, "map", "(ddd)", &latitude, &longitude, &zoom) &&
      !(isfinite (latitude) && isfinite (longitude) && isfinite (zoom)))
    /* Translators: %g are numbers, or "nan" and "inf" for what is none */
    return g_strdup_printf (_("its map is at latitude %g, longitude %g and zoom %g, which are "
                              "not all numbers"), latitude, longitude, zoom);
  return NULL;
}

/* The view's state, checked as far as the session would trust it; %NULL after saying what
 * is wrong, naming the view and the store. */
static GVariant *
parse_state (AtlasStore  *store,
             const char  *name,
             const char  *text,
             GError     **error)
{
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *problem = NULL;

  state = g_variant_parse (G_VARIANT_TYPE (VIEW_TYPE), text, NULL, NULL, &parse_error);
  if (state == NULL)
    /* GLib 2.74 sets no error for some text it refuses (invalid UTF-8). */
    problem = g_strdup (parse_error ? without_position (parse_error->message)
                                    : _("it is not in the form the atlas saves views in"));
  else
    problem = find_problem (state);

  if (problem != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s are a view's name, a file, and what is wrong */
                   _("The saved view “%s” in “%s” cannot be read: %s"), name,
                   atlas_store_get_path (store), problem);
      return NULL;
    }
  return g_steal_pointer (&state);
}

/* @name without its surrounding spaces, or %NULL (and an error) when nothing is left. */
static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  if (*clean == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A view needs a name."));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* Runs @sql, which names the row it wrote with RETURNING id, with @first and @second bound
 * to ?1 and ?2. Fails when the statement fails or writes nothing. */
static gboolean
step_view (AtlasStore  *store,
           const char  *sql,
           const char  *first,
           const char  *second,
           gint64      *id,
           GError     **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no saved view called “%s”."),
                 first);
  else if (rc != SQLITE_ROW &&
           (sqlite3_extended_errcode (atlas_store_get_db (store)) & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("There is already a view called “%s”."), second);
  else if (rc != SQLITE_ROW)
    atlas_store_set_error (store, error, _("Changing a saved view"));
  return rc == SQLITE_ROW;
}

/* Writes one view as a change of the store, so that whatever lists the views hears of it. */
static gboolean
write_view (AtlasStore  *store,
            const char  *sql,
            const char  *first,
            const char  *second,
            GError     **error)
{
  gint64 id = 0;

  if (!atlas_store_begin_change (store, error))
    return FALSE;

  if (!step_view (store, sql, first, second, &id, error))
    {
      atlas_store_rollback_change (store);
      return FALSE;
    }

  atlas_store_note_change (store, ATLAS_ITEM_SAVED_VIEW, id);
  return atlas_store_commit_change (store, error);
}

/* Saves the session's view under @name, replacing a view of that name. */
gboolean
atlas_saved_views_save (AtlasSession  *session,
                        const char    *name,
                        const char    *lanes,
                        GError       **error)
{
  AtlasStore *store;
  g_autoptr(GVariant) state = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);

  if ((clean = clean_name (name, error)) == NULL)
    return FALSE;

  store = atlas_session_get_store (session);
  state = g_variant_ref_sink (capture (session, lanes));
  text = g_variant_print (state, TRUE);
  return write_view (store,
                     "INSERT INTO saved_views (name, state) VALUES (?1, ?2)"
                     " ON CONFLICT (name) DO UPDATE SET state = ?2,"
                     " modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') RETURNING id",
                     clean, text, error);
}

/**
 * atlas_saved_views_open:
 * @lanes: (out) (optional) (nullable): the timeline's lane mode the view was saved with
 *
 * Puts the view called @name into the session.
 */
gboolean
atlas_saved_views_open (AtlasSession  *session,
                        const char    *name,
                        char         **lanes,
                        GError       **error)
{
  AtlasStore *store;
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GVariant) filter_state = NULL;
  g_autoptr(AtlasFilter) filter = NULL;
  g_autofree char *text = NULL;
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  sqlite3_stmt *stmt;
  const char *date = NULL;
  gboolean events_as_of = FALSE;
  double latitude, longitude, zoom;
  gint32 kind;
  gint64 id;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);

  store = atlas_session_get_store (session);
  stmt = atlas_store_prepare (store, "SELECT state FROM saved_views WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = atlas_store_dup_column (stmt, 0);
  sqlite3_reset (stmt);

  if (text == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no saved view called “%s”."),
                   name);
      return FALSE;
    }

  state = parse_state (store, name, text, error);
  if (state == NULL)
    return FALSE;

  g_variant_dict_clear (&dict);
  g_variant_dict_init (&dict, state);
  filter_state = g_variant_dict_lookup_value (&dict, "filter", G_VARIANT_TYPE_VARDICT);
  filter = filter_state ? atlas_filter_new_from_variant (filter_state) : atlas_filter_new ();
  atlas_session_set_filter (session, filter);
  g_variant_dict_lookup (&dict, "date", "&s", &date);
  atlas_session_set_date (session, date);
  /* Views saved before the events could follow the date have them as they were then. */
  g_variant_dict_lookup (&dict, "events-as-of", "b", &events_as_of);
  atlas_session_set_events_as_of (session, events_as_of);
  if (g_variant_dict_lookup (&dict, "map", "(ddd)", &latitude, &longitude, &zoom))
    atlas_session_set_map_view (session, latitude, longitude, zoom);
  if (g_variant_dict_lookup (&dict, "selection", "(ix)", &kind, &id))
    atlas_session_select (session, kind, id);
  if (lanes != NULL)
    *lanes = g_variant_dict_lookup (&dict, "lanes", "s", lanes) ? *lanes : NULL;

  return TRUE;
}

/* The names of the saved views, in alphabetical order. */
GStrv
atlas_saved_views_list (AtlasStore  *store,
                        GError     **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  stmt = atlas_store_prepare (store, "SELECT name FROM saved_views ORDER BY name COLLATE NOCASE",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = atlas_store_dup_column (stmt, 0);

      g_strv_builder_add (names, name);
    }
  if (rc != SQLITE_DONE)
    {
      /* A failed step is not the end of the list: the views after it would be missing. */
      atlas_store_set_error (store, error, _("Listing the saved views"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_strv_builder_end (names);
}

gboolean
atlas_saved_views_rename (AtlasStore  *store,
                          const char  *name,
                          const char  *new_name,
                          GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  return (clean = clean_name (new_name, error)) != NULL &&
         write_view (store, "UPDATE saved_views SET name = ?2,"
                            " modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE name = ?1"
                            " RETURNING id",
                     name, clean, error);
}

gboolean
atlas_saved_views_delete (AtlasStore  *store,
                          const char  *name,
                          GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  return write_view (store, "DELETE FROM saved_views WHERE name = ?1 RETURNING id", name, NULL,
                     error);
}
