namespace Harmony.P2P.Yamux;

/// <summary>The yamux frame types.</summary>
internal enum YamuxFrameType : byte
{
    Data = 0,
    WindowUpdate = 1,
    Ping = 2,
    GoAway = 3,
}
