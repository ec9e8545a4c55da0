/* fuzz-png.c: the PNG writer on any picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first bytes give the picture's width, height and whether it is translucent; the rest
 * are its pixels, repeated to fill it. What the writer makes must read back, through cairo's
 * own PNG reader, as the same size and the same pixels (premultiplied, as cairo keeps them).
 */

#include "config.h"

#include <string.h>

#include "atlas-png.h"
#include "fuzz-util.h"

static cairo_status_t
append (gpointer             closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  GByteArray *bytes;
  gsize       offset;
} Reader;

static cairo_status_t
read_back (gpointer       closure,
           unsigned char *data,
           unsigned int   length)
{
  Reader *reader = closure;

  if (reader->offset + length > reader->bytes->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->bytes->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface, *read;
  Reader reader = { png, 0 };
  cairo_format_t format;
  int width, height, stride;
  unsigned char *pixels;

  if (size < 4)
    return 0;
  width = 1 + data[0] % 300;
  height = 1 + data[1] % 300;
  format = data[2] & 1 ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
  data += 3;
  size -= 3;

  surface = cairo_image_surface_create (format, width, height);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      pixels[y * stride + x] = data[(y * width * 4 + x) % size];
  /* Premultiplied: no channel above its alpha, as cairo's own drawing leaves them. */
  for (int y = 0; y < height && format == CAIRO_FORMAT_ARGB32; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 *pixel = (guint32 *) (pixels + y * stride) + x;
        guint32 alpha = *pixel >> 24;
        guint32 r = MIN ((*pixel >> 16) & 0xff, alpha), g = MIN ((*pixel >> 8) & 0xff, alpha);
        guint32 b = MIN (*pixel & 0xff, alpha);

        *pixel = alpha << 24 | r << 16 | g << 8 | b;
      }
  cairo_surface_mark_dirty (surface);

  g_assert_cmpint (atlas_png_write (surface, append, png), ==, CAIRO_STATUS_SUCCESS);
  read = cairo_image_surface_create_from_png_stream (read_back, &reader);
  g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (read), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (read), ==, height);
  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (pixels + y * stride);
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (read) +
                                            y * cairo_image_surface_get_stride (read));

      for (int x = 0; x < width; x++)
        {
          guint32 mask = format == CAIRO_FORMAT_ARGB32 ? 0xffffffff : 0x00ffffff;

          /* A premultiplied pixel goes through unpremultiplying and back: it may round. */
          if (format == CAIRO_FORMAT_ARGB32 && (a[x] >> 24) != 0xff && (a[x] >> 24) != 0)
            g_assert_cmpuint (a[x] >> 24, ==, b[x] >> 24);
          else
            g_assert_cmphex (a[x] & mask, ==, b[x] & mask);
        }
    }
  cairo_surface_destroy (read);
  cairo_surface_destroy (surface);
  return 0;
}
