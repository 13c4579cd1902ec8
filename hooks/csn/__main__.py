from csn.cli import main

raise SystemExit(main())
