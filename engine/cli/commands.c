/* The table of subcommands and their help pages. */
#include "fl_cli.h"

const Cmd CLI_COMMANDS[] = {
  {"play", "[SCENARIO] [--seed N] [--side ROLE] [--set ID=VALUE] [--size WxH] [--overlay ID] [--demo] [--speed X|max] [--screenshot FILE]",
   "Play a scenario in a window (SDL2).", cmd_play,
   "Opens the title screen, or SCENARIO directly. With --demo the scenario's policies play every side\n"
   "at a watchable pace; --screenshot FILE writes a PNG at the end and exits. --side ROLE picks the\n"
   "side you play.\n"
   "  --seed N          the game's seed (default 1)\n"
   "  --side ROLE       the side you play (default: the first playable one; the briefing asks)\n"
   "  --set ID=VALUE    an assumption of the scenario (flank sources lists them; repeatable)\n"
   "  --size WxH        window size (default: fits the screen)\n"
   "  --overlay ID      start with the map shaded by one of the scenario's overlays (V cycles)\n"
   "  --demo            policies play every side; --speed X (default 1, 'max' = no pauses)\n"
   "  --screenshot FILE write a PNG when the demo ends (or of the first screen) and exit\n"
   "  --text            play in the terminal instead: the board as text (as your side sees it),\n"
   "                    numbers or names to choose options, targets and moves\n"
   "                    (for screen readers, ssh, or scripted input; needs no display);\n"
   "                    --side A,B seats several people (hotseat: each is handed the board in turn),\n"
   "                    --log FILE saves the game for your teacher (also on 'quit'), and\n"
   "                    flank play FILE --text goes on with an unfinished one and saves it back;\n"
   "                    'help' explains the indicators\n"
   "Keys: 1-9 choose an option, Enter confirms, Space ends the turn, V changes the map view, Ctrl+S save,\n"
   "Ctrl+O load, Ctrl+Z undo, F5 reload the scenario from disk, F1 all shortcuts. Saves go to\n"
   "$XDG_DATA_HOME/flank/saves. Needs a display (see flank render for PNGs without one).\n"},
  {"run", "SCENARIO [--seed N] [--side ROLE=POLICY ...] [--policy POLICY] [--set ID=VALUE ...] [--turns N] [--log FILE] [--json] [--board] [--view SIDE] [--which]",
   "Play one game headless to its end and print the outcome.", cmd_run,
   "SCENARIO is a folder with scenario.lua or a scenario's id (e.g. tutorial), looked up in\n"
   "FLANK_SCENARIOS, then $XDG_DATA_HOME/flank/scenarios, then the shipped ones (flank --help).\n"
   "POLICY is random, first, default (the scenario's AI), a policy id the scenario defines,\n"
   "or a path to a policy file returning function(view, decision) return option_id end.\n"
   "  --seed N          the game's seed (default 1); same seed + policies = the same game\n"
   "  --side ROLE=POL   who plays a side (repeatable)\n"
   "  --policy POL      play every side that has it with this policy\n"
   "  --set ID=VALUE    a parameter (an assumption the scenario lets you change; flank sources\n"
   "                    lists them), recorded in the log; repeatable\n"
   "  --turns N         stop after N turns\n"
   "  --log FILE        write the replay log (flank replay FILE --verify checks it; - is stdout)\n"
   "  --json            one JSON object: scenario, version, seed, turns, ending, tracks,\n"
   "                    decisions, events (schema: docs/run-json.md)\n"
   "  --board           the board as plain text (for screen readers and terminals): tracks,\n"
   "                    every area with owner, pieces and properties, the pending decision\n"
   "  --view SIDE       the board as that side sees it (hidden tracks, pieces, properties and\n"
   "                    log lines left out); implies --board. Without it --board shows all\n"
   "  --lang CODE       the scenario's language (flank.lang; English where it has no translation)\n"
   "  --mem MIB         memory cap of the scenario's Lua state (default 256)\n"
   "  --budget N        VM instructions per rule call (default 10000000)\n"
   "  --time S          wall-clock seconds per rule or policy call (default 5; loading: 30)\n"
   "  --which           do not play: say which folder SCENARIO is found in, and where else its\n"
   "                    id is (the first found wins)\n"},
  {"batch", "SCENARIO [--runs N] [--seed-base S] [--policy P | --side ROLE=POL | --sweep FILE]... [--set ID=VALUE] "
            "[--sweep-param ID=FROM:TO:STEP] [--jobs J] "
            "[--out FILE.csv|.jsonl] [--summary] [--plot FILE.svg] [--report FILE.html] [--x TRACK --y TRACK] "
            "[--shard K/N] [--bench] [--exact]",
   "Play many games (Monte Carlo) over seeds and policies.", cmd_batch,
   "Each --policy P (applied to every side that defines P), each run of --side ROLE=POL flags, or\n"
   "each entry of a --sweep file is one policy set; every set plays seeds S..S+N-1.\n"
   "  --set ID=VALUE  a parameter (an assumption) for every game; repeatable\n"
   "  --sweep-param ID=FROM:TO:STEP  play every policy set at each value of one parameter (the\n"
   "                  others fixed; ID alone: its own range and step); the sets are named\n"
   "                  'SET [ID=VALUE]' and the report shows a sensitivity chart per track\n"
   "  --jobs J        worker threads (default: all cores); results never depend on J\n"
   "  --out FILE      one row per game (CSV or JSON lines by extension)\n"
   "  --summary       what was run, then per policy set: ending shares with 95% intervals; mean,\n"
   "                  95% interval (its method named), median, 5-95th percentile, sd of each track\n"
   "  --plot FILE.svg histograms per track and a --x/--y scatter with the Pareto frontier\n"
   "  --report FILE.html  one self-contained page with the table and the charts\n"
   "  --shard K/N     only the K-th of N disjoint slices of the seeds (merge with flank merge)\n"
   "  --bench         print speed figures (games and turns per second, per CPU second)\n"
   "  --exact         count every instruction of every game; by default games run without\n"
   "                  the counting hook and any game that comes near a limit or fails is\n"
   "                  played again counted (docs/sandbox.md): the results are the same\n"
   "Every output records its provenance (scenario and content hash, Flank version, seeds, shard,\n"
   "policy sets, the command that replays it). --out - or a device (/dev/null) writes CSV.\n"
   "See docs/educators.md.\n"},
  {"merge", "FILE... [--out FILE] [--summary] [--scenario SCENARIO] [--plot FILE.svg] [--report FILE.html]",
   "Combine sharded batch outputs into one.", cmd_merge,
   "Reads the CSV or JSONL files of flank batch --shard runs (- is standard input) and writes the\n"
   "same CSV, summary, SVG and report, byte for byte, as one unsharded run. It refuses, naming the\n"
   "files, a set that is not exactly one batch: a shard missing, given twice or cut short, or shards\n"
   "of another scenario, version, seed range, shard count or policy sets. --scenario is optional:\n"
   "it checks that the files were made from that scenario.\n"
   "See docs/educators.md.\n"},
  {"test", "[PATH ...] [--set ID=VALUE] [--lang CODE]", "Run scenario tests (scenarios/*/tests/*.lua) headless.", cmd_test,
   "Each test file calls test(\"name\", function() ... end); inside, play{...} runs games and\n"
   "expect(x).eq/gt/lt/... asserts. With no PATH, runs every shipped scenario's tests.\n"
   "  --format tap          TAP output for CI systems\n"
   "  --format junit FILE   also write a JUnit XML report (written at the end, whole; - writes it\n"
   "                        to stdout and the per-test lines to stderr)\n"
   "  --timeout S           seconds per test (default 60)\n"
   "  --set ID=VALUE        every play{} starts from this parameter value: do the tests still\n"
   "                        hold under another assumption? (the class settings file is ignored)\n"
   "  --lang CODE           every play{} without its own lang = \"...\" loads the scenario in this\n"
   "                        language (flank.lang), as flank run --lang does\n"
   "Exit 1 if a test failed, 2 if a test file or its scenario does not load. A failure prints the seed and a\n"
   "flank run command that reproduces the game.\n"},
  {"lint", "SCENARIO [--format text|json] [--strict] [--lang CODE]", "Check a scenario without playing it.", cmd_lint,
   "Reports file:line: level: message [check]: unknown definition keys, ids that do not exist (also\n"
   "string literals passed to flank.* in rule code), flank.* functions that do not exist (flank.track.ad),\n"
   "area and piece properties nothing declares (a typo: 'yeild'), decisions without options, events that\n"
   "can never fire, areas without neighbours, globals written after load, option ids and targets a policy\n"
   "returns (inline or in a function written elsewhere, also in a required module), missing\n"
   "text_<lang>.lua keys, numbers without a source (opt-in: --lint: numbers-need-source). A --lint: ignore comment silences a line.\n"
   "  --format json   {errors, warnings, messages:[{file,line,level,check,message}]}\n"
   "  --strict        warnings fail too\n"
   "  --lang CODE     load it as --lang CODE would (flank.lang), and list the texts text_CODE.lua\n"
   "                  lacks (one warning when there is no such file: everything stays English)\n"
   "Exit 1 when there are errors (or warnings with --strict).\n"},
  {"render", "SCENARIO [--seed N] [--turn N] [--policy P] [--side ROLE=POLICY] [--set ID=VALUE] [--size WxH] [--overlay ID] [--view SIDE] [--pick OPTION] --out FILE.png",
   "Render the map to a PNG without a display.", cmd_render,
   "Plays headless with the policies to turn N (default 1), then draws the game screen with the same\n"
   "code as the window, in software, and writes a PNG. Size defaults to 1600x1000. --overlay ID\n"
   "shades the map by one of the scenario's overlays (e.g. mines) instead of by owner.\n"
   "--view SIDE draws what that side may see (default: everything, as the referee sees it).\n"
   "--pick OPTION lights the legal targets of that option of the pending decision, as the window\n"
   "does when a player chooses it.\n"},
  {"replay", "FILE [--verify] [--json] [--scenario PATH] [--until TURN | --at TURN --choose DECISION=OPTION [--targets T] [--then-policies]] "
             "[--policy P] [--side ROLE=POLICY] [--set ID=VALUE] [--log FILE]",
   "Re-simulate a recorded game, or fork it at a turn.", cmd_replay,
   "FILE is a replay log written by flank run --log (- is standard input). The scenario is --scenario\n"
   "PATH, else the scenario of the log's id (shipped, FLANK_SCENARIOS, yours); the folder the log\n"
   "names is never opened on the log's word (it could be anyone's file). --verify compares\n"
   "every turn's state hash and names the first turn that differs; a replay whose scenario changed\n"
   "is refused unless --verify is given.\n"
   "--until TURN forks the game: the recorded decisions before TURN are replayed, then policies play\n"
   "the rest (the recorded ones, or those given with --policy/--side) - the same history under\n"
   "another policy, for branch-and-compare debriefs. --log FILE records the forked game.\n"
   "--at TURN --choose DECISION=OPTION asks 'what if': the same history up to that decision in\n"
   "TURN (the first time it comes in that turn), then OPTION instead of the recorded one\n"
   "(--targets \"area:ID piece:N\" if it takes targets), then play on: the sides a person played\n"
   "make their recorded choices again, matched by decision (in the same turn when recorded then,\n"
   "else the next unused one) while still possible, so that what differs is that one choice's\n"
   "doing; the policies make the rest (--then-policies, --policy or --side: the policies play\n"
   "every side). The game as played and the fork are printed side by side, with how many later\n"
   "choices were made again.\n"
   "The log records the parameters the game was played with; --set ID=VALUE with another value is\n"
   "refused (it would be another game) unless the game is forked, when the value applies from the\n"
   "fork on.\n"},
  {"new", "NAME [--from SCENARIO] [--dir PATH | --user]", "Create a new scenario from the template.", cmd_new,
   "Creates the folder NAME in the current folder from Flank's template: it runs, lints clean and\n"
   "passes its own tests/basic.lua. Never overwrites.\n"
   "  --from SCENARIO   copy that scenario (e.g. tutorial) under the new id instead\n"
   "  --dir PATH        create PATH/NAME instead\n"
   "  --user            create it in $XDG_DATA_HOME/flank/scenarios (~/.local/share/flank/scenarios),\n"
   "                    where flank finds it by id from any folder: flank run NAME\n"},
  {"doc", "[--check] [--out DIR]", "Generate docs/api.md and docs/flank.d.lua from the API registration.", cmd_doc,
   "Writes docs/api.md, docs/flank.d.lua (Lua Language Server definitions) and docs/.luacheckrc\n"
   "(luacheck's globals) from the bindings' registration in engine/script/fl_api.c, the sandbox\n"
   "and the definition keys in fl_defs.c.\n"
   "  --check   exit 1 if the committed files are stale\n"
   "  --out DIR write elsewhere\n"},
  {"sources", "SCENARIO [--set ID=VALUE]... [--out FILE.md]", "Print a scenario's bibliography, assumptions and questions as Markdown.", cmd_sources,
   "For handouts: every source{} the scenario cites (with the short reference its text shows\n"
   "for [@id]), its parameter{} assumptions with their values, ranges and sources (a class's\n"
   "values from class.txt, and which are locked), and its discussion questions.\n"
   "  --set ID=VALUE  show this value of an assumption (the handout of a lesson that changes it)\n"
   "  --out FILE.md   write to a file instead of standard output\n"},
  {"class", "FILE... [--names] [--out FILE.html] [--csv FILE.csv] [--scenario SCENARIO] [--runs N] [--jobs J]",
   "Verify a class's games and report them against the model's ensemble.", cmd_class,
   "FILE is a student's replay log (flank play --text --log, or the window's 'Save for my teacher')\n"
   "or save, or a folder of them. Each is verified by replaying it: corrupt files, games of another\n"
   "scenario or version (foreign) and games that do not follow from their own decisions (tampered)\n"
   "are listed with the reason and left out; other files (a README) are skipped as not game\n"
   "files. The rest are compared with the model's ensemble: N games (seeds 1..N) under each\n"
   "policy the scenario defines for the students' side, and the model's games at each game's\n"
   "own seed. A game quit before an ending is marked unfinished and not compared.\n"
   "  --out FILE.html   a self-contained report (no scripts, no network): the spread of endings,\n"
   "                    the class's choices per decision, each game against the ensemble,\n"
   "                    the assumptions played with, questions and sources\n"
   "  --csv FILE.csv    one row per verified game: seed, ending, tracks, standings, choices\n"
   "                    ('-': standard output)\n"
   "  --names           name students by their files (default: Student 1..N, in an order that\n"
   "                    does not follow the names)\n"
   "  --scenario S      the class's scenario (default: the one most files are for)\n"
   "  --runs N          model games per policy (default 500; 0: no comparison)\n"
   "  --jobs J          threads for the model's games (default: all cores)\n"
   "Exit 1 if no file could be verified.\n"},
  {NULL, NULL, NULL, NULL, NULL},
};
