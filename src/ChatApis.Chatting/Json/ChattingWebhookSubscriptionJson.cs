using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ChatApis.Webhooks;

namespace ChatApis.Chatting;

/// <summary>
/// Reads Chatting's subscribe answer straight into Core's <see cref="WebhookSubscription"/> (the event as
/// <see cref="WebhookSubscription.EventName"/>, the vendor model as <see cref="WebhookSubscription.Raw"/>), so the
/// pipeline's own JSON reading (size cap, typed errors for a malformed body, response headers) applies unchanged.
/// </summary>
internal static class ChattingWebhookSubscriptionJson
{
    public static JsonTypeInfo<WebhookSubscription> TypeInfo { get; } =
        JsonMetadataServices.CreateValueInfo<WebhookSubscription>(ChattingJsonContext.Default.Options, new Converter());

    private sealed class Converter : JsonConverter<WebhookSubscription>
    {
        public override WebhookSubscription? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var raw = JsonSerializer.Deserialize(ref reader, ChattingJsonContext.Default.ChattingWebhookSubscription);
            if (raw is null)
            {
                return null;
            }

            // Without its id a subscription cannot be unsubscribed: a malformed answer, not a subscription.
            if (raw.Id is null)
            {
                throw new JsonException("The subscription has no id.");
            }

            // Chatting does not echo the target URL.
            return new WebhookSubscription(raw.Id, targetUrl: null, string.IsNullOrEmpty(raw.Event.Value) ? null : raw.Event.Value, raw);
        }

        public override void Write(Utf8JsonWriter writer, WebhookSubscription value, JsonSerializerOptions options) =>
            throw new NotSupportedException("A subscription is only read.");
    }
}
