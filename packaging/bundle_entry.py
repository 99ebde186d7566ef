"""The PyInstaller bundle's entry point (`make dist`): the same CLI as `parkdesk`."""

from parkdesk.cli import main

raise SystemExit(main())
