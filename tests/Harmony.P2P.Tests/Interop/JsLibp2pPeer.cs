using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Multiaddr;
using Harmony.Testing;

namespace Harmony.P2P.Tests.Interop;

/// <summary>
/// Runs <c>tests/interop/libp2p/peer.js</c>, a js-libp2p node built from the npm packages in that folder's lockfile
/// (installed with <c>npm ci</c> on first use), and talks to it in JSON lines. Without Node.js the interop tests are
/// skipped, unless <c>HARMONY_INTEROP_REQUIRED=1</c> (set by CI). The process is always killed on dispose.
/// </summary>
internal sealed class JsLibp2pPeer : IAsyncDisposable
{
    private const string RequiredVariable = "HARMONY_INTEROP_REQUIRED";
    private static readonly Lazy<string?> Setup = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private readonly SemaphoreSlim _eventSignal = new(0);
    private readonly TaskCompletionSource<JsonObject> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _stderr = new();
    private int _nextId;

    private JsLibp2pPeer(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "interop", "libp2p");

    public PeerId PeerId { get; private set; } = null!;

    public Multiaddress Address { get; private set; } = null!;

    /// <summary>The peer's protobuf-encoded public key, as js-libp2p encodes it.</summary>
    public string PublicKeyHex { get; private set; } = string.Empty;

    public IReadOnlyList<string> Protocols { get; private set; } = [];

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts a peer, or skips the test when Node.js is missing and interop is not required.</summary>
    public static async Task<JsLibp2pPeer> StartAsync(string keyType = "ed25519")
    {
        EnsureInstalled();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("peer.js");
        start.ArgumentList.Add("--key-type");
        start.ArgumentList.Add(keyType);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node peer.js.");
        var peer = new JsLibp2pPeer(process);
        try
        {
            var ready = await peer._ready.Task.WaitAsync(DefaultTimeout).ConfigureAwait(false);
            peer.PeerId = PeerId.Parse(ready["peerId"]!.GetValue<string>());
            peer.PublicKeyHex = ready["publicKey"]!.GetValue<string>();
            peer.Address = Multiaddress.Parse(ready["addrs"]!.AsArray()[0]!.GetValue<string>());
            peer.Protocols = [.. ready["protocols"]!.AsArray().Select(p => p!.GetValue<string>())];
            return peer;
        }
        catch (TimeoutException)
        {
            string stderr = peer.StandardError;
            await peer.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"peer.js did not become ready: {stderr}");
        }
    }

    /// <summary>Installs the npm packages, or skips (throws when interop is required) when that is impossible.</summary>
    public static void EnsureInstalled()
    {
        string? problem = Setup.Value;
        if (problem is not null)
        {
            if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
            {
                throw new InvalidOperationException($"{problem} ({RequiredVariable}=1, so this is a failure.)");
            }

            Skip.If(true, problem);
        }
    }

    /// <summary>Sends one command and returns its answer; throws when the answer is not ok.</summary>
    public async Task<JsonObject> CommandAsync(JsonObject command, TimeSpan? timeout = null)
    {
        var answer = await TryCommandAsync(command, timeout).ConfigureAwait(false);
        if (answer["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"peer.js {command["cmd"]} failed: {answer["error"]}\n{StandardError}");
        }

        return answer;
    }

    /// <summary>Sends one command and returns its answer, ok or not.</summary>
    public async Task<JsonObject> TryCommandAsync(JsonObject command, TimeSpan? timeout = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        command["id"] = id;
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        lock (_process)
        {
            _process.StandardInput.WriteLine(command.ToJsonString());
            _process.StandardInput.Flush();
        }

        try
        {
            return await answer.Task.WaitAsync(timeout ?? DefaultTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"peer.js did not answer {command.ToJsonString()}: {StandardError}");
        }
    }

    /// <summary>Waits for an event line matching <paramref name="match"/>.</summary>
    public async Task<JsonObject> WaitForEventAsync(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var seen = new List<JsonObject>();
        try
        {
            while (true)
            {
                while (_events.TryDequeue(out var item))
                {
                    if (match(item))
                    {
                        foreach (var other in seen)
                        {
                            _events.Enqueue(other);
                        }

                        return item;
                    }

                    seen.Add(item);
                }

                await _eventSignal.WaitAsync(cancellation.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"peer.js sent no matching event; saw {string.Join(", ", seen.Select(e => e.ToJsonString()))}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (TimeoutException)
        {
            // Killed but not yet reaped; the OS finishes it.
        }

        _process.Dispose();
        _eventSignal.Dispose();
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        JsonObject? message;
        try
        {
            message = JsonNode.Parse(line) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return;
        }

        if (message is null)
        {
            return;
        }

        if (message["event"]?.GetValue<string>() == "ready")
        {
            _ready.TrySetResult(message);
        }
        else if (message["event"] is not null)
        {
            _events.Enqueue(message);
            _eventSignal.Release();
        }
        else if (message["id"] is JsonValue id && id.TryGetValue(out int number) && _pending.TryRemove(number, out var waiter))
        {
            waiter.TrySetResult(message);
        }
    }

    private static string? Install()
    {
        try
        {
            if (Execute("node", ["--version"]).ExitCode != 0)
            {
                return "Node.js is not usable on this machine; the libp2p interop tests need it.";
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "Node.js (node) is not installed; the libp2p interop tests need it.";
        }

        if (Directory.Exists(Path.Combine(Folder, "node_modules", "libp2p")) &&
            Directory.Exists(Path.Combine(Folder, "node_modules", "@chainsafe", "libp2p-gossipsub")))
        {
            return null;
        }

        var (exitCode, stderr) = Execute("npm", ["ci", "--no-audit", "--no-fund"]);
        return exitCode == 0 ? null : $"'npm ci' in {Folder} failed: {stderr}";
    }

    private static (int ExitCode, string Stderr) Execute(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within 5 minutes.");
        }

        _ = stdout.Result;
        return (process.ExitCode, stderr.Result);
    }
}
