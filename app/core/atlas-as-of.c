/* atlas-as-of.c: what the sources let us say of a corridor's status or a relation on a day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A status row is a change (the corridor became S on date D) or a report (a source of date
 * D says the corridor is S: S at least by D, perhaps long before). As of a day T:
 *
 * - the last change on or before T says what the corridor is, from the date of the change;
 * - a report after that change, on or before T, that says something else is the latest word
 *   and is shown as a report ("S, reported D"); one that says the same only confirms the
 *   change, which keeps its own date: a report never moves a change earlier or later;
 * - with reports only, the latest of them; with nothing on or before T, the status is not
 *   known, which is not the same as "not yet built".
 *
 * A row counts once its whole date is past: from the last day it can mean, so that a change
 * "in 2006" is not shown in March 2006 and a report "of June 2025" is not taken to speak for
 * 1 June. The map, the details, the legend and the command line all ask here.
 *
 * A relation holds between its known dates (from the first day of "from" to the last day of
 * "to", each at its own precision). Lacking a start, it is known to hold from its first
 * report, the earliest date of the sources behind it, and never before: a partnership the
 * documents describe in 2025 is not shown in 2021. A known end ends it either way.
 */

#define G_LOG_DOMAIN "atlas-as-of"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-as-of.h"
#include "atlas-date.h"
#include "atlas-vocabulary.h"

/* The statuses follow the vocabulary's order from ATLAS_STATUS_PROPOSED on. */
AtlasStatus
atlas_status_from_string (const char *text)
{
  int position = atlas_vocabulary_find (ATLAS_VOCABULARY_CORRIDOR_STATUSES, text);

  if (position < 0)
    return ATLAS_STATUS_NOT_KNOWN;
  return ATLAS_STATUS_PROPOSED + position;
}

const char *
atlas_status_label (AtlasStatus status)
{
  if (status < ATLAS_STATUS_PROPOSED || status > ATLAS_STATUS_SUSPENDED)
    return _("Status not known");
  return atlas_vocabulary_get_label (ATLAS_VOCABULARY_CORRIDOR_STATUSES,
                                     atlas_vocabulary_get_term (ATLAS_VOCABULARY_CORRIDOR_STATUSES,
                                                                status - ATLAS_STATUS_PROPOSED));
}

/**
 * atlas_first_report:
 * @dates: (nullable): dates at any precision, separated by commas (as group_concat() joins)
 *
 * Returns: (transfer full) (nullable): the one of @dates by whose end something they report
 *   is known soonest ("2025-06-05" before "2025"), or %NULL when none is a date
 */
char *
atlas_first_report (const char *dates)
{
  g_auto(GStrv) items = g_strsplit (dates != NULL ? dates : "", ",", -1);
  g_autofree char *earliest_day = NULL;
  const char *earliest = NULL;

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *last_day = atlas_date_last_day (items[i]);

      if (last_day != NULL && (earliest_day == NULL || strcmp (last_day, earliest_day) < 0))
        {
          g_free (earliest_day);
          earliest_day = g_steal_pointer (&last_day);
          earliest = items[i];
        }
    }

  return g_strdup (earliest);
}

/**
 * atlas_relation_in_force:
 * @from: (nullable): its known start, at any precision
 * @to: (nullable): its known end
 * @first_report: (nullable): the date of its first report, for a relation with no start
 * @day: (nullable): "YYYY-MM-DD"; %NULL asks whether it still holds
 *
 * Returns: whether the relation holds on @day, by the rule above
 */
gboolean
atlas_relation_in_force (const char *from,
                         const char *to,
                         const char *first_report,
                         const char *day)
{
  g_autofree char *start = from != NULL ? atlas_date_first_day (from)
                                        : atlas_date_last_day (first_report);
  g_autofree char *end = atlas_date_last_day (to);

  if (day == NULL)
    return to == NULL;
  return (start == NULL || strcmp (start, day) <= 0) && (end == NULL || strcmp (day, end) <= 0);
}

/**
 * atlas_status_entry_init:
 * @date: the row's date, at any precision
 * @status: its status term
 * @kind: (nullable): "change" or "report"; %NULL is a change, as every row of an older store
 *
 * Returns: %FALSE when the row cannot be placed in time or says nothing the program knows (a
 *   store changed by hand): it is then left out rather than guessed at.
 */
gboolean
atlas_status_entry_init (AtlasStatusEntry *entry,
                         const char       *date,
                         const char       *status,
                         const char       *kind,
                         gint64            id)
{
  g_autofree char *last_day = atlas_date_last_day (date);
  int kind_position = kind == NULL ? ATLAS_STATUS_CHANGE
                                   : atlas_vocabulary_find (ATLAS_VOCABULARY_STATUS_KINDS, kind);

  g_return_val_if_fail (entry != NULL, FALSE);

  memset (entry, 0, sizeof *entry);
  entry->status = atlas_status_from_string (status);
  if (last_day == NULL || strlen (last_day) >= sizeof entry->day ||
      entry->status == ATLAS_STATUS_NOT_KNOWN || kind_position < 0)
    return FALSE;

  g_strlcpy (entry->day, last_day, sizeof entry->day);
  entry->kind = kind_position;
  entry->id = id;
  return TRUE;
}

/* By day; on one day reports first, so that a change of the same day decides. */
int
atlas_status_entry_compare (gconstpointer a,
                            gconstpointer b)
{
  const AtlasStatusEntry *x = a, *y = b;
  int order = strcmp (x->day, y->day);

  if (order != 0)
    return order;
  if (x->kind != y->kind)
    return x->kind == ATLAS_STATUS_REPORT ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/**
 * atlas_status_at:
 * @entries: a corridor's rows, in the order of atlas_status_entry_compare()
 * @day: (nullable): "YYYY-MM-DD", or %NULL for all that is known
 *
 * Returns: (nullable): the row that says what the corridor is as of @day, by the rule above;
 *   %NULL when nothing is known of it then
 */
const AtlasStatusEntry *
atlas_status_at (const AtlasStatusEntry *entries,
                 guint                   n_entries,
                 const char             *day)
{
  const AtlasStatusEntry *change = NULL;
  const AtlasStatusEntry *report = NULL;

  for (guint i = 0; i < n_entries; i++)
    {
      if (day != NULL && strcmp (entries[i].day, day) > 0)
        break;
      if (entries[i].kind == ATLAS_STATUS_CHANGE)
        {
          change = &entries[i];
          report = NULL;
        }
      else
        report = &entries[i];
    }

  if (report != NULL && (change == NULL || report->status != change->status))
    return report;
  return change;
}
