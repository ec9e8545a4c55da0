/* atlas-filter.c: what the user has narrowed the atlas down to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain value: the session holds a copy and views set a changed copy back, so that every
 * change is one notification. Kinds of criteria combine with AND, values within one kind
 * (several actors, several event kinds) with OR; atlas-query.c turns it into SQL.
 */

#define G_LOG_DOMAIN "atlas-filter"

#include "config.h"

#include "atlas-filter.h"

struct _AtlasFilter
{
  char      *from;    /* a date at any precision, or NULL */
  char      *to;
  char      *begun_by;  /* the "as of" day, when the events follow it */
  char      *text;
  GArray    *ids[ATLAS_FILTER_N_SETS];  /* gint64 record ids */
  GPtrArray *kinds;   /* event kinds, NULL-terminated */
  gboolean   with_excerpts;
  gboolean   disputed;
};

G_DEFINE_BOXED_TYPE (AtlasFilter, atlas_filter, atlas_filter_copy, atlas_filter_free)

AtlasFilter *
atlas_filter_new (void)
{
  AtlasFilter *filter = g_new0 (AtlasFilter, 1);

  for (guint i = 0; i < ATLAS_FILTER_N_SETS; i++)
    filter->ids[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  filter->kinds = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  return filter;
}

AtlasFilter *
atlas_filter_copy (const AtlasFilter *filter)
{
  AtlasFilter *copy;

  if (filter == NULL)
    return NULL;

  copy = atlas_filter_new ();
  copy->from = g_strdup (filter->from);
  copy->to = g_strdup (filter->to);
  copy->begun_by = g_strdup (filter->begun_by);
  copy->text = g_strdup (filter->text);
  copy->with_excerpts = filter->with_excerpts;
  copy->disputed = filter->disputed;
  for (guint i = 0; i < ATLAS_FILTER_N_SETS; i++)
    g_array_append_vals (copy->ids[i], filter->ids[i]->data, filter->ids[i]->len);
  for (guint i = 0; i < filter->kinds->len; i++)
    g_ptr_array_add (copy->kinds, g_strdup (g_ptr_array_index (filter->kinds, i)));
  return copy;
}

void
atlas_filter_free (AtlasFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->from);
  g_free (filter->to);
  g_free (filter->begun_by);
  g_free (filter->text);
  for (guint i = 0; i < ATLAS_FILTER_N_SETS; i++)
    g_array_unref (filter->ids[i]);
  g_ptr_array_unref (filter->kinds);
  g_free (filter);
}

gboolean
atlas_filter_is_empty (const AtlasFilter *filter)
{
  if (filter == NULL)
    return TRUE;

  for (guint i = 0; i < ATLAS_FILTER_N_SETS; i++)
    if (filter->ids[i]->len > 0)
      return FALSE;

  return filter->from == NULL && filter->to == NULL && filter->begun_by == NULL &&
         filter->text == NULL &&
         filter->kinds->len == 0 && !filter->with_excerpts && !filter->disputed;
}

static gboolean
arrays_equal (const GArray *a,
              const GArray *b)
{
  /* An empty GArray may have no data at all, and memcmp must not be given NULL. */
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

gboolean
atlas_filter_equal (const AtlasFilter *a,
                    const AtlasFilter *b)
{
  if (atlas_filter_is_empty (a) || atlas_filter_is_empty (b))
    return atlas_filter_is_empty (a) == atlas_filter_is_empty (b);

  for (guint i = 0; i < ATLAS_FILTER_N_SETS; i++)
    if (!arrays_equal (a->ids[i], b->ids[i]))
      return FALSE;

  if (a->kinds->len != b->kinds->len)
    return FALSE;
  for (guint i = 0; i < a->kinds->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->kinds, i), g_ptr_array_index (b->kinds, i)) != 0)
      return FALSE;

  return g_strcmp0 (a->from, b->from) == 0 &&
         g_strcmp0 (a->to, b->to) == 0 &&
         g_strcmp0 (a->begun_by, b->begun_by) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         a->with_excerpts == b->with_excerpts &&
         a->disputed == b->disputed;
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

const char *
atlas_filter_get_from (const AtlasFilter *filter)
{
  return filter->from;
}

void
atlas_filter_set_from (AtlasFilter *filter,
                       const char  *date)
{
  replace (&filter->from, date);
}

const char *
atlas_filter_get_to (const AtlasFilter *filter)
{
  return filter->to;
}

void
atlas_filter_set_to (AtlasFilter *filter,
                     const char  *date)
{
  replace (&filter->to, date);
}

const char *
atlas_filter_get_begun_by (const AtlasFilter *filter)
{
  return filter->begun_by;
}

/* Only events that had begun by @date (their first day on or before it): the session sets
 * it to its "as of" day when the events are to follow that day, apart from the dates the
 * user filters by, which it leaves alone. */
void
atlas_filter_set_begun_by (AtlasFilter *filter,
                           const char  *date)
{
  replace (&filter->begun_by, date);
}

const char *
atlas_filter_get_text (const AtlasFilter *filter)
{
  return filter->text;
}

void
atlas_filter_set_text (AtlasFilter *filter,
                       const char  *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  replace (&filter->text, stripped);
}

const GArray *
atlas_filter_get_ids (const AtlasFilter *filter,
                      AtlasFilterSet     set)
{
  g_return_val_if_fail (set < ATLAS_FILTER_N_SETS, NULL);

  return filter->ids[set];
}

void
atlas_filter_add_id (AtlasFilter    *filter,
                     AtlasFilterSet  set,
                     gint64          id)
{
  GArray *ids;

  g_return_if_fail (set < ATLAS_FILTER_N_SETS);

  ids = filter->ids[set];
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;

  g_array_append_val (ids, id);
}

void
atlas_filter_remove_id (AtlasFilter    *filter,
                        AtlasFilterSet  set,
                        gint64          id)
{
  GArray *ids;

  g_return_if_fail (set < ATLAS_FILTER_N_SETS);

  ids = filter->ids[set];
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        g_array_remove_index (ids, i);
        return;
      }
}

void
atlas_filter_clear_ids (AtlasFilter    *filter,
                        AtlasFilterSet  set)
{
  g_return_if_fail (set < ATLAS_FILTER_N_SETS);

  g_array_set_size (filter->ids[set], 0);
}

const GArray *
atlas_filter_get_actors (const AtlasFilter *filter)
{
  return atlas_filter_get_ids (filter, ATLAS_FILTER_ACTORS);
}

void
atlas_filter_add_actor (AtlasFilter *filter,
                        gint64       actor_id)
{
  atlas_filter_add_id (filter, ATLAS_FILTER_ACTORS, actor_id);
}

void
atlas_filter_clear_actors (AtlasFilter *filter)
{
  atlas_filter_clear_ids (filter, ATLAS_FILTER_ACTORS);
}

/* The event kinds, as a NULL-terminated array (empty: any kind). */
const char * const *
atlas_filter_get_kinds (const AtlasFilter *filter)
{
  static const char * const none[] = { NULL };

  /* An array that was never added to may have no storage yet. */
  if (filter->kinds->pdata == NULL)
    return none;

  return (const char * const *) filter->kinds->pdata;
}

void
atlas_filter_add_kind (AtlasFilter *filter,
                       const char  *kind)
{
  g_return_if_fail (kind != NULL);

  for (guint i = 0; i < filter->kinds->len; i++)
    if (g_str_equal (g_ptr_array_index (filter->kinds, i), kind))
      return;

  g_ptr_array_add (filter->kinds, g_strdup (kind));
}

void
atlas_filter_remove_kind (AtlasFilter *filter,
                          const char  *kind)
{
  for (guint i = 0; i < filter->kinds->len; i++)
    if (g_strcmp0 (g_ptr_array_index (filter->kinds, i), kind) == 0)
      {
        g_ptr_array_remove_index (filter->kinds, i);
        return;
      }
}

gboolean
atlas_filter_get_with_excerpts (const AtlasFilter *filter)
{
  return filter->with_excerpts;
}

/* Only events that some excerpt backs. */
void
atlas_filter_set_with_excerpts (AtlasFilter *filter,
                                gboolean     with_excerpts)
{
  filter->with_excerpts = !!with_excerpts;
}

gboolean
atlas_filter_get_disputed (const AtlasFilter *filter)
{
  return filter->disputed;
}

/* Only events the sources disagree on: two accounts or more. */
void
atlas_filter_set_disputed (AtlasFilter *filter,
                           gboolean     disputed)
{
  filter->disputed = !!disputed;
}

static GVariant *
ids_variant (const GArray *ids)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data, ids->len, sizeof (gint64));
}

/* The filter as "a{sv}", for saved views. */
GVariant *
atlas_filter_to_variant (const AtlasFilter *filter)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  if (filter->from != NULL)
    g_variant_builder_add (&builder, "{sv}", "from", g_variant_new_string (filter->from));
  if (filter->to != NULL)
    g_variant_builder_add (&builder, "{sv}", "to", g_variant_new_string (filter->to));
  if (filter->begun_by != NULL)
    g_variant_builder_add (&builder, "{sv}", "begun-by", g_variant_new_string (filter->begun_by));
  if (filter->text != NULL)
    g_variant_builder_add (&builder, "{sv}", "text", g_variant_new_string (filter->text));
  g_variant_builder_add (&builder, "{sv}", "actors", ids_variant (filter->ids[ATLAS_FILTER_ACTORS]));
  g_variant_builder_add (&builder, "{sv}", "corridors", ids_variant (filter->ids[ATLAS_FILTER_CORRIDORS]));
  g_variant_builder_add (&builder, "{sv}", "places", ids_variant (filter->ids[ATLAS_FILTER_PLACES]));
  g_variant_builder_add (&builder, "{sv}", "kinds", g_variant_new_strv (atlas_filter_get_kinds (filter), -1));
  g_variant_builder_add (&builder, "{sv}", "with-excerpts", g_variant_new_boolean (filter->with_excerpts));
  /* Only when set, so that older programs read a view saved without it as they wrote it. */
  if (filter->disputed)
    g_variant_builder_add (&builder, "{sv}", "disputed", g_variant_new_boolean (TRUE));
  return g_variant_builder_end (&builder);
}

static void
read_ids (GVariantDict *dict,
          const char   *key,
          GArray       *ids)
{
  g_autoptr(GVariant) value = g_variant_dict_lookup_value (dict, key, G_VARIANT_TYPE ("ax"));
  const gint64 *values;
  gsize n = 0;

  if (value == NULL)
    return;
  values = g_variant_get_fixed_array (value, &n, sizeof (gint64));
  g_array_append_vals (ids, values, n);
}

/* Reads what atlas_filter_to_variant() wrote; unknown or missing keys are ignored. */
AtlasFilter *
atlas_filter_new_from_variant (GVariant *variant)
{
  AtlasFilter *filter = atlas_filter_new ();
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autofree const char **kinds = NULL;
  const char *text;
  gboolean with_excerpts, disputed;

  g_variant_dict_clear (&dict);
  g_variant_dict_init (&dict, variant);
  if (g_variant_dict_lookup (&dict, "from", "&s", &text))
    atlas_filter_set_from (filter, text);
  if (g_variant_dict_lookup (&dict, "to", "&s", &text))
    atlas_filter_set_to (filter, text);
  if (g_variant_dict_lookup (&dict, "begun-by", "&s", &text))
    atlas_filter_set_begun_by (filter, text);
  if (g_variant_dict_lookup (&dict, "text", "&s", &text))
    atlas_filter_set_text (filter, text);
  read_ids (&dict, "actors", filter->ids[ATLAS_FILTER_ACTORS]);
  read_ids (&dict, "corridors", filter->ids[ATLAS_FILTER_CORRIDORS]);
  read_ids (&dict, "places", filter->ids[ATLAS_FILTER_PLACES]);
  if (g_variant_dict_lookup (&dict, "kinds", "^a&s", &kinds))
    for (guint i = 0; kinds[i] != NULL; i++)
      atlas_filter_add_kind (filter, kinds[i]);
  if (g_variant_dict_lookup (&dict, "with-excerpts", "b", &with_excerpts))
    filter->with_excerpts = with_excerpts;
  if (g_variant_dict_lookup (&dict, "disputed", "b", &disputed))
    filter->disputed = disputed;

  return filter;
}
