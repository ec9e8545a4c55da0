/* atlas-dataset-loader.h: what the loaders of the dataset's records share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-store.h"

G_BEGIN_DECLS

typedef enum
{
  KIND_ACTOR,
  KIND_PLACE,
  KIND_CORRIDOR,
  KIND_ZONE,
  KIND_SOURCE,
  KIND_EXCERPT,
  KIND_EVENT,
  KIND_RELATION,
  KIND_STATUS,
  KIND_ACCOUNT,
  N_KINDS
} RecordKind;

typedef struct
{
  char     *name;
  GKeyFile *keys;
} DatasetFile;

typedef struct
{
  AtlasStore *store;
  GPtrArray  *files;
  GHashTable *ids[N_KINDS];  /* key -> id, a gint64 of its own: ids pass 2^31 */

  /* Where we are, for messages. */
  const char *file;
  const char *group;
} Loader;

/* The files and their records */
void atlas_loader_file_free (DatasetFile *file);
void atlas_loader_clear (Loader *loader);
gboolean atlas_loader_fail (Loader      *loader,
                            GError     **error,
                            const char  *format,
                            ...) G_GNUC_PRINTF (3, 4);
gboolean atlas_loader_fail_sql (Loader  *loader,
                                GError **error);
int atlas_loader_group_kind (const char  *group,
                             const char **key);
char *atlas_loader_get_string (Loader      *loader,
                               GKeyFile    *keys,
                               const char  *field,
                               gboolean     required,
                               GError     **error);
char **atlas_loader_get_list (Loader     *loader,
                              GKeyFile   *keys,
                              const char *field);
gboolean atlas_loader_get_boolean (GKeyFile   *keys,
                                   const char *group,
                                   const char *field);
gboolean atlas_loader_parse_double (Loader      *loader,
                                    const char  *text,
                                    double       low,
                                    double       high,
                                    double      *value,
                                    GError     **error);
gboolean atlas_loader_parse_point (Loader      *loader,
                                   const char  *text,
                                   double      *lat,
                                   double      *lon,
                                   GError     **error);
gboolean atlas_loader_resolve (Loader      *loader,
                               RecordKind   kind,
                               const char  *key,
                               gint64      *id,
                               GError     **error);

/* Rows */
void atlas_loader_bind_text (sqlite3_stmt *stmt,
                             int           column,
                             const char   *text);
void atlas_loader_bind_id (sqlite3_stmt *stmt,
                           int           column,
                           gint64        id);
gboolean atlas_loader_insert_record (Loader        *loader,
                                     sqlite3_stmt  *stmt,
                                     RecordKind     kind,
                                     const char    *key,
                                     gint64        *id,
                                     GError       **error);
gboolean atlas_loader_step (Loader        *loader,
                            sqlite3_stmt  *stmt,
                            GError       **error);
gboolean atlas_loader_insert_names (Loader      *loader,
                                    GKeyFile    *keys,
                                    const char  *id_column,
                                    gint64       id,
                                    GError     **error);
gboolean atlas_loader_mark_names (Loader      *loader,
                                  GKeyFile    *keys,
                                  const char  *id_column,
                                  gint64       id,
                                  GError     **error);
gboolean atlas_loader_link_listed (Loader      *loader,
                                   GKeyFile    *keys,
                                   const char  *field,
                                   RecordKind   listed_kind,
                                   RecordKind   item_kind,
                                   gint64       item_id,
                                   gboolean     required,
                                   GError     **error);

/* The loader of each kind of record, which atlas-dataset.c runs in phases over every file */
typedef gboolean LoadFunc (Loader      *loader,
                           GKeyFile    *keys,
                           const char  *key,
                           GError     **error);

LoadFunc atlas_loader_load_actor;
LoadFunc atlas_loader_load_actor_affiliation;
LoadFunc atlas_loader_load_place;
LoadFunc atlas_loader_load_corridor;
LoadFunc atlas_loader_load_zone;
LoadFunc atlas_loader_load_source;
LoadFunc atlas_loader_load_excerpt;
LoadFunc atlas_loader_load_excerpt_backlinks;
LoadFunc atlas_loader_load_event;
LoadFunc atlas_loader_load_relation;
LoadFunc atlas_loader_load_status;
LoadFunc atlas_loader_load_account;

G_END_DECLS
