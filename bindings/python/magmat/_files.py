"""Atomic file writing shared by magmat's exports and plots (private)."""

from __future__ import annotations

import errno
import os
import tempfile
from typing import BinaryIO, Callable, Union

PathLike = Union[str, "os.PathLike[str]"]


def check_target(path: PathLike) -> None:
    """Raises OSError naming ``path`` if no file can be written there: a directory, or a file in a
    folder that does not exist (said before any work, not as a temporary file's name after it)."""
    target = os.fspath(path)
    if os.path.isdir(target):
        raise IsADirectoryError(errno.EISDIR, "cannot write a file over a directory", target)
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise FileNotFoundError(errno.ENOENT, f"cannot write a file into a missing folder ({folder})", target)


def write_atomically(path: PathLike, write: Callable[[BinaryIO], None]) -> None:
    """Calls ``write`` on a temporary file in the target's folder, then moves it over ``path`` with
    ``os.replace``, so readers never see a half-written file and a failure leaves none behind.
    The file gets a new file's usual mode (mkstemp would make it readable by its owner only)."""
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    check_target(target)
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text_atomically(path: PathLike, text: str) -> None:
    """Writes UTF-8 text atomically (see write_atomically)."""
    data = text.encode("utf-8")

    def write(f: BinaryIO) -> None:
        f.write(data)

    write_atomically(path, write)
