namespace Harmony.RaptorQ.Internal;

/// <summary>RFC 6330 §4.4.1.2 Partition[I, J]: J parts of nearly equal size, the JL larger ones first.</summary>
internal readonly record struct Partition(long LargeSize, long SmallSize, int LargeCount, int SmallCount)
{
    /// <summary>Splits <paramref name="total"/> into <paramref name="parts"/> parts.</summary>
    public static Partition Of(long total, int parts)
    {
        long large = (total + parts - 1) / parts;
        long small = total / parts;
        int largeCount = (int)(total - (small * parts));
        return new Partition(large, small, largeCount, parts - largeCount);
    }

    /// <summary>Size of part <paramref name="index"/>.</summary>
    public long SizeOf(int index) => index < LargeCount ? LargeSize : SmallSize;

    /// <summary>Sum of the sizes of the parts before <paramref name="index"/>.</summary>
    public long OffsetOf(int index) => index <= LargeCount
        ? index * LargeSize
        : (LargeCount * LargeSize) + ((index - LargeCount) * SmallSize);
}
