"""Icons, the desktop entry and the AppStream metainfo; installed as parkdesk.resources so
that importlib.resources finds them in a wheel too."""
