/* fl_path: where Flank's own files and a user's files are.
 * The data folder (scenarios/, assets/) is found relative to the running binary, so an
 * installed prefix may move and needs no source tree; a binary in a build tree uses the
 * source tree it was built from. */
#ifndef FL_PATH_H
#define FL_PATH_H
#include <stddef.h>

/* Flank's data folder into out: <folder of the binary>/FLANK_DATA_REL (../share/flank) when it
 * holds scenarios/ or assets/, else the source tree the binary was built from.
 * 0 ok; -1 (out is "") when neither exists. */
int fl_path_data(char *out, size_t n);
/* The user's Flank folder, $XDG_DATA_HOME/flank (default ~/.local/share/flank), with "/sub"
 * appended when sub is not NULL. 0 ok; -1 (out is "") when neither variable gives a folder. */
int fl_path_user(const char *sub, char *out, size_t n);
/* The file a scenario names as "assets/...": <root>/../<rel> when that exists (root is the
 * folder holding the scenario, so a source or installed tree finds its own assets), else the
 * same file in the data folder (a scenario kept anywhere else still finds shipped maps). */
void fl_path_asset(const char *root, const char *rel, char *out, size_t n);
/* Create a folder and its missing parents (mkdir -p). 0 ok; -1 with errno set. */
int fl_path_mkdirs(const char *path);

#endif
