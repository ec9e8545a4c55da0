/* atlas-view-writer.c: saves views in a loop, for the kill tests and the hostile stores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: atlas-view-writer STORE [COUNT]
 *
 * Saves views into STORE until killed (or COUNT saves), through the same code as the
 * window's Save View. Save number N stores the lane mode "lanes N" in its state, which
 * tells the saves apart. Before each save it prints "saving\tNAME\tN" and after each one
 * that returned TRUE "saved\tNAME\tN", flushed, so that the test that kills it knows which
 * views were acknowledged (they must survive) and which one may be in flight. Every fourth
 * save replaces an earlier view, so replacements are checked as well as insertions.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "atlas-dataset.h"
#include "atlas-saved-views.h"
#include "atlas-session.h"
#include "atlas-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasSession) session = NULL;
  g_autoptr(GError) error = NULL;
  guint64 count = G_MAXUINT64;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: atlas-view-writer STORE [COUNT]\n");
      return 2;
    }
  if (argc == 3)
    count = g_ascii_strtoull (argv[2], NULL, 10);

  store = atlas_dataset_open_store (argv[1], ATLAS_STORE_FLAGS_NONE, &error);
  if (store == NULL)
    {
      g_printerr ("atlas-view-writer: %s\n", error->message);
      return 1;
    }
  session = atlas_session_new (store);

  for (guint64 i = 0; i < count; i++)
    {
      /* Every fourth save replaces the view saved two saves before it. */
      guint64 number = i % 4 == 3 ? i - 2 : i;
      g_autofree char *name = g_strdup_printf ("view %" G_GUINT64_FORMAT, number);
      g_autofree char *lanes = g_strdup_printf ("lanes %" G_GUINT64_FORMAT, i);

      /* A map view that differs at every save, so a replacement shows in the state. */
      atlas_session_set_map_view (session, 38.0 + (i % 1000) / 1000.0, 45.0, 1.0 + i % 19);
      printf ("saving\t%s\t%" G_GUINT64_FORMAT "\n", name, i);
      fflush (stdout);

      if (!atlas_saved_views_save (session, name, lanes, &error))
        {
          g_printerr ("atlas-view-writer: %s\n", error->message);
          return 1;
        }

      printf ("saved\t%s\t%" G_GUINT64_FORMAT "\n", name, i);
      fflush (stdout);
    }

  return EXIT_SUCCESS;
}
