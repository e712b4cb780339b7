"""Fill unfinished entries of a .ts file from a Python dict {English: translation}.

    .venv/bin/python scripts/fill_translations.py resources/translations/crm_desk_zh_CN.ts DICT.py

A convenience for bulk work; Qt Linguist (.venv/bin/pyside6-linguist) does the same by hand.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, dict_path: str) -> int:
    table: dict[str, str] = runpy.run_path(dict_path)["ZH"]
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") != "unfinished" and translation.text:
            continue
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("untranslated:", repr(source))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
