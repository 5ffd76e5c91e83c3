using System.Text.Json;
using Harmony.RaptorQ.Internal;
using Harmony.RaptorQ.Tests.Support;
using Harmony.Testing;

namespace Harmony.RaptorQ.Tests.Conformance;

/// <summary>
/// Every <c>interop-*.json</c>: OTI bytes, block partitioning, repair symbols byte for byte (with payload IDs),
/// intermediate symbols where pinned, and decoding from mixed source and repair symbols.
/// </summary>
public class InteropVectorTests
{
    public static TheoryData<string> Files => Vectors.Files("raptorq", "interop-*.json");

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Oti_serializes_to_the_pinned_bytes(string file)
    {
        InteropVector vector = InteropVector.Load(Vectors.Resolve(file, "raptorq"));
        ObjectTransmissionInformation oti = vector.TransmissionInformation;
        string expected = vector.Oti.GetProperty("serialized_hex").GetString()!;
        Convert.ToHexStringLower(oti.ToArray()).ShouldBe(expected);
        ObjectTransmissionInformation.Read(Convert.FromHexString(expected)).ShouldBe(oti);
        oti.SourceBlockCount.ShouldBe(vector.Blocks.Count);
        foreach (PinnedBlock block in vector.Blocks)
        {
            oti.SourceSymbolsInBlock(block.Sbn).ShouldBe(block.K);
            BlockParameters p = BlockParameters.ForSourceSymbols(block.K);
            p.KPrime.ShouldBe(block.KPrime);
            if (block.Parameters is JsonElement pinned)
            {
                string[] names = ["J", "S", "H", "W", "L", "P", "P1", "U", "B"];
                int[] pinnedValues = names.Select(name => pinned.GetProperty(name).GetInt32()).ToArray();
                new[] { p.J, p.S, p.H, p.W, p.L, p.P, p.P1, p.U, p.B }.ShouldBe(pinnedValues);
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Repair_symbols_and_payload_ids_match(string file)
    {
        InteropVector vector = InteropVector.Load(Vectors.Resolve(file, "raptorq"));
        var encoder = new RaptorQEncoder(vector.Input, vector.TransmissionInformation);
        int compared = 0;
        foreach (PinnedBlock block in vector.Blocks)
        {
            SourceBlockEncoder blockEncoder = encoder.GetBlockEncoder(block.Sbn);
            blockEncoder.SourceSymbolCount.ShouldBe(block.K);
            byte[] symbol = new byte[vector.TransmissionInformation.SymbolSize];
            foreach (PinnedSymbol pinned in block.Repair)
            {
                blockEncoder.WriteSymbol(pinned.Esi, symbol);
                Convert.ToHexStringLower(symbol).ShouldBe(Convert.ToHexStringLower(pinned.Bytes), $"SBN {block.Sbn} ESI {pinned.Esi}");
                if (pinned.PayloadIdHex is not null)
                {
                    byte[] id = new byte[PayloadId.SerializedSize];
                    new PayloadId(block.Sbn, pinned.Esi).WriteTo(id);
                    Convert.ToHexStringLower(id).ShouldBe(pinned.PayloadIdHex);
                    PayloadId.Read(id).ShouldBe(new PayloadId(block.Sbn, pinned.Esi));
                }

                if (pinned.Isi is int isi)
                {
                    isi.ShouldBe(pinned.Esi + block.KPrime - block.K);
                }

                compared++;
            }
        }

        compared.ShouldBeGreaterThan(0);
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Intermediate_symbols_match_where_pinned_and_reproduce_the_source(string file)
    {
        InteropVector vector = InteropVector.Load(Vectors.Resolve(file, "raptorq"));
        var encoder = new RaptorQEncoder(vector.Input, vector.TransmissionInformation);
        int t = vector.TransmissionInformation.SymbolSize;
        Span<int> columns = stackalloc int[TupleGenerator.MaxColumns];
        foreach (PinnedBlock block in vector.Blocks)
        {
            SourceBlockEncoder blockEncoder = encoder.GetBlockEncoder(block.Sbn);
            if (block.Intermediate is not null)
            {
                block.Intermediate.Count.ShouldBe(blockEncoder.IntermediateSymbolCount);
                for (int c = 0; c < block.Intermediate.Count; c++)
                {
                    blockEncoder.IntermediateSymbol(c).ToArray().ShouldBe(block.Intermediate[c], $"C[{c}]");
                }
            }

            // Systematic: the LT row of every source ISI applied to C gives back that source symbol.
            BlockStructure structure = BlockStructure.For(BlockParameters.ExtendedSize(block.K));
            byte[] expected = new byte[t];
            byte[] combined = new byte[t];
            for (int esi = 0; esi < block.K; esi++)
            {
                Array.Clear(combined);
                int count = structure.LtRow((uint)esi, columns);
                for (int i = 0; i < count; i++)
                {
                    ReadOnlySpan<byte> c = blockEncoder.IntermediateSymbol(columns[i]);
                    for (int b = 0; b < t; b++)
                    {
                        combined[b] ^= c[b];
                    }
                }

                blockEncoder.WriteSymbol(esi, expected);
                combined.ShouldBe(expected, $"SBN {block.Sbn} source ESI {esi}");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Decodes_from_mixed_source_and_pinned_repair_symbols(string file)
    {
        InteropVector vector = InteropVector.Load(Vectors.Resolve(file, "raptorq"));
        ObjectTransmissionInformation oti = vector.TransmissionInformation;
        var source = new RaptorQEncoder(vector.Input, oti);
        var decoder = new RaptorQDecoder(ObjectTransmissionInformation.Read(oti.ToArray()));
        byte[] symbol = new byte[oti.SymbolSize];
        DecodeStatus last = DecodeStatus.NeedMoreSymbols;
        foreach (PinnedBlock block in vector.Blocks)
        {
            // Heavy loss: drop even ESIs first, then odd ones, keeping two symbols of overhead over K.
            int drop = Math.Clamp(block.Repair.Count - 2, 0, block.K);
            HashSet<int> dropped = Enumerable.Range(0, block.K).OrderBy(e => e % 2).ThenBy(e => e).Take(drop).ToHashSet();

            foreach (PinnedSymbol pinned in block.Repair)
            {
                last = decoder.AddSymbol(new PayloadId(block.Sbn, pinned.Esi), pinned.Bytes);
            }

            for (int esi = 0; esi < block.K; esi++)
            {
                if (!dropped.Contains(esi))
                {
                    source.GetBlockEncoder(block.Sbn).WriteSymbol(esi, symbol);
                    last = decoder.AddSymbol(new PayloadId(block.Sbn, esi), symbol);
                }
            }
        }

        last.ShouldBe(DecodeStatus.Decoded);
        decoder.IsComplete.ShouldBeTrue();
        decoder.ToArray().ShouldBe(vector.Input);
    }
}
