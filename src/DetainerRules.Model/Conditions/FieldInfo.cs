namespace DetainerRules.Model.Conditions;

/// <summary>What the condition language knows about a field: its name, where it lives, and its type.</summary>
/// <param name="ValueType">The enum type for choice and set fields; null otherwise.</param>
public sealed record FieldInfo(Field Field, string Name, FieldScope Scope, FieldKind Kind, Type? ValueType, string Description);
