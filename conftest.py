# Registers the kata harness for every pytest run in this repository (see harness/plugin.py).
pytest_plugins = ["harness.plugin"]
