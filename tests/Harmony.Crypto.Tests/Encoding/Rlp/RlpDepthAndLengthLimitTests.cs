using System.Buffers;
using Harmony.Crypto.Encoding;

namespace Harmony.Crypto.Tests.Encoding;

/// <summary>Hostile inputs: deep nesting and declared lengths far beyond the input.</summary>
public sealed class RlpDepthAndLengthLimitTests
{
    [Fact]
    public void Ten_thousand_nested_lists_stop_at_the_depth_bound_without_recursion()
    {
        byte[] bomb = NestedLists(10_000);
        var reader = new RlpReader(bomb);
        int opened = 0;

        while (reader.TryReadList(out RlpReader inner))
        {
            reader = inner;
            opened++;
        }

        opened.ShouldBe(Rlp.DefaultMaxDepth);
        reader.LastError.Kind.ShouldBe(RlpErrorKind.DepthExceeded);
        reader.LastError.Offset.ShouldBe(reader.Position);
    }

    [Fact]
    public void Ten_thousand_0xc1_bytes_fail_fast_without_crashing()
    {
        byte[] input = new byte[10_000];
        Array.Fill(input, (byte)0xc1);
        var reader = new RlpReader(input);
        RlpReader list = reader.ReadList();

        list.TryReadList(out _).ShouldBeFalse();

        list.LastError.ShouldBe(new RlpError(1, RlpErrorKind.UnexpectedEnd));
        reader.TryEnsureEnd().ShouldBeFalse();
        reader.LastError.ShouldBe(new RlpError(2, RlpErrorKind.TrailingBytes));
    }

    [Fact]
    public void Nesting_up_to_the_bound_is_accepted_and_one_more_is_rejected()
    {
        const int maxDepth = 5;
        var ok = new RlpReader(NestedLists(maxDepth), maxDepth);
        for (int i = 0; i < maxDepth; i++)
        {
            ok = ok.ReadList();
        }

        ok.Depth.ShouldBe(maxDepth);
        ok.EnsureEnd();

        var tooDeep = new RlpReader(NestedLists(maxDepth + 1), maxDepth);
        for (int i = 0; i < maxDepth; i++)
        {
            tooDeep = tooDeep.ReadList();
        }

        tooDeep.TryReadList(out _).ShouldBeFalse();
        tooDeep.LastError.ShouldBe(new RlpError(tooDeep.Position, RlpErrorKind.DepthExceeded));
    }

    [Fact]
    public void A_max_depth_of_zero_forbids_lists_but_not_strings()
    {
        var reader = new RlpReader(RlpHex.Parse("c0"), maxDepth: 0);

        reader.TryReadList(out _).ShouldBeFalse();

        reader.LastError.Kind.ShouldBe(RlpErrorKind.DepthExceeded);
        new RlpReader(RlpHex.Parse("83646f67"), maxDepth: 0).ReadBytes().Length.ShouldBe(3);
        Should.Throw<ArgumentOutOfRangeException>(() => new RlpReader([], maxDepth: -1));
    }

    [Theory]
    [InlineData("b9ffff", RlpErrorKind.UnexpectedEnd)]
    [InlineData("f9ffff", RlpErrorKind.UnexpectedEnd)]
    [InlineData("bb7fffffff", RlpErrorKind.UnexpectedEnd)]
    [InlineData("bfffffffffffffffff", RlpErrorKind.LengthOverflow)]
    [InlineData("ffffffffffffffffff", RlpErrorKind.LengthOverflow)]
    [InlineData("bf7fffffffffffffff", RlpErrorKind.LengthOverflow)]
    public void Huge_declared_lengths_are_rejected_before_anything_is_allocated(string hex, RlpErrorKind expected)
    {
        byte[] input = RlpHex.Parse(hex);
        TryReadAnything(input);
        long before = GC.GetAllocatedBytesForCurrentThread();

        RlpError error = TryReadAnything(input);

        GC.GetAllocatedBytesForCurrentThread().ShouldBe(before);
        error.ShouldBe(new RlpError(0, expected));
    }

    [Fact]
    public void Reading_a_transaction_shaped_list_allocates_nothing()
    {
        byte[] encoded = EncodeTransactionShapedList();
        ReadTransactionShapedList(encoded);
        long before = GC.GetAllocatedBytesForCurrentThread();

        ulong checksum = ReadTransactionShapedList(encoded);

        GC.GetAllocatedBytesForCurrentThread().ShouldBe(before);
        // nonce, gas price, gas limit, shard, to-shard, |to|, value, |data|, v, |r|, |s|
        checksum.ShouldBe(7UL + 1_000_000_000UL + 21_000UL + 1UL + 0UL + 20UL + 100UL + 100UL + 37UL + 32UL + 32UL);
    }

    private static RlpError TryReadAnything(byte[] input)
    {
        var reader = new RlpReader(input);
        if (reader.NextIsList)
        {
            reader.TryReadList(out _);
        }
        else
        {
            reader.TryReadBytes(out _);
        }

        return reader.LastError;
    }

    private static byte[] NestedLists(int depth)
    {
        // Built from the inside out: the innermost list is empty.
        byte[] encoded = RlpHex.Parse("c0");
        for (int level = 1; level < depth; level++)
        {
            var buffer = new ArrayBufferWriter<byte>(encoded.Length + 5);
            var writer = new RlpWriter(buffer);
            writer.WriteListHeader(encoded.Length);
            writer.WriteRaw(encoded);
            encoded = buffer.WrittenSpan.ToArray();
        }

        return encoded;
    }

    private static byte[] EncodeTransactionShapedList()
    {
        byte[] to = new byte[20];
        byte[] data = new byte[100];
        byte[] r = new byte[32];
        byte[] s = new byte[32];
        r[0] = 1;
        s[0] = 2;
        int payload = Rlp.LengthOfUInt64(7) + Rlp.LengthOfUInt64(1_000_000_000) + Rlp.LengthOfUInt64(21_000)
            + Rlp.LengthOfUInt64(1) + Rlp.LengthOfUInt64(0) + Rlp.LengthOfBytes(to)
            + Rlp.LengthOfUInt64(100) + Rlp.LengthOfBytes(data) + Rlp.LengthOfUInt64(37)
            + Rlp.LengthOfBytes(r) + Rlp.LengthOfBytes(s);
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(payload);
        writer.WriteUInt64(7);
        writer.WriteUInt64(1_000_000_000);
        writer.WriteUInt64(21_000);
        writer.WriteUInt64(1);
        writer.WriteUInt64(0);
        writer.WriteBytes(to);
        writer.WriteUInt64(100);
        writer.WriteBytes(data);
        writer.WriteUInt64(37);
        writer.WriteBytes(r);
        writer.WriteBytes(s);
        return buffer.WrittenSpan.ToArray();
    }

    private static ulong ReadTransactionShapedList(byte[] encoded)
    {
        var reader = new RlpReader(encoded);
        RlpReader tx = reader.ReadList();
        ulong sum = tx.ReadUInt64() + tx.ReadUInt64() + tx.ReadUInt64() + tx.ReadUInt64() + tx.ReadUInt64();
        sum += (ulong)tx.ReadFixedBytes(20).Length;
        sum += tx.ReadUInt64();
        sum += (ulong)tx.ReadBytes().Length;
        sum += tx.ReadUInt64();
        sum += (ulong)tx.ReadFixedBytes(32).Length;
        sum += (ulong)tx.ReadFixedBytes(32).Length;
        tx.EnsureEnd();
        reader.EnsureEnd();
        return sum;
    }
}
