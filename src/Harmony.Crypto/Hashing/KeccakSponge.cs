using System.Buffers.Binary;

namespace Harmony.Crypto.Hashing;

/// <summary>
/// The sponge construction over Keccak-f[1600] with a 1088-bit rate and a 256-bit output, parameterized by the
/// domain padding byte so the same code serves Keccak-256 (0x01) and, in tests, FIPS 202 SHA3-256 (0x06).
/// </summary>
internal static class KeccakSponge
{
    /// <summary>Rate of the sponge in bytes (1600 - 2 * 256 bits).</summary>
    internal const int RateInBytes = 136;

    /// <summary>Output size in bytes.</summary>
    internal const int OutputSizeInBytes = 32;

    /// <summary>First padding byte of the original Keccak submission, used by Ethereum and Harmony.</summary>
    internal const byte KeccakPadding = 0x01;

    /// <summary>First padding byte of FIPS 202 SHA-3 (domain bits 01 followed by the first pad bit).</summary>
    internal const byte Sha3Padding = 0x06;

    /// <summary>Hashes <paramref name="source"/> in one shot without allocating.</summary>
    /// <param name="source">The message.</param>
    /// <param name="destination">Receives the 32-byte digest; must be at least that long.</param>
    /// <param name="padding">The first padding byte (<see cref="KeccakPadding"/> or <see cref="Sha3Padding"/>).</param>
    internal static void Hash(ReadOnlySpan<byte> source, Span<byte> destination, byte padding)
    {
        KeccakState state = default;
        int absorbed = KeccakPermutation.AbsorbBlocks(ref state, source);
        AbsorbLast(ref state, source[absorbed..], padding);
        Squeeze(ref state, destination);
    }

    /// <summary>Pads the final partial block (shorter than the rate) and absorbs it.</summary>
    /// <param name="state">The sponge state.</param>
    /// <param name="tail">The remaining input, strictly shorter than <see cref="RateInBytes"/>.</param>
    /// <param name="padding">The first padding byte.</param>
    internal static void AbsorbLast(ref KeccakState state, ReadOnlySpan<byte> tail, byte padding)
    {
        KeccakBlock block = default;
        Span<byte> bytes = block;
        tail.CopyTo(bytes);
        bytes[tail.Length] ^= padding;
        bytes[RateInBytes - 1] ^= 0x80;
        KeccakPermutation.AbsorbBlocks(ref state, bytes);
    }

    /// <summary>Writes the first 32 bytes of the state (lanes 0..3, little-endian) to <paramref name="destination"/>.</summary>
    /// <param name="state">The sponge state after the last block was absorbed.</param>
    /// <param name="destination">At least 32 bytes.</param>
    internal static void Squeeze(ref KeccakState state, Span<byte> destination)
    {
        Span<byte> output = destination[..OutputSizeInBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(output, state[0]);
        BinaryPrimitives.WriteUInt64LittleEndian(output[8..], state[1]);
        BinaryPrimitives.WriteUInt64LittleEndian(output[16..], state[2]);
        BinaryPrimitives.WriteUInt64LittleEndian(output[24..], state[3]);
    }
}
