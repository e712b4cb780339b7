#!/usr/bin/env bash
# Refresh the translation sources from the code, then build the .qm files the app loads.
#   scripts/translations.sh          update resources/translations/*.ts and build *.qm
# Translate new entries in Qt Linguist (.venv/bin/pyside6-linguist) between the two steps;
# tests/ui/test_translations.py fails while any zh_CN entry is unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCES=$(find crm_desk/ui -name '*.py' | sort)
for lang in zh_CN; do
    .venv/bin/pyside6-lupdate -no-obsolete -locations none $SOURCES -ts "resources/translations/crm_desk_${lang}.ts"
    .venv/bin/pyside6-lrelease -silent "resources/translations/crm_desk_${lang}.ts" \
        -qm "resources/translations/crm_desk_${lang}.qm"
done
