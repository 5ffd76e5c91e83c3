using Xunit;

namespace Harmony.Testing;

/// <summary>
/// Locates the conformance vectors shared beside the repository (DESIGN.md §6).
/// </summary>
/// <remarks>
/// The folder comes from the <c>HARMONY_VECTORS</c> environment variable, or defaults to
/// <c>../shared/vectors</c> relative to the repository root. When it is missing, conformance tests are
/// skipped with a message naming the variable; when <c>HARMONY_VECTORS_REQUIRED=1</c> they fail instead.
/// </remarks>
public static class Vectors
{
    /// <summary>Environment variable that names the vectors folder.</summary>
    public const string FolderVariable = "HARMONY_VECTORS";

    /// <summary>Environment variable that, when <c>1</c>, turns a missing vectors folder into a failure.</summary>
    public const string RequiredVariable = "HARMONY_VECTORS_REQUIRED";

    /// <summary>Placeholder theory row used when a folder has no files to offer.</summary>
    public const string MissingMarker = "<vectors folder missing>";

    private static readonly Lazy<string> RootPath = new(ResolveRoot);

    /// <summary>The resolved vectors root (it may not exist).</summary>
    public static string Root => RootPath.Value;

    /// <summary>Whether a missing folder must fail the test run.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    /// <summary>
    /// Lists every file below <paramref name="subfolder"/> (recursively) whose name matches
    /// <paramref name="pattern"/>, as paths relative to the vectors root, sorted. When the folder is absent or
    /// empty, yields the single row <see cref="MissingMarker"/> so that the theory runs once and reports it.
    /// </summary>
    public static TheoryData<string> Files(string subfolder, string pattern = "*") => Files(Root, subfolder, pattern);

    /// <summary>The listing of <see cref="Files(string, string)"/> below an explicitly given root.</summary>
    public static TheoryData<string> Files(string root, string subfolder, string pattern)
    {
        var data = new TheoryData<string>();
        string folder = Path.Combine(root, subfolder);
        if (Directory.Exists(folder))
        {
            var files = Directory.GetFiles(folder, pattern, SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (string file in files)
            {
                data.Add(file);
            }
        }

        if (data.Count == 0)
        {
            data.Add(MissingMarker);
        }

        return data;
    }

    /// <summary>
    /// Resolves a row produced by <see cref="Files(string, string)"/> to a full path. For the missing marker, skips the
    /// test (or fails it when vectors are required) with a message naming the folder and the variable.
    /// </summary>
    public static string Resolve(string relativePath, string subfolder)
    {
        if (relativePath == MissingMarker)
        {
            RequireFolder(subfolder);
            // The folder exists but holds no matching file: that is always an error in the data.
            throw new InvalidOperationException($"No vector files matched in '{Path.Combine(Root, subfolder)}'.");
        }

        return Path.Combine(Root, relativePath);
    }

    /// <summary>
    /// Ensures <paramref name="subfolder"/> exists below the vectors root and returns its full path: skips the
    /// test when it is absent, or fails it when <c>HARMONY_VECTORS_REQUIRED=1</c>.
    /// </summary>
    public static string RequireFolder(string subfolder) => RequireFolder(Root, subfolder, Required);

    /// <summary>
    /// The rule behind <see cref="RequireFolder(string)"/> with the root and the required flag given explicitly:
    /// returns the folder when it exists, otherwise skips, or throws when <paramref name="required"/> is set.
    /// </summary>
    public static string RequireFolder(string root, string subfolder, bool required)
    {
        string folder = Path.Combine(root, subfolder);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        string message = $"Conformance vectors not found at '{folder}'. Set {FolderVariable} to the vectors folder " +
                         $"(default: ../shared/vectors beside the repository root).";
        if (required)
        {
            throw new InvalidOperationException(message + $" {RequiredVariable}=1, so this is a failure.");
        }

        Skip.If(true, message);
        return folder;
    }

    /// <summary>Full path of one named vector file, with the same skip/fail rule as <see cref="RequireFolder(string)"/>.</summary>
    public static string RequireFile(string subfolder, string fileName)
    {
        string folder = RequireFolder(subfolder);
        string path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Vector file '{fileName}' is missing from '{folder}'.", path);
        }

        return path;
    }

    private static string ResolveRoot()
    {
        string? fromEnv = Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        return Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "vectors"));
    }
}
