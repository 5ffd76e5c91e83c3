using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Harmony.Crypto.Bls;

/// <summary>
/// Which members of an ordered committee signed: Harmony's mask layout. The bitmap is <c>ceil(N/8)</c> bytes; committee
/// index i is bit <c>1 &lt;&lt; (i &amp; 7)</c> of byte <c>i &gt;&gt; 3</c> (least significant bit first). Bits above N in
/// the last byte carry no meaning: parsing clears them, as Harmony's node ignores them.
/// </summary>
/// <remarks>Not thread-safe: one writer at a time.</remarks>
public sealed class SignerBitmap : IEquatable<SignerBitmap>
{
    private readonly byte[] _bytes;

    /// <summary>Creates an empty bitmap for a committee of <paramref name="committeeSize"/> members.</summary>
    /// <param name="committeeSize">N, at least 1.</param>
    public SignerBitmap(int committeeSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(committeeSize, 1);
        CommitteeSize = committeeSize;
        _bytes = new byte[ByteLength(committeeSize)];
    }

    /// <summary>N, the number of committee members the bitmap covers.</summary>
    public int CommitteeSize { get; }

    /// <summary>The number of set bits (signers).</summary>
    public int Count
    {
        get
        {
            int count = 0;
            foreach (byte b in _bytes)
            {
                count += BitOperations.PopCount(b);
            }

            return count;
        }
    }

    /// <summary>The wire bytes, <see cref="ByteLength"/> of <see cref="CommitteeSize"/> long.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The number of bytes of a bitmap for a committee of N members: <c>(N + 7) / 8</c>.</summary>
    /// <param name="committeeSize">N.</param>
    /// <returns>The byte length.</returns>
    public static int ByteLength(int committeeSize) => (committeeSize + 7) >> 3;

    /// <summary>
    /// Parses a received bitmap. Fails, with a reason, when the length is not <c>ceil(N/8)</c>; bits above N are cleared.
    /// </summary>
    /// <param name="bytes">The wire bytes.</param>
    /// <param name="committeeSize">N.</param>
    /// <param name="bitmap">The parsed bitmap, or <see langword="null"/>.</param>
    /// <param name="error">Why parsing failed, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a bitmap for that committee.</returns>
    public static bool TryParse(ReadOnlySpan<byte> bytes, int committeeSize, [NotNullWhen(true)] out SignerBitmap? bitmap, [NotNullWhen(false)] out string? error)
    {
        bitmap = null;
        if (committeeSize < 1)
        {
            error = $"The committee size must be at least 1, not {committeeSize}.";
            return false;
        }

        int expected = ByteLength(committeeSize);
        if (bytes.Length != expected)
        {
            error = $"A signer bitmap for {committeeSize} members is {expected} bytes, not {bytes.Length}.";
            return false;
        }

        bitmap = new SignerBitmap(committeeSize);
        bytes.CopyTo(bitmap._bytes);
        int spare = (expected * 8) - committeeSize;
        bitmap._bytes[^1] &= (byte)(0xFF >> spare);
        error = null;
        return true;
    }

    /// <summary>Parses a received bitmap, throwing <see cref="FormatException"/> with the reason when it is malformed.</summary>
    /// <param name="bytes">The wire bytes.</param>
    /// <param name="committeeSize">N.</param>
    /// <returns>The bitmap.</returns>
    public static SignerBitmap Parse(ReadOnlySpan<byte> bytes, int committeeSize) =>
        TryParse(bytes, committeeSize, out var bitmap, out var error) ? bitmap : throw new FormatException(error);

    /// <summary>Whether member <paramref name="index"/> signed.</summary>
    /// <param name="index">The committee index.</param>
    /// <returns>The bit.</returns>
    public bool IsSet(int index)
    {
        CheckIndex(index);
        return (_bytes[index >> 3] & (1 << (index & 7))) != 0;
    }

    /// <summary>Marks member <paramref name="index"/> as a signer.</summary>
    /// <param name="index">The committee index.</param>
    /// <returns>Whether the bit changed (it was clear).</returns>
    public bool Set(int index)
    {
        CheckIndex(index);
        byte before = _bytes[index >> 3];
        _bytes[index >> 3] = (byte)(before | (1 << (index & 7)));
        return before != _bytes[index >> 3];
    }

    /// <summary>Marks member <paramref name="index"/> as not a signer.</summary>
    /// <param name="index">The committee index.</param>
    /// <returns>Whether the bit changed (it was set).</returns>
    public bool Clear(int index)
    {
        CheckIndex(index);
        byte before = _bytes[index >> 3];
        _bytes[index >> 3] = (byte)(before & ~(1 << (index & 7)));
        return before != _bytes[index >> 3];
    }

    /// <summary>Sets every bit that is set in <paramref name="other"/> (a bitmap over the same committee).</summary>
    /// <param name="other">The bitmap to merge in.</param>
    public void UnionWith(SignerBitmap other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckSameCommittee(other);
        for (int i = 0; i < _bytes.Length; i++)
        {
            _bytes[i] |= other._bytes[i];
        }
    }

    /// <summary>Whether the two bitmaps share a set bit (a member counted twice).</summary>
    /// <param name="other">A bitmap over the same committee.</param>
    /// <returns>True when some member is set in both.</returns>
    public bool Overlaps(SignerBitmap other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckSameCommittee(other);
        for (int i = 0; i < _bytes.Length; i++)
        {
            if ((_bytes[i] & other._bytes[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The indices of the signers in increasing order, without allocating.</summary>
    /// <returns>An enumerator over set bits.</returns>
    public SetBitEnumerator GetSetIndices() => new(_bytes);

    /// <summary>A copy that can change independently.</summary>
    /// <returns>The copy.</returns>
    public SignerBitmap Clone()
    {
        var copy = new SignerBitmap(CommitteeSize);
        _bytes.CopyTo(copy._bytes, 0);
        return copy;
    }

    /// <summary>The wire bytes as a new array.</summary>
    /// <returns>A copy of <see cref="Bytes"/>.</returns>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <inheritdoc />
    public bool Equals(SignerBitmap? other) =>
        other is not null && other.CommitteeSize == CommitteeSize && other._bytes.AsSpan().SequenceEqual(_bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SignerBitmap);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(CommitteeSize);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>The wire bytes in hex and the signer count, for logs.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Count}/{CommitteeSize} signers ({Convert.ToHexStringLower(_bytes)})";

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)CommitteeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The committee has {CommitteeSize} members.");
        }
    }

    private void CheckSameCommittee(SignerBitmap other)
    {
        if (other.CommitteeSize != CommitteeSize)
        {
            throw new ArgumentException($"Bitmaps over {CommitteeSize} and {other.CommitteeSize} members cannot be combined.", nameof(other));
        }
    }

    /// <summary>Enumerates the set bits of a bitmap in increasing index order.</summary>
    public ref struct SetBitEnumerator
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private int _byteIndex;
        private uint _remaining;

        internal SetBitEnumerator(ReadOnlySpan<byte> bytes)
        {
            _bytes = bytes;
            _byteIndex = -1;
            _remaining = 0;
            Current = -1;
        }

        /// <summary>The current committee index.</summary>
        public int Current { get; private set; }

        /// <summary>Returns this enumerator, so it works in <c>foreach</c>.</summary>
        /// <returns>This enumerator.</returns>
        public readonly SetBitEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next set bit.</summary>
        /// <returns>False when no set bit is left.</returns>
        public bool MoveNext()
        {
            while (_remaining == 0)
            {
                if (++_byteIndex >= _bytes.Length)
                {
                    return false;
                }

                _remaining = _bytes[_byteIndex];
            }

            int bit = BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            Current = (_byteIndex << 3) + bit;
            return true;
        }
    }
}
