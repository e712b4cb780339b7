"""Printed documents (reportlab): facts in, PDF bytes out. No Qt and no database here.

- ``facts``: what a document says, frozen for the archive, and its content fingerprint;
- ``render``: the PDF (imports reportlab: import it only when the first document is made);
- ``verify``: reading the number, fingerprint and streams back from a PDF's bytes;
- ``texts``: the wording in Chinese and English; ``samples``: realistic facts for tests.
"""
