"""`python -m voiceprep`."""

from voiceprep.cli.main import main

raise SystemExit(main())
