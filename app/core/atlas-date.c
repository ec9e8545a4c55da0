/* atlas-date.c: dates at the precision the sources give (year, month or day)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date is ISO 8601 text cut to its precision: "2025", "2025-08" or "2025-08-08". Such a
 * date stands for every day from its first to its last, which is what range filters use.
 */

#define G_LOG_DOMAIN "atlas-date"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-date.h"

static gboolean
parse_number (const char *text,
              guint       digits,
              guint      *value)
{
  *value = 0;
  for (guint i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return TRUE;
}

/**
 * atlas_date_parse:
 * @text: "YYYY", "YYYY-MM" or "YYYY-MM-DD"
 * @first_day: (out) (optional): the first day @text can mean
 * @last_day: (out) (optional): the last day @text can mean
 *
 * Returns: the precision of @text, or %ATLAS_DATE_INVALID
 */
AtlasDatePrecision
atlas_date_parse (const char *text,
                  GDate      *first_day,
                  GDate      *last_day)
{
  guint year, month = 1, day = 1;
  AtlasDatePrecision precision;
  gsize length;

  if (text == NULL)
    return ATLAS_DATE_INVALID;

  length = strlen (text);
  if (length != 4 && length != 7 && length != 10)
    return ATLAS_DATE_INVALID;
  if (!parse_number (text, 4, &year) || year < 1)
    return ATLAS_DATE_INVALID;
  precision = ATLAS_DATE_YEAR;

  if (length >= 7)
    {
      if (text[4] != '-' || !parse_number (text + 5, 2, &month) || month < 1 || month > 12)
        return ATLAS_DATE_INVALID;
      precision = ATLAS_DATE_MONTH;
    }
  if (length == 10)
    {
      if (text[7] != '-' || !parse_number (text + 8, 2, &day) ||
          !g_date_valid_dmy (day, month, year))
        return ATLAS_DATE_INVALID;
      precision = ATLAS_DATE_DAY;
    }

  if (first_day != NULL)
    g_date_set_dmy (first_day, day, month, year);

  if (last_day != NULL)
    {
      switch (precision)
        {
        case ATLAS_DATE_YEAR:
          g_date_set_dmy (last_day, 31, 12, year);
          break;
        case ATLAS_DATE_MONTH:
          g_date_set_dmy (last_day, g_date_get_days_in_month (month, year), month, year);
          break;
        case ATLAS_DATE_DAY:
        case ATLAS_DATE_INVALID:
        default:
          g_date_set_dmy (last_day, day, month, year);
          break;
        }
    }

  return precision;
}

const char *
atlas_date_precision_name (AtlasDatePrecision precision)
{
  switch (precision)
    {
    case ATLAS_DATE_YEAR:
      return "year";
    case ATLAS_DATE_MONTH:
      return "month";
    case ATLAS_DATE_DAY:
      return "day";
    case ATLAS_DATE_INVALID:
    default:
      return NULL;
    }
}

static char *
iso_day (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* The first day @text can mean, as "YYYY-MM-DD", or %NULL when @text is not a date. */
char *
atlas_date_first_day (const char *text)
{
  GDate first;

  g_date_clear (&first, 1);
  if (atlas_date_parse (text, &first, NULL) == ATLAS_DATE_INVALID)
    return NULL;

  return iso_day (&first);
}

char *
atlas_date_last_day (const char *text)
{
  GDate last;

  g_date_clear (&last, 1);
  if (atlas_date_parse (text, NULL, &last) == ATLAS_DATE_INVALID)
    return NULL;

  return iso_day (&last);
}

/**
 * atlas_date_format:
 * @text: a date at any precision
 *
 * Returns: @text for people, in the current locale, at its own precision:
 *   "8 August 2025", "August 2025" or "2025". Never adds a day or month that is not there.
 */
static char *
format_with (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);
  g_autoptr(GString) pattern = g_string_new (format);
  g_autofree char *year = g_strdup_printf ("%04u", (guint) g_date_get_year (date));

  /* The year in four digits, as a date at a year's precision and ISO dates are written:
   * strftime's "%Y" writes the year 99 as "99", which reads back as a day. */
  g_string_replace (pattern, "%Y", year, 0);
  return g_date_time_format (time, pattern->str);
}

char *
atlas_date_format (const char *text)
{
  const char *format;
  GDate first;

  g_date_clear (&first, 1);
  switch (atlas_date_parse (text, &first, NULL))
    {
    case ATLAS_DATE_YEAR:
      return g_strndup (text, 4);
    case ATLAS_DATE_MONTH:
      /* Translators: a month and year, in strftime format; see "man strftime" */
      format = C_("date", "%B %Y");
      break;
    case ATLAS_DATE_DAY:
      /* Translators: a day, month and year, in strftime format */
      format = C_("date", "%-d %B %Y");
      break;
    case ATLAS_DATE_INVALID:
    default:
      return g_strdup (text ? text : "");
    }

  return format_with (&first, format);
}

/* The start of a span, leaving out what the end says again: "12" of "12 – 13 July 2025",
 * "May" of "May – July 2025". */
static char *
format_span_start (const char *start,
                   const char *end)
{
  AtlasDatePrecision precision;
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  precision = atlas_date_parse (start, &a, NULL);
  /* Two invalid dates have the same precision but no year to compare. */
  if (precision == ATLAS_DATE_INVALID || precision != atlas_date_parse (end, &b, NULL) ||
      precision == ATLAS_DATE_YEAR ||
      g_date_get_year (&a) != g_date_get_year (&b))
    return atlas_date_format (start);

  if (precision == ATLAS_DATE_MONTH)
    /* Translators: a month at the start of a span within one year, in strftime format */
    return format_with (&a, C_("date", "%B"));

  if (g_date_get_month (&a) == g_date_get_month (&b))
    /* Translators: a day at the start of a span within one month, in strftime format */
    return format_with (&a, C_("date", "%-d"));

  /* Translators: a day and month at the start of a span within one year, in strftime format */
  return format_with (&a, C_("date", "%-d %B"));
}

/* A start and optional end for people: "May – July 2025", "12 – 13 July 2025",
 * "c. April 2025". */
char *
atlas_date_format_span (const char *start,
                        const char *end,
                        gboolean    approximate)
{
  g_autofree char *span = NULL;

  if (end != NULL && *end != '\0' && g_strcmp0 (start, end) != 0)
    {
      g_autofree char *from = format_span_start (start, end);
      g_autofree char *to = atlas_date_format (end);

      /* Translators: a span of dates, from – to */
      span = g_strdup_printf (C_("date", "%s – %s"), from, to);
    }
  else
    span = atlas_date_format (start);

  if (approximate)
    /* Translators: an approximate date ("circa") */
    return g_strdup_printf (C_("date", "c. %s"), span);

  return g_steal_pointer (&span);
}

/* GDate counts days from 1 January of year 1; SQLite's julianday from 4713 BC. */
#define JULIAN_OFFSET 1721424

/* The last day GDate has, 31 December 65535 (its years are 16 bits). */
#define LAST_JULIAN 23936166

/* The day @number falls on; numbers before year 1 (and NaN) give 1 January of year 1, those
 * after the last day GDate has give that day. */
void
atlas_date_number_to_gdate (double  number,
                            GDate  *date)
{
  double julian = floor (number) - JULIAN_OFFSET;

  g_date_clear (date, 1);
  g_date_set_julian (date, isnan (julian) ? 1 : (guint32) CLAMP (julian, 1, LAST_JULIAN));
}

int
atlas_date_gdate_to_number (const GDate *date)
{
  return g_date_get_julian (date) + JULIAN_OFFSET;
}

/* Today, in the local time zone. */
int
atlas_date_today_number (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return atlas_date_gdate_to_number (&date);
}

/* A day number as "YYYY-MM-DD". */
char *
atlas_date_from_number (int number)
{
  GDate date;

  atlas_date_number_to_gdate (number, &date);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* "YYYY-MM-DD" as a day number, or 0 when @iso is not a day. */
int
atlas_date_to_number (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (atlas_date_parse (iso, &date, NULL) != ATLAS_DATE_DAY)
    return 0;
  return atlas_date_gdate_to_number (&date);
}
