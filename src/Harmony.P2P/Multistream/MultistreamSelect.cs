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
/// header with its first proposal, and the listener accepts pipelined proposals.
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
    public static async ValueTask<string?> AcceptAsync(IDuplexPipe pipe, Func<string, bool> isSupported, CancellationToken cancellationToken)
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

            bool accepted = proposal.Length > 0 && proposal != NotAvailable && isSupported(proposal);
            WriteLine(pipe.Output, accepted ? proposal : NotAvailable);
            await FlushAsync(pipe.Output, cancellationToken).ConfigureAwait(false);
            if (accepted)
            {
                return proposal;
            }
        }

        throw new Libp2pProtocolException($"multistream: the dialer made more than {MaxProposals} proposals.");
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

            var status = TryParseLine(buffer, out string? line, out var consumed);
            if (status == LineStatus.Complete)
            {
                input.AdvanceTo(consumed);
                return line;
            }

            if (status == LineStatus.Invalid)
            {
                input.AdvanceTo(buffer.End);
                throw new Libp2pProtocolException($"multistream: {line}");
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

    private static LineStatus TryParseLine(ReadOnlySequence<byte> buffer, out string? line, out SequencePosition consumed)
    {
        line = null;
        consumed = buffer.Start;
        Span<byte> prefix = stackalloc byte[Varint.MaxProtobufVarintLength];
        int available = (int)Math.Min(buffer.Length, prefix.Length);
        buffer.Slice(0, available).CopyTo(prefix);
        if (!Varint.TryReadMinimal(prefix[..available], out ulong length, out int used))
        {
            if (available >= 2 || (available == 1 && prefix[0] < 0x80))
            {
                line = $"a message length prefix that is not a valid varint (first bytes {Convert.ToHexString(prefix[..available])}).";
                return LineStatus.Invalid;
            }

            return LineStatus.NeedMore;
        }

        if (length == 0 || length > MaxLineLength)
        {
            line = $"a message of {length} bytes (first bytes {Convert.ToHexString(prefix[..available])}); the limit is {MaxLineLength}.";
            return LineStatus.Invalid;
        }

        if (buffer.Length < used + (long)length)
        {
            return LineStatus.NeedMore;
        }

        Span<byte> bytes = stackalloc byte[(int)length];
        buffer.Slice(used, (long)length).CopyTo(bytes);
        if (bytes[^1] != (byte)'\n')
        {
            line = $"a message that does not end in a newline ({Convert.ToHexString(bytes[..Math.Min(bytes.Length, 16)])}…).";
            return LineStatus.Invalid;
        }

        line = Encoding.UTF8.GetString(bytes[..^1]);
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
