"""Qt widgets, dialogs, item models, the task runner and translations. Talks to services only."""
