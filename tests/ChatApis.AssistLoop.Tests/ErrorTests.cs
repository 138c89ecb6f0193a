using System.Net;
using System.Text;
using ChatApis.AssistLoop;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.AssistLoop.Tests;

public sealed class ErrorTests : AssistLoopTestBase
{
    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task The_documented_error_body_becomes_a_typed_error_with_the_request_id(AssistLoopSurface surface)
    {
        var client = Client(surface);
        Serve("GET", BasePath(surface) + "automation/conversations/gone/messages/find", Fixture(surface, "error"), 404);

        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => client.GetMessagesPageAsync("gone", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Conversation not found", error.ErrorCode);
        Assert.Contains("The requested conversation could not be found or you don't have access to it.", error.Message, StringComparison.Ordinal);
        Assert.Equal(Sim.LastRequestId, error.RequestId);
        Assert.Equal("AssistLoop", error.Vendor);
    }

    [Theory]
    [InlineData(400, typeof(ChatApiValidationException))]
    [InlineData(401, typeof(ChatApiReauthorizationRequiredException))]
    [InlineData(403, typeof(ChatApiPermissionException))]
    [InlineData(422, typeof(ChatApiValidationException))]
    [InlineData(500, typeof(ChatApiServerException))]
    public async Task Every_documented_status_maps_to_its_exception(int status, Type expected)
    {
        var client = Client(configure: o => o.RefreshToken = null);
        Serve("GET", "/api/v1/oauth/me", """{"error":"Something","message":"Details"}""", status);

        var error = await Assert.ThrowsAnyAsync<ChatApiException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsType(expected, error);

        // A 401 without a refresh token ends in the token manager, which never saw a response.
        if (status != 401)
        {
            Assert.Equal("Something", error.ErrorCode);
            Assert.Equal(Sim.LastRequestId, error.RequestId);
        }
    }

    public static TheoryData<string, string> DocumentedCodes => new()
    {
        { "Conversation not found", nameof(AssistLoopErrorCode.ConversationNotFound) },
        { "invalid_request", nameof(AssistLoopErrorCode.InvalidRequest) },
        { "invalid_client", nameof(AssistLoopErrorCode.InvalidClient) },
        { "invalid_grant", nameof(AssistLoopErrorCode.InvalidGrant) },
        { "unauthorized_client", nameof(AssistLoopErrorCode.UnauthorizedClient) },
        { "unsupported_grant_type", nameof(AssistLoopErrorCode.UnsupportedGrantType) },
        { "invalid_scope", nameof(AssistLoopErrorCode.InvalidScope) },
        { "access_denied", nameof(AssistLoopErrorCode.AccessDenied) },
        { "server_error", nameof(AssistLoopErrorCode.ServerError) },
        { "temporarily_unavailable", nameof(AssistLoopErrorCode.TemporarilyUnavailable) },
        { "invalid_token", nameof(AssistLoopErrorCode.InvalidToken) },
        { "insufficient_scope", nameof(AssistLoopErrorCode.InsufficientScope) },
    };

    [Theory]
    [MemberData(nameof(DocumentedCodes))]
    public async Task Every_documented_error_code_is_read_as_its_known_value(string wire, string name)
    {
        var client = Client();
        Serve("GET", "/api/v1/automation/conversations/c/messages/find", $$"""{"error":"{{wire}}","message":"Details"}""", 400);

        var error = await Assert.ThrowsAnyAsync<ChatApiException>(() => client.GetMessagesPageAsync("c", cancellationToken: TestContext.Current.CancellationToken));

        var code = error.GetAssistLoopErrorCode();
        var known = typeof(AssistLoopErrorCode).GetProperty(name)!.GetValue(null);
        Assert.Equal(known, code);
        Assert.Equal(wire, code!.Value.Value);
        Assert.Contains(code.Value, AssistLoopErrorCode.KnownValues);
    }

    [Fact]
    public async Task The_known_values_are_exactly_the_documented_codes()
    {
        Assert.Equal(DocumentedCodes.Select(row => row.Data.Item1).Order(), AssistLoopErrorCode.KnownValues.Select(c => c.Value).Order());
        Assert.Equal(AssistLoopErrorCode.InvalidGrant, AssistLoopErrorCode.FromValue("invalid_grant"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task An_unknown_error_code_round_trips_and_no_code_is_null()
    {
        var client = Client();
        Serve("GET", "/api/v1/oauth/me", """{"error":"Agent on holiday","message":"Details"}""", 400);
        Serve("GET", "/api/v1/automation/conversations/c/messages/find", """{"message":"No code here"}""", 400);

        var unknown = await Assert.ThrowsAsync<ChatApiValidationException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));
        var none = await Assert.ThrowsAsync<ChatApiValidationException>(() => client.GetMessagesPageAsync("c", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(new AssistLoopErrorCode("Agent on holiday"), unknown.GetAssistLoopErrorCode());
        Assert.DoesNotContain(unknown.GetAssistLoopErrorCode()!.Value, AssistLoopErrorCode.KnownValues);
        Assert.Equal("Agent on holiday", unknown.GetAssistLoopErrorCode().ToString());
        Assert.Null(none.GetAssistLoopErrorCode());
    }

    [Fact]
    public async Task A_rejected_refresh_token_reads_as_invalid_grant()
    {
        var store = new ChatApis.Auth.OAuth.InMemoryTokenStore(new ChatApis.Auth.OAuth.OAuthTokens("expired-access", "def50200_unknown", Clock.GetUtcNow().AddMinutes(-1)));
        var client = Client(configure: o => o.TokenStore = store);

        var error = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(AssistLoopErrorCode.InvalidGrant, error.GetAssistLoopErrorCode());
    }

    [Fact]
    public async Task A_429_retry_after_in_the_body_is_honoured()
    {
        Clock.AutoAdvanceLimit = TimeSpan.FromSeconds(90);
        var client = Client(configure: o => { o.MaxRetries = 1; o.MaxRetryAfter = TimeSpan.FromMinutes(2); o.AttemptTimeout = TimeSpan.FromMinutes(5); o.TotalTimeout = TimeSpan.FromMinutes(10); });
        Serve("GET", "/api/v1/oauth/me", Fixture("make", "rate-limit"), 429);

        var me = await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("usr_abc123", me.Value.Uuid);
        Assert.Equal(2, me.Attempts);
        Assert.Contains(TimeSpan.FromSeconds(60), Clock.AutoAdvancedDelays);
        Assert.Equal(2, Sim.Journal.Where("GET", "/api/v1/oauth/me").Count);
    }

    [Fact]
    public async Task The_close_budget_answers_429_with_retry_after_and_a_request_id()
    {
        var client = Client(configure: o => o.EnableRateLimiting = false);
        for (var i = 0; i < 10; i++)
        {
            await client.CloseConversationAsync(AssistLoopSimulator.ConversationUuid, cancellationToken: TestContext.Current.CancellationToken);
        }

        var error = await Assert.ThrowsAsync<ChatApiRateLimitException>(() => client.CloseConversationAsync(AssistLoopSimulator.ConversationUuid, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Equal(Sim.LastRequestId, error.RequestId);
        Assert.Contains("Too Many Attempts.", error.Message, StringComparison.Ordinal);
        await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_general_budget_answers_429_after_60_requests_a_minute()
    {
        var client = Client(configure: o => o.EnableRateLimiting = false);
        for (var i = 0; i < 60; i++)
        {
            await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);
        }

        var error = await Assert.ThrowsAsync<ChatApiRateLimitException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Equal("usr_abc123", after.Value.Uuid);
    }

    [Fact]
    public async Task The_client_side_limiter_queues_the_eleventh_close_instead_of_hitting_429()
    {
        Clock.AutoAdvanceLimit = TimeSpan.FromSeconds(61);
        var client = Client(configure: o => { o.AttemptTimeout = TimeSpan.FromMinutes(5); o.TotalTimeout = TimeSpan.FromMinutes(10); });

        for (var i = 0; i < 11; i++)
        {
            await client.CloseConversationAsync(AssistLoopSimulator.ConversationUuid, cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.Equal(11, Sim.Journal.Where("POST", $"/api/v1/automation/conversations/{AssistLoopSimulator.ConversationUuid}/close").Count);
        Assert.Contains(Clock.AutoAdvancedDelays, d => d > TimeSpan.FromSeconds(50));
    }

    [Fact]
    public async Task Every_simulator_response_carries_a_request_id()
    {
        using var http = new HttpClient { BaseAddress = Sim.BaseAddress };

        using var unknown = await http.GetAsync(new Uri("nowhere", UriKind.Relative), TestContext.Current.CancellationToken);
        using var unauthorized = await http.GetAsync(new Uri("v1/oauth/me", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("req_", unknown.Headers.GetValues("Request-Id").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.StartsWith("req_", unauthorized.Headers.GetValues("Request-Id").Single(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string?> InvalidRequests => new()
    {
        { "GET", "api/v1/automation/agents/agt_abc123/conversations/list?per_page=5", null },
        { "GET", "v1/automation/agents/agt_abc123/conversations/list?per_page=101", null },
        { "GET", "api/v1/automation/agents/agt_abc123/conversations/list?status=true", null },
        { "GET", "api/v1/automation/agents/agt_abc123/conversations/list?response_mode=robot", null },
        { "GET", "api/v1/automation/agents/agt_abc123/conversations/recent-sample?limit=11", null },
        { "GET", "api/v1/automation/agents/agt_abc123/conversations/recent-sample?type=other", null },
        { "GET", "v1/automation/conversations/550e8400-e29b-41d4-a716-446655440000/messages/find?per_page=5", null },
        { "GET", "v1/automation/conversations/550e8400-e29b-41d4-a716-446655440000/messages/find?created_to=yesterday", null },
        { "POST", "api/v1/automation/conversations/550e8400-e29b-41d4-a716-446655440000/reply", """{"content":""}""" },
        { "POST", "api/v1/automation/conversations/550e8400-e29b-41d4-a716-446655440000/close", """{"platform":"slack"}""" },
        { "POST", "api/v1/webhooks/subscribe", """{"organization_uuid":"org_xyz789","agent_uuid":"agt_abc123","target_url":"http://hooks.example.com/x","event":"new_conversation","platform":"zapier"}""" },
        { "POST", "v1/webhooks/subscribe", """{"organization_uuid":"org_xyz789","agent_uuid":"agt_abc123","target_url":"https://hooks.example.com/x","event":"new_conversation","platform":"make","external_id":"LONG"}""" },
        { "POST", "v1/webhooks/subscribe", """{"organization_uuid":"org_xyz789","agent_uuid":"agt_abc123","target_url":"https://hooks.example.com/x","event":"message_sent","platform":"make"}""" },
        { "POST", "v1/webhooks/subscribe", """{"organization_uuid":"org_xyz789","agent_uuid":"agt_abc123","target_url":"https://hooks.example.com/x","event":"new_conversation","platform":"other"}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task The_simulator_answers_422_for_the_documented_validation_errors(string method, string path, string? body)
    {
        using var http = new HttpClient { BaseAddress = Sim.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new("Bearer", AssistLoopSimulator.AccessToken);
        if (body is not null)
        {
            request.Content = new StringContent(body.Replace("LONG", new string('x', 256), StringComparison.Ordinal), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Validation failed", json.RootElement.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task An_expired_simulator_token_is_401()
    {
        var issued = Sim.IssueTokens(expiresIn: TimeSpan.FromMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(1));
        using var http = new HttpClient { BaseAddress = Sim.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/oauth/me");
        request.Headers.Authorization = new("Bearer", issued.AccessToken);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_simulator_authorize_endpoint_needs_the_session_and_a_registered_redirect()
    {
        using var http = new HttpClient { BaseAddress = Sim.BaseAddress };
        var body = $$"""{"client_id":"{{AssistLoopSimulator.ClientId}}","redirect_uri":"https://evil.example/cb","state":"s","approved":true}""";

        using var noSession = await http.PostAsync(new Uri("api/v1/oauth/authorize", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/oauth/authorize") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", AssistLoopSimulator.SessionCookie);
        using var badRedirect = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, noSession.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRedirect.StatusCode);
    }

    [Fact]
    public async Task A_malformed_success_body_is_an_invalid_response_error()
    {
        var client = Client();
        Sim.Faults.On("GET", "/api/v1/oauth/me").Once(Fault.ReplaceBody("{\"uuid\": "));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.NotNull(error.RequestId);
    }
}
