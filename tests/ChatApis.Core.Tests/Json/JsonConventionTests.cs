using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApis.Core.Tests.Support;
using ChatApis.Json;

namespace ChatApis.Core.Tests.Json;

public class JsonConventionTests
{
    [Theory]
    [InlineData("\"2025-01-20T16:00:15.000000Z\"", "2025-01-20T16:00:15.0000000+00:00")]
    [InlineData("\"2025-01-20T16:00:00+00:00\"", "2025-01-20T16:00:00.0000000+00:00")]
    [InlineData("\"2026-04-09T00:00:00.000Z\"", "2026-04-09T00:00:00.0000000+00:00")]
    [InlineData("\"2024-11-12T10:30:00+02:00\"", "2024-11-12T10:30:00.0000000+02:00")]
    [InlineData("\"2025-01-20T16:00:15.123456Z\"", "2025-01-20T16:00:15.1234560+00:00")]
    [InlineData("\"2025-01-20 16:00:15\"", "2025-01-20T16:00:15.0000000+00:00")]
    public void Iso8601_timestamps_in_every_vendor_spelling_are_read(string json, string expected)
    {
        var value = Read<Iso8601Converter>(json);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1751661250", 1751661250)]
    [InlineData("\"1751661250\"", 1751661250)]
    [InlineData("1751661250.5", 1751661250)]
    public void Unix_seconds_are_read(string json, long expected) =>
        Assert.Equal(expected, Read<UnixSecondsConverter>(json).ToUnixTimeSeconds());

    [Fact]
    public void Out_of_range_unix_seconds_are_a_json_error_not_a_crash() =>
        Assert.Throws<JsonException>(() => Read<UnixSecondsConverter>("1e300"));

    [Fact]
    public void Unknown_properties_are_kept_and_reachable()
    {
        var thing = JsonSerializer.Deserialize("""{"id":"1","name":"n","count":2,"active":true,"added_later":{"x":[1,2]},"flag":false}""", TestJsonContext.Default.Thing)!;

        Assert.Equal(2, thing.AdditionalProperties!.Count);
        Assert.Equal("""{"x":[1,2]}""", thing.AdditionalProperties["added_later"].GetRawText());
        Assert.False(thing.AdditionalProperties["flag"].GetBoolean());
    }

    [Fact]
    public void Null_and_string_primitives_do_not_crash_parsing()
    {
        var thing = JsonSerializer.Deserialize("""{"id":"1","name":null,"count":null,"active":null}""", TestJsonContext.Default.Thing)!;
        Assert.Equal(0, thing.Count);
        Assert.False(thing.Active);

        var lenient = JsonSerializer.Deserialize("""{"count":"7","active":"1"}""", TestJsonContext.Default.Thing)!;
        Assert.Equal(7, lenient.Count);
        Assert.True(lenient.Active);
    }

    [Theory]
    [InlineData("""{"count":{"a":1}}""")]
    [InlineData("""{"count":"many"}""")]
    [InlineData("""{"active":"maybe"}""")]
    public void Values_of_the_wrong_kind_are_json_errors(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, TestJsonContext.Default.Thing));

    [Fact]
    public void Open_enums_keep_unknown_values_and_compare_by_value()
    {
        var known = JsonSerializer.Deserialize("\"ai\"", ConventionContext.Default.Mode);
        var unknown = JsonSerializer.Deserialize("\"hybrid\"", ConventionContext.Default.Mode);

        Assert.Equal(Mode.Ai, known);
        Assert.Equal("hybrid", unknown.Value);
        Assert.NotEqual(Mode.Ai, unknown);
        Assert.Equal("\"hybrid\"", JsonSerializer.Serialize(unknown, ConventionContext.Default.Mode));
        Assert.Equal("hybrid", unknown.ToString());
        Assert.Equal(default, JsonSerializer.Deserialize("null", ConventionContext.Default.Mode));
    }

    [Fact]
    public void A_declared_open_enum_value_is_read_as_the_declared_instance_without_a_new_string()
    {
        var read = JsonSerializer.Deserialize("\"ai\"", ConventionContext.Default.Mode);
        var inAList = JsonSerializer.Deserialize("""["human","ai","ai"]""", ConventionContext.Default.ModeArray)!;

        Assert.Equal(Mode.Ai, read);
        Assert.Same(Mode.Ai.Value, read.Value);
        Assert.Same(Mode.Human.Value, inAList[0].Value);
        Assert.Same(Mode.Ai.Value, inAList[1].Value);
        Assert.Same(Mode.Ai.Value, inAList[2].Value);
    }

    [Fact]
    public void Unknown_open_enum_values_round_trip_as_themselves()
    {
        var unknown = JsonSerializer.Deserialize("\"hybrid\"", ConventionContext.Default.Mode);
        var differentCase = JsonSerializer.Deserialize("\"AI\"", ConventionContext.Default.Mode);

        Assert.Equal("hybrid", unknown.Value);
        Assert.Equal("\"hybrid\"", JsonSerializer.Serialize(unknown, ConventionContext.Default.Mode));
        Assert.Equal("AI", differentCase.Value);
        Assert.NotEqual(Mode.Ai, differentCase);
        Assert.Equal("\"AI\"", JsonSerializer.Serialize(differentCase, ConventionContext.Default.Mode));
    }

    [Fact]
    public void Unknown_open_enum_values_never_enter_a_cache()
    {
        // What a server sends first must not decide what is remembered: after 100 distinct unknown values a
        // declared value still comes back as the declared instance.
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal($"value-{i}", JsonSerializer.Deserialize($"\"value-{i}\"", ConventionContext.Default.Mode).Value);
        }

        Assert.Same(Mode.Ai.Value, JsonSerializer.Deserialize("\"ai\"", ConventionContext.Default.Mode).Value);

        // An unknown value read twice gives equal values, each with a string of its own: nothing kept it.
        var first = JsonSerializer.Deserialize("\"hybrid\"", ConventionContext.Default.Mode);
        var again = JsonSerializer.Deserialize("\"hybrid\"", ConventionContext.Default.Mode);
        Assert.Equal(first, again);
        Assert.Equal("hybrid", again.Value);
        Assert.NotSame(first.Value, again.Value);
    }

    [Fact]
    public void Open_enum_values_read_the_same_escaped_or_split_across_buffers()
    {
        Assert.Equal(Mode.Ai, JsonSerializer.Deserialize("\"\\u0061i\"", ConventionContext.Default.Mode));
        Assert.Equal("hybrid", JsonSerializer.Deserialize("\"hybr\\u0069d\"", ConventionContext.Default.Mode).Value);

        // A value that straddles two buffers arrives as a sequence, not a span.
        var first = new Segment("\"hu"u8.ToArray());
        var last = first.Append("man\""u8.ToArray());
        var reader = new Utf8JsonReader(new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();
        Assert.Equal(Mode.Human, new OpenEnumConverter<Mode>().Read(ref reader, typeof(Mode), JsonSerializerOptions.Default));
    }

    private static DateTimeOffset Read<TConverter>(string json)
        where TConverter : JsonConverter<DateTimeOffset>, new()
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        return new TConverter().Read(ref reader, typeof(DateTimeOffset), JsonSerializerOptions.Default);
    }
}

internal sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
{
    public Segment(byte[] bytes) => Memory = bytes;

    public Segment Append(byte[] bytes)
    {
        var next = new Segment(bytes) { RunningIndex = RunningIndex + Memory.Length };
        Next = next;
        return next;
    }
}

[JsonConverter(typeof(OpenEnumConverter<Mode>))]
public readonly record struct Mode(string Value) : IOpenEnum<Mode>
{
    public static Mode Ai { get; } = new("ai");

    public static Mode Human { get; } = new("human");

    public static IReadOnlyList<Mode> KnownValues { get; } = [Ai, Human];

    public static Mode FromValue(string value) => new(value);

    public override string ToString() => Value ?? "";
}

public sealed class Stamp
{
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset At { get; set; }
}

[JsonSerializable(typeof(Mode))]
[JsonSerializable(typeof(Mode[]))]
[JsonSerializable(typeof(Stamp))]
internal sealed partial class ConventionContext : JsonSerializerContext
{
}
