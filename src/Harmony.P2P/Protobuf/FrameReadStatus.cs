namespace Harmony.P2P.Protobuf;

/// <summary>Outcome of reading one length-prefixed frame from a stream.</summary>
public enum FrameReadStatus
{
    /// <summary>A complete frame was read.</summary>
    Frame,

    /// <summary>The stream ended cleanly before a new frame started.</summary>
    EndOfStream,

    /// <summary>The stream ended in the middle of a frame.</summary>
    Truncated,

    /// <summary>The length prefix announced more than the allowed maximum; nothing of the body was read.</summary>
    TooLarge,

    /// <summary>The length prefix was not a valid unsigned varint.</summary>
    Malformed,
}
