/* atlas-as-of.h: what the sources let us say of a corridor's status or a relation on a day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_STATUS_NOT_KNOWN,  /* nothing is known of it as of the day */
  ATLAS_STATUS_PROPOSED,
  ATLAS_STATUS_AGREED,
  ATLAS_STATUS_UNDER_CONSTRUCTION,
  ATLAS_STATUS_OPERATIONAL,
  ATLAS_STATUS_SUSPENDED,
} AtlasStatus;

/* What a status row claims (the order of the vocabulary's status kinds). */
typedef enum
{
  ATLAS_STATUS_CHANGE,     /* the corridor became the status on the date */
  ATLAS_STATUS_REPORT,     /* a source of the date says the corridor is in it */
} AtlasStatusKind;

typedef struct
{
  char            day[11];  /* from when it counts: the last day its date can mean */
  AtlasStatus     status;
  AtlasStatusKind kind;
  gint64          id;       /* to find its row again: its id, or its index in a list */
} AtlasStatusEntry;

gboolean                atlas_status_entry_init (AtlasStatusEntry       *entry,
                                                 const char             *date,
                                                 const char             *status,
                                                 const char             *kind,
                                                 gint64                  id);
int                     atlas_status_entry_compare (gconstpointer        a,
                                                    gconstpointer        b);
const AtlasStatusEntry *atlas_status_at          (const AtlasStatusEntry *entries,
                                                  guint                   n_entries,
                                                  const char             *day);

char                   *atlas_first_report       (const char             *dates);
gboolean                atlas_relation_in_force  (const char             *from,
                                                  const char             *to,
                                                  const char             *first_report,
                                                  const char             *day);

AtlasStatus             atlas_status_from_string (const char             *text);
const char             *atlas_status_label       (AtlasStatus             status);

G_END_DECLS
