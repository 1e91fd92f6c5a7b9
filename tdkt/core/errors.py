class ApplicationError(Exception):
    """A refusal a user can act on; `message` is shown to them, `extra` carries details.

    For imports `extra["errors"]` is a list of {"row", "column", "message"} dicts.
    """

    def __init__(self, message: str, extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
