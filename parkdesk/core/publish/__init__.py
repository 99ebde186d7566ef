"""Publishing the directory's contacts to servers others read: a CardDAV address book."""
