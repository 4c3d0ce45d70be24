#!/usr/bin/env bash
# PrairieLearn external grader entry point (see info.json). PrairieLearn puts the student's files
# in /grade/student and the question's tests/ folder (teacher-owned) in /grade/tests, and reads
# /grade/results/results.json. `--format prairielearn` writes it whatever happens: a submission
# that cannot be loaded is `gradable: false` (it costs no attempt), and a grader crash too.
set -uo pipefail
mkdir -p /grade/results
# This question's exercise ids, one line in the question's tests/exercises: e.g. "sgd momentum adam"
# (without that file: every exercise).
EXERCISES=(all)
if [ -f /grade/tests/exercises ]; then read -r -a EXERCISES < /grade/tests/exercises || true; fi
SUB=$(mktemp -d)
# Each uploaded <id>.ts goes, as it came, into <id>/: `cp -a` copies a link as a link (never the
# file it points to), and the grader refuses anything but a regular file in its exercise folder.
IDS=("${EXERCISES[@]}")
if [ "${EXERCISES[*]}" = all ]; then IDS=(); for f in /grade/student/*.ts; do [ -e "$f" ] || [ -L "$f" ] && IDS+=("$(basename "$f" .ts)"); done; fi
for id in "${IDS[@]}"; do
  if [ -e "/grade/student/$id.ts" ] || [ -L "/grade/student/$id.ts" ]; then
    mkdir -p "$SUB/$id" && cp -a "/grade/student/$id.ts" "$SUB/$id/"
  fi
done
cd /grader && node bin/grade.js "${EXERCISES[@]}" --submission "$SUB" --format prairielearn --out /grade/results/results.json --timeout 60
exit 0
