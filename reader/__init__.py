"""Press Reader: a desktop press-review reader."""

__version__ = "0.1.0"
