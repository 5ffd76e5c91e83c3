namespace Harmony.P2P.Yamux;

/// <summary>The yamux header flags.</summary>
[Flags]
internal enum YamuxFlags : ushort
{
    None = 0,
    Syn = 1,
    Ack = 2,
    Fin = 4,
    Rst = 8,
}
