using System.Text;

namespace ChatApis.Core.Tests.Errors;

public class ErrorBodyReaderTests
{
    private static ErrorBody Read(string body, string? mediaType = "application/json", ErrorBodyReader? reader = null) =>
        (reader ?? ErrorBodyReader.Default).Read(400, mediaType, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void AssistLoop_error_and_message_are_read() =>
        Assert.Equal(new ErrorBody("Conversation not found", "The requested conversation could not be found or you don't have access to it.", null),
            Read("""{"error": "Conversation not found", "message": "The requested conversation could not be found or you don't have access to it."}"""));

    [Fact]
    public void Chatting_ok_false_error_code_is_read() =>
        Assert.Equal(new ErrorBody("api-key-missing", null, null), Read("""{"ok": false, "error": "api-key-missing"}"""));

    [Fact]
    public void A_retry_after_in_the_body_is_read() =>
        Assert.Equal(new ErrorBody(null, "Too Many Attempts.", TimeSpan.FromSeconds(60)), Read("""{"message": "Too Many Attempts.", "retry_after": 60}"""));

    [Fact]
    public void Plain_text_is_the_message() =>
        Assert.Equal(new ErrorBody(null, "Unauthorized", null), Read("  Unauthorized \n", "text/plain"));

    [Fact]
    public void Html_gives_no_message() =>
        Assert.Equal(default, Read("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"));

    [Fact]
    public void Truncated_json_keeps_what_was_read_before_the_break() =>
        Assert.Equal(new ErrorBody("invalid_grant", null, null), Read("""{"error": "invalid_grant", "message": "The refr"""));

    [Fact]
    public void Non_string_codes_keep_their_text() =>
        Assert.Equal(new ErrorBody("42", "true", null), Read("""{"error": 42, "message": true}"""));

    [Fact]
    public void Nested_objects_are_skipped() =>
        Assert.Equal(new ErrorBody("x", null, null), Read("""{"details": {"error": "inner"}, "error": "x", "errors": [1, {"a": 2}]}"""));

    [Fact]
    public void An_empty_body_says_nothing() => Assert.Equal(default, Read(""));

    [Fact]
    public void A_json_array_is_treated_as_text() =>
        Assert.Equal(new ErrorBody(null, "[1,2]", null), Read("[1,2]"));

    [Fact]
    public void A_reader_with_no_envelope_reads_text_only()
    {
        var plain = new ErrorBodyReader(null, null, null);
        Assert.Equal(new ErrorBody(null, null, null), Read("""{"error": "x"}""", reader: plain));
    }
}
