using System.Net;
using ChatApis.Testing;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

public sealed class ErrorTests : ZipchatTestBase
{
    private const string MessagesPath = "/api/integrations/backend_api/v1/chats/1/conversations/12347/messages";

    public static TheoryData<string, string> DocumentedTexts => new()
    {
        { "assignee_id is required (use null to assign to AI)", ZipchatErrorCode.AssigneeIdRequired.Value },
        { "assignee_id is not an assignable user for this chat", ZipchatErrorCode.AssigneeNotAssignable.Value },
        { "message is required", ZipchatErrorCode.MessageRequired.Value },
        { "sender_id is required", ZipchatErrorCode.SenderIdRequired.Value },
        { "sender_id is not an assignable user for this chat", ZipchatErrorCode.SenderNotAssignable.Value },
        { "Conversation is in AI mode; assign it to a user before sending a manual message", ZipchatErrorCode.ConversationInAiMode.Value },
        { "Cannot send: customer last messaged more than 24 hours ago on a Meta channel", ZipchatErrorCode.MetaReplyWindowClosed.Value },
        { "Invalid parameter: last_message_at_since must be an ISO 8601 timestamp", ZipchatErrorCode.InvalidParameter.Value },
    };

    [Theory]
    [MemberData(nameof(DocumentedTexts))]
    public async Task Each_documented_422_maps_to_its_code_and_keeps_the_text(string text, string code)
    {
        var body = $$"""{"error":"{{text}}"}""";
        Sim.Faults.On("POST", MessagesPath).Once(Fault.Status(422, body, headers: new Dictionary<string, string> { ["X-Request-Id"] = "req-42" }));

        var ex = await Assert.ThrowsAsync<ChatApiValidationException>(
            () => Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Hi", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(ZipchatErrorCode.FromValue(code), ex.GetZipchatErrorCode());
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)422, ex.StatusCode);
        Assert.Equal("req-42", ex.RequestId);
        Assert.Equal(body, ex.RawBody);
    }

    [Theory]
    [InlineData("""{"message":"sender_id is required"}""", "application/json")]
    [InlineData("sender_id is required", "text/plain")]
    public async Task A_message_property_or_plain_text_is_read_too(string body, string contentType)
    {
        Sim.Faults.On("POST", MessagesPath).Once(Fault.Status(422, body, contentType));

        var ex = await Assert.ThrowsAsync<ChatApiValidationException>(
            () => Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Hi", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.SenderIdRequired.Value, ex.ErrorCode);
        Assert.Contains("sender_id is required", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"errors":["Conversation is in AI mode; assign it to a user before sending a manual message"]}""", "conversation_in_ai_mode", "Conversation is in AI mode; assign it to a user before sending a manual message")]
    [InlineData("""{"errors":"sender_id is required"}""", "sender_id_required", "sender_id is required")]
    [InlineData("""{"errors":["message is required","sender_id is required"]}""", "message_required", "message is required; sender_id is required")]
    [InlineData("""{"errors":{"sender_id":["is not an assignable user for this chat"]}}""", "sender_not_assignable", "sender_id is not an assignable user for this chat")]
    [InlineData("""{"errors":{"base":["Cannot send: customer last messaged more than 24 hours ago on a Meta channel"]}}""", "meta_reply_window_closed", "Cannot send: customer last messaged more than 24 hours ago on a Meta channel")]
    [InlineData("""{"errors":[{"message":"Conversation is in AI mode; take it over first"}]}""", "conversation_in_ai_mode", "Conversation is in AI mode; take it over first")]
    [InlineData("""{"error":{"message":"message is required"}}""", "message_required", "message is required")]
    [InlineData("""{"errors":["Something new the documents do not list"]}""", "invalid_parameter", "Something new the documents do not list")]
    public async Task An_errors_list_or_object_gives_its_code_and_its_text(string body, string code, string text)
    {
        Sim.Faults.On("POST", MessagesPath).Once(Fault.Status(422, body, headers: new Dictionary<string, string> { ["X-Request-Id"] = "req-7" }));

        var ex = await Assert.ThrowsAsync<ChatApiValidationException>(
            () => Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Hi", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal(code, ex.ErrorCode);
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)422, ex.StatusCode);
        Assert.Equal("req-7", ex.RequestId);
        Assert.Equal(body, ex.RawBody);
    }

    [Fact]
    public async Task An_errors_list_on_a_404_keeps_not_found_and_the_text()
    {
        Sim.Faults.On("POST", MessagesPath).Once(Fault.Status(404, """{"errors":["Conversation not found"]}"""));

        var ex = await Assert.ThrowsAsync<ChatApiNotFoundException>(
            () => Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Hi", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.NotFound.Value, ex.ErrorCode);
        Assert.Contains("Conversation not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_timestamp_is_rejected_by_the_simulator_with_422()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ApiBase, "chats/1/conversations?last_message_at_since=yesterday"));
        request.Headers.Authorization = new("Bearer", ZipchatSimulator.ApiKey);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal("""{"error":"Invalid parameter: last_message_at_since must be an ISO 8601 timestamp"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_unknown_key_is_an_authentication_error_that_never_shows_the_key()
    {
        using var client = NewClient(o => o.ApiKey = "zc-not-a-real-key");

        var ex = await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => client.GetUsersPageAsync(cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("Bearer zc-not-a-real-key", Sim.Journal.Last.Headers["Authorization"]);
        Assert.DoesNotContain("zc-not-a-real-key", ex.ToString(), StringComparison.Ordinal);
        Assert.Null(ex.ErrorCode);
        Assert.Null(ex.GetZipchatErrorCode());
    }

    [Fact]
    public async Task The_key_of_another_chat_sees_nothing_of_this_chat()
    {
        using var client = NewClient(o => o.ApiKey = ZipchatSimulator.OtherChatApiKey);

        var ex = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => client.GetUsersPageAsync(cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.NotFound.Value, ex.ErrorCode);
    }

    public static TheoryData<string, string, HttpStatusCode> EveryDocumentedCode => new()
    {
        { nameof(ZipchatErrorCode.AssigneeIdRequired), "assignee_id_required", HttpStatusCode.UnprocessableEntity },
        { nameof(ZipchatErrorCode.AssigneeNotAssignable), "assignee_not_assignable", HttpStatusCode.UnprocessableEntity },
        { nameof(ZipchatErrorCode.MessageRequired), "message_required", HttpStatusCode.UnprocessableEntity },
        { nameof(ZipchatErrorCode.SenderIdRequired), "sender_id_required", HttpStatusCode.UnprocessableEntity },
        { nameof(ZipchatErrorCode.SenderNotAssignable), "sender_not_assignable", HttpStatusCode.UnprocessableEntity },
        { nameof(ZipchatErrorCode.ConversationInAiMode), "conversation_in_ai_mode", HttpStatusCode.UnprocessableEntity },
        { nameof(ZipchatErrorCode.MetaReplyWindowClosed), "meta_reply_window_closed", HttpStatusCode.UnprocessableEntity },
        { nameof(ZipchatErrorCode.InvalidParameter), "invalid_parameter", HttpStatusCode.UnprocessableEntity },
        { nameof(ZipchatErrorCode.NotFound), "not_found", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(EveryDocumentedCode))]
    public void Every_documented_code_is_read_back_from_an_exception_as_its_known_value(string name, string value, HttpStatusCode status)
    {
        var known = (ZipchatErrorCode)typeof(ZipchatErrorCode).GetProperty(name)!.GetValue(null)!;
        var ex = new ChatApiValidationException("failed", new ChatApiErrorDetails(StatusCode: status, ErrorCode: value, Vendor: "Zipchat"));

        Assert.Equal(value, known.Value);
        Assert.Equal(known, ex.GetZipchatErrorCode());
        Assert.Contains(known, ZipchatErrorCode.KnownValues);
        Assert.Equal(status, known.DocumentedStatus);
    }

    [Fact]
    public void The_known_values_are_exactly_the_documented_codes()
    {
        Assert.Equal(EveryDocumentedCode.Select(row => (string)row.Data.Item2), ZipchatErrorCode.KnownValues.Select(c => c.Value));
    }

    [Fact]
    public void An_unknown_code_round_trips_and_no_code_is_null()
    {
        var unknown = new ChatApiValidationException("failed", new ChatApiErrorDetails(StatusCode: (HttpStatusCode)422, ErrorCode: "brand_new_rule", Vendor: "Zipchat"));
        var none = new ChatApiServerException("failed", new ChatApiErrorDetails(StatusCode: HttpStatusCode.BadGateway, Vendor: "Zipchat"));

        var code = Assert.NotNull(unknown.GetZipchatErrorCode());
        Assert.Equal("brand_new_rule", code.Value);
        Assert.Equal("brand_new_rule", code.ToString());
        Assert.DoesNotContain(code, ZipchatErrorCode.KnownValues);
        Assert.Null(code.DocumentedStatus);
        Assert.Null(none.GetZipchatErrorCode());
        Assert.Throws<ArgumentNullException>(() => ZipchatErrorCodeExtensions.GetZipchatErrorCode(null!));
    }
}
