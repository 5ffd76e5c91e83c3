#!/usr/bin/env python3
"""Generates src/Harmony.Crypto/Bls12381/Fp.Kernels.g.cs: the fully unrolled 6x64-bit Montgomery kernels
for the BLS12-381 base field. Run from the repository root: python3 tools/bls12381/generate_fp_kernels.py"""

P = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab
N = 6
M64 = (1 << 64) - 1
INV = (-pow(P, -1, 1 << 64)) % (1 << 64)
out = []
w = out.append


def mac(dst, a, b, carry_in, acc):
    """(carry, dst) = acc + a*b + carry_in, all 64-bit words; emits C#."""
    w(f"        hi = Math.BigMul({a}, {b}, out lo);")
    if acc is not None:
        w(f"        lo += {acc}; hi += lo < {acc} ? 1UL : 0UL;")
    if carry_in is not None:
        w(f"        lo += {carry_in}; hi += lo < {carry_in} ? 1UL : 0UL;")
    w(f"        {dst} = lo; c = hi;")


def cios_mul(name, a, b, doc):
    w(f"    /// <summary>{doc}</summary>")
    w("    [MethodImpl(MethodImplOptions.AggressiveOptimization)]")
    w(f"    internal static void {name}(in Fp x, in Fp y, out Fp r)")
    w("    {")
    w("        if (!Bmi2.X64.IsSupported)")
    w("        {")
    w("            MulPortable(x, y, out r);")
    w("            return;")
    w("        }")
    w("")
    w("        ulong " + ", ".join(f"a{i} = x.L{i}" for i in range(N)) + ";")
    w("        ulong " + ", ".join(f"b{i} = y.L{i}" for i in range(N)) + ";")
    w("        ulong " + ", ".join(f"t{i}" for i in range(N)) + ", t6, c, hi, lo, m;")
    for i in range(N):
        # t += a * b[i]
        for j in range(N):
            mac(f"t{j}", f"a{j}", f"b{i}", None if j == 0 else "c", None if i == 0 else f"t{j}")
        w("        t6 = c;")
        # reduction
        w(f"        m = t0 * 0x{INV:016x}UL;")
        w(f"        hi = Math.BigMul(m, 0x{P & M64:016x}UL, out lo); lo += t0; c = hi + (lo < t0 ? 1UL : 0UL);")
        for j in range(1, N):
            pj = (P >> (64 * j)) & M64
            w(f"        hi = Math.BigMul(m, 0x{pj:016x}UL, out lo);")
            w(f"        lo += t{j}; hi += lo < t{j} ? 1UL : 0UL;")
            w(f"        lo += c; hi += lo < c ? 1UL : 0UL;")
            w(f"        t{j - 1} = lo; c = hi;")
        w(f"        t5 = t6 + c;")  # no overflow: p < 2^382 keeps the running value below 2^383
    w("        SubtractModulusIfNeeded(t0, t1, t2, t3, t4, t5, out r);")
    w("    }")
    w("")



def comba_acc(plo, phi):
    """(acc2, acc1, acc0) += phi:plo (a 128-bit value)."""
    w(f"        acc0 += {plo}; k = acc0 < {plo} ? 1UL : 0UL; {phi} += k;")
    w(f"        acc1 += {phi}; acc2 += acc1 < {phi} ? 1UL : 0UL;")


def comba_shift(dst):
    w(f"        {dst} = acc0; acc0 = acc1; acc1 = acc2; acc2 = 0;")


def mul_wide():
    w("    /// <summary>The full 768-bit product r = x·y (product scanning, unrolled); no reduction. Needs BMI2.</summary>")
    w("    [MethodImpl(MethodImplOptions.AggressiveOptimization)]")
    w("    internal static void MulWideBmi2(in Fp x, in Fp y, out FpWide r)")
    w("    {")
    w("        ulong " + ", ".join(f"a{i} = x.L{i}" for i in range(N)) + ";")
    w("        ulong " + ", ".join(f"b{i} = y.L{i}" for i in range(N)) + ";")
    w("        ulong acc0, acc1 = 0, acc2 = 0, k, hi, lo, " + ", ".join(f"r{i}" for i in range(2 * N - 1)) + ";")
    w("        acc1 = Math.BigMul(a0, b0, out acc0);")
    w("        r0 = acc0; acc0 = acc1; acc1 = 0;")
    for col in range(1, 2 * N - 1):
        for i in range(N):
            j = col - i
            if 0 <= j < N:
                w(f"        hi = Math.BigMul(a{i}, b{j}, out lo);")
                comba_acc("lo", "hi")
        comba_shift(f"r{col}")
    w("        r = new FpWide(" + ", ".join(f"r{i}" for i in range(2 * N - 1)) + ", acc0);")
    w("    }")
    w("")


def redc():
    w("    /// <summary>")
    w("    /// Montgomery reduction r = t·R⁻¹ mod p for t &lt; p·2³⁸⁴: six reduction rounds on the low half, then the high half is")
    w("    /// added ((lo + M·p)/R ≤ p and hi &lt; p, so the sum is below 2p) and one conditional subtraction. Needs BMI2.")
    w("    /// </summary>")
    w("    [MethodImpl(MethodImplOptions.AggressiveOptimization)]")
    w("    internal static void RedcBmi2(in FpWide t, out Fp r)")
    w("    {")
    w("        ulong " + ", ".join(f"u{i} = t.W{i}" for i in range(N)) + ";")
    w("        ulong c, hi, lo, m;")
    for rnd in range(N):
        w(f"        m = u0 * 0x{INV:016x}UL;")
        w(f"        hi = Math.BigMul(m, 0x{P & M64:016x}UL, out lo); lo += u0; c = hi + (lo < u0 ? 1UL : 0UL);")
        for j in range(1, N):
            pj = (P >> (64 * j)) & M64
            w(f"        hi = Math.BigMul(m, 0x{pj:016x}UL, out lo);")
            w(f"        lo += u{j}; hi += lo < u{j} ? 1UL : 0UL;")
            w(f"        lo += c; hi += lo < c ? 1UL : 0UL;")
            w(f"        u{j - 1} = lo; c = hi;")
        w("        u5 = c;")
    # add the high half
    w("        c = 0;")
    for j in range(N - 1):
        w(f"        ulong s{j} = Carry.Add(u{j}, t.W{6 + j}, ref c);")
    w(f"        ulong s{N - 1} = u{N - 1} + t.W{5 + N} + c;")
    w("        SubtractModulusIfNeeded(s0, s1, s2, s3, s4, s5, out r);")
    w("    }")
    w("")


w("// <auto-generated>")
w("// Generated by tools/bls12381/generate_fp_kernels.py. Do not edit by hand; edit the generator and re-run it.")
w("// </auto-generated>")
w("using System.Runtime.CompilerServices;")
w("using System.Runtime.Intrinsics.X86;")
w("")
w("namespace Harmony.Crypto.Bls12381;")
w("")
w("internal partial struct Fp")
w("{")
cios_mul("Mul", "x", "y", "Montgomery product r = x·y·R⁻¹ mod p (CIOS, unrolled). Inputs below 2p (so unreduced sums of two reduced values are fine), output in [0, p).")
mul_wide()
redc()
w("}")

with open("src/Harmony.Crypto/Bls12381/Fp.Kernels.g.cs", "w") as f:
    f.write("\n".join(out) + "\n")
print("INV", hex(INV))
R = 1 << 384
print("R mod p", hex(R % P))
print("R2 mod p", hex(R * R % P))
