"""Discussion spaces, topics and posts (to come: see the discussion-spaces issue)."""
