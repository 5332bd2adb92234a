namespace DetainerRules.Yaml;

/// <summary>One folder of the catalog's search path, with what put it there.</summary>
/// <param name="Folder">The folder, as an absolute path.</param>
/// <param name="Origin">How a message names where the folder came from: <c>--rules</c>, <c>DETAINER_RULES</c>, "the nearest rules/ folder", "the shipped catalog".</param>
public sealed record CatalogPlace(string Folder, string Origin)
{
    public override string ToString() => $"{Origin} ({Folder})";
}
