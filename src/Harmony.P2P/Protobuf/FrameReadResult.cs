namespace Harmony.P2P.Protobuf;

/// <summary>One frame read by <see cref="LengthPrefixedFrames.ReadAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Payload">The frame body when <paramref name="Status"/> is <see cref="FrameReadStatus.Frame"/>, else empty.</param>
/// <param name="AnnouncedLength">The length the prefix announced (also set for <see cref="FrameReadStatus.TooLarge"/>).</param>
public readonly record struct FrameReadResult(FrameReadStatus Status, byte[] Payload, ulong AnnouncedLength);
