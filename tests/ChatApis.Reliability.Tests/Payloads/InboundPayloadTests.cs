using System.Text;
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Reliability.Tests.Support;

namespace ChatApis.Reliability.Tests.Payloads;

/// <summary>
/// Hostile inbound payloads (what arrives at a webhook endpoint) for every inbound parser: each ends in
/// ChatApiInvalidPayloadException naming the vendor, never another exception type, never a silently
/// "unknown" event, and its text never repeats the payload's values.
/// </summary>
public class InboundPayloadTests
{
    // A value no error text may repeat: payload content comes from outside.
    private const string Marker = "whsec_inbound_marker_7f3a";

    public static TheoryData<string, string> Parsers => new()
    {
        { "AssistLoop", "new_conversation" },
        { "Chatting", "contact.created" },
    };

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (vendor, name) in new[] { ("AssistLoop", "new_conversation"), ("Chatting", "contact.created") })
        {
            foreach (var kind in CaseKinds)
            {
                data.Add(vendor, name, kind);
            }
        }

        return data;
    }

    private static readonly string[] CaseKinds =
    [
        "empty", "blank", "not-json", "json-null", "array", "string", "number", "two-values", "truncated",
        "no-event", "empty-event", "blank-event", "null-event", "number-event", "object-event",
        "over-long", "nested-33", "nested-10000", "invalid-utf8", "overlong-utf8", "encoded-surrogate",
        "escaped-lone-surrogate-in-event", "escaped-lone-surrogate-in-field", "lone-surrogate-in-string",
        "nul-byte", "wrong-type-field",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_payload_is_an_invalid_payload(string vendor, string eventName, string kind)
    {
        var (bytes, text) = Build(kind, eventName);

        var error = Assert.IsType<ChatApiInvalidPayloadException>(Catch(vendor, bytes, text), exactMatch: true);

        Assert.Equal(vendor, error.Vendor);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.StartsWith($"The {vendor} payload is invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, error.ToString(), StringComparison.Ordinal);
        SecretSink.Observe(error);
        Counts.Add("inbound payloads: hostile payloads refused typed");
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void The_limits_are_exactly_the_documented_ones(string vendor, string eventName)
    {
        // A payload of exactly InboundPayloadLimits.MaxBytes (plus a byte order mark) and 32 levels deep is read.
        var nested = new StringBuilder();
        for (var depth = 3; depth < InboundPayloadLimits.MaxDepth; depth++)
        {
            nested.Append('[');
        }

        nested.Append(new string(']', InboundPayloadLimits.MaxDepth - 3));
        var head = $$"""{"event":"{{eventName}}","id":"evt_1","data":{"deep":{{nested}},"filler":""" + "\"";
        const string Tail = "\"}}";
        var filler = new string('x', InboundPayloadLimits.MaxBytes - Encoding.UTF8.GetByteCount(head) - Tail.Length);
        var json = head + filler + Tail;
        Assert.Equal(InboundPayloadLimits.MaxBytes, Encoding.UTF8.GetByteCount(json));
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];

        Assert.Null(Catch(vendor, withBom, null));
        Assert.Null(Catch(vendor, null, json));

        // One byte more is refused, before any JSON is read.
        var over = Assert.IsType<ChatApiInvalidPayloadException>(Catch(vendor, null, json + " "));
        Assert.Null(over.JsonPath);
        Assert.Contains("longer than 1048576 bytes", over.Reason, StringComparison.Ordinal);
    }

    private static Exception? Catch(string vendor, byte[]? bytes, string? text)
    {
        try
        {
            _ = (vendor, bytes) switch
            {
                ("AssistLoop", { } b) => (object)AssistLoopWebhookEvent.Parse(b),
                ("AssistLoop", null) => AssistLoopWebhookEvent.Parse(text!),
                (_, { } b) => ChattingTrigger.Parse(b),
                _ => ChattingTrigger.Parse(text!),
            };
            return null;
        }
        catch (Exception ex)
        {
            SecretSink.Observe(ex);
            return ex;
        }
    }

    // A case as bytes (most) or as a .NET string (what cannot be UTF-8 bytes).
    private static (byte[]? Bytes, string? Text) Build(string kind, string eventName)
    {
        string Valid(string dataJson) => $$"""{"event":"{{eventName}}","id":"evt_{{Marker}}","timestamp":"2026-04-08T01:30:00.000Z","data":{{dataJson}}}""";
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        byte[] WithBytes(params byte[] bad) => [.. Utf8($$"""{"event":"{{eventName}}","data":{"note":"{{Marker}} """), .. bad, .. Utf8("\"}}")];
        return kind switch
        {
            "empty" => ([], null),
            "blank" => (Utf8(" \r\n\t "), null),
            "not-json" => (Utf8($"event={eventName}&secret={Marker}"), null),
            "json-null" => (Utf8("null"), null),
            "array" => (Utf8($$"""[{"event":"{{eventName}}"}]"""), null),
            "string" => (Utf8($"\"{Marker}\""), null),
            "number" => (Utf8("42"), null),
            "two-values" => (Utf8(Valid("{}") + " " + Valid("{}")), null),
            "truncated" => (Utf8(Valid($$"""{"note":"{{Marker}}"}""")[..40]), null),
            "no-event" => (Utf8($$$"""{"id":"{{{Marker}}}","data":{}}"""), null),
            "empty-event" => (Utf8("""{"event":"","data":{}}"""), null),
            "blank-event" => (Utf8("""{"event":"  \t","data":{}}"""), null),
            "null-event" => (Utf8("""{"event":null,"data":{}}"""), null),
            "number-event" => (Utf8("""{"event":7,"data":{}}"""), null),
            "object-event" => (Utf8($$$"""{"event":{"name":"{{{eventName}}}"},"data":{}}"""), null),
            "over-long" => (Utf8(Valid($$"""{"note":"{{new string('x', InboundPayloadLimits.MaxBytes)}}"}""")), null),
            "nested-33" => (Utf8(Valid($$"""{"deep":{{new string('[', 31)}}{{new string(']', 31)}}}""")), null),
            "nested-10000" => (Utf8(Valid($$"""{"deep":{{new string('[', 10_000)}}{{new string(']', 10_000)}}}""")), null),
            "invalid-utf8" => (WithBytes(0xC3, 0x28), null),
            "overlong-utf8" => (WithBytes(0xC0, 0xAF), null),
            "encoded-surrogate" => (WithBytes(0xED, 0xA0, 0x80), null),
            "escaped-lone-surrogate-in-event" => (Utf8("""{"event":"\ud800","data":{}}"""), null),
            "escaped-lone-surrogate-in-field" => (Utf8(Valid("""{"contact_id":"\udc00","conversation":{"uuid":"\udc00"}}""")), null),
            "lone-surrogate-in-string" => (null, Valid($$"""{"note":"{{Marker}} {{'\uD800'}}"}""")),
            "nul-byte" => (Utf8(Valid("{}") + "\0"), null),
            "wrong-type-field" => (Utf8($$$$"""{"event":"{{{{eventName}}}}","timestamp":"{{{{Marker}}}}","data":{"conversation":"{{{{Marker}}}}","contact_id":{"x":1}}}"""), null),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
