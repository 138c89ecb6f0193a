using System.Reflection;
using System.Text;

namespace ChatApis.Conventions.Tests.Support;

/// <summary>
/// The ID the C# compiler gives a member in the XML documentation file ("T:Ns.Type", "M:Ns.Type.Method(System.Int32)",
/// "P:…", "F:…", "E:…"), computed from reflection, so a member can be looked up in the file its assembly ships with.
/// </summary>
internal static class DocumentationIds
{
    public static string Of(MemberInfo member) => member switch
    {
        Type type => "T:" + TypeName(type),
        ConstructorInfo constructor => $"M:{TypeName(constructor.DeclaringType!)}.{(constructor.IsStatic ? "#cctor" : "#ctor")}{Parameters(constructor.GetParameters())}",
        MethodInfo method => MethodId(method),
        PropertyInfo property => $"P:{TypeName(property.DeclaringType!)}.{property.Name.Replace('.', '#')}{Parameters(property.GetIndexParameters())}",
        FieldInfo field => $"F:{TypeName(field.DeclaringType!)}.{field.Name}",
        EventInfo @event => $"E:{TypeName(@event.DeclaringType!)}.{@event.Name}",
        _ => throw new ArgumentException($"No documentation ID for {member.MemberType}.", nameof(member)),
    };

    private static string MethodId(MethodInfo method)
    {
        var id = new StringBuilder("M:").Append(TypeName(method.DeclaringType!)).Append('.').Append(method.Name.Replace('.', '#'));
        if (method.IsGenericMethod)
        {
            id.Append("``").Append(method.GetGenericArguments().Length);
        }

        id.Append(Parameters(method.GetParameters()));
        if (method.Name is "op_Implicit" or "op_Explicit")
        {
            id.Append('~').Append(Reference(method.ReturnType));
        }

        return id.ToString();
    }

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? "" : $"({string.Join(",", parameters.Select(p => Reference(p.ParameterType)))})";

    /// <summary>A type definition's name: namespace, containing types, arity (<c>Ns.Outer`1.Inner</c>).</summary>
    private static string TypeName(Type type)
    {
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            type = type.GetGenericTypeDefinition();
        }

        return type.IsNested ? $"{TypeName(type.DeclaringType!)}.{type.Name}" : (type.Namespace is null ? type.Name : $"{type.Namespace}.{type.Name}");
    }

    /// <summary>A type as a parameter mentions it: constructed generics with braces, type parameters by position.</summary>
    private static string Reference(Type type)
    {
        if (type.IsByRef)
        {
            return Reference(type.GetElementType()!) + "@";
        }

        if (type.IsPointer)
        {
            return Reference(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            return Reference(type.GetElementType()!) + (rank == 1 && type.IsSZArray ? "[]" : $"[{string.Join(",", Enumerable.Repeat("0:", rank))}]");
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (!type.IsGenericType)
        {
            return TypeName(type);
        }

        // Each containing type takes its own share of the arguments: Outer`1.Inner`1 is Outer{A}.Inner{B}.
        var arguments = type.GetGenericArguments();
        var chain = new List<Type>();
        for (var current = type.GetGenericTypeDefinition(); current is not null; current = current.IsNested ? current.DeclaringType : null)
        {
            chain.Insert(0, current);
        }

        var text = new StringBuilder(chain[0].Namespace is null ? "" : chain[0].Namespace + ".");
        var used = 0;
        for (var i = 0; i < chain.Count; i++)
        {
            var name = chain[i].Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            if (i > 0)
            {
                text.Append('.');
            }

            if (tick < 0)
            {
                text.Append(name);
                continue;
            }

            var count = int.Parse(name.AsSpan(tick + 1), provider: System.Globalization.CultureInfo.InvariantCulture);
            text.Append(name, 0, tick).Append('{').Append(string.Join(",", arguments.Skip(used).Take(count).Select(Reference))).Append('}');
            used += count;
        }

        return text.ToString();
    }
}
