using ChatApis.Benchmarks.Payloads;

namespace ChatApis.Benchmarks.Vendors.Vertext;

/// <summary>
/// Vertext Labs: <c>GET chatbots/list?page=&amp;per_page=</c> (zero-based page index, a bare JSON array) and
/// <c>POST chatbots/{id}/zapier_subscriptions</c> (form body). Until the AssistLoop and Zipchat clients land,
/// this is the vendor whose SDK client the benchmarks measure.
/// </summary>
public sealed class VertextScenario : VendorScenario
{
    /// <summary>The chatbot of the documents' example, used in the subscription path.</summary>
    public const string ChatbotId = "7a81c98d-12c3-4edf-41ac-df1e6762d677";

    /// <summary>The documents' example Zapier target.</summary>
    public const string TargetUrl = "https://hooks.zapier.com/hooks/standard/12345678/45110d9a83444db193a48e561cdf9b40/";

    /// <inheritdoc />
    public override string Name => "Vertext";

    /// <inheritdoc />
    public override VendorCalls Calls => VendorCalls.List | VendorCalls.Simple | VendorCalls.Post | VendorCalls.Walk;

    /// <inheritdoc />
    public override void Map(PayloadRouter router)
    {
        var full = JsonPayload.Array(PageSize, WriteChatbot);
        var one = JsonPayload.Array(1, WriteChatbot);
        var empty = JsonPayload.Array(0, WriteChatbot);
        router.Map("GET", Prefix + "chatbots/list", q => PastLastPage(q, 0) ? empty : q.Int("per_page") == 1 ? one : full);
        router.Map("POST", Prefix + $"chatbots/{ChatbotId}/zapier_subscriptions", JsonPayload.Write(w =>
        {
            // The documents' example answer (201 Created).
            w.WriteStartObject();
            w.WriteString("id", "2e4459a9-bfd2-4e4b-b4ab-c35805cc0e20");
            w.WriteString("chatbot_id", ChatbotId);
            w.WriteString("target_url", TargetUrl);
            w.WriteEndObject();
        }), status: 201);
    }

    /// <inheritdoc />
    public override bool Supports(ClientKind kind) => true;

    /// <inheritdoc />
    public override IVendorClient Create(ClientKind kind, Uri root, HttpMessageHandler? stub) => kind switch
    {
        ClientKind.Baseline => new VertextBaselineClient(BenchHttp.Create(BaseOf(root), stub), sdkModels: false),
        ClientKind.BaselineSdkModels => new VertextBaselineClient(BenchHttp.Create(BaseOf(root), stub), sdkModels: true),
        ClientKind.RestEase => new VertextRestEaseClient(BenchHttp.Create(BaseOf(root), stub)),
        ClientKind.Flurl => new VertextFlurlClient(BenchHttp.Create(BaseOf(root), stub)),
        ClientKind.Sdk => new VertextSdkClient(BaseOf(root), stub),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // Shaped like the documents' chatbot example; ids, names and timestamps vary per item.
    private static void WriteChatbot(System.Text.Json.Utf8JsonWriter w, int i)
    {
        w.WriteStartObject();
        w.WriteString("id", JsonPayload.Uuid(0x7a81c98d, i));
        w.WriteString("name", $"Demo {i}");
        w.WriteString("description", "Chatbot used for internal testing.");
        w.WriteString("prompt", "Lorem ipsum dolor sit amet, consectetur adipiscing elit.");
        w.WriteNumber("temperature", 0.7);
        w.WriteNumber("created_at", 1751661250 + (i * 100));
        w.WriteString("user_id", "dae7cf95-1376-476a-b249-01b1cb2d3345");
        w.WriteString("status", "Active");
        w.WriteEndObject();
    }
}
