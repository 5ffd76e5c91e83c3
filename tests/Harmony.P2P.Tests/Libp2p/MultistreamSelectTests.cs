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

    private static byte[] Line(string text)
    {
        var body = Encoding.UTF8.GetBytes(text + "\n");
        return [(byte)body.Length, .. body];
    }
}
