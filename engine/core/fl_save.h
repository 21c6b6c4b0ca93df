/* fl_save: save files. A save is data only — never code — in a container with a
 * magic, a format version, the payload length and a checksum, written atomically
 * (temp file in the same folder, fsync, rename, fsync of the folder) so a crash or a
 * full disk never destroys the previous save. */
#ifndef FL_SAVE_H
#define FL_SAVE_H
#include <stddef.h>
#include <stdint.h>
#include "fl_def.h"
#include "fl_state.h"

#define FL_SAVE_VERSION 3u /* 2: targets, movement, visibility, annotations; 3: seed and parameters */

/* Write len bytes to path atomically. 0 ok; -1 with "path: reason" in err (old file intact). */
int fl_save_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errn);
/* Save a game: scenario id, version and content hash, then the whole state and log. */
int fl_save_game(const char *path, const fl_Def *def, const fl_State *s, char *err, size_t errn);
/* Load a save made for def into s. 0 ok; -1 with "path: what is wrong" in err (s unchanged). */
int fl_save_load(const char *path, const fl_Def *def, fl_State *s, char *err, size_t errn);
/* The scenario a save is for, read without its definition: the id (into id, idn bytes) and
 * the content hash. 0 ok; -1 with "name: what is wrong" (not a save, another format
 * version, truncated, checksum mismatch). */
int fl_save_peek(const void *data, size_t len, const char *name, char *id, size_t idn, uint64_t *content, char *err,
                 size_t errn);
/* Same as fl_save_load over bytes in memory (name is used in messages). */
int fl_save_parse(const void *data, size_t len, const char *name, const fl_Def *def, fl_State *s,
                  char *err, size_t errn);

#endif
