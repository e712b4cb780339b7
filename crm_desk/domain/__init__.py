"""Pure domain: value objects, rules and state.

Imports nothing else of CRM Desk, no Qt, no database.
"""
