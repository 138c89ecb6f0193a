using System.Text;
using System.Text.Json;

namespace ChatApis.AspNetCore;

/// <summary>Reads Vertext deliveries: any JSON value, kept whole (the payloads are not documented); the key is the body's hash.</summary>
internal sealed class VertextDeliveryParser : IDeliveryParser
{
    private const string UnnamedEvent = "delivery";

    public string Source => InboundSources.Vertext;

    public ParsedDelivery Parse(ReadOnlySpan<byte> body)
    {
        VertextWebhookEvent parsed;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Unexpected content after the JSON value.");
            }

            parsed = new VertextWebhookEvent(document.RootElement.Clone(), Encoding.UTF8.GetString(body));
        }
        catch (Exception ex) when (InvalidDeliveryException.IsParseFailure(ex))
        {
            throw new InvalidDeliveryException("The body is not JSON.", ex);
        }

        var name = parsed.EventName is { Length: > 0 } named ? named : UnnamedEvent;
        return new(name, DeliveryKeys.FromBody(Source, body), (c, ct) => HandlerDispatch.InvokeAsync<VertextWebhookEvent, VertextWebhookEvent>(parsed, c, ct));
    }
}
