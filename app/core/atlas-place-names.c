/* atlas-place-names.c: one name for a place, as the "Place names" setting chooses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Places in dispute have a name for each side: the city Azerbaijan administers as Khankendi
 * is Stepanakert to Armenia, and the documents may use either. The map names each place one
 * way at a time (it mixed "Şuşa" and "Shusha" before), by the rule chosen here, which the
 * map's labels, the place search, the details and the exports all follow.
 */

#define G_LOG_DOMAIN "atlas-place-names"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-place-names.h"

G_DEFINE_ENUM_TYPE (AtlasPlaceNames, atlas_place_names,
                    G_DEFINE_ENUM_VALUE (ATLAS_PLACE_NAMES_BOTH, "both"),
                    G_DEFINE_ENUM_VALUE (ATLAS_PLACE_NAMES_OFFICIAL, "official"),
                    G_DEFINE_ENUM_VALUE (ATLAS_PLACE_NAMES_SOURCES, "sources"))

/* @text: "both", "official" or "sources" */
gboolean
atlas_place_names_from_string (const char      *text,
                               AtlasPlaceNames *names)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (ATLAS_TYPE_PLACE_NAMES);
  GEnumValue *value = text != NULL ? g_enum_get_value_by_nick (enum_class, text) : NULL;

  if (value == NULL)
    return FALSE;
  *names = value->value;
  return TRUE;
}

const char *
atlas_place_names_to_string (AtlasPlaceNames names)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (ATLAS_TYPE_PLACE_NAMES);
  GEnumValue *value = g_enum_get_value (enum_class, names);

  return value != NULL ? value->value_nick : "both";
}

/**
 * atlas_place_naming_label:
 *
 * Returns: (transfer full): the place's one name under @names: "Khankendi / Stepanakert"
 *   (both: the administering state's name, then another state's), "Khankendi" (official),
 *   or the documents' name; the English name where the rule has none
 */
char *
atlas_place_naming_label (const AtlasPlaceNaming *naming,
                          AtlasPlaceNames         names)
{
  const char *first;

  g_return_val_if_fail (naming != NULL && naming->name != NULL, NULL);

  first = naming->official != NULL ? naming->official : naming->name;
  switch (names)
    {
    case ATLAS_PLACE_NAMES_OFFICIAL:
      return g_strdup (first);
    case ATLAS_PLACE_NAMES_SOURCES:
      return g_strdup (naming->sources != NULL ? naming->sources : naming->name);
    case ATLAS_PLACE_NAMES_BOTH:
    case ATLAS_N_PLACE_NAMES:
    default:
      if (naming->other != NULL && g_strcmp0 (naming->other, first) != 0)
        /* Translators: a place both states name, as the administering state names it and
         * as the other does: "Khankendi / Stepanakert" */
        return g_strdup_printf (_("%s / %s"), first, naming->other);
      return g_strdup (first);
    }
}

/* The label of the place whose ATLAS_SQL_PLACE_NAMING columns start at @column. */
char *
atlas_place_naming_read (sqlite3_stmt    *stmt,
                         int              column,
                         AtlasPlaceNames  names)
{
  g_autofree char *name = atlas_store_dup_column (stmt, column);
  g_autofree char *official = atlas_store_dup_column (stmt, column + 1);
  g_autofree char *other = atlas_store_dup_column (stmt, column + 2);
  g_autofree char *sources = atlas_store_dup_column (stmt, column + 3);
  AtlasPlaceNaming naming = { name ? name : "", official, other, sources };

  return atlas_place_naming_label (&naming, names);
}

/**
 * atlas_place_label_load:
 *
 * Returns: (transfer full) (nullable): the name of @place_id under @names; %NULL with @error
 *   set when the store has no such place or could not be read
 */
char *
atlas_place_label_load (AtlasStore       *store,
                        gint64            place_id,
                        AtlasPlaceNames   names,
                        GError          **error)
{
  sqlite3_stmt *stmt;
  char *label = NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  stmt = atlas_store_prepare (store, "SELECT" ATLAS_SQL_PLACE_NAMING " FROM places p WHERE p.id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, place_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    label = atlas_place_naming_read (stmt, 0, names);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, _("The place is not in the store"));
  else
    atlas_store_set_error (store, error, _("Reading a place’s names"));
  sqlite3_reset (stmt);
  return label;
}
