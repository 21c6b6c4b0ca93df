/* fl_cite: citations in a scenario's text. Text cites a source by id as [@id], with an
 * optional locator ([@ottawa, Art. 20]) and several at once ([@rand; @efp]). Resolving
 * a text replaces each citation with a short reference, "(Shlapak & Johnson 2016)", and
 * says which sources it stands for and where it sits in the resolved text, so the window
 * can expand one on hover or click; the bibliography lists the full entries.
 * Short references are a source's short name if it has one, else its authors' surnames
 * ("Surname, Given; Surname, Given", or an organisation), else its title, else its id,
 * then the year. Pure C over fl_Def. */
#ifndef FL_CITE_H
#define FL_CITE_H
#include <stddef.h>
#include "fl_def.h"

#define FL_CITE_MAX 16 /* sources in one bracket */

/* One citation in a resolved text: bytes [start, start+len) of fl_Cited.text are its short
 * reference; src[] are the indices of the sources it cites (in d->sources). */
typedef struct fl_Cite { size_t start, len; int src[FL_CITE_MAX]; int nsrc; } fl_Cite;

typedef struct fl_Cited {
  char *text;                /* the text with short references (owned) */
  fl_Cite *cites; int ncite; /* in order of appearance (owned) */
  int unknown;               /* citations of ids the scenario does not define (left as written) */
} fl_Cited;

/* Resolve the citations of text (NULL is read as ""). 0 ok, -1 out of memory (out zeroed).
 * Free with fl_cited_free. */
int fl_cite_resolve(const fl_Def *d, const char *text, fl_Cited *out);
void fl_cited_free(fl_Cited *c);
/* Call fn for every citation [@id...] in text, with each id as written (for lint: unknown
 * and used ids); offset is the byte where the citation's bracket starts. A bracket that
 * starts like one ("[@a") but cannot be read (more than FL_CITE_MAX ids, a locator without
 * its "]") gets one call with id NULL. Returns how many citations there are. */
int fl_cite_scan(const char *text, void (*fn)(void *ud, const char *id, size_t offset), void *ud);
/* A source's short reference without brackets, e.g. "Shlapak & Johnson 2016", into buf. */
const char *fl_cite_short(const fl_Source *s, char *buf, size_t n);
/* A source's full entry into buf: author (year). title. publisher. link. note. With
 * markdown = 1 the title is in *italics* and the link is <link>. */
const char *fl_cite_entry(const fl_Source *s, int markdown, char *buf, size_t n);
/* The sources in bibliography order (by short reference, then id): fills order[] with
 * d->nsource indices. */
void fl_cite_order(const fl_Def *d, int *order);
/* The next mark of evidence strength in text at or after it: "[H]", "[M]" (one to three
 * capital letters or digits in brackets). Returns where the mark's letters start (after
 * the "["), with their length in *len; NULL when there is none. */
const char *fl_cite_mark(const char *text, size_t *len);
/* The legend of the scenario's evidence{} marks as one line, "[H] treaty text or ...;
 * [L] weak ...", into buf; with only != NULL just the marks that text uses (a popup shows
 * the marks of the entries it shows). Returns how many marks it lists (0: buf is ""). */
int fl_cite_legend(const fl_Def *d, const char *only, char *buf, size_t n);

#endif
