"""One error family: the CLI catches FactcheckError in one place and exits 2 with its message."""


class FactcheckError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(FactcheckError):
    """A path, file or statement that cannot be used: missing, empty, binary, too large, no number."""


class UsageError(FactcheckError):
    """Options that do not fit together, or an unknown value for one."""


class WorkerError(FactcheckError):
    """A process that did part of the work ended without its result: killed, or out of memory."""
