"""Reconcile: what several articles of one story say together (timeline; claims and quotes to come)."""
