"""Lexicons: administrative divisions, numerals and other word lists shipped with kg."""
