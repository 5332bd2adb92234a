namespace DetainerRules.Model.Policies;

/// <summary>The postal codes a policy's <c>state</c> may take: the states, the District of Columbia, the territories, and <c>US</c> for federal policy.</summary>
public static class UsJurisdictions
{
    /// <summary>The code for a federal policy, which binds in every state.</summary>
    public const string Federal = "US";

    /// <summary>Every code with its name, in alphabetical order of code.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = InOrderOfCode(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AK"] = "Alaska",
        ["AL"] = "Alabama",
        ["AR"] = "Arkansas",
        ["AZ"] = "Arizona",
        ["CA"] = "California",
        ["CO"] = "Colorado",
        ["CT"] = "Connecticut",
        ["DC"] = "District of Columbia",
        ["DE"] = "Delaware",
        ["FL"] = "Florida",
        ["GA"] = "Georgia",
        ["HI"] = "Hawaii",
        ["IA"] = "Iowa",
        ["ID"] = "Idaho",
        ["IL"] = "Illinois",
        ["IN"] = "Indiana",
        ["KS"] = "Kansas",
        ["KY"] = "Kentucky",
        ["LA"] = "Louisiana",
        ["MA"] = "Massachusetts",
        ["MD"] = "Maryland",
        ["ME"] = "Maine",
        ["MI"] = "Michigan",
        ["MN"] = "Minnesota",
        ["MO"] = "Missouri",
        ["MS"] = "Mississippi",
        ["MT"] = "Montana",
        ["NC"] = "North Carolina",
        ["ND"] = "North Dakota",
        ["NE"] = "Nebraska",
        ["NH"] = "New Hampshire",
        ["NJ"] = "New Jersey",
        ["NM"] = "New Mexico",
        ["NV"] = "Nevada",
        ["NY"] = "New York",
        ["OH"] = "Ohio",
        ["OK"] = "Oklahoma",
        ["OR"] = "Oregon",
        ["PA"] = "Pennsylvania",
        ["RI"] = "Rhode Island",
        ["SC"] = "South Carolina",
        ["SD"] = "South Dakota",
        ["TN"] = "Tennessee",
        ["TX"] = "Texas",
        ["UT"] = "Utah",
        ["VA"] = "Virginia",
        ["VT"] = "Vermont",
        ["WA"] = "Washington",
        ["WI"] = "Wisconsin",
        ["WV"] = "West Virginia",
        ["WY"] = "Wyoming",
        ["AS"] = "American Samoa",
        ["GU"] = "Guam",
        ["MP"] = "Northern Mariana Islands",
        ["PR"] = "Puerto Rico",
        ["VI"] = "U.S. Virgin Islands",
        [Federal] = "United States (federal)",
    });

    /// <summary>The fifty states and the District of Columbia, which the coverage map lists whether or not they have a policy.</summary>
    public static IReadOnlyList<string> StatesAndDistrict { get; } =
        [.. Names.Keys.Where(k => k is not (Federal or "AS" or "GU" or "MP" or "PR" or "VI"))];

    /// <summary>The codes sorted once, into a dictionary that keeps its order.</summary>
    /// <remarks>Not a <c>SortedDictionary</c>: its tree is a set of key-value pairs, a value type, and the framework's code for a set of them is compiled when the program first runs it (no ahead-of-time image can hold it); every policy file's reading reaches this table.</remarks>
    private static OrderedDictionary<string, string> InOrderOfCode(Dictionary<string, string> names)
    {
        var codes = names.Keys.ToArray();
        Array.Sort(codes, StringComparer.Ordinal);
        var ordered = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            ordered.Add(code, names[code]);
        }

        return ordered;
    }
}
