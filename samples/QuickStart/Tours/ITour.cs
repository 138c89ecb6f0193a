namespace Samples.QuickStart.Tours;

/// <summary>One vendor's part of the QuickStart: it runs against that vendor's simulator unless credentials are set.</summary>
internal interface ITour
{
    /// <summary>The vendor surface shown in the summary.</summary>
    string Name { get; }

    /// <summary>Runs the tour and returns one summary row per step.</summary>
    Task<IReadOnlyList<TourStep>> RunAsync(TourContext context, CancellationToken cancellationToken);
}

/// <summary>One line of the summary table.</summary>
internal sealed record TourStep(string Surface, string Step, string Result);

/// <summary>What every tour gets: where to print progress and whether real credentials were given.</summary>
internal sealed record TourContext(Func<string, string?> Environment);
