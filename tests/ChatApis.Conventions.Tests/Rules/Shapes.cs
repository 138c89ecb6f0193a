using System.Reflection;
using ChatApis.Http;
using ChatApis.Pagination;

namespace ChatApis.Conventions.Tests.Rules;

/// <summary>What a return type or a name is, in the dialect's terms.</summary>
internal static class Shapes
{
    /// <summary>Task, ValueTask (generic or not), IAsyncEnumerable or AsyncPageable: a method returning one is asynchronous.</summary>
    public static bool IsAsynchronous(Type type) =>
        typeof(Task).IsAssignableFrom(type)
        || type == typeof(ValueTask)
        || IsGeneric(type, typeof(ValueTask<>))
        || IsGeneric(type, typeof(IAsyncEnumerable<>))
        || type.GetInterfaces().Any(i => IsGeneric(i, typeof(IAsyncEnumerable<>)));

    /// <summary>AsyncPageable&lt;T&gt; or a type derived from it.</summary>
    public static bool IsPageable(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsGeneric(current, typeof(AsyncPageable<>)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Task&lt;ApiResponse&lt;T&gt;&gt; for some T.</summary>
    public static bool IsTaskOfApiResponseOfT(Type type) =>
        IsGeneric(type, typeof(Task<>)) && IsGeneric(type.GetGenericArguments()[0], typeof(ApiResponse<>));

    public static bool IsGeneric(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;

    public static bool IsListMethod(MethodInfo method) => StartsWithWord(method.Name, "List");

    /// <summary><c>Get…PageAsync</c>: one page of a list.</summary>
    public static bool IsGetPageMethod(MethodInfo method) =>
        StartsWithWord(method.Name, "Get") && method.Name.EndsWith("PageAsync", StringComparison.Ordinal);

    /// <summary>A method that manages a webhook subscription, whatever the vendor's document calls it.</summary>
    public static bool IsWebhookSubscriptionMethod(MethodInfo method) =>
        StartsWithWord(method.Name, "Subscribe")
        || StartsWithWord(method.Name, "Unsubscribe")
        || ((StartsWithWord(method.Name, "Create") || StartsWithWord(method.Name, "Delete") || StartsWithWord(method.Name, "Remove"))
            && (method.Name.Contains("Subscription", StringComparison.Ordinal) || method.Name.Contains("Webhook", StringComparison.Ordinal)));

    /// <summary>A parameter about paging: its name mentions a page.</summary>
    public static bool IsPageParameter(ParameterInfo parameter) =>
        parameter.Name!.Contains("page", StringComparison.OrdinalIgnoreCase);

    // "List" starts "ListAgentsAsync" but not "Listen…": the next letter must start a new word.
    private static bool StartsWithWord(string name, string word) =>
        name.StartsWith(word, StringComparison.Ordinal) && (name.Length == word.Length || char.IsUpper(name[word.Length]));
}
