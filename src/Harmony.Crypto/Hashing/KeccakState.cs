using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Hashing;

/// <summary>The 25 64-bit lanes of a Keccak-f[1600] state, lane (x, y) at index x + 5y.</summary>
[InlineArray(LaneCount)]
internal struct KeccakState
{
    /// <summary>Number of lanes in the state.</summary>
    internal const int LaneCount = 25;

    private ulong _lane;
}
