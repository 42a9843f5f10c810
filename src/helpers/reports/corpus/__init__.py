"""The corpus report: many profiles at once (2 to 200), counts per profile in a stable order, never ranked."""
