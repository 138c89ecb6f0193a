using System.Globalization;

namespace ChatApis.Testing.Catalog;

/// <summary>
/// How much generated data a simulator serves on top of the documents' examples: one definition that the
/// QuickStart and the standalone simulator's <c>--seed</c> both apply (through <see cref="SimulatedVendor.Seed"/>),
/// so a curl against the tool sees the same conversations and contacts as the QuickStart shows.
/// </summary>
/// <param name="Name">How the seed is named on the command line: <c>docs</c>, <c>demo</c> or the number.</param>
/// <param name="ZipchatConversations">Web conversations added to Zipchat's seeded chat (it already holds the documents' 5).</param>
/// <param name="VertextContacts">Widget contacts added to Vertext's <c>Demo</c> chatbot (it has none from the documents).</param>
public sealed record SimulatorSeed(string Name, int ZipchatConversations, int VertextContacts)
{
    /// <summary>The documents' examples only: what every simulator holds when it starts.</summary>
    public static SimulatorSeed Documents { get; } = new("docs", 0, 0);

    /// <summary>
    /// What the QuickStart serves: 70 more Zipchat conversations (75 in all, 4 pages of 25) and 120 Vertext
    /// contacts on the Demo chatbot (5 pages of 25), enough to watch paging work.
    /// </summary>
    public static SimulatorSeed Demo { get; } = new("demo", 70, 120);

    /// <summary>The largest number <see cref="Parse"/> accepts: more would only make the simulator slow to start.</summary>
    public const int MaxGenerated = 100_000;

    /// <summary>
    /// Reads <c>docs</c>, <c>demo</c> (case-insensitive) or a number <c>n</c> (0 to <see cref="MaxGenerated"/>):
    /// <c>n</c> generated items in every generated collection (n Zipchat conversations, n Vertext contacts).
    /// </summary>
    /// <param name="text">The text of a <c>--seed</c> option.</param>
    /// <returns>The seed.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is none of those.</exception>
    public static SimulatorSeed Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (string.Equals(trimmed, Documents.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Documents;
        }

        if (string.Equals(trimmed, Demo.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Demo;
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxGenerated)
        {
            return new(count.ToString(CultureInfo.InvariantCulture), count, count);
        }

        throw new ArgumentException($"A seed is 'docs', 'demo' or a number from 0 to {MaxGenerated} (was '{text}').", nameof(text));
    }
}
