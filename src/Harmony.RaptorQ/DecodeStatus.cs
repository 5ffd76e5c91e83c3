namespace Harmony.RaptorQ;

/// <summary>What a decoder did with one received symbol. Values starting with <c>Rejected</c> mean it was dropped.</summary>
public enum DecodeStatus
{
    /// <summary>The symbol was stored; the symbols so far do not determine the block (or object) yet.</summary>
    NeedMoreSymbols,

    /// <summary>The block (or, for an object decoder, the whole object) is decoded.</summary>
    Decoded,

    /// <summary>The same symbol was received before; it was ignored and does not count.</summary>
    Duplicate,

    /// <summary>The source block number is not one of the object's blocks.</summary>
    RejectedUnknownSourceBlock,

    /// <summary>The encoding symbol ID is negative or above 2^24 − 1.</summary>
    RejectedSymbolIdOutOfRange,

    /// <summary>The symbol's length differs from the symbol size T.</summary>
    RejectedWrongSymbolSize,

    /// <summary>A different symbol with the same encoding symbol ID was received before; the first one is kept.</summary>
    RejectedConflictingSymbol,

    /// <summary>The block already holds the most symbols a decoder keeps (K plus a fixed surplus); the symbol was dropped.</summary>
    RejectedCapacityExceeded,

    /// <summary>The packet bytes are too short to hold a payload ID and a symbol.</summary>
    RejectedMalformedPacket,
}
