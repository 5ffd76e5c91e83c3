using System.Buffers;
using System.Text;
using Harmony.P2P.Multistream;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>multistream-select 1.0 between two in-memory ends.</summary>
public sealed class MultistreamSelectTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    [Fact]
    public async Task The_dialer_gets_the_first_protocol_the_listener_supports()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        var accept = MultistreamSelect.AcceptAsync(listener, p => p == "/b/1.0.0", Timeout).AsTask();
        string? chosen = await MultistreamSelect.SelectAsync(dialer, ["/a/1.0.0", "/b/1.0.0", "/c/1.0.0"], Timeout);
        chosen.ShouldBe("/b/1.0.0");
        (await accept).ShouldBe("/b/1.0.0");
    }

    [Fact]
    public async Task The_wire_bytes_are_varint_prefixed_lines_and_na()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        var select = MultistreamSelect.SelectAsync(dialer, ["/x"], Timeout).AsTask();
        var read = await listener.Input.ReadAsync();
        read.Buffer.ToArray().ShouldBe([.. Line("/multistream/1.0.0"), .. Line("/x")]);
        listener.Input.AdvanceTo(read.Buffer.End);
        await listener.Output.WriteAsync(Line("/multistream/1.0.0").Concat(Line("na")).ToArray());
        (await select).ShouldBeNull();
    }

    [Fact]
    public async Task Garbage_instead_of_the_header_is_rejected_with_a_reason()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        await dialer.Output.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        var error = await Should.ThrowAsync<Libp2pProtocolException>(() => MultistreamSelect.AcceptAsync(listener, _ => true, Timeout).AsTask());
        error.Message.ShouldStartWith("multistream:");
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_rejected_before_it_is_buffered()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        await dialer.Output.WriteAsync(Line("/multistream/1.0.0").Concat(new byte[] { 0xff, 0xff, 0x03 }).ToArray()); // then a 65535-byte line announced
        var error = await Should.ThrowAsync<Libp2pProtocolException>(() => MultistreamSelect.AcceptAsync(listener, _ => true, Timeout).AsTask());
        error.Message.ShouldContain("limit");
    }

    [Fact]
    public async Task A_line_without_its_newline_is_rejected()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        var bytes = Line("/multistream/1.0.0");
        bytes[^1] = (byte)'!';
        await dialer.Output.WriteAsync(bytes);
        await Should.ThrowAsync<Libp2pProtocolException>(() => MultistreamSelect.AcceptAsync(listener, _ => true, Timeout).AsTask());
    }

    [Fact]
    public async Task A_dialer_that_closes_at_once_ends_the_negotiation_without_a_protocol()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        await dialer.Output.CompleteAsync();
        (await MultistreamSelect.AcceptAsync(listener, _ => true, Timeout)).ShouldBeNull();
    }

    [Fact]
    public async Task A_silent_peer_is_cut_off_by_the_callers_timeout()
    {
        var (_, listener) = DuplexPipePair.Create();
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Should.ThrowAsync<OperationCanceledException>(() => MultistreamSelect.AcceptAsync(listener, _ => true, soon.Token).AsTask());
    }

    [Fact]
    public async Task Endless_proposals_are_cut_off()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        var accept = MultistreamSelect.AcceptAsync(listener, _ => false, Timeout).AsTask();
        var proposals = new List<byte>(Line("/multistream/1.0.0"));
        for (int i = 0; i <= MultistreamSelect.MaxProposals; i++)
        {
            proposals.AddRange(Line($"/p/{i}"));
        }

        await dialer.Output.WriteAsync(proposals.ToArray());
        var error = await Should.ThrowAsync<Libp2pProtocolException>(accept);
        error.Message.ShouldContain("proposals");
    }

    [Fact]
    public async Task The_listener_answers_ls_with_one_message_of_length_prefixed_lines_and_a_final_newline()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        var accept = MultistreamSelect.AcceptAsync(listener, p => p == "/bb", () => ["/a", "/bb"], Timeout).AsTask();
        await dialer.Output.WriteAsync(Line("/multistream/1.0.0").Concat(Line("ls")).ToArray());

        // 0x0A bytes follow: [03 "/a\n"] [04 "/bb\n"] ["\n"] — the framing js-libp2p and rust-libp2p use.
        var expected = Line("/multistream/1.0.0").Concat(Convert.FromHexString("0A" + "032F610A" + "042F62620A" + "0A")).ToArray();
        (await ReadExactlyAsync(dialer, expected.Length)).ShouldBe(expected);

        // The negotiation goes on after ls: a proposal is still accepted on the same stream.
        await dialer.Output.WriteAsync(Line("/bb"));
        (await accept).ShouldBe("/bb");
        (await ReadExactlyAsync(dialer, 5)).ShouldBe(Line("/bb"));
    }

    [Fact]
    public async Task ListAsync_reads_the_listeners_protocols()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        string[] served = ["/ipfs/id/1.0.0", "/ipfs/ping/1.0.0", "/" + new string('x', 200)];
        var accept = MultistreamSelect.AcceptAsync(listener, _ => false, () => served, Timeout).AsTask();
        (await MultistreamSelect.ListAsync(dialer, Timeout)).ShouldBe(served);
        await dialer.Output.CompleteAsync();
        (await accept).ShouldBeNull();
    }

    [Fact]
    public async Task A_listener_without_a_list_answers_ls_with_na()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        _ = MultistreamSelect.AcceptAsync(listener, _ => true, Timeout).AsTask();
        (await MultistreamSelect.ListAsync(dialer, Timeout)).ShouldBeNull();
    }

    [Fact]
    public async Task An_ls_answer_beyond_the_limit_is_rejected_before_it_is_buffered()
    {
        var (dialer, listener) = DuplexPipePair.Create();
        var list = MultistreamSelect.ListAsync(dialer, Timeout).AsTask();
        await listener.Output.WriteAsync(Line("/multistream/1.0.0").Concat(new byte[] { 0x81, 0x80, 0x04 }).ToArray()); // 65537 bytes announced
        var error = await Should.ThrowAsync<Libp2pProtocolException>(list);
        error.Message.ShouldContain("limit is 65536");
    }

    [Theory]
    [InlineData("032F610A042F62620A", "/a,/bb")] // go-multistream's form, without the final newline
    [InlineData("0A", "")]
    [InlineData("", "")]
    public void List_bodies_parse(string hex, string protocols)
    {
        MultistreamSelect.TryParseList(Convert.FromHexString(hex), out var parsed, out _).ShouldBeTrue();
        string.Join(",", parsed).ShouldBe(protocols);
    }

    [Theory]
    [InlineData("052F610A0A", "announces 5 bytes")]
    [InlineData("032F61210A", "newline")]
    [InlineData("002F", "length prefix")]
    [InlineData("80", "length prefix")]
    public void Malformed_list_bodies_are_rejected_with_a_reason(string hex, string problem)
    {
        MultistreamSelect.TryParseList(Convert.FromHexString(hex), out _, out string? reason).ShouldBeFalse();
        reason.ShouldNotBeNull().ShouldContain(problem);
    }

    private static async Task<byte[]> ReadExactlyAsync(System.IO.Pipelines.IDuplexPipe pipe, int count)
    {
        while (true)
        {
            var result = await pipe.Input.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (result.Buffer.Length >= count)
            {
                var bytes = result.Buffer.Slice(0, count).ToArray();
                pipe.Input.AdvanceTo(result.Buffer.GetPosition(count));
                return bytes;
            }

            pipe.Input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static byte[] Line(string text)
    {
        var body = Encoding.UTF8.GetBytes(text + "\n");
        return [(byte)body.Length, .. body];
    }
}
