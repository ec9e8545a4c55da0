/* atlas-export-dialog.c: choose what to export, see it, and write it or copy it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview is the export itself, painted by the same code as the file, scaled into the
 * dialog: what it shows is what is written. It is painted once for each change of the
 * choices and kept, since a large export takes a moment to paint. Choices that do not
 * apply (a title for a map, a scale for a PDF) are hidden. A failed export says why under
 * the choices and keeps the dialog open.
 */

#define G_LOG_DOMAIN "atlas-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-export-dialog.h"

struct _AtlasExportDialog
{
  GtkWindow           parent_instance;

  AtlasSession       *session;
  AtlasFeatures      *features;
  AtlasExportOptions  on_screen;
  AtlasExportScreen   screen;
  cairo_surface_t    *painted;      /* the preview, for the size it was painted at */
  GPtrArray          *titles;       /* every title that options were given, newest last */

  GtkDrawingArea     *preview;
  GtkLabel           *size_label;
  GtkLabel           *message;
  GtkDropDown        *kind_dropdown;
  GtkLabel           *title_label;
  GtkEntry           *title_entry;
  GtkDropDown        *size_dropdown;
  GtkWidget          *custom_box;
  GtkSpinButton      *width_spin;
  GtkSpinButton      *height_spin;
  GtkLabel           *orientation_label;
  GtkDropDown        *orientation_dropdown;
  GtkLabel           *scale_label;
  GtkDropDown        *scale_dropdown;
  GtkDropDown        *format_dropdown;
};

G_DEFINE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, GTK_TYPE_WINDOW)

/**
 * atlas_export_dialog_get_options:
 *
 * What the choices in the dialog export. The title that @options point to stays as long as
 * the dialog does.
 */
void
atlas_export_dialog_get_options (AtlasExportDialog  *self,
                                 AtlasExportOptions *options)
{
  AtlasExportSize size = gtk_drop_down_get_selected (self->size_dropdown);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));

  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));

  *options = self->on_screen;
  options->kind = gtk_drop_down_get_selected (self->kind_dropdown);
  options->format = gtk_drop_down_get_selected (self->format_dropdown);
  options->scale = gtk_drop_down_get_selected (self->scale_dropdown) + 1;
  options->paper = ATLAS_PAPER_NONE;

  /* Options from an earlier call may still point to their title: each one is kept as long
   * as the dialog, and the newest is shared while the text stays the same. */
  if (*title == '\0')
    options->title = NULL;
  else if (self->titles->len > 0 &&
           g_str_equal (g_ptr_array_index (self->titles, self->titles->len - 1), title))
    options->title = g_ptr_array_index (self->titles, self->titles->len - 1);
  else
    {
      options->title = g_strdup (title);
      g_ptr_array_add (self->titles, (char *) options->title);
    }

  switch (size)
    {
    case ATLAS_EXPORT_SIZE_CUSTOM:
      options->width = gtk_spin_button_get_value_as_int (self->width_spin);
      options->height = gtk_spin_button_get_value_as_int (self->height_spin);
      break;
    case ATLAS_EXPORT_SIZE_A4:
    case ATLAS_EXPORT_SIZE_A3:
      options->paper = size == ATLAS_EXPORT_SIZE_A4 ? ATLAS_PAPER_A4 : ATLAS_PAPER_A3;
      options->landscape = gtk_drop_down_get_selected (self->orientation_dropdown) == 0;
      break;
    case ATLAS_EXPORT_SIZE_ON_SCREEN:
    default:
      if (options->kind == ATLAS_EXPORT_SHEET)
        {
          options->width = self->screen.window_width;
          options->height = self->screen.window_height;
        }
      else if (options->kind == ATLAS_EXPORT_TIMELINE)
        options->width = self->screen.timeline_width;
      break;
    }

  /* A timeline is as tall as its lanes. */
  if (options->kind == ATLAS_EXPORT_TIMELINE && options->paper == ATLAS_PAPER_NONE)
    options->height = 0;
}

/* "1920 × 1080 pixels", "A4 landscape · 3508 × 2480 pixels", "842 × 595 points" */
static char *
describe_size (const AtlasExportOptions *options,
               double                    device_width,
               double                    device_height)
{
  g_autofree char *size = NULL;

  if (options->format == ATLAS_EXPORT_PDF)
    size = g_strdup_printf (_("%.0f × %.0f points"), device_width, device_height);
  else
    size = g_strdup_printf (_("%.0f × %.0f pixels"), device_width, device_height);

  if (options->paper == ATLAS_PAPER_NONE)
    return g_steal_pointer (&size);
  /* Translators: a paper size, its orientation and the size of the file */
  return g_strdup_printf (_("%s %s · %s"), options->paper == ATLAS_PAPER_A4 ? "A4" : "A3",
                          options->landscape ? _("landscape") : _("portrait"), size);
}

/* The choices changed: show only those that apply, say the size, and paint again. */
static void
update (AtlasExportDialog *self)
{
  AtlasExportOptions options;
  g_autoptr(GError) error = NULL;
  double width, height, device_width, device_height;
  gboolean paper, measured, busy;

  atlas_export_dialog_get_options (self, &options);
  paper = options.paper != ATLAS_PAPER_NONE;

  gtk_widget_set_visible (GTK_WIDGET (self->title_label), options.kind == ATLAS_EXPORT_SHEET);
  gtk_widget_set_visible (GTK_WIDGET (self->title_entry), options.kind == ATLAS_EXPORT_SHEET);
  gtk_widget_set_visible (self->custom_box, gtk_drop_down_get_selected (self->size_dropdown) == ATLAS_EXPORT_SIZE_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->height_spin), options.kind != ATLAS_EXPORT_TIMELINE);
  gtk_widget_set_visible (GTK_WIDGET (self->orientation_label), paper);
  gtk_widget_set_visible (GTK_WIDGET (self->orientation_dropdown), paper);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_label), options.format == ATLAS_EXPORT_PNG && !paper);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_dropdown), options.format == ATLAS_EXPORT_PNG && !paper);

  measured = atlas_export_measure (self->session, &options, &width, &height, &device_width,
                                   &device_height, &error);
  if (measured)
    {
      g_autofree char *size = describe_size (&options, device_width, device_height);

      gtk_label_set_text (self->size_label, size);
    }
  else
    gtk_label_set_text (self->size_label, "");
  /* An export made now would show the last filter's events, not those on screen soon. */
  busy = atlas_results_get_busy (atlas_session_get_results (self->session));
  if (!measured)
    gtk_label_set_text (self->message, error->message);
  else if (busy)
    gtk_label_set_text (self->message, _("Waiting for the filter’s events…"));
  gtk_widget_set_visible (GTK_WIDGET (self->message), !measured || busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", measured && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.copy", measured && !busy);

  g_clear_pointer (&self->painted, cairo_surface_destroy);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* Says in the preview, @width pixels wide, why the export is not there: the store failed.
 * In the preview's own pixels, however small the export is scaled. */
static void
paint_failure (cairo_t      *cr,
               int           width,
               const GError *error)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = g_strdup_printf (_("The preview could not be drawn: %s"), error->message);

  cairo_identity_matrix (cr);
  cairo_reset_clip (cr);
  layout = pango_cairo_create_layout (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pango_layout_set_width (layout, (int) ((width - 32) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0.6, 0.1, 0.1);
  cairo_move_to (cr, 16, 16);
  pango_cairo_show_layout (cr, layout);
}

/* Paints the export, scaled to fit, into a surface kept until the choices change. */
static cairo_surface_t *
paint_preview (AtlasExportDialog *self,
               int                width,
               int                height)
{
  AtlasExportOptions options;
  cairo_surface_t *surface;
  double export_width, export_height, fit;
  g_autoptr(GError) error = NULL;
  cairo_t *cr;

  atlas_export_dialog_get_options (self, &options);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  /* Options that cannot be measured are said under the choices already, by update(). */
  if (!atlas_export_measure (self->session, &options, &export_width, &export_height, NULL, NULL, NULL))
    return surface;

  fit = MIN ((width - 16) / export_width, (height - 16) / export_height);
  cr = cairo_create (surface);
  cairo_translate (cr, round ((width - export_width * fit) / 2), round ((height - export_height * fit) / 2));

  /* A page on the dialog, with a shadow. */
  cairo_rectangle (cr, 1, 2, export_width * fit, export_height * fit);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);
  cairo_rectangle (cr, 0, 0, export_width * fit, export_height * fit);
  cairo_clip (cr);
  cairo_scale (cr, fit, fit);
  if (!atlas_export_paint (cr, self->session, self->features, &options, &error))
    paint_failure (cr, width, error);
  cairo_destroy (cr);
  return surface;
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (user_data);

  if (width < 32 || height < 32)
    return;
  if (self->painted == NULL || cairo_image_surface_get_width (self->painted) != width ||
      cairo_image_surface_get_height (self->painted) != height)
    {
      g_clear_pointer (&self->painted, cairo_surface_destroy);
      self->painted = paint_preview (self, width, height);
    }
  cairo_set_source_surface (cr, self->painted, 0, 0);
  cairo_paint (cr);
}

static void
on_preview_resize (GtkDrawingArea    *area,
                   int                width,
                   int                height,
                   AtlasExportDialog *self)
{
  g_clear_pointer (&self->painted, cairo_surface_destroy);
}

/* @file, or when its name has no format's extension, the file beside it with the chosen
 * format's added. */
static GFile *
file_with_extension (GFile             *file,
                     AtlasExportFormat *format)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *named = NULL;
  g_autoptr(GFile) parent = NULL;

  if (basename == NULL || atlas_export_format_for_name (basename, format, NULL) ||
      (parent = g_file_get_parent (file)) == NULL)
    return g_object_ref (file);
  named = g_strdup_printf ("%s.%s", basename, atlas_export_format_suffix (*format));
  return g_file_get_child (parent, named);
}

/**
 * atlas_export_dialog_save_to:
 * @file: where to write, local or not; an extension that names a format wins over the
 *   chosen one, and a name without one gets the chosen format's
 */
gboolean
atlas_export_dialog_save_to (AtlasExportDialog  *self,
                             GFile              *file,
                             GError            **error)
{
  g_autoptr(GFile) target = NULL;
  AtlasExportOptions options;

  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  atlas_export_dialog_get_options (self, &options);
  target = file_with_extension (file, &options.format);
  return atlas_export_write_file (self->session, self->features, &options, target, NULL, error);
}

/**
 * atlas_export_dialog_save_chosen:
 * @file: what the file chooser gave, which may have no path (a remote folder's)
 *
 * Writes the export to @file and closes the dialog, or says under the choices what failed
 * and stays open.
 *
 * Returns: whether @file was written
 */
gboolean
atlas_export_dialog_save_chosen (AtlasExportDialog *self,
                                 GFile             *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), FALSE);

  if (atlas_export_dialog_save_to (self, file, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }
  gtk_label_set_text (self->message, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
  return FALSE;
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* GtkFileDialog is newer than GDK_VERSION_MAX_ALLOWED, which warns of it even here. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
on_file_chosen (GObject      *dialog,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtlasExportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (dialog), result, NULL);

  if (file != NULL)
    atlas_export_dialog_save_chosen (self, file);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
on_chooser_response (GtkNativeDialog   *chooser,
                     int                response,
                     AtlasExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    atlas_export_dialog_save_chosen (self, file);
  g_object_unref (self);
}
#endif

static GtkFileFilter *
format_filter (AtlasExportFormat format)
{
  static const char *names[] = { N_("PNG image"), N_("SVG drawing"), N_("PDF document") };
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", atlas_export_format_suffix (format));

  gtk_file_filter_set_name (filter, _(names[format]));
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

/* The file chooser that fits the GTK version: GtkFileDialog from 4.10, the native file
 * chooser before. */
static void
save (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (widget);
  static const char *names[] = { N_("Caucasus map"), N_("Caucasus sheet"), N_("Caucasus timeline") };
  AtlasExportOptions options;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  atlas_export_dialog_get_options (self, &options);
  filter = format_filter (options.format);
  name = g_strdup_printf ("%s.%s", _(names[options.kind]),
                          atlas_export_format_suffix (options.format));

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export"));
    gtk_file_dialog_set_accept_label (dialog, _("_Export"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_file_chosen, g_object_ref (self));
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Export"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

/* Copies the export to the clipboard, as a PNG whatever the format chosen. */
static void
copy (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  AtlasExportOptions options;

  atlas_export_dialog_get_options (self, &options);
  options.format = ATLAS_EXPORT_PNG;
  png = atlas_export_to_bytes (self->session, self->features, &options, &error);
  if (png == NULL || (texture = gdk_texture_new_from_bytes (png, &error)) == NULL)
    {
      gtk_label_set_text (self->message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
atlas_export_dialog_dispose (GObject *object)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->features);
  g_clear_pointer (&self->painted, cairo_surface_destroy);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->dispose (object);
}

/* The titles go last: options may point to them until the dialog is gone. */
static void
atlas_export_dialog_finalize (GObject *object)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (object);

  g_ptr_array_unref (self->titles);

  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->finalize (object);
}

static void
atlas_export_dialog_class_init (AtlasExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_export_dialog_dispose;
  object_class->finalize = atlas_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, size_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, message);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, size_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, custom_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, orientation_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, orientation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, scale_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, scale_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, format_dropdown);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save);
  gtk_widget_class_install_action (widget_class, "export.copy", NULL, copy);
}

static void
atlas_export_dialog_init (AtlasExportDialog *self)
{
  GtkDropDown *choices[5];

  self->titles = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  choices[0] = self->kind_dropdown;
  choices[1] = self->size_dropdown;
  choices[2] = self->orientation_dropdown;
  choices[3] = self->scale_dropdown;
  choices[4] = self->format_dropdown;

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect (self->preview, "resize", G_CALLBACK (on_preview_resize), self);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    g_signal_connect_swapped (choices[i], "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->height_spin, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (update), self);
}

/**
 * atlas_export_dialog_new:
 * @on_screen: the map's view and the timeline's days as they are on screen, and the map's
 *   size and pixel density
 * @screen: the sizes of the timeline and the window
 */
AtlasExportDialog *
atlas_export_dialog_new (GtkWindow                *parent,
                         AtlasSession             *session,
                         AtlasFeatures            *features,
                         const AtlasExportOptions *on_screen,
                         const AtlasExportScreen  *screen)
{
  AtlasExportDialog *self;

  /* Checked before the window exists: a window once made stays among the toplevels. */
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (ATLAS_IS_FEATURES (features), NULL);
  g_return_val_if_fail (on_screen != NULL, NULL);
  g_return_val_if_fail (screen != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->features = g_object_ref (features);
  self->on_screen = *on_screen;
  self->on_screen.title = NULL;
  self->screen = *screen;
  gtk_spin_button_set_value (self->width_spin, on_screen->width);
  gtk_spin_button_set_value (self->height_spin, on_screen->height);
  gtk_drop_down_set_selected (self->scale_dropdown, CLAMP (on_screen->scale, 1, 3) - 1);
  g_signal_connect_object (atlas_session_get_results (session), "changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (atlas_session_get_results (session), "notify::busy", G_CALLBACK (update),
                           self, G_CONNECT_SWAPPED);
  update (self);
  return self;
}

/* Sets the main choices at once, as a person would in turn. */
void
atlas_export_dialog_choose (AtlasExportDialog *self,
                            AtlasExportKind    kind,
                            AtlasExportSize    size,
                            AtlasExportFormat  format)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));

  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  gtk_drop_down_set_selected (self->size_dropdown, size);
  gtk_drop_down_set_selected (self->format_dropdown, format);
}
