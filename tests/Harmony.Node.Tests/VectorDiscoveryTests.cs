using Harmony.Testing;

namespace Harmony.Node.Tests;

/// <summary>The conformance-vector plumbing every test project shares (DESIGN.md §6).</summary>
public sealed class VectorDiscoveryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "harmony-vectors-" + Guid.NewGuid().ToString("N"));

    public VectorDiscoveryTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "kind", "nested"));
        File.WriteAllText(Path.Combine(_root, "kind", "b.json"), "{}");
        File.WriteAllText(Path.Combine(_root, "kind", "nested", "a.json"), "{}");
        File.WriteAllText(Path.Combine(_root, "kind", "README.md"), "docs");
        File.WriteAllText(Path.Combine(_root, "kind", "notes.txt"), "not a vector");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_matching_file_below_the_folder_is_discovered_in_order()
    {
        var rows = ((IEnumerable<object[]>)Vectors.Files(_root, "kind", "*.json")).Select(row => (string)row[0]).ToList();
        rows.ShouldBe(["kind/b.json", "kind/nested/a.json"]);
    }

    [Fact]
    public void A_missing_folder_yields_one_marker_row()
    {
        var rows = ((IEnumerable<object[]>)Vectors.Files(_root, "absent", "*")).Select(row => (string)row[0]).ToList();
        rows.ShouldBe([Vectors.MissingMarker]);
    }

    [Fact]
    public void A_missing_folder_fails_when_vectors_are_required()
    {
        var error = Should.Throw<InvalidOperationException>(() => Vectors.RequireFolder(_root, "absent", required: true));
        error.Message.ShouldContain(Vectors.FolderVariable);
        error.Message.ShouldContain(Vectors.RequiredVariable);
    }

    [Fact]
    public void A_missing_folder_skips_when_vectors_are_optional()
    {
        var skipped = Should.Throw<SkipException>(() => Vectors.RequireFolder(_root, "absent", required: false));
        skipped.Message.ShouldContain(Vectors.FolderVariable);
    }

    [Fact]
    public void An_existing_folder_is_returned() =>
        Vectors.RequireFolder(_root, "kind", required: true).ShouldBe(Path.Combine(_root, "kind"));
}
