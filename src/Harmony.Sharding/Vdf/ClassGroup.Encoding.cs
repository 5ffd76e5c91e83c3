using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Harmony.Sharding.Vdf;

/// <summary>Fixed-size encoding of reduced forms: <c>a</c> unsigned then <c>b</c> two's complement, both big-endian.</summary>
public sealed partial class ClassGroup
{
    /// <summary>Writes a reduced form of this group in <see cref="FormSize"/> bytes (c is implied by a, b and D).</summary>
    /// <param name="form">A reduced element of this group.</param>
    /// <param name="destination">At least <see cref="FormSize"/> bytes.</param>
    /// <exception cref="ArgumentException">The form is not an element of this group, or the destination is too small.</exception>
    public void Encode(in QuadraticForm form, Span<byte> destination)
    {
        if (!IsElement(form))
        {
            throw new ArgumentException("Only reduced forms of this discriminant can be encoded.", nameof(form));
        }

        if (destination.Length < FormSize)
        {
            throw new ArgumentException($"A form needs {FormSize} bytes.", nameof(destination));
        }

        int half = FormSize / 2;
        WriteFixed(form.A, destination[..half]);
        WriteFixed(form.B, destination.Slice(half, half));
    }

    /// <summary>The <see cref="FormSize"/>-byte encoding of a reduced form of this group.</summary>
    /// <param name="form">A reduced element of this group.</param>
    /// <returns>The encoding.</returns>
    public byte[] Encode(in QuadraticForm form)
    {
        byte[] bytes = new byte[FormSize];
        Encode(form, bytes);
        return bytes;
    }

    /// <summary>
    /// Decodes a form and checks that it is an element of this group (a &gt; 0, <c>b² ≡ D (mod 4a)</c>, reduced, primitive).
    /// </summary>
    /// <param name="encoded">Exactly <see cref="FormSize"/> bytes.</param>
    /// <param name="form">The form, or the default.</param>
    /// <param name="error">Why the bytes were refused, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes encode an element of this group.</returns>
    public bool TryDecode(ReadOnlySpan<byte> encoded, out QuadraticForm form, [NotNullWhen(false)] out string? error)
    {
        form = default;
        if (encoded.Length != FormSize)
        {
            error = $"A form of this group is {FormSize} bytes, not {encoded.Length}.";
            return false;
        }

        int half = FormSize / 2;
        var a = new BigInteger(encoded[..half], isUnsigned: false, isBigEndian: true);
        var b = new BigInteger(encoded.Slice(half, half), isUnsigned: false, isBigEndian: true);
        if (a.Sign <= 0)
        {
            error = "The form's a is not positive.";
            return false;
        }

        BigInteger numerator = (b * b) - Discriminant;
        BigInteger c = BigInteger.DivRem(numerator, a << 2, out BigInteger remainder);
        if (!remainder.IsZero)
        {
            error = "The form's b² − D is not divisible by 4a, so it has another discriminant.";
            return false;
        }

        var candidate = new QuadraticForm(a, b, c);
        if (!candidate.IsReduced)
        {
            error = "The form is not reduced.";
            return false;
        }

        if (!BigInteger.GreatestCommonDivisor(BigInteger.GreatestCommonDivisor(a, b), c).IsOne)
        {
            error = "The form is not primitive.";
            return false;
        }

        form = candidate;
        error = null;
        return true;
    }

    private static int CoefficientSize(int discriminantBits) => (((discriminantBits + 1) / 2) + 1 + 7) / 8;

    private static void WriteFixed(BigInteger value, Span<byte> destination)
    {
        destination.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        int count = value.GetByteCount();
        value.TryWriteBytes(destination[(destination.Length - count)..], out _, isUnsigned: false, isBigEndian: true);
    }
}
