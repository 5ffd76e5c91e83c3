using System.Buffers;

namespace Harmony.Crypto.Encoding.Protobuf;

/// <summary>
/// A growable protobuf writer for small messages built field by field in order (keys, the Noise payload, identify):
/// each field is sized with <see cref="ProtoSize"/> and written by <see cref="ProtoWriter"/> into the buffer.
/// </summary>
public sealed class ProtoBufferWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    /// <summary>Writes a varint field.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The value.</param>
    public void WriteVarint(int field, ulong value)
    {
        int size = ProtoSize.VarintField(field, value);
        var writer = new ProtoWriter(_buffer.GetSpan(size));
        writer.WriteVarintField(field, value);
        _buffer.Advance(size);
    }

    /// <summary>Writes a length-delimited field.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The bytes.</param>
    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        int size = ProtoSize.LengthDelimitedField(field, value.Length);
        var writer = new ProtoWriter(_buffer.GetSpan(size));
        writer.WriteBytesField(field, value);
        _buffer.Advance(size);
    }

    /// <summary>Writes a UTF-8 string field.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The text.</param>
    public void WriteString(int field, string value)
    {
        int size = ProtoSize.StringField(field, value);
        var writer = new ProtoWriter(_buffer.GetSpan(size));
        writer.WriteStringField(field, value);
        _buffer.Advance(size);
    }

    /// <summary>A copy of the bytes written.</summary>
    /// <returns>The encoded message.</returns>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
