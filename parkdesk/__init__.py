"""parkdesk: a desktop directory of the Foshan National High-tech Industrial Development Zone."""

__version__ = "0.1.0"
