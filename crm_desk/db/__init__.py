"""Persistence: SQLAlchemy 2 models, engine set-up, unit of work, migrations at start."""
