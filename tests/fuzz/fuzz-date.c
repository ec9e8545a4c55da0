/* fuzz-date.c: the date parser and formatter on any text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is one date, or a start and an end separated by a newline. Besides not
 * crashing, what the parser accepts must make sense: the first day is not after the last,
 * and a day survives the trip through a day number and back.
 */

#include "config.h"

#include "atlas-date.h"
#include "fuzz-util.h"

/* A date typed in the "as of" entry: read as an ISO date that parses, and that reads back
 * the same from the form the program writes it in; or refused with a message. */
static void
check_typed (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *read = atlas_date_read (text, &error);
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;

  if (read == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (atlas_date_parse (read, NULL, NULL), !=, ATLAS_DATE_INVALID);
  written = atlas_date_format (read);
  again = atlas_date_read (written, NULL);
  g_assert_cmpstr (again, ==, read);
}

static void
check_one (const char *text)
{
  AtlasDatePrecision precision;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *formatted = NULL;
  GDate first_day, last_day;

  g_date_clear (&first_day, 1);
  g_date_clear (&last_day, 1);
  precision = atlas_date_parse (text, &first_day, &last_day);
  first = atlas_date_first_day (text);
  last = atlas_date_last_day (text);
  formatted = atlas_date_format (text);
  g_assert_nonnull (formatted);
  g_assert_true (g_utf8_validate (formatted, -1, NULL) || precision == ATLAS_DATE_INVALID);

  if (precision == ATLAS_DATE_INVALID)
    {
      g_assert_null (first);
      g_assert_null (last);
      g_assert_cmpint (atlas_date_to_number (text), ==, 0);
      return;
    }

  g_assert_true (g_date_valid (&first_day) && g_date_valid (&last_day));
  g_assert_cmpint (g_date_compare (&first_day, &last_day), <=, 0);
  g_assert_nonnull (first);
  g_assert_nonnull (last);
  g_assert_cmpint (strncmp (first, text, strlen (text)), ==, 0);
  g_assert_cmpint (strncmp (last, text, strlen (text)), ==, 0);
  g_assert_cmpstr (atlas_date_precision_name (precision), !=, NULL);

  if (precision == ATLAS_DATE_DAY)
    {
      g_autofree char *back = atlas_date_from_number (atlas_date_to_number (text));

      g_assert_cmpstr (back, ==, text);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  char *end = strchr (text, '\n');
  g_autofree char *span = NULL;
  g_autofree char *approximate = NULL;

  if (end != NULL)
    *end++ = '\0';

  check_one (text);
  check_typed (text);
  if (end != NULL)
    check_one (end);

  span = atlas_date_format_span (text, end, FALSE);
  approximate = atlas_date_format_span (text, end, TRUE);
  g_assert_nonnull (span);
  g_assert_nonnull (approximate);
  return 0;
}
