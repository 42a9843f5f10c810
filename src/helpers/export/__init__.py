"""Exports of a profile's tables (xlsx, csv): issue 13 fills this layer."""
