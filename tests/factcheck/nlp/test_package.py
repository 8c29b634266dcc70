"""The NLP package is plain Python: it must import without Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_nlp_package_imports_no_django():
    code = (
        "import sys; import factcheck.nlp as nlp; nlp.extract_statements('تیتر\\nعلی گفت: سلام.');"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django'"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
