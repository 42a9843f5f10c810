"""reports/compare"""
