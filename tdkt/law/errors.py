class CaseError(ValueError):
    """Invalid input: `path` names the field (e.g. "history[2].rating"), `message` says what is wrong."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


class ParameterError(ValueError):
    """A parameter file breaks the format: unknown key, bad date, duplicate key, missing citation."""
