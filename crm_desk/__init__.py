"""CRM Desk: client, suitability and disclosure desk for bank and brokerage branches."""

__version__ = "0.1.0"
