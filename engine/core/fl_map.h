/* fl_map: the static board — areas with lon/lat polygons (holes allowed),
 * backdrop land, towns, and adjacency derived from shared borders.
 * A map is immutable once linked and is shared by every game of a scenario. */
#ifndef FL_MAP_H
#define FL_MAP_H
#include <stddef.h>

typedef struct fl_Ring { int n, hole; double *pts; /* n (lon, lat) pairs */ } fl_Ring;

typedef struct fl_MapArea {
  char *id, *name, *terrain, *country;
  int nrings; fl_Ring *rings;
  int nadj; int *adj;        /* indices of neighbouring areas, ascending */
  double label[2];           /* where the name goes: see fl_map_compute_labels */
  double bbox[4];            /* min lon, min lat, max lon, max lat */
  int line;                  /* source line of the definition (0 if unknown) */
  int important;             /* the scenario marks it key: labelled first */
} fl_MapArea;

typedef struct fl_Place { char *id, *name; int area; double lon, lat; long pop; } fl_Place;

typedef struct fl_Map fl_Map;

/* Bounds checked before anything is allocated, whether the map comes from a file or
 * from area{} definitions: a hostile file cannot make loading take minutes or gigabytes. */
#define FL_MAP_MAX_AREAS 100000
#define FL_MAP_MAX_POINTS 2000000 /* ring points over all areas and land */
#define FL_MAP_MAX_PLACES 100000
#define FL_MAP_MAX_ADJ 200000     /* explicit adjacency pairs */
#define FL_MAP_MAX_NEIGHBOURS 2000000 /* derived neighbour entries (each pair counts twice) */

/* Create an empty map; free it with fl_map_free. */
fl_Map *fl_map_new(void);
/* Free a map and everything it owns (NULL is fine). */
void fl_map_free(fl_Map *m);
/* Parse the "flank-map 1" text format; name is used in messages. 0 ok, -1 error in err. */
int fl_map_parse(fl_Map *m, const char *text, size_t len, const char *name, char *err, size_t errn);
/* Read and parse a map file. 0 ok, -1 error ("file:line: what") in err. */
int fl_map_load(fl_Map *m, const char *path, char *err, size_t errn);
/* Add an area; returns its index, or -1 if the id is taken or invalid, or there are
 * FL_MAP_MAX_AREAS already. Strings are copied. */
int fl_map_add_area(fl_Map *m, const char *id, const char *name, const char *terrain,
                    const char *country, int line);
/* Add a ring of n lon/lat pairs to an area (hole=1 for a hole). 0 ok, -1 bad (or past
 * FL_MAP_MAX_POINTS). */
int fl_map_add_ring(fl_Map *m, int area, int hole, const double *pts, int n);
/* Add a town; returns its index or -1. */
int fl_map_add_place(fl_Map *m, const char *id, int area, double lon, double lat, long pop,
                     const char *name);
/* Declare two areas adjacent regardless of geometry. */
int fl_map_add_adj(fl_Map *m, int a, int b);
/* Derive adjacency from shared border segments (1e-4 degree grid) and compute label
 * points and bounding boxes. Call once after all areas are added. 0 ok; -1 when the
 * areas would have more than FL_MAP_MAX_NEIGHBOURS neighbour pairs (or out of memory):
 * then no area has neighbours. */
int fl_map_link(fl_Map *m);

/* Move every area's label point to its visual centre (the point farthest inside).
 * Costs a few ms on a large map, so only renderers call it; until then label is the
 * largest ring's centroid. */
void fl_map_compute_labels(fl_Map *m);
/* Number of areas, backdrop land shapes, places. */
int fl_map_area_count(const fl_Map *m);
int fl_map_land_count(const fl_Map *m);
int fl_map_place_count(const fl_Map *m);
/* Borrowed pointers, valid while the map lives. */
const fl_MapArea *fl_map_area(const fl_Map *m, int i);
const fl_MapArea *fl_map_land(const fl_Map *m, int i);
const fl_Place *fl_map_place(const fl_Map *m, int i);
/* Index of an area by id, or -1. */
int fl_map_find_area(const fl_Map *m, const char *id);
/* Whether areas a and b are adjacent. */
int fl_map_adjacent(const fl_Map *m, int a, int b);
/* Bounding box over all areas and land: minlon, minlat, maxlon, maxlat. */
void fl_map_bounds(const fl_Map *m, double out[4]);
/* Title and source lines of a parsed map file (may be NULL / 0). */
const char *fl_map_title(const fl_Map *m);
int fl_map_source_count(const fl_Map *m);
const char *fl_map_source(const fl_Map *m, int i);
/* Whether a lon/lat point lies in an area (even-odd over all its rings). */
int fl_map_contains(const fl_Map *m, int area, double lon, double lat);

#endif
