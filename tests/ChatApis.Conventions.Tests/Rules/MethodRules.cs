using System.Reflection;
using System.Text.RegularExpressions;
using ChatApis.Conventions.Tests.Support;
using ChatApis.Http;
using ChatApis.Webhooks;

namespace ChatApis.Conventions.Tests.Rules;

/// <summary>
/// The dialect's rules for one public client method (CONTRIBUTING.md, "Methods"). Each returns what is wrong,
/// naming the method, or nothing when the method follows the rule (a rule that does not apply finds nothing).
/// </summary>
internal static partial class MethodRules
{
    /// <summary>Rule 1: every public instance method is virtual, so a test can mock it.</summary>
    public static IEnumerable<string> IsVirtual(MethodInfo method)
    {
        if (!method.IsStatic && (!method.IsVirtual || method.IsFinal))
        {
            yield return $"{Describe.Signature(method)} is not virtual: declare it `public virtual` so a test can mock it.";
        }
    }

    /// <summary>Rule 1: a method returning Task, ValueTask, IAsyncEnumerable or AsyncPageable is named …Async.</summary>
    public static IEnumerable<string> EndsInAsync(MethodInfo method)
    {
        if (Shapes.IsAsynchronous(method.ReturnType) && !method.Name.EndsWith("Async", StringComparison.Ordinal))
        {
            yield return $"{Describe.Signature(method)} returns {Describe.Type(method.ReturnType)} but its name does not end in `Async`.";
        }
    }

    /// <summary>
    /// Rule 1: an asynchronous instance method ends with <c>RequestOptions? options = null, CancellationToken
    /// cancellationToken = default</c>, and takes no other RequestOptions or CancellationToken.
    /// </summary>
    public static IEnumerable<string> EndsWithOptionsAndCancellationToken(MethodInfo method)
    {
        if (method.IsStatic || !Shapes.IsAsynchronous(method.ReturnType))
        {
            yield break;
        }

        var parameters = method.GetParameters();
        var last = parameters.Length >= 1 ? parameters[^1] : null;
        if (last is null || last.ParameterType != typeof(CancellationToken) || last.Name != "cancellationToken" || !last.HasDefaultValue)
        {
            yield return $"{Describe.Signature(method)}: the last parameter must be `CancellationToken cancellationToken = default`"
                + (last is null ? ", there is none." : $", not `{Describe.Parameter(last)}`.");
        }

        var beforeLast = parameters.Length >= 2 ? parameters[^2] : null;
        if (beforeLast is null || beforeLast.ParameterType != typeof(RequestOptions) || beforeLast.Name != "options"
            || !beforeLast.HasDefaultValue || beforeLast.DefaultValue is not null || !Describe.IsNullableReference(beforeLast))
        {
            yield return $"{Describe.Signature(method)}: the parameter before the token must be `RequestOptions? options = null`"
                + (beforeLast is null ? ", there is none." : $", not `{Describe.Parameter(beforeLast)}`.");
        }

        foreach (var parameter in parameters.SkipLast(2))
        {
            if (parameter.ParameterType == typeof(CancellationToken) || parameter.ParameterType == typeof(RequestOptions))
            {
                yield return $"{Describe.Signature(method)}: `{Describe.Parameter(parameter)}` is not one of the last two parameters.";
            }
        }
    }

    /// <summary>Rule 2: <c>List…Async</c> returns AsyncPageable&lt;T&gt;, and nothing else returns a pageable.</summary>
    public static IEnumerable<string> ListReturnsPageable(MethodInfo method)
    {
        var list = Shapes.IsListMethod(method);
        var pageable = Shapes.IsPageable(method.ReturnType);
        if (list && !Shapes.IsGeneric(method.ReturnType, typeof(Pagination.AsyncPageable<>)))
        {
            yield return $"{Describe.Signature(method)} is a List… method but returns {Describe.Type(method.ReturnType)}, not AsyncPageable<T>"
                + " (a list fetched in one response is still a pageable of one page; a method returning a plain list is named Get…Async).";
        }

        if (!list && pageable)
        {
            yield return $"{Describe.Signature(method)} returns {Describe.Type(method.ReturnType)}: only a List…Async method returns a pageable.";
        }
    }

    /// <summary>Rule 3: <c>Get…PageAsync</c> returns <c>Task&lt;ApiResponse&lt;TPage&gt;&gt;</c>.</summary>
    public static IEnumerable<string> GetPageReturnsOneResponse(MethodInfo method)
    {
        if (Shapes.IsGetPageMethod(method) && !Shapes.IsTaskOfApiResponseOfT(method.ReturnType))
        {
            yield return $"{Describe.Signature(method)} fetches one page but returns {Describe.Type(method.ReturnType)}, not Task<ApiResponse<TPage>>.";
        }
    }

    /// <summary>
    /// Rule 4: a page parameter is <c>page</c> (1-based), <c>pageIndex</c> (0-based) or <c>perPage</c> (the size),
    /// optionally after a word naming what is paged (<c>messagePage</c>, <c>messagePerPage</c>); never
    /// <c>pageNumber</c>, <c>pageSize</c>, <c>limitPerPageCount</c>, ….
    /// </summary>
    public static IEnumerable<string> PageParametersSayTheirBase(MethodInfo method)
    {
        foreach (var parameter in method.GetParameters().Where(Shapes.IsPageParameter))
        {
            if (!PageParameterName().IsMatch(parameter.Name!))
            {
                yield return $"{Describe.Signature(method)}: `{parameter.Name}` is not a dialect page parameter: use `page` (1-based), `pageIndex` (0-based) or `perPage` (the size).";
            }
            else if (parameter.Name!.EndsWith("age", StringComparison.Ordinal) && !parameter.Name.EndsWith("erPage", StringComparison.Ordinal)
                && parameter.HasDefaultValue && parameter.DefaultValue is 0)
            {
                // The one drift reflection can see in a page's base: a 1-based page whose default is 0.
                yield return $"{Describe.Signature(method)}: `{Describe.Parameter(parameter)}` counts from 0, so it is `pageIndex`, not `{parameter.Name}` (which is 1-based).";
            }
        }
    }

    /// <summary>
    /// Rule 5: a one-page method (<c>Get…PageAsync</c>) sends only what the caller gave: its page and size
    /// parameters are <c>int? … = null</c>, so the vendor's documented default applies when left out.
    /// </summary>
    public static IEnumerable<string> OnePageParametersAreOptional(MethodInfo method)
    {
        if (!Shapes.IsGetPageMethod(method))
        {
            yield break;
        }

        foreach (var parameter in method.GetParameters().Where(Shapes.IsPageParameter))
        {
            if (parameter.ParameterType != typeof(int?) || !parameter.HasDefaultValue || parameter.DefaultValue is not null)
            {
                yield return $"{Describe.Signature(method)}: `{Describe.Parameter(parameter)}` must be `int? {parameter.Name} = null` (a one-page method sends only what the caller gave).";
            }
        }
    }

    /// <summary>
    /// Rule 6: webhook subscriptions are <c>SubscribeWebhookAsync</c> → <c>Task&lt;ApiResponse&lt;WebhookSubscription&gt;&gt;</c>
    /// (Core's type) and <c>UnsubscribeWebhookAsync</c> → <c>Task&lt;ApiResponse&gt;</c>, under no other name.
    /// </summary>
    public static IEnumerable<string> WebhookSubscriptionShape(MethodInfo method)
    {
        if (!Shapes.IsWebhookSubscriptionMethod(method))
        {
            yield break;
        }

        switch (method.Name)
        {
            case "SubscribeWebhookAsync":
                if (method.ReturnType != typeof(Task<ApiResponse<WebhookSubscription>>))
                {
                    yield return $"{Describe.Signature(method)} must return Task<ApiResponse<ChatApis.Webhooks.WebhookSubscription>>, not {Describe.Type(method.ReturnType)} ({method.ReturnType.FullName}).";
                }

                break;
            case "UnsubscribeWebhookAsync":
                if (method.ReturnType != typeof(Task<ApiResponse>))
                {
                    yield return $"{Describe.Signature(method)} must return Task<ApiResponse>, not {Describe.Type(method.ReturnType)}.";
                }

                break;
            default:
                yield return $"{Describe.Signature(method)} manages a webhook subscription: name it SubscribeWebhookAsync or UnsubscribeWebhookAsync.";
                break;
        }
    }

    [GeneratedRegex("^(page|pageIndex|perPage|[a-z][A-Za-z0-9]*(Page|PageIndex|PerPage))$")]
    private static partial Regex PageParameterName();
}
