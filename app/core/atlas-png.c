/* atlas-png.c: cairo image surfaces as PNG, compressed for what maps are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo_surface_write_to_png_stream() keeps libpng's defaults: zlib's level 6, and each of
 * the five filters tried on every row to keep the best. On the 4000 × 3000 sheet that was
 * 54 % of the export. Maps, sheets and timelines are flat colours with antialiased edges
 * and text, where a row repeats itself: deflate finds those repeats best in the pixels as
 * they are, and a filter only breaks them up. Medians of 7 encodings of the bundled store's
 * exports as bench-export writes them (a shared 2-core machine; ms and bytes):
 *
 *                            sheet 4000 × 3000     map 1920 × 1080     timeline 3000
 *   cairo (level 6, adaptive)  614  1,149,329        113  487,509        37  26,964
 *   level 1, no filter         124  1,165,007         30  435,291        10  52,056
 *   level 3, no filter         137  1,142,507         33  426,877        10  49,088
 *   level 4, no filter         235    990,679         47  403,395        15  42,336
 *   level 6, no filter         248    983,265         65  399,240        20  41,095
 *   level 9, no filter        1198    939,381        297  384,276        57  29,783
 *   level 3, Up filter         222  1,320,017         40  527,111        11  36,774
 *   level 3, Paeth filter      314  1,306,305         48  522,032        15  36,722
 *   level 3, adaptive          560  1,295,338         92  519,325        26  35,942
 *
 * So: level 3, the last of zlib's greedy levels (from 4 it matches lazily: on the sheet,
 * 1.7 times the time for 13 % smaller files), and no filter. Against cairo's, maps and sheets are as
 * large or smaller (−1 % and −12 % here) in a quarter of the time or less; a timeline
 * strip, mostly white, is larger (49 KB against 27 KB), which is little beside a map. An
 * opaque picture (all of ours) is written as RGB, a quarter less to compress than RGBA.
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <png.h>

#include "atlas-png.h"

#define COMPRESSION_LEVEL 3

/* Everything the encoding reads after setjmp(), on the heap: what a longjmp() comes back
 * to must not have lived in registers. */
typedef struct
{
  cairo_write_func_t  write;
  gpointer            closure;
  cairo_status_t      status;
  const guchar       *data;
  int                 width;
  int                 height;
  int                 stride;
  gboolean            opaque;
  guchar             *row;
  gboolean            done;
} Output;

static void
write_data (png_structp png,
            png_bytep   data,
            png_size_t  length)
{
  Output *output = png_get_io_ptr (png);

  if (output->status == CAIRO_STATUS_SUCCESS)
    output->status = output->write (output->closure, data, length);
  if (output->status != CAIRO_STATUS_SUCCESS)
    png_error (png, "write");
}

static void
flush_data (png_structp png)
{
}

/* libpng's own handlers print; ours only leave, the caller says what failed. */
static void
on_error (png_structp     png,
          png_const_charp message)
{
  png_longjmp (png, 1);
}

static void
on_warning (png_structp     png,
            png_const_charp message)
{
}

static gboolean
is_opaque (const guchar *data,
           int           width,
           int           height,
           int           stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixel = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if (pixel[x] < 0xff000000)
          return FALSE;
    }
  return TRUE;
}

/* One row of cairo's premultiplied native-endian ARGB as PNG's RGB or straight RGBA. */
static void
convert_row (const guint32 *pixel,
             int            width,
             gboolean       opaque,
             guchar        *out)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = pixel[x];
      guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (opaque)
        {
          *out++ = r;
          *out++ = g;
          *out++ = b;
          continue;
        }
      if (a > 0 && a < 255)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      *out++ = r;
      *out++ = g;
      *out++ = b;
      *out++ = a;
    }
}

/* Writes the whole file; libpng leaves by longjmp() on any failure. */
static void
encode (png_structp  png,
        png_infop    info,
        Output      *output)
{
  png_set_write_fn (png, output, write_data, flush_data);
  png_set_IHDR (png, info, output->width, output->height, 8,
                output->opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, COMPRESSION_LEVEL);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info (png, info);
  for (int y = 0; y < output->height; y++)
    {
      convert_row ((const guint32 *) (output->data + (gsize) y * output->stride), output->width,
                   output->opaque, output->row);
      png_write_row (png, output->row);
    }
  png_write_end (png, info);
  output->done = TRUE;
}

static void
output_free (Output *output)
{
  g_free (output->row);
  g_free (output);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Output, output_free)

/**
 * atlas_png_write:
 * @surface: an image surface, ARGB32 or RGB24
 * @write: called with the file's bytes, in order
 *
 * Writes @surface as a PNG file at the compression chosen above, as
 * cairo_surface_write_to_png_stream() does.
 *
 * Returns: %CAIRO_STATUS_SUCCESS, or what @write returned when it failed
 */
cairo_status_t
atlas_png_write (cairo_surface_t    *surface,
                 cairo_write_func_t  write,
                 gpointer            closure)
{
  cairo_format_t format = cairo_image_surface_get_format (surface);
  g_autoptr(Output) output = NULL;
  png_structp png;
  png_infop info;

  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE,
                        CAIRO_STATUS_SURFACE_TYPE_MISMATCH);

  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return cairo_surface_write_to_png_stream (surface, write, closure);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return cairo_surface_status (surface);
  if (cairo_image_surface_get_width (surface) == 0 || cairo_image_surface_get_height (surface) == 0)
    return CAIRO_STATUS_INVALID_SIZE;

  cairo_surface_flush (surface);
  output = g_new0 (Output, 1);
  *output = (Output) {
    .write = write,
    .closure = closure,
    .status = CAIRO_STATUS_SUCCESS,
    .data = cairo_image_surface_get_data (surface),
    .width = cairo_image_surface_get_width (surface),
    .height = cairo_image_surface_get_height (surface),
    .stride = cairo_image_surface_get_stride (surface),
  };
  output->opaque = format == CAIRO_FORMAT_RGB24 ||
                   is_opaque (output->data, output->width, output->height, output->stride);
  output->row = g_malloc ((gsize) output->width * 4);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, on_error, on_warning);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }
  if (setjmp (png_jmpbuf (png)) == 0)
    encode (png, info, output);
  png_destroy_write_struct (&png, &info);
  if (output->status != CAIRO_STATUS_SUCCESS)
    return output->status;
  return output->done ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}
