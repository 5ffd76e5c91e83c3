using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Secp256k1;

namespace Harmony.Crypto.Transactions;

/// <summary>
/// The <c>v, r, s</c> of a signed transaction. <c>v</c> carries the recovery id and, for replay-protected
/// (EIP-155) transactions, the chain id: <c>v = 35 + 2·chainId + recoveryId</c>; unprotected transactions use
/// <c>v = 27 + recoveryId</c>.
/// </summary>
public readonly struct TransactionSignature : IEquatable<TransactionSignature>
{
    private readonly EcdsaSignature _ecdsa;

    private TransactionSignature(ulong v, EcdsaSignature ecdsa)
    {
        V = v;
        _ecdsa = ecdsa;
    }

    /// <summary>The <c>v</c> value as it is encoded in the transaction.</summary>
    public ulong V { get; }

    /// <summary>The chain id bound by <see cref="V"/>, or <see langword="null"/> for an unprotected (pre-EIP-155) signature.</summary>
    public ulong? ChainId => V is 27 or 28 ? null : (V - 35) / 2;

    /// <summary>The ECDSA signature with its recovery id.</summary>
    public EcdsaSignature Ecdsa => _ecdsa;

    /// <summary>Builds the signature of a transaction for <paramref name="chainId"/> (EIP-155).</summary>
    /// <param name="ecdsa">The ECDSA signature over the transaction's signing hash.</param>
    /// <param name="chainId">The chain id the signing hash bound.</param>
    /// <returns>The transaction signature.</returns>
    public static TransactionSignature ForChain(in EcdsaSignature ecdsa, ulong chainId)
    {
        if (chainId > (ulong.MaxValue - 36) / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(chainId), chainId, "The chain id is too large for a 64-bit v.");
        }

        return new TransactionSignature(35 + (2 * chainId) + (ulong)ecdsa.RecoveryId, ecdsa);
    }

    /// <summary>
    /// Interprets decoded <c>v, r, s</c> values. Fails for a <c>v</c> that encodes no recovery id
    /// (anything but 27, 28 or ≥ 35), for <c>r</c> or <c>s</c> longer than 32 bytes, and for a zero <c>r</c> or <c>s</c>.
    /// </summary>
    /// <param name="v">The <c>v</c> value.</param>
    /// <param name="r">The big-endian <c>r</c> (leading zeros may be stripped).</param>
    /// <param name="s">The big-endian <c>s</c> (leading zeros may be stripped).</param>
    /// <param name="signature">The signature, when valid.</param>
    /// <param name="error">Why the values are not a signature, when they are not.</param>
    /// <returns>Whether the values form a signature.</returns>
    public static bool TryCreate(ulong v, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, out TransactionSignature signature, [NotNullWhen(false)] out string? error)
    {
        signature = default;
        int recoveryId;
        if (v is 27 or 28)
        {
            recoveryId = (int)(v - 27);
        }
        else if (v >= 35)
        {
            recoveryId = (int)((v - 35) % 2);
        }
        else
        {
            error = $"v = {v} encodes no recovery id (expected 27, 28 or 35 + 2·chainId + {{0, 1}})";
            return false;
        }

        if (r.Length > 32 || s.Length > 32)
        {
            error = "r and s are at most 32 bytes";
            return false;
        }

        if (!r.ContainsAnyExcept((byte)0) || !s.ContainsAnyExcept((byte)0))
        {
            error = "r and s must not be zero";
            return false;
        }

        Span<byte> r32 = stackalloc byte[32];
        Span<byte> s32 = stackalloc byte[32];
        r32.Clear();
        s32.Clear();
        r.CopyTo(r32[(32 - r.Length)..]);
        s.CopyTo(s32[(32 - s.Length)..]);
        signature = new TransactionSignature(v, new EcdsaSignature(r32, s32, recoveryId));
        error = null;
        return true;
    }

    /// <summary>Writes <c>r</c> as 32 big-endian bytes.</summary>
    /// <param name="destination32">At least 32 bytes.</param>
    public void WriteR(Span<byte> destination32) => _ecdsa.WriteR(destination32);

    /// <summary>Writes <c>s</c> as 32 big-endian bytes.</summary>
    /// <param name="destination32">At least 32 bytes.</param>
    public void WriteS(Span<byte> destination32) => _ecdsa.WriteS(destination32);

    /// <inheritdoc />
    public bool Equals(TransactionSignature other) => V == other.V && _ecdsa.Equals(other._ecdsa);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TransactionSignature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(V, _ecdsa);

    /// <summary>Whether two signatures are equal.</summary>
    /// <param name="left">The first signature.</param>
    /// <param name="right">The second signature.</param>
    /// <returns><see langword="true"/> when v, r and s are equal.</returns>
    public static bool operator ==(TransactionSignature left, TransactionSignature right) => left.Equals(right);

    /// <summary>Whether two signatures differ.</summary>
    /// <param name="left">The first signature.</param>
    /// <param name="right">The second signature.</param>
    /// <returns><see langword="true"/> when v, r or s differ.</returns>
    public static bool operator !=(TransactionSignature left, TransactionSignature right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[32];
        _ecdsa.WriteR(buffer);
        string r = Convert.ToHexStringLower(buffer);
        _ecdsa.WriteS(buffer);
        return $"v={V} r=0x{r} s=0x{Convert.ToHexStringLower(buffer)}";
    }

    /// <summary>A big-endian integer without its leading zero bytes (RLP's canonical integer form).</summary>
    internal static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        int first = value.IndexOfAnyExcept((byte)0);
        return first < 0 ? [] : value[first..];
    }
}
