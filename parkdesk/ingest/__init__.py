"""The Qt-free import pipeline: articles -> records -> data/parks.db."""
