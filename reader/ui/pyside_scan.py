"""PySide6's source scan, answered for this program's modules.

PySide6 reads the whole source of every module imported after it, looking for the word
"PySide6", to decide whether its optional "feature" switches (snake_case names, true
properties) may apply to that module. A start imports some fifty modules of this program, and
those reads came to about 25 ms of every launch. This program's modules never switch a
feature on, so they are answered without reading them: the same answer the scan gives for a
module that imports PySide6 ("defaults only"), which the modules that do not import it ignore.
Should a later PySide6 rename the hook, nothing is changed and the scan runs as before.
"""

from __future__ import annotations

import sys
from types import ModuleType


def answer_feature_scans() -> None:
    """Answer the scan from now on (once PySide6 is imported; before, nothing to answer)."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(scan) or getattr(scan, "press_reader", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        if getattr(module, "__name__", "").startswith("reader."):
            return True
        return bool(scan(module))

    uses_pyside.press_reader = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
