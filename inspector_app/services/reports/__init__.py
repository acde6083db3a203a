"""Reports the office hands out: the dispatch table (xlsx) and the circular (PDF)."""
