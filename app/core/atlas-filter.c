/* atlas-filter.c: what the user has narrowed the atlas down to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain value: the session holds a copy and views set a changed copy back, so that every
 * change is one notification. Kinds of criteria combine with AND, values within one kind
 * (several actors) with OR; atlas-query.c turns it into SQL.
 */

#define G_LOG_DOMAIN "atlas-filter"

#include "config.h"

#include "atlas-filter.h"

struct _AtlasFilter
{
  char   *from;    /* a date at any precision, or NULL */
  char   *to;
  char   *text;
  GArray *actors;  /* gint64 actor ids */
};

G_DEFINE_BOXED_TYPE (AtlasFilter, atlas_filter, atlas_filter_copy, atlas_filter_free)

AtlasFilter *
atlas_filter_new (void)
{
  AtlasFilter *filter = g_new0 (AtlasFilter, 1);

  filter->actors = g_array_new (FALSE, FALSE, sizeof (gint64));
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
  copy->text = g_strdup (filter->text);
  g_array_append_vals (copy->actors, filter->actors->data, filter->actors->len);
  return copy;
}

void
atlas_filter_free (AtlasFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->from);
  g_free (filter->to);
  g_free (filter->text);
  g_array_unref (filter->actors);
  g_free (filter);
}

gboolean
atlas_filter_is_empty (const AtlasFilter *filter)
{
  return filter == NULL ||
         (filter->from == NULL && filter->to == NULL && filter->text == NULL &&
          filter->actors->len == 0);
}

gboolean
atlas_filter_equal (const AtlasFilter *a,
                    const AtlasFilter *b)
{
  if (atlas_filter_is_empty (a) || atlas_filter_is_empty (b))
    return atlas_filter_is_empty (a) == atlas_filter_is_empty (b);

  return g_strcmp0 (a->from, b->from) == 0 &&
         g_strcmp0 (a->to, b->to) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         a->actors->len == b->actors->len &&
         memcmp (a->actors->data, b->actors->data, a->actors->len * sizeof (gint64)) == 0;
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
atlas_filter_get_actors (const AtlasFilter *filter)
{
  return filter->actors;
}

void
atlas_filter_add_actor (AtlasFilter *filter,
                        gint64       actor_id)
{
  for (guint i = 0; i < filter->actors->len; i++)
    if (g_array_index (filter->actors, gint64, i) == actor_id)
      return;

  g_array_append_val (filter->actors, actor_id);
}

void
atlas_filter_clear_actors (AtlasFilter *filter)
{
  g_array_set_size (filter->actors, 0);
}
