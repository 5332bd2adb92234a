namespace DetainerRules.Tests.Support;

/// <summary>Policies and scenarios written for the tests (<c>Fixtures/</c>): the comparison machinery is tested on these, not on the catalog, whose answers change with the law.</summary>
internal static class Fixtures
{
    public static string Folder => Path.Combine(Repository.Root, "tests", "DetainerRules.Tests", "Fixtures");

    /// <summary>The fixture policies, for <c>--rules</c>.</summary>
    public static string Rules => Path.Combine(Folder, "rules");

    public static string Scenarios => Path.Combine(Folder, "scenarios");

    public static string Policy(string id) => Path.Combine(Rules, id + ".yaml");
}
