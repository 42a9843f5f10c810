"""reports/overview"""
