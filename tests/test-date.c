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

/* What the program writes reads back as the date it was written from, and ISO forms as they
 * are, at their own precision. */
static void
test_date_read (void)
{
  static const struct { const char *text, *iso; } cases[] = {
    { "8 August 2025", "2025-08-08" },
    { "August 2025", "2025-08" },
    { "2025", "2025" },
    { "2025-08-08", "2025-08-08" },
    { "2025-08", "2025-08" },
    { "  8 August 2025 ", "2025-08-08" },
    { "8 august 2025", "2025-08-08" },
    { "8 Aug 2025", "2025-08-08" },
    { "Aug 8, 2025", "2025-08-08" },
    { "29 February 2024", "2024-02-29" },
    { "1 January 1920", "1920-01-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = atlas_date_read (cases[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

/* Every day of a leap year and a common one, written in words and read back. */
static void
test_date_read_round_trip (void)
{
  for (int day = atlas_date_to_number ("2023-01-01"); day <= atlas_date_to_number ("2024-12-31"); day++)
    {
      g_autofree char *iso = atlas_date_from_number (day);
      g_autofree char *month = g_strndup (iso, 7);
      g_autofree char *words = atlas_date_format (iso);
      g_autofree char *month_words = atlas_date_format (month);
      g_autofree char *back = atlas_date_read (words, NULL);
      g_autofree char *month_back = atlas_date_read (month_words, NULL);

      g_assert_cmpstr (back, ==, iso);
      g_assert_cmpstr (month_back, ==, month);
    }

  /* Years before 1000 are written in four digits too, or "31 December 99" reads 99 as a
   * second day (found by the date fuzzer). */
  for (guint i = 0; i < 4; i++)
    {
      static const char * const early[] = { "0001-01-01", "0099-12-31", "0999-05", "0001-01" };
      g_autofree char *words = atlas_date_format (early[i]);
      g_autofree char *back = atlas_date_read (words, NULL);

      g_assert_cmpstr (back, ==, early[i]);
    }
  {
    g_autofree char *words = atlas_date_format ("0099-12-31");

    g_assert_cmpstr (words, ==, "31 December 0099");
  }
}

/* What cannot be read is named in the error. */
static void
test_date_read_errors (void)
{
  static const struct { const char *text, *message; } cases[] = {
    { "32 Foo", "“Foo” is not the name of a month" },
    { "32 August 2025", "32 is not a day of August 2025" },
    { "30 February 2025", "30 is not a day of February 2025" },
    { "8 August", "“8 August” has no year" },
    { "8 2025", "“8 2025” has a day but no month" },
    { "22\xff 2025", "“22\xef\xbf\xbd” is not the name of a month" },
    { "August July 2025", "“July” is a second month" },
    { "2025 2026", "“2026” is a second year" },
    { "2025-13-01", "“2025-13-01” is not a date of the form YYYY-MM-DD" },
    { "123456", "“123456” is neither a day nor a year" },
    { "0 August 2025", "“0” is not a day" },
    { "", "No date was given" },
    { "   ", "No date was given" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = atlas_date_read (cases[i].text, &error);

      g_assert_null (iso);
      g_assert_error (error, ATLAS_DATE_ERROR, ATLAS_DATE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
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

  /* German words read back, with the German translation's full stop after the day. */
  {
    g_autofree char *read = atlas_date_read ("8 März 2025", NULL);
    g_autofree char *dotted = atlas_date_read ("8. März 2025", NULL);
    g_autofree char *month = atlas_date_read ("Mai 2025", NULL);
    g_autofree char *english = atlas_date_read ("8 March 2025", NULL);

    g_assert_cmpstr (read, ==, "2025-03-08");
    g_assert_cmpstr (dotted, ==, "2025-03-08");
    g_assert_cmpstr (month, ==, "2025-05");
    g_assert_cmpstr (english, ==, "2025-03-08");
  }

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
  g_test_add_func ("/date/read", test_date_read);
  g_test_add_func ("/date/read-round-trip", test_date_read_round_trip);
  g_test_add_func ("/date/read-errors", test_date_read_errors);
  g_test_add_func ("/date/numbers", test_date_numbers);
  g_test_add_func ("/date/not-a-number", test_date_not_a_number);
  g_test_add_func ("/date/locale", test_date_locale);

  return g_test_run ();
}
