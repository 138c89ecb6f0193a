using ChatApis.Testing;

namespace ChatApis.Testing.Tests.Faults;

/// <summary>The one-line fault syntax of the simulator tool's --fault and /_admin/faults.</summary>
public sealed class FaultSpecTests
{
    [Fact]
    public void A_status_alone_is_one_fault_for_any_request_with_a_json_body()
    {
        var spec = FaultSpec.Parse("503");

        Assert.Equal("503", spec.Text);
        Assert.Equal("*", spec.Method);
        Assert.Equal("*", spec.Path);
        Assert.Equal(1, spec.Count);
        var status = Assert.IsType<StatusFault>(spec.Fault);
        Assert.Equal(503, status.StatusCode);
        Assert.Equal("""{"error":"simulated_fault","message":"The simulator answered 503 because a fault was injected."}""", status.Body);
        Assert.Equal("application/json", status.ContentType);
        Assert.Null(status.Headers);
    }

    [Fact]
    public void Count_retry_after_method_and_path_are_read()
    {
        var spec = FaultSpec.Parse(" 429=2x3@get /api/v1/items* ");

        Assert.Equal("429=2x3@get /api/v1/items*", spec.Text);
        Assert.Equal("GET", spec.Method);
        Assert.Equal("/api/v1/items*", spec.Path);
        Assert.Equal(3, spec.Count);
        var status = Assert.IsType<StatusFault>(spec.Fault);
        Assert.Equal(429, status.StatusCode);
        Assert.Equal("2", Assert.Single(status.Headers!).Value);
        Assert.Equal("Retry-After", Assert.Single(status.Headers!).Key);
    }

    [Fact]
    public void A_star_count_applies_to_every_request_and_a_path_alone_matches_any_method()
    {
        var spec = FaultSpec.Parse("abortx*@/chatbots/*");

        Assert.Null(spec.Count);
        Assert.Equal("*", spec.Method);
        Assert.Equal("/chatbots/*", spec.Path);
        Assert.IsType<AbortFault>(spec.Fault);
    }

    [Fact]
    public void Every_named_fault_maps_to_its_kind_with_its_value()
    {
        Assert.Equal(502, Assert.IsType<HtmlFault>(FaultSpec.Parse("html").Fault).StatusCode);
        Assert.Equal(504, Assert.IsType<HtmlFault>(FaultSpec.Parse("html=504").Fault).StatusCode);
        Assert.Equal(503, Assert.IsType<EmptyBodyFault>(FaultSpec.Parse("empty=503").Fault).StatusCode);
        Assert.IsType<HangFault>(FaultSpec.Parse("HANG").Fault);
        Assert.IsType<DropResponseAfterProcessingFault>(FaultSpec.Parse("drop").Fault);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.IsType<DelayFault>(FaultSpec.Parse("delay=2s").Fault).Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Assert.IsType<DelayFault>(FaultSpec.Parse("delay=1500msx2").Fault).Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(50), Assert.IsType<SlowBodyFault>(FaultSpec.Parse("slow=50ms").Fault).PerByte);
        Assert.Equal(10, Assert.IsType<TruncateBodyFault>(FaultSpec.Parse("truncate=10").Fault).KeepBytes);
        Assert.Equal(11, Assert.IsType<ResetBodyFault>(FaultSpec.Parse("reset=11").Fault).KeepBytes);
        Assert.Equal(12, Assert.IsType<StallBodyFault>(FaultSpec.Parse("stall=12").Fault).BytesBeforeStall);
        Assert.Equal(20_000_000, Assert.IsType<OversizeBodyFault>(FaultSpec.Parse("oversize=20000000").Fault).Bytes);
    }

    [Theory]
    [InlineData("", "it does not have the shape")]
    [InlineData("teapot", "'teapot' is not a fault")]
    [InlineData("99", "a status is between 100 and 599")]
    [InlineData("503x0", "the count must be a number from 1 or *")]
    [InlineData("abort=1", "abort takes no value")]
    [InlineData("delay", "delay needs a value (delay=...)")]
    [InlineData("delay=5", "a duration is a number with ms or s")]
    [InlineData("html=42", "a status is a number between 100 and 599")]
    [InlineData("429=500ms", "Retry-After is a whole number of seconds")]
    [InlineData("503@items", "after @ comes a path that starts with /")]
    [InlineData("503@GET /a /b", "after @ comes a path or a method and a path")]
    public void An_invalid_spec_is_refused_with_the_reason_and_the_syntax(string text, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => FaultSpec.Parse(text));

        Assert.Equal("text", error.ParamName);
        Assert.StartsWith($"Invalid fault '{text}': {reason}", error.Message, StringComparison.Ordinal);
        Assert.Contains(FaultSpec.Syntax, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyTo_adds_a_rule_with_the_count_or_always()
    {
        var injector = new FaultInjector();

        var counted = FaultSpec.Parse("503x2@POST /items").ApplyTo(injector);
        var always = FaultSpec.Parse("abortx*").ApplyTo(injector);

        Assert.Equal([counted, always], injector.Rules);
        Assert.Equal(("POST", "/items"), (counted.Method, counted.Path));
        Assert.Equal(("*", "*"), (always.Method, always.Path));
        Assert.True(counted.HasPending);
        Assert.Throws<InvalidOperationException>(() => always.Once(Fault.Abort()));
        Assert.Null(Record.Exception(() => counted.Once(Fault.Abort())));
    }
}
