using System.Buffers;
using System.Numerics;

namespace Harmony.Crypto.Encoding;

/// <summary>
/// Writes canonical RLP items to an <see cref="IBufferWriter{T}"/>. Lists are written as a header followed by their
/// items; the caller computes the payload length beforehand with the <c>Rlp.LengthOf…</c> methods.
/// </summary>
/// <remarks>Each call asks the output for exactly the bytes it writes; nothing is allocated by the writer itself.</remarks>
public readonly ref struct RlpWriter
{
    private readonly IBufferWriter<byte> _output;

    /// <summary>Creates a writer that appends to <paramref name="output"/>.</summary>
    /// <param name="output">The destination buffer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public RlpWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Writes a string item; a single byte below 0x80 is written as itself.</summary>
    /// <param name="value">The string's bytes.</param>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        int length = Rlp.LengthOfBytes(value);
        RlpEncoder.WriteBytes(_output.GetSpan(length), value);
        _output.Advance(length);
    }

    /// <summary>Writes an unsigned integer as a minimal big-endian string item (0 as 0x80).</summary>
    /// <param name="value">The integer.</param>
    public void WriteUInt64(ulong value)
    {
        int length = RlpEncoder.WriteUInt64(_output.GetSpan(9), value);
        _output.Advance(length);
    }

    /// <summary>Writes a non-negative integer as a minimal big-endian string item (0 as 0x80).</summary>
    /// <param name="value">The integer; must not be negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public void WriteBigInteger(BigInteger value)
    {
        Rlp.ThrowIfNegative(value);
        if (value < Rlp.ShortStringOffset)
        {
            WriteUInt64((ulong)value);
            return;
        }

        int byteCount = value.GetByteCount(isUnsigned: true);
        int length = RlpEncoder.HeaderLength(byteCount) + byteCount;
        Span<byte> destination = _output.GetSpan(length);
        int headerLength = RlpEncoder.WriteHeader(destination, byteCount, Rlp.ShortStringOffset);
        value.TryWriteBytes(destination.Slice(headerLength, byteCount), out _, isUnsigned: true, isBigEndian: true);
        _output.Advance(length);
    }

    /// <summary>Writes the header of a list whose items, written next, take <paramref name="payloadLength"/> bytes.</summary>
    /// <param name="payloadLength">Sum of the encoded lengths of the list's items.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payloadLength"/> is negative.</exception>
    public void WriteListHeader(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        int length = RlpEncoder.WriteHeader(_output.GetSpan(5), payloadLength, Rlp.ShortListOffset);
        _output.Advance(length);
    }

    /// <summary>Copies already-encoded items verbatim.</summary>
    /// <param name="encoded">One or more complete RLP items.</param>
    public void WriteRaw(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            return;
        }

        encoded.CopyTo(_output.GetSpan(encoded.Length));
        _output.Advance(encoded.Length);
    }
}
