"""The main window's pages; each appears only for the roles that may use it."""
