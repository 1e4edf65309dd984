"""``python -m papersite``."""
import sys

from .cli import main

sys.exit(main())
