using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Harmony.Crypto.Encoding;

/// <summary>The throwing forms of the <c>TryRead…</c> methods, for trusted input or callers that prefer exceptions.</summary>
public ref partial struct RlpReader
{
    /// <summary>Reads a string item.</summary>
    /// <returns>The string's bytes.</returns>
    /// <exception cref="RlpException">The next item is missing, malformed or a list.</exception>
    public ReadOnlySpan<byte> ReadBytes()
    {
        if (!TryReadBytes(out ReadOnlySpan<byte> value))
        {
            Throw(_lastError);
        }

        return value;
    }

    /// <summary>Opens the next item as a list.</summary>
    /// <returns>A reader over the list's payload.</returns>
    /// <exception cref="RlpException">The next item is missing, malformed, a string, or too deeply nested.</exception>
    public RlpReader ReadList()
    {
        if (!TryReadList(out RlpReader list))
        {
            Throw(_lastError);
        }

        return list;
    }

    /// <summary>Reads a canonical unsigned integer of at most 8 bytes.</summary>
    /// <returns>The integer.</returns>
    /// <exception cref="RlpException">The next item is missing, malformed, not a canonical integer, or too large.</exception>
    public ulong ReadUInt64()
    {
        if (!TryReadUInt64(out ulong value))
        {
            Throw(_lastError);
        }

        return value;
    }

    /// <summary>Reads a canonical non-negative integer of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="maxBytes">Largest accepted payload, 32 (256 bits) by default.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="RlpException">The next item is missing, malformed, not a canonical integer, or too large.</exception>
    public BigInteger ReadBigInteger(int maxBytes = 32)
    {
        if (!TryReadBigInteger(out BigInteger value, maxBytes))
        {
            Throw(_lastError);
        }

        return value;
    }

    /// <summary>Reads a string item of exactly <paramref name="length"/> bytes.</summary>
    /// <param name="length">Required length.</param>
    /// <returns>The string's bytes.</returns>
    /// <exception cref="RlpException">The next item is missing, malformed, a list, or of another length.</exception>
    public ReadOnlySpan<byte> ReadFixedBytes(int length)
    {
        if (!TryReadFixedBytes(length, out ReadOnlySpan<byte> value))
        {
            Throw(_lastError);
        }

        return value;
    }

    /// <summary>Reads the next item whole with its header.</summary>
    /// <returns>The item's encoding.</returns>
    /// <exception cref="RlpException">The next item is missing or its header is malformed.</exception>
    public ReadOnlySpan<byte> ReadRaw()
    {
        if (!TryReadRaw(out ReadOnlySpan<byte> value))
        {
            Throw(_lastError);
        }

        return value;
    }

    /// <summary>Checks that no bytes remain.</summary>
    /// <exception cref="RlpException">Bytes remain after the last item.</exception>
    public void EnsureEnd()
    {
        if (!TryEnsureEnd())
        {
            Throw(_lastError);
        }
    }

    [DoesNotReturn]
    private static void Throw(RlpError error) => throw new RlpException(error);
}
