"""Allow `python -m parkdesk`."""

from parkdesk.cli import main

raise SystemExit(main())
