using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Harmony.P2P.Protobuf;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Multistream;

/// <summary>
/// multistream-select 1.0: both sides send <c>/multistream/1.0.0</c>, the dialer proposes protocol ids one at a time,
/// the listener echoes the one it accepts or answers <c>na</c>. Every message is a varint-length-prefixed line ending
/// in <c>\n</c>. Lines are bounded by <see cref="MaxLineLength"/>; anything that is not multistream (for example
/// garbage bytes where the header should be) raises <see cref="Libp2pProtocolException"/>. The dialer pipelines the
/// header with its first proposal, and the listener accepts pipelined proposals. A listener given the list of its
/// protocols answers <c>ls</c> with it (see <see cref="ListAsync"/> for the framing).
/// </summary>
public static class MultistreamSelect
{
    /// <summary>The protocol id of multistream-select itself.</summary>
    public const string Header = "/multistream/1.0.0";

    /// <summary>The answer to an unsupported proposal.</summary>
    public const string NotAvailable = "na";

    /// <summary>The longest line accepted or sent, in bytes including the newline.</summary>
    public const int MaxLineLength = 1024;

    /// <summary>How many proposals a listener answers before giving up on a dialer.</summary>
    public const int MaxProposals = 64;

    /// <summary>The request for the listener's protocol list.</summary>
    public const string List = "ls";

    /// <summary>The largest <c>ls</c> answer <see cref="ListAsync"/> accepts, in bytes.</summary>
    public const int MaxListLength = 64 * 1024;

    private const int HeaderLineLength = 19; // "/multistream/1.0.0\n"

    /// <summary>Negotiates, as the dialer, the first of <paramref name="protocols"/> that the listener accepts.</summary>
    /// <param name="pipe">The connection or stream.</param>
    /// <param name="protocols">Protocol ids in order of preference.</param>
    /// <param name="cancellationToken">Cancels the negotiation (callers add their timeout here).</param>
    /// <returns>The agreed protocol, or <see langword="null"/> when the listener supports none.</returns>
    /// <exception cref="Libp2pProtocolException">The listener did not speak multistream-select 1.0.</exception>
    public static async ValueTask<string?> SelectAsync(IDuplexPipe pipe, IReadOnlyList<string> protocols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        ArgumentNullException.ThrowIfNull(protocols);
        if (protocols.Count == 0)
        {
            return null;
        }

        WriteLine(pipe.Output, Header);
        WriteLine(pipe.Output, protocols[0]);
        await FlushAsync(pipe.Output, cancellationToken).ConfigureAwait(false);
        string header = await ReadLineAsync(pipe.Input, HeaderLineLength, cancellationToken).ConfigureAwait(false)
            ?? throw new Libp2pProtocolException("multistream: the listener closed before sending its header.");
        if (header != Header)
        {
            throw new Libp2pProtocolException($"multistream: expected the header '{Header}', got '{Printable(header)}'.");
        }

        for (int i = 0; i < protocols.Count; i++)
        {
            if (i > 0)
            {
                WriteLine(pipe.Output, protocols[i]);
                await FlushAsync(pipe.Output, cancellationToken).ConfigureAwait(false);
            }

            string answer = await ReadLineAsync(pipe.Input, 0, cancellationToken).ConfigureAwait(false)
                ?? throw new Libp2pProtocolException("multistream: the listener closed during negotiation.");
            if (answer == protocols[i])
            {
                return answer;
            }

            if (answer != NotAvailable)
            {
                throw new Libp2pProtocolException($"multistream: proposed '{protocols[i]}', the listener answered '{Printable(answer)}'.");
            }
        }

        return null;
    }

    /// <summary>Negotiates, as the listener, one protocol the dialer proposes and <paramref name="isSupported"/> accepts.</summary>
    /// <param name="pipe">The connection or stream.</param>
    /// <param name="isSupported">Decides whether a proposed id is served here.</param>
    /// <param name="cancellationToken">Cancels the negotiation (callers add their timeout here).</param>
    /// <returns>The agreed protocol, or <see langword="null"/> when the dialer closed without agreeing.</returns>
    /// <exception cref="Libp2pProtocolException">The dialer did not speak multistream-select 1.0 or proposed too often.</exception>
    public static ValueTask<string?> AcceptAsync(IDuplexPipe pipe, Func<string, bool> isSupported, CancellationToken cancellationToken) =>
        AcceptAsync(pipe, isSupported, listProtocols: null, cancellationToken);

    /// <summary>
    /// Negotiates, as the listener, one protocol the dialer proposes and <paramref name="isSupported"/> accepts, and
    /// answers <c>ls</c> with <paramref name="listProtocols"/> (or with <c>na</c> when it is <see langword="null"/>).
    /// </summary>
    /// <param name="pipe">The connection or stream.</param>
    /// <param name="isSupported">Decides whether a proposed id is served here.</param>
    /// <param name="listProtocols">Gives the protocol ids an <c>ls</c> request is answered with.</param>
    /// <param name="cancellationToken">Cancels the negotiation (callers add their timeout here).</param>
    /// <returns>The agreed protocol, or <see langword="null"/> when the dialer closed without agreeing.</returns>
    /// <exception cref="Libp2pProtocolException">The dialer did not speak multistream-select 1.0 or sent too many requests.</exception>
    public static async ValueTask<string?> AcceptAsync(IDuplexPipe pipe, Func<string, bool> isSupported, Func<IReadOnlyList<string>>? listProtocols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        ArgumentNullException.ThrowIfNull(isSupported);
        string? header = await ReadLineAsync(pipe.Input, HeaderLineLength, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            return null;
        }

        if (header != Header)
        {
            throw new Libp2pProtocolException($"multistream: expected the header '{Header}', got '{Printable(header)}'.");
        }

        WriteLine(pipe.Output, Header);
        await FlushAsync(pipe.Output, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < MaxProposals; i++)
        {
            string? proposal = await ReadLineAsync(pipe.Input, 0, cancellationToken).ConfigureAwait(false);
            if (proposal is null)
            {
                return null;
            }

            if (proposal == List && listProtocols is not null)
            {
                WriteList(pipe.Output, listProtocols());
                await FlushAsync(pipe.Output, cancellationToken).ConfigureAwait(false);
                continue;
            }

            bool accepted = proposal.Length > 0 && proposal != NotAvailable && proposal != List && isSupported(proposal);
            WriteLine(pipe.Output, accepted ? proposal : NotAvailable);
            await FlushAsync(pipe.Output, cancellationToken).ConfigureAwait(false);
            if (accepted)
            {
                return proposal;
            }
        }

        throw new Libp2pProtocolException($"multistream: the dialer made more than {MaxProposals} proposals.");
    }

    /// <summary>
    /// Asks, as the dialer, for the listener's protocols with <c>ls</c>. The answer is one length-prefixed message
    /// holding, for each protocol, its own length-prefixed line (<c>&lt;varint&gt;&lt;id&gt;\n</c>), then a final
    /// <c>\n</c> (go-multistream omits that last newline; both forms are read). The stream stays in negotiation
    /// afterwards: propose a protocol with <see cref="SelectAsync"/>'s framing or close it.
    /// </summary>
    /// <param name="pipe">The connection or stream, before any protocol was selected on it.</param>
    /// <param name="cancellationToken">Cancels the request (callers add their timeout here).</param>
    /// <returns>The listed protocol ids, or <see langword="null"/> when the listener answered <c>na</c>.</returns>
    /// <exception cref="Libp2pProtocolException">
    /// The listener did not speak multistream-select 1.0, or its answer was malformed or longer than <see cref="MaxListLength"/>.
    /// </exception>
    public static async ValueTask<IReadOnlyList<string>?> ListAsync(IDuplexPipe pipe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        WriteLine(pipe.Output, Header);
        WriteLine(pipe.Output, List);
        await FlushAsync(pipe.Output, cancellationToken).ConfigureAwait(false);
        string header = await ReadLineAsync(pipe.Input, HeaderLineLength, cancellationToken).ConfigureAwait(false)
            ?? throw new Libp2pProtocolException("multistream: the listener closed before sending its header.");
        if (header != Header)
        {
            throw new Libp2pProtocolException($"multistream: expected the header '{Header}', got '{Printable(header)}'.");
        }

        byte[] answer = await ReadMessageAsync(pipe.Input, 0, MaxListLength, cancellationToken).ConfigureAwait(false)
            ?? throw new Libp2pProtocolException("multistream: the listener closed before answering ls.");
        if (answer.AsSpan().SequenceEqual("na\n"u8))
        {
            return null;
        }

        return TryParseList(answer, out var protocols, out string? problem)
            ? protocols
            : throw new Libp2pProtocolException($"multistream: the ls answer is malformed: {problem}");
    }

    /// <summary>Parses the body of an <c>ls</c> answer; false with the problem when it is malformed.</summary>
    internal static bool TryParseList(ReadOnlySpan<byte> body, out List<string> protocols, out string? problem)
    {
        protocols = [];
        problem = null;
        while (body.Length > 0 && !(body.Length == 1 && body[0] == (byte)'\n'))
        {
            if (!Varint.TryReadMinimal(body, out ulong length, out int used) || length == 0 || length > MaxLineLength)
            {
                problem = $"entry {protocols.Count} has no valid length prefix (at most {MaxLineLength} bytes).";
                return false;
            }

            if ((ulong)(body.Length - used) < length)
            {
                problem = $"entry {protocols.Count} announces {length} bytes but only {body.Length - used} are left.";
                return false;
            }

            var line = body.Slice(used, (int)length);
            if (line[^1] != (byte)'\n')
            {
                problem = $"entry {protocols.Count} does not end in a newline.";
                return false;
            }

            protocols.Add(Encoding.UTF8.GetString(line[..^1]));
            body = body[(used + (int)length)..];
        }

        return true;
    }

    /// <summary>Writes the <c>ls</c> answer: one message of length-prefixed lines and a final newline.</summary>
    private static void WriteList(PipeWriter output, IReadOnlyList<string> protocols)
    {
        var body = new ArrayBufferWriter<byte>();
        foreach (string protocol in protocols)
        {
            int length = Encoding.UTF8.GetByteCount(protocol) + 1;
            if (protocol.Length == 0 || length > MaxLineLength)
            {
                // Such an id could never be negotiated, so it is not announced either.
                continue;
            }

            var span = body.GetSpan(Varint.MaxProtobufVarintLength + length);
            int used = Varint.Write(span, (ulong)length);
            used += Encoding.UTF8.GetBytes(protocol, span[used..]);
            span[used++] = (byte)'\n';
            body.Advance(used);
        }

        body.GetSpan(1)[0] = (byte)'\n';
        body.Advance(1);
        var prefix = output.GetSpan(Varint.MaxProtobufVarintLength);
        output.Advance(Varint.Write(prefix, (ulong)body.WrittenCount));
        output.Write(body.WrittenSpan);
    }

    private static void WriteLine(PipeWriter output, string line)
    {
        int length = Encoding.UTF8.GetByteCount(line) + 1;
        if (length > MaxLineLength)
        {
            throw new ArgumentException($"The protocol id '{line}' is longer than {MaxLineLength - 1} bytes.", nameof(line));
        }

        var span = output.GetSpan(Varint.MaxProtobufVarintLength + length);
        int used = Varint.Write(span, (ulong)length);
        used += Encoding.UTF8.GetBytes(line, span[used..]);
        span[used++] = (byte)'\n';
        output.Advance(used);
    }

    private static async ValueTask FlushAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        var result = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsCompleted)
        {
            throw new Libp2pProtocolException("multistream: the remote stopped reading.");
        }
    }

    /// <summary>
    /// Reads one line without its newline; <see langword="null"/> at a clean end of input. With a non-zero
    /// <paramref name="expectedLength"/> (the header) any other length prefix is rejected at its first byte, so
    /// garbage is refused at once instead of waiting for the bytes its first byte seems to announce.
    /// </summary>
    private static async ValueTask<string?> ReadLineAsync(PipeReader input, int expectedLength, CancellationToken cancellationToken)
    {
        byte[]? message = await ReadMessageAsync(input, expectedLength, MaxLineLength, cancellationToken).ConfigureAwait(false);
        return message is null ? null : Encoding.UTF8.GetString(message, 0, message.Length - 1);
    }

    /// <summary>
    /// Reads one length-prefixed message of at most <paramref name="maxLength"/> bytes that ends in a newline (kept);
    /// <see langword="null"/> at a clean end of input.
    /// </summary>
    private static async ValueTask<byte[]?> ReadMessageAsync(PipeReader input, int expectedLength, int maxLength, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (expectedLength > 0 && !buffer.IsEmpty && buffer.FirstSpan[0] != expectedLength)
            {
                string start = Convert.ToHexString(buffer.Slice(0, Math.Min(buffer.Length, 16)).ToArray());
                input.AdvanceTo(buffer.End);
                throw new Libp2pProtocolException($"multistream: expected the header '{Header}', got bytes {start}.");
            }

            var status = TryParseMessage(buffer, maxLength, out byte[]? message, out string? problem, out var consumed);
            if (status == LineStatus.Complete)
            {
                input.AdvanceTo(consumed);
                return message;
            }

            if (status == LineStatus.Invalid)
            {
                input.AdvanceTo(buffer.End);
                throw new Libp2pProtocolException($"multistream: {problem}");
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                input.AdvanceTo(buffer.End);
                if (buffer.IsEmpty)
                {
                    return null;
                }

                throw new Libp2pProtocolException("multistream: the input ended inside a message.");
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private enum LineStatus
    {
        NeedMore,
        Complete,
        Invalid,
    }

    private static LineStatus TryParseMessage(ReadOnlySequence<byte> buffer, int maxLength, out byte[]? message, out string? problem, out SequencePosition consumed)
    {
        message = null;
        problem = null;
        consumed = buffer.Start;
        Span<byte> prefix = stackalloc byte[Varint.MaxProtobufVarintLength];
        int available = (int)Math.Min(buffer.Length, prefix.Length);
        buffer.Slice(0, available).CopyTo(prefix);
        if (!Varint.TryReadMinimal(prefix[..available], out ulong length, out int used))
        {
            if (available >= 2 || (available == 1 && prefix[0] < 0x80))
            {
                problem = $"a message length prefix that is not a valid varint (first bytes {Convert.ToHexString(prefix[..available])}).";
                return LineStatus.Invalid;
            }

            return LineStatus.NeedMore;
        }

        if (length == 0 || length > (ulong)maxLength)
        {
            problem = $"a message of {length} bytes (first bytes {Convert.ToHexString(prefix[..available])}); the limit is {maxLength}.";
            return LineStatus.Invalid;
        }

        if (buffer.Length < used + (long)length)
        {
            return LineStatus.NeedMore;
        }

        var bytes = buffer.Slice(used, (long)length).ToArray();
        if (bytes[^1] != (byte)'\n')
        {
            problem = $"a message that does not end in a newline ({Convert.ToHexString(bytes, 0, Math.Min(bytes.Length, 16))}…).";
            return LineStatus.Invalid;
        }

        message = bytes;
        consumed = buffer.GetPosition(used + (long)length);
        return LineStatus.Complete;
    }

    private static string Printable(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 64));
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, 64)))
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
