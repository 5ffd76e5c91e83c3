namespace Harmony.Crypto.Encoding.Protobuf;

/// <summary>The protobuf wire types this package reads and writes (groups are refused).</summary>
public enum ProtoWireType
{
    /// <summary>A base-128 varint (int32, int64, uint64, bool, enum).</summary>
    Varint = 0,

    /// <summary>Eight little-endian bytes.</summary>
    Fixed64 = 1,

    /// <summary>A varint length followed by that many bytes (bytes, string, nested message, packed repeated).</summary>
    LengthDelimited = 2,

    /// <summary>Four little-endian bytes.</summary>
    Fixed32 = 5,
}
