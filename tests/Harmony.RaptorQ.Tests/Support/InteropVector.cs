using System.Security.Cryptography;
using System.Text.Json;

namespace Harmony.RaptorQ.Tests.Support;

/// <summary>One repair symbol pinned by an interop file.</summary>
internal sealed record PinnedSymbol(int Esi, byte[] Bytes, string? PayloadIdHex, int? Isi);

/// <summary>One source block of an interop file.</summary>
internal sealed record PinnedBlock(int Sbn, int K, int KPrime, IReadOnlyList<PinnedSymbol> Repair, IReadOnlyList<byte[]>? Intermediate, JsonElement? Parameters);

/// <summary>
/// An <c>interop-*.json</c> file normalised over its two layouts: a single block at the top level
/// (<c>block_params</c>, <c>repair</c>, <c>intermediate_symbols</c>) or a <c>blocks</c> array.
/// </summary>
internal sealed class InteropVector
{
    private InteropVector(string name, byte[] input, JsonElement oti, IReadOnlyList<PinnedBlock> blocks)
    {
        Name = name;
        Input = input;
        Oti = oti;
        Blocks = blocks;
    }

    public string Name { get; }

    public byte[] Input { get; }

    public JsonElement Oti { get; }

    public IReadOnlyList<PinnedBlock> Blocks { get; }

    public ObjectTransmissionInformation TransmissionInformation => ObjectTransmissionInformation.Create(
        Oti.GetProperty("F").GetInt64(), Oti.GetProperty("T").GetInt32(), Oti.GetProperty("Z").GetInt32(),
        Oti.GetProperty("N").GetInt32(), Oti.GetProperty("Al").GetInt32());

    public static InteropVector Load(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement.Clone();
        byte[] input = ReadInput(root.GetProperty("input"));
        var blocks = new List<PinnedBlock>();
        if (root.TryGetProperty("blocks", out JsonElement array))
        {
            foreach (JsonElement block in array.EnumerateArray())
            {
                blocks.Add(ReadBlock(block, block.GetProperty("sbn").GetInt32(), block.GetProperty("K").GetInt32(), block.GetProperty("K'").GetInt32(), block, null));
            }
        }
        else
        {
            JsonElement parameters = root.GetProperty("block_params");
            blocks.Add(ReadBlock(root, 0, parameters.GetProperty("K").GetInt32(), parameters.GetProperty("K'").GetInt32(), root, parameters));
        }

        return new InteropVector(root.GetProperty("name").GetString() ?? Path.GetFileName(path), input, root.GetProperty("oti"), blocks);
    }

    private static PinnedBlock ReadBlock(JsonElement element, int sbn, int k, int kPrime, JsonElement holder, JsonElement? parameters)
    {
        var repair = new List<PinnedSymbol>();
        foreach (JsonElement symbol in element.GetProperty("repair").EnumerateArray())
        {
            repair.Add(new PinnedSymbol(
                symbol.GetProperty("esi").GetInt32(),
                Convert.FromHexString(symbol.GetProperty("hex").GetString()!),
                symbol.TryGetProperty("payload_id_hex", out JsonElement pid) ? pid.GetString() : null,
                symbol.TryGetProperty("isi", out JsonElement isi) ? isi.GetInt32() : null));
        }

        List<byte[]>? intermediate = null;
        if (holder.TryGetProperty("intermediate_symbols", out JsonElement c))
        {
            intermediate = [];
            foreach (JsonElement hex in c.GetProperty("hex").EnumerateArray())
            {
                intermediate.Add(Convert.FromHexString(hex.GetString()!));
            }
        }

        return new PinnedBlock(sbn, k, kPrime, repair, intermediate, parameters);
    }

    private static byte[] ReadInput(JsonElement input)
    {
        int length = input.GetProperty("length").GetInt32();
        byte[] bytes = input.TryGetProperty("hex", out JsonElement hex)
            ? Convert.FromHexString(hex.GetString()!)
            : SplitMix64.Bytes(input.GetProperty("seed").GetUInt64(), length);
        bytes.Length.ShouldBe(length);
        if (input.TryGetProperty("sha256", out JsonElement sha))
        {
            Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(sha.GetString());
        }

        return bytes;
    }
}
