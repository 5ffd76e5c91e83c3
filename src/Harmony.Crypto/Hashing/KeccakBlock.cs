using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Hashing;

/// <summary>One rate-sized block of input bytes, used to buffer partial input and to build the padded last block.</summary>
[InlineArray(KeccakSponge.RateInBytes)]
internal struct KeccakBlock
{
    private byte _byte;
}
