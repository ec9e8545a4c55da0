/* test-as-of.c: what the sources let us say of a corridor on a day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-as-of.h"
#include "atlas-test-util.h"

/* Rows as "date status kind", made into entries in the order the rule reads them. */
static GArray *
entries_of (const char * const *rows)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (AtlasStatusEntry));

  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (rows[i], " ", 3);
      AtlasStatusEntry entry;

      g_assert_true (atlas_status_entry_init (&entry, fields[0], fields[1], fields[2], i + 1));
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, atlas_status_entry_compare);
  return entries;
}

/* The status on @day, and which row (1-based, in the order given) decides; 0 for none. */
static AtlasStatus
status_on (GArray     *entries,
           const char *day,
           gint64     *row)
{
  const AtlasStatusEntry *entry = atlas_status_at ((const AtlasStatusEntry *) entries->data,
                                                   entries->len, day);

  *row = entry != NULL ? entry->id : 0;
  return entry != NULL ? entry->status : ATLAS_STATUS_NOT_KNOWN;
}

/* A change holds from its date until the next change. */
static void
test_as_of_changes (void)
{
  static const char * const rows[] = {
    "2006-07 operational change", "2000 proposed change", "2003-05-12 under-construction change",
    NULL,
  };
  g_autoptr(GArray) entries = entries_of (rows);
  gint64 row;

  g_assert_cmpint (status_on (entries, "1999-12-31", &row), ==, ATLAS_STATUS_NOT_KNOWN);
  g_assert_cmpint (row, ==, 0);
  /* A change "in 2000" counts once 2000 is past, not from its first day. */
  g_assert_cmpint (status_on (entries, "2000-06-01", &row), ==, ATLAS_STATUS_NOT_KNOWN);
  g_assert_cmpint (status_on (entries, "2000-12-31", &row), ==, ATLAS_STATUS_PROPOSED);
  g_assert_cmpint (row, ==, 2);
  g_assert_cmpint (status_on (entries, "2003-05-11", &row), ==, ATLAS_STATUS_PROPOSED);
  g_assert_cmpint (status_on (entries, "2003-05-12", &row), ==, ATLAS_STATUS_UNDER_CONSTRUCTION);
  g_assert_cmpint (status_on (entries, "2006-07-30", &row), ==, ATLAS_STATUS_UNDER_CONSTRUCTION);
  g_assert_cmpint (status_on (entries, "2006-07-31", &row), ==, ATLAS_STATUS_OPERATIONAL);
  g_assert_cmpint (status_on (entries, NULL, &row), ==, ATLAS_STATUS_OPERATIONAL);
  g_assert_cmpint (row, ==, 1);
}

/* A report says "S at least by D": it never moves a change, confirms one that says the same,
 * and is the latest word where it says something else. */
static void
test_as_of_reports (void)
{
  static const char * const rows[] = {
    "2025-04 proposed report",          /* 1 */
    "2025-07-25 proposed report",       /* 2 */
    "2025-08-08 agreed change",         /* 3 */
    "2025-10 agreed report",            /* 4 */
    "2026-02 under-construction report", /* 5 */
    NULL,
  };
  g_autoptr(GArray) entries = entries_of (rows);
  gint64 row;

  /* Before anything is known: not known, not the status of a later report. */
  g_assert_cmpint (status_on (entries, "2021-06-01", &row), ==, ATLAS_STATUS_NOT_KNOWN);
  g_assert_cmpint (status_on (entries, "2025-04-15", &row), ==, ATLAS_STATUS_NOT_KNOWN);
  g_assert_cmpint (status_on (entries, "2025-04-30", &row), ==, ATLAS_STATUS_PROPOSED);
  g_assert_cmpint (row, ==, 1);
  g_assert_cmpint (status_on (entries, "2025-08-01", &row), ==, ATLAS_STATUS_PROPOSED);
  g_assert_cmpint (row, ==, 2);
  g_assert_cmpint (status_on (entries, "2025-08-08", &row), ==, ATLAS_STATUS_AGREED);
  g_assert_cmpint (row, ==, 3);
  /* A report that agrees leaves the change its own date. */
  g_assert_cmpint (status_on (entries, "2025-12-01", &row), ==, ATLAS_STATUS_AGREED);
  g_assert_cmpint (row, ==, 3);
  /* One that says something else is what is known after it. */
  g_assert_cmpint (status_on (entries, NULL, &row), ==, ATLAS_STATUS_UNDER_CONSTRUCTION);
  g_assert_cmpint (row, ==, 5);
}

/* A change after a report that said something else decides again; on one day the change
 * decides. */
static void
test_as_of_change_after_report (void)
{
  static const char * const rows[] = {
    "2006 operational change", "2010 suspended report", "2012-03 operational change",
    "2015 proposed report", "2015 agreed change", NULL,
  };
  g_autoptr(GArray) entries = entries_of (rows);
  gint64 row;

  g_assert_cmpint (status_on (entries, "2011-01-01", &row), ==, ATLAS_STATUS_SUSPENDED);
  g_assert_cmpint (row, ==, 2);
  g_assert_cmpint (status_on (entries, "2012-03-31", &row), ==, ATLAS_STATUS_OPERATIONAL);
  g_assert_cmpint (row, ==, 3);
  g_assert_cmpint (status_on (entries, "2016-01-01", &row), ==, ATLAS_STATUS_AGREED);
  g_assert_cmpint (row, ==, 5);
}

/* Rows that cannot be placed in time or say nothing known are left out, never guessed at;
 * a row of an older store, with no kind, is a change. */
static void
test_as_of_bad_rows (void)
{
  AtlasStatusEntry entry;

  g_assert_false (atlas_status_entry_init (&entry, "2025-99", "agreed", "change", 1));
  g_assert_false (atlas_status_entry_init (&entry, NULL, "agreed", "change", 1));
  g_assert_false (atlas_status_entry_init (&entry, "2025", "demolished", "change", 1));
  g_assert_false (atlas_status_entry_init (&entry, "2025", "agreed", "rumour", 1));
  g_assert_true (atlas_status_entry_init (&entry, "2025-02", "agreed", NULL, 1));
  g_assert_cmpint (entry.kind, ==, ATLAS_STATUS_CHANGE);
  g_assert_cmpstr (entry.day, ==, "2025-02-28");
  g_assert_null (atlas_status_at (&entry, 0, NULL));

  g_assert_cmpstr (atlas_status_label (ATLAS_STATUS_AGREED), ==, "Agreed");
  g_assert_cmpstr (atlas_status_label (ATLAS_STATUS_NOT_KNOWN), ==, "Status not known");
}

/* A relation holds between its known dates, each at its own precision. */
static void
test_as_of_relation_interval (void)
{
  /* An alliance from 2000 until December 2024. */
  g_assert_false (atlas_relation_in_force ("2000", "2024-12", NULL, "1999-12-31"));
  g_assert_true (atlas_relation_in_force ("2000", "2024-12", NULL, "2000-01-01"));
  g_assert_true (atlas_relation_in_force ("2000", "2024-12", NULL, "2024-12-31"));
  g_assert_false (atlas_relation_in_force ("2000", "2024-12", NULL, "2025-01-01"));
  g_assert_false (atlas_relation_in_force ("2000", "2024-12", NULL, NULL));
  /* Its reports do not move a known start. */
  g_assert_true (atlas_relation_in_force ("2000", "2024-12", "2025-04", "2010-06-01"));
  /* Open-ended, it still holds. */
  g_assert_true (atlas_relation_in_force ("2025-08-08", NULL, NULL, NULL));
  g_assert_false (atlas_relation_in_force ("2025-08-08", NULL, NULL, "2025-08-07"));
}

/* Lacking a start, a relation is known from its first report, never before, and until any
 * known end; with nothing to date it, it always holds. */
static void
test_as_of_relation_reported (void)
{
  g_autofree char *first = atlas_first_report ("2025,2025-06-05,2025-06,nonsense");
  g_autofree char *none = atlas_first_report ("nonsense,");

  g_assert_cmpstr (first, ==, "2025-06-05");
  g_assert_null (none);

  g_assert_false (atlas_relation_in_force (NULL, NULL, "2025-06", "2021-06-01"));
  g_assert_false (atlas_relation_in_force (NULL, NULL, "2025-06", "2025-06-29"));
  g_assert_true (atlas_relation_in_force (NULL, NULL, "2025-06", "2025-06-30"));
  g_assert_true (atlas_relation_in_force (NULL, NULL, "2025-06", NULL));
  g_assert_false (atlas_relation_in_force (NULL, "2025-08", "2025-06", "2025-09-01"));
  g_assert_true (atlas_relation_in_force (NULL, NULL, NULL, "1900-01-01"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/as-of/changes", test_as_of_changes);
  g_test_add_func ("/as-of/reports", test_as_of_reports);
  g_test_add_func ("/as-of/change-after-report", test_as_of_change_after_report);
  g_test_add_func ("/as-of/bad-rows", test_as_of_bad_rows);
  g_test_add_func ("/as-of/relation-interval", test_as_of_relation_interval);
  g_test_add_func ("/as-of/relation-reported", test_as_of_relation_reported);

  return g_test_run ();
}
