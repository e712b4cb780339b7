"""Printed documents (reportlab): a DTO in, PDF bytes out. No Qt and no database here.

The disclosure documents arrive with the suitability and disclosure work; nothing is rendered yet.
"""
