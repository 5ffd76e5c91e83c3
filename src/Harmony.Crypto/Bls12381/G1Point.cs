namespace Harmony.Crypto.Bls12381;

/// <summary>
/// A point of the BLS12-381 group G1 (order r, on y² = x³ + 4 over 𝔽p), kept in affine form. Points made by
/// <see cref="TryDecode(ReadOnlySpan{byte}, out G1Point)"/> are on the curve and in the subgroup; arithmetic keeps
/// them there. The default value is the point at infinity.
/// </summary>
public readonly struct G1Point : IEquatable<G1Point>
{
    /// <summary>Size of the compressed ZCash encoding.</summary>
    public const int CompressedSize = PointEncoding.G1CompressedSize;

    /// <summary>Size of the uncompressed ZCash encoding.</summary>
    public const int UncompressedSize = PointEncoding.G1UncompressedSize;

    private readonly Fp _x;
    private readonly Fp _y;
    private readonly bool _notInfinity;

    internal G1Point(in G1Affine affine)
    {
        _x = affine.X;
        _y = affine.Y;
        _notInfinity = !affine.IsInfinity;
    }

    /// <summary>The standard generator of G1.</summary>
    public static G1Point Generator { get; } = new(G1.Generator);

    /// <summary>The identity element (point at infinity).</summary>
    public static G1Point Infinity => default;

    /// <summary>True for the point at infinity.</summary>
    public bool IsInfinity => !_notInfinity;

    internal G1Affine Affine => _notInfinity ? new G1Affine(_x, _y) : G1Affine.Infinity;

    /// <summary>Decodes a compressed (48-byte) or uncompressed (96-byte) ZCash encoding and checks the subgroup.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out G1Point point) => TryDecode(encoded, out point, out _);

    /// <summary>Decodes with the reason for a rejection.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out G1Point point, out PointDecodeError error)
    {
        error = PointEncoding.TryDecodeG1(encoded, checkSubgroup: true, out var affine);
        point = error == PointDecodeError.None ? new G1Point(affine) : default;
        return error == PointDecodeError.None;
    }

    /// <summary>Decodes, throwing <see cref="BlsFormatException"/> with the reason on bad input.</summary>
    public static G1Point Decode(ReadOnlySpan<byte> encoded) =>
        TryDecode(encoded, out var point, out var error) ? point : throw new BlsFormatException("G1 point", error);

    /// <summary>Writes the 48-byte compressed encoding.</summary>
    public void WriteCompressed(Span<byte> destination) => PointEncoding.EncodeG1(Affine, compressed: true, destination);

    /// <summary>Writes the 96-byte uncompressed encoding.</summary>
    public void WriteUncompressed(Span<byte> destination) => PointEncoding.EncodeG1(Affine, compressed: false, destination);

    /// <summary>The 48-byte compressed encoding.</summary>
    public byte[] ToCompressed()
    {
        var bytes = new byte[CompressedSize];
        WriteCompressed(bytes);
        return bytes;
    }

    /// <summary>The 96-byte uncompressed encoding.</summary>
    public byte[] ToUncompressed()
    {
        var bytes = new byte[UncompressedSize];
        WriteUncompressed(bytes);
        return bytes;
    }

    /// <summary>The group sum.</summary>
    public static G1Point operator +(G1Point a, G1Point b) => new(a.Affine.ToJacobian().Add(b.Affine).ToAffine());

    /// <summary>The group difference.</summary>
    public static G1Point operator -(G1Point a, G1Point b) => a + (-b);

    /// <summary>The inverse element.</summary>
    public static G1Point operator -(G1Point a) => new(a.Affine.Negate());

    /// <summary>The group sum.</summary>
    public static G1Point Add(G1Point a, G1Point b) => a + b;

    /// <summary>The group difference.</summary>
    public static G1Point Subtract(G1Point a, G1Point b) => a - b;

    /// <summary>The inverse element.</summary>
    public static G1Point Negate(G1Point a) => -a;

    /// <summary>The sum of many points with one final inversion.</summary>
    public static G1Point Sum(ReadOnlySpan<G1Point> points)
    {
        var acc = G1Jacobian.Infinity;
        foreach (var p in points)
        {
            acc = acc.Add(p.Affine);
        }

        return new G1Point(acc.ToAffine());
    }

    /// <summary>
    /// [k]P for a public scalar given as big-endian bytes of any length (variable-time: use it for public data only).
    /// </summary>
    public G1Point Multiply(ReadOnlySpan<byte> scalarBigEndian)
    {
        int count = ScalarWords.Count(scalarBigEndian.Length);
        Span<ulong> words = count <= 8 ? stackalloc ulong[8] : new ulong[count];
        words = words[..count];
        ScalarWords.FromBigEndian(scalarBigEndian, words);
        return new(Affine.ToJacobian().MultiplyVartime(words).ToAffine());
    }

    /// <summary>True when the point is in the prime-order subgroup (always true for decoded points).</summary>
    public bool IsInSubgroup() => G1.IsInSubgroup(Affine);

    /// <inheritdoc />
    public bool Equals(G1Point other) => Affine.Equals(other.Affine);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G1Point other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_x, _y, _notInfinity);

    /// <summary>Equality of points.</summary>
    public static bool operator ==(G1Point left, G1Point right) => left.Equals(right);

    /// <summary>Inequality of points.</summary>
    public static bool operator !=(G1Point left, G1Point right) => !left.Equals(right);

    /// <summary>The compressed encoding in hexadecimal.</summary>
    public override string ToString() => Convert.ToHexStringLower(ToCompressed());
}
