using System.Net;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.Errors;

public class ErrorMappingTests : SimulatorTest
{
    public static TheoryData<int, Type> Statuses => new()
    {
        { 400, typeof(ChatApiValidationException) },
        { 401, typeof(ChatApiAuthenticationException) },
        { 403, typeof(ChatApiPermissionException) },
        { 404, typeof(ChatApiNotFoundException) },
        { 409, typeof(ChatApiConflictException) },
        { 418, typeof(ChatApiException) },
        { 422, typeof(ChatApiValidationException) },
        { 429, typeof(ChatApiRateLimitException) },
        { 500, typeof(ChatApiServerException) },
        { 503, typeof(ChatApiServerException) },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Each_status_maps_to_its_exception_with_code_message_and_request_id(int status, Type expected)
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Status(status, """{"error":"some_code","message":"Something precise."}""", headers: new Dictionary<string, string> { ["Request-Id"] = "req_42" }));
        var pipeline = TestVendor.Pipeline(Sim, o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAnyAsync<ChatApiException>(() => pipeline.GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(expected, error.GetType());
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("some_code", error.ErrorCode);
        Assert.Equal("req_42", error.RequestId);
        Assert.Equal("Test", error.Vendor);
        Assert.Contains("Something precise.", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET thing", error.Message, StringComparison.Ordinal);
        Assert.Equal("""{"error":"some_code","message":"Something precise."}""", error.RawBody);
    }

    [Fact]
    public async Task A_plain_text_error_body_becomes_the_message()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(404, "Chatbot does not exist or does not belong to the user.", "text/plain"));
        var pipeline = TestVendor.Pipeline(Sim);

        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => pipeline.GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Null(error.ErrorCode);
        Assert.Contains("Chatbot does not exist or does not belong to the user.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_MapError_overrides_the_status_mapping()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(400, "Missing header", "text/plain"));
        var vendor = new VendorProfile
        {
            Name = "Test",
            DefaultBaseAddress = new Uri("https://api.example.invalid/"),
            MapError = (details, operation) => new ChatApiAuthenticationException("mapped " + operation, details with { ErrorCode = "auth_missing" }),
        };
        var pipeline = TestVendor.Pipeline(Sim, vendor: vendor);

        var error = await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => pipeline.GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal("auth_missing", error.ErrorCode);
        Assert.Equal("mapped GET thing", error.Message);
    }

    [Fact]
    public void The_raw_body_is_capped()
    {
        var error = new ChatApiException("x", new ChatApiErrorDetails(RawBody: new string('a', 100_000)));
        Assert.Equal(ChatApiException.MaxRawBodyLength, error.RawBody!.Length);
    }
}
