/* The teaching tools' part of the runtime API: flank.param, the assumptions a teacher can
 * change (parameter{} definitions), and setting them from the command line (--set). */
#include "fl_script_int.h"
#include "fl_str.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int param_get(lua_State *L) {
  fl_Script *sc = FL_SC(L);
  if (!sc->game) return luaL_error(L, "flank.param.get is not available while the scenario loads; read parameters in setup(), an effect or a condition");
  const char *id = luaL_checkstring(L, 1);
  int p = fl_def_param(sc->def, id);
  if (p < 0) {
    const char *s = fl_def_param_suggest(sc->def, id);
    if (s) return luaL_error(L, "unknown parameter '%s' (did you mean '%s'?)", id, s);
    return luaL_error(L, "unknown parameter '%s'", id);
  }
  lua_pushnumber(L, fl_game_state(sc->game)->params[p]);
  return 1;
}

const fl_ApiFn fl_api_teach[] = {
  {{"param", "get", "id: string", "number",
    "The value of a parameter{} in this game: its default, the class settings' value, or what the teacher or player set "
    "(--set ID=VALUE, the briefing's Assumptions panel). Recorded in saves and replay logs.",
    "local rate = flank.param.get(\"casualty_rate\")"}, param_get},
};
const int fl_api_teach_n = (int)(sizeof fl_api_teach / sizeof fl_api_teach[0]);

int fl_script_parse_param(const fl_Script *sc, const char *spec, int *idx, double *v, char *err, size_t errn) {
  const fl_Def *d = sc->def;
  const char *eq = strchr(spec, '=');
  char id[128];
  if (!eq || eq == spec || !eq[1] || (size_t)(eq - spec) >= sizeof id) {
    snprintf(err, errn, "--set expects ID=VALUE (a parameter and a number), got '%s'", spec);
    return -1;
  }
  snprintf(id, sizeof id, "%.*s", (int)(eq - spec), spec);
  int p = fl_def_param(d, id);
  if (p < 0) {
    const char *s = fl_def_param_suggest(d, id);
    if (!d->nparam) snprintf(err, errn, "scenario '%s' has no parameters to set (it defines no parameter{})", d->id);
    else snprintf(err, errn, "scenario '%s' has no parameter '%s'%s%s%s (flank sources %s lists them)", d->id, id,
                  s ? "; did you mean '" : "", s ? s : "", s ? "'?" : "", sc->dir);
    return -1;
  }
  char *end;
  double x = strtod(eq + 1, &end);
  const fl_ParamDef *pd = &d->params[p];
  if (*end || !isfinite(x)) { snprintf(err, errn, "--set %s: '%s' is not a number", id, eq + 1); return -1; }
  if (x < pd->min || x > pd->max) {
    snprintf(err, errn, "--set %s=%g: outside the parameter's range %g..%g%s%s", id, x, pd->min, pd->max,
             *pd->unit ? " " : "", pd->unit);
    return -1;
  }
  *idx = p;
  *v = x;
  return 0;
}

void fl_script_reset_params(fl_Script *sc) {
  for (int i = 0; sc->param_base && i < sc->def->nparam; i++) fl_game_set_param(sc->game, i, sc->param_base[i]);
}

int fl_script_set_param(fl_Script *sc, const char *spec, char *err, size_t errn) {
  int p;
  double v;
  if (fl_script_parse_param(sc, spec, &p, &v, err, errn)) return -1;
  if (sc->def->params[p].locked) {
    snprintf(err, errn, "parameter '%s' is locked for this class by %s (it stays %g); a teacher can remove the "
             "'lock' line there", sc->def->params[p].id, sc->def->class_file ? sc->def->class_file : "the class settings",
             sc->def->params[p].value);
    return -1;
  }
  return fl_game_set_param(sc->game, p, v);
}
