"""editors"""
