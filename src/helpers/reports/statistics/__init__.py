"""reports/statistics"""
