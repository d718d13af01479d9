// Shared set-up for the screen tests.
