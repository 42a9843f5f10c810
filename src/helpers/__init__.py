"""mgi-profiles: cited tables and reproducible reports from IOM Migration Governance Indicators profiles."""

__version__ = "0.1.0"

from helpers.data.loader import Profile, load_profile  # noqa: E402

__all__ = ["Profile", "load_profile", "__version__"]
