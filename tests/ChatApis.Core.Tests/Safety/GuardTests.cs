using ChatApis.Safety;

namespace ChatApis.Core.Tests.Safety;

/// <summary>The checks vendor clients run on their parameters: the exception names the caller's parameter.</summary>
public class GuardTests
{
    public static TheoryData<string> NotOneSegment =>
    [
        ".", "..", "a/b", "/", "a\\b", "\\", "%2e%2e", "%2E%2E", "%2E.", ".%2e", "%2e", "%2F", "a%2fb", "%5c", "%252e%252e", "%25252F",
        "", " ", "\t", "a\r\nb", "a\0b", "\u0085", new string('x', 1025),
    ];

    [Theory]
    [MemberData(nameof(NotOneSegment))]
    public void PathSegment_refuses_a_value_that_could_change_the_path_and_names_the_parameter(string conversationId)
    {
        var error = Assert.Throws<ArgumentException>(() => Guard.PathSegment(conversationId));

        Assert.Equal("conversationId", error.ParamName);
        Assert.StartsWith("conversationId ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conv_123")]
    [InlineData("3f2b1c9e-8d7a-4e6f-9b1a-2c3d4e5f6a7b")]
    [InlineData("...")]
    [InlineData("a.b")]
    [InlineData("50%off")]
    [InlineData("ü?#&=;")]
    public void PathSegment_accepts_a_value_that_stays_one_segment(string value) =>
        Assert.Same(value, Guard.PathSegment(value));

    [Fact]
    public void PathSegment_refuses_null_with_an_ArgumentNullException_naming_the_parameter()
    {
        string? chatbotId = null;

        Assert.Equal("chatbotId", Assert.Throws<ArgumentNullException>(() => Guard.PathSegment(chatbotId)).ParamName);
    }

    [Theory]
    [InlineData("session=abc\r\nX-Injected: yes")]
    [InlineData("session=abc\nX-Injected: yes")]
    [InlineData("session=abc\r")]
    [InlineData("session=\0")]
    [InlineData("session=\u007F")]
    [InlineData("session=\u00E9")]
    [InlineData("")]
    [InlineData("  ")]
    public void HeaderValue_refuses_line_breaks_control_and_non_ascii_characters_and_names_the_parameter(string sessionCookie) =>
        Assert.Equal("sessionCookie", Assert.ThrowsAny<ArgumentException>(() => Guard.HeaderValue(sessionCookie)).ParamName);

    [Fact]
    public void HeaderValue_refuses_more_than_8_kb_and_accepts_a_cookie_with_spaces_and_tabs()
    {
        var sessionCookie = new string('a', 8193);
        Assert.Contains("at most 8192", Assert.Throws<ArgumentException>(() => Guard.HeaderValue(sessionCookie)).Message, StringComparison.Ordinal);
        Assert.Equal("session=abc; theme=dark\tmode", Guard.HeaderValue("session=abc; theme=dark\tmode"));
    }
}
