"""Streamlit and Altair code shared by the pages: page setup, menu, chart builders, text.

Unlike ``core``, this package may import Streamlit and Altair; it holds no math.
"""
