using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model;

/// <summary>The words files use for the model's enums (<c>gross_misdemeanor</c>, <c>I-247A</c>), both ways.</summary>
/// <remarks>One table per enum so that loaders, the condition language and reports can never disagree on a spelling.</remarks>
public static class Vocabulary
{
    private static readonly Dictionary<Type, Table> Tables = [];

    static Vocabulary()
    {
        // Built over each enum's type and boxed values, not through a generic method per enum: each enum (a value
        // type) made the runtime compile those methods again, sixteen times over, about a seventh of a cold start.
        foreach (var type in new[]
        {
            typeof(OffenseLevel), typeof(OffenseCategory), typeof(Citizenship), typeof(WarrantKind), typeof(WarrantCourt),
            typeof(WarrantOffense), typeof(FederalRequest), typeof(DecisionKind), typeof(Modality), typeof(NotificationPoint),
            typeof(Outcome), typeof(Policies.Verification), typeof(Policies.CitationRole), typeof(Agencies.AgreementModel),
            typeof(Agencies.AgencyType),
        })
        {
            // In the order of the values, which Enum.GetValues gives for an enum with no negative member (these have none).
            var table = new Table();
            foreach (Enum value in Enum.GetValues(type))
            {
                table.Add(SnakeCase(value.ToString()), value);
            }

            Tables[type] = table;
        }

        var forms = new Table();
        forms.Add("I-247A", DetainerForm.I247A);
        forms.Add("I-247N", DetainerForm.I247N);
        forms.Add("I-203", DetainerForm.I203);
        Tables[typeof(DetainerForm)] = forms;
    }

    /// <summary>The words accepted for <paramref name="enumType"/>, in declaration order.</summary>
    /// <remarks>
    /// These helpers take the enum's type or a boxed value, not a type parameter: a generic method is compiled again for
    /// each enum (a value type) when the program first calls it, at every start, since no ahead-of-time image can hold
    /// an instantiation over another assembly's enum.
    /// </remarks>
    public static IReadOnlyList<string> Words(Type enumType) => Tables[enumType].InOrder;

    public static string Word(Enum value) => Tables[value.GetType()].ByValue[value];

    /// <summary>For code generic in the enum already (a reader made once per enum) and for tests; the program's start path takes <see cref="TryParse(Type, string, out Enum)"/>.</summary>
    public static bool TryParse<T>(string word, out T value)
        where T : struct, Enum
    {
        if (TryParse(typeof(T), word, out var boxed))
        {
            value = (T)boxed;
            return true;
        }

        value = default;
        return false;
    }

    public static bool TryParse(Type enumType, string word, out Enum value)
    {
        if (Tables[enumType].ByWord.TryGetValue(word, out var found))
        {
            value = found;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>Snake case of a member name: <c>GrossMisdemeanor</c> becomes <c>gross_misdemeanor</c>.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>One enum's words both ways, and in the order of its values.</summary>
    /// <remarks>A class, not a tuple: the words are listed once, not sorted again for every format table that asks; and no framework collection is instantiated over a value type (those are compiled when the program first runs them; the framework's own images hold none).</remarks>
    private sealed class Table
    {
        private readonly List<string> _inOrder = [];

        public Table() => InOrder = _inOrder.AsReadOnly();

        public Dictionary<string, Enum> ByWord { get; } = new(StringComparer.Ordinal);

        public Dictionary<Enum, string> ByValue { get; } = [];

        public IReadOnlyList<string> InOrder { get; }

        /// <summary>A word and its value, added in the order of the values.</summary>
        public void Add(string word, Enum value)
        {
            ByWord.Add(word, value);
            ByValue.Add(value, word);
            _inOrder.Add(word);
        }
    }
}
