#!/usr/bin/env bash
# The run command: builds .venv from the lock when needed, then starts CRM Desk with any arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh requirements.lock
exec .venv/bin/python main.py "$@"
