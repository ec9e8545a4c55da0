/* atlas-error-banner.c: a bar under the header that says what failed and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view that could not read the store still shows what it could; this bar says what was
 * left out ("Could not list the saved views") and the store's reason, until it is
 * dismissed. A later failure replaces an earlier one: with a failing store they come in
 * runs, and the latest is the one that matches what is on screen. Each is logged too, for
 * a report.
 */

#define G_LOG_DOMAIN "atlas-error-banner"

#include "config.h"

#include "atlas-error-banner.h"

struct _AtlasErrorBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *what_label;
  GtkLabel    *reason_label;
};

G_DEFINE_FINAL_TYPE (AtlasErrorBanner, atlas_error_banner, GTK_TYPE_WIDGET)

/**
 * atlas_error_banner_show:
 * @what: what failed, as a sentence: "Could not list the saved views"
 * @reason: why, as the error said it
 */
void
atlas_error_banner_show (AtlasErrorBanner *self,
                         const char       *what,
                         const char       *reason)
{
  g_return_if_fail (ATLAS_IS_ERROR_BANNER (self));
  g_return_if_fail (what != NULL && reason != NULL);

  /* Logged once for each run of the same failure, as views ask again on every redraw. */
  if (!atlas_error_banner_is_shown (self) ||
      g_strcmp0 (gtk_label_get_text (self->what_label), what) != 0 ||
      g_strcmp0 (gtk_label_get_text (self->reason_label), reason) != 0)
    g_message ("%s: %s", what, reason);

  gtk_label_set_text (self->what_label, what);
  gtk_label_set_text (self->reason_label, reason);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
atlas_error_banner_dismiss (AtlasErrorBanner *self)
{
  g_return_if_fail (ATLAS_IS_ERROR_BANNER (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

gboolean
atlas_error_banner_is_shown (AtlasErrorBanner *self)
{
  g_return_val_if_fail (ATLAS_IS_ERROR_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
atlas_error_banner_get_what (AtlasErrorBanner *self)
{
  g_return_val_if_fail (ATLAS_IS_ERROR_BANNER (self), NULL);

  return gtk_label_get_text (self->what_label);
}

const char *
atlas_error_banner_get_reason (AtlasErrorBanner *self)
{
  g_return_val_if_fail (ATLAS_IS_ERROR_BANNER (self), NULL);

  return gtk_label_get_text (self->reason_label);
}

static void
dismiss (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  atlas_error_banner_dismiss (ATLAS_ERROR_BANNER (widget));
}

static void
atlas_error_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_ERROR_BANNER);
  G_OBJECT_CLASS (atlas_error_banner_parent_class)->dispose (object);
}

static void
atlas_error_banner_class_init (AtlasErrorBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_error_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-error-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasErrorBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasErrorBanner, what_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasErrorBanner, reason_label);
  gtk_widget_class_install_action (widget_class, "banner.dismiss", NULL, dismiss);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_error_banner_init (AtlasErrorBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
