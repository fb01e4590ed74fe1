"""Press Reader's bundled resources, installed as the package ``reader.resources``.

pyproject.toml maps this folder into the package so that ``importlib.resources`` finds it the
same way from a checkout, a wheel and the PyInstaller bundle (see ``reader.paths``).
"""
