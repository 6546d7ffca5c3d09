"""backtone: a coach for a stronger, better-looking back and better posture."""

__version__ = "0.1.0"
