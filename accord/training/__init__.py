"""Training the event coder from the labelled sentences in training/sentences/ (`accord train`)."""
