"""Paths -> documents (``load``) -> sentences (``sentences``)."""
