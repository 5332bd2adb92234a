namespace DetainerRules.Yaml;

/// <summary>A folder named for the catalog's search path (by <c>--rules</c>, <c>DETAINER_RULES</c> or the testing kit) is not a folder.</summary>
/// <remarks>Refused rather than skipped: a policy id would otherwise resolve, unnoticed, to a file in a later place.</remarks>
public sealed class CatalogPathException : Exception
{
    public CatalogPathException(string message)
        : base(message)
    {
    }

    public CatalogPathException()
    {
    }

    public CatalogPathException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
