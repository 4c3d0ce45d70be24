#!/bin/bash
# Grades a class on Kubernetes: the shared volume, the Indexed Job (one shard per pod), then the
# merge. Copy the class folder to the volume's class/ first (e.g. with a pod that mounts it and
# `kubectl cp`, keeping links as links), and set the image in both Jobs to your grader's digest.
set -euo pipefail
here=$(dirname "$0")
kubectl apply -f "$here/volume.yaml"
kubectl apply -f "$here/grade-job.yaml"
# Complete when every index succeeded; Failed when one ran out of retries (its folder still
# holds what it graded: the report shows the rest as missing until a rerun). Either way, merge.
until kubectl get job grade-shards -o jsonpath='{.status.conditions[?(@.status=="True")].type}' | grep -qE 'Complete|Failed'; do sleep 30; done
kubectl apply -f "$here/report-job.yaml"
kubectl wait --for=condition=complete job/grade-report --timeout=30m
