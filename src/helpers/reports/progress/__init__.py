"""reports/progress"""
