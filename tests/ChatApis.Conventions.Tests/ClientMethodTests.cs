using ChatApis.Conventions.Tests.Rules;
using ChatApis.Conventions.Tests.Support;

namespace ChatApis.Conventions.Tests;

/// <summary>
/// One theory per method rule of CONTRIBUTING.md ("Methods"), one row per public method of every vendor client
/// the rule is about (the row is the method: a failure names it).
/// </summary>
public sealed class ClientMethodTests
{
    public static TheoryData<string> InstanceMethods() => ClientSurface.MethodRows(m => !m.IsStatic);

    public static TheoryData<string> AsynchronousMethods() => ClientSurface.MethodRows(m => Shapes.IsAsynchronous(m.ReturnType));

    public static TheoryData<string> AsynchronousInstanceMethods() => ClientSurface.MethodRows(m => !m.IsStatic && Shapes.IsAsynchronous(m.ReturnType) && !SendsNothing.Contains($"{m.DeclaringType!.Name}.{m.Name}"));

    // Asynchronous methods that send nothing to the vendor, so no per-call request settings apply (CONTRIBUTING rule 1).
    // Each entry says why; adding one is a review decision.
    private static readonly HashSet<string> SendsNothing = new(StringComparer.Ordinal)
    {
        "AssistLoopClient.SaveUnsavedTokensAsync", // writes the held token pair to the application's token store
    };

    public static TheoryData<string> ListOrPageableMethods() => ClientSurface.MethodRows(m => Shapes.IsListMethod(m) || Shapes.IsPageable(m.ReturnType));

    public static TheoryData<string> GetPageMethods() => ClientSurface.MethodRows(Shapes.IsGetPageMethod);

    public static TheoryData<string> MethodsWithPageParameters() => ClientSurface.MethodRows(m => m.GetParameters().Any(Shapes.IsPageParameter));

    public static TheoryData<string> WebhookSubscriptionMethods() => ClientSurface.MethodRows(Shapes.IsWebhookSubscriptionMethod);

    [Theory]
    [MemberData(nameof(InstanceMethods))]
    public void Public_instance_methods_are_virtual(string method) =>
        Verdict.None(MethodRules.IsVirtual(ClientSurface.Methods[method]));

    [Theory]
    [MemberData(nameof(AsynchronousMethods))]
    public void Asynchronous_methods_end_in_Async(string method) =>
        Verdict.None(MethodRules.EndsInAsync(ClientSurface.Methods[method]));

    [Theory]
    [MemberData(nameof(AsynchronousInstanceMethods))]
    public void Asynchronous_methods_end_with_request_options_then_cancellation_token(string method) =>
        Verdict.None(MethodRules.EndsWithOptionsAndCancellationToken(ClientSurface.Methods[method]));

    [Theory]
    [MemberData(nameof(ListOrPageableMethods))]
    public void List_methods_and_only_they_return_AsyncPageable(string method) =>
        Verdict.None(MethodRules.ListReturnsPageable(ClientSurface.Methods[method]));

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(GetPageMethods))]
    public void Get_page_methods_return_one_api_response(string method) =>
        Verdict.None(MethodRules.GetPageReturnsOneResponse(ClientSurface.Methods[method]));

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(MethodsWithPageParameters))]
    public void Page_parameters_are_page_pageIndex_or_perPage(string method) =>
        Verdict.None(MethodRules.PageParametersSayTheirBase(ClientSurface.Methods[method]));

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(GetPageMethods))]
    public void One_page_methods_take_optional_page_parameters(string method) =>
        Verdict.None(MethodRules.OnePageParametersAreOptional(ClientSurface.Methods[method]));

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(WebhookSubscriptionMethods))]
    public void Webhook_subscriptions_are_SubscribeWebhookAsync_and_UnsubscribeWebhookAsync(string method) =>
        Verdict.None(MethodRules.WebhookSubscriptionShape(ClientSurface.Methods[method]));
}
