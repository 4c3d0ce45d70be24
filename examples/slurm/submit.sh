#!/bin/bash
# Grades a class on a Slurm cluster: the array (one shard per task), then the merge.
#   CLASS_DIR=classes/fall-term RESULTS=results ./examples/slurm/submit.sh
# Run from the grader's checkout (after `npm ci`), on a file system the compute nodes share.
set -euo pipefail
here=$(dirname "$0")
mkdir -p logs
array=$(sbatch --parsable --export=ALL "$here/grade-shard.sbatch")
report=$(sbatch --parsable --export=ALL --dependency=afterany:"${array%%;*}" "$here/report.sbatch")
echo "grading: array job $array; report: job $report (runs when every task has ended)"
