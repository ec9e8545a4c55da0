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
 *
 * The file is put together here with zlib rather than through libpng, so that the rows can
 * be compressed in bands on every core at once, as pigz does: each band is a raw deflate
 * stream that ends on a byte boundary (a sync flush), so that the bands joined make one
 * stream, and their checksums are combined. Each band starts without the previous one's
 * 32 KiB of history, which costs a few hundred bytes a band.
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <zlib.h>

#include "atlas-png.h"

#define COMPRESSION_LEVEL 3
#define MIN_BAND_PIXELS   (1024 * 1024)   /* smaller, a thread costs more than it saves */
#define MAX_BANDS         4
#define MAX_CHUNK         (1024 * 1024)   /* bytes of IDAT data in one chunk */

/* Rows compressed together, on a thread of their own but the first. */
typedef struct
{
  const guchar *data;
  int           width;
  int           stride;
  gboolean      opaque;
  int           first_row;
  int           end_row;
  gboolean      last;       /* ends the deflate stream; the others end on a byte */
  GByteArray   *deflated;
  guint32       adler;      /* of the rows as PNG has them, filter bytes included */
  gsize         length;
  gboolean      failed;
} Band;

/* Whether every pixel is opaque: the alpha bytes ANDed together, a row at a time. */
static gboolean
is_opaque (const guchar *data,
           int           width,
           int           height,
           int           stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixel = (const guint32 *) (data + (gsize) y * stride);
      guint32 all = 0xffffffff;

      for (int x = 0; x < width; x++)
        all &= pixel[x];
      if (all >> 24 != 0xff)
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
  if (opaque)
    {
      for (int x = 0; x < width; x++, out += 3)
        {
          out[0] = pixel[x] >> 16;
          out[1] = pixel[x] >> 8;
          out[2] = pixel[x];
        }
      return;
    }

  for (int x = 0; x < width; x++, out += 4)
    {
      guint32 p = pixel[x];
      guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (a > 0 && a < 255)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      out[0] = r;
      out[1] = g;
      out[2] = b;
      out[3] = a;
    }
}

static gpointer
deflate_band (gpointer data)
{
  Band *band = data;
  gsize row_length = 1 + (gsize) band->width * (band->opaque ? 3 : 4);
  g_autofree guchar *row = g_malloc (row_length);
  g_autofree guchar *out = g_malloc (MAX_CHUNK);
  z_stream stream = { 0 };

  /* Raw deflate: the zlib header and checksum are written once, around all the bands. */
  if (deflateInit2 (&stream, COMPRESSION_LEVEL, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    {
      band->failed = TRUE;
      return NULL;
    }
  band->adler = adler32 (0, NULL, 0);
  for (int y = band->first_row; y < band->end_row && !band->failed; y++)
    {
      int flush = y + 1 < band->end_row ? Z_NO_FLUSH : band->last ? Z_FINISH : Z_SYNC_FLUSH;

      row[0] = 0;  /* the filter: none */
      convert_row ((const guint32 *) (band->data + (gsize) y * band->stride), band->width,
                   band->opaque, row + 1);
      band->adler = adler32 (band->adler, row, row_length);
      band->length += row_length;
      stream.next_in = row;
      stream.avail_in = row_length;
      do
        {
          int status;

          stream.next_out = out;
          stream.avail_out = MAX_CHUNK;
          status = deflate (&stream, flush);
          if (status == Z_STREAM_ERROR)
            band->failed = TRUE;
          g_byte_array_append (band->deflated, out, MAX_CHUNK - stream.avail_out);
        }
      while (stream.avail_out == 0 && !band->failed);
    }
  deflateEnd (&stream);
  return NULL;
}

static void
put_be32 (guchar  *out,
          guint32  value)
{
  out[0] = value >> 24;
  out[1] = value >> 16;
  out[2] = value >> 8;
  out[3] = value;
}

static cairo_status_t
write_chunk (cairo_write_func_t  write,
             gpointer            closure,
             const char         *type,
             const guchar       *data,
             gsize               length)
{
  guchar header[8], trailer[4];
  cairo_status_t status;
  guint32 crc;

  put_be32 (header, length);
  memcpy (header + 4, type, 4);
  crc = crc32 (crc32 (0, NULL, 0), header + 4, 4);
  /* Not with no data: crc32() of NULL is the initial value, not the value unchanged. */
  if (length > 0)
    crc = crc32 (crc, data, length);
  put_be32 (trailer, crc);
  status = write (closure, header, sizeof header);
  if (status == CAIRO_STATUS_SUCCESS && length > 0)
    status = write (closure, data, length);
  if (status == CAIRO_STATUS_SUCCESS)
    status = write (closure, trailer, sizeof trailer);
  return status;
}

/* The file around the compressed bands: signature, header, data, end. */
static cairo_status_t
write_file (cairo_write_func_t  write,
            gpointer            closure,
            int                 width,
            int                 height,
            gboolean            opaque,
            Band               *bands,
            guint               n_bands)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* zlib's header for a 32 KiB window at a fast level, whose check bits make it a
   * multiple of 31. */
  static const guchar zlib_header[] = { 0x78, 0x5e };
  guchar header[13], checksum[4];
  guint32 adler = bands[0].adler;
  cairo_status_t status;

  put_be32 (header, width);
  put_be32 (header + 4, height);
  header[8] = 8;                   /* bits a sample */
  header[9] = opaque ? 2 : 6;      /* RGB or RGBA */
  header[10] = header[11] = header[12] = 0;  /* deflate, adaptive filters, no interlace */
  for (guint i = 1; i < n_bands; i++)
    adler = adler32_combine (adler, bands[i].adler, bands[i].length);
  put_be32 (checksum, adler);

  status = write (closure, signature, sizeof signature);
  if (status == CAIRO_STATUS_SUCCESS)
    status = write_chunk (write, closure, "IHDR", header, sizeof header);
  if (status == CAIRO_STATUS_SUCCESS)
    status = write_chunk (write, closure, "IDAT", zlib_header, sizeof zlib_header);
  for (guint i = 0; i < n_bands && status == CAIRO_STATUS_SUCCESS; i++)
    for (gsize offset = 0; offset < bands[i].deflated->len && status == CAIRO_STATUS_SUCCESS;
         offset += MAX_CHUNK)
      status = write_chunk (write, closure, "IDAT", bands[i].deflated->data + offset,
                            MIN (MAX_CHUNK, bands[i].deflated->len - offset));
  if (status == CAIRO_STATUS_SUCCESS)
    status = write_chunk (write, closure, "IDAT", checksum, sizeof checksum);
  if (status == CAIRO_STATUS_SUCCESS)
    status = write_chunk (write, closure, "IEND", NULL, 0);
  return status;
}

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
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  Band bands[MAX_BANDS];
  GThread *threads[MAX_BANDS] = { NULL };
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  const guchar *data;
  gboolean opaque;
  guint n_bands;

  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE,
                        CAIRO_STATUS_SURFACE_TYPE_MISMATCH);

  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return cairo_surface_write_to_png_stream (surface, write, closure);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return cairo_surface_status (surface);
  if (width == 0 || height == 0)
    return CAIRO_STATUS_INVALID_SIZE;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  opaque = format == CAIRO_FORMAT_RGB24 || is_opaque (data, width, height, stride);
  n_bands = CLAMP ((gsize) width * height / MIN_BAND_PIXELS, 1,
                   MIN ((guint) g_get_num_processors (), MAX_BANDS));
  n_bands = MIN (n_bands, (guint) height);

  for (guint i = 0; i < n_bands; i++)
    {
      bands[i] = (Band) {
        .data = data,
        .width = width,
        .stride = stride,
        .opaque = opaque,
        .first_row = (gint64) height * i / n_bands,
        .end_row = (gint64) height * (i + 1) / n_bands,
        .last = i == n_bands - 1,
        .deflated = g_byte_array_new (),
      };
      /* The first band on this thread, the others each on its own. */
      if (i > 0)
        threads[i] = g_thread_new ("atlas-png", deflate_band, &bands[i]);
    }
  deflate_band (&bands[0]);
  for (guint i = 1; i < n_bands; i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < n_bands; i++)
    if (bands[i].failed)
      status = CAIRO_STATUS_NO_MEMORY;
  if (status == CAIRO_STATUS_SUCCESS)
    status = write_file (write, closure, width, height, opaque, bands, n_bands);
  for (guint i = 0; i < n_bands; i++)
    g_byte_array_unref (bands[i].deflated);
  return status;
}
