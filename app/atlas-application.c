/* atlas-application.c: the application, its actions and its command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything a command line can answer without a window (--list, --version) is answered in
 * handle-local-options, before GTK opens a display, so it works on a machine without one.
 */

#define G_LOG_DOMAIN "atlas-application"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "atlas-application.h"
#include "atlas-bench-probe.h"
#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-export-command.h"
#include "atlas-listing.h"
#include "atlas-passages.h"
#include "atlas-query.h"
#include "atlas-store.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  GtkApplication  parent_instance;

  char           *db_path;  /* from --db, or NULL for the default store */
  char           *view;     /* from --view: a saved view to open */
  GSettings      *interface_settings;
  gboolean        bad_options;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, GTK_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the store FILE instead of the default one (created and filled if missing)"),
    N_("FILE") },
  { "list", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the records of KIND as CSV and exit: actors, places, corridors, zones, statuses, "
       "relations, events, excerpts or sources"), N_("KIND") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the map to FILE as PNG, SVG or PDF (by its extension) and exit; needs no display"),
    N_("FILE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: png, svg or pdf, whatever the file's extension"), N_("FORMAT") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the size in pixels (default 1920x1080)"), N_("WxH") },
  /* --scale and --zoom are read as text, to say in the program's words what is wrong. */
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: PNG pixels per pixel, 1, 2 or 3 (default 1)"), N_("N") },
  { "sheet", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: a sheet, the map with a title, legend, scale bar, timeline and sources"),
    NULL },
  { "timeline", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: the timeline alone; --size WIDTH or WxH (default: every lane)"), NULL },
  { "title", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export --sheet: the sheet's title"),
    N_("TEXT") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: a page of a4 or a3 paper at 300 dpi, instead of --size"), N_("SIZE") },
  { "landscape", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --paper: the page on its side"), NULL },
  { "center", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the map's centre in degrees"), N_("LAT,LON") },
  { "zoom", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export: the map's zoom, 0 to 20"),
    N_("Z") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the \"as of\" day the map shows, YYYY-MM-DD (default today); with "
       "--list corridors, zones or relations: the day they are listed as of (YYYY or YYYY-MM: its "
       "last day)"),
    N_("DATE") },
  { "events-as-of", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: only the events begun by the \"as of\" day, the last month's standing "
       "out"), NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --list or --export: only events that reach DATE or later (YYYY, YYYY-MM or "
       "YYYY-MM-DD)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --list or --export: only events that start on DATE or earlier"), N_("DATE") },
  { "actor", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --list or --export: only events of the actor NAME (any of its names; repeat "
       "for several)"), N_("NAME") },
  { "text", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --list or --export: only events and excerpts whose text holds every word of "
       "QUERY"), N_("QUERY") },
  { "disputed", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --list or --export: only events the sources disagree on"), NULL },
  { "place-names", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: name places both ways where two states name them (both, the default), "
       "as the state that administers them does (official), or as the sources do (sources)"),
    N_("NAMES") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the window (or --export) on the saved view NAME"), N_("NAME") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Read every page of the store and check its references, print any problem and exit"),
    NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

/* GApplication prints a parse error as GOption words it, alone, and exits with 1: give it
 * the prefix of the program's other messages, and let local_command_line make it 2. */
static void
on_option_error (GOptionContext  *context,
                 GOptionGroup    *group,
                 gpointer         user_data,
                 GError         **error)
{
  AtlasApplication *self = user_data;
  char *message;

  self->bad_options = TRUE;
  if (error == NULL || *error == NULL)
    return;
  /* Translators: a command line the program could not read; see --help is the hint */
  message = g_strdup_printf (_("caucasus-atlas: %s (see caucasus-atlas --help)"),
                             (*error)->message);
  g_free ((*error)->message);
  (*error)->message = message;
}

static gboolean
atlas_application_local_command_line (GApplication   *application,
                                      char         ***arguments,
                                      int            *exit_status)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  gboolean handled;

  handled = G_APPLICATION_CLASS (atlas_application_parent_class)->local_command_line (application,
                                                                                       arguments,
                                                                                       exit_status);
  if (self->bad_options)
    *exit_status = 2;
  return handled;
}

/* The default store's folder is ours to create; a folder given with --db is not. */
static char *
resolve_db_path (AtlasApplication *self)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  if (self->db_path != NULL)
    return g_strdup (self->db_path);

  path = atlas_store_get_default_path ();
  folder = g_path_get_dirname (path);
  g_mkdir_with_parents (folder, 0700);
  return g_steal_pointer (&path);
}

static int
print_listing (AtlasApplication *self,
               GVariantDict     *options,
               const char       *kind)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  g_auto(GStrv) actors = NULL;
  AtlasListing listing;

  /* A listing holds every name of a place already. */
  if (g_variant_dict_contains (options, "place-names"))
    {
      g_printerr (_("caucasus-atlas: --%s goes with --export\n"), "place-names");
      return 2;
    }

  if (!atlas_listing_from_string (kind, &listing))
    {
      g_printerr (_("caucasus-atlas: --list takes actors, places, corridors, zones, statuses, "
                    "relations, events, excerpts or sources, not “%s”\n"), kind);
      return 2;
    }

  /* The events a listing is filtered to are all it prints, whatever "as of" day. */
  if (g_variant_dict_contains (options, "events-as-of"))
    {
      g_printerr (_("caucasus-atlas: --events-as-of goes with --export; --list events --to DATE "
                    "lists the events begun by DATE\n"));
      return 2;
    }

  /* As of a year or a month is as things stood at its end. */
  if (g_variant_dict_lookup (options, "date", "s", &date))
    {
      if (!atlas_listing_takes_date (listing))
        {
          g_printerr (_("caucasus-atlas: --date goes with --list corridors, zones or relations, "
                        "or with --export\n"));
          return 2;
        }
      if ((day = atlas_date_last_day (date)) == NULL)
        {
          g_printerr (_("caucasus-atlas: --date takes YYYY, YYYY-MM or YYYY-MM-DD, not “%s”\n"),
                      date);
          return 2;
        }
    }

  g_variant_dict_lookup (options, "from", "s", &from);
  g_variant_dict_lookup (options, "to", "s", &to);
  g_variant_dict_lookup (options, "text", "s", &text);
  g_variant_dict_lookup (options, "actor", "^as", &actors);

  if (!atlas_listing_is_filtered (listing) &&
      (from || to || text || actors || g_variant_dict_contains (options, "disputed")))
    {
      g_printerr (_("caucasus-atlas: --from, --to, --actor, --text and --disputed apply to events "
                    "and excerpts only\n"));
      return 2;
    }

  path = resolve_db_path (self);
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  if (store == NULL)
    {
      g_printerr ("caucasus-atlas: %s\n", error->message);
      return 1;
    }
  atlas_store_read_mapped (store);

  if (!atlas_filter_from_options (store, options, filter, &error))
    {
      g_printerr ("caucasus-atlas: %s\n", error->message);
      return 1;
    }

  /* Written as it is read, so that a million events start at once and take no more memory
   * than ten. */
  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  if (!atlas_listing_write (store, listing, filter, day, out, &error))
    {
      g_printerr ("caucasus-atlas: %s\n", error->message);
      return 1;
    }

  return 0;
}

/* --check: the full check of an existing store, without changing it. Exits 0 when the store
 * is sound, 1 when it has problems or cannot be read. */
static int
check_store (AtlasApplication *self)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = resolve_db_path (self);
  g_auto(GStrv) problems = NULL;

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_READ_ONLY, &error);
  if (store != NULL)
    problems = atlas_store_check (store, NULL, &error);
  if (problems == NULL)
    {
      g_printerr ("caucasus-atlas: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; problems[i] != NULL; i++)
    g_print ("%s: %s\n", atlas_store_get_path (store), problems[i]);
  if (problems[0] != NULL)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "caucasus-atlas: “%s” has %u problem; restore it from a backup\n",
                               "caucasus-atlas: “%s” has %u problems; restore it from a backup\n",
                               g_strv_length (problems)),
                  atlas_store_get_path (store), g_strv_length (problems));
      return 1;
    }

  g_print (_("%s: no problems found\n"), atlas_store_get_path (store));
  return 0;
}

static int
atlas_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  static const char *export_only[] = { "format", "size", "scale", "center", "zoom", "date", "sheet",
                                       "timeline", "title", "paper", "landscape", "events-as-of",
                                       "place-names" };
  AtlasApplication *self = ATLAS_APPLICATION (application);
  g_autofree char *kind = NULL;
  g_autofree char *export_file = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("caucasus-atlas %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^ay", &self->db_path))
    {
      g_autofree char *absolute = g_canonicalize_filename (self->db_path, NULL);

      g_free (self->db_path);
      self->db_path = g_steal_pointer (&absolute);
      /* Another store means another window set, not the running instance's. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  g_variant_dict_lookup (options, "view", "s", &self->view);

  if (g_variant_dict_lookup (options, "list", "s", &kind))
    return print_listing (self, options, kind);

  if (g_variant_dict_contains (options, "check"))
    return check_store (self);

  if (g_variant_dict_lookup (options, "export", "^ay", &export_file))
    return atlas_export_command_run (self->db_path, export_file, options);

  if (g_variant_dict_contains (options, "from") || g_variant_dict_contains (options, "to") ||
      g_variant_dict_contains (options, "actor") || g_variant_dict_contains (options, "text") ||
      g_variant_dict_contains (options, "disputed"))
    {
      g_printerr (_("caucasus-atlas: --from, --to, --actor, --text and --disputed go with --list "
                    "or --export\n"));
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (export_only); i++)
    if (g_variant_dict_contains (options, export_only[i]))
      {
        g_printerr (_("caucasus-atlas: --%s goes with --export\n"), export_only[i]);
        return 2;
      }

  /* A running instance would only be activated, and --view lost: hand the view to it. */
  if (self->view != NULL && !(g_application_get_flags (application) & G_APPLICATION_NON_UNIQUE))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("caucasus-atlas: %s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (application))
        {
          g_action_group_activate_action (G_ACTION_GROUP (application), "open-view",
                                          g_variant_new_string (self->view));
          return 0;
        }
    }

  return -1;
}

static void
atlas_application_activate (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = resolve_db_path (self);
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  window = GTK_WINDOW (atlas_window_new (self, store, error));
  if (store != NULL && self->view != NULL)
    atlas_window_open_view (ATLAS_WINDOW (window), self->view);
  /* For the benchmarks: off unless ATLAS_BENCH_FIRST_FRAME is set. */
  atlas_bench_probe_attach (window);
  gtk_window_present (window);
}

/* The sources the dataset quotes, "Author, Publication" each once, for the About dialog; the
 * reference pages it adds facts from are marked as such. */
static GStrv
quoted_sources (GtkWindow *window)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(AtlasFilter) everything = atlas_filter_new ();
  g_autoptr(GArray) excerpts = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  AtlasSession *session;

  if (!ATLAS_IS_WINDOW (window) || (session = atlas_window_get_session (ATLAS_WINDOW (window))) == NULL)
    return g_strv_builder_end (lines);
  if ((excerpts = atlas_query_excerpts (atlas_session_get_store (session), everything, &error)) == NULL ||
      (sources = atlas_query_sources_of (atlas_session_get_store (session), excerpts, &error)) == NULL)
    {
      /* The About dialog is still worth showing without its list of sources. */
      g_warning ("Could not list the sources for the About dialog: %s", error->message);
      return g_strv_builder_end (lines);
    }

  for (guint i = 0; i < sources->len; i++)
    {
      AtlasSourceRow *source = g_ptr_array_index (sources, i);
      g_autofree char *line = NULL;

      if (source->reference)
        /* Translators: a reference page's title and publisher, in the About dialog */
        line = g_strdup_printf (_("“%s”, %s (reference, not from the documents)"), source->title,
                                source->publication);
      else if (source->author != NULL)
        line = g_strdup_printf ("%s, %s", source->author, source->publication);
      else
        line = g_strdup_printf ("“%s”, %s", source->title, source->publication);

      g_strv_builder_add (lines, line);
    }
  return g_strv_builder_end (lines);
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (application);
  static const char *developers[] = { "The Caucasus Atlas developers", NULL };
  static const char *basemap[] = { "Natural Earth (public domain) https://www.naturalearthdata.com", NULL };
  g_auto(GStrv) sources = quoted_sources (window);
  GtkAboutDialog *about = GTK_ABOUT_DIALOG (gtk_about_dialog_new ());

  gtk_about_dialog_set_program_name (about, _("Caucasus Atlas"));
  gtk_about_dialog_set_logo_icon_name (about, APP_ID);
  gtk_about_dialog_set_version (about, PACKAGE_VERSION);
  gtk_about_dialog_set_comments (about, _("The South Caucasus: where its geography and its politics meet"));
  gtk_about_dialog_set_website (about, "https://github.com/caucasusatlas/caucasus-atlas");
  gtk_about_dialog_set_license_type (about, GTK_LICENSE_GPL_3_0);
  gtk_about_dialog_set_authors (about, developers);
  /* Translators: put your names here, one a line */
  gtk_about_dialog_set_translator_credits (about, _("translator-credits"));
  gtk_about_dialog_add_credit_section (about, _("Borders and basemap"), basemap);
  if (sources[0] != NULL)
    gtk_about_dialog_add_credit_section (about, _("Quoted sources"), (const char **) sources);

  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
}

/* app.open-view: the saved view that --view named, in this instance's window. */
static void
open_view (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWindow *window;

  g_application_activate (G_APPLICATION (application));
  window = gtk_application_get_active_window (application);
  if (ATLAS_IS_WINDOW (window))
    atlas_window_open_view (ATLAS_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "open-view", open_view, "s" },
  { "quit", quit },
};

/* GTK 4.8 without libadwaita does not follow GNOME's dark style by itself. Setting the
 * preference reloads the theme even to the value it has, a second theme load at every
 * start: it is set only when it changes. */
static void
follow_color_scheme (AtlasApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->interface_settings, "color-scheme");
  GtkSettings *settings = gtk_settings_get_default ();
  gboolean dark = g_strcmp0 (scheme, "prefer-dark") == 0;
  gboolean current = FALSE;

  g_object_get (settings, "gtk-application-prefer-dark-theme", &current, NULL);
  if (current != dark)
    g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
}

static void
watch_color_scheme (AtlasApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "color-scheme"))
    return;

  self->interface_settings = g_settings_new ("org.gnome.desktop.interface");
  g_signal_connect_swapped (self->interface_settings, "changed::color-scheme",
                            G_CALLBACK (follow_color_scheme), self);
  follow_color_scheme (self);
}

static void
atlas_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *save_view_accels[] = { "<Control>s", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *copy_map_accels[] = { "<Control><Shift>c", NULL };

  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (application);

  /* GtkApplication loads no style sheet of its own (libadwaita's would). */
  gtk_css_provider_load_from_resource (css, "/io/github/caucasusatlas/CaucasusAtlas/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* The icon ships in the resources too, so window lists show it when run uninstalled. */
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  watch_color_scheme (ATLAS_APPLICATION (application));
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.save-view",
                                         save_view_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.export",
                                         export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.copy-map",
                                         copy_map_accels);
}

static void
atlas_application_finalize (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->view, g_free);
  g_clear_object (&self->interface_settings);

  G_OBJECT_CLASS (atlas_application_parent_class)->finalize (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = atlas_application_finalize;
  app_class->local_command_line = atlas_application_local_command_line;
  app_class->handle_local_options = atlas_application_handle_local_options;
  app_class->startup = atlas_application_startup;
  app_class->activate = atlas_application_activate;
}

static void
atlas_application_init (AtlasApplication *self)
{
  GOptionGroup *errors = g_option_group_new ("errors", "", "", self, NULL);

  /* An error hook is called for every group's errors; this group has no options of its own. */
  g_option_group_set_error_hook (errors, on_option_error);
  g_application_add_option_group (G_APPLICATION (self), errors);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("An atlas of the South Caucasus: its borders, "
                                              "corridors, actors, events and sources."));
}

AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
