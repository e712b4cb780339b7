"""Tables of the aftercare work (see the migration of the same name)."""

from __future__ import annotations
