using System.Buffers;
using System.Globalization;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using Harmony.Crypto.Encoding;

namespace Harmony.Benchmarks;

/// <summary>
/// Encodes and decodes a Harmony transaction-shaped list
/// <c>[nonce, gasPrice, gasLimit, shardID, toShardID, to(20), value, data(100), v, r(32), s(32)]</c>
/// through an <see cref="ArrayBufferWriter{T}"/> reused across iterations.
/// </summary>
[MedianColumn]
public class RlpBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly byte[] _to = new byte[20];
    private readonly byte[] _data = new byte[100];
    private readonly byte[] _r = new byte[32];
    private readonly byte[] _s = new byte[32];
    private readonly BigInteger _value = BigInteger.Parse("123456789012345678901", CultureInfo.InvariantCulture);
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        random.NextBytes(_to);
        random.NextBytes(_data);
        random.NextBytes(_r);
        random.NextBytes(_s);
        _r[0] |= 0x80;
        _s[0] |= 0x80;
        Encode();
        _encoded = _buffer.WrittenSpan.ToArray();
    }

    [Benchmark]
    public int Encode()
    {
        _buffer.ResetWrittenCount();
        int payload = Rlp.LengthOfUInt64(42) + Rlp.LengthOfUInt64(100_000_000_000)
            + Rlp.LengthOfUInt64(21_000) + Rlp.LengthOfUInt64(0) + Rlp.LengthOfUInt64(1)
            + Rlp.LengthOfBytes(_to) + Rlp.LengthOfBigInteger(_value) + Rlp.LengthOfBytes(_data)
            + Rlp.LengthOfUInt64(3_333_333_371) + Rlp.LengthOfBytes(_r) + Rlp.LengthOfBytes(_s);
        var writer = new RlpWriter(_buffer);
        writer.WriteListHeader(payload);
        writer.WriteUInt64(42);
        writer.WriteUInt64(100_000_000_000);
        writer.WriteUInt64(21_000);
        writer.WriteUInt64(0);
        writer.WriteUInt64(1);
        writer.WriteBytes(_to);
        writer.WriteBigInteger(_value);
        writer.WriteBytes(_data);
        writer.WriteUInt64(3_333_333_371);
        writer.WriteBytes(_r);
        writer.WriteBytes(_s);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public ulong Decode()
    {
        var reader = new RlpReader(_encoded);
        RlpReader tx = reader.ReadList();
        ulong sum = tx.ReadUInt64() + tx.ReadUInt64() + tx.ReadUInt64() + tx.ReadUInt64() + tx.ReadUInt64();
        sum += tx.ReadFixedBytes(20)[0];
        BigInteger value = tx.ReadBigInteger();
        sum += (ulong)tx.ReadBytes().Length;
        sum += tx.ReadUInt64();
        sum += tx.ReadFixedBytes(32)[0];
        sum += tx.ReadFixedBytes(32)[0];
        tx.EnsureEnd();
        reader.EnsureEnd();
        return sum + (ulong)value.GetByteCount();
    }
}
