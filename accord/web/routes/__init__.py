"""The app's routers, one per concern; each module's `router` is included by create_app."""
