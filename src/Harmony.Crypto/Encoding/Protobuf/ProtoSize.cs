namespace Harmony.Crypto.Encoding.Protobuf;

/// <summary>Encoded sizes of protobuf fields, for sizing a <see cref="ProtoWriter"/> buffer exactly.</summary>
public static class ProtoSize
{
    /// <summary>Size of a varint field.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The value.</param>
    /// <returns>Bytes.</returns>
    public static int VarintField(int field, ulong value) => Varint.Size((ulong)field << 3) + Varint.Size(value);

    /// <summary>Size of a length-delimited field carrying <paramref name="length"/> bytes.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="length">The payload length.</param>
    /// <returns>Bytes.</returns>
    public static int LengthDelimitedField(int field, int length) => Varint.Size((ulong)field << 3) + Varint.Size((ulong)length) + length;

    /// <summary>Size of a UTF-8 string field.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The text.</param>
    /// <returns>Bytes.</returns>
    public static int StringField(int field, string value) => LengthDelimitedField(field, System.Text.Encoding.UTF8.GetByteCount(value));
}
