/* fl_defs*.c only: short names for the definition builder's helpers (fl_defs_int.h). */
#ifndef FL_DEFS_SHORT_H
#define FL_DEFS_SHORT_H
#include "fl_defs_int.h"
typedef fl_DefB B;
#define rget fl_db_rget
#define rlen fl_db_len
#define bfail fl_db_fail
#define at fl_db_at
#define fstr fl_db_str
#define fnum fl_db_num
#define fbool fl_db_bool
#define ffn fl_db_fn
#define fid fl_db_id
#define list fl_db_list
#define zalloc fl_db_zalloc
#define ref_side fl_db_ref_side
#define ref_track fl_db_ref_track
#define ref_phase fl_db_ref_phase
#endif
