"""The packaged program's entry point: the same click command as `annotator`."""

from annotator.cli import main

if __name__ == "__main__":
    main()
