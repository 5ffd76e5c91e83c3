using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// An element of GF(2^255 - 19) in radix 2^51: value = L0 + L1·2^51 + L2·2^102 + L3·2^153 + L4·2^204.
/// </summary>
/// <remarks>
/// Limbs are kept "loose" but always below 2^52: every operation that produces an element carries at least once,
/// leaving limbs below 2^51 + 2^10, and every operation accepts limbs below 2^52 (the multiplication relies on
/// it: it shifts one operand's limbs left by 12). Every operation here is branch-free and safe on secret data.
/// </remarks>
internal readonly partial struct FieldElement
{
    internal const ulong Mask51 = (1UL << 51) - 1;

    internal readonly ulong L0;
    internal readonly ulong L1;
    internal readonly ulong L2;
    internal readonly ulong L3;
    internal readonly ulong L4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal FieldElement(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
    }

    /// <summary>0.</summary>
    internal static FieldElement Zero => default;

    /// <summary>1.</summary>
    internal static FieldElement One => new(1, 0, 0, 0, 0);

    /// <summary>The curve constant d = -121665/121666.</summary>
    internal static FieldElement D => new(0x34dca135978a3, 0x1a8283b156ebd, 0x5e7a26001c029, 0x739c663a03cbb, 0x52036cee2b6ff);

    /// <summary>2d.</summary>
    internal static FieldElement D2 => new(0x69b9426b2f159, 0x35050762add7a, 0x3cf44c0038052, 0x6738cc7407977, 0x2406d9dc56dff);

    /// <summary>A square root of -1: 2^((p-1)/4).</summary>
    internal static FieldElement SqrtMinusOne => new(0x61b274a0ea0b0, 0xd5a5fc8f189d, 0x7ef5e9cbd0c60, 0x78595a6804c9e, 0x2b8324804fc1d);
}
