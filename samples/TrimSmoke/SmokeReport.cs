namespace Samples.TrimSmoke;

/// <summary>What one vendor's call proved: how many fields matched, and every mismatch.</summary>
internal sealed class SmokeReport(string vendor)
{
    private readonly List<string> _problems = [];

    public string Vendor { get; } = vendor;

    public int FieldsChecked { get; private set; }

    public IReadOnlyList<string> Problems => _problems;

    public string Summary { get; set; } = "";

    public void Checked() => FieldsChecked++;

    public void Fail(string problem) => _problems.Add(problem);

    /// <summary>A seeded value the simulator is known to serve, checked on the raw response itself.</summary>
    public void Expect(bool condition, string what)
    {
        if (!condition)
        {
            Fail($"seed: {what}");
        }
    }
}
