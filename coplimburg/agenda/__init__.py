"""agenda"""
