#!/usr/bin/env python3
"""Regenerates the NPY/NPZ fixtures read by dev.noether.core.io tests.

Run from anywhere:  python3 make_fixtures.py  (the committed files were made with numpy 2.4.6).
The Java tests never run this script: they read the committed files and recompute every value
from the closed forms below, independently of the code under test.

Closed forms (the Java tests recompute them independently):
  ramp(shape)       = np.arange(n).reshape(shape) * 0.5 - 3          (n = prod(shape))
  quarter(shape)    = np.arange(n).reshape(shape) * 0.25 + 1
  int_ramp(shape)   = np.arange(n).reshape(shape) * 7 - 40
  big_ramp(shape)   = (np.arange(n).reshape(shape) - 3) * 10**12
  every_third(shape)= (np.arange(n) % 3 == 0).reshape(shape)
  cramp(shape)      = (k * 0.5 - 1) + 1j * (k * 0.25 + 2),  k = np.arange(n).reshape(shape)
"""
import json
import os

import numpy as np
from numpy.lib import format as npformat

HERE = os.path.dirname(os.path.abspath(__file__))


def k(shape):
    return np.arange(int(np.prod(shape, dtype=np.int64))).reshape(shape)


def ramp(shape, dtype=np.float64):
    return (k(shape) * 0.5 - 3).astype(dtype)


def quarter(shape, dtype=np.float32):
    return (k(shape) * 0.25 + 1).astype(dtype)


def int_ramp(shape, dtype=np.int32):
    return (k(shape) * 7 - 40).astype(dtype)


def big_ramp(shape):
    return ((k(shape) - 3) * 10**12).astype(np.int64)


def every_third(shape):
    return (k(shape) % 3 == 0)


def cramp(shape, dtype=np.complex128):
    kk = k(shape)
    return ((kk * 0.5 - 1) + 1j * (kk * 0.25 + 2)).astype(dtype)


META = json.dumps({"model": "fno", "modes": [12, 12], "note": "héllo ∮ 𝔘"}, ensure_ascii=False)
STRING = "héllo wörld ∮ 𝔘"  # Latin-1, BMP and a non-BMP code point


def save(name, array):
    np.save(os.path.join(HERE, name), array, allow_pickle=False)


def save_version(name, array, version):
    with open(os.path.join(HERE, name), "wb") as f:
        npformat.write_array(f, array, version=version, allow_pickle=False)


def main():
    # one file per dtype, C order, little-endian (numpy's default writer: also the byte-exact
    # reference for Noether's writer)
    save("f64_c_2x3x4.npy", ramp((2, 3, 4)))
    save("f32_c_3x4.npy", quarter((3, 4)))
    save("i64_c_2x3.npy", big_ramp((2, 3)))
    save("i32_c_4x3.npy", int_ramp((4, 3)))
    save("bool_c_2x5.npy", every_third((2, 5)))
    save("c128_c_2x3.npy", cramp((2, 3)))
    save("c64_c_4.npy", cramp((4,), np.complex64))

    # Fortran order: same logical arrays, column-major payload
    save("f64_f_2x3x4.npy", np.asfortranarray(ramp((2, 3, 4))))
    save("i32_f_4x3.npy", np.asfortranarray(int_ramp((4, 3))))
    save("bool_f_2x5.npy", np.asfortranarray(every_third((2, 5))))
    save("c128_f_2x3.npy", np.asfortranarray(cramp((2, 3))))

    # big-endian
    save("f64_be_2x3.npy", ramp((2, 3), ">f8"))
    save("f32_be_3.npy", quarter((3,), ">f4"))
    save("i64_be_3.npy", big_ramp((3,)).astype(">i8"))
    save("i32_be_f_3x2.npy", np.asfortranarray(int_ramp((3, 2), ">i4")))
    save("c128_be_3.npy", cramp((3,), ">c16"))
    save("c64_be_3.npy", cramp((3,), ">c8"))

    # 0-d and empty
    save("scalar_f64.npy", np.array(-2.75))
    save("scalar_i32.npy", np.array(7, dtype=np.int32))
    save("scalar_bool.npy", np.array(True))
    save("empty_f64_0x3.npy", np.zeros((0, 3)))
    save("empty_i32_2x0x4.npy", np.zeros((2, 0, 4), dtype=np.int32))

    # format versions 2.0 and 3.0
    save_version("v2_f64_2x3.npy", ramp((2, 3)), (2, 0))
    save_version("v3_f64_2x3.npy", ramp((2, 3)), (3, 0))

    # unicode strings
    save("string_scalar.npy", np.array(STRING))
    save("string_be_scalar.npy", np.array("abc").astype(">U3"))

    # unsupported dtypes numpy really writes
    save("unsupported_structured.npy", np.zeros(2, dtype=[("x", "<f8"), ("y", "<i4")]))
    save("unsupported_c32.npy", np.zeros(2, dtype=np.clongdouble))
    save("unsupported_u1.npy", np.arange(3, dtype=np.uint8))
    np.save(os.path.join(HERE, "unsupported_object.npy"),
            np.array([1, "a"], dtype=object), allow_pickle=True)

    # NPZ, stored and deflated
    np.savez(os.path.join(HERE, "savez.npz"),
             ramp=ramp((2, 3, 4)), ints=int_ramp((4, 3)), flags=every_third((2, 5)),
             meta=np.array(META))
    np.savez_compressed(os.path.join(HERE, "savez_compressed.npz"),
                        z=cramp((2, 3)), big=big_ramp((2, 3)), q=quarter((3, 4)),
                        scalar=np.array(-2.75), empty=np.zeros((0, 3)),
                        fortran=np.asfortranarray(ramp((2, 3, 4))), meta=np.array(META))
    print("numpy", np.__version__, "wrote fixtures to", HERE)


if __name__ == "__main__":
    main()
