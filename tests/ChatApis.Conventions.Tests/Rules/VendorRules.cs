using System.Reflection;
using System.Runtime.CompilerServices;
using ChatApis.Json;
using ChatApis.Vendors;

namespace ChatApis.Conventions.Tests.Rules;

/// <summary>
/// What every vendor package declares (CONTRIBUTING.md rules 10 and the vendor descriptor), checked over the
/// package's public types so that a test can run the same rule over a fixture.
/// </summary>
internal static class VendorRules
{
    /// <summary>A public sealed <c>&lt;Vendor&gt;Vendor : ChatApiVendor&lt;TClient, TOptions&gt;</c> with a static <c>Instance</c> of its own type.</summary>
    public static IEnumerable<string> HasDescriptor(string vendor, IReadOnlyList<Type> publicTypes)
    {
        var name = vendor + "Vendor";
        var descriptor = publicTypes.FirstOrDefault(t => t.Name == name);
        if (descriptor is null)
        {
            yield return $"ChatApis.{vendor} declares no public {name} (the vendor descriptor: `public sealed class {name} : ChatApiVendor<{vendor}Client, {vendor}ClientOptions>`).";
            yield break;
        }

        if (!descriptor.IsSealed)
        {
            yield return $"{descriptor.FullName} is not sealed.";
        }

        if (!DerivesFromGeneric(descriptor, typeof(ChatApiVendor<,>)))
        {
            yield return $"{descriptor.FullName} does not derive from ChatApis.Vendors.ChatApiVendor<TClient, TOptions>.";
        }

        var instance = descriptor.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static);
        if (instance is null || instance.PropertyType != descriptor)
        {
            yield return $"{descriptor.FullName} has no `public static {name} Instance {{ get; }}`.";
        }
    }

    /// <summary>Rule 10: a public open enum <c>&lt;Vendor&gt;ErrorCode</c>, a readonly struct implementing IOpenEnum of itself.</summary>
    public static IEnumerable<string> HasOpenEnumErrorCode(string vendor, IReadOnlyList<Type> publicTypes)
    {
        var name = vendor + "ErrorCode";
        var code = publicTypes.FirstOrDefault(t => t.Name == name);
        if (code is null)
        {
            yield return $"ChatApis.{vendor} declares no public {name} (an open enum of the vendor's documented error codes).";
            yield break;
        }

        if (!code.IsValueType || !code.CustomAttributes.Any(a => a.AttributeType.FullName == typeof(IsReadOnlyAttribute).FullName))
        {
            yield return $"{code.FullName} is not a readonly struct.";
        }

        if (!code.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOpenEnum<>) && i.GetGenericArguments()[0] == code))
        {
            yield return $"{code.FullName} does not implement ChatApis.Json.IOpenEnum<{name}> (unknown codes must round-trip).";
        }
    }

    /// <summary>Rule 10: an extension <c>exception.Get&lt;Vendor&gt;ErrorCode()</c> on ChatApiException returning <c>&lt;Vendor&gt;ErrorCode?</c>.</summary>
    public static IEnumerable<string> HasErrorCodeExtension(string vendor, IReadOnlyList<Type> publicTypes)
    {
        var name = $"Get{vendor}ErrorCode";
        var extensions = publicTypes
            .Where(t => t is { IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name == name && m.IsDefined(typeof(ExtensionAttribute)))
            .ToList();
        var expectedReturn = publicTypes.FirstOrDefault(t => t.Name == vendor + "ErrorCode") is { IsValueType: true } code ? typeof(Nullable<>).MakeGenericType(code) : null;
        var fits = extensions.Where(m => m.GetParameters() is [var first] && first.ParameterType == typeof(ChatApiException)).ToList();
        if (fits.Count == 0)
        {
            yield return $"ChatApis.{vendor} declares no public extension `{vendor}ErrorCode? {name}(this ChatApiException exception)`"
                + (extensions.Count == 0 ? "." : $" (found {string.Join(", ", extensions.Select(Support.Describe.Signature))}).");
            yield break;
        }

        if (expectedReturn is not null && fits.Any(m => m.ReturnType != expectedReturn))
        {
            yield return $"{name} returns {Support.Describe.Type(fits[0].ReturnType)}, not {vendor}ErrorCode?.";
        }
    }

    private static bool DerivesFromGeneric(Type type, Type definition)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == definition)
            {
                return true;
            }
        }

        return false;
    }
}
