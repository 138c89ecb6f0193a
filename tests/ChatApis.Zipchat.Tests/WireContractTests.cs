using System.Reflection;
using ChatApis.Http;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

/// <summary>
/// The Refit interface and the operations are two declarations of the same endpoints: every client method is
/// called once against the simulator (the call handler throws when a request's method or path template is not
/// its operation's), and every declared operation is exercised.
/// </summary>
public sealed class WireContractTests : ZipchatTestBase
{
    private const string Base = "/api/integrations/backend_api/v1/chats/1";

    [Fact]
    public async Task Every_operation_matches_the_request_its_method_sends()
    {
        await Client.GetConversationsPageAsync(cancellationToken: Ct);
        await Client.GetConversationAsync(ZipchatSimulator.WebConversationId, cancellationToken: Ct);
        await Client.TakeOverConversationAsync(ZipchatSimulator.WebConversationId, ZipchatSimulator.OwnerUserId, cancellationToken: Ct);
        await Client.SendMessageAsync(ZipchatSimulator.WebConversationId, "Hi", ZipchatSimulator.OwnerUserId, cancellationToken: Ct);
        await Client.HandBackToAiAsync(ZipchatSimulator.WebConversationId, cancellationToken: Ct);
        await Client.GetUsersPageAsync(cancellationToken: Ct);
        await Client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct);

        Assert.Equal(
            [
                "GET " + Base + "/conversations",
                "GET " + Base + "/conversations/12345",
                "PATCH " + Base + "/conversations/12345/assignment",
                "POST " + Base + "/conversations/12345/messages",
                "PATCH " + Base + "/conversations/12345/assignment",
                "GET " + Base + "/users",
                "GET " + Base + "/users/501",
            ],
            Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public void Every_declared_operation_is_one_of_the_endpoints_called_above()
    {
        var declared = typeof(ZipchatOperations)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((ApiOperation)f.GetValue(null)!).ToString())
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "GET chats/{chat_id}/conversations",
                "GET chats/{chat_id}/conversations/{id}",
                "GET chats/{chat_id}/users",
                "GET chats/{chat_id}/users/{id}",
                "PATCH chats/{chat_id}/conversations/{id}/assignment",
                "POST chats/{chat_id}/conversations/{id}/messages",
            ],
            declared);
    }

    [Fact]
    public void Only_the_assignment_is_retried_after_an_ambiguous_failure_and_nothing_takes_an_idempotency_key()
    {
        Assert.True(ZipchatOperations.UpdateAssignment.IsRetrySafe);
        Assert.False(ZipchatOperations.SendMessage.IsRetrySafe);
        Assert.All(
            new[] { ZipchatOperations.ListConversations, ZipchatOperations.GetConversation, ZipchatOperations.UpdateAssignment, ZipchatOperations.SendMessage, ZipchatOperations.ListUsers, ZipchatOperations.GetUser },
            op => Assert.False(op.AcceptsIdempotencyKey));
    }

    [Fact]
    public async Task A_json_body_goes_out_with_its_length_and_utf8_content_type_not_chunked()
    {
        await Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Ready when you are", ZipchatSimulator.OwnerUserId, cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("""{"message":"Ready when you are","sender_id":501}""", request.Body);
        Assert.Equal(request.BodyBytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["Content-Length"]);
        Assert.False(request.Headers.ContainsKey("Transfer-Encoding"));
    }

    [Fact]
    public async Task Every_request_names_the_package_in_its_user_agent()
    {
        await Client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct);

        Assert.Equal($"ChatApis.Zipchat/0.1.0 (.NET {Environment.Version})", Sim.Journal.Last.Headers["User-Agent"]);
        Assert.Equal(Sim.Journal.Last.Headers["User-Agent"], ZipchatVendor.Instance.UserAgent);
    }

    [Fact]
    public async Task The_users_own_product_token_follows_the_packages()
    {
        using var client = NewClient(o => o.UserAgent = "SupportBridge/2.1");

        await client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct);

        Assert.Equal($"ChatApis.Zipchat/0.1.0 (.NET {Environment.Version}) SupportBridge/2.1", Sim.Journal.Last.Headers["User-Agent"]);
    }

    [Fact]
    public async Task An_unwrapped_response_and_each_page_of_a_walk_keep_the_response_headers()
    {
        var user = await Client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct);
        var pages = new List<Pagination.Page<ZipchatUser>>();
        await foreach (var page in Client.ListUsersAsync(perPage: 1, cancellationToken: Ct).AsPages(Ct))
        {
            pages.Add(page);
        }

        Assert.True(user.Headers.TryGetValues("X-RateLimit-Limit", out var limit));
        Assert.Equal(["120"], limit);
        Assert.True(pages.Count > 1);
        Assert.All(pages, p => Assert.True(p.Response.Headers.TryGetValues("X-RateLimit-Remaining", out _)));
    }

    [Fact]
    public void Every_public_method_is_virtual_and_ends_with_request_options_then_the_token()
    {
        var methods = typeof(ZipchatClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(13, methods.Count);
        Assert.All(methods, m =>
        {
            var parameters = m.GetParameters();
            Assert.True(m.IsVirtual, m.Name);
            Assert.Equal(("options", typeof(RequestOptions)), (parameters[^2].Name, parameters[^2].ParameterType));
            Assert.True(parameters[^2].HasDefaultValue && parameters[^2].DefaultValue is null, m.Name);
            Assert.Equal(("cancellationToken", typeof(CancellationToken)), (parameters[^1].Name, parameters[^1].ParameterType));
            Assert.True(parameters[^1].HasDefaultValue, m.Name);
        });
        Assert.All(methods.Where(m => m.Name.StartsWith("List", StringComparison.Ordinal)), m => Assert.Equal(typeof(Pagination.AsyncPageable<>), m.ReturnType.GetGenericTypeDefinition()));
    }
}
