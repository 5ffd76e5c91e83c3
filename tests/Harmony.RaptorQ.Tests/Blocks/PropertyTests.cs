using FsCheck;
using FsCheck.Fluent;
using Harmony.RaptorQ.Tests.Support;

namespace Harmony.RaptorQ.Tests.Blocks;

/// <summary>FsCheck properties: random objects, parameters and loss patterns decode to identical bytes.</summary>
public class PropertyTests
{
    [Fact]
    public void Random_objects_with_random_losses_decode_to_the_same_bytes()
    {
        Property property = Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            int al = random.Next(3) switch { 0 => 1, 1 => 4, _ => 8 };
            int t = al * random.Next(1, 24);
            int length = random.Next(1, 40_000);
            long kt = (length + t - 1) / t;
            int z = random.Next(1, (int)Math.Min(kt, 4) + 1);
            int n = random.Next(1, Math.Min(t / al, 3) + 1);
            if ((kt + z - 1) / z > 2000)
            {
                z = (int)Math.Min(kt, (kt + 1999) / 2000);
            }

            byte[] data = SplitMix64.Bytes((ulong)seed, length);
            var oti = ObjectTransmissionInformation.Create(length, t, z, n, al);
            var encoder = new RaptorQEncoder(data, oti);
            var decoder = new RaptorQDecoder(oti);
            double loss = random.NextDouble() * 0.9;
            for (int sbn = 0; sbn < z; sbn++)
            {
                SourceBlockEncoder block = encoder.GetBlockEncoder(sbn);
                int k = block.SourceSymbolCount;
                var received = new List<int>();
                for (int esi = 0; esi < k; esi++)
                {
                    if (random.NextDouble() >= loss)
                    {
                        received.Add(esi);
                    }
                }

                // Top up with repair symbols (random far ESIs included) to K + 2 received.
                var repair = new HashSet<int>();
                while (received.Count + repair.Count < k + 2)
                {
                    repair.Add(random.Next(2) == 0 ? k + repair.Count : random.Next(k, PayloadId.MaxEncodingSymbolId + 1));
                }

                received.AddRange(repair);
                Shuffle(random, received);
                byte[] symbol = new byte[t];
                foreach (int esi in received)
                {
                    block.WriteSymbol(esi, symbol);
                    decoder.AddSymbol(new PayloadId(sbn, esi), symbol);
                }
            }

            return decoder.IsComplete && decoder.ToArray().AsSpan().SequenceEqual(data);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    private static void Shuffle(Random random, List<int> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
