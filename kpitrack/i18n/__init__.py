"""Every sentence and word a person reads, in English and Chinese, by id (see `base`)."""
