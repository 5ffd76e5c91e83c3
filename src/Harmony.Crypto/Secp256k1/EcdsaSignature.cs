using System.Buffers.Binary;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// A secp256k1 ECDSA signature (r, s) with its public-key recovery id.
/// </summary>
/// <remarks>
/// <para>
/// The value is stored inline (no allocation). r and s are read back through <see cref="WriteR"/> /
/// <see cref="WriteS"/> (or the allocating <see cref="GetR"/> / <see cref="GetS"/>), each as 32 big-endian
/// bytes; <see cref="WriteCompact"/> writes r || s.
/// </para>
/// <para>
/// Any 32-byte r and s are accepted at construction, so that signatures from the wire can be represented;
/// values of zero or at least the group order n make verification and recovery fail (return false).
/// The recovery id (0..3) encodes the parity of the nonce point's y (bit 0) and whether its x was at least
/// n (bit 1).
/// </para>
/// </remarks>
public readonly struct EcdsaSignature : IEquatable<EcdsaSignature>
{
    private readonly ulong _r0, _r1, _r2, _r3;
    private readonly ulong _s0, _s1, _s2, _s3;
    private readonly int _recoveryId;

    /// <summary>Creates a signature from 32-byte big-endian r and s and a recovery id.</summary>
    /// <param name="r32">r, exactly 32 big-endian bytes.</param>
    /// <param name="s32">s, exactly 32 big-endian bytes.</param>
    /// <param name="recoveryId">The recovery id, 0..3.</param>
    /// <exception cref="ArgumentException">r or s is not 32 bytes long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The recovery id is outside 0..3.</exception>
    public EcdsaSignature(ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, int recoveryId)
    {
        if (r32.Length != 32)
        {
            throw new ArgumentException($"r must be 32 bytes, got {r32.Length}.", nameof(r32));
        }

        if (s32.Length != 32)
        {
            throw new ArgumentException($"s must be 32 bytes, got {s32.Length}.", nameof(s32));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(recoveryId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recoveryId, 3);
        _r3 = BinaryPrimitives.ReadUInt64BigEndian(r32);
        _r2 = BinaryPrimitives.ReadUInt64BigEndian(r32[8..]);
        _r1 = BinaryPrimitives.ReadUInt64BigEndian(r32[16..]);
        _r0 = BinaryPrimitives.ReadUInt64BigEndian(r32[24..]);
        _s3 = BinaryPrimitives.ReadUInt64BigEndian(s32);
        _s2 = BinaryPrimitives.ReadUInt64BigEndian(s32[8..]);
        _s1 = BinaryPrimitives.ReadUInt64BigEndian(s32[16..]);
        _s0 = BinaryPrimitives.ReadUInt64BigEndian(s32[24..]);
        _recoveryId = recoveryId;
    }

    internal EcdsaSignature(in Scalar r, in Scalar s, int recoveryId)
    {
        _r0 = r.L0;
        _r1 = r.L1;
        _r2 = r.L2;
        _r3 = r.L3;
        _s0 = s.L0;
        _s1 = s.L1;
        _s2 = s.L2;
        _s3 = s.L3;
        _recoveryId = recoveryId;
    }

    /// <summary>The recovery id, 0..3: bit 0 is the parity of R.y, bit 1 says R.x was at least n.</summary>
    public int RecoveryId => _recoveryId;

    /// <summary>Whether s is in [1, (n - 1) / 2], the canonical "low-S" form required by Ethereum and Harmony.</summary>
    public bool IsLowS
    {
        get
        {
            bool sInRange = (_s0 | _s1 | _s2 | _s3) != 0 && Scalar.IsBelowOrder(_s0, _s1, _s2, _s3);
            return sInRange && !Scalar.FromCanonicalLimbs(_s0, _s1, _s2, _s3).IsHigh;
        }
    }

    /// <summary>Creates a signature from the 64-byte compact form r || s.</summary>
    /// <param name="rs64">r then s, 32 big-endian bytes each.</param>
    /// <param name="recoveryId">The recovery id, 0..3.</param>
    /// <exception cref="ArgumentException">The input is not 64 bytes long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The recovery id is outside 0..3.</exception>
    public static EcdsaSignature FromCompact(ReadOnlySpan<byte> rs64, int recoveryId)
    {
        if (rs64.Length != 64)
        {
            throw new ArgumentException($"A compact signature is 64 bytes, got {rs64.Length}.", nameof(rs64));
        }

        return new EcdsaSignature(rs64[..32], rs64[32..], recoveryId);
    }

    /// <summary>Writes r as 32 big-endian bytes.</summary>
    /// <param name="destination32">At least 32 bytes.</param>
    public void WriteR(Span<byte> destination32) => WriteLimbs(destination32, _r0, _r1, _r2, _r3);

    /// <summary>Writes s as 32 big-endian bytes.</summary>
    /// <param name="destination32">At least 32 bytes.</param>
    public void WriteS(Span<byte> destination32) => WriteLimbs(destination32, _s0, _s1, _s2, _s3);

    /// <summary>r as a new 32-byte big-endian array.</summary>
    public byte[] GetR()
    {
        byte[] bytes = new byte[32];
        WriteR(bytes);
        return bytes;
    }

    /// <summary>s as a new 32-byte big-endian array.</summary>
    public byte[] GetS()
    {
        byte[] bytes = new byte[32];
        WriteS(bytes);
        return bytes;
    }

    /// <summary>Writes the 64-byte compact form r || s (the recovery id is not included).</summary>
    /// <param name="destination64">At least 64 bytes.</param>
    public void WriteCompact(Span<byte> destination64)
    {
        if (destination64.Length < 64)
        {
            throw new ArgumentException("The destination must hold 64 bytes.", nameof(destination64));
        }

        WriteR(destination64);
        WriteS(destination64[32..]);
    }

    /// <summary>
    /// The equivalent signature with s replaced by n - s when s is high, flipping the parity bit of the
    /// recovery id (negating s negates the recovered nonce point). Low-S or invalid signatures are returned
    /// unchanged.
    /// </summary>
    public EcdsaSignature NormalizeS()
    {
        if ((_s0 | _s1 | _s2 | _s3) == 0 || !Scalar.IsBelowOrder(_s0, _s1, _s2, _s3))
        {
            return this;
        }

        Scalar s = Scalar.FromCanonicalLimbs(_s0, _s1, _s2, _s3);
        if (!s.IsHigh)
        {
            return this;
        }

        var r = Scalar.FromCanonicalLimbs(_r0, _r1, _r2, _r3);
        return new EcdsaSignature(r, Scalar.Negate(s), _recoveryId ^ 1);
    }

    /// <summary>r and s as scalars when both are in [1, n); false otherwise.</summary>
    internal bool TryGetScalars(out Scalar r, out Scalar s)
    {
        r = Scalar.FromCanonicalLimbs(_r0, _r1, _r2, _r3);
        s = Scalar.FromCanonicalLimbs(_s0, _s1, _s2, _s3);
        return !r.IsZero && !s.IsZero
            && Scalar.IsBelowOrder(_r0, _r1, _r2, _r3)
            && Scalar.IsBelowOrder(_s0, _s1, _s2, _s3);
    }

    /// <inheritdoc />
    public bool Equals(EcdsaSignature other) =>
        _r0 == other._r0 && _r1 == other._r1 && _r2 == other._r2 && _r3 == other._r3
        && _s0 == other._s0 && _s1 == other._s1 && _s2 == other._s2 && _s3 == other._s3
        && _recoveryId == other._recoveryId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EcdsaSignature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_r0, _r3, _s0, _s3, _recoveryId);

    /// <summary>Whether two signatures have the same r, s and recovery id.</summary>
    public static bool operator ==(EcdsaSignature left, EcdsaSignature right) => left.Equals(right);

    /// <summary>Whether two signatures differ in r, s or recovery id.</summary>
    public static bool operator !=(EcdsaSignature left, EcdsaSignature right) => !left.Equals(right);

    /// <summary>Hexadecimal r || s followed by the recovery id.</summary>
    public override string ToString()
    {
        Span<byte> compact = stackalloc byte[64];
        WriteCompact(compact);
        return $"{Convert.ToHexStringLower(compact)}/{_recoveryId}";
    }

    private static void WriteLimbs(Span<byte> destination32, ulong l0, ulong l1, ulong l2, ulong l3)
    {
        if (destination32.Length < 32)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(destination32));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination32, l3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], l2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], l1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..], l0);
    }
}
