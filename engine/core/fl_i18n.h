/* fl_i18n: the engine's own words (the window's panel titles, buttons, help, messages) in
 * the player's language. Translations are GNU gettext catalogues: po/<lang>.po, compiled by
 * msgfmt into <lang>/LC_MESSAGES/flank.mo at build time and installed under share/locale.
 * The .mo file is read here directly instead of through setlocale(), so choosing a language
 * changes no number formatting or sorting anywhere else. A word without a translation, or a
 * language without a catalogue, stays English. */
#ifndef FL_I18N_H
#define FL_I18N_H

/* Use lang's catalogue ("en" or NULL: English). 0 when the catalogue was found (or English);
 * -1 when there is none (English is used). Call once at start-up, before any thread runs. */
int fl_i18n_set(const char *lang);
/* The language in use ("en" when no catalogue is loaded). */
const char *fl_i18n_lang(void);
/* msgid in the language in use (msgid itself when it has no translation). */
const char *fl_tr(const char *msgid);
/* msgid as used in context ctxt (gettext's msgctxt: the same English word, another sense). */
const char *fl_trc(const char *ctxt, const char *msgid);
/* The singular or plural form for n, in the language's own plural rule. */
const char *fl_ntr(const char *singular, const char *plural, long n);
/* How many lookups found no translation since fl_i18n_set (tests: every word translated). */
int fl_i18n_misses(void);

/* Mark words for xgettext (po/update: --keyword=FL_TR --keyword=FL_N --keyword=FL_NTR:1,2 --keyword=FL_NC:1c,2). */
#define FL_TR(s) fl_tr(s)
#define FL_NTR(s, p, n) fl_ntr(s, p, n)
#define FL_N(s) (s) /* in a table, translated where it is shown */
#define FL_NC(c, s) (s) /* the same, in context c (translated with fl_trc) */

#endif
