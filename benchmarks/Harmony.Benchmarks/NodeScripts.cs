using System.Diagnostics;

namespace Harmony.Benchmarks;

/// <summary>
/// Finds and prepares the Node.js partners under <c>tests/interop</c> that some benchmarks run against (js-libp2p,
/// blst): the folder is searched upwards from the benchmark's binaries, and its npm packages are installed from the
/// committed lockfile when missing.
/// </summary>
internal static class NodeScripts
{
    /// <summary>The folder <c>tests/interop/…/</c> that holds <paramref name="script"/>, with its packages installed.</summary>
    /// <param name="relativeFolder">The folder below the repository root, e.g. <c>tests/interop/libp2p</c>.</param>
    /// <param name="script">The script that must be in it.</param>
    /// <param name="package">A package (path below <c>node_modules</c>) whose absence triggers <c>npm ci</c>.</param>
    public static string Prepare(string relativeFolder, string script, string package)
    {
        string folder = Find(relativeFolder, script);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", package)))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = folder })
                ?? throw new InvalidOperationException("Could not start npm.");
            npm.WaitForExit();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"'npm ci' in {folder} failed with exit code {npm.ExitCode}.");
            }
        }

        return folder;
    }

    /// <summary>Starts <c>node <paramref name="script"/></c> in <paramref name="folder"/> with stdin and stdout redirected.</summary>
    public static Process Start(string folder, string script) =>
        Process.Start(new ProcessStartInfo("node", script)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start node {script}.");

    /// <summary>Kills the process (and its children) unless it has exited, then releases it.</summary>
    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static string Find(string relativeFolder, string script)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, relativeFolder);
            if (File.Exists(Path.Combine(candidate, script)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{relativeFolder}/{script} not found above the benchmark's folder.");
    }
}
