"""Start CRM Desk: `python main.py [--demo] [--database URL]` or an administration command."""

import sys

from crm_desk.app import main

if __name__ == "__main__":
    sys.exit(main())
