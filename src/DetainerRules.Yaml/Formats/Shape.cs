namespace DetainerRules.Yaml.Formats;

/// <summary>The shape of a value in one of the tool's file formats: what the loaders accept, written down once.</summary>
/// <remarks>
/// The loaders take their keys from these shapes, and <see cref="JsonSchemaWriter"/> turns them into
/// the JSON Schemas editors use, so the two cannot drift apart. Rules a schema cannot state
/// (references between parts of a file, condition syntax) stay with the loaders.
/// </remarks>
public abstract record Shape(string Description);

/// <summary>A mapping with known keys; any other key is an error.</summary>
/// <param name="Conditional">Requirements that depend on whether a key is present (a variant's <c>extends</c>).</param>
public sealed record ObjectShape(string Description, IReadOnlyList<Property> Properties, Conditional? Conditional = null) : Shape(Description)
{
    /// <summary>The keys the mapping allows, in the order the documentation lists them.</summary>
    public IReadOnlyList<string> Keys => [.. Properties.Select(p => p.Name)];

    public Property this[string name] => Properties.Single(p => p.Name == name);
}

/// <summary>One key of a mapping.</summary>
public sealed record Property(string Name, Shape Shape, bool Required = false);

/// <summary>Keys required when <see cref="Key"/> is present, and others when it is not; with, for the latter, the keys some nested mappings must then have.</summary>
public sealed record Conditional(string Key, IReadOnlyList<string> RequiredIfPresent, IReadOnlyList<string> RequiredIfAbsent, IReadOnlyDictionary<string, IReadOnlyList<string>> NestedRequiredIfAbsent);

/// <summary>A mapping whose keys are names the file chooses (named conditions, limits, lists).</summary>
public sealed record MapShape(string Description, Shape Values, string? KeyPattern = null) : Shape(Description);

public sealed record ListShape(string Description, Shape Items, int MinItems = 0) : Shape(Description);

public sealed record TextShape(string Description, string? Pattern = null, int? MaxLength = null) : Shape(Description);

/// <summary>One word out of a vocabulary.</summary>
public sealed record WordShape(string Description, IReadOnlyList<string> Words) : Shape(Description);

public sealed record IntegerShape(string Description, int Minimum, int Maximum) : Shape(Description);

public sealed record FlagShape(string Description) : Shape(Description);

/// <summary>Any one of several shapes (a value written alone, or as a mapping with details).</summary>
public sealed record AnyOfShape(string Description, IReadOnlyList<Shape> Options) : Shape(Description);

/// <summary>A shape that may also be left empty (<c>~</c> or <c>null</c>).</summary>
public sealed record NullableShape(Shape Inner) : Shape(Inner.Description);
