"""Views of the discussion spaces, by subject. Each asks `permissions`, reads through querysets
and selectors and writes through `services`; a refused write keeps what the member typed."""
