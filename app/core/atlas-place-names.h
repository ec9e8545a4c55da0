/* atlas-place-names.h: one name for a place, as the "Place names" setting chooses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "atlas-store.h"

G_BEGIN_DECLS

/* How places are named: both ways where two states name a place ("Khankendi /
 * Stepanakert"), as the state that administers it names it, or as the documents do. The
 * nicks are the settings' and the command line's words. */
typedef enum
{
  ATLAS_PLACE_NAMES_BOTH,      /*< nick=both >*/
  ATLAS_PLACE_NAMES_OFFICIAL,  /*< nick=official >*/
  ATLAS_PLACE_NAMES_SOURCES,   /*< nick=sources >*/
  ATLAS_N_PLACE_NAMES,         /*< skip >*/
} AtlasPlaceNames;

#define ATLAS_TYPE_PLACE_NAMES (atlas_place_names_get_type ())
GType atlas_place_names_get_type (void) G_GNUC_CONST;

/* A place's names: its English name, the official names of the state that administers it
 * and of another state, and the name the documents use; all but the first may be NULL. */
typedef struct
{
  const char *name;
  const char *official;
  const char *other;
  const char *sources;
} AtlasPlaceNaming;

/* The columns atlas_place_naming_read() reads, for the place row "p" of a query. */
#define ATLAS_SQL_PLACE_NAMING \
  " p.name," \
  " (SELECT n.name FROM names n JOIN official_names o ON o.name_id = n.id" \
  "  WHERE n.place_id = p.id AND o.state_id = p.country_id ORDER BY n.id LIMIT 1)," \
  " (SELECT n.name FROM names n JOIN official_names o ON o.name_id = n.id" \
  "  WHERE n.place_id = p.id AND o.state_id IS NOT p.country_id ORDER BY n.id LIMIT 1)," \
  " (SELECT n.name FROM names n WHERE n.place_id = p.id AND n.in_sources ORDER BY n.id LIMIT 1)"

gboolean    atlas_place_names_from_string (const char             *text,
                                           AtlasPlaceNames        *names);
const char *atlas_place_names_to_string   (AtlasPlaceNames         names);
char       *atlas_place_naming_label      (const AtlasPlaceNaming *naming,
                                           AtlasPlaceNames         names);
char       *atlas_place_naming_read       (sqlite3_stmt           *stmt,
                                           int                     column,
                                           AtlasPlaceNames         names);
char       *atlas_place_label_load        (AtlasStore             *store,
                                           gint64                  place_id,
                                           AtlasPlaceNames         names,
                                           GError                **error);

G_END_DECLS
