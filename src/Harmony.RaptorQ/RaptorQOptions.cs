namespace Harmony.RaptorQ;

/// <summary>
/// Inputs to RFC 6330 §4.3 parameter selection: the largest payload a packet may carry, the memory a receiver may
/// spend on one sub-block, the symbol alignment and the smallest sub-symbol.
/// </summary>
public sealed class RaptorQOptions
{
    /// <summary>Largest symbol payload per packet in bytes (RFC 6330: P′); a multiple of <see cref="Alignment"/>.</summary>
    public int MaxPayloadSize { get; set; } = 1024;

    /// <summary>Memory a decoder may use for one sub-block, in bytes (RFC 6330: WS).</summary>
    public long DecoderMemory { get; set; } = 16 * 1024 * 1024;

    /// <summary>Symbol alignment in bytes (RFC 6330: Al); 4 is the RFC's recommendation.</summary>
    public int Alignment { get; set; } = 4;

    /// <summary>Smallest sub-symbol, in units of <see cref="Alignment"/> (RFC 6330: SS).</summary>
    public int MinSubSymbolSize { get; set; } = 8;
}
