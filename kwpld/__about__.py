"""kwpld's version, in one place.

The package metadata reads it (hatch's dynamic version, ``pyproject.toml``), and modules that
print or record the version (User-Agent headers, release manifests, the build cache) import it
from here rather than from ``kwpld``: importing the package's ``__init__`` from inside the
package would tie every such module to everything the package exports (an import cycle).
"""

from __future__ import annotations

__version__ = "0.1.0"
