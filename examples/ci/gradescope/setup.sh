#!/usr/bin/env bash
# Gradescope autograder setup (runs once when the image is built).
set -euo pipefail
curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
apt-get install -y nodejs
cd /autograder/source
npm ci
