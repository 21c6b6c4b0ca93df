#!/usr/bin/env bash
# The cluster recipes of docs/educators.md work as written: the blocks marked "tested" are
# cut out of the document and run (with a small batch instead of a million games) - the
# Slurm recipe with a stand-in sbatch that runs the array on this machine, GNU parallel on
# one machine and "over ssh" with this machine as the only host. The merged outputs must
# equal one unsharded run; a failed task must stop the merge, and resubmitting it must
# complete the batch.
set -u
FLANK=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); ROOT=$2
cd "$ROOT" || exit 1
DOC=$PWD/docs/educators.md
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

block() { # NAME: the fenced block after <!-- tested: NAME ... -->, made small
  awk -v n="$1" '$0 ~ "<!-- tested: " n "[ -]" { on = 1; next } on && /^```/ { if (in_b) exit; in_b = 1; next } in_b { print }' "$DOC" |
    sed -e 's/eastern_flank --runs [0-9]* --sweep sweep.lua/tutorial --runs 400 --sweep sweep.lua/' \
        -e 's/SHARDS=32/SHARDS=4/; s/SHARDS=16/SHARDS=4/; s/--array=7 /--array=3 /; s/JOBID_7/JOBID_3/' \
        -e 's#-S 2/lab1,2/lab2,2/:#-S 2/:#'
}
for b in slurm-shard slurm-submit slurm-resubmit parallel-local parallel-ssh; do
  [ -n "$(block $b)" ] || bad "docs/educators.md has no block marked 'tested: $b'"
done

# a machine as the recipes expect it: flank on PATH, sweep.lua in the submit folder
mkdir -p "$T/bin" "$T/run"
ln -s "$FLANK" "$T/bin/flank"
cat >"$T/run/sweep.lua" <<'LUA'
return {
  { name = "stay", policy = "default" },
  { name = "mines", policy = "mines" },
  { name = "random council", side = { council = "random" } },
}
LUA
# the stand-in sbatch: a job runs at once; arrays task by task; afterok dependencies
cat >"$T/bin/sbatch" <<'SH'
#!/bin/bash
state=${FAKE_SLURM:?}; mkdir -p "$state"
parsable=0 array= dep= kill=0 wrap= out= script=
while [ $# -gt 0 ]; do
  case $1 in
    --parsable) parsable=1 ;;
    --array=*) array=${1#--array=} ;;
    --dependency=*) dep=${1#--dependency=} ;;
    --kill-on-invalid-dep=yes) kill=1 ;;
    --export=ALL|--job-name=*) ;;
    --output=*) out=${1#--output=} ;;
    --wrap) wrap=$2; shift ;;
    --wrap=*) wrap=${1#--wrap=} ;;
    -*) echo "sbatch (stand-in): option $1 is not supported" >&2; exit 1 ;;
    *) script=$1; shift; break ;;
  esac
  shift
done
id=$(( $(cat "$state/last" 2>/dev/null || echo 1000) + 1 )); echo $id >"$state/last"
[ $parsable -eq 1 ] && echo $id || echo "Submitted batch job $id"
if [ -n "$dep" ]; then
  for d in $(echo "${dep#afterok:}" | tr ':' ' '); do
    if [ "$(cat "$state/$d" 2>/dev/null)" != ok ]; then
      if [ $kill -eq 1 ]; then echo cancelled >"$state/$id"; else echo pending-forever >"$state/$id"; fi
      exit 0
    fi
  done
fi
if [ -n "$wrap" ]; then
  if bash -c "$wrap" >"${out:-slurm-$id.out}" 2>&1; then echo ok >"$state/$id"; else echo failed >"$state/$id"; fi
  exit 0
fi
[ -f "$script" ] || { echo "sbatch (stand-in): no script '$script'" >&2; exit 1; }
cpus=$(sed -n 's/^#SBATCH --cpus-per-task=\([0-9]*\).*/\1/p' "$script"); cpus=${cpus:-1}
[ "$cpus" -le "${FAKE_SLURM_NODE_CPUS:-4}" ] || { echo "sbatch: error: Requested node configuration is not available" >&2; exit 1; }
sout=$(sed -n 's/^#SBATCH --output=\([^ ]*\).*/\1/p' "$script")
status=ok
tasks=()
IFS=, read -ra parts <<<"$array"
for p in "${parts[@]}"; do
  if [[ $p == *-* ]]; then mapfile -t -O "${#tasks[@]}" tasks < <(seq "${p%-*}" "${p#*-}"); else tasks+=("$p"); fi
done
for k in "${tasks[@]}"; do
  log=${sout:-slurm-%A_%a.out}; log=${log//%a/$k}; log=${log//%A/$id}
  if [ "${FAKE_SLURM_FAIL_TASK:-}" = "$k" ]; then echo "node failure" >"$log"; status=failed; continue; fi
  SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_JOB_ID=$id SLURM_CPUS_PER_TASK=$cpus bash "$script" >"$log" 2>&1 || status=failed
done
echo $status >"$state/$id"
SH
chmod +x "$T/bin/sbatch"
export PATH="$T/bin:$PATH" FAKE_SLURM="$T/slurm"
cd "$T/run" || exit 1
block slurm-shard >flank-shard.sbatch
block slurm-submit >submit.sh
# the reference: one unsharded run, every output (the report under the recipes' file name: its
# Reproduce line names it)
mkdir -p ref
flank batch tutorial --runs 400 --sweep sweep.lua --out one.csv --report ref/handout.html --summary >one.sum || bad "the unsharded run"

# 1. Slurm, as documented; a leftover shard of an earlier run must not get in
mkdir -p shards && cp one.csv shards/shard-9.csv
bash submit.sh >submit.out 2>&1 || { bad "submit.sh failed"; cat submit.out; }
[ -e shards/shard-9.csv ] && bad "an old shard survived submit.sh"
[ "$(ls shards)" = "$(printf 'shard-1.csv\nshard-2.csv\nshard-3.csv\nshard-4.csv')" ] || bad "shards: $(ls shards | tr '\n' ' ')"
cmp -s one.csv all.csv || bad "Slurm: the merged CSV differs from one run"
cmp -s ref/handout.html handout.html || bad "Slurm: the merged report differs from one run"
cmp -s one.sum logs/merge.out || { bad "Slurm: the merge job's summary differs from one run"; diff one.sum logs/merge.out | head -5; }

# 2. a task that fails: the merge job is cancelled (not pending for ever), a merge by hand names
#    the missing shard, and resubmitting that one task as documented completes the batch
rm -f all.csv handout.html
FAKE_SLURM_FAIL_TASK=3 bash submit.sh >submit.out 2>&1 || bad "submit.sh with a failing task"
[ -e all.csv ] && bad "the merge ran although a task failed"
last=$(cat "$FAKE_SLURM/last")
[ "$(cat "$FAKE_SLURM/$last")" = cancelled ] || bad "the merge job is '$(cat "$FAKE_SLURM/$last")', want cancelled"
flank merge shards/shard-*.csv --out all.csv 2>merge.err; [ $? -eq 2 ] || bad "a merge without shard 3 should exit 2"
grep -q 'shard 3/4 (seeds 201..300) is missing' merge.err || bad "missing-shard message: $(cat merge.err)"
block slurm-resubmit | sed 's/  *# .*$//' >resubmit.sh
bash resubmit.sh >resubmit.out 2>&1 || { bad "the documented resubmission failed"; cat resubmit.out; }
cmp -s one.csv all.csv && cmp -s ref/handout.html handout.html || bad "after resubmitting task 3 the merge differs from one run"

# 3. the node has fewer CPUs than a task asks for: sbatch refuses (so the docs' request must fit)
FAKE_SLURM_NODE_CPUS=2 sbatch --array=1 flank-shard.sbatch >/dev/null 2>&1 && bad "the stand-in accepted 4 CPUs on a 2-CPU node"

# 4. GNU parallel, one machine, and "over ssh" with this machine as the host
if command -v parallel >/dev/null; then
  rm -rf shards all.csv handout.html
  block parallel-local >p.sh
  bash p.sh >p.out 2>&1 || { bad "the GNU parallel recipe failed"; tail -n 5 p.out; }
  cmp -s one.csv all.csv && cmp -s ref/handout.html handout.html || bad "GNU parallel: merged outputs differ from one run"
  rm -rf shards all.csv handout.html
  block parallel-ssh >s.sh
  bash s.sh >s.out 2>&1 || { bad "the ssh recipe failed"; tail -n 5 s.out; }
  cmp -s one.csv all.csv && cmp -s ref/handout.html handout.html || bad "ssh recipe: merged outputs differ from one run"
else
  bad "GNU parallel is not installed (tools/setup.sh)"
fi

exit $fail
