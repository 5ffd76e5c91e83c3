namespace Harmony.RaptorQ.Internal;

/// <summary>
/// Scalar arithmetic in GF(256) with the RFC 6330 §5.7 polynomial x^8+x^4+x^3+x^2+1 (0x11D) and generator α = 2.
/// The tables are regenerated from the polynomial at start-up.
/// </summary>
internal static class Octet
{
    /// <summary>The reduction polynomial of RFC 6330 (not the AES polynomial 0x11B).</summary>
    public const int Polynomial = 0x11D;

    /// <summary>OCT_EXP: α^i for i in 0..509, so that a sum of two logarithms never needs a modulo.</summary>
    internal static readonly byte[] Exp = BuildExp();

    /// <summary>OCT_LOG: log_α(v) for v in 1..255; entry 0 is unused.</summary>
    internal static readonly byte[] Log = BuildLog(Exp);

    /// <summary>Multiplies two field elements.</summary>
    public static byte Mul(byte u, byte v) => u == 0 || v == 0 ? (byte)0 : Exp[Log[u] + Log[v]];

    /// <summary>Divides <paramref name="u"/> by the non-zero <paramref name="v"/>.</summary>
    public static byte Div(byte u, byte v) => u == 0 ? (byte)0 : Exp[Log[u] - Log[v] + 255];

    /// <summary>The multiplicative inverse of the non-zero <paramref name="v"/>.</summary>
    public static byte Inverse(byte v) => Exp[255 - Log[v]];

    /// <summary>α raised to <paramref name="power"/> (any non-negative power; reduced modulo 255).</summary>
    public static byte AlphaPower(int power) => Exp[power % 255];

    private static byte[] BuildExp()
    {
        byte[] exp = new byte[510];
        int x = 1;
        for (int i = 0; i < 510; i++)
        {
            exp[i] = (byte)x;
            x <<= 1;
            if (x >= 256)
            {
                x ^= Polynomial;
            }
        }

        return exp;
    }

    private static byte[] BuildLog(byte[] exp)
    {
        byte[] log = new byte[256];
        for (int i = 0; i < 255; i++)
        {
            log[exp[i]] = (byte)i;
        }

        return log;
    }
}
