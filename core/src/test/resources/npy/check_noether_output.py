#!/usr/bin/env python3
"""By-hand check that numpy reads every kind of file Noether writes (see NumpyInteropExport).

    python3 check_noether_output.py DIR      # exits 1 on the first mismatch

Expected values come from the closed forms of make_fixtures.py.
"""
import json
import os
import sys
import zipfile

import numpy as np

from make_fixtures import META, STRING, big_ramp, cramp, every_third, int_ramp, quarter, ramp


def check(name, got, expected):
    if got.dtype != expected.dtype or got.shape != expected.shape or not np.array_equal(got, expected):
        sys.exit(f"MISMATCH {name}: got {got.dtype} {got.shape}, expected {expected.dtype} {expected.shape}")
    print(f"ok  {name:16s} {got.dtype.str:5s} {got.shape}")


def main(d):
    load = lambda n: np.load(os.path.join(d, n), allow_pickle=False)
    check("f64.npy", load("f64.npy"), ramp((2, 3, 4)))
    check("f32.npy", load("f32.npy"), quarter((3, 4)))
    check("i64.npy", load("i64.npy"), big_ramp((2, 3)))
    check("i32.npy", load("i32.npy"), int_ramp((4, 3)))
    check("bool.npy", load("bool.npy"), every_third((2, 5)))
    check("c128.npy", load("c128.npy"), cramp((2, 3)))
    check("c64.npy", load("c64.npy"), cramp((4,), np.complex64))
    check("scalar.npy", load("scalar.npy"), np.array(-2.75))
    check("empty.npy", load("empty.npy"), np.zeros((2, 0, 4)))
    check("transposed.npy", load("transposed.npy"), ramp((3, 4)).T.copy())
    check("large.npy", load("large.npy"), ramp((300001,)))
    s = load("string.npy")
    assert s.shape == () and s.dtype.kind == "U" and str(s) == STRING, repr(s)
    print(f"ok  string.npy       {s.dtype.str:5s} {s.shape}")
    for name, method in (("stored.npz", zipfile.ZIP_STORED), ("compressed.npz", zipfile.ZIP_DEFLATED)):
        with zipfile.ZipFile(os.path.join(d, name)) as z:
            assert z.testzip() is None, name + ": bad CRC"
            assert all(i.compress_type == method for i in z.infolist()), name
        with np.load(os.path.join(d, name), allow_pickle=False) as f:
            assert list(f.keys()) == ["ramp", "ints", "flags", "z", "scalar", "empty", "meta"], list(f.keys())
            check(name + ":ramp", f["ramp"], ramp((2, 3, 4)))
            check(name + ":ints", f["ints"], int_ramp((4, 3)))
            check(name + ":flags", f["flags"], every_third((2, 5)))
            check(name + ":z", f["z"], cramp((2, 3)))
            check(name + ":scalar", f["scalar"], np.array(-2.75))
            check(name + ":empty", f["empty"], np.zeros((0, 3)))
            meta = str(f["meta"])
            assert meta == META and json.loads(meta)["modes"] == [12, 12], meta
            print(f"ok  {name}:meta  str() == META, valid JSON")
    print("numpy", np.__version__, "reads every file Noether wrote")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "noether-npy")
