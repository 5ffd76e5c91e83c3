using System.Diagnostics;
using System.Text.Json.Nodes;
using Harmony.Testing;

namespace Harmony.Crypto.Tests.Interop;

/// <summary>
/// Runs <c>tests/interop/client.js</c>, which signs and parses transactions with real JavaScript clients
/// (ethers and @harmony-js/core) and signs and verifies BLS signatures with blst (@chainsafe/blst). The npm packages are installed from the committed lockfile on first use.
/// Without Node.js the interop tests are skipped, unless <c>HARMONY_INTEROP_REQUIRED=1</c> (set by CI).
/// </summary>
internal static class JsClients
{
    private const string RequiredVariable = "HARMONY_INTEROP_REQUIRED";
    private static readonly Lazy<string?> Setup = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "interop");

    /// <summary>Sends a batch of requests to the client script and returns its answers in the same order.</summary>
    public static JsonArray Run(string command, JsonArray requests)
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

        var (exitCode, stdout, stderr) = Execute("node", ["client.js", command], requests.ToJsonString());
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"node client.js {command} failed ({exitCode}): {stderr}");
        }

        return JsonNode.Parse(stdout)?.AsArray() ?? throw new InvalidOperationException("client.js printed no JSON.");
    }

    private static string? Install()
    {
        try
        {
            if (Execute("node", ["--version"], null).ExitCode != 0)
            {
                return "Node.js is not usable on this machine; the JavaScript interop tests need it.";
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "Node.js (node) is not installed; the JavaScript interop tests need it.";
        }

        if (Directory.Exists(Path.Combine(Folder, "node_modules", "ethers")) &&
            Directory.Exists(Path.Combine(Folder, "node_modules", "@harmony-js", "core")) &&
            Directory.Exists(Path.Combine(Folder, "node_modules", "@chainsafe", "blst")))
        {
            return null;
        }

        var (exitCode, _, stderr) = Execute("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], null);
        return exitCode == 0 ? null : $"'npm ci' in {Folder} failed: {stderr}";
    }

    private static (int ExitCode, string Stdout, string Stderr) Execute(string fileName, string[] arguments, string? stdin)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
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
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within 5 minutes.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
