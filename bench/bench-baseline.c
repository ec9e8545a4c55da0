/* bench-baseline.c: the bare map window the program is measured against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkApplicationWindow with only a header bar and a ShumateSimpleMap, at the program's
 * first size (1400 × 860) and first view of the region, on the tile source the program's
 * map uses (AtlasTileSource painting the bundled basemap), so that the difference is what
 * the program adds. Run with ATLAS_BENCH_FIRST_FRAME (and ATLAS_BENCH_PROBE) set, it
 * reports through the program's own probe (app/atlas-bench-probe.c); see
 * bench/bench-side-by-side.c.
 */

#include "config.h"

#include <shumate/shumate.h>

#include "atlas-basemap.h"
#include "atlas-bench-probe.h"
#include "atlas-tile-source.h"

static void
activate (GtkApplication *application)
{
  g_autoptr(AtlasTileSource) tiles = atlas_tile_source_new (atlas_basemap_get_bundled (), FALSE);
  GtkWidget *window = gtk_application_window_new (application);
  ShumateSimpleMap *map = shumate_simple_map_new ();
  ShumateViewport *viewport = shumate_simple_map_get_viewport (map);

  gtk_window_set_title (GTK_WINDOW (window), "Baseline");
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());

  shumate_simple_map_set_map_source (map, SHUMATE_MAP_SOURCE (tiles));
  shumate_viewport_set_zoom_level (viewport, 6.0);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 41.0, 45.5);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));

  atlas_bench_probe_attach (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) application =
    gtk_application_new ("io.github.caucasusatlas.CaucasusAtlas.Baseline", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
