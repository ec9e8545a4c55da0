/* atlas-vocabulary.c: the words the store allows for kinds and statuses, and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every kind of actor, place, corridor, zone, event, relation, status row and source, and
 * every status of a corridor, is listed here once, in the order the program offers them,
 * with the words it shows for them. The store's CHECK constraints (data/schema/) say which terms a store may
 * hold; they are migrations and stay as they were written, so tests/test-records.c checks
 * that they list the same terms as this table, and tools/dataset-check.py reads its lists
 * from the schema itself.
 */

#define G_LOG_DOMAIN "atlas-vocabulary"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-vocabulary.h"

typedef struct
{
  const char *term;    /* as the store and the dataset write it */
  const char *label;   /* untranslated */
  const char *plural;  /* untranslated, or NULL where no view needs it */
} Term;

static const Term actor_kinds[] = {
  { "state", N_("State"), N_("States") },
  { "person", N_("Person"), N_("People") },
  { "organisation", N_("Organisation"), N_("Organisations") },
  { "alliance", N_("Alliance"), N_("Alliances") },
  { "company", N_("Company"), N_("Companies") },
};

static const Term place_kinds[] = {
  { "capital", N_("Capital") },
  { "city", N_("City") },
  { "town", N_("Town") },
  { "port", N_("Port") },
  { "border-crossing", N_("Border crossing") },
  { "region", N_("Region") },
  { "site", N_("Site") },
};

static const Term corridor_kinds[] = {
  { "rail", N_("Rail corridor") },
  { "road", N_("Road corridor") },
  { "oil-pipeline", N_("Oil pipeline") },
  { "gas-pipeline", N_("Gas pipeline") },
  { "multimodal", N_("Multimodal corridor") },
};

/* In the order a corridor goes through them, as AtlasStatus numbers them. */
static const Term corridor_statuses[] = {
  { "proposed", N_("Proposed") },
  { "agreed", N_("Agreed") },
  { "under-construction", N_("Under construction") },
  { "operational", N_("Operational") },
  { "suspended", N_("Suspended") },
};

/* What a status row claims: the corridor became the status on its date, or a source of
 * its date says the corridor is in it. */
static const Term status_kinds[] = {
  { "change", N_("Change") },
  { "report", N_("Report") },
};

/* Where a source's words come from: an article quoted, or a public reference page that
 * backs a well-established fact in notes of our own. */
static const Term source_kinds[] = {
  { "document", N_("Document") },
  { "reference", N_("Reference, not from the documents") },
};

static const Term zone_kinds[] = {
  { "exclave", N_("Exclave") },
  { "peacekeeping", N_("Peacekeeping zone") },
  { "autonomous-oblast", N_("Autonomous oblast") },
  { "transit-corridor", N_("Transit corridor") },
  { "conflict-zone", N_("Conflict zone") },
};

/* In the order of the dataset's README, as the kinds filter offers them. */
static const Term event_kinds[] = {
  { "agreement", N_("Agreement") },
  { "summit", N_("Summit") },
  { "visit", N_("Visit") },
  { "meeting", N_("Meeting") },
  { "statement", N_("Statement") },
  { "military", N_("Military") },
  { "conflict", N_("Conflict") },
  { "exercise", N_("Exercise") },
  { "incident", N_("Incident") },
  { "legislation", N_("Legislation") },
  { "sanction", N_("Sanction") },
  { "economic", N_("Economic") },
  { "infrastructure", N_("Infrastructure") },
  { "election", N_("Election") },
  { "diplomatic", N_("Diplomatic") },
};

static const Term relation_kinds[] = {
  { "alliance", N_("Alliance") },
  { "strategic-partnership", N_("Strategic partnership") },
  { "partnership", N_("Partnership") },
  { "rivalry", N_("Rivalry") },
  { "mediation", N_("Mediation") },
  { "sanction", N_("Sanction") },
  { "conflict", N_("Conflict") },
};

static const struct
{
  const char *table;   /* the column whose CHECK lists the terms */
  const char *column;
  const Term *terms;
  guint       n_terms;
} vocabularies[] = {
#define VOCABULARY(table, column, terms) { table, column, terms, G_N_ELEMENTS (terms) }
  [ATLAS_VOCABULARY_ACTOR_KINDS] = VOCABULARY ("actors", "kind", actor_kinds),
  [ATLAS_VOCABULARY_PLACE_KINDS] = VOCABULARY ("places", "kind", place_kinds),
  [ATLAS_VOCABULARY_CORRIDOR_KINDS] = VOCABULARY ("corridors", "kind", corridor_kinds),
  [ATLAS_VOCABULARY_CORRIDOR_STATUSES] = VOCABULARY ("corridor_status", "status",
                                                     corridor_statuses),
  [ATLAS_VOCABULARY_STATUS_KINDS] = VOCABULARY ("corridor_status", "kind", status_kinds),
  [ATLAS_VOCABULARY_SOURCE_KINDS] = VOCABULARY ("sources", "kind", source_kinds),
  [ATLAS_VOCABULARY_ZONE_KINDS] = VOCABULARY ("zones", "kind", zone_kinds),
  [ATLAS_VOCABULARY_EVENT_KINDS] = VOCABULARY ("events", "kind", event_kinds),
  [ATLAS_VOCABULARY_RELATION_KINDS] = VOCABULARY ("relations", "kind", relation_kinds),
#undef VOCABULARY
};

G_STATIC_ASSERT (G_N_ELEMENTS (vocabularies) == ATLAS_N_VOCABULARIES);

guint
atlas_vocabulary_get_n_terms (AtlasVocabulary vocabulary)
{
  g_return_val_if_fail (vocabulary < ATLAS_N_VOCABULARIES, 0);

  return vocabularies[vocabulary].n_terms;
}

const char *
atlas_vocabulary_get_term (AtlasVocabulary vocabulary,
                           guint           position)
{
  g_return_val_if_fail (vocabulary < ATLAS_N_VOCABULARIES, NULL);
  g_return_val_if_fail (position < vocabularies[vocabulary].n_terms, NULL);

  return vocabularies[vocabulary].terms[position].term;
}

/* The position of @term in @vocabulary, or -1 when it is none of its terms. */
int
atlas_vocabulary_find (AtlasVocabulary  vocabulary,
                       const char      *term)
{
  g_return_val_if_fail (vocabulary < ATLAS_N_VOCABULARIES, -1);

  for (guint i = 0; i < vocabularies[vocabulary].n_terms; i++)
    if (g_strcmp0 (term, vocabularies[vocabulary].terms[i].term) == 0)
      return i;

  return -1;
}

/* The words shown for @term, translated. A store changed by hand may hold a term the
 * program does not know: it is shown as it is. */
const char *
atlas_vocabulary_get_label (AtlasVocabulary  vocabulary,
                            const char      *term)
{
  int position = atlas_vocabulary_find (vocabulary, term);

  if (position < 0)
    return term;
  return _(vocabularies[vocabulary].terms[position].label);
}

/* "States" for "state": the heading of a group of them. Falls back as the label does. */
const char *
atlas_vocabulary_get_plural (AtlasVocabulary  vocabulary,
                             const char      *term)
{
  int position = atlas_vocabulary_find (vocabulary, term);

  if (position < 0 || vocabularies[vocabulary].terms[position].plural == NULL)
    return atlas_vocabulary_get_label (vocabulary, term);
  return _(vocabularies[vocabulary].terms[position].plural);
}

/* The table and column of the store whose CHECK constraint lists the terms. */
const char *
atlas_vocabulary_get_table (AtlasVocabulary vocabulary)
{
  g_return_val_if_fail (vocabulary < ATLAS_N_VOCABULARIES, NULL);

  return vocabularies[vocabulary].table;
}

const char *
atlas_vocabulary_get_column (AtlasVocabulary vocabulary)
{
  g_return_val_if_fail (vocabulary < ATLAS_N_VOCABULARIES, NULL);

  return vocabularies[vocabulary].column;
}
