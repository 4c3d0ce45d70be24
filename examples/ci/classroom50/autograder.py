"""Classroom 50 autograder for the course's TypeScript exercises.

Put this file at CLASSROOM/autograders/ASSIGNMENT/autograder.py in your classroom50
repository (teacher-owned: students cannot change it) and give the assignment a runtime with
Node 20 (`"runtime": {"node": "20"}`). The runner calls it in the student's checkout with
CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL and REVIEW_URL set; it must leave
./result.json (schema classroom50/result/v1) and exit 0 when it ran, whatever the score.

The grader is the course's STUDENT EDITION (the output of `grade pack`: no answer key, public
checks only) fetched at a pinned commit: the runner works inside the student's repository, so
anything it carries could be read by a determined student, and the answer key must never go
there. The student's checkout is only the submission. Hidden checks run in the instructor's
batch (examples/ci/github/grade-class.yml).
"""

import os
import pathlib
import subprocess
import sys
import tempfile

GRADER_REPOSITORY = "https://github.com/COURSE-ORG/course-student.git"  # `grade pack` output
GRADER_COMMIT = "0000000000000000000000000000000000000000"  # pin a commit, never a branch
EXERCISES = ["sgd", "momentum", "adam"]  # this assignment's exercise ids

checkout = pathlib.Path.cwd()
grader = pathlib.Path(tempfile.mkdtemp()) / "grader"

subprocess.run(["git", "init", "--quiet", str(grader)], check=True)
subprocess.run(["git", "-C", str(grader), "fetch", "--quiet", "--depth", "1", GRADER_REPOSITORY, GRADER_COMMIT], check=True)
subprocess.run(["git", "-C", str(grader), "checkout", "--quiet", "FETCH_HEAD"], check=True)
# The grader's own lockfile; the student's package.json is never installed.
subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=grader, check=True)

# Classroom 50's `datetime` is the submission instant: the graded commit's committer date.
commit_date = subprocess.run(["git", "log", "-1", "--format=%cI"], cwd=checkout, capture_output=True, text=True, check=False).stdout.strip()
env = {**os.environ, "COMMIT_DATETIME": commit_date}

# The exercises folder as committed is handed to the grader as it is (no copy, nothing followed).
graded = subprocess.run(
    ["node", "bin/grade.js", *EXERCISES, "--submission", str(checkout / "exercises"),
     "--format", "classroom50", "--out", str(checkout / "result.json")],
    cwd=grader, env=env, check=False,
)
# 0: every check passed, 1: some failed (both are grades); 2 or 3: the grader could not run,
# which the runner must see as an infrastructure error (non-zero exit, no made-up score).
sys.exit(0 if graded.returncode in (0, 1) else graded.returncode)
