"""``python -m bcqa`` is the ``bcqa`` command."""

import sys

from bcqa.cli import main

sys.exit(main())
