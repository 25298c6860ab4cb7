"""The web app: server-rendered pages over the store (no external CDN or fonts)."""
