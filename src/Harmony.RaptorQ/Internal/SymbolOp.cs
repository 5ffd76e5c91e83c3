namespace Harmony.RaptorQ.Internal;

/// <summary>Kinds of symbol operation recorded by the solver and replayed on symbol data.</summary>
internal enum SymbolOpKind : byte
{
    /// <summary>slot[Destination] ^= slot[Source].</summary>
    Xor,

    /// <summary>slot[Destination] = slot[Source].</summary>
    Copy,

    /// <summary>slot[Destination] ^= Factor · slot[Source].</summary>
    MulAdd,

    /// <summary>slot[Destination] = Factor · slot[Source].</summary>
    MulTo,

    /// <summary>slot[Destination] = Factor · slot[Destination].</summary>
    Scale,

    /// <summary>slot[Destination] = Factor · slot[Destination] ⊕ slot[Source].</summary>
    ScaleAdd,

    /// <summary>slot[Destination] = 0.</summary>
    Zero,
}

/// <summary>One recorded operation on whole symbols, addressed by slot index in a symbol slab.</summary>
internal readonly record struct SymbolOp(SymbolOpKind Kind, byte Factor, int Destination, int Source);
