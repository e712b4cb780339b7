"""Use cases.

Each operation checks its permission, does the work, audits it in the same transaction, and
returns frozen DTOs — never live ORM rows.
"""
