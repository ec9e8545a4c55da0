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

/**
 * atlas_text_highlight_markup:
 * @text: UTF-8 text
 * @words: (nullable): the filter's words, separated by spaces
 *
 * Returns @text as Pango markup with every word that starts with one of @words (any case)
 * in bold, as the full-text search matched them; without words, @text escaped.
 */
char *
atlas_text_highlight_markup (const char *text,
                             const char *words)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) pattern = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GString) markup = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  int last = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (words == NULL || *words == '\0')
    return g_markup_escape_text (text, -1);

  parts = g_strsplit_set (words, " \t", -1);
  pattern = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (*parts[i] == '\0')
        continue;
      escaped = g_regex_escape_string (parts[i], -1);
      g_string_append_printf (pattern, "%s\\b%s\\w*", pattern->len ? "|" : "", escaped);
    }
  if (pattern->len == 0 ||
      (regex = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL)) == NULL)
    return g_markup_escape_text (text, -1);

  markup = g_string_new (NULL);
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;
      g_autofree char *before = NULL;
      g_autofree char *hit = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      before = g_markup_escape_text (text + last, start - last);
      hit = g_markup_escape_text (text + start, end - start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, hit);
      last = end;
      g_match_info_next (match, NULL);
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + last, -1);

    g_string_append (markup, rest);
  }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}
