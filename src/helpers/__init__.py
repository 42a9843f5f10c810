"""mgi-profiles: cited tables and reproducible reports from IOM Migration Governance Indicators profiles."""

__version__ = "0.1.0"

__all__ = ["Corpus", "Profile", "load_profile", "load_profiles", "__version__"]


def __getattr__(name: str):
    """`from helpers import load_profile` without importing pandas for commands that do not load a profile
    (a run with nothing to render stays well under a second)."""
    if name in ("Profile", "load_profile"):
        from helpers.data import loader

        return getattr(loader, name)
    if name in ("Corpus", "load_profiles"):
        from helpers.data import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
