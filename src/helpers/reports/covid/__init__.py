"""reports/covid"""
