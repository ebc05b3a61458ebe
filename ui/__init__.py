"""The Streamlit and Altair side of the app (no math). Top level: what every page shares
(frame, URL-bound controls, chart builders, render, play, palette, style, numbers, text);
one package per lesson (differentiation, gradient_descent, optimizer_race, choosing)."""
