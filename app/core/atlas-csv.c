/* atlas-csv.c: RFC 4180 CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-csv.h"

static void
append_field (GString    *out,
              const char *field)
{
  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Appends one record; a %NULL field is an empty one. Lines end in CRLF as RFC 4180 says. */
void
atlas_csv_append_row (GString           *out,
                      const char *const *fields,
                      guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/* Rows are gathered up to this many bytes and written together: a write a row would cost a
 * system call each, and gathering them all would cost memory in step with the rows. */
#define WRITER_CHUNK (64 * 1024)

struct _AtlasCsvWriter
{
  GOutputStream *out;
  GString       *pending;
};

/**
 * atlas_csv_writer_new:
 * @out: where the rows go, a chunk at a time
 *
 * Returns: (transfer full): a writer of rows to @out, in constant memory however many
 */
AtlasCsvWriter *
atlas_csv_writer_new (GOutputStream *out)
{
  AtlasCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);

  self = g_new0 (AtlasCsvWriter, 1);
  self->out = g_object_ref (out);
  self->pending = g_string_sized_new (WRITER_CHUNK + 4096);
  return self;
}

/**
 * atlas_csv_writer_flush:
 *
 * Writes the rows gathered so far; a failure says so in words (a full disk, a closed pipe).
 */
gboolean
atlas_csv_writer_flush (AtlasCsvWriter  *self,
                        GError         **error)
{
  gboolean written;

  g_return_val_if_fail (self != NULL, FALSE);

  written = g_output_stream_write_all (self->out, self->pending->str, self->pending->len,
                                       NULL, NULL, error);
  g_string_truncate (self->pending, 0);
  if (!written)
    g_prefix_error (error, _("Could not write the listing: "));
  return written;
}

/**
 * atlas_csv_writer_add_row:
 *
 * Adds a row as atlas_csv_append_row() does, writing once a chunk has gathered.
 */
gboolean
atlas_csv_writer_add_row (AtlasCsvWriter     *self,
                          const char *const  *fields,
                          guint               n_fields,
                          GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  atlas_csv_append_row (self->pending, fields, n_fields);
  return self->pending->len < WRITER_CHUNK || atlas_csv_writer_flush (self, error);
}

/* Frees @self; rows not flushed are dropped. */
void
atlas_csv_writer_free (AtlasCsvWriter *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->out);
  g_string_free (self->pending, TRUE);
  g_free (self);
}
