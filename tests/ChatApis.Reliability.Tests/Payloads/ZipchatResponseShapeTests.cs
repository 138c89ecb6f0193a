using System.Net;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Zipchat;
using ChatApis.Zipchat;

namespace ChatApis.Reliability.Tests.Payloads;

/// <summary>
/// Zipchat bodies whose shape is not the documented one: a 200 that does not hold the value it wraps is an
/// invalid response (not a user or conversation with Id 0), and an error body in the {"errors": [...]}
/// shape gives its code and its text like {"error": "..."} does.
/// </summary>
public class ZipchatResponseShapeTests : IAsyncLifetime
{
    private const string Base = "/api/integrations/backend_api/v1/chats/1/";

    private ZipchatSimulator _sim = null!;
    private ZipchatClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sim = new ZipchatSimulator(new SimulatorHostOptions());
        await _sim.StartAsync(Ct);
        _client = (ZipchatClient)Surfaces.Zipchat.CreateClient(Surfaces.Zipchat.ApiBase(_sim), new ClientSettings { MaxRetries = 0, RateLimiting = false });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public static TheoryData<string, string> Bodies => new()
    {
        { "user", "{}" },
        { "user", """{"user":null}""" },
        { "user", """{"user":5}""" },
        { "user", """{"user":[]}""" },
        { "user", """{"user":{}}""" },
        { "user", """{"user":{"id":0}}""" },
        { "users", """{"users":null}""" },
        { "users", """{"users":[{}]}""" },
        { "users", "[null]" },
        { "conversations", "{}" },
        { "conversations", """{"conversations":[{"id":0}]}""" },
        { "conversation", """{"conversation":{"id":12345,"messages":[{}]}}""" },
        { "conversation", """{"conversation":"12345"}""" },
        { "assignment", """{"conversation":null}""" },
        { "message", """{"message":{}}""" },
        { "message", "{}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_without_the_wrapped_value_is_an_invalid_response(string endpoint, string body)
    {
        var (method, path, call) = Endpoint(endpoint);
        _sim.Faults.On(method, path).Once(Fault.Status(method == "POST" ? 201 : 200, body));

        var (value, error) = await Bounded.RunAsync(() => call(_client, Ct));

        Assert.Null(value);
        var invalid = Assert.IsType<ChatApiInvalidResponseException>(error);
        Assert.Equal("Zipchat", invalid.Vendor);
        Assert.Contains("not the expected JSON", invalid.Message, StringComparison.Ordinal);
        Counts.Add("zipchat: bodies without their wrapped value refused");
    }

    [Theory]
    [InlineData("""{"errors":["Conversation is in AI mode; assign it to a user before sending a manual message"]}""", "conversation_in_ai_mode", "Conversation is in AI mode")]
    [InlineData("""{"errors":["Cannot send: customer last messaged more than 24 hours ago on a Meta channel"]}""", "meta_reply_window_closed", "more than 24 hours")]
    [InlineData("""{"errors":{"sender_id":["is required"]}}""", "sender_id_required", "sender_id is required")]
    public async Task An_errors_list_gives_the_documented_code_and_the_vendor_text(string body, string code, string text)
    {
        _sim.Faults.On("POST", Base + "conversations/12347/messages").Once(Fault.Status(422, body));

        var (_, error) = await Bounded.RunAsync(async () => await _client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Hi", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        var validation = Assert.IsType<ChatApiValidationException>(error);
        Assert.Equal(code, validation.ErrorCode);
        Assert.Contains(text, validation.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)422, validation.StatusCode);
        Counts.Add("zipchat: error bodies in the errors shape");
    }

    private static (string Method, string Path, Func<ZipchatClient, CancellationToken, Task<object?>> Call) Endpoint(string name) => name switch
    {
        "user" => ("GET", Base + "users/501", async (c, ct) => await c.GetUserAsync(501, cancellationToken: ct)),
        "users" => ("GET", Base + "users", async (c, ct) => await c.GetUsersPageAsync(cancellationToken: ct)),
        "conversations" => ("GET", Base + "conversations", async (c, ct) => await c.GetConversationsPageAsync(cancellationToken: ct)),
        "conversation" => ("GET", Base + "conversations/12345", async (c, ct) => await c.GetConversationAsync(12345, cancellationToken: ct)),
        "assignment" => ("PATCH", Base + "conversations/12345/assignment", async (c, ct) => await c.HandBackToAiAsync(12345, cancellationToken: ct)),
        _ => ("POST", Base + "conversations/12347/messages", async (c, ct) => await c.SendMessageAsync(12347, "Hi", 501, cancellationToken: ct)),
    };
}
