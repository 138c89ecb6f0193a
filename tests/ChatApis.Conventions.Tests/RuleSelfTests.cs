using System.Reflection;
using ChatApis.Conventions.Tests.Fixtures;
using ChatApis.Conventions.Tests.Rules;
using ChatApis.Conventions.Tests.Support;
using ChatApis.Http;

namespace ChatApis.Conventions.Tests;

/// <summary>
/// The rules themselves: each finds nothing on a client shaped as the dialect says (<see cref="DialectClient"/>,
/// <see cref="FixtureVendor"/>) and catches exactly the drift it is about on <see cref="DriftingClient"/> and the
/// "Drifting" vendor, naming the member. So a green conventions run means the vendors follow the rules, not that
/// the rules look at nothing.
/// </summary>
public sealed class RuleSelfTests
{
    private static readonly IReadOnlyList<MethodInfo> DialectMethods = [.. ClientSurface.PublicMethods(typeof(DialectClient))];

    private static readonly IReadOnlyList<Type> FixtureTypes = [.. typeof(FixtureVendor).Assembly.GetExportedTypes()];

    public static TheoryData<string> MethodRuleNames() => new(MethodRulesByName.Keys);

    private static readonly IReadOnlyDictionary<string, Func<MethodInfo, IEnumerable<string>>> MethodRulesByName =
        new SortedDictionary<string, Func<MethodInfo, IEnumerable<string>>>(StringComparer.Ordinal)
        {
            [nameof(MethodRules.IsVirtual)] = MethodRules.IsVirtual,
            [nameof(MethodRules.EndsInAsync)] = MethodRules.EndsInAsync,
            [nameof(MethodRules.EndsWithOptionsAndCancellationToken)] = MethodRules.EndsWithOptionsAndCancellationToken,
            [nameof(MethodRules.ListReturnsPageable)] = MethodRules.ListReturnsPageable,
            [nameof(MethodRules.GetPageReturnsOneResponse)] = MethodRules.GetPageReturnsOneResponse,
            [nameof(MethodRules.PageParametersSayTheirBase)] = MethodRules.PageParametersSayTheirBase,
            [nameof(MethodRules.OnePageParametersAreOptional)] = MethodRules.OnePageParametersAreOptional,
            [nameof(MethodRules.WebhookSubscriptionShape)] = MethodRules.WebhookSubscriptionShape,
        };

    [Theory]
    [MemberData(nameof(MethodRuleNames))]
    public void A_method_rule_finds_nothing_on_the_dialect_client(string rule)
    {
        Assert.Equal(9, DialectMethods.Count);
        Assert.Empty(DialectMethods.SelectMany(MethodRulesByName[rule]));
    }

    [Theory]
    [InlineData(nameof(DriftingClient.NotVirtualAsync), nameof(MethodRules.IsVirtual), "is not virtual")]
    [InlineData(nameof(DriftingClient.NoAsyncSuffix), nameof(MethodRules.EndsInAsync), "does not end in `Async`")]
    [InlineData(nameof(DriftingClient.NoOptionsAsync), nameof(MethodRules.EndsWithOptionsAndCancellationToken), "must be `RequestOptions? options = null`, not `string id`")]
    [InlineData(nameof(DriftingClient.RequiredOptionsAsync), nameof(MethodRules.EndsWithOptionsAndCancellationToken), "not `RequestOptions options`")]
    [InlineData(nameof(DriftingClient.BadlyNamedTokenAsync), nameof(MethodRules.EndsWithOptionsAndCancellationToken), "not `CancellationToken ct = default`")]
    [InlineData(nameof(DriftingClient.ListPlainAsync), nameof(MethodRules.ListReturnsPageable), "is a List… method but returns Task<ApiResponse<IReadOnlyList<string>>>")]
    [InlineData(nameof(DriftingClient.FindPageableAsync), nameof(MethodRules.ListReturnsPageable), "only a List…Async method returns a pageable")]
    [InlineData(nameof(DriftingClient.GetUnwrappedPageAsync), nameof(MethodRules.GetPageReturnsOneResponse), "returns Task<IReadOnlyList<string>>, not Task<ApiResponse<TPage>>")]
    [InlineData(nameof(DriftingClient.GetDefaultedPageAsync), nameof(MethodRules.OnePageParametersAreOptional), "`int page = 1` must be `int? page = null`")]
    [InlineData(nameof(DriftingClient.GetZeroBasedPageAsync), nameof(MethodRules.PageParametersSayTheirBase), "`int page = 0` counts from 0, so it is `pageIndex`")]
    [InlineData(nameof(DriftingClient.SubscribeAsync), nameof(MethodRules.WebhookSubscriptionShape), "name it SubscribeWebhookAsync or UnsubscribeWebhookAsync")]
    [InlineData(nameof(DriftingClient.SubscribeWebhookAsync), nameof(MethodRules.WebhookSubscriptionShape), "must return Task<ApiResponse<ChatApis.Webhooks.WebhookSubscription>>, not Task<ApiResponse<string>>")]
    public void A_method_rule_names_the_method_that_breaks_it(string method, string rule, string expected)
    {
        var violation = Assert.Single(MethodRulesByName[rule](DriftingMethod(method)));
        Assert.Contains($"DriftingClient.{method}(", violation, StringComparison.Ordinal);
        Assert.Contains(expected, violation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_must_come_last_and_the_options_right_before_it()
    {
        var violations = MethodRules.EndsWithOptionsAndCancellationToken(DriftingMethod(nameof(DriftingClient.TokenFirstAsync))).ToList();

        Assert.Equal(2, violations.Count);
        Assert.Contains("the last parameter must be `CancellationToken cancellationToken = default`, not `RequestOptions? options = null`", violations[0], StringComparison.Ordinal);
        Assert.Contains("the parameter before the token must be `RequestOptions? options = null`, not `CancellationToken cancellationToken`", violations[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_token_or_options_parameter_elsewhere_is_named()
    {
        var violation = Assert.Single(MethodRules.EndsWithOptionsAndCancellationToken(DriftingMethod(nameof(DriftingClient.TwoTokensAsync))));

        Assert.Contains("`CancellationToken otherToken` is not one of the last two parameters", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_parameters_other_than_page_pageIndex_and_perPage_are_named()
    {
        var violations = MethodRules.PageParametersSayTheirBase(DriftingMethod(nameof(DriftingClient.GetMisnamedPageAsync))).ToList();

        Assert.Equal(2, violations.Count);
        Assert.Contains("`pageNumber` is not a dialect page parameter", violations[0], StringComparison.Ordinal);
        Assert.Contains("`pageSize` is not a dialect page parameter", violations[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Client_rules_find_nothing_on_the_dialect_client_and_name_the_drifting_one()
    {
        Assert.Empty(ClientRules.HasProtectedParameterlessConstructor(typeof(DialectClient)));
        Assert.Empty(ClientRules.WebhookMethodsComeInPairs(typeof(DialectClient)));

        Assert.Contains("DriftingClient has no protected parameterless constructor", Assert.Single(ClientRules.HasProtectedParameterlessConstructor(typeof(DriftingClient))), StringComparison.Ordinal);
        Assert.Contains("DriftingClient has SubscribeWebhookAsync but not UnsubscribeWebhookAsync", Assert.Single(ClientRules.WebhookMethodsComeInPairs(typeof(DriftingClient))), StringComparison.Ordinal);
    }

    [Fact]
    public void Vendor_rules_find_nothing_on_the_fixture_vendor()
    {
        Assert.Empty(VendorRules.HasDescriptor("Fixture", FixtureTypes));
        Assert.Empty(VendorRules.HasOpenEnumErrorCode("Fixture", FixtureTypes));
        Assert.Empty(VendorRules.HasErrorCodeExtension("Fixture", FixtureTypes));
    }

    [Fact]
    public void Vendor_rules_name_what_the_drifting_vendor_got_wrong()
    {
        Assert.Equal(
            new[]
            {
                "ChatApis.Conventions.Tests.Fixtures.DriftingVendor is not sealed.",
                "ChatApis.Conventions.Tests.Fixtures.DriftingVendor does not derive from ChatApis.Vendors.ChatApiVendor<TClient, TOptions>.",
            },
            VendorRules.HasDescriptor("Drifting", FixtureTypes).ToArray());
        Assert.Equal(
            new[]
            {
                "ChatApis.Conventions.Tests.Fixtures.DriftingErrorCode is not a readonly struct.",
                "ChatApis.Conventions.Tests.Fixtures.DriftingErrorCode does not implement ChatApis.Json.IOpenEnum<DriftingErrorCode> (unknown codes must round-trip).",
            },
            VendorRules.HasOpenEnumErrorCode("Drifting", FixtureTypes).ToArray());
        Assert.StartsWith(
            "ChatApis.Drifting declares no public extension `DriftingErrorCode? GetDriftingErrorCode(this ChatApiException exception)`",
            Assert.Single(VendorRules.HasErrorCodeExtension("Drifting", FixtureTypes)),
            StringComparison.Ordinal);
        Assert.Equal(
            "ChatApis.Missing declares no public MissingVendor (the vendor descriptor: `public sealed class MissingVendor : ChatApiVendor<MissingClient, MissingClientOptions>`).",
            Assert.Single(VendorRules.HasDescriptor("Missing", FixtureTypes)));
    }

    [Fact]
    public void Documentation_ids_are_the_compilers()
    {
        Assert.Equal("T:ChatApis.Http.ChatApiClient", DocumentationIds.Of(typeof(ChatApiClient)));
        Assert.Equal("T:ChatApis.Http.ApiResponse`1", DocumentationIds.Of(typeof(ApiResponse<>)));
        Assert.Equal(
            "M:ChatApis.Conventions.Tests.Fixtures.DialectClient.GetThingsPageAsync(System.Nullable{System.Int32},System.Nullable{System.Int32},ChatApis.Http.RequestOptions,System.Threading.CancellationToken)",
            DocumentationIds.Of(DialectMethod(nameof(DialectClient.GetThingsPageAsync))));
        Assert.Equal("M:ChatApis.Conventions.Tests.Fixtures.DialectClient.#ctor", DocumentationIds.Of(typeof(DialectClient).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes)!));
        Assert.Equal("P:ChatApis.Conventions.Tests.Fixtures.FixtureVendor.Instance", DocumentationIds.Of(typeof(FixtureVendor).GetProperty(nameof(FixtureVendor.Instance))!));
    }

    [Fact]
    public void An_undocumented_member_is_named_by_its_documentation_id()
    {
        var violations = SurfaceRules.IsDocumented(typeof(DialectClient), new HashSet<string> { "T:ChatApis.Conventions.Tests.Fixtures.DialectClient" }).ToList();

        Assert.Contains("M:ChatApis.Conventions.Tests.Fixtures.DialectClient.#ctor has no XML documentation.", violations);
        Assert.Contains("M:ChatApis.Conventions.Tests.Fixtures.DialectClient.BuildAuthorizationUrl(System.String) has no XML documentation.", violations);
        Assert.DoesNotContain(violations, v => v.StartsWith("T:", StringComparison.Ordinal));
        Assert.Equal(10, violations.Count); // the protected constructor and the nine methods
    }

    [Fact]
    public void Two_public_types_with_one_name_are_both_named()
    {
        Type[] types = [typeof(FixtureVendor), typeof(DialectClient), typeof(Collision.DialectClient)];
        var violation = Assert.Single(SurfaceRules.HasUniqueName(typeof(DialectClient), types));

        Assert.Contains("ChatApis.Conventions.Tests.Fixtures.DialectClient (ChatApis.Conventions.Tests) and ChatApis.Conventions.Tests.Collision.DialectClient (ChatApis.Conventions.Tests) share the name DialectClient", violation, StringComparison.Ordinal);
        Assert.Empty(SurfaceRules.HasUniqueName(typeof(FixtureVendor), types));
    }

    [Fact]
    public void A_public_json_context_is_named()
    {
        Assert.Equal(
            "ChatApis.Conventions.Tests.Fixtures.PublicJsonContext is a public JsonSerializerContext: make it internal (the wire format is not API).",
            Assert.Single(SurfaceRules.HasNoPublicJsonContext(FixtureTypes)));
    }

    private static MethodInfo DialectMethod(string name) => DialectMethods.Single(m => m.Name == name);

    private static MethodInfo DriftingMethod(string name) => ClientSurface.PublicMethods(typeof(DriftingClient)).Single(m => m.Name == name);
}
