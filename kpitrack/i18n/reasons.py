"""What the operating system says (`OSError.strerror`), worded in Chinese for the common
cases; anything else is shown as the system said it."""

from __future__ import annotations

from .base import Catalogue, Message, MessageId


class OsReason(metaclass=Catalogue):
    """The operating system's reasons, by id."""

    NO_SUCH_FILE = MessageId("No such file or directory", "文件或文件夹不存在")
    PERMISSION_DENIED = MessageId("Permission denied", "没有权限")
    IS_A_DIRECTORY = MessageId("Is a directory", "是文件夹，不是文件")
    NOT_A_DIRECTORY = MessageId("Not a directory", "不是文件夹")
    NO_SPACE = MessageId("No space left on device", "磁盘空间不足")
    READ_ONLY = MessageId("Read-only file system", "文件系统只读")
    FILE_EXISTS = MessageId("File exists", "文件已存在")
    TOO_MANY_LINKS = MessageId("Too many levels of symbolic links", "符号链接层级过多（链接指向自身？）")
    OTHER = MessageId("{reason}", "{reason}")


_BY_TEXT = {entry.english: entry for entry in OsReason}


def os_reason(error: OSError | str) -> Message:
    """What the system said, as a message; worded in Chinese where it is a common case."""
    text = error if isinstance(error, str) else (error.strerror or str(error))
    entry = _BY_TEXT.get(text)
    return entry() if entry is not None else OsReason.OTHER(reason=text)
