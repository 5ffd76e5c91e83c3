using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// RFC 9380 hashing to BLS12-381: <c>expand_message_xmd</c> with SHA-256, <c>hash_to_field</c> for 𝔽p and 𝔽p²,
/// the simplified SWU maps through the 11-isogeny (G1) and 3-isogeny (G2), and the hash_to_curve /
/// encode_to_curve compositions of the suites <c>BLS12381G1_XMD:SHA-256_SSWU_RO_/NU_</c> and
/// <c>BLS12381G2_XMD:SHA-256_SSWU_RO_/NU_</c>.
/// </summary>
/// <remarks>
/// The field and map stages run the same instruction sequence for every input except for the point additions
/// and the cofactor clearing, which use the variable-time Jacobian formulas: hashing serves public messages.
/// </remarks>
internal static partial class HashToCurve
{
    /// <summary>Output size b_in_bytes of SHA-256.</summary>
    private const int HashSize = 32;

    /// <summary>Input block size s_in_bytes of SHA-256.</summary>
    private const int BlockSize = 64;

    /// <summary>The largest DST used as is; longer tags are hashed first (RFC 9380 §5.3.3).</summary>
    internal const int MaxDstLength = 255;

    /// <summary>The largest output of expand_message_xmd with SHA-256: 255 blocks of 32 bytes.</summary>
    internal const int MaxExpandLength = 255 * HashSize;

    /// <summary>Framed messages (Z_pad ‖ msg ‖ …) up to this size live on the stack; larger ones use a pooled buffer.</summary>
    private const int StackFrameLimit = 1024;

    private static ReadOnlySpan<byte> OversizePrefix => "H2C-OVERSIZE-DST-"u8;

    /// <summary>
    /// expand_message_xmd(msg, DST, len_in_bytes) of RFC 9380 §5.3.1 with H = SHA-256, filling all of
    /// <paramref name="output"/> (len_in_bytes = its length). A DST longer than 255 bytes is replaced by
    /// SHA-256("H2C-OVERSIZE-DST-" ‖ DST) as §5.3.3 requires.
    /// </summary>
    /// <param name="message">The message msg (any length).</param>
    /// <param name="dst">The domain separation tag; must not be empty.</param>
    /// <param name="output">Receives the uniform bytes; at most 8160 bytes (ell = ⌈len/32⌉ ≤ 255).</param>
    /// <exception cref="ArgumentException">The DST is empty or the output is longer than 8160 bytes.</exception>
    internal static void ExpandMessageXmd(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, Span<byte> output)
    {
        if (dst.IsEmpty)
        {
            throw new ArgumentException("The domain separation tag must not be empty (RFC 9380 §3.1).", nameof(dst));
        }

        if (output.Length > MaxExpandLength)
        {
            throw new ArgumentException(
                $"expand_message_xmd with SHA-256 yields at most {MaxExpandLength} bytes; {output.Length} were requested.",
                nameof(output));
        }

        if (output.IsEmpty)
        {
            return;
        }

        // DST_prime = DST ‖ I2OSP(len(DST), 1), with an oversize DST hashed down to 32 bytes first.
        Span<byte> dstPrime = stackalloc byte[MaxDstLength + 1];
        int dstLength;
        if (dst.Length > MaxDstLength)
        {
            using var oversize = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            oversize.AppendData(OversizePrefix);
            oversize.AppendData(dst);
            oversize.GetHashAndReset(dstPrime);
            dstLength = HashSize;
        }
        else
        {
            dst.CopyTo(dstPrime);
            dstLength = dst.Length;
        }

        dstPrime[dstLength] = (byte)dstLength;
        dstPrime = dstPrime[..(dstLength + 1)];

        // b_0 = H(Z_pad ‖ msg ‖ I2OSP(len_in_bytes, 2) ‖ I2OSP(0, 1) ‖ DST_prime).
        Span<byte> b0 = stackalloc byte[HashSize];
        int framedLength = BlockSize + message.Length + 3 + dstPrime.Length;
        byte[]? rented = null;
        Span<byte> framed = framedLength <= StackFrameLimit
            ? stackalloc byte[StackFrameLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(framedLength));
        try
        {
            framed = framed[..framedLength];
            framed[..BlockSize].Clear();
            message.CopyTo(framed[BlockSize..]);
            int at = BlockSize + message.Length;
            BinaryPrimitives.WriteUInt16BigEndian(framed[at..], (ushort)output.Length);
            framed[at + 2] = 0;
            dstPrime.CopyTo(framed[(at + 3)..]);
            SHA256.HashData(framed, b0);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        // b_i = H(strxor(b_0, b_(i−1)) ‖ I2OSP(i, 1) ‖ DST_prime), with b_1 = H(b_0 ‖ 1 ‖ DST_prime).
        Span<byte> block = stackalloc byte[HashSize + 1 + MaxDstLength + 1];
        block = block[..(HashSize + 1 + dstPrime.Length)];
        dstPrime.CopyTo(block[(HashSize + 1)..]);
        Span<byte> previous = stackalloc byte[HashSize];
        b0.CopyTo(block);
        int ell = (output.Length + HashSize - 1) / HashSize;
        for (int i = 1; i <= ell; i++)
        {
            if (i > 1)
            {
                for (int j = 0; j < HashSize; j++)
                {
                    block[j] = (byte)(b0[j] ^ previous[j]);
                }
            }

            block[HashSize] = (byte)i;
            SHA256.HashData(block, previous);
            int offset = (i - 1) * HashSize;
            int take = Math.Min(HashSize, output.Length - offset);
            previous[..take].CopyTo(output[offset..]);
        }
    }
}
