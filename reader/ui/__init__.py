"""The desktop window (Qt): the main window, its panes, dialogs and the threads that feed them."""
