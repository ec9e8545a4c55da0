/* atlas-text.c: text helpers shared by the store and the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-text"

#include "config.h"

#include "atlas-text.h"

/* atlas_text_fold() of @length bytes of @text, or of all of it when @length is -1. */
static char *
atlas_text_fold_len (const char *text,
                     gssize      length)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *plain;

  folded = g_utf8_casefold (text, length);
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
  g_return_val_if_fail (text != NULL, NULL);

  return atlas_text_fold_len (text, -1);
}

/* unicode61 keeps letters, numbers and marks in tokens and splits on everything else. */
static gboolean
is_token_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The byte ranges of @text to show in bold for @words (pairs of start and end offsets), or
 * %NULL when there are no words. */
static GArray *
find_highlights (const char *text,
                 const char *words)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) folded_words = NULL;
  GArray *ranges;
  const char *p = text;

  if (words == NULL || *words == '\0')
    return NULL;

  parts = g_strsplit_set (words, " \t\n\r", -1);
  folded_words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (folded_words, atlas_text_fold (parts[i]));
  if (folded_words->len == 0)
    return NULL;

  ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  while (*p != '\0')
    {
      const char *token = p;
      g_autofree char *folded = NULL;
      gboolean hit = FALSE;

      if (!is_token_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      while (*p != '\0' && is_token_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      folded = atlas_text_fold_len (token, p - token);
      for (guint i = 0; i < folded_words->len && !hit; i++)
        hit = g_str_has_prefix (folded, g_ptr_array_index (folded_words, i));
      if (hit)
        {
          guint bounds[2] = { token - text, p - text };

          g_array_append_vals (ranges, bounds, 2);
        }
    }
  return ranges;
}

/**
 * atlas_text_highlight_markup:
 * @text: UTF-8 text
 * @words: (nullable): the filter's words, separated by spaces
 *
 * Returns @text as Pango markup with every word that starts with one of @words in bold, as
 * the full-text search matched them: each word a prefix of a token, folded as the search's
 * remove_diacritics folds it, so "turkiye" bolds "Türkiye"; without words, @text escaped.
 */
char *
atlas_text_highlight_markup (const char *text,
                             const char *words)
{
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GString) markup = NULL;
  guint last = 0;

  g_return_val_if_fail (text != NULL, NULL);

  ranges = find_highlights (text, words);
  if (ranges == NULL)
    return g_markup_escape_text (text, -1);

  markup = g_string_new (NULL);
  for (guint i = 0; i < ranges->len; i += 2)
    {
      guint start = g_array_index (ranges, guint, i), end = g_array_index (ranges, guint, i + 1);
      g_autofree char *before = g_markup_escape_text (text + last, start - last);
      g_autofree char *word = g_markup_escape_text (text + start, end - start);

      g_string_append_printf (markup, "%s<b>%s</b>", before, word);
      last = end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + last, -1);

    g_string_append (markup, rest);
  }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/**
 * atlas_text_highlight_attributes:
 * @text: UTF-8 text
 * @words: (nullable): the filter's words, separated by spaces
 *
 * The words of @text that atlas_text_highlight_markup() shows in bold, as attributes for
 * @text itself: for widgets that take text and attributes rather than markup.
 *
 * Returns: (transfer full) (nullable): the attributes, or %NULL when nothing is bold
 */
PangoAttrList *
atlas_text_highlight_attributes (const char *text,
                                 const char *words)
{
  g_autoptr(GArray) ranges = NULL;
  PangoAttrList *attributes;

  g_return_val_if_fail (text != NULL, NULL);

  ranges = find_highlights (text, words);
  if (ranges == NULL || ranges->len == 0)
    return NULL;

  attributes = pango_attr_list_new ();
  for (guint i = 0; i < ranges->len; i += 2)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = g_array_index (ranges, guint, i);
      bold->end_index = g_array_index (ranges, guint, i + 1);
      pango_attr_list_insert (attributes, bold);
    }
  return attributes;
}
