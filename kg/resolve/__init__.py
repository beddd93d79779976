"""Resolution: what a mention refers to (places of implicit titles, dates, people across
mentions and articles)."""
