namespace Harmony.Crypto.Hashing;

/// <summary>
/// Keccak-256 as used by Ethereum and Harmony: the original Keccak submission with padding <c>0x01 … 0x80</c>
/// and a 136-byte rate. This is not FIPS 202 SHA3-256, which pads with <c>0x06</c> and gives different digests.
/// </summary>
/// <remarks>
/// Use <see cref="HashData(ReadOnlySpan{byte}, Span{byte})"/> for one-shot hashing without allocation, or an instance
/// to hash data that arrives in pieces. An instance is not thread-safe; it owns its state and a one-block buffer and
/// allocates nothing after construction except for the <see cref="GetHashAndReset()"/> overload that returns an array.
/// </remarks>
public sealed class Keccak256 : IDisposable
{
    /// <summary>Size of a Keccak-256 digest in bytes.</summary>
    public const int HashSizeInBytes = KeccakSponge.OutputSizeInBytes;

    private KeccakState _state;
    private KeccakBlock _buffer;
    private int _buffered;
    private bool _disposed;

    /// <summary>Creates an incremental hasher with an empty message.</summary>
    public Keccak256()
    {
    }

    /// <summary>Appends <paramref name="data"/> to the message being hashed.</summary>
    /// <param name="data">The next bytes of the message; may be empty.</param>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public void AppendData(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Span<byte> buffer = _buffer;
        if (_buffered > 0)
        {
            int take = Math.Min(data.Length, KeccakSponge.RateInBytes - _buffered);
            data[..take].CopyTo(buffer[_buffered..]);
            _buffered += take;
            data = data[take..];
            if (_buffered < KeccakSponge.RateInBytes)
            {
                return;
            }

            KeccakPermutation.AbsorbBlocks(ref _state, buffer);
            _buffered = 0;
        }

        int absorbed = KeccakPermutation.AbsorbBlocks(ref _state, data);
        ReadOnlySpan<byte> rest = data[absorbed..];
        rest.CopyTo(buffer);
        _buffered = rest.Length;
    }

    /// <summary>Writes the digest of the data appended so far and resets the instance for a new message.</summary>
    /// <param name="destination">Receives the digest in its first <see cref="HashSizeInBytes"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="HashSizeInBytes"/>.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public void GetHashAndReset(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckDestination(destination);
        Span<byte> buffer = _buffer;
        KeccakSponge.AbsorbLast(ref _state, buffer[.._buffered], KeccakSponge.KeccakPadding);
        KeccakSponge.Squeeze(ref _state, destination);
        Reset();
    }

    /// <summary>Returns the digest of the data appended so far and resets the instance for a new message.</summary>
    /// <returns>A new 32-byte array.</returns>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public byte[] GetHashAndReset()
    {
        byte[] digest = new byte[HashSizeInBytes];
        GetHashAndReset(digest);
        return digest;
    }

    /// <summary>Discards the data appended so far.</summary>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Clear();
    }

    /// <summary>Clears the state and buffer; the instance cannot be used afterwards.</summary>
    public void Dispose()
    {
        Clear();
        _disposed = true;
    }

    /// <summary>Computes the Keccak-256 digest of <paramref name="source"/> without allocating.</summary>
    /// <param name="source">The message.</param>
    /// <param name="destination">Receives the digest in its first <see cref="HashSizeInBytes"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="HashSizeInBytes"/>.</exception>
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CheckDestination(destination);
        KeccakSponge.Hash(source, destination, KeccakSponge.KeccakPadding);
    }

    /// <summary>Computes the Keccak-256 digest of <paramref name="source"/>.</summary>
    /// <param name="source">The message.</param>
    /// <returns>A new 32-byte array.</returns>
    public static byte[] HashData(ReadOnlySpan<byte> source)
    {
        byte[] digest = new byte[HashSizeInBytes];
        KeccakSponge.Hash(source, digest, KeccakSponge.KeccakPadding);
        return digest;
    }

    private static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
        {
            throw new ArgumentException(
                $"The destination must hold at least {HashSizeInBytes} bytes; it holds {destination.Length}.",
                nameof(destination));
        }
    }

    private void Clear()
    {
        ((Span<ulong>)_state).Clear();
        ((Span<byte>)_buffer).Clear();
        _buffered = 0;
    }
}
