/* atlas-settings.c: the program's GSettings, when its schema is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A program run from its build folder without GSETTINGS_SCHEMA_DIR, or installed without
 * its schema compiled, still works: it just does not remember its window and views.
 */

#define G_LOG_DOMAIN "atlas-settings"

#include "config.h"

#include "atlas-settings.h"

/**
 * atlas_settings_new:
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL when the schema is missing
 */
GSettings *
atlas_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: the window and the view will not "
                 "be remembered", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
empty_to_null (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char *text = g_variant_get_string (variant, NULL);

  g_value_set_string (value, *text != '\0' ? text : NULL);
  return TRUE;
}

static GVariant *
null_to_empty (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  const char *text = g_value_get_string (value);

  return g_variant_new_string (text != NULL ? text : "");
}

/* Binds a string key to a nullable string property: the empty string stands for NULL. */
void
atlas_settings_bind_string (GSettings  *settings,
                            const char *key,
                            gpointer    object,
                            const char *property)
{
  g_settings_bind_with_mapping (settings, key, object, property, G_SETTINGS_BIND_DEFAULT,
                                empty_to_null, null_to_empty, NULL, NULL);
}
