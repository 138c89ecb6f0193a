using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.Http;

/// <summary>
/// Compressed responses: the pipeline asks for gzip and Brotli, decodes them for JSON, for custom parsers
/// and for error bodies, caps the decoded size, and reports an encoding it never asked for.
/// </summary>
public class CompressionTests : SimulatorTest
{
    private ChatApiPipeline Pipeline(Action<ChatApiClientOptions>? tweak = null) => TestVendor.Pipeline(Sim, tweak);

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_compressed_body_is_decoded(string encoding)
    {
        var response = await Pipeline().GetEncodedAsync(encoding, "thing", TestContext.Current.CancellationToken);

        Assert.Equal("t1", response.Value.Id);
        Assert.Equal("Thing", response.Value.Name);
        Assert.Equal(3, response.Value.Count);
        Assert.True(response.Value.Active);
        Assert.Equal("gzip, br", Sim.Journal.Last.Headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task A_custom_parser_reads_the_decoded_body()
    {
        var response = await Pipeline().GetEncodedTextAsync("gzip", "thing", TestContext.Current.CancellationToken);

        Assert.Equal("""{"id":"t1","name":"Thing","count":3,"active":true}""", response.Value);
    }

    [Fact]
    public async Task A_compressed_error_body_still_names_the_error()
    {
        var error = await Assert.ThrowsAsync<ChatApiValidationException>(() =>
            Pipeline().GetEncodedAsync("br", "error", TestContext.Current.CancellationToken));

        Assert.Equal(422, (int)error.StatusCode!.Value);
        Assert.Equal("validation_failed", error.ErrorCode);
        Assert.Contains("Name is required.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_cap_counts_decoded_bytes()
    {
        // About 1.2 MB of JSON that gzip sends in a few kilobytes.
        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() =>
            Pipeline(o => o.MaxResponseBytes = 64 * 1024).GetEncodedAsync("gzip", "huge", TestContext.Current.CancellationToken));

        Assert.Contains("exceeded the 65536-byte response size limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_encoding_the_client_did_not_ask_for_is_an_invalid_response()
    {
        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() =>
            Pipeline().GetEncodedAsync("deflate", "thing", TestContext.Current.CancellationToken));

        Assert.Contains("was encoded as 'deflate', which the client did not ask for (it accepts gzip, br)", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Labels => ["gzip", "br", "x-gzip", "GZIP"];

    private static Dictionary<string, string> Labelled(string encoding) => new() { ["Content-Encoding"] = encoding };

    [Theory]
    [MemberData(nameof(Labels))]
    public async Task A_plain_200_body_labelled_compressed_is_an_invalid_response_not_a_raw_decoder_exception(string encoding)
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(200, """{"id":"t1","name":"Thing","count":3,"active":true}""", headers: Labelled(encoding)));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() =>
            Pipeline().GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(200, (int)error.StatusCode!.Value);
        Assert.Contains($"answered 200 but its body was labelled Content-Encoding '{encoding}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Attempts);
        Assert.Single(Sim.Journal.Where("GET", "/v1/thing"));
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public async Task A_plain_body_labelled_compressed_on_a_call_that_discards_its_body_is_an_invalid_response(string encoding)
    {
        Sim.Faults.On("DELETE", "/v1/things/t1").Once(Fault.Status(200, """{"deleted":true}""", headers: Labelled(encoding)));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() =>
            Pipeline().DeleteThingAsync("t1", TestContext.Current.CancellationToken));

        Assert.Equal(200, (int)error.StatusCode!.Value);
        Assert.Contains("labelled Content-Encoding", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public async Task A_custom_parser_over_a_mislabelled_body_gets_the_same_invalid_response(string encoding)
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(200, "A plain-text answer, sent uncompressed.", "text/plain", Labelled(encoding)));

        await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Pipeline().GetThingTextAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public async Task A_mislabelled_500_body_gives_the_typed_server_error_with_the_body_unreadable(string encoding)
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Status(500, """{"error":"server_error","message":"boom"}""", headers: Labelled(encoding)));

        var error = await Assert.ThrowsAsync<ChatApiServerException>(() =>
            Pipeline(o => o.MaxRetries = 1).GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(500, (int)error.StatusCode!.Value);
        Assert.Null(error.RawBody);
        Assert.Null(error.ErrorCode);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, Sim.Journal.Where("GET", "/v1/thing").Count);
    }
}
