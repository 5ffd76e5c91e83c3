using System.Buffers.Binary;

namespace Harmony.RaptorQ;

/// <summary>
/// The RFC 6330 §3.2 FEC Payload ID: an 8-bit source block number (SBN) and a 24-bit encoding symbol ID (ESI), four
/// octets in network byte order. Source symbols have ESIs 0..K−1 and repair symbols K and up.
/// </summary>
public readonly struct PayloadId : IEquatable<PayloadId>
{
    /// <summary>Serialized size in bytes.</summary>
    public const int SerializedSize = 4;

    /// <summary>Largest encoding symbol ID, 2^24 − 1.</summary>
    public const int MaxEncodingSymbolId = (1 << 24) - 1;

    /// <summary>Creates a payload ID.</summary>
    /// <param name="sourceBlockNumber">SBN, 0..255.</param>
    /// <param name="encodingSymbolId">ESI, 0..2^24−1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public PayloadId(int sourceBlockNumber, int encodingSymbolId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceBlockNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sourceBlockNumber, 255);
        ArgumentOutOfRangeException.ThrowIfNegative(encodingSymbolId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(encodingSymbolId, MaxEncodingSymbolId);
        SourceBlockNumber = (byte)sourceBlockNumber;
        EncodingSymbolId = encodingSymbolId;
    }

    /// <summary>Source block number (SBN).</summary>
    public byte SourceBlockNumber { get; }

    /// <summary>Encoding symbol ID (ESI).</summary>
    public int EncodingSymbolId { get; }

    /// <summary>Writes the four octets SBN | ESI (big-endian).</summary>
    /// <param name="destination">At least <see cref="SerializedSize"/> bytes.</param>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, ((uint)SourceBlockNumber << 24) | (uint)EncodingSymbolId);
    }

    /// <summary>Reads a payload ID from its four octets; false when fewer than four bytes are given.</summary>
    /// <param name="source">The serialized payload ID.</param>
    /// <param name="id">The payload ID read.</param>
    public static bool TryRead(ReadOnlySpan<byte> source, out PayloadId id)
    {
        if (source.Length < SerializedSize)
        {
            id = default;
            return false;
        }

        uint value = BinaryPrimitives.ReadUInt32BigEndian(source);
        id = new PayloadId((int)(value >> 24), (int)(value & MaxEncodingSymbolId));
        return true;
    }

    /// <summary>Reads a payload ID from its four octets.</summary>
    /// <param name="source">The serialized payload ID.</param>
    /// <exception cref="RaptorQException">Fewer than four bytes were given.</exception>
    public static PayloadId Read(ReadOnlySpan<byte> source) => TryRead(source, out PayloadId id)
        ? id
        : throw new RaptorQException($"Payload ID needs {SerializedSize} bytes (got {source.Length}).");

    /// <inheritdoc />
    public bool Equals(PayloadId other) => SourceBlockNumber == other.SourceBlockNumber && EncodingSymbolId == other.EncodingSymbolId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PayloadId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (SourceBlockNumber << 24) | EncodingSymbolId;

    /// <inheritdoc />
    public override string ToString() => $"SBN {SourceBlockNumber}, ESI {EncodingSymbolId}";

    /// <summary>Equality of SBN and ESI.</summary>
    public static bool operator ==(PayloadId left, PayloadId right) => left.Equals(right);

    /// <summary>Inequality of SBN or ESI.</summary>
    public static bool operator !=(PayloadId left, PayloadId right) => !left.Equals(right);
}
