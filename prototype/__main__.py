"""``python -m prototype``."""

import sys

from prototype.cli import main

sys.exit(main())
