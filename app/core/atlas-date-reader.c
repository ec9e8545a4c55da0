/* atlas-date-reader.c: dates typed by people, as the program writes them or in ISO form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What atlas_date_format() writes ("8 August 2025", "August 2025", "2025", or in German
 * "8. März 2025") must read back as the date it was written from, so that a date copied
 * from the events list can be typed into the "as of" entry. The words are read as tokens,
 * in any order: a month's name (the locale's or English, in full or short), a year of
 * three or four digits and a day of one or two; a full stop or comma after a number is the
 * locale's punctuation. Anything else is an error that says which part could not be read.
 */

#define G_LOG_DOMAIN "atlas-date"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"

G_DEFINE_QUARK (atlas-date-error-quark, atlas_date_error)

static const char *english_months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
};

/* @text casefolded and composed, so that "MÄRZ" and "März" compare equal. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_autofree char *folded = NULL;
  gsize length;

  if (normal == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normal, -1);
  /* "Aug." as some locales shorten it. */
  length = strlen (folded);
  if (length > 1 && folded[length - 1] == '.')
    folded[length - 1] = '\0';
  return g_steal_pointer (&folded);
}

/* The month (1 to 12) named @word, in the locale's words or in English, or 0. */
static guint
month_named (const char *word)
{
  g_autofree char *wanted = fold (word);

  for (guint month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_utc (2001, month, 1, 12, 0, 0);
      g_autofree char *full = g_date_time_format (time, "%B");
      g_autofree char *abbreviated = g_date_time_format (time, "%b");
      g_autofree char *full_folded = fold (full ? full : "");
      g_autofree char *abbreviated_folded = fold (abbreviated ? abbreviated : "");

      if (g_str_equal (wanted, full_folded) || g_str_equal (wanted, abbreviated_folded) ||
          g_str_equal (wanted, english_months[month - 1]) ||
          (g_utf8_strlen (wanted, -1) == 3 && g_str_has_prefix (english_months[month - 1], wanted)))
        return month;
    }
  return 0;
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

static gboolean fail (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Sets @error to what could not be read; %FALSE, to return at once. */
static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (ATLAS_DATE_ERROR, ATLAS_DATE_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

/* Reads one token into @year, @month or @day, or says why it cannot. */
static gboolean
read_token (char        *token,
            guint       *year,
            guint       *month,
            guint       *day,
            GError     **error)
{
  gsize length = strlen (token);
  guint *slot;

  /* "8." and "8," are the locale's punctuation after a number. */
  if (length > 1 && (token[length - 1] == '.' || token[length - 1] == ',') &&
      g_ascii_isdigit (token[length - 2]))
    token[--length] = '\0';

  if (!all_digits (token))
    {
      guint named = month_named (token);

      if (atlas_date_parse (token, NULL, NULL) != ATLAS_DATE_INVALID)
        return fail (error, _("“%s” is a date of its own; write only one date"), token);
      if (g_ascii_isdigit (token[0]) && strchr (token, '-') != NULL)
        return fail (error, _("“%s” is not a date of the form YYYY-MM-DD"), token);
      if (named == 0)
        return fail (error, _("“%s” is not the name of a month"), token);
      if (*month != 0)
        return fail (error, _("“%s” is a second month"), token);
      *month = named;
      return TRUE;
    }

  if (length >= 3 && length <= 4)
    slot = year;
  else if (length <= 2)
    slot = day;
  else
    return fail (error, _("“%s” is neither a day nor a year"), token);
  if (*slot != 0 && slot == year)
    return fail (error, _("“%s” is a second year"), token);
  if (*slot != 0)
    return fail (error, _("“%s” is a second day"), token);
  *slot = (guint) g_ascii_strtoull (token, NULL, 10);
  if (slot == year && *year == 0)
    return fail (error, _("“%s” is not a year"), token);
  if (slot == day && *day == 0)
    return fail (error, _("“%s” is not a day"), token);
  return TRUE;
}

/**
 * atlas_date_read:
 * @text: a date as the program writes it ("8 August 2025", "August 2025", "2025", in the
 *   locale's words and order) or in ISO form ("2025-08-08", "2025-08")
 * @error: says which part could not be read
 *
 * Returns: (transfer full) (nullable): the date at the precision @text gives, as ISO text
 *   ("2025-08-08", "2025-08" or "2025"), or %NULL with @error set
 */
char *
atlas_date_read (const char  *text,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  g_auto(GStrv) tokens = NULL;
  guint year = 0, month = 0, day = 0;

  g_return_val_if_fail (text != NULL, NULL);

  /* The messages quote what could not be read: only as valid text. */
  stripped = g_strstrip (g_utf8_make_valid (text, -1));
  if (*stripped == '\0')
    {
      fail (error, _("No date was given"));
      return NULL;
    }
  if (atlas_date_parse (stripped, NULL, NULL) != ATLAS_DATE_INVALID)
    return g_steal_pointer (&stripped);

  tokens = g_strsplit_set (stripped, " \t\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (*tokens[i] == '\0')
        continue;
      if (!read_token (tokens[i], &year, &month, &day, error))
        return NULL;
    }

  if (year == 0)
    {
      fail (error, _("“%s” has no year"), stripped);
      return NULL;
    }
  if (day != 0 && month == 0)
    {
      fail (error, _("“%s” has a day but no month"), stripped);
      return NULL;
    }
  if (day != 0 && !g_date_valid_dmy (day, month, year))
    {
      g_autofree char *month_words = NULL;
      g_autofree char *iso_month = g_strdup_printf ("%04u-%02u", year, month);

      month_words = atlas_date_format (iso_month);
      fail (error, _("%u is not a day of %s"), day, month_words);
      return NULL;
    }

  if (day != 0)
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  if (month != 0)
    return g_strdup_printf ("%04u-%02u", year, month);
  return g_strdup_printf ("%04u", year);
}
