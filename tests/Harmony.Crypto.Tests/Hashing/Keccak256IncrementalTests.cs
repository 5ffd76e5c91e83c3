using Harmony.Crypto.Hashing;

namespace Harmony.Crypto.Tests.Hashing;

public sealed class Keccak256IncrementalTests
{
    [Fact]
    public void Appending_in_random_pieces_gives_the_one_shot_digest()
    {
        var random = new Random(1234);
        using var hasher = new Keccak256();
        for (int trial = 0; trial < 300; trial++)
        {
            byte[] message = new byte[random.Next(0, 1200)];
            random.NextBytes(message);
            int offset = 0;
            while (offset < message.Length)
            {
                int piece = random.Next(0, Math.Min(300, message.Length - offset) + 1);
                hasher.AppendData(message.AsSpan(offset, piece));
                offset += piece;
            }

            hasher.GetHashAndReset().ShouldBe(Keccak256.HashData(message), $"trial {trial}, length {message.Length}");
        }
    }

    [Fact]
    public void Appending_one_byte_at_a_time_gives_the_one_shot_digest()
    {
        byte[] message = new byte[500];
        new Random(99).NextBytes(message);
        using var hasher = new Keccak256();

        foreach (byte b in message)
        {
            hasher.AppendData([b]);
        }

        hasher.GetHashAndReset().ShouldBe(Keccak256.HashData(message));
    }

    [Fact]
    public void GetHashAndReset_starts_a_new_message()
    {
        using var hasher = new Keccak256();
        hasher.AppendData("first message"u8);
        hasher.GetHashAndReset();

        hasher.AppendData("abc"u8);

        hasher.GetHashAndReset().ShouldBe(Keccak256.HashData("abc"u8));
    }

    [Fact]
    public void Reset_discards_buffered_and_absorbed_data()
    {
        using var hasher = new Keccak256();
        hasher.AppendData(new byte[300]);

        hasher.Reset();
        hasher.AppendData("abc"u8);

        hasher.GetHashAndReset().ShouldBe(Keccak256.HashData("abc"u8));
    }

    [Fact]
    public void Span_overload_writes_only_the_first_32_bytes_of_a_larger_destination()
    {
        using var hasher = new Keccak256();
        hasher.AppendData("abc"u8);
        byte[] destination = new byte[40];
        Array.Fill(destination, (byte)0xee);

        hasher.GetHashAndReset(destination);

        destination.AsSpan(0, 32).ToArray().ShouldBe(Keccak256.HashData("abc"u8));
        destination.AsSpan(32).ToArray().ShouldAllBe(b => b == 0xee);
    }

    [Fact]
    public void Short_destinations_are_rejected()
    {
        using var hasher = new Keccak256();

        Should.Throw<ArgumentException>(() => hasher.GetHashAndReset(new byte[31])).ParamName.ShouldBe("destination");
        Should.Throw<ArgumentException>(() => Keccak256.HashData([1, 2, 3], new byte[31])).ParamName.ShouldBe("destination");
    }

    [Fact]
    public void One_shot_span_overload_matches_array_overload()
    {
        byte[] message = new byte[777];
        new Random(5).NextBytes(message);
        Span<byte> digest = stackalloc byte[Keccak256.HashSizeInBytes];

        Keccak256.HashData(message, digest);

        digest.ToArray().ShouldBe(Keccak256.HashData(message));
    }

    [Fact]
    public void A_disposed_hasher_refuses_further_use()
    {
        var hasher = new Keccak256();
        hasher.AppendData("abc"u8);

        hasher.Dispose();

        Should.Throw<ObjectDisposedException>(() => hasher.AppendData("x"u8));
        Should.Throw<ObjectDisposedException>(() => hasher.GetHashAndReset());
        Should.Throw<ObjectDisposedException>(() => hasher.Reset());
        hasher.Dispose();
    }
}
