using System.Collections;
using System.Reflection;

namespace ChatApis.Contract.Tests.Coverage;

/// <summary>
/// Finds the contract tests by reflection: the classes marked <see cref="ContractSurfaceAttribute"/>,
/// their test methods (inherited ones included), what each says it covers and how many cases it runs.
/// Static, so the result is the same whatever order or subset of tests the runner picks.
/// </summary>
public static class ContractTestScanner
{
    public static IReadOnlyList<(Type Class, Surface Surface)> Classes { get; } =
        [.. typeof(ContractTestScanner).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<ContractSurfaceAttribute>() is not null)
            .Select(t => (t, t.GetCustomAttribute<ContractSurfaceAttribute>()!.Surface))
            .OrderBy(c => c.Item2)];

    public static IEnumerable<(Type Class, Surface Surface, MethodInfo Method, FactAttribute Fact)> TestMethods() =>
        from c in Classes
        from m in c.Class.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        let fact = m.GetCustomAttribute<FactAttribute>(inherit: true)
        where fact is not null
        select (c.Class, c.Surface, m, fact);

    public static IEnumerable<CoveringTest> CoveringTests()
    {
        foreach (var (type, surface, method, fact) in TestMethods())
        {
            var name = $"{type.Name}.{method.Name}";
            var skipped = fact.Skip is not null;
            foreach (var covers in method.GetCustomAttributes<CoversAttribute>(inherit: true))
            {
                yield return new CoveringTest(surface, covers.Endpoint, covers.Aspects, name, skipped);
            }

            if (method.GetCustomAttribute<CoversEndpointArgumentAttribute>(inherit: true) is { } perRow)
            {
                foreach (var (endpoint, rowSkipped) in Rows(method))
                {
                    yield return new CoveringTest(surface, (string)endpoint[0]!, perRow.Aspects, name, skipped || rowSkipped);
                }
            }
        }
    }

    /// <summary>How many test cases a method runs: 1 for a fact, one per data row for a theory.</summary>
    public static int CaseCount(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.GetCustomAttribute<TheoryAttribute>(inherit: true) is null ? 1 : Rows(method).Count();
    }

    /// <summary>How many of a method's cases are skipped (the whole method, or single data rows).</summary>
    public static int SkippedCount(MethodInfo method, FactAttribute fact)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(fact);
        return fact.Skip is not null ? CaseCount(method)
            : method.GetCustomAttribute<TheoryAttribute>(inherit: true) is null ? 0
            : Rows(method).Count(r => r.Skipped);
    }

    /// <summary>A theory's data rows (inline and member data) and whether each is skipped.</summary>
    public static IEnumerable<(object?[] Data, bool Skipped)> Rows(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        foreach (var row in method.GetCustomAttributes<InlineDataAttribute>(inherit: true))
        {
            yield return (row.Data, row.Skip is not null);
        }

        foreach (var member in method.GetCustomAttributes<MemberDataAttribute>(inherit: true))
        {
            var owner = member.MemberType ?? method.ReflectedType!;
            const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy;
            var value = owner.GetProperty(member.MemberName, Static)?.GetValue(null)
                ?? owner.GetField(member.MemberName, Static)?.GetValue(null)
                ?? owner.GetMethod(member.MemberName, Static)?.Invoke(null, member.Arguments);
            foreach (var row in value as IEnumerable ?? Array.Empty<object>())
            {
                yield return row switch
                {
                    ITheoryDataRow theoryRow => (theoryRow.GetData(), theoryRow.Skip is not null),
                    object?[] values => (values, false),
                    _ => throw new InvalidOperationException($"{method.Name}: unreadable data row {row}."),
                };
            }
        }
    }
}
