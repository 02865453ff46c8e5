"""Formats: reading files into a project and writing exports."""
