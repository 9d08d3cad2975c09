"""tlc-all-templates: 566 library templates in one object execute, then validation fails as in panc.

``panc --output-dir OUT --include-path template-library-core:tlc-all-templates tlc-all-templates/test.pan``
must print exactly ``expected-panc-output.txt`` (absolute paths cut to the corpus folder, as the
expected file has them), exit 1 and write no profile.
"""

from __future__ import annotations

import pytest
from corpus_support import CORPORA, run_panc


def test_validation_fails_exactly_like_panc(tmp_path, monkeypatch):
    if not (CORPORA / "tlc-all-templates").is_dir():
        pytest.skip("../shared/corpora is not available")
    monkeypatch.chdir(CORPORA)
    returncode, stdout, stderr = run_panc(["--output-dir", str(tmp_path), "--include-path",
                                           "template-library-core:tlc-all-templates",
                                           "tlc-all-templates/test.pan"])
    expected = (CORPORA / "tlc-all-templates" / "expected-panc-output.txt").read_text(encoding="utf-8")
    assert stdout.replace(f"{CORPORA}/", "") == expected
    # deprecated() calls print on stderr (--warnings defaults to on), as panc does
    assert stderr == "ceph user should get a new uid. set final CEPH_OLD_UID = false\n"
    assert returncode == 1
    assert not list(tmp_path.iterdir())
