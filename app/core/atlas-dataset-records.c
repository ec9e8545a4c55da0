/* atlas-dataset-records.c: actors, sources, excerpts, events and relations from the dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-dataset"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-dataset-loader.h"
#include "atlas-vocabulary.h"

gboolean
atlas_loader_load_actor (Loader      *loader,
                         GKeyFile    *keys,
                         const char  *key,
                         GError     **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *color = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(kind = atlas_loader_get_string (loader, keys, "kind", TRUE, error)) ||
      !(name = atlas_loader_get_string (loader, keys, "name", TRUE, error)))
    return FALSE;
  role = atlas_loader_get_string (loader, keys, "role", FALSE, NULL);
  color = atlas_loader_get_string (loader, keys, "color", FALSE, NULL);
  description = atlas_loader_get_string (loader, keys, "description", FALSE, NULL);

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO actors (key, kind, name, role, color, description) "
                              "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  atlas_loader_bind_text (stmt, 1, key);
  atlas_loader_bind_text (stmt, 2, kind);
  atlas_loader_bind_text (stmt, 3, name);
  atlas_loader_bind_text (stmt, 4, role);
  atlas_loader_bind_text (stmt, 5, color);
  atlas_loader_bind_text (stmt, 6, description);

  return atlas_loader_insert_record (loader, stmt, KIND_ACTOR, key, &id, error) &&
         atlas_loader_insert_names (loader, keys, "actor_id", id, error);
}

/* Affiliations may point at actors defined later, so they are set in a second pass. */
gboolean
atlas_loader_load_actor_affiliation (Loader      *loader,
                                     GKeyFile    *keys,
                                     const char  *key,
                                     GError     **error)
{
  g_autofree char *affiliation = atlas_loader_get_string (loader, keys, "affiliation", FALSE, NULL);
  sqlite3_stmt *stmt;
  gint64 id, affiliation_id;

  if (affiliation == NULL)
    return TRUE;

  if (!atlas_loader_resolve (loader, KIND_ACTOR, key, &id, error) ||
      !atlas_loader_resolve (loader, KIND_ACTOR, affiliation, &affiliation_id, error))
    return FALSE;

  stmt = atlas_store_prepare (loader->store,
                              "UPDATE actors SET affiliation_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, affiliation_id);
  sqlite3_bind_int64 (stmt, 2, id);
  return atlas_loader_step (loader, stmt, error);
}

/* Whether the source is a reference page ("kind=reference"), not a document; anything else
 * in kind= is an error. */
static gboolean
get_source_kind (Loader      *loader,
                 GKeyFile    *keys,
                 gboolean    *reference,
                 GError     **error)
{
  g_autofree char *kind = atlas_loader_get_string (loader, keys, "kind", FALSE, NULL);

  if (kind != NULL && atlas_vocabulary_find (ATLAS_VOCABULARY_SOURCE_KINDS, kind) < 0)
    return atlas_loader_fail (loader, error, _("the kind “%s” is neither document nor reference"),
                              kind);
  *reference = g_strcmp0 (kind, "reference") == 0;
  return TRUE;
}

/* A document is an article of the seed documents, found again by its file and line; a
 * reference is a public page, found again by its address, and has neither. */
gboolean
atlas_loader_load_source (Loader      *loader,
                          GKeyFile    *keys,
                          const char  *key,
                          GError     **error)
{
  g_autofree char *title = NULL;
  g_autofree char *publication = NULL;
  g_autofree char *document = NULL;
  g_autofree char *author = NULL;
  g_autofree char *date = NULL;
  g_autofree char *url = NULL;
  g_autofree char *line = NULL;
  gboolean reference = FALSE;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!get_source_kind (loader, keys, &reference, error) ||
      !(title = atlas_loader_get_string (loader, keys, "title", TRUE, error)) ||
      !(publication = atlas_loader_get_string (loader, keys, "publication", TRUE, error)))
    return FALSE;
  document = atlas_loader_get_string (loader, keys, "document", FALSE, NULL);
  line = atlas_loader_get_string (loader, keys, "line", FALSE, NULL);
  url = atlas_loader_get_string (loader, keys, "url", FALSE, NULL);
  if (reference ? url == NULL : document == NULL || line == NULL)
    return atlas_loader_fail (loader, error, _("the field “%s” is missing"),
                              reference ? "url" : document == NULL ? "document" : "line");
  if (reference && (document != NULL || line != NULL))
    return atlas_loader_fail (loader, error, _("a reference is not one of the documents: it has "
                                               "no document or line"));
  if (line != NULL && atoi (line) < 1)
    return atlas_loader_fail (loader, error, _("“%s” is not a line number"), line);
  author = atlas_loader_get_string (loader, keys, "author", FALSE, NULL);
  date = atlas_loader_get_string (loader, keys, "date", FALSE, NULL);

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO sources (key, title, author, publication, date, "
                              "date_approximate, url, document, document_line, kind)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  atlas_loader_bind_text (stmt, 1, key);
  atlas_loader_bind_text (stmt, 2, title);
  atlas_loader_bind_text (stmt, 3, author);
  atlas_loader_bind_text (stmt, 4, publication);
  atlas_loader_bind_text (stmt, 5, date);
  sqlite3_bind_int (stmt, 6, atlas_loader_get_boolean (keys, loader->group, "approximate"));
  atlas_loader_bind_text (stmt, 7, url);
  atlas_loader_bind_text (stmt, 8, document);
  if (line != NULL)
    sqlite3_bind_int (stmt, 9, atoi (line));
  else
    sqlite3_bind_null (stmt, 9);
  atlas_loader_bind_text (stmt, 10, reference ? "reference" : "document");
  return atlas_loader_insert_record (loader, stmt, KIND_SOURCE, key, &id, error);
}

/* Links the excerpt @id to each record listed in its field @field. */
static gboolean
link_excerpt_to (Loader      *loader,
                 GKeyFile    *keys,
                 const char  *field,
                 RecordKind   kind,
                 gint64       id,
                 GError     **error)
{
  return atlas_loader_link_listed (loader, keys, field, kind, KIND_EXCERPT, id, FALSE, error);
}

/* Whether the source @id, loaded before, is a reference. */
static gboolean
source_is_reference (Loader  *loader,
                     gint64   id,
                     gboolean *reference,
                     GError  **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (loader->store,
                                            "SELECT kind = 'reference' FROM sources WHERE id = ?",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return atlas_loader_fail_sql (loader, error);
    }
  *reference = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* An excerpt of a document quotes it (text=, at a paragraph); one of a reference is a note
 * in our own words (note=), which is never taken for a quotation. Both are kept as the
 * excerpt's text, and the source's kind tells them apart. */
gboolean
atlas_loader_load_excerpt (Loader      *loader,
                           GKeyFile    *keys,
                           const char  *key,
                           GError     **error)
{
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *position = NULL;
  const char *words_field;
  gboolean reference = FALSE;
  gint64 source_id, id;
  sqlite3_stmt *stmt;

  if (!(source = atlas_loader_get_string (loader, keys, "source", TRUE, error)) ||
      !atlas_loader_resolve (loader, KIND_SOURCE, source, &source_id, error) ||
      !source_is_reference (loader, source_id, &reference, error))
    return FALSE;
  if (g_key_file_has_key (keys, loader->group, reference ? "text" : "note", NULL))
    return atlas_loader_fail (loader, error,
                              reference ? _("the excerpt of a reference is a note in our own "
                                            "words (note=), not a quotation (text=)")
                                        : _("the excerpt of a document is a quotation (text=), "
                                            "not a note (note=)"));
  words_field = reference ? "note" : "text";
  if (!(text = atlas_loader_get_string (loader, keys, words_field, TRUE, error)))
    return FALSE;
  position = atlas_loader_get_string (loader, keys, "position", FALSE, NULL);

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO excerpts (key, source_id, text, position) "
                              "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  atlas_loader_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, source_id);
  atlas_loader_bind_text (stmt, 3, text);
  if (position != NULL && atoi (position) > 0)
    sqlite3_bind_int (stmt, 4, atoi (position));
  else
    sqlite3_bind_null (stmt, 4);

  return atlas_loader_insert_record (loader, stmt, KIND_EXCERPT, key, &id, error) &&
         link_excerpt_to (loader, keys, "actors", KIND_ACTOR, id, error) &&
         link_excerpt_to (loader, keys, "places", KIND_PLACE, id, error) &&
         link_excerpt_to (loader, keys, "corridors", KIND_CORRIDOR, id, error) &&
         link_excerpt_to (loader, keys, "zones", KIND_ZONE, id, error);
}

/* The events= and relations= of excerpts, once events and relations exist. */
gboolean
atlas_loader_load_excerpt_backlinks (Loader      *loader,
                                     GKeyFile    *keys,
                                     const char  *key,
                                     GError     **error)
{
  gint64 id = 0;

  return atlas_loader_resolve (loader, KIND_EXCERPT, key, &id, error) &&
         link_excerpt_to (loader, keys, "events", KIND_EVENT, id, error) &&
         link_excerpt_to (loader, keys, "relations", KIND_RELATION, id, error);
}

static gboolean
link_event (Loader      *loader,
            GKeyFile    *keys,
            const char  *field,
            const char  *sql,
            RecordKind   kind,
            gint64       event_id,
            GError     **error)
{
  g_auto(GStrv) items = atlas_loader_get_list (loader, keys, field);
  sqlite3_stmt *stmt;

  if (items == NULL)
    return TRUE;

  stmt = atlas_store_prepare (loader->store, sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *role = kind == KIND_ACTOR ? strchr (items[i], ':') : NULL;
      gint64 id;

      if (role != NULL)
        *role++ = '\0';
      if (!atlas_loader_resolve (loader, kind, g_strstrip (items[i]), &id, error))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, id);
      if (kind == KIND_ACTOR)
        atlas_loader_bind_text (stmt, 3, role != NULL && *role != '\0' ? g_strstrip (role) : NULL);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          if (sqlite3_errcode (atlas_store_get_db (loader->store)) == SQLITE_CONSTRAINT)
            return atlas_loader_fail (loader, error, _("“%s” is listed twice in %s"), items[i],
                                      field);
          return atlas_loader_fail_sql (loader, error);
        }
      sqlite3_reset (stmt);
    }

  return TRUE;
}

gboolean
atlas_loader_load_event (Loader      *loader,
                         GKeyFile    *keys,
                         const char  *key,
                         GError     **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *title = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *when = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *place = NULL;
  g_autofree char *note = NULL;
  gint64 place_id = 0, id;
  sqlite3_stmt *stmt;

  if (!(kind = atlas_loader_get_string (loader, keys, "kind", TRUE, error)) ||
      !(title = atlas_loader_get_string (loader, keys, "title", TRUE, error)) ||
      !(start = atlas_loader_get_string (loader, keys, "start", TRUE, error)))
    return FALSE;
  end = atlas_loader_get_string (loader, keys, "end", FALSE, NULL);
  when = atlas_loader_get_string (loader, keys, "when", FALSE, NULL);
  summary = atlas_loader_get_string (loader, keys, "summary", FALSE, NULL);
  place = atlas_loader_get_string (loader, keys, "place", FALSE, NULL);
  note = atlas_loader_get_string (loader, keys, "note", FALSE, NULL);
  if (place != NULL && !atlas_loader_resolve (loader, KIND_PLACE, place, &place_id, error))
    return FALSE;

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO events (key, kind, title, summary, start, end, "
                              "approximate, date_wording, place_id, note) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  atlas_loader_bind_text (stmt, 1, key);
  atlas_loader_bind_text (stmt, 2, kind);
  atlas_loader_bind_text (stmt, 3, title);
  atlas_loader_bind_text (stmt, 4, summary);
  atlas_loader_bind_text (stmt, 5, start);
  atlas_loader_bind_text (stmt, 6, end);
  sqlite3_bind_int (stmt, 7, atlas_loader_get_boolean (keys, loader->group, "approximate"));
  atlas_loader_bind_text (stmt, 8, when);
  atlas_loader_bind_id (stmt, 9, place_id);
  atlas_loader_bind_text (stmt, 10, note);

  return atlas_loader_insert_record (loader, stmt, KIND_EVENT, key, &id, error) &&
         link_event (loader, keys, "actors",
                     "INSERT INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)",
                     KIND_ACTOR, id, error) &&
         link_event (loader, keys, "corridors",
                     "INSERT INTO event_corridors (event_id, corridor_id) VALUES (?, ?)",
                     KIND_CORRIDOR, id, error) &&
         link_event (loader, keys, "zones",
                     "INSERT INTO event_zones (event_id, zone_id) VALUES (?, ?)",
                     KIND_ZONE, id, error) &&
         atlas_loader_link_listed (loader, keys, "excerpts", KIND_EXCERPT, KIND_EVENT, id, TRUE,
                                   error);
}

gboolean
atlas_loader_load_relation (Loader      *loader,
                            GKeyFile    *keys,
                            const char  *key,
                            GError     **error)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gint64 a_id, b_id, id;
  sqlite3_stmt *stmt;

  if (!(a = atlas_loader_get_string (loader, keys, "a", TRUE, error)) ||
      !(b = atlas_loader_get_string (loader, keys, "b", TRUE, error)) ||
      !(kind = atlas_loader_get_string (loader, keys, "kind", TRUE, error)) ||
      !atlas_loader_resolve (loader, KIND_ACTOR, a, &a_id, error) ||
      !atlas_loader_resolve (loader, KIND_ACTOR, b, &b_id, error))
    return FALSE;
  from = atlas_loader_get_string (loader, keys, "from", FALSE, NULL);
  to = atlas_loader_get_string (loader, keys, "to", FALSE, NULL);
  title = atlas_loader_get_string (loader, keys, "title", FALSE, NULL);
  description = atlas_loader_get_string (loader, keys, "description", FALSE, NULL);

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO relations (key, actor_a, actor_b, kind, title, "
                              "description, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  atlas_loader_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, a_id);
  sqlite3_bind_int64 (stmt, 3, b_id);
  atlas_loader_bind_text (stmt, 4, kind);
  atlas_loader_bind_text (stmt, 5, title);
  atlas_loader_bind_text (stmt, 6, description);
  atlas_loader_bind_text (stmt, 7, from);
  atlas_loader_bind_text (stmt, 8, to);

  return atlas_loader_insert_record (loader, stmt, KIND_RELATION, key, &id, error) &&
         atlas_loader_link_listed (loader, keys, "excerpts", KIND_EXCERPT, KIND_RELATION, id, TRUE,
                                   error);
}

/* Links each excerpt of the account @id: the store refuses one of another source, and each
 * also backs the event, whose passages show it. */
static gboolean
link_account_excerpts (Loader      *loader,
                       GKeyFile    *keys,
                       gint64       id,
                       gint64       event_id,
                       GError     **error)
{
  g_auto(GStrv) excerpts = atlas_loader_get_list (loader, keys, "excerpts");
  sqlite3_stmt *stmt;

  if (excerpts == NULL || excerpts[0] == NULL)
    return atlas_loader_fail (loader, error, _("the field “%s” is missing"), "excerpts");

  for (guint i = 0; excerpts[i] != NULL; i++)
    {
      gint64 excerpt_id;

      if (!atlas_loader_resolve (loader, KIND_EXCERPT, excerpts[i], &excerpt_id, error) ||
          (stmt = atlas_store_prepare (loader->store,
                                       "INSERT INTO event_account_excerpts (account_id, excerpt_id)"
                                       " VALUES (?, ?)", error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, excerpt_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          return atlas_loader_fail (loader, error, _("the excerpt “%s” is not of the account’s own "
                                                     "source, or is listed twice"), excerpts[i]);
        }
      sqlite3_reset (stmt);

      stmt = atlas_store_prepare (loader->store, "INSERT OR IGNORE INTO excerpt_links"
                                                 " (excerpt_id, event_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, excerpt_id);
      sqlite3_bind_int64 (stmt, 2, event_id);
      if (!atlas_loader_step (loader, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* One source's account of an event that the sources disagree on: the date it gives and what
 * it says, in our words, backed by its own excerpts. */
gboolean
atlas_loader_load_account (Loader      *loader,
                           GKeyFile    *keys,
                           const char  *key,
                           GError     **error)
{
  g_autofree char *event = NULL;
  g_autofree char *source = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  gint64 event_id, source_id, id;
  sqlite3_stmt *stmt;

  if (!(event = atlas_loader_get_string (loader, keys, "event", TRUE, error)) ||
      !(source = atlas_loader_get_string (loader, keys, "source", TRUE, error)) ||
      !atlas_loader_resolve (loader, KIND_EVENT, event, &event_id, error) ||
      !atlas_loader_resolve (loader, KIND_SOURCE, source, &source_id, error))
    return FALSE;
  date = atlas_loader_get_string (loader, keys, "date", FALSE, NULL);
  description = atlas_loader_get_string (loader, keys, "description", FALSE, NULL);
  if (date == NULL && description == NULL)
    return atlas_loader_fail (loader, error, _("an account says something: a date, a "
                                               "description or both"));

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO event_accounts (key, event_id, source_id, date, description)"
                              " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  atlas_loader_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, event_id);
  sqlite3_bind_int64 (stmt, 3, source_id);
  atlas_loader_bind_text (stmt, 4, date);
  atlas_loader_bind_text (stmt, 5, description);

  return atlas_loader_insert_record (loader, stmt, KIND_ACCOUNT, key, &id, error) &&
         link_account_excerpts (loader, keys, id, event_id, error);
}
