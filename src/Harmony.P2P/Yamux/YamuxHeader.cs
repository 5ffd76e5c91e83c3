using System.Buffers.Binary;

namespace Harmony.P2P.Yamux;

/// <summary>
/// The 12-byte yamux header: version (0), type, flags (big-endian 16 bits), stream id and length (big-endian 32 bits).
/// For data frames the length is the payload size, for window updates the window increment, for pings the opaque
/// value and for go-away the error code.
/// </summary>
internal readonly record struct YamuxHeader(YamuxFrameType Type, YamuxFlags Flags, uint StreamId, uint Length)
{
    public const int Size = 12;

    public const byte Version = 0;

    /// <summary>Reads a header; false with a reason when the version or type is unknown.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out YamuxHeader header, out string? problem)
    {
        header = default;
        problem = null;
        if (source[0] != Version)
        {
            problem = $"unknown yamux version {source[0]}";
            return false;
        }

        if (source[1] > (byte)YamuxFrameType.GoAway)
        {
            problem = $"unknown yamux frame type {source[1]}";
            return false;
        }

        header = new YamuxHeader(
            (YamuxFrameType)source[1],
            (YamuxFlags)BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]));
        return true;
    }

    public void Write(Span<byte> destination)
    {
        destination[0] = Version;
        destination[1] = (byte)Type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)Flags);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], StreamId);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Length);
    }
}
