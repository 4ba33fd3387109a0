"""The app's screens: library, reading, help."""
