/* test-date.c: dates at their precision, in words, as day numbers, and in another locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "atlas-date.h"

static void
test_date_parse (void)
{
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_assert_cmpint (atlas_date_parse ("2025", &first, &last), ==, ATLAS_DATE_YEAR);
  g_assert_cmpint (g_date_get_day_of_year (&first), ==, 1);
  g_assert_cmpint (g_date_get_month (&last), ==, 12);
  g_assert_cmpint (g_date_get_day (&last), ==, 31);

  g_assert_cmpint (atlas_date_parse ("2024-02", &first, &last), ==, ATLAS_DATE_MONTH);
  g_assert_cmpint (g_date_get_day (&last), ==, 29);  /* a leap year */

  g_assert_cmpint (atlas_date_parse ("2025-08-08", NULL, NULL), ==, ATLAS_DATE_DAY);
  g_assert_cmpint (atlas_date_parse ("2025-02-30", NULL, NULL), ==, ATLAS_DATE_INVALID);
  g_assert_cmpint (atlas_date_parse ("2025-13", NULL, NULL), ==, ATLAS_DATE_INVALID);
  g_assert_cmpint (atlas_date_parse ("25-08-08", NULL, NULL), ==, ATLAS_DATE_INVALID);
  g_assert_cmpint (atlas_date_parse ("", NULL, NULL), ==, ATLAS_DATE_INVALID);
  g_assert_cmpint (atlas_date_parse (NULL, NULL, NULL), ==, ATLAS_DATE_INVALID);
}

/* Words at the precision the source gives, never a day or month more. */
static void
test_date_format (void)
{
  static const struct { const char *start, *end; gboolean approximate; const char *words; } cases[] = {
    { "2025", NULL, FALSE, "2025" },
    { "2025-08", NULL, FALSE, "August 2025" },
    { "2025-08-08", NULL, FALSE, "8 August 2025" },
    { "2025-10-12", "2025-10-13", FALSE, "12 – 13 October 2025" },
    { "2025-05", "2025-07", FALSE, "May – July 2025" },
    { "2025-04-30", "2025-05-02", FALSE, "30 April – 2 May 2025" },
    { "2020-09", "2020-11", FALSE, "September – November 2020" },
    { "1920", "1921", FALSE, "1920 – 1921" },
    { "2024-12", "2025-01", FALSE, "December 2024 – January 2025" },
    { "2025-04", NULL, TRUE, "c. April 2025" },
    /* Dates a store made by hand may hold are shown as they are. */
    { "2025-99", "soon", FALSE, "2025-99 – soon" },
    /* Not dates, as a hostile store may hold: shown as they are, without a critical. */
    { "soon", "later", FALSE, "soon – later" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = atlas_date_format_span (cases[i].start, cases[i].end, cases[i].approximate);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_date_numbers (void)
{
  int day = atlas_date_to_number ("2025-08-08");
  g_autofree char *back = atlas_date_from_number (day);
  g_autofree char *next = atlas_date_from_number (day + 24);
  g_autofree char *today = atlas_date_from_number (atlas_date_today_number ());
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected_today = g_date_time_format (now, "%Y-%m-%d");

  /* As the timeline's queries count them: SQLite's julianday (2025-08-08), 2460895.5, cut. */
  g_assert_cmpint (day, ==, 2460895);
  g_assert_cmpstr (back, ==, "2025-08-08");
  g_assert_cmpstr (next, ==, "2025-09-01");
  g_assert_cmpstr (today, ==, expected_today);
  g_assert_cmpint (atlas_date_to_number ("2025-08"), ==, 0);
  g_assert_cmpint (atlas_date_to_number ("not a day"), ==, 0);
}

/* A number that is none, or beyond every calendar, still gives a day GDate can use. */
static void
test_date_not_a_number (void)
{
  static const struct { double number; const char *day; } cases[] = {
    { NAN, "0001-01-01" },
    { -INFINITY, "0001-01-01" },
    { INFINITY, "65535-12-31" },
    { 1e300, "65535-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *day = NULL;
      GDate date;

      atlas_date_number_to_gdate (cases[i].number, &date);
      g_assert_true (g_date_valid (&date));
      day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date));
      g_assert_cmpstr (day, ==, cases[i].day);
    }
}

/* In German, the months are German and the order is the locale's; a day number does not
 * depend on the locale. The locale is built by the test set-up into ATLAS_TEST_LOCPATH. */
static void
test_date_locale (void)
{
  const char *locales = g_getenv ("ATLAS_TEST_LOCPATH");
  g_autofree char *saved = NULL;
  g_autofree char *day = NULL;
  g_autofree char *span = NULL;

  if (locales == NULL)
    {
      g_test_skip ("No German locale was built (localedef and the locales package)");
      return;
    }

  saved = g_strdup (setlocale (LC_ALL, NULL));
  g_setenv ("LOCPATH", locales, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));

  day = atlas_date_format ("2025-03-08");
  span = atlas_date_format_span ("2025-05", "2025-07", FALSE);
  g_assert_cmpstr (day, ==, "8 März 2025");
  g_assert_cmpstr (span, ==, "Mai – Juli 2025");
  g_assert_cmpint (atlas_date_to_number ("2025-08-08"), ==, 2460895);

  setlocale (LC_ALL, saved);
  g_unsetenv ("LOCPATH");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/format", test_date_format);
  g_test_add_func ("/date/numbers", test_date_numbers);
  g_test_add_func ("/date/not-a-number", test_date_not_a_number);
  g_test_add_func ("/date/locale", test_date_locale);

  return g_test_run ();
}
