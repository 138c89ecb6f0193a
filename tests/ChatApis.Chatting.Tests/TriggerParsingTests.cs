using System.Text;
using System.Text.Json;
using ChatApis.Chatting.Tests.Support;

namespace ChatApis.Chatting.Tests;

public sealed class TriggerParsingTests
{
    private static string Fixture(string name) => ChattingTestBase.Fixture(name);

    [Fact]
    public void The_four_documented_payloads_parse_into_their_types()
    {
        TriggerAssertions.DocumentedConversationCreated(Assert.IsType<ConversationCreatedTrigger>(ChattingTrigger.Parse(Fixture("trigger-conversation-created.json"))));
        TriggerAssertions.DocumentedConversationResolved(Assert.IsType<ConversationResolvedTrigger>(ChattingTrigger.Parse(Fixture("trigger-conversation-resolved.json"))));
        TriggerAssertions.DocumentedContactCreated(Assert.IsType<ContactCreatedTrigger>(ChattingTrigger.Parse(Fixture("trigger-contact-created.json"))));
        TriggerAssertions.DocumentedTagAdded(Assert.IsType<TagAddedTrigger>(ChattingTrigger.Parse(Fixture("trigger-tag-added.json"))));
    }

    [Fact]
    public void Utf8_bytes_parse_the_same_and_keep_the_raw_json()
    {
        var json = Fixture("trigger-tag-added.json").Trim();

        var trigger = ChattingTrigger.Parse(Encoding.UTF8.GetBytes(json));

        TriggerAssertions.DocumentedTagAdded(Assert.IsType<TagAddedTrigger>(trigger));
        Assert.Equal(json, trigger.RawJson);
    }

    [Theory]
    [InlineData("trigger-conversation-created.json")]
    [InlineData("trigger-conversation-resolved.json")]
    [InlineData("trigger-contact-created.json")]
    [InlineData("trigger-tag-added.json")]
    public void Without_the_nested_data_the_flattened_fields_are_used(string fixture)
    {
        var flattenedOnly = WithoutNestedData(Fixture(fixture));

        var trigger = ChattingTrigger.Parse(flattenedOnly);

        switch (trigger)
        {
            case ConversationCreatedTrigger created:
                Assert.Equal("conv_abc123", created.ConversationId);
                Assert.Equal("visitor@example.com", created.VisitorEmail);
                Assert.Equal("Ava Brooks", created.VisitorName);
                Assert.Equal("https://www.usechatting.com/pricing", created.PageUrl);
                Assert.Equal("Do you have a free plan?", created.FirstMessage);
                Assert.Null(created.AssignedTo);
                Assert.Empty(created.Tags);
                break;
            case ConversationResolvedTrigger resolved:
                TriggerAssertions.DocumentedConversationResolved(resolved);
                break;
            case ContactCreatedTrigger contact:
                TriggerAssertions.DocumentedContactCreated(contact);
                break;
            case TagAddedTrigger tag:
                TriggerAssertions.DocumentedTagAdded(tag);
                break;
            default:
                Assert.Fail($"Unexpected {trigger.GetType().Name}");
                break;
        }
    }

    [Fact]
    public void The_nested_data_wins_over_the_flattened_copy_and_fills_in_fields_missing_from_data()
    {
        const string json = """
            {"event":"conversation.created","timestamp":"2026-04-09T10:00:00Z",
             "data__conversation_id":"conv_flat","data__visitor_name":"Flat Name","data__assigned_to":"agent@example.com",
             "data":{"conversation_id":"conv_nested","tags":["vip","demo"],"assigned_to":null}}
            """;

        var trigger = Assert.IsType<ConversationCreatedTrigger>(ChattingTrigger.Parse(json));

        Assert.Equal("conv_nested", trigger.ConversationId);
        Assert.Equal("Flat Name", trigger.VisitorName);
        Assert.Null(trigger.AssignedTo);
        Assert.Equal(["vip", "demo"], trigger.Tags);
        Assert.Null(trigger.VisitorEmail);
        Assert.Equal(new DateTimeOffset(2026, 4, 9, 10, 0, 0, TimeSpan.Zero), trigger.Timestamp);
    }

    [Fact]
    public void Numbers_sent_as_strings_and_missing_fields_do_not_break_parsing()
    {
        const string json = """{"event":"conversation.resolved","data":{"message_count":"12","duration_seconds":null}}""";

        var trigger = Assert.IsType<ConversationResolvedTrigger>(ChattingTrigger.Parse(json));

        Assert.Equal(12, trigger.MessageCount);
        Assert.Null(trigger.DurationSeconds);
        Assert.Null(trigger.Duration);
        Assert.Null(trigger.Timestamp);
        Assert.Null(trigger.ConversationId);
    }

    [Fact]
    public void An_unknown_event_keeps_its_fields_nested_first()
    {
        const string json = """{"event":"visitor.banned","timestamp":"2026-04-09T11:00:00.000Z","data__reason":"flat","data__ip":"10.0.0.1","data":{"reason":"spam"}}""";

        var trigger = Assert.IsType<UnknownTrigger>(ChattingTrigger.Parse(json));

        Assert.Equal(new ChattingEvent("visitor.banned"), trigger.Event);
        Assert.Equal("spam", trigger.Data["reason"].GetString());
        Assert.Equal("10.0.0.1", trigger.Data["ip"].GetString());
        Assert.Equal(2, trigger.Data.Count);
        Assert.Equal(json, trigger.RawJson);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"timestamp":"2026-04-09T11:00:00.000Z","data":{"contact_id":"c_1"}}""")]
    [InlineData("""{"event":""}""")]
    [InlineData("""{"event":" "}""")]
    [InlineData("""{"event":null}""")]
    [InlineData("""{"event":5}""")]
    [InlineData("""{"event":{"name":"tag.added"}}""")]
    public void A_payload_without_an_event_name_is_invalid_not_an_unknown_trigger(string json)
    {
        var error = Assert.Throws<ChatApiInvalidPayloadException>(() => ChattingTrigger.Parse(json));

        Assert.Equal("Chatting", error.Vendor);
        Assert.Equal("$.event", error.JsonPath);
        Assert.Contains("names no event", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"event":"tag.added",""")]
    [InlineData("""["tag.added"]""")]
    [InlineData("""{"event":"tag.added"} trailing""")]
    [InlineData("""{"event":"tag.added","timestamp":"yesterday"}""")]
    [InlineData("""{"event":"tag.added","data":{"tag":{"name":"vip"}}}""")]
    [InlineData("""{"event":"conversation.resolved","data":{"message_count":"many"}}""")]
    [InlineData("""{"event":"conversation.created","data":{"tags":"vip"}}""")]
    public void Unreadable_payloads_are_a_typed_invalid_payload(string json)
    {
        var error = Assert.Throws<ChatApiInvalidPayloadException>(() => ChattingTrigger.Parse(json));

        Assert.Equal("Chatting", error.Vendor);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public void A_null_string_is_an_argument_error()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ChattingTrigger.Parse((string)null!));

        Assert.Equal("json", error.ParamName);
    }

    private static string WithoutNestedData(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != "data")
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
