"""The figure model: how a stated quantity reads (qualifier, projection, period), what kind of
metric it is, how important, and whether two reports of it agree. Qt-free; every rendering
(pane, fact sheet, tooltips, exports) reads figures through it."""
