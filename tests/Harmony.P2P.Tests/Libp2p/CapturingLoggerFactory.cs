using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>A logger factory that keeps every formatted message, so tests can check that a reason was logged.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public bool Contains(string fragment) => _messages.Any(m => m.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    /// <summary>Waits until a message containing <paramref name="fragment"/> is logged.</summary>
    public async Task WaitForAsync(string fragment, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!Contains(fragment))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No log message contains '{fragment}'. Logged: {string.Join(" | ", _messages)}");
            }

            await Task.Delay(20);
        }
    }

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
