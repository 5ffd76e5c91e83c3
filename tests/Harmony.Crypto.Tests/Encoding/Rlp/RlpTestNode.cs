using System.Buffers;
using Harmony.Crypto.Encoding;

namespace Harmony.Crypto.Tests.Encoding;

/// <summary>
/// A tiny model of an RLP value (a byte string or a list of values) with a random generator, an encoder that goes
/// through <see cref="RlpWriter"/>, a decoder that goes through <see cref="RlpReader"/>, and an independent reference
/// encoder written from the definition by concatenation.
/// </summary>
internal sealed class RlpTestNode
{
    private RlpTestNode(byte[]? bytes, List<RlpTestNode>? children)
    {
        Bytes = bytes;
        Children = children;
    }

    public byte[]? Bytes { get; }

    public List<RlpTestNode>? Children { get; }

    public bool IsList => Children is not null;

    public static RlpTestNode String(byte[] bytes) => new(bytes, null);

    public static RlpTestNode List(params RlpTestNode[] children) => new(null, [.. children]);

    public static RlpTestNode Random(Random random, int maxDepth)
    {
        if (maxDepth == 0 || random.Next(3) == 0)
        {
            return String(RandomBytes(random));
        }

        int count = random.Next(0, 7);
        var children = new RlpTestNode[count];
        for (int i = 0; i < count; i++)
        {
            children[i] = Random(random, maxDepth - 1);
        }

        return List(children);
    }

    public int PayloadLength()
    {
        int total = 0;
        foreach (RlpTestNode child in Children!)
        {
            total += child.EncodedLength();
        }

        return total;
    }

    public int EncodedLength() =>
        IsList ? Rlp.LengthOfList(PayloadLength()) : Rlp.LengthOfBytes(Bytes);

    public void Write(ref RlpWriter writer)
    {
        if (!IsList)
        {
            writer.WriteBytes(Bytes);
            return;
        }

        writer.WriteListHeader(PayloadLength());
        foreach (RlpTestNode child in Children!)
        {
            child.Write(ref writer);
        }
    }

    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new RlpWriter(buffer);
        Write(ref writer);
        return buffer.WrittenSpan.ToArray();
    }

    public static RlpTestNode Read(ref RlpReader reader)
    {
        if (!reader.NextIsList)
        {
            return String(reader.ReadBytes().ToArray());
        }

        RlpReader list = reader.ReadList();
        var children = new List<RlpTestNode>();
        while (list.HasMore)
        {
            children.Add(Read(ref list));
        }

        list.EnsureEnd();
        return new RlpTestNode(null, children);
    }

    public byte[] ReferenceEncode()
    {
        if (!IsList)
        {
            if (Bytes!.Length == 1 && Bytes[0] < 0x80)
            {
                return [Bytes[0]];
            }

            return [.. ReferenceHeader(Bytes.Length, 0x80), .. Bytes];
        }

        var payload = new List<byte>();
        foreach (RlpTestNode child in Children!)
        {
            payload.AddRange(child.ReferenceEncode());
        }

        return [.. ReferenceHeader(payload.Count, 0xc0), .. payload];
    }

    public bool SameAs(RlpTestNode other)
    {
        if (IsList != other.IsList)
        {
            return false;
        }

        if (!IsList)
        {
            return Bytes.AsSpan().SequenceEqual(other.Bytes);
        }

        if (Children!.Count != other.Children!.Count)
        {
            return false;
        }

        for (int i = 0; i < Children.Count; i++)
        {
            if (!Children[i].SameAs(other.Children[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] ReferenceHeader(int length, byte offset)
    {
        if (length <= 55)
        {
            return [(byte)(offset + length)];
        }

        var lengthBytes = new List<byte>();
        for (int remaining = length; remaining > 0; remaining >>= 8)
        {
            lengthBytes.Insert(0, (byte)remaining);
        }

        return [(byte)(offset + 55 + lengthBytes.Count), .. lengthBytes];
    }

    private static byte[] RandomBytes(Random random)
    {
        // Lengths cluster on the encoding's boundaries: single bytes on both sides of 0x80, 55/56, 255/256.
        int length = random.Next(8) switch
        {
            0 => 0,
            1 or 2 => 1,
            3 => random.Next(2, 55),
            4 => random.Next(55, 57),
            5 => random.Next(255, 258),
            6 => random.Next(57, 1100),
            _ => random.Next(0, 20),
        };
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
