using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ChatApis.Webhooks;

namespace ChatApis.Vertext;

/// <summary>
/// Reads Vertext's subscription answer straight into Core's <see cref="WebhookSubscription"/> (the vendor model
/// kept as <see cref="WebhookSubscription.Raw"/>), so the pipeline's own JSON reading (size cap, typed errors for
/// a malformed body, response headers) applies unchanged.
/// </summary>
internal static class VertextWebhookSubscriptionJson
{
    public static JsonTypeInfo<WebhookSubscription> TypeInfo { get; } =
        JsonMetadataServices.CreateValueInfo<WebhookSubscription>(VertextJsonContext.Default.Options, new Converter());

    private sealed class Converter : JsonConverter<WebhookSubscription>
    {
        public override WebhookSubscription? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var raw = JsonSerializer.Deserialize(ref reader, VertextJsonContext.Default.VertextZapierSubscription);
            if (raw is null)
            {
                return null;
            }

            // Without its id a subscription cannot be deleted: a malformed answer, not a subscription.
            if (raw.Id is null)
            {
                throw new JsonException("The subscription has no id.");
            }

            var target = Uri.TryCreate(raw.TargetUrl, UriKind.Absolute, out var url) ? url : null;
            return new WebhookSubscription(raw.Id, target, eventName: null, raw);
        }

        public override void Write(Utf8JsonWriter writer, WebhookSubscription value, JsonSerializerOptions options) =>
            throw new NotSupportedException("A subscription is only read.");
    }
}
