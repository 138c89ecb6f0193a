namespace ChatApis.Zipchat.Tests;

public sealed class MessageBlockTests
{
    [Fact]
    public void The_documented_block_array_becomes_typed_blocks_that_keep_their_json()
    {
        var message = new ZipchatMessage { Content = """[{"type":"image","source":{"url":"https://cdn.example/a.png"}},{"type":"text","text":"Look at this"}]""" };

        var blocks = message.GetBlocks();

        var image = Assert.IsType<ImageMessageBlock>(blocks[0]);
        Assert.Equal("image", image.Type);
        Assert.Equal("https://cdn.example/a.png", image.Url);
        Assert.Equal("""{"type":"image","source":{"url":"https://cdn.example/a.png"}}""", image.RawJson);
        var text = Assert.IsType<TextMessageBlock>(blocks[1]);
        Assert.Equal("text", text.Type);
        Assert.Equal("Look at this", text.Text);
        Assert.Equal("""{"type":"text","text":"Look at this"}""", text.RawJson);
        Assert.StartsWith("[{", message.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_block_type_is_kept_whole()
    {
        var blocks = MessageBlock.Parse("""[{"type":"file","source":{"url":"https://cdn.example/f.pdf"},"name":"f.pdf"}]""");

        var unknown = Assert.IsType<UnknownMessageBlock>(Assert.Single(blocks));
        Assert.Equal("file", unknown.Type);
        Assert.Equal("""{"type":"file","source":{"url":"https://cdn.example/f.pdf"},"name":"f.pdf"}""", unknown.RawJson);
    }

    [Theory]
    [InlineData("<p>Your order <b>ships</b> tomorrow.</p>")]
    [InlineData("Plain text")]
    [InlineData("[urgent] please call me")]
    [InlineData("[1, 2, 3]")]
    [InlineData("[]")]
    [InlineData("""[{"type":"text","text":"unterminated"}""")]
    [InlineData("""[{"text":"no type"}]""")]
    [InlineData("""[{"type":"text","text":"ok"}, "not an object"]""")]
    [InlineData("  [ not json at all ]  ")]
    public void Anything_else_is_one_text_block_of_the_raw_content(string content)
    {
        var block = Assert.IsType<TextMessageBlock>(Assert.Single(MessageBlock.Parse(content)));

        Assert.Equal(content, block.Text);
        Assert.Null(block.RawJson);
    }

    [Theory]
    [InlineData("""[{"type":"image","source":"https://cdn.example/b.png"}]""", "https://cdn.example/b.png")]
    [InlineData("""[{"type":"image","url":"https://cdn.example/c.png"}]""", "https://cdn.example/c.png")]
    [InlineData("""[{"type":"image"}]""", null)]
    [InlineData("""[{"type":"image","source":{"url":42}}]""", null)]
    public void Image_urls_are_read_tolerantly(string content, string? url)
    {
        var image = Assert.IsType<ImageMessageBlock>(Assert.Single(MessageBlock.Parse(content)));

        Assert.Equal(url, image.Url);
    }

    [Fact]
    public void A_text_block_without_text_is_empty_text()
    {
        var block = Assert.IsType<TextMessageBlock>(Assert.Single(MessageBlock.Parse("""[{"type":"text","text":null}]""")));

        Assert.Equal("", block.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_content_is_no_blocks(string? content) =>
        Assert.Empty(new ZipchatMessage { Content = content }.GetBlocks());

    [Fact]
    public void Deeply_nested_json_does_not_throw()
    {
        var content = "[" + new string('[', 200) + new string(']', 200) + "]";

        var block = Assert.IsType<TextMessageBlock>(Assert.Single(MessageBlock.Parse(content)));

        Assert.Equal(content, block.Text);
    }
}
