/* atlas-text.c: text helpers shared by the store and the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-text"

#include "config.h"

#include "atlas-text.h"

/**
 * atlas_text_fold:
 * @text: UTF-8 text
 *
 * Folds @text for matching names typed in any spelling: case-folded, without diacritics,
 * and with the Azerbaijani and Turkish letters that do not decompose (ə, ı) replaced by
 * their plain Latin neighbours, so "Azerbaycan" finds "Azərbaycan" and "Turkiye" finds
 * "Türkiye".
 */
char *
atlas_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *plain;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  plain = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (c == 0x0259) /* ə */
        c = 'e';
      else if (c == 0x0131) /* ı */
        c = 'i';
      g_string_append_unichar (plain, c);
    }

  return g_string_free (plain, FALSE);
}
