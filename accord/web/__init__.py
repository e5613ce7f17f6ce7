"""The web app and JSON API (`accord serve`): pages and their JSON come from the same code."""
