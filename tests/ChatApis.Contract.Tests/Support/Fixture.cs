namespace ChatApis.Contract.Tests.Support;

/// <summary>The documents' examples, copied into Fixtures/ (see Fixtures/README.md for where each comes from).</summary>
public static class Fixture
{
    /// <summary>The example's text exactly as stored (what a stub answers with).</summary>
    public static string Text(string surfaceFolder, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", surfaceFolder, name));

    /// <summary>A JSON array holding one example object, for endpoints documented to answer with a list of that shape.</summary>
    public static string AsArray(string objectJson) => "[" + objectJson.TrimEnd() + "]";
}
