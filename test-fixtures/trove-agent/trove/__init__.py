"""tib test fixture: a stand-in for OpenStack Trove (not Trove itself)."""
