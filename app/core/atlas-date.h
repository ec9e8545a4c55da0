/* atlas-date.h: dates at the precision the sources give (year, month or day)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_DATE_ERROR (atlas_date_error_quark ())

typedef enum
{
  ATLAS_DATE_ERROR_INVALID,
} AtlasDateError;

typedef enum
{
  ATLAS_DATE_INVALID,
  ATLAS_DATE_YEAR,
  ATLAS_DATE_MONTH,
  ATLAS_DATE_DAY,
} AtlasDatePrecision;

AtlasDatePrecision  atlas_date_parse           (const char *text,
                                                GDate      *first_day,
                                                GDate      *last_day);
const char         *atlas_date_precision_name  (AtlasDatePrecision precision);
char               *atlas_date_first_day       (const char *text);
char               *atlas_date_last_day        (const char *text);
char               *atlas_date_format          (const char *text);
GQuark              atlas_date_error_quark     (void);
char               *atlas_date_read            (const char  *text,
                                                GError     **error);
char               *atlas_date_format_span     (const char *start,
                                                const char *end,
                                                gboolean    approximate);

/* Days as Julian day numbers, as SQLite's julianday() counts them. */
int                 atlas_date_today_number    (void);
int                 atlas_date_to_number       (const char *iso);
char               *atlas_date_from_number     (int         number);
void                atlas_date_number_to_gdate (double      number,
                                                GDate      *date);
int                 atlas_date_gdate_to_number (const GDate *date);

G_END_DECLS
