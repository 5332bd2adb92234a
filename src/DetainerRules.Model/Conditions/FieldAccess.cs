using System.Linq.Expressions;
using System.Reflection;

namespace DetainerRules.Model.Conditions;

/// <summary>Puts a field's lambda in place: its body, reading from another expression than its parameter.</summary>
/// <remarks>
/// An offense field's lambda reads an <see cref="Scenarios.IOffense"/>; placed over a charge or a
/// conviction, it reads that record's own property, so the engines' expressions are the ones they
/// would be written by hand, with no interface call in between.
/// </remarks>
internal sealed class FieldAccess : ExpressionVisitor
{
    private readonly ParameterExpression _parameter;
    private readonly Expression _target;

    private FieldAccess(ParameterExpression parameter, Expression target)
    {
        _parameter = parameter;
        _target = target;
    }

    public static Expression Inline(LambdaExpression lambda, Expression target) =>
        new FieldAccess(lambda.Parameters[0], target).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == _parameter ? _target : node;

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression == _parameter && node.Member.DeclaringType is { IsInterface: true } && _target.Type != node.Member.DeclaringType)
        {
            var own = _target.Type.GetProperty(node.Member.Name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{_target.Type.Name} has no property {node.Member.Name}");
            return Expression.Property(_target, own);
        }

        return base.VisitMember(node);
    }
}
