/* atlas-accounts.h: what each source says of an event the sources disagree on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-store.h"

G_BEGIN_DECLS

/* One source's account of an event: what it says, and its own excerpts that say it. */
typedef struct
{
  gint64  id;
  char   *key;
  char   *date;         /* the date it gives, at its precision, or NULL */
  char   *description;  /* what it says, in our words, or NULL */
  gint64  source_id;
  char   *source_name;  /* its author, or its publication when it has none */
  gboolean reference;   /* a reference page rather than a document */
  GArray *excerpt_ids;  /* gint64, in the order of the article */
} AtlasAccount;

/* An event with this many accounts or more is disputed. */
#define ATLAS_DISPUTED_ACCOUNTS 2

/* The ids of the disputed events, as a query. */
#define ATLAS_SQL_DISPUTED_EVENTS \
  "SELECT event_id FROM event_accounts GROUP BY event_id" \
  " HAVING count (*) >= " G_STRINGIFY (ATLAS_DISPUTED_ACCOUNTS)

void       atlas_account_free          (AtlasAccount  *account);
GPtrArray *atlas_query_event_accounts  (AtlasStore    *store,
                                        gint64         event_id,
                                        GError       **error);
char      *atlas_account_dup_heading   (const AtlasAccount *account);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasAccount, atlas_account_free)

G_END_DECLS
