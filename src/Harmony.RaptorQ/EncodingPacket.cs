using System.Buffers;

namespace Harmony.RaptorQ;

/// <summary>One encoding symbol with its payload ID; on the wire, the 4-octet payload ID followed by the symbol.</summary>
public readonly struct EncodingPacket
{
    /// <summary>Creates a packet.</summary>
    /// <param name="id">Source block number and encoding symbol ID.</param>
    /// <param name="symbol">The symbol bytes (T bytes).</param>
    public EncodingPacket(PayloadId id, ReadOnlyMemory<byte> symbol)
    {
        Id = id;
        Symbol = symbol;
    }

    /// <summary>Source block number and encoding symbol ID.</summary>
    public PayloadId Id { get; }

    /// <summary>The symbol bytes.</summary>
    public ReadOnlyMemory<byte> Symbol { get; }

    /// <summary>Bytes of the serialized packet.</summary>
    public int SerializedSize => PayloadId.SerializedSize + Symbol.Length;

    /// <summary>Writes payload ID and symbol to <paramref name="destination"/> and returns the bytes written.</summary>
    /// <param name="destination">At least <see cref="SerializedSize"/> bytes.</param>
    public int WriteTo(Span<byte> destination)
    {
        Id.WriteTo(destination);
        Symbol.Span.CopyTo(destination[PayloadId.SerializedSize..]);
        return SerializedSize;
    }

    /// <summary>Writes payload ID and symbol to <paramref name="writer"/>.</summary>
    /// <param name="writer">The output.</param>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> span = writer.GetSpan(SerializedSize);
        WriteTo(span);
        writer.Advance(SerializedSize);
    }

    /// <summary>The serialized packet as a new array.</summary>
    public byte[] ToArray()
    {
        byte[] bytes = new byte[SerializedSize];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>
    /// Splits serialized bytes into payload ID and symbol without copying; false when there is not at least a
    /// payload ID and one symbol byte.
    /// </summary>
    /// <param name="bytes">A serialized packet.</param>
    /// <param name="packet">The packet, whose symbol refers to <paramref name="bytes"/>.</param>
    public static bool TryParse(ReadOnlyMemory<byte> bytes, out EncodingPacket packet)
    {
        if (bytes.Length <= PayloadId.SerializedSize || !PayloadId.TryRead(bytes.Span, out PayloadId id))
        {
            packet = default;
            return false;
        }

        packet = new EncodingPacket(id, bytes[PayloadId.SerializedSize..]);
        return true;
    }

    /// <summary>Splits serialized bytes into payload ID and symbol without copying.</summary>
    /// <param name="bytes">A serialized packet.</param>
    /// <exception cref="RaptorQException">The bytes are too short.</exception>
    public static EncodingPacket Parse(ReadOnlyMemory<byte> bytes) => TryParse(bytes, out EncodingPacket packet)
        ? packet
        : throw new RaptorQException($"Packet needs a {PayloadId.SerializedSize}-byte payload ID and a symbol (got {bytes.Length} bytes).");
}
