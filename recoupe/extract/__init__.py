"""Extract: dates, quotes and figures found in articles."""
