namespace Harmony.Crypto.Tests.Encoding;

/// <summary>Hex helpers for readable test inputs such as <c>"c8 83 63 61 74"</c>.</summary>
internal static class RlpHex
{
    public static byte[] Parse(string spacedHex) => Convert.FromHexString(spacedHex.Replace(" ", "", StringComparison.Ordinal));

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
