"""Doc conformance: the claims registry, and the report of which claims the browser tests met."""
