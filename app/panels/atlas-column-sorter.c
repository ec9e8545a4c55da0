/* atlas-column-sorter.c: a column's sorter that compares no rows, and tells which column
 * and direction the column view sorts by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of a million rows cannot be sorted by comparing them: each comparison loads two
 * rows. The panel sorts in the core instead, and needs only what the headers ask for: the
 * primary column and its direction. GTK 4.10 tells them (GtkColumnViewSorter's
 * primary-sort-column and primary-sort-order); GTK 4.8 keeps them private. There, the view's
 sorter is asked to compare two probes, the first before the second: it asks the columns'
 * sorters in its order, the primary first, and reverses the answer of a descending one.
 * Every sorter here orders the probes and notes that it was asked, so the first noted is
 * the primary column and the answer its direction. That relies only on what the column
 * view's sorter is documented to do (compare by its columns' sorters, the primary first,
 * each in its direction), not on GTK's private structures, and costs one comparison. Rows
 * given to these sorters compare equal: they sort nothing themselves.
 */

#define G_LOG_DOMAIN "atlas-column-sorter"

#include "config.h"

#include "atlas-column-sorter.h"

struct _AtlasColumnSorter
{
  GtkSorter parent_instance;

  guint     column;
};

G_DEFINE_FINAL_TYPE (AtlasColumnSorter, atlas_column_sorter, GTK_TYPE_SORTER)

#if !GTK_CHECK_VERSION (4, 10, 0)
/* What the view's sorter is asked to compare, noting which sorter it asked first. Two
 * probes, as a descending column may swap them rather than negate the answer. */
#define ATLAS_TYPE_SORT_PROBE (atlas_sort_probe_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSortProbe, atlas_sort_probe, ATLAS, SORT_PROBE, GObject)

struct _AtlasSortProbe
{
  GObject             parent_instance;

  int                 rank;    /* 0 for the first, 1 for the second */
  AtlasColumnSorter **first;   /* shared by the two */
};

G_DEFINE_FINAL_TYPE (AtlasSortProbe, atlas_sort_probe, G_TYPE_OBJECT)

static void
atlas_sort_probe_class_init (AtlasSortProbeClass *klass)
{
}

static void
atlas_sort_probe_init (AtlasSortProbe *self)
{
}
#endif

static GtkOrdering
atlas_column_sorter_compare (GtkSorter *sorter,
                             gpointer   item1,
                             gpointer   item2)
{
#if !GTK_CHECK_VERSION (4, 10, 0)
  if (ATLAS_IS_SORT_PROBE (item1) && ATLAS_IS_SORT_PROBE (item2))
    {
      AtlasSortProbe *probe1 = item1, *probe2 = item2;

      if (*probe1->first == NULL)
        *probe1->first = ATLAS_COLUMN_SORTER (sorter);
      return gtk_ordering_from_cmpfunc (probe1->rank - probe2->rank);
    }
#endif
  return GTK_ORDERING_EQUAL;
}

/* Partial rather than none: the column has an order, found elsewhere. */
static GtkSorterOrder
atlas_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
atlas_column_sorter_class_init (AtlasColumnSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = atlas_column_sorter_compare;
  sorter_class->get_order = atlas_column_sorter_get_order;
}

static void
atlas_column_sorter_init (AtlasColumnSorter *self)
{
}

/* A sorter for a column's header, which stands for the column numbered @column. */
GtkSorter *
atlas_column_sorter_new (guint column)
{
  AtlasColumnSorter *self = g_object_new (ATLAS_TYPE_COLUMN_SORTER, NULL);

  self->column = column;
  return GTK_SORTER (self);
}

guint
atlas_column_sorter_get_column (AtlasColumnSorter *self)
{
  g_return_val_if_fail (ATLAS_IS_COLUMN_SORTER (self), 0);

  return self->column;
}

/**
 * atlas_column_sorter_get_primary:
 * @view: a column view whose columns' sorters are AtlasColumnSorters
 * @column: (out): the number of the column it sorts by
 * @descending: (out): whether in descending order
 *
 * Returns: whether @view is sorted by a column (the one its header marks)
 */
gboolean
atlas_column_sorter_get_primary (GtkColumnView *view,
                                 guint         *column,
                                 gboolean      *descending)
{
  GtkSorter *view_sorter;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);

  view_sorter = gtk_column_view_get_sorter (view);

#if GTK_CHECK_VERSION (4, 10, 0)
  /* Newer than GDK_VERSION_MAX_ALLOWED, which warns of it even behind the check. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    GtkColumnViewSorter *sorter = GTK_COLUMN_VIEW_SORTER (view_sorter);
    GtkColumnViewColumn *primary = gtk_column_view_sorter_get_primary_sort_column (sorter);
    GtkSorter *column_sorter = primary != NULL ? gtk_column_view_column_get_sorter (primary) : NULL;

    if (!ATLAS_IS_COLUMN_SORTER (column_sorter))
      return FALSE;
    *column = ATLAS_COLUMN_SORTER (column_sorter)->column;
    *descending = gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING;
    return TRUE;
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    g_autoptr(AtlasSortProbe) before = g_object_new (ATLAS_TYPE_SORT_PROBE, NULL);
    g_autoptr(AtlasSortProbe) after = g_object_new (ATLAS_TYPE_SORT_PROBE, NULL);
    AtlasColumnSorter *first = NULL;
    GtkOrdering order;

    before->first = after->first = &first;
    after->rank = 1;
    order = gtk_sorter_compare (view_sorter, before, after);
    if (first == NULL || order == GTK_ORDERING_EQUAL)
      return FALSE;
    *column = first->column;
    *descending = order == GTK_ORDERING_LARGER;
    return TRUE;
  }
#endif
}
