using System.Globalization;
using ChatApis.Benchmarks.Payloads;

namespace ChatApis.Benchmarks.Vendors.Zipchat;

/// <summary>
/// Zipchat (Backend API): <c>GET chats/{chat_id}/conversations?page=&amp;per_page=</c> (1-based pages,
/// <c>{"conversations": [...]}</c>; a short page ends the walk).
/// </summary>
public sealed class ZipchatScenario : VendorScenario
{
    /// <summary>The documents' example chat.</summary>
    public const int ChatId = 1;

    /// <inheritdoc />
    public override string Name => "Zipchat";

    /// <inheritdoc />
    public override VendorCalls Calls => VendorCalls.List | VendorCalls.Simple | VendorCalls.Walk;

    /// <inheritdoc />
    public override void Map(PayloadRouter router)
    {
        var full = JsonPayload.WrappedArray("conversations", PageSize, WriteConversation);
        var one = JsonPayload.WrappedArray("conversations", 1, WriteConversation);
        var empty = JsonPayload.WrappedArray("conversations", 0, WriteConversation);
        router.Map("GET", Prefix + $"chats/{ChatId}/conversations", q => PastLastPage(q, 1) ? empty : q.Int("per_page") == 1 ? one : full);
    }

    /// <inheritdoc />
    public override bool Supports(ClientKind kind) => kind is ClientKind.Baseline or ClientKind.RestEase or ClientKind.Flurl or ClientKind.Sdk;

    /// <inheritdoc />
    public override IVendorClient Create(ClientKind kind, Uri root, HttpMessageHandler? stub) => kind switch
    {
        ClientKind.Baseline => new ZipchatBaselineClient(BenchHttp.Create(BaseOf(root), stub)),
        ClientKind.RestEase => new ZipchatRestEaseClient(BenchHttp.Create(BaseOf(root), stub)),
        ClientKind.Flurl => new ZipchatFlurlClient(BenchHttp.Create(BaseOf(root), stub)),
        ClientKind.Sdk => new ZipchatSdkClient(BaseOf(root), stub),
        _ => throw new NotSupportedException($"The Zipchat {kind} client is not measured."),
    };

    // The documented fields with the documents' example values; ids, times and leads vary per item,
    // and a third of the items are escalated and assigned so the nullable branches are exercised.
    private static void WriteConversation(System.Text.Json.Utf8JsonWriter w, int i)
    {
        var id = 12345 + i;
        var created = new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero).AddMinutes(i);
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteNumber("chat_id", ChatId);
        w.WriteString("created_at", Iso(created));
        w.WriteString("last_message_at", Iso(created.AddMinutes(15)));
        w.WriteString("channel", i % 4 == 0 ? "chat" : "web");
        w.WriteBoolean("manual_reply_mode", i % 3 == 0);
        if (i % 3 == 0)
        {
            w.WriteString("last_escalated_at", Iso(created.AddMinutes(5)));
            w.WriteNull("last_escalation_resolved_at");
            w.WriteStartObject("assignee");
            w.WriteNumber("id", 7);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("last_escalated_at");
            w.WriteNull("last_escalation_resolved_at");
            w.WriteNull("assignee");
        }

        w.WriteString("share_url", $"https://app.zipchat.ai/chats/{ChatId}/conversations/{id}");
        w.WriteStartObject("lead");
        w.WriteNumber("id", 100 + i);
        w.WriteString("full_name", $"John Doe {i}");
        w.WriteString("email", $"john{i}@example.com");
        w.WriteString("phone_number", "+1234567890");
        w.WriteBoolean("email_marketing_consent", i % 2 == 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
