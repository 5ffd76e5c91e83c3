using System.Buffers.Binary;
using Harmony.RaptorQ.Internal;

namespace Harmony.RaptorQ;

/// <summary>
/// RFC 6330 §3.3 FEC Object Transmission Information: transfer length F, symbol size T, number of source blocks Z,
/// number of sub-blocks N and symbol alignment Al. Serialized as 12 octets, F (40 bits) | reserved (8) | T (16) |
/// Z (8) | N (16) | Al (8), big-endian. Every instance satisfies the RFC limits.
/// </summary>
public readonly struct ObjectTransmissionInformation : IEquatable<ObjectTransmissionInformation>
{
    /// <summary>Serialized size in bytes.</summary>
    public const int SerializedSize = 12;

    /// <summary>Largest transfer length, 56403 · 255 · 65535 (RFC 6330 with errata EID 5548).</summary>
    public const long MaxTransferLength = 942_574_504_275;

    /// <summary>Most source symbols in one source block (the largest K′ of Table 2).</summary>
    public const int MaxSourceSymbolsPerBlock = BlockParameters.MaxSourceSymbols;

    private ObjectTransmissionInformation(long transferLength, int symbolSize, int sourceBlockCount, int subBlockCount, int alignment)
    {
        TransferLength = transferLength;
        SymbolSize = symbolSize;
        SourceBlockCount = sourceBlockCount;
        SubBlockCount = subBlockCount;
        Alignment = alignment;
    }

    /// <summary>Transfer length F in bytes.</summary>
    public long TransferLength { get; }

    /// <summary>Symbol size T in bytes.</summary>
    public int SymbolSize { get; }

    /// <summary>Number of source blocks Z.</summary>
    public int SourceBlockCount { get; }

    /// <summary>Number of sub-blocks N per source block.</summary>
    public int SubBlockCount { get; }

    /// <summary>Symbol alignment Al in bytes.</summary>
    public int Alignment { get; }

    /// <summary>Total source symbols Kt = ⌈F / T⌉.</summary>
    public int TotalSourceSymbols => (int)((TransferLength + SymbolSize - 1) / SymbolSize);

    /// <summary>Creates and validates an OTI.</summary>
    /// <param name="transferLength">F, 1..<see cref="MaxTransferLength"/>.</param>
    /// <param name="symbolSize">T, a multiple of <paramref name="alignment"/>, at most 65535.</param>
    /// <param name="sourceBlockCount">Z, 1..255 and at most Kt.</param>
    /// <param name="subBlockCount">N, 1..T/Al.</param>
    /// <param name="alignment">Al, 1..255.</param>
    /// <returns>The OTI.</returns>
    /// <exception cref="RaptorQException">The parameters break an RFC 6330 limit.</exception>
    public static ObjectTransmissionInformation Create(long transferLength, int symbolSize, int sourceBlockCount, int subBlockCount, int alignment)
    {
        return TryCreate(transferLength, symbolSize, sourceBlockCount, subBlockCount, alignment, out ObjectTransmissionInformation oti, out string? error)
            ? oti
            : throw new RaptorQException(error);
    }

    /// <summary>Validates the parameters and creates an OTI, or says which limit they break.</summary>
    /// <param name="transferLength">F.</param>
    /// <param name="symbolSize">T.</param>
    /// <param name="sourceBlockCount">Z.</param>
    /// <param name="subBlockCount">N.</param>
    /// <param name="alignment">Al.</param>
    /// <param name="oti">The OTI when valid.</param>
    /// <param name="error">Which field breaks which limit, when invalid.</param>
    public static bool TryCreate(long transferLength, int symbolSize, int sourceBlockCount, int subBlockCount, int alignment, out ObjectTransmissionInformation oti, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        oti = default;
        error = Check(transferLength, symbolSize, sourceBlockCount, subBlockCount, alignment);
        if (error is not null)
        {
            return false;
        }

        oti = new ObjectTransmissionInformation(transferLength, symbolSize, sourceBlockCount, subBlockCount, alignment);
        return true;
    }

    /// <summary>
    /// RFC 6330 §4.3 parameter selection for an object of <paramref name="transferLength"/> bytes: T = P′, the fewest
    /// source blocks whose sub-blocks fit in the decoder memory WS, then the fewest sub-blocks.
    /// </summary>
    /// <param name="transferLength">F in bytes.</param>
    /// <param name="options">P′, WS, Al and SS.</param>
    /// <returns>The selected OTI.</returns>
    /// <exception cref="RaptorQException">No valid parameters exist (object too large for 255 blocks, or WS too small).</exception>
    public static ObjectTransmissionInformation Select(long transferLength, RaptorQOptions options)
    {
        return TrySelect(transferLength, options, out ObjectTransmissionInformation oti, out string? error)
            ? oti
            : throw new RaptorQException(error);
    }

    /// <summary>The non-throwing form of <see cref="Select"/>.</summary>
    /// <param name="transferLength">F in bytes.</param>
    /// <param name="options">P′, WS, Al and SS.</param>
    /// <param name="oti">The selected OTI.</param>
    /// <param name="error">Why no parameters exist.</param>
    public static bool TrySelect(long transferLength, RaptorQOptions options, out ObjectTransmissionInformation oti, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        oti = default;
        var validation = new RaptorQOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            error = validation.FailureMessage;
            return false;
        }

        if (transferLength < 1 || transferLength > MaxTransferLength)
        {
            error = $"Transfer length F must be 1..{MaxTransferLength} bytes (was {transferLength}).";
            return false;
        }

        int al = options.Alignment;
        int t = options.MaxPayloadSize / al * al;
        long kt = (transferLength + t - 1) / t;
        int nMax = Math.Max(1, t / (options.MinSubSymbolSize * al));
        int klMax = LargestKPrime(options.DecoderMemory, al, t, nMax);
        if (klMax == 0)
        {
            error = $"DecoderMemory of {options.DecoderMemory} bytes cannot hold a sub-block of 10 sub-symbols of {options.MinSubSymbolSize * al} bytes.";
            return false;
        }

        long z = (kt + klMax - 1) / klMax;
        if (z > 255)
        {
            error = $"An object of {transferLength} bytes needs {z} source blocks with these options; at most 255 fit the 8-bit SBN. Raise MaxPayloadSize or DecoderMemory.";
            return false;
        }

        long perBlock = (kt + z - 1) / z;
        int n = 1;
        while (n < nMax && perBlock > LargestKPrime(options.DecoderMemory, al, t, n))
        {
            n++;
        }

        return TryCreate(transferLength, t, (int)z, n, al, out oti, out error);
    }

    /// <summary>Writes the 12-octet serialized form.</summary>
    /// <param name="destination">At least <see cref="SerializedSize"/> bytes.</param>
    public void WriteTo(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, SerializedSize, nameof(destination));
        BinaryPrimitives.WriteUInt64BigEndian(destination, ((ulong)TransferLength << 24) | (uint)SymbolSize);
        destination[8] = (byte)SourceBlockCount;
        BinaryPrimitives.WriteUInt16BigEndian(destination[9..], (ushort)SubBlockCount);
        destination[11] = (byte)Alignment;
    }

    /// <summary>The 12-octet serialized form as a new array.</summary>
    public byte[] ToArray()
    {
        byte[] bytes = new byte[SerializedSize];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Reads and validates a serialized OTI.</summary>
    /// <param name="source">The 12 octets.</param>
    /// <param name="oti">The OTI when valid.</param>
    /// <param name="error">What is wrong, when invalid.</param>
    public static bool TryRead(ReadOnlySpan<byte> source, out ObjectTransmissionInformation oti, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        oti = default;
        if (source.Length < SerializedSize)
        {
            error = $"OTI needs {SerializedSize} bytes (got {source.Length}).";
            return false;
        }

        if (source[5] != 0)
        {
            error = $"OTI reserved octet must be 0 (was {source[5]}).";
            return false;
        }

        ulong head = BinaryPrimitives.ReadUInt64BigEndian(source);
        long f = (long)(head >> 24);
        int t = (int)(head & 0xFFFF);
        int z = source[8];
        int n = BinaryPrimitives.ReadUInt16BigEndian(source[9..]);
        int al = source[11];
        return TryCreate(f, t, z, n, al, out oti, out error);
    }

    /// <summary>Reads and validates a serialized OTI.</summary>
    /// <param name="source">The 12 octets.</param>
    /// <returns>The OTI.</returns>
    /// <exception cref="RaptorQException">The bytes are short or break an RFC 6330 limit.</exception>
    public static ObjectTransmissionInformation Read(ReadOnlySpan<byte> source) => TryRead(source, out ObjectTransmissionInformation oti, out string? error)
        ? oti
        : throw new RaptorQException(error);

    /// <summary>Number of source symbols K in block <paramref name="sourceBlockNumber"/>.</summary>
    /// <param name="sourceBlockNumber">SBN, 0..Z−1.</param>
    public int SourceSymbolsInBlock(int sourceBlockNumber) => (int)BlockPartition().SizeOf(CheckBlock(sourceBlockNumber));

    /// <summary>Offset in the object of the first byte of block <paramref name="sourceBlockNumber"/>.</summary>
    /// <param name="sourceBlockNumber">SBN, 0..Z−1.</param>
    public long BlockOffset(int sourceBlockNumber) => BlockPartition().OffsetOf(CheckBlock(sourceBlockNumber)) * SymbolSize;

    /// <summary>Bytes of the object in block <paramref name="sourceBlockNumber"/> (the last block may be shorter than K·T).</summary>
    /// <exception cref="RaptorQException">The block is larger than a .NET array (possible only with T near 65535 and K near 56403).</exception>
    /// <param name="sourceBlockNumber">SBN, 0..Z−1.</param>
    public int BlockLength(int sourceBlockNumber)
    {
        long offset = BlockOffset(sourceBlockNumber);
        long length = Math.Min((long)SourceSymbolsInBlock(sourceBlockNumber) * SymbolSize, TransferLength - offset);
        return length <= Array.MaxLength
            ? (int)length
            : throw new RaptorQException($"Source block {sourceBlockNumber} holds {length} bytes, more than one .NET array can; choose a smaller T or more blocks.");
    }

    /// <inheritdoc />
    public bool Equals(ObjectTransmissionInformation other) =>
        TransferLength == other.TransferLength && SymbolSize == other.SymbolSize && SourceBlockCount == other.SourceBlockCount &&
        SubBlockCount == other.SubBlockCount && Alignment == other.Alignment;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ObjectTransmissionInformation other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TransferLength, SymbolSize, SourceBlockCount, SubBlockCount, Alignment);

    /// <inheritdoc />
    public override string ToString() => $"F={TransferLength} T={SymbolSize} Z={SourceBlockCount} N={SubBlockCount} Al={Alignment}";

    /// <summary>Equality of all five fields.</summary>
    public static bool operator ==(ObjectTransmissionInformation left, ObjectTransmissionInformation right) => left.Equals(right);

    /// <summary>Inequality of any field.</summary>
    public static bool operator !=(ObjectTransmissionInformation left, ObjectTransmissionInformation right) => !left.Equals(right);

    internal Partition BlockPartition() => Partition.Of(TotalSourceSymbols, SourceBlockCount);

    private int CheckBlock(int sourceBlockNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceBlockNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sourceBlockNumber, SourceBlockCount);
        return sourceBlockNumber;
    }

    private static int LargestKPrime(long decoderMemory, int alignment, int symbolSize, int subBlocks)
    {
        long subSymbol = (long)alignment * ((symbolSize + ((long)alignment * subBlocks) - 1) / ((long)alignment * subBlocks));
        long limit = decoderMemory / subSymbol;
        ReadOnlySpan<int> rows = SystematicIndexTable.Rows;
        int best = 0;
        for (int i = 0; i < SystematicIndexTable.Count && rows[i * 5] <= limit; i++)
        {
            best = rows[i * 5];
        }

        return best;
    }

    private static string? Check(long f, int t, int z, int n, int al)
    {
        if (al < 1 || al > 255)
        {
            return $"Alignment Al must be 1..255 (was {al}).";
        }

        if (t < al || t > 65_535 || t % al != 0)
        {
            return $"Symbol size T must be a multiple of Al={al} in {al}..65535 (was {t}).";
        }

        if (f < 1 || f > MaxTransferLength)
        {
            return $"Transfer length F must be 1..{MaxTransferLength} bytes (was {f}).";
        }

        if (z < 1 || z > 255)
        {
            return $"Source block count Z must be 1..255 (was {z}).";
        }

        if (n < 1 || n > t / al)
        {
            return $"Sub-block count N must be 1..T/Al={t / al} (was {n}).";
        }

        long kt = (f + t - 1) / t;
        if (z > kt)
        {
            return $"Source block count Z={z} exceeds the {kt} source symbols of the object.";
        }

        long perBlock = (kt + z - 1) / z;
        if (perBlock > MaxSourceSymbolsPerBlock)
        {
            return $"Source blocks of {perBlock} symbols exceed the RFC 6330 maximum of {MaxSourceSymbolsPerBlock} (F={f}, T={t}, Z={z}).";
        }

        return null;
    }
}
