"""reports/common"""
