using System.Collections;
using Spectre.Console;

namespace Samples.QuickStart.Tours;

/// <summary>
/// A tour's steps: each is printed as one line the moment it completes (so a slow or failing step shows what
/// came before it, and a redirected log reads in order), and kept for the summary table.
/// </summary>
internal sealed class StepLog : IReadOnlyList<TourStep>
{
    private readonly List<TourStep> _steps = [];

    public int Count => _steps.Count;

    public TourStep this[int index] => _steps[index];

    /// <summary>Prints the step's line and keeps it.</summary>
    public void Add(TourStep step)
    {
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(step.Surface)}:[/] {Markup.Escape(step.Step)}: {Markup.Escape(step.Result)}");
        _steps.Add(step);
    }

    public IEnumerator<TourStep> GetEnumerator() => _steps.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
