namespace DetainerRules.Model.Diagnostics;

/// <summary>
/// The catalog of diagnostic codes: every code the tool gives, with its title and help, in one
/// place. <c>DR1xx</c> are files and fields, <c>DR2xx</c> policy structure and references,
/// <c>DR3xx</c> conditions, <c>DR4xx</c> warnings about a valid policy (most found over its scenario space).
/// README's table of codes is written from this list (<c>detainer codes --update README.md</c>).
/// </summary>
public static class DiagnosticCodes
{
    public static DiagnosticCode File { get; } = new(
        "DR100", "the file cannot be read",
        "Name an existing regular file (not a folder, device or pipe) within the size limits, or a folder of them.");

    public static DiagnosticCode Syntax { get; } = new(
        "DR101", "not well-formed YAML, JSON or CSV",
        "Fix the syntax at the position given; anchors, aliases, tags and duplicate keys are refused, and nesting and scalars are bounded.");

    public static DiagnosticCode Field { get; } = new(
        "DR102", "a field is missing, unknown, of the wrong type or outside its vocabulary",
        "Spell the key as the format describes it (`detainer schema` prints it) and give a value of its type from its list of allowed values.");

    public static DiagnosticCode UnknownKind { get; } = new(
        "DR103", "not a policy, scenario, expectation, questions, column map or agency roster file",
        "Give a policy `rules` and `defaults`, a scenario `booked_at` and `charges`, an expectation file `cases`, a questions file `questions`, a column map `columns`, an agency roster `source` and `agencies`; or leave the file out.");

    public static DiagnosticCode Identity { get; } = new(
        "DR201", "an id is used twice or is malformed",
        "Ids are lowercase letters, digits and dashes; give each rule, source, case and authority one id, once.");

    public static DiagnosticCode Reference { get; } = new(
        "DR202", "a reference to something that does not exist",
        "Name a policy, scenario, source, limit, offense list or rule that is defined, or define it; the message suggests the closest name.");

    public static DiagnosticCode Completeness { get; } = new(
        "DR203", "a part is missing what it needs",
        "Add what the message asks for: a default for every decision, a citation for every rule, `at` for a notice, a `limit` for a hold, an `amendment` for a variant.");

    public static DiagnosticCode PolicyCycle { get; } = new(
        "DR204", "policies or rules depend on each other in a cycle, or too deeply",
        "Break the cycle the message lists (`extends`, `bound_by`, or rules that read and set decisions), or shorten the chain below its limit.");

    public static DiagnosticCode Reach { get; } = new(
        "DR205", "a file named that may not be read",
        "Name policies and scenarios by id or by a path relative to the naming file, inside the rules folders and the file's root; never an absolute path.");

    public static DiagnosticCode Condition { get; } = new(
        "DR300", "a condition cannot be used",
        "Rewrite the condition; the tool gives a more precise `DR3xx` code wherever it can.");

    public static DiagnosticCode ConditionSyntax { get; } = new(
        "DR301", "a condition is not well formed",
        "Fix the condition at the column given; `rules/README.md` has the grammar.");

    public static DiagnosticCode UnknownName { get; } = new(
        "DR302", "a condition names a field, list or condition that does not exist",
        "Use a scenario field, a decision, an offense list or a named condition the policy defines; the message suggests the closest name.");

    public static DiagnosticCode WrongOperator { get; } = new(
        "DR303", "an operator does not apply to the field",
        "Compare choices and decisions with `=`, `!=`, `in` and `not in`, numbers and dates also with `<`, `<=`, `>`, `>=`; test flags alone.");

    public static DiagnosticCode UnknownValue { get; } = new(
        "DR304", "a value is not one the field can take",
        "Use one of the field's values (the message lists them), `true` or `false` for a flag, quotes for text, a number in range.");

    public static DiagnosticCode WrongScope { get; } = new(
        "DR305", "a test is used where it does not apply",
        "Put offense fields inside `any charge(...)` or `any conviction(...)`, look-backs inside a conviction test, and do not nest those tests.");

    public static DiagnosticCode ConditionCycle { get; } = new(
        "DR306", "named conditions refer to each other in a cycle, or too deeply",
        "Break the cycle the message lists, or flatten the chain of named conditions.");

    public static DiagnosticCode NeverFires { get; } = new(
        "DR401", "a rule never fires",
        "No case of the policy's scenario space meets the rule's condition: check it for a contradiction, or remove the rule.");

    public static DiagnosticCode NeverDecides { get; } = new(
        "DR402", "a rule fires but never decides",
        "A rule of higher priority overrides it in every case it fires: lower the other's priority, narrow it, or remove this rule.");

    public static DiagnosticCode Conflict { get; } = new(
        "DR403", "rules of equal priority disagree",
        "In the example case both rules fire and set different values: give one a higher `priority`, or narrow one's condition.");

    public static DiagnosticCode NeverDecided { get; } = new(
        "DR404", "a decision is unknown in every case",
        "No rule sets the decision and its default is `unknown`; add the rules the sources support, or leave it if the sources are silent (given with `--strict`).");

    public static DiagnosticCode TooLarge { get; } = new(
        "DR405", "the scenario space is too large to check",
        "The file is valid, but rules that never fire or conflict were not looked for: the policy distinguishes too many cases. Cover its rules with `detainer test` cases instead.");

    public static DiagnosticCode BelowPrimary { get; } = new(
        "DR406", "a rule or default not verified in the provision's own text",
        "Read the provision and cite it `verified: primary`, with `at` and `quote` (given with `--strict`).");

    public static DiagnosticCode StaleReason { get; } = new(
        "DR407", "a rule's reason names an entry its variant removed",
        "A variant took the entry out of a list, but a rule it inherits still gives the entry in its `because`: restate the rule under `replace_rules` with a reason that fits the variant.");

    /// <summary>Every code, in order.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        File, Syntax, Field, UnknownKind,
        Identity, Reference, Completeness, PolicyCycle, Reach,
        Condition, ConditionSyntax, UnknownName, WrongOperator, UnknownValue, WrongScope, ConditionCycle,
        NeverFires, NeverDecides, Conflict, NeverDecided, TooLarge, BelowPrimary, StaleReason,
    ];
}
