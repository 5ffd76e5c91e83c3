namespace Harmony.P2P.Libp2p;

/// <summary>Base58btc (the Bitcoin alphabet) as libp2p writes peer ids. Quadratic, meant for short inputs.</summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] Digits = BuildDigits();

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        int zeros = 0;
        while (zeros < bytes.Length && bytes[zeros] == 0)
        {
            zeros++;
        }

        // log(256)/log(58) < 1.37, so this many base-58 digits always suffice.
        Span<byte> digits = stackalloc byte[(bytes.Length * 137 / 100) + 1];
        int used = 0;
        for (int i = zeros; i < bytes.Length; i++)
        {
            int carry = bytes[i];
            for (int j = 0; j < used; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }

            while (carry > 0)
            {
                digits[used++] = (byte)(carry % 58);
                carry /= 58;
            }
        }

        Span<char> text = stackalloc char[zeros + used];
        text[..zeros].Fill('1');
        for (int i = 0; i < used; i++)
        {
            text[zeros + i] = Alphabet[digits[used - 1 - i]];
        }

        return new string(text);
    }

    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        int zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        Span<byte> value = stackalloc byte[text.Length];
        int used = 0;
        for (int i = zeros; i < text.Length; i++)
        {
            char c = text[i];
            int digit = c < 128 ? Digits[c] : -1;
            if (digit < 0)
            {
                return false;
            }

            int carry = digit;
            for (int j = 0; j < used; j++)
            {
                carry += value[j] * 58;
                value[j] = (byte)carry;
                carry >>= 8;
            }

            while (carry > 0)
            {
                value[used++] = (byte)carry;
                carry >>= 8;
            }
        }

        if (zeros + used > destination.Length)
        {
            return false;
        }

        destination[..zeros].Clear();
        for (int i = 0; i < used; i++)
        {
            destination[zeros + i] = value[used - 1 - i];
        }

        written = zeros + used;
        return true;
    }

    private static sbyte[] BuildDigits()
    {
        var table = new sbyte[128];
        table.AsSpan().Fill(-1);
        for (int i = 0; i < Alphabet.Length; i++)
        {
            table[Alphabet[i]] = (sbyte)i;
        }

        return table;
    }
}
