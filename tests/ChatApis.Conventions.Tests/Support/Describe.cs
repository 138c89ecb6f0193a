using System.Reflection;

namespace ChatApis.Conventions.Tests.Support;

/// <summary>How a type, method or parameter is named in a failure message: as C# spells it, short.</summary>
internal static class Describe
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(char)] = "char",
        [typeof(short)] = "short", [typeof(int)] = "int", [typeof(long)] = "long", [typeof(float)] = "float",
        [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(object)] = "object",
    };

    public static string Type(Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Type(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Type(type.GetElementType()!) + "[]";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Type))}>";
    }

    /// <summary>A parameter with its reference nullability and default, e.g. <c>RequestOptions? options = null</c>.</summary>
    public static string Parameter(ParameterInfo parameter)
    {
        var type = Type(parameter.ParameterType);
        if (IsNullableReference(parameter))
        {
            type += "?";
        }

        var text = $"{type} {parameter.Name}";
        if (parameter.HasDefaultValue)
        {
            text += " = " + parameter.DefaultValue switch
            {
                null => parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null ? "default" : "null",
                bool value => value ? "true" : "false",
                string value => $"\"{value}\"",
                var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return text;
    }

    /// <summary>A method as its declaring type, name and parameters: unique among overloads, used as the theory row.</summary>
    public static string Method(MethodInfo method) =>
        $"{method.DeclaringType!.FullName}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => Type(p.ParameterType)))})";

    /// <summary>A method as a reader knows it from the code, with its return type and full parameters.</summary>
    public static string Signature(MethodInfo method) =>
        $"{Type(method.ReturnType)} {method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(Parameter))})";

    // A new context per call: NullabilityInfoContext caches without locking, and test classes run in parallel.
    public static bool IsNullableReference(ParameterInfo parameter) =>
        !parameter.ParameterType.IsValueType && new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
}
